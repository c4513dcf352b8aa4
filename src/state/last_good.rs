//! The last good feed: kept in `localStorage` with its ETag / Last-Modified and fetch time, used
//! for conditional requests and shown (with a banner) when a fresh fetch fails.

use std::sync::Arc;

use veikart_domain::validate::{load, Loaded};

use veikart_domain::index::Indexed;

use super::api::{fetch_text, FeedConfig, FeedError, Fetched, RawBody, Validators};

/// What is kept in storage.
#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub url: String,
    pub text: String,
    pub etag: Option<String>,
    pub last_modified: Option<String>,
    /// When it was fetched (or last confirmed with a 304), ms since the epoch.
    pub fetched_at: f64,
}

// Two keys per feed URL: the text as it came, and a small line-based record (fetch time, ETag,
// Last-Modified), so no JSON serialiser is compiled into the app for this.
fn key(url: &str) -> String {
    format!("veikart:last-good:v1:{url}")
}
fn meta_key(url: &str) -> String {
    format!("veikart:last-good:v1:{url}#meta")
}

fn storage() -> Option<web_sys::Storage> {
    // Throws in some sandboxed iframes and with storage disabled: then there is simply none.
    web_sys::window()?.local_storage().ok().flatten()
}

pub fn read(url: &str) -> Option<Stored> {
    let st = storage()?;
    let meta = st.get_item(&meta_key(url)).ok()??;
    let text = st.get_item(&key(url)).ok()??;
    let mut lines = meta.split('\n');
    // Whole milliseconds: integer parsing and printing keep float code out of the wasm.
    let fetched_at = lines.next()?.parse::<u64>().ok()? as f64;
    let opt = |s: Option<&str>| s.filter(|s| !s.is_empty()).map(str::to_string);
    Some(Stored {
        url: url.to_string(),
        text,
        fetched_at,
        etag: opt(lines.next()),
        last_modified: opt(lines.next()),
    })
}

/// The record stored next to the text: fetch time, ETag, Last-Modified, one per line.
fn meta_line(fetched_at: f64, etag: &Option<String>, last_modified: &Option<String>) -> String {
    let clean = |v: &Option<String>| v.as_deref().unwrap_or("").replace(['\n', '\r'], "");
    format!(
        "{}\n{}\n{}",
        fetched_at.max(0.0) as u64,
        clean(etag),
        clean(last_modified)
    )
}

/// Best effort: when the quota is full, the previous copy stays as it was.
pub fn write(s: &Stored) {
    let Some(st) = storage() else {
        return;
    };
    // A failed set_item (quota) leaves the old value: the old pair stays consistent.
    if st.set_item(&key(&s.url), &s.text).is_ok() {
        let _ = st.set_item(
            &meta_key(&s.url),
            &meta_line(s.fetched_at, &s.etag, &s.last_modified),
        );
    }
}

/// A copy to store once the feed is on screen (see [`write_after_paint`]). The text stays on the
/// JS side as the body the browser delivered and is decoded only when it is written, so the wasm
/// heap is rid of it before the roadmap is built (4.8 MB at 5 000 measures, issue 18).
struct Pending {
    url: String,
    text: Option<RawBody>,
    meta: String,
}

impl Pending {
    /// A fresh copy: text and record.
    fn copy(url: String, raw: RawBody, validators: &Validators, fetched_at: f64) -> Pending {
        Pending {
            url,
            text: Some(raw),
            meta: meta_line(fetched_at, &validators.etag, &validators.last_modified),
        }
    }

    /// A copy confirmed by a 304 at `fetched_at`: only its record changes.
    fn confirm(s: &Stored, fetched_at: f64) -> Pending {
        Pending {
            url: s.url.clone(),
            text: None,
            meta: meta_line(fetched_at, &s.etag, &s.last_modified),
        }
    }

    fn write(&self) {
        use wasm_bindgen::JsValue;
        let Some(st) = storage() else {
            return;
        };
        if let Some(raw) = &self.text {
            let Some(text) = raw.decode() else {
                return;
            };
            // `Storage.setItem` with the JS string as it is (web-sys's binding takes a `&str`).
            let set = js_sys::Reflect::get(&st, &"setItem".into())
                .ok()
                .and_then(|f| wasm_bindgen::JsCast::dyn_into::<js_sys::Function>(f).ok());
            let stored = set.is_some_and(|f| {
                f.call2(&st, &JsValue::from_str(&key(&self.url)), &text)
                    .is_ok()
            });
            if !stored {
                return; // quota: the old pair stays as it was
            }
        }
        let _ = st.set_item(&meta_key(&self.url), &self.meta);
    }
}

