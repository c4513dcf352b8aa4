//! Workbooks in the browser (issue 17): «Åpne lokal fil» and «Sammenlign med en fil» accept an
//! `.xlsx` from the portfolio office. The conversion runs in a Web Worker
//! (`crates/sheet-worker`, built by trunk from the `data-type="worker"` link in `index.html`),
//! started on the first call, so neither its wasm nor its JS is fetched for the first view.
//!
//! ```text
//! match sheet::workbook_to_feed_json(bytes, lang).await {
//!     Ok(w) => { /* w.json: the feed as JSON text, load it as the draft; w.issues: findings at their cells */ }
//!     Err(WorkbookError::Lines(lines)) => { /* the cells do not make a feed: show the lines (sheet!cell (header): …) */ }
//!     Err(WorkbookError::Unavailable(why)) => { /* the converter was not downloaded: offer a retry */ }
//! }
//! ```
//!
//! The worker starts from `crates/sheet-worker/veikart-sheet-worker_loader.js`, which posts
//! `{"unavailable": "<file>: <reason>"}` when its JS or wasm cannot be fetched (a failed download
//! inside a worker never reaches the page's `onerror`), so a request never waits for ever.

use std::cell::{Cell, RefCell};

use js_sys::{Array, Function, Object, Promise, Reflect, Uint8Array};
use veikart_domain::index::IdMap;
use veikart_domain::Lang;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// The worker's loader (`crates/sheet-worker/veikart-sheet-worker_loader.js`, copied by trunk next
/// to the worker's JS and wasm, which are named after the bin and not hashed).
pub const WORKER_URL: &str = "/veikart-sheet-worker_loader.js";

/// Whether a file looks like a workbook (by name, or by the zip signature of its first bytes).
pub fn is_workbook(name: &str, first_bytes: &[u8]) -> bool {
    name.to_ascii_lowercase().ends_with(".xlsx") || first_bytes.starts_with(b"PK\x03\x04")
}

/// Why a workbook gave no feed.
#[derive(Clone, Debug, PartialEq)]
pub enum WorkbookError {
    /// The cells do not make a feed, or the conversion failed: the lines to show (each names
    /// its sheet, cell and column header).
    Lines(Vec<String>),
    /// The converter itself could not be downloaded (the file and the browser's reason): nothing
    /// is known to be wrong with the workbook, and another try may work.
    Unavailable(String),
}

/// A workbook turned into a feed.
#[derive(Clone, Debug, PartialEq)]
pub struct WorkbookFeed {
    /// The feed as JSON text: load it like a local `.json` file (it is validated again there).
    pub json: String,
    /// The validation findings at their cells, in the requested language, e.g.
    /// `Milepæler!D14 (dato): Ugyldig dato – …`; warnings start with `⚠ `.
    pub issues: Vec<String>,
}

#[wasm_bindgen]
extern "C" {
    /// The browser's `Worker` (bound here so the app needs no new web-sys features).
    #[wasm_bindgen(js_name = Worker)]
    #[derive(Clone)]
    type JsWorker;
    #[wasm_bindgen(constructor, js_class = "Worker", catch)]
    fn new(url: &str) -> Result<JsWorker, JsValue>;
    #[wasm_bindgen(method, js_name = postMessage, catch)]
    fn post_message(this: &JsWorker, msg: &JsValue, transfer: &Array) -> Result<(), JsValue>;
    #[wasm_bindgen(method, setter = onmessage)]
    fn set_onmessage(this: &JsWorker, f: &Function);
    #[wasm_bindgen(method, setter = onerror)]
    fn set_onerror(this: &JsWorker, f: &Function);
    #[wasm_bindgen(method)]
    fn terminate(this: &JsWorker);
}

thread_local! {
    static WORKER: RefCell<Option<JsWorker>> = const { RefCell::new(None) };
    /// Requests waiting for an answer: id → the promise's resolve function.
    static PENDING: RefCell<IdMap<u32, Function>> = RefCell::new(IdMap::default());
    static NEXT_ID: Cell<u32> = const { Cell::new(1) };
    /// Resolved when the worker has said it is ready (its wasm is loaded).
    static READY: RefCell<Option<(Promise, Option<Function>)>> = const { RefCell::new(None) };
    /// Why the last worker could not start (its loader's `unavailable`), for the waiting request.
    static UNAVAILABLE: RefCell<Option<String>> = const { RefCell::new(None) };
}

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "nb",
        Lang::Nn => "nn",
        Lang::En => "en",
    }
}

