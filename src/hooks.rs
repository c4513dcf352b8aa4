//! Measuring the DOM, in one place: an element's width (ResizeObserver), the part of an element
//! inside the viewport (scroll and resize), and a media query. Each hook cleans up after itself
//! when its owner goes away; nothing is leaked when a view is mounted again.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// A length in pixels as a custom property holds it (`280px`, `280`, `12.5px`), read by the
/// browser's `parseFloat`: Rust's own float parser would bring its tables into the wasm, about
/// 12 kB for this one call (issue 14). Anything else (another unit, a word, an exponent) is
/// `None`.
pub fn px_value(v: &str) -> Option<f64> {
    let v = v.trim();
    let n = v.strip_suffix("px").unwrap_or(v);
    let digits = n.strip_prefix('-').unwrap_or(n);
    let plain = !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
        && digits.bytes().filter(|&b| b == b'.').count() <= 1
        && digits.bytes().any(|b| b.is_ascii_digit());
    plain
        .then(|| js_sys::parse_float(n))
        .filter(|x| x.is_finite())
}

/// The width of `el` in CSS pixels, minus the value of the CSS custom property `subtract_var`
/// (e.g. a sticky label column), kept current by a ResizeObserver. 0 until mounted.
pub fn use_element_width<E>(el: NodeRef<E>, subtract_var: Option<&'static str>) -> Signal<f64>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let width = RwSignal::new(0.0f64);
    Effect::new(move |_| {
        let Some(node) = el.get() else {
            return;
        };
        let element: web_sys::Element = node.unchecked_into();
        let measure = {
            let element = element.clone();
            move || {
                let sub = subtract_var
                    .and_then(|v| {
                        window()
                            .get_computed_style(&element)
                            .ok()
                            .flatten()?
                            .get_property_value(v)
                            .ok()
                    })
                    .and_then(|v| px_value(&v))
                    .unwrap_or(0.0);
                let w = (f64::from(element.client_width()) - sub).max(0.0);
                // `try_`: an observer callback already queued may run after the owner is gone
                if width
                    .try_get_untracked()
                    .is_some_and(|old| (w - old).abs() >= 1.0)
                {
                    width.try_set(w);
                }
            }
        };
        measure();
        let cb = Closure::<dyn Fn()>::new(measure);
        if let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
            ro.observe(&element);
            // The observer and its callback live exactly as long as this effect run.
            let kept = StoredValue::new_local(Some((ro, cb)));
            on_cleanup(move || {
                kept.update_value(|k| {
                    if let Some((ro, _cb)) = k.take() {
                        ro.disconnect();
                    }
                })
            });
        }
    });
    width.into()
}

/// The vertical window of `el` that is on screen: (distance from the element's top to the top
/// of the viewport, minus `offset`; viewport height). Updated on scroll and resize, and when
/// `track` changes (after a re-render moved things).
pub fn use_viewport_window<E>(
    el: NodeRef<E>,
    offset: f64,
    track: impl Fn() + Send + Sync + 'static,
) -> Signal<(f64, f64)>
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    let win = RwSignal::new((0.0, 900.0));
    let measure = move || {
        // A frame requested before the view went away (the feed was swapped, the layout
        // changed) finds its node and signal disposed: it then has nothing to measure.
        let Some(Some(node)) = el.try_get_untracked() else {
            return;
        };
        let element: web_sys::Element = node.unchecked_into();
        let top = -element.get_bounding_client_rect().top() - offset;
        let h = window()
            .inner_height()
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(900.0);
        if win.try_get_untracked().is_some_and(|old| old != (top, h)) {
            win.try_set((top, h));
        }
    };
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| measure());
    let on_resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || {
        on_scroll.remove();
        on_resize.remove();
    });
    Effect::new(move |first: Option<()>| {
        track();
        el.track();
        // The first run comes right after the element is mounted, before anything is drawn in it
        // (the timeline waits for its width): measured now, in a layout the width measure has
        // just made, the first rows drawn are the ones on screen, not a guess that a second
        // render and layout then correct.
        if first.is_none() {
            measure();
        }
        request_animation_frame(measure);
    });
    win.into()
}

/// Whether the media query matches, kept current.
pub fn use_media_query(query: &'static str) -> Signal<bool> {
    let matches = move || {
        window()
            .match_media(query)
            .ok()
            .flatten()
            .is_some_and(|m| m.matches())
    };
    let state = RwSignal::new(matches());
    let on_resize = window_event_listener(leptos::ev::resize, move |_| {
        let m = matches();
        if state.try_get_untracked().is_some_and(|old| old != m) {
            state.try_set(m);
        }
    });
    on_cleanup(move || on_resize.remove());
    state.into()
}
