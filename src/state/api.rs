//! Fetching the feed: a typed async function, as in the leptos `fetch` example, plus what makes it
//! robust: a timeout, a size limit enforced while the body streams in, conditional requests
//! (ETag / Last-Modified) and the last good feed kept in browser storage (`crate::last_good`).

use std::fmt;
use std::sync::Arc;

use veikart_domain::validate::{load, LoadError, Loaded, DEFAULT_MAX_BYTES};

/// The default feed, shipped in `public/`.
pub const DEFAULT_FEED_URL: &str = "/public/feed.json";
/// How long a fetch may take, body included, before it is given up.
pub const DEFAULT_TIMEOUT_MS: u32 = 10_000;

/// Where the feed comes from and the limits for it. Read from `<meta name="veikart-…">` tags in
/// `index.html` (see [`FeedConfig::from_document`]), so a site can change them without a rebuild.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FeedConfig {
    pub url: String,
    pub timeout_ms: u32,
    pub max_bytes: usize,
    /// Other origins `?feed=` may load from (`<meta name="veikart-feed-origins">`, space-separated).
    pub feed_origins: Vec<String>,
}

impl Default for FeedConfig {
    fn default() -> Self {
        FeedConfig {
            url: DEFAULT_FEED_URL.to_string(),
            timeout_ms: DEFAULT_TIMEOUT_MS,
            max_bytes: DEFAULT_MAX_BYTES,
            feed_origins: Vec::new(),
        }
    }
}

impl FeedConfig {
    /// `<meta name="veikart-feed-url">`, `<meta name="veikart-timeout-ms">` and
    /// `<meta name="veikart-max-bytes">`; a missing or unreadable value keeps its default.
    pub fn from_document() -> Self {
        let mut cfg = FeedConfig::default();
        let meta = |name: &str| -> Option<String> {
            let doc = web_sys::window()?.document()?;
            let el = doc
                .query_selector(&format!("meta[name=\"{name}\"]"))
                .ok()??;
            el.get_attribute("content")
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty())
        };
        if let Some(u) = meta("veikart-feed-url") {
            cfg.url = u;
        }
        if let Some(ms) = meta("veikart-timeout-ms").and_then(|s| s.parse().ok()) {
            cfg.timeout_ms = ms;
        }
        if let Some(b) = meta("veikart-max-bytes").and_then(|s| s.parse().ok()) {
            cfg.max_bytes = b;
        }
        if let Some(o) = meta("veikart-feed-origins") {
            cfg.feed_origins = o.split_whitespace().map(String::from).collect();
        }
        cfg
    }

    /// This configuration with the feed chosen by a `?feed=` value (a same-origin path, or an
    /// allow-listed origin's URL; see `veikart_domain::source`).
    pub fn with_feed_param(mut self, param: Option<&str>) -> Result<FeedConfig, FeedError> {
        self.url = veikart_domain::source::feed_source(param, &self.url, &self.feed_origins)
            .map_err(FeedError::Source)?;
        Ok(self)
    }
}

/// Why the feed could not be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum FeedError {
    /// No answer at all (offline, DNS, refused, CORS).
    Network(String),
    /// An HTTP error status.
    Http(u16),
    /// No complete answer within the time limit.
    Timeout { ms: u32 },
    /// The connection broke while the body was coming in.
    Interrupted(String),
    /// The body could not be read as a feed.
    Load(LoadError),
    /// `?feed=` names a source that is not allowed (or not a URL at all); nothing was fetched.
    Source(veikart_domain::source::SourceError),
    /// A 304 answer to a request that had no stored copy to confirm.
    NotModifiedWithoutCopy,
    /// A local file could not be read (the browser's reason in `why`).
    File { name: String, why: String },
    /// A workbook whose cells do not make a feed: one line per problem, each naming its cell.
    Workbook { name: String, lines: Vec<String> },
    /// The workbook converter (the worker's JS or wasm, fetched on first use) could not be
    /// downloaded: the file and the browser's reason.
    Converter { why: String },
}

