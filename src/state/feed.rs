//! Loading the feed the app shows: the configured source (or `?feed=`), with its limits, the
//! last good copy and conditional requests (`last_good::load_feed`), or a draft opened from
//! disk, which replaces it until closed. Files are read here too, for the draft and for the
//! comparison, so a read failure is reported as what it is.

use std::sync::Arc;

use leptos::prelude::*;
use veikart_domain::index::Indexed;
use veikart_domain::validate::{load, Loaded};
use veikart_domain::view_state::ViewState;

use super::api::{FeedConfig, FeedError};
use super::last_good::{load_feed, now_ms, FeedOutcome, Problem, Shown};

/// A feed read from a local file: its name and what to show for it (loaded and indexed once).
#[derive(Clone, Debug)]
pub struct LocalFeed {
    pub name: String,
    pub outcome: FeedOutcome,
}

impl LocalFeed {
    fn new(name: String, result: Result<Loaded, FeedError>) -> LocalFeed {
        let outcome = match result {
            Ok(l) if l.is_usable() => FeedOutcome {
                shown: Some(Shown {
                    loaded: Arc::new(Indexed::new(l)),
                    fetched_at: now_ms(),
                    stale: false,
                }),
                problem: None,
            },
            Ok(l) => FeedOutcome {
                shown: None,
                problem: Some(Problem::Semantic(Arc::new(l))),
            },
            Err(e) => FeedOutcome {
                shown: None,
                problem: Some(Problem::Fetch(e)),
            },
        };
        LocalFeed { name, outcome }
    }

    /// Errors and warnings in the file (a file that cannot be read at all is one error).
    pub fn counts(&self) -> (usize, usize) {
        match (&self.outcome.shown, &self.outcome.problem) {
            (Some(s), _) => (
                s.loaded.loaded.errors().count(),
                s.loaded.loaded.warnings().count(),
            ),
            (None, Some(Problem::Semantic(l))) => (l.errors().count(), l.warnings().count()),
            _ => (1, 0),
        }
    }
}

/// The browser's reason for a failed read, as text.
fn js_reason(e: &wasm_bindgen::JsValue) -> String {
    e.as_string()
        .or_else(|| {
            js_sys::Reflect::get(e, &"name".into())
                .ok()
                .and_then(|m| m.as_string())
        })
        .unwrap_or_else(|| "?".into())
}

/// A local file's text, or why it could not be read.
pub async fn read_text(file: &web_sys::File) -> Result<String, FeedError> {
    match wasm_bindgen_futures::JsFuture::from(file.text()).await {
        Ok(v) => Ok(v.as_string().unwrap_or_default()),
        Err(e) => Err(FeedError::File {
            name: file.name(),
            why: js_reason(&e),
        }),
    }
}

/// Reads a local file and loads it as a feed (with the site's size limit).
pub async fn read_file(file: web_sys::File, max_bytes: usize) -> LocalFeed {
    let name = file.name();
    let result = read_text(&file)
        .await
        .and_then(|text| load(&text, max_bytes).map_err(FeedError::Load));
    LocalFeed::new(name, result)
}

/// The feed being shown and the controls around it.
#[derive(Clone, Copy)]
pub struct FeedState {
    /// What the last load gave: `None` while the first load runs.
    pub outcome: Signal<Option<FeedOutcome>>,
    /// A draft from disk, shown instead of the fetched feed.
    pub local: RwSignal<Option<LocalFeed>>,
    /// Fetches again.
    pub retry: Callback<()>,
    pub config: StoredValue<FeedConfig>,
}

impl FeedState {
    /// The usable feed being shown.
    pub fn shown(self) -> Signal<Option<Arc<Indexed>>> {
        let outcome = self.outcome;
        Signal::derive(move || {
            outcome.with(|o| o.as_ref()?.shown.as_ref().map(|s| s.loaded.clone()))
        })
    }
}

/// Starts loading the feed named by the view state (`feed=`) from the configured source, and
/// reloads when that changes.
pub fn provide_feed(view: Memo<ViewState>) -> FeedState {
    let config = FeedConfig::from_document();
    let source = Memo::new(move |_| view.with(|v| v.feed.clone()));
    let cfg = config.clone();
    let resource = LocalResource::new(move || {
        let cfg = cfg.clone().with_feed_param(source.get().as_deref());
        async move {
            match cfg {
                Ok(cfg) => load_feed(cfg).await,
                Err(e) => FeedOutcome {
                    shown: None,
                    problem: Some(Problem::Fetch(e)),
                },
            }
        }
    });
    let local = RwSignal::new(None::<LocalFeed>);
    let outcome = Signal::derive(move || match local.get() {
        Some(lf) => Some(lf.outcome),
        None => resource.get(),
    });
    let state = FeedState {
        outcome,
        local,
        retry: Callback::new(move |_| resource.refetch()),
        config: StoredValue::new(config),
    };
    provide_context(state);
    state
}

pub fn use_feed_state() -> FeedState {
    expect_context::<FeedState>()
}
