//! Helpers shared by the in-browser component tests (wasm-bindgen-test).
#![allow(dead_code)]

use std::sync::Arc;

use leptos::prelude::*;
use veikart::app::Ctx;
use veikart_domain::validate::{load, DEFAULT_MAX_BYTES};
use veikart_domain::Lang;
use wasm_bindgen::JsCast;

pub const MINIMAL: &str = include_str!("../fixtures/minimal.json");

/// A fresh element to mount into.
pub fn container() -> web_sys::HtmlElement {
    let doc = document();
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

pub fn ctx_from(text: &str) -> Ctx {
    let loaded = Arc::new(load(text, DEFAULT_MAX_BYTES).expect("fixture loads"));
    Ctx {
        feed: Signal::derive(move || Some(loaded.clone())),
        lang: Signal::derive(|| Lang::Nb),
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