impl fmt::Display for FeedError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FeedError::Network(d) => write!(f, "network error: {d}"),
            FeedError::Http(c) => write!(f, "HTTP {c}"),
            FeedError::Timeout { ms } => write!(f, "no answer within {ms} ms"),
            FeedError::Interrupted(d) => write!(f, "download interrupted: {d}"),
            FeedError::Load(e) => write!(f, "{e}"),
            FeedError::Source(e) => write!(f, "feed source refused: {e:?}"),
            FeedError::NotModifiedWithoutCopy => write!(f, "HTTP 304 without a stored copy"),
            FeedError::File { name, why } => write!(f, "could not read {name}: {why}"),
            FeedError::Workbook { name, lines } => write!(f, "{name}: {}", lines.join("; ")),
            FeedError::Converter { why } => write!(f, "workbook converter not downloaded: {why}"),
        }
    }
}

/// The validators of a stored copy, sent as `If-None-Match` / `If-Modified-Since`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Validators {
    pub etag: Option<String>,
    pub last_modified: Option<String>,
}

/// A successful HTTP exchange.
#[derive(Clone, Debug)]
pub enum Fetched {
    /// 200: the body and the validators to store with it.
    Fresh {
        text: String,
        validators: Validators,
        /// The same body as the browser delivered it, for the copy in storage.
        raw: RawBody,
    },
    /// 304: the stored copy is still current.
    NotModified,
}

/// Fetches and validates the feed at `url` with the limits of `cfg` (the site's time and size
/// limits apply to every feed it loads). Semantic errors are in the returned [`Loaded`]; the
/// caller decides whether they block rendering.
pub async fn fetch_feed(cfg: &FeedConfig, url: String) -> Result<Loaded, FeedError> {
    let cfg = FeedConfig { url, ..cfg.clone() };
    match fetch_text(&cfg, None).await? {
        Fetched::Fresh { text, .. } => load(&text, cfg.max_bytes).map_err(FeedError::Load),
        Fetched::NotModified => Err(FeedError::NotModifiedWithoutCopy),
    }
}

/// One GET of the feed's bytes, with the time limit (an `AbortController` fires after
/// `timeout_ms`) and the size limit (checked against `Content-Length` and while streaming).
pub async fn fetch_text(
    cfg: &FeedConfig,
    validators: Option<&Validators>,
) -> Result<Fetched, FeedError> {
    // The request index.html started while the app's code loaded, if it is the one we would send.
    let early = take_early(&cfg.url, validators);
    let controller = match &early {
        Some((_, c)) => Some(c.clone()),
        None => web_sys::AbortController::new().ok(),
    };
    let timed_out = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let timer = {
        let controller = controller.clone();
        let timed_out = timed_out.clone();
        leptos::prelude::set_timeout_with_handle(
            move || {
                timed_out.store(true, std::sync::atomic::Ordering::SeqCst);
                if let Some(c) = controller {
                    c.abort();
                }
            },
            std::time::Duration::from_millis(cfg.timeout_ms.into()),
        )
        .ok()
    };
    let result = fetch_inner(cfg, validators, controller.as_ref(), early.map(|(p, _)| p)).await;
    if let Some(t) = timer {
        t.clear();
    }
    if timed_out.load(std::sync::atomic::Ordering::SeqCst)
        && matches!(
            result,
            Err(FeedError::Network(_) | FeedError::Interrupted(_))
        )
    {
        return Err(FeedError::Timeout { ms: cfg.timeout_ms });
    }
    result
}

