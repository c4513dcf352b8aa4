//! The detail panel of one measure, on its own route (`/tiltak/PLL`) over the current view.
//! Esc or "Lukk" goes back to the view with the same state, and focus returns to the measure's
//! row. The sections are in `sections.rs`.

mod sections;

pub use sections::sources_line;

use leptos::prelude::*;
use veikart_domain::view_state::Page;

use crate::i18n::{tr, use_i18n, K};
use crate::state::{use_app, view_part};

#[component]
pub fn DetailPanel() -> impl IntoView {
    let app = use_app();
    let i = use_i18n();
    let id = view_part(|v| v.selected().map(str::to_string));
    let nav = app.nav;
    let close = move || {
        let Some(back_to) = id.get_untracked() else {
            return;
        };
        nav.go(|s| s.page = Page::Roadmap);
        // Return focus to the row the panel was opened from.
        request_animation_frame(move || {
            let sel = format!("[data-measure=\"{}\"] a", back_to.replace(['"', '\\'], ""));
            if let Ok(Some(el)) = document().query_selector(&sel) {
                if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                    let _ = el.focus();
                }
            }
        });
    };
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            close();
        }
    });
    on_cleanup(move || handle.remove());

    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        id.track();
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });

    let body = move || {
        let f = app.feed.get()?;
        let id = id.get()?;
        Some(match f.measure(&id).cloned() {
            Some(m) => view! { <sections::DetailBody feed=f measure=m heading/> }.into_any(),
            None => view! {
                <h2 tabindex="-1" node_ref=heading>{tr(i, K::NotFoundMeasure)}</h2>
                <p>{format!("«{id}»")}</p>
            }
            .into_any(),
        })
    };
    let open = Memo::new(move |_| id.with(Option::is_some));
    move || {
        open.get().then(|| {
            view! {
                <aside class="detail" aria-labelledby="detail-title">
                    <button type="button" class="close" on:click=move |_| close()>
                        {tr(i, K::Close)} <span aria-hidden="true">" ×"</span>
                    </button>
                    {body}
                </aside>
            }
        })
    }
}
