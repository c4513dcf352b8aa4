//! The spreadsheet converter as a Web Worker (issue 17). The app starts it only when someone
//! opens a workbook (`src/sheet.rs`), so its wasm is not part of the first view.
//!
//! Protocol: the worker first posts `{"ready":true}` (messages sent before that would be lost
//! while its wasm loads); then the page posts `{id, lang, bytes}` (`bytes` a `Uint8Array` of the .xlsx file,
//! `lang` `nb`/`nn`/`en`); the worker answers with a JSON string, either
//! `{"id": 1, "ok": true, "json": "<feed JSON>", "issues": ["Milepæler!D14 (dato): …", …]}` —
//! `issues` are the validation findings at their cells (errors and warnings; the feed may still
//! have errors, which the app shows on the draft as for any local file) — or
//! `{"id": 1, "ok": false, "errors": ["…"]}` when the cells do not make a feed at all.

use veikart_domain::{Lang, Severity};

/// What the worker posts once it can take workbooks.
pub const READY: &str = r#"{"ready":true}"#;

/// The answer to one workbook, as the JSON string the worker posts back.
pub fn reply(id: f64, lang: &str, bytes: &[u8]) -> String {
    let lang = match lang {
        "nn" => Lang::Nn,
        "en" => Lang::En,
        _ => Lang::Nb,
    };
    let v = match veikart_sheet::import_workbook(bytes) {
        Ok(imp) => serde_json::json!({
            "id": id,
            "ok": true,
            "json": imp.json,
            "issues": imp.findings.iter().map(|f| {
                let prefix = if f.severity == Severity::Warning { "⚠ " } else { "" };
                format!("{prefix}{}", f.line(lang))
            }).collect::<Vec<_>>(),
        }),
        Err(findings) => serde_json::json!({
            "id": id,
            "ok": false,
            "errors": findings.iter().map(|f| f.line(lang)).collect::<Vec<_>>(),
        }),
    };
    v.to_string()
}

#[cfg(target_arch = "wasm32")]
mod worker {
    use js_sys::{Reflect, Uint8Array};
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    #[wasm_bindgen]
    extern "C" {
        /// `DedicatedWorkerGlobalScope` (bound here so no web-sys features are needed).
        type Scope;
        #[wasm_bindgen(method, js_name = postMessage)]
        fn post_message(this: &Scope, msg: &JsValue);
        #[wasm_bindgen(method, setter = onmessage)]
        fn set_onmessage(this: &Scope, f: &js_sys::Function);
    }

    pub fn start() {
        let scope: Scope = js_sys::global().unchecked_into();
        let onmessage = Closure::<dyn FnMut(JsValue)>::new(move |event: JsValue| {
            let data = Reflect::get(&event, &"data".into()).unwrap_or(JsValue::NULL);
            let id = Reflect::get(&data, &"id".into())
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(0.0);
            let lang = Reflect::get(&data, &"lang".into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let bytes = Reflect::get(&data, &"bytes".into())
                .ok()
                .filter(|b| b.is_instance_of::<Uint8Array>())
                .map(|b| b.unchecked_into::<Uint8Array>().to_vec())
                .unwrap_or_default();
            let scope: Scope = js_sys::global().unchecked_into();
            scope.post_message(&JsValue::from_str(&super::reply(id, &lang, &bytes)));
        });
        scope.set_onmessage(onmessage.as_ref().unchecked_ref());
        onmessage.forget();
        // Messages that arrive before this handler exists are lost, so the page waits for this.
        scope.post_message(&JsValue::from_str(super::READY));
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    worker::start();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_non_workbook_is_an_error_reply() {
        let v: serde_json::Value = serde_json::from_str(&reply(7.0, "en", b"not a zip")).unwrap();
        assert_eq!(v["id"], 7.0);
        assert_eq!(v["ok"], false);
        let e = v["errors"][0].as_str().unwrap();
        assert!(
            e.starts_with("The file cannot be read as an Excel workbook"),
            "{e}"
        );
    }

    #[test]
    fn the_example_workbook_becomes_the_shipped_1_1_feed() {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
        let bytes = std::fs::read(format!("{root}/tests/fixtures/sheet/eksempel.xlsx")).unwrap();
        let v: serde_json::Value = serde_json::from_str(&reply(1.0, "nb", &bytes)).unwrap();
        assert_eq!(v["ok"], true, "{v}");
        assert_eq!(v["issues"], serde_json::json!([]));
        let got: serde_json::Value = serde_json::from_str(v["json"].as_str().unwrap()).unwrap();
        let shipped: veikart_domain::Feed = serde_json::from_str(
            &std::fs::read_to_string(format!("{root}/public/feed.json")).unwrap(),
        )
        .unwrap();
        assert_eq!(got, serde_json::to_value(&shipped).unwrap());
        assert_eq!(got["meta"]["schema_version"], "1.1.0");
        assert!(!got["risks"].as_array().unwrap().is_empty());
    }
}