async fn fetch_inner(
    cfg: &FeedConfig,
    validators: Option<&Validators>,
    controller: Option<&web_sys::AbortController>,
    early: Option<js_sys::Promise>,
) -> Result<Fetched, FeedError> {
    let signal = controller.map(|c| c.signal());
    // `no-store`: the browser's own cache stays out of the way, so our conditional headers reach
    // the server and a 304 reaches us.
    let mut req = gloo_net::http::Request::get(&cfg.url)
        .cache(web_sys::RequestCache::NoStore)
        .abort_signal(signal.as_ref());
    if let Some(v) = validators {
        if let Some(e) = &v.etag {
            req = req.header("If-None-Match", e);
        }
        if let Some(lm) = &v.last_modified {
            req = req.header("If-Modified-Since", lm);
        }
    }
    let resp = match early {
        Some(p) => {
            use wasm_bindgen::JsCast;
            let raw = wasm_bindgen_futures::JsFuture::from(p)
                .await
                .map_err(|e| FeedError::Network(js_error_text(e)))?;
            gloo_net::http::Response::from(raw.unchecked_into::<web_sys::Response>())
        }
        None => req
            .send()
            .await
            .map_err(|e| FeedError::Network(e.to_string()))?,
    };
    if resp.status() == 304 && validators.is_some() {
        return Ok(Fetched::NotModified);
    }
    if !resp.ok() {
        return Err(FeedError::Http(resp.status()));
    }
    let headers = resp.headers();
    let too_large = |bytes: usize| {
        FeedError::Load(LoadError::TooLarge {
            bytes,
            limit: cfg.max_bytes,
        })
    };
    if let Some(len) = headers
        .get("content-length")
        .and_then(|s| s.trim().parse::<usize>().ok())
    {
        if len > cfg.max_bytes {
            if let Some(c) = controller {
                c.abort();
            }
            return Err(too_large(len));
        }
    }
    let fetched_validators = Validators {
        etag: headers.get("etag"),
        last_modified: headers.get("last-modified"),
    };
    let bytes = read_body(&resp, cfg.max_bytes).await;
    let (bytes, raw) = match bytes {
        Ok(b) => b,
        Err(BodyError::TooLarge) => {
            if let Some(c) = controller {
                c.abort();
            }
            // Reading stopped as soon as the limit was passed: the true size is unknown, only
            // that it is over the limit.
            return Err(too_large(cfg.max_bytes + 1));
        }
        Err(BodyError::Broken(d)) => return Err(FeedError::Interrupted(d)),
    };
    // Valid UTF-8 (every feed we ship) becomes the String in place; only a broken byte sequence
    // costs a lossy copy (4.8 MB copied for nothing was 50 ms of a 5 000-measure load).
    let mut text = String::from_utf8(bytes)
        .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned());
    if text.starts_with('\u{feff}') {
        text.remove(0); // a byte-order mark from a Windows editor is not an error
    }
    Ok(Fetched::Fresh {
        text,
        validators: fetched_validators,
        raw,
    })
}

/// A response body kept on the JS side, as the chunks the stream delivered: the copy for storage
/// is decoded from these after the first paint, so neither a second copy of a large feed in the
/// wasm heap nor its conversion to a JS string is on the way to the first paint (issue 18).
#[derive(Clone, Debug)]
pub struct RawBody(Vec<js_sys::Uint8Array>);

impl From<Vec<js_sys::Uint8Array>> for RawBody {
    fn from(chunks: Vec<js_sys::Uint8Array>) -> Self {
        RawBody(chunks)
    }
}

impl RawBody {
    /// The body as a JS string, decoded by the browser's `TextDecoder` (UTF-8; a broken byte
    /// sequence becomes U+FFFD and a leading byte-order mark is dropped, as for the app's own
    /// copy of the text).
    pub fn decode(&self) -> Option<wasm_bindgen::JsValue> {
        use js_sys::{Array, Function, Reflect, Uint8Array};
        use wasm_bindgen::JsCast;
        let total: u32 = self.0.iter().map(Uint8Array::length).sum();
        let all = Uint8Array::new_with_length(total);
        let mut at = 0;
        for c in &self.0 {
            all.set(c, at);
            at += c.length();
        }
        let ctor: Function = Reflect::get(&js_sys::global(), &"TextDecoder".into())
            .ok()?
            .dyn_into()
            .ok()?;
        let decoder = Reflect::construct(&ctor, &Array::new()).ok()?;
        let decode: Function = Reflect::get(&decoder, &"decode".into())
            .ok()?
            .dyn_into()
            .ok()?;
        decode.call1(&decoder, &all).ok().filter(|v| v.is_string())
    }
}