/// Stores `p` once the feed is on screen: copying a large feed into storage is not on the way to
/// the first paint.
fn write_after_paint(p: Pending) {
    super::api::after_next_paint(move || p.write());
}

pub fn forget(url: &str) {
    if let Some(st) = storage() {
        let _ = st.remove_item(&key(url));
        let _ = st.remove_item(&meta_key(url));
    }
}

pub fn now_ms() -> f64 {
    js_sys::Date::now()
}

/// The feed being shown.
#[derive(Clone, Debug)]
pub struct Shown {
    pub loaded: Arc<Indexed>,
    /// When this copy was fetched or confirmed current (ms since the epoch).
    pub fetched_at: f64,
    /// True when this is the stored copy because a fresh fetch failed.
    pub stale: bool,
}

/// Why the fresh feed is not the one shown.
#[derive(Clone, Debug)]
pub enum Problem {
    Fetch(FeedError),
    /// The feed loaded but has errors (the list is in `Loaded::issues`).
    Semantic(Arc<Loaded>),
}

/// The result of one load: what to show (if anything) and what went wrong (if anything).
#[derive(Clone, Debug)]
pub struct FeedOutcome {
    pub shown: Option<Shown>,
    pub problem: Option<Problem>,
}

/// Fetches the feed (conditionally when a copy is stored), keeps a good result, and falls back to
/// the stored copy when the fresh one cannot be used.
pub async fn load_feed(cfg: FeedConfig) -> FeedOutcome {
    let stored = read(&cfg.url);
    if stored.is_some() {
        // its parse runs in a task of its own (see `load_timed`)
        super::api::yield_to_browser().await;
    }
    let stored = stored.and_then(|s| {
        // A stored copy that no longer loads (e.g. after an app update) is dropped.
        let l = load(&s.text, usize::MAX).ok().filter(|l| l.is_usable());
        if l.is_none() {
            forget(&cfg.url);
        }
        // Only its validators and fetch time are needed from here on, not its text.
        let s = Stored {
            text: String::new(),
            ..s
        };
        l.map(|l| (s, Arc::new(Indexed::new(l))))
    });
    let validators = stored.as_ref().map(|(s, _)| Validators {
        etag: s.etag.clone(),
        last_modified: s.last_modified.clone(),
    });
    let fallback = |problem: Problem| match &stored {
        Some((s, l)) => FeedOutcome {
            shown: Some(Shown {
                loaded: l.clone(),
                fetched_at: s.fetched_at,
                stale: true,
            }),
            problem: Some(problem),
        },
        None => FeedOutcome {
            shown: None,
            problem: Some(problem),
        },
    };
    match fetch_text(&cfg, validators.as_ref()).await {
        Err(e) => fallback(Problem::Fetch(e)),
        Ok(Fetched::NotModified) => match &stored {
            Some((s, l)) => {
                let fetched_at = now_ms();
                write_after_paint(Pending::confirm(s, fetched_at));
                FeedOutcome {
                    shown: Some(Shown {
                        loaded: l.clone(),
                        fetched_at,
                        stale: false,
                    }),
                    problem: None,
                }
            }
            None => fallback(Problem::Fetch(FeedError::NotModifiedWithoutCopy)),
        },
        Ok(Fetched::Fresh {
            text,
            validators,
            raw,
        }) => {
            let loaded = super::api::load_timed(&text, cfg.max_bytes).await;
            drop(text); // parsed: the Feed owns what it needs
            match loaded {
                Err(e) => fallback(Problem::Fetch(FeedError::Load(e))),
                Ok(l) if !l.is_usable() => fallback(Problem::Semantic(Arc::new(l))),
                Ok(l) => {
                    let loaded = Arc::new(Indexed::new(l));
                    // The first view is built in a task of its own, too (see `load_timed`).
                    super::api::yield_to_browser().await;
                    let fetched_at = now_ms();
                    write_after_paint(Pending::copy(cfg.url.clone(), raw, &validators, fetched_at));
                    FeedOutcome {
                        shown: Some(Shown {
                            loaded,
                            fetched_at,
                            stale: false,
                        }),
                        problem: None,
                    }
                }
            }
        }
    }
}
