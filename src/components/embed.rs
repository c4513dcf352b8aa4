//! Embed mode (`?embed=1`): no app chrome (a CSS class on `<html>` hides it), a link to the full
//! app, the page height sent to the host with `postMessage` whenever it changes, and theme
//! variables accepted from the host (checked by `veikart_domain::embed::theme_var_ok`).
//! The host side is `public/embed.js`; `public/embed-example.html` shows both ways to embed.

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{MessageEvent, ResizeObserver};

use crate::i18n::{tr, use_i18n, K};
use crate::state::use_app;

fn post_to_parent(kind: &str, height: Option<i32>) {
    let Ok(Some(parent)) = window().parent() else {
        return;
    };
    let msg = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&msg, &"type".into(), &kind.into());
    if let Some(h) = height {
        let _ = js_sys::Reflect::set(&msg, &"height".into(), &JsValue::from(h));
    }
    // The height is not sensitive; the host script checks the sender (event.source/origin).
    let _ = parent.post_message(&msg, "*");
}

fn apply_theme(data: &JsValue) {
    let Ok(vars) = js_sys::Reflect::get(data, &"vars".into()) else {
        return;
    };
    let Some(obj) = vars.dyn_ref::<js_sys::Object>() else {
        return;
    };
    let Some(root) = document()
        .document_element()
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    for entry in js_sys::Object::entries(obj).iter() {
        let pair = js_sys::Array::from(&entry);
        let (Some(k), Some(v)) = (pair.get(0).as_string(), pair.get(1).as_string()) else {
            continue;
        };
        if veikart_domain::embed::theme_var_ok(&k, &v) {
            let _ = root.style().set_property(&k, v.trim());
        }
    }
}

#[component]
pub fn EmbedBridge() -> impl IntoView {
    let app = use_app();
    let i = use_i18n();
    let embed = crate::state::view_part(|v| v.embed);

    Effect::new(move |started: Option<bool>| {
        let on = embed.get();
        if let Some(root) = document().document_element() {
            let _ = root.class_list().toggle_with_force("embed", on);
        }
        if !on || started == Some(true) {
            return started.unwrap_or(false) || on;
        }
        // Height: observe the body; send only when it changes.
        let last = std::cell::Cell::new(-1);
        let cb = Closure::<dyn Fn()>::new(move || {
            let h = document()
                .body()
                .map(|b| b.scroll_height().max(b.offset_height()))
                .unwrap_or(0);
            if h != last.get() {
                last.set(h);
                post_to_parent("veikart:height", Some(h));
            }
        });
        if let (Ok(ro), Some(body)) = (
            ResizeObserver::new(cb.as_ref().unchecked_ref()),
            document().body(),
        ) {
            ro.observe(&body);
        }
        cb.forget(); // lives as long as the page
                     // Theme from the host.
        let onmsg = Closure::<dyn Fn(MessageEvent)>::new(move |e: MessageEvent| {
            let data = e.data();
            let kind = js_sys::Reflect::get(&data, &"type".into())
                .ok()
                .and_then(|v| v.as_string());
            if kind.as_deref() == Some("veikart:theme") {
                apply_theme(&data);
            }
        });
        let _ =
            window().add_event_listener_with_callback("message", onmsg.as_ref().unchecked_ref());
        onmsg.forget();
        post_to_parent("veikart:ready", None);
        true
    });

    move || {
        embed.get().then(|| {
            // The same view without `embed=1`, in a new tab.
            let href = move || app.view.with(|v| {
                let mut full = v.clone();
                full.embed = false;
                full.href()
            });
            view! {
                <p class="embed-open">
                    <a href=href target="_blank" rel="noopener">{tr(i, K::OpenFull)}<span aria-hidden="true">" ↗"</span></a>
                </p>
            }
        })
    }
}
