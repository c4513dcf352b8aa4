//! Helpers shared by the in-browser component tests (wasm-bindgen-test).
#![allow(dead_code)]

use std::sync::{Arc, Mutex};

use leptos::prelude::*;
use leptos_router::components::Router;
use veikart::state::fixed::provide_fixed;
use veikart::state::AppState;
use veikart_domain::date::Ymd;
use veikart_domain::validate::{load, DEFAULT_MAX_BYTES};
use wasm_bindgen::JsCast;

pub const MINIMAL: &str = include_str!("../fixtures/minimal.json");
/// The shipped feed: every text in bokmål, nynorsk and English.
pub const DEFAULT_FEED: &str = include_str!("../../public/feed.json");
/// The fixed "today" of the tests.
pub const TODAY: Ymd = Ymd {
    y: 2026,
    m: 12,
    d: 1,
};

/// The app's own stylesheet, so that what a test measures is what a user sees (boxes, wrapping,
/// clamped labels). Designsystemet's tokens are left out: they set colours and fonts, not boxes;
/// where they are missing the page is plainer, not laid out differently.
const STYLES: [&str; 2] = [
    include_str!("../../style/main.css"),
    include_str!("../../style/feed11.css"),
];

/// Adds the app's stylesheet to the test page once.
fn with_styles(doc: &web_sys::Document) {
    if doc.get_element_by_id("vk-test-styles").is_some() {
        return;
    }
    let style = doc.create_element("style").unwrap();
    style.set_id("vk-test-styles");
    style.set_text_content(Some(&STYLES.concat()));
    doc.head().unwrap().append_child(&style).unwrap();
}

/// A fresh element to mount into (on a page with the app's stylesheet).
pub fn container() -> web_sys::HtmlElement {
    let doc = document();
    with_styles(&doc);
    let div = doc.create_element("div").unwrap();
    doc.body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

/// Tests share one page: start each from a given URL (path and query).
pub fn set_url(url: &str) {
    let _ = window().history().unwrap().replace_state_with_url(
        &wasm_bindgen::JsValue::NULL,
        "",
        Some(url),
    );
}

#[component]
fn Fixture(
    text: &'static str,
    narrow: bool,
    cell: Arc<Mutex<Option<AppState>>>,
    children: Children,
) -> impl IntoView {
    let loaded = load(text, DEFAULT_MAX_BYTES).expect("fixture loads");
    *cell.lock().unwrap() = Some(provide_fixed(loaded, TODAY, narrow));
    children()
}

/// A mounted view with the app state around it.
pub struct Mounted {
    pub root: web_sys::HtmlElement,
    pub app: AppState,
    _handle: Box<dyn std::any::Any>,
}

/// Mounts `view` at `url` with the feed `text`, inside a Router and the app state (fixed clock;
/// a wide screen unless `narrow`).
pub fn mount_at<V: IntoView + 'static>(
    url: &str,
    text: &'static str,
    narrow: bool,
    view: impl Fn() -> V + Send + Sync + 'static,
) -> Mounted {
    set_url(url);
    let root = container();
    let cell = Arc::new(Mutex::new(None));
    let c2 = cell.clone();
    let handle = leptos::mount::mount_to(root.clone(), move || {
        let c3 = c2.clone();
        view! { <Router><Fixture text narrow cell=c3>{view()}</Fixture></Router> }
    });
    let app = cell
        .lock()
        .unwrap()
        .expect("the fixture provided the app state");
    Mounted {
        root,
        app,
        _handle: Box::new(handle),
    }
}

pub fn texts(root: &web_sys::HtmlElement, sel: &str) -> Vec<String> {
    let list = root.query_selector_all(sel).unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .map(|n| n.text_content().unwrap_or_default().trim().to_string())
        .collect()
}

pub fn button_with_text(root: &web_sys::HtmlElement, text: &str) -> web_sys::HtmlElement {
    let list = root.query_selector_all("button").unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .find(|n| n.text_content().unwrap_or_default().trim() == text)
        .unwrap_or_else(|| panic!("no button «{text}»"))
        .unchecked_into()
}

/// Settles until `done` holds, for at most `secs` seconds of wall time (a fetch in a loaded CI
/// machine can take longer than one settle); panics with `what` when it never does.
pub async fn settle_until(what: &str, secs: f64, done: impl Fn() -> bool) {
    let start = js_sys::Date::now();
    while !done() {
        assert!(
            js_sys::Date::now() - start < secs * 1000.0,
            "{what}: not done after {secs} s"
        );
        settle().await;
    }
}

/// Router navigation and effects are asynchronous: wait a few real milliseconds, then let the
/// reactive system flush.
pub async fn settle() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 30)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
    for _ in 0..3 {
        leptos::task::tick().await;
    }
}
