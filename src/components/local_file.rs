//! "Åpne lokal fil": the portfolio office previews a draft feed from disk (file picker, or a file
//! dropped anywhere on the page) together with its validation messages. The file never leaves
//! the browser; the published feed comes back with "Lukk lokal fil". Reading and loading is
//! `state::feed`.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::i18n::{tr, use_i18n, K};
use crate::state::feed::{use_feed_state, LocalFeed};

/// What the page says while a local file is read and, for a workbook, converted (the converter
/// is downloaded on first use, which takes a moment on a phone): at the top of `<main>`, where
/// the draft will show.
#[component]
pub fn LocalReading() -> impl IntoView {
    let i = use_i18n();
    let feed = use_feed_state();
    move || {
        feed.files.reading.get().map(|name| {
            view! { <p class="notice loading local-reading" role="status">{move || i.tf(K::LocalReading, &[("name", &name)])}</p> }
        })
    }
}

/// The picker button (with a hidden file input) and a page-wide drop target.
#[component]
pub fn LocalFilePicker() -> impl IntoView {
    let i = use_i18n();
    let feed = use_feed_state();
    let lang = i.lang;
    let input = NodeRef::<leptos::html::Input>::new();
    let open_file = move |file: web_sys::File| feed.open_local(file, lang.get_untracked());
    let on_change = move |_| {
        if let Some(el) = input.get() {
            if let Some(file) = el.files().and_then(|l| l.get(0)) {
                open_file(file);
            }
            el.set_value("");
        }
    };
    // Drag and drop anywhere on the page.
    let over = window_event_listener(leptos::ev::dragover, |e| e.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |e: web_sys::DragEvent| {
        e.prevent_default();
        if let Some(file) = e
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|l| l.get(0))
        {
            open_file(file);
        }
    });
    on_cleanup(move || {
        over.remove();
        drop.remove();
    });
    view! {
        <span class="local-file">
            <button type="button" class="linkish" on:click=move |_| {
                if let Some(el) = input.get() {
                    el.unchecked_ref::<web_sys::HtmlElement>().click();
                }
            }>{tr(i, K::OpenLocal)}</button>
            <input type="file" accept=crate::components::changes::ACCEPT hidden node_ref=input on:change=on_change/>
            // while a file is read, the hint says so (the status in <main> is what is announced)
            <span class="hint" aria-hidden=move || feed.files.is_reading().then_some("true")>
                {move || match feed.files.reading.get() {
                    Some(name) => i.tf(K::LocalReading, &[("name", &name)]),
                    None => i.t(K::OpenLocalHint).to_string(),
                }}
            </span>
        </span>
    }
}

/// The banner over a draft feed: which file, that it is not published, how many errors and
/// warnings it has, and the way back to the published feed.
#[component]
pub fn LocalBanner(file: LocalFeed) -> impl IntoView {
    let i = use_i18n();
    let feed = use_feed_state();
    let (errors, warnings) = file.counts();
    view! {
        <div class="local-banner" role="status">
            <p>
                <strong>{tr(i, K::LocalBanner)}</strong>
                " «" {file.name.clone()} "» (" {tr(i, K::LocalNotPublished)} ") — "
                {move || i.tn(K::ErrorsCount, errors)} ", " {move || i.tn(K::WarningsCount, warnings)}
            </p>
            {(!file.cells.is_empty()).then(|| {
                let n = file.cells.len();
                let items = file.cells.iter().map(|c| view! { <li>{c.clone()}</li> }).collect_view();
                view! {
                    <details class="cell-issues">
                        <summary>{move || i.tn(K::CellFindings, n)}</summary>
                        <ul class="issues">{items}</ul>
                    </details>
                }
            })}
            <button type="button" on:click=move |_| feed.local.set(None)>{tr(i, K::CloseLocal)}</button>
        </div>
    }
}