/// The global `index.html`'s inline script leaves its early feed request in.
const EARLY: &str = "__veikartEarlyFeed";

/// Takes over the feed request `index.html` started before the wasm was loaded (issue 18: the
/// download then overlaps the app's start-up), if it is exactly the request this app would send
/// now: the same URL and the same conditional headers. Any other early request is cancelled.
/// Taken once: a retry or a later feed always makes its own request.
fn take_early(
    url: &str,
    validators: Option<&Validators>,
) -> Option<(js_sys::Promise, web_sys::AbortController)> {
    use js_sys::Reflect;
    use wasm_bindgen::JsCast;
    let win = web_sys::window()?;
    let early = Reflect::get(&win, &EARLY.into())
        .ok()
        .filter(|e| e.is_object())?;
    let _ = Reflect::delete_property(&win, &EARLY.into());
    let text = |k: &str| {
        Reflect::get(&early, &k.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    let controller: web_sys::AbortController = Reflect::get(&early, &"controller".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let (etag, last_modified) = validators
        .map(|v| {
            (
                v.etag.clone().unwrap_or_default(),
                v.last_modified.clone().unwrap_or_default(),
            )
        })
        .unwrap_or_default();
    let same = text("url") == url && text("etag") == etag && text("lastModified") == last_modified;
    let promise = Reflect::get(&early, &"response".into())
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    match promise {
        Some(p) if same => Some((p, controller)),
        _ => {
            controller.abort();
            None
        }
    }
}

/// Cancels the early request of `index.html` when no feed will be fetched (a refused `?feed=`).
pub fn discard_early() {
    // No request has an empty URL: this cancels whatever was started.
    let _ = take_early("", None);
}

/// A rejected `fetch` as the same text gloo-net gives (`TypeError: Failed to fetch`).
fn js_error_text(e: wasm_bindgen::JsValue) -> String {
    use wasm_bindgen::JsCast;
    match e.dyn_ref::<js_sys::Error>() {
        Some(err) => String::from(err.to_string()),
        None => js_err(e),
    }
}

enum BodyError {
    TooLarge,
    Broken(String),
}

fn js_err(e: wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(&e, &"message".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| format!("{e:?}"))
}

/// Reads the body chunk by chunk and stops as soon as it passes `max`. The chunks stay in JS
/// until the end and are then copied once into a buffer of the exact size: a growing `Vec` held
/// up to twice the feed in the wasm heap while it reallocated, and kept the slack afterwards.
async fn read_body(
    resp: &gloo_net::http::Response,
    max: usize,
) -> Result<(Vec<u8>, RawBody), BodyError> {
    use wasm_bindgen::JsCast;
    use wasm_bindgen_futures::JsFuture;
    let Some(stream) = resp.body() else {
        return Ok((Vec::new(), RawBody(Vec::new())));
    };
    let reader: web_sys::ReadableStreamDefaultReader = stream.get_reader().unchecked_into();
    let mut chunks: Vec<js_sys::Uint8Array> = Vec::new();
    let mut total = 0usize;
    loop {
        let chunk = JsFuture::from(reader.read())
            .await
            .map_err(|e| BodyError::Broken(js_err(e)))?;
        let done = js_sys::Reflect::get(&chunk, &"done".into())
            .ok()
            .and_then(|d| d.as_bool())
            .unwrap_or(true);
        if done {
            break;
        }
        let value = js_sys::Reflect::get(&chunk, &"value".into())
            .map_err(|e| BodyError::Broken(js_err(e)))?;
        let arr: js_sys::Uint8Array = value.unchecked_into();
        total += arr.length() as usize;
        if total > max {
            let _ = reader.cancel();
            return Err(BodyError::TooLarge);
        }
        chunks.push(arr);
    }
    let mut out = vec![0; total];
    let mut at = 0;
    for arr in &chunks {
        let n = arr.length() as usize;
        arr.copy_to(&mut out[at..at + n]);
        at += n;
    }
    Ok((out, RawBody(chunks)))
}

/// `validate::load` with `performance.measure` entries `veikart:parse` and `veikart:validate`
/// (read by `scripts/bench.mjs`). The browser gets a turn before the parse and between the
/// parse and the validation ([`yield_to_browser`]), so neither runs in the task that started
/// the app (issue 14: one task of 0.6–1 s on a phone-speed CPU held up input and rendering).
pub async fn load_timed(text: &str, max_bytes: usize) -> Result<Loaded, LoadError> {
    let perf = web_sys::window().and_then(|w| w.performance());
    let mark = |name: &str| {
        if let Some(p) = &perf {
            let _ = p.mark(name);
        }
    };
    yield_to_browser().await;
    mark("veikart:parse-start");
    let feed = veikart_domain::validate::parse_feed(text, max_bytes)?;
    mark("veikart:parse-end");
    yield_to_browser().await;
    mark("veikart:validate-start");
    let issues = veikart_domain::validate::validate(&feed);
    mark("veikart:validate-end");
    if let Some(p) = &perf {
        let _ = p.measure_with_start_mark_and_end_mark(
            "veikart:parse",
            "veikart:parse-start",
            "veikart:parse-end",
        );
        let _ = p.measure_with_start_mark_and_end_mark(
            "veikart:validate",
            "veikart:validate-start",
            "veikart:validate-end",
        );
    }
    Ok(Loaded { feed, issues })
}

/// Runs `f` once the next frame is on screen: in the task after the next animation frame, or
/// after 100 ms in a page that gets no animation frames (a background tab, an iframe out of
/// view). For work nobody sees at once (storing the feed, the history entry of a change).
pub fn after_next_paint(f: impl FnOnce() + 'static) {
    use std::cell::Cell;
    use std::rc::Rc;
    let once = Rc::new(Cell::new(Some(f)));
    let run = {
        let once = once.clone();
        move || {
            if let Some(f) = once.take() {
                f();
            }
        }
    };
    let soon = run.clone();
    leptos::prelude::request_animation_frame(move || {
        leptos::prelude::set_timeout(soon, std::time::Duration::ZERO)
    });
    leptos::prelude::set_timeout(run, std::time::Duration::from_millis(100));
}

/// Lets the browser run what is waiting (input, rendering, other tasks) before the caller goes
/// on: `scheduler.yield()` where the browser has it (the caller then goes before other queued
/// tasks), a message to itself otherwise (not throttled in a background tab, as timers are).
pub async fn yield_to_browser() {
    use wasm_bindgen::JsCast;
    let scheduled = js_sys::Reflect::get(&js_sys::global(), &"scheduler".into())
        .ok()
        .filter(|s| s.is_object())
        .and_then(|s| {
            let f: js_sys::Function = js_sys::Reflect::get(&s, &"yield".into())
                .ok()?
                .dyn_into()
                .ok()?;
            f.call0(&s).ok()?.dyn_into::<js_sys::Promise>().ok()
        });
    if let Some(p) = scheduled {
        let _ = wasm_bindgen_futures::JsFuture::from(p).await;
        return;
    }
    // The channel lives until its message has come back.
    let Ok(channel) = web_sys::MessageChannel::new() else {
        return;
    };
    let back = js_sys::Promise::new(&mut |resolve, _| {
        channel.port1().set_onmessage(Some(&resolve));
    });
    if channel
        .port2()
        .post_message(&wasm_bindgen::JsValue::UNDEFINED)
        .is_ok()
    {
        let _ = wasm_bindgen_futures::JsFuture::from(back).await;
    }
    channel.port1().set_onmessage(None);
}