fn failed(lang: Lang, detail: &str) -> WorkbookError {
    WorkbookError::Lines(vec![crate::i18n::tf(
        lang,
        crate::i18n::K::ErrWorkbookConvert,
        &[("why", &detail)],
    )])
}

/// Answers every waiting request with this reply (the worker failed to start or crashed).
fn fail_all(reply: &str) {
    let pending: Vec<Function> = PENDING.with(|p| p.borrow_mut().drain().map(|(_, f)| f).collect());
    for resolve in pending {
        let _ = resolve.call1(&JsValue::NULL, &JsValue::from_str(reply));
    }
    // start afresh next time
    if let Some(w) = WORKER.with(|w| w.borrow_mut().take()) {
        w.terminate();
    }
    if let Some((_, Some(resolve))) = READY.with(|r| r.borrow_mut().take()) {
        let _ = resolve.call0(&JsValue::NULL);
    }
}

/// The worker, started on first use, and a promise that resolves when it is ready.
fn worker() -> Result<(JsWorker, Promise), JsValue> {
    if let Some(w) = WORKER.with(|w| w.borrow().clone()) {
        if let Some(ready) = READY.with(|r| r.borrow().as_ref().map(|(p, _)| p.clone())) {
            return Ok((w, ready));
        }
    }
    let mut resolve_ready = None;
    let ready = Promise::new(&mut |resolve, _| resolve_ready = Some(resolve));
    READY.with(|r| *r.borrow_mut() = Some((ready.clone(), resolve_ready)));
    // a reason left from an earlier worker is not this one's
    UNAVAILABLE.with(|u| u.borrow_mut().take());
    let w = JsWorker::new(WORKER_URL)?;
    let onmessage = Closure::<dyn FnMut(JsValue)>::new(|event: JsValue| {
        let data = Reflect::get(&event, &"data".into())
            .ok()
            .and_then(|d| d.as_string())
            .unwrap_or_default();
        let v = serde_json::from_str::<serde_json::Value>(&data).unwrap_or_default();
        if let Some(why) = v["unavailable"].as_str() {
            UNAVAILABLE.with(|u| *u.borrow_mut() = Some(why.to_string()));
            fail_all(&data);
            return;
        }
        if v["ready"].as_bool() == Some(true) {
            let resolve = READY.with(|r| r.borrow_mut().as_mut().and_then(|(_, f)| f.take()));
            if let Some(resolve) = resolve {
                let _ = resolve.call0(&JsValue::NULL);
            }
            return;
        }
        let id = v["id"].as_f64().unwrap_or(0.0) as u32;
        if let Some(resolve) = PENDING.with(|p| p.borrow_mut().remove(&id)) {
            let _ = resolve.call1(&JsValue::NULL, &JsValue::from_str(&data));
        }
    });
    w.set_onmessage(onmessage.as_ref().unchecked_ref());
    onmessage.forget();
    let onerror = Closure::<dyn FnMut(JsValue)>::new(|event: JsValue| {
        let msg = Reflect::get(&event, &"message".into())
            .ok()
            .and_then(|m| m.as_string())
            .unwrap_or_else(|| "worker error".into());
        fail_all(&fatal_reply(&msg));
    });
    w.set_onerror(onerror.as_ref().unchecked_ref());
    onerror.forget();
    WORKER.with(|slot| *slot.borrow_mut() = Some(w.clone()));
    Ok((w, ready))
}

