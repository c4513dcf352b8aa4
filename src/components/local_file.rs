//! "Åpne lokal fil": the portfolio office previews a draft feed from disk (file picker, or a file
//! dropped anywhere on the page) together with its validation messages. The file never leaves
//! the browser; the published feed comes back with "Lukk lokal fil".

use std::sync::Arc;

use leptos::prelude::*;
use veikart_domain::validate::{load, LoadError, Loaded, DEFAULT_MAX_BYTES};
use wasm_bindgen::JsCast;

use crate::app::use_ctx;
use crate::i18n::{t, K};

/// A draft feed read from disk: its file name and what loading it gave.
#[derive(Clone, Debug)]
pub struct LocalFeed {
    pub name: String,
    pub result: Result<Arc<Loaded>, LoadError>,
}

/// Reads `file` as text and loads it as a feed.
async fn read(file: web_sys::File) -> LocalFeed {
    let name = file.name();
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    LocalFeed {
        name,
        result: load(&text, DEFAULT_MAX_BYTES).map(Arc::new),
    }
}

/// The picker button (with a hidden file input) and a page-wide drop target. `on_open` receives
/// each file read.
#[component]
pub fn LocalFilePicker(on_open: Callback<LocalFeed>) -> impl IntoView {
    let lang = use_ctx().lang;
    let input = NodeRef::<leptos::html::Input>::new();
    let open_file = move |file: web_sys::File| {
        leptos::task::spawn_local(async move {
            let f = read(file).await;
            on_open.run(f);
        });
    };
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
            }>{move || t(lang.get(), K::OpenLocal)}</button>
            <input type="file" accept=".json,application/json" hidden node_ref=input on:change=on_change/>
            <span class="hint">{move || t(lang.get(), K::OpenLocalHint)}</span>
        </span>
    }
}

/// The banner over a draft feed: which file, that it is not published, how many errors and
/// warnings it has, and the way back to the published feed.
#[component]
pub fn LocalBanner(file: LocalFeed, close: impl Fn() + Send + Sync + 'static) -> impl IntoView {
    let lang = use_ctx().lang;
    let (errors, warnings) = match &file.result {
        Ok(l) => (l.errors().count(), l.warnings().count()),
        Err(_) => (1, 0),
    };
    let name = file.name.clone();
    view! {
        <div class="local-banner" role="status">
            <p>
                <strong>{move || t(lang.get(), K::LocalBanner)}</strong>
                " «" {name} "» (" {move || t(lang.get(), K::LocalNotPublished)} ") — "
                {errors} " " {move || t(lang.get(), K::ErrorsWord)} ", "
                {warnings} " " {move || t(lang.get(), K::WarningsWord)}
            </p>
            <button type="button" on:click=move |_| close()>{move || t(lang.get(), K::CloseLocal)}</button>
        </div>
    }
}