/// Converts an `.xlsx` workbook to feed JSON in the Web Worker (started on the first call, and
/// again after a failed start). `Err` holds the lines to show when the cells do not make a feed
/// (each names sheet, cell and column header), one line when the worker could not run, or why
/// the converter could not be downloaded.
pub async fn workbook_to_feed_json(
    bytes: Vec<u8>,
    lang: Lang,
) -> Result<WorkbookFeed, WorkbookError> {
    let (w, ready) = worker().map_err(|e| failed(lang, &format!("{e:?}")))?;
    let _ = JsFuture::from(ready).await;
    // a worker that failed to start resolved `ready` through `fail_all`
    if WORKER.with(|w| w.borrow().is_none()) {
        return Err(match UNAVAILABLE.with(|u| u.borrow_mut().take()) {
            Some(why) => WorkbookError::Unavailable(why),
            None => failed(lang, "the worker did not start"),
        });
    }
    let id = NEXT_ID.with(|n| {
        let id = n.get();
        n.set(id.wrapping_add(1).max(1));
        id
    });
    let array = Uint8Array::from(bytes.as_slice());
    let msg = Object::new();
    let _ = Reflect::set(&msg, &"id".into(), &JsValue::from(id));
    let _ = Reflect::set(&msg, &"lang".into(), &JsValue::from_str(lang_code(lang)));
    let _ = Reflect::set(&msg, &"bytes".into(), &array);
    let answer = Promise::new(&mut |resolve, _reject| {
        PENDING.with(|p| p.borrow_mut().insert(id, resolve));
    });
    if let Err(e) = w.post_message(&msg, &Array::of1(&array.buffer())) {
        PENDING.with(|p| p.borrow_mut().remove(&id));
        return Err(failed(lang, &format!("{e:?}")));
    }
    let reply = JsFuture::from(answer)
        .await
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    parse_reply(&reply, lang)
}

/// The answer for every waiting request when the worker itself fails: `{"ok":false,"fatal":…}`,
/// written around the escaped message (`json!(..).to_string()` would bring serde_json's number
/// printer into the wasm for an answer that holds no number; issue 14).
pub fn fatal_reply(msg: &str) -> String {
    let msg = serde_json::to_string(msg).unwrap_or_else(|_| "\"\"".into());
    format!(r#"{{"ok":false,"fatal":{msg}}}"#)
}

/// Reads the worker's JSON answer (or its loader's `unavailable`).
pub fn parse_reply(reply: &str, lang: Lang) -> Result<WorkbookFeed, WorkbookError> {
    let v: serde_json::Value =
        serde_json::from_str(reply).map_err(|e| failed(lang, &e.to_string()))?;
    let strings = |k: &str| -> Vec<String> {
        v[k].as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|s| s.as_str().map(str::to_string))
                    .collect()
            })
            .unwrap_or_default()
    };
    if let Some(why) = v["unavailable"].as_str() {
        return Err(WorkbookError::Unavailable(why.to_string()));
    }
    if let Some(fatal) = v["fatal"].as_str() {
        return Err(failed(lang, fatal));
    }
    if v["ok"].as_bool() == Some(true) {
        Ok(WorkbookFeed {
            json: v["json"].as_str().unwrap_or_default().to_string(),
            issues: strings("issues"),
        })
    } else {
        Err(WorkbookError::Lines(strings("errors")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replies_are_read() {
        let ok = parse_reply(r#"{"id":1,"ok":true,"json":"{}","issues":["a"]}"#, Lang::Nb);
        assert_eq!(
            ok,
            Ok(WorkbookFeed {
                json: "{}".into(),
                issues: vec!["a".into()]
            })
        );
        let bad = parse_reply(
            r#"{"id":1,"ok":false,"errors":["Milepæler!D2 (dato): x"]}"#,
            Lang::Nb,
        );
        assert_eq!(
            bad,
            Err(WorkbookError::Lines(vec![
                "Milepæler!D2 (dato): x".to_string()
            ]))
        );
        let lines = |e: WorkbookError| match e {
            WorkbookError::Lines(l) => l,
            other => panic!("{other:?}"),
        };
        let fatal = lines(parse_reply(r#"{"ok":false,"fatal":"boom"}"#, Lang::En).unwrap_err());
        assert!(fatal[0].contains("boom"), "{fatal:?}");
        // the worker's own failure, with a message that needs escaping
        let msg = "script \"x.js\" failed:\nline 2 \\ <b>æ</b>";
        let failed = lines(parse_reply(&fatal_reply(msg), Lang::En).unwrap_err());
        assert!(failed[0].contains(msg), "{failed:?}");
        // what the loader posts when the converter cannot be downloaded
        assert_eq!(
            parse_reply(
                r#"{"unavailable":"veikart-sheet-worker_bg.wasm: Failed to fetch"}"#,
                Lang::Nb
            ),
            Err(WorkbookError::Unavailable(
                "veikart-sheet-worker_bg.wasm: Failed to fetch".into()
            ))
        );
    }

    #[test]
    fn workbooks_are_told_apart_from_json() {
        assert!(is_workbook("Veikart.XLSX", b""));
        assert!(is_workbook("utkast", b"PK\x03\x04rest"));
        assert!(!is_workbook("feed.json", b"{\"meta\""));
    }
}
