//! Loading the feed the app shows: the configured source (or `?feed=`), with its limits, the
//! last good copy and conditional requests (`last_good::load_feed`), or a draft opened from
//! disk, which replaces it until closed. Files are read here too, for the draft and for the
//! comparison, so a read failure is reported as what it is.

use std::sync::Arc;

use leptos::prelude::*;
use veikart_domain::index::Indexed;
use veikart_domain::validate::{load, Loaded};
use veikart_domain::Lang;

use super::api::{FeedConfig, FeedError};
use super::last_good::{load_feed, now_ms, FeedOutcome, Problem, Shown};
use crate::sheet::WorkbookError;

/// A feed read from a local file: its name and what to show for it (loaded and indexed once).
#[derive(Clone, Debug)]
pub struct LocalFeed {
    pub name: String,
    pub outcome: FeedOutcome,
    /// For a workbook: the validation findings at their cells (`Milepæler!D14 (dato): …`).
    pub cells: Vec<String>,
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
        LocalFeed {
            name,
            outcome,
            cells: vec![],
        }
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

/// A local file's bytes, or why it could not be read.
async fn read_bytes(file: &web_sys::File) -> Result<Vec<u8>, FeedError> {
    match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
        Ok(buf) => Ok(js_sys::Uint8Array::new(&buf).to_vec()),
        Err(e) => Err(FeedError::File {
            name: file.name(),
            why: js_reason(&e),
        }),
    }
}

/// A local file as feed JSON text: a `.json` file as it is, a workbook (`.xlsx`) converted by
/// the workbook worker (fetched only now). The worker's findings at their cells come along.
pub async fn feed_text(
    file: &web_sys::File,
    lang: Lang,
) -> Result<(String, Vec<String>), FeedError> {
    let bytes = read_bytes(file).await?;
    if crate::sheet::is_workbook(&file.name(), &bytes[..bytes.len().min(4)]) {
        crate::sheet::workbook_to_feed_json(bytes, lang)
            .await
            .map(|w| (w.json, w.issues))
            .map_err(|e| match e {
                WorkbookError::Lines(lines) => FeedError::Workbook {
                    name: file.name(),
                    lines,
                },
                WorkbookError::Unavailable(why) => FeedError::Converter { why },
            })
    } else {
        let mut text = String::from_utf8_lossy(&bytes).into_owned();
        if text.starts_with('\u{feff}') {
            text.remove(0);
        }
        Ok((text, vec![]))
    }
}

/// Reads a local file (JSON or workbook) and loads it as a feed (with the site's size limit).
pub async fn read_file(file: web_sys::File, max_bytes: usize, lang: Lang) -> LocalFeed {
    let name = file.name();
    match feed_text(&file, lang).await {
        Ok((text, cells)) => {
            let mut lf = LocalFeed::new(name, load(&text, max_bytes).map_err(FeedError::Load));
            lf.cells = cells;
            lf
        }
        Err(e) => LocalFeed::new(name, Err(e)),
    }
}

/// The feed being shown and the controls around it.
#[derive(Clone, Copy)]
pub struct FeedState {
    /// What the last load gave: `None` while the first load runs.
    pub outcome: Signal<Option<FeedOutcome>>,
    /// A draft from disk, shown instead of the fetched feed.
    pub local: RwSignal<Option<LocalFeed>>,
    /// The name of the local file being read (and, for a workbook, converted) right now.
    pub reading: RwSignal<Option<String>>,
    /// The last local file opened, and in which language, for a retry.
    pub last_file: StoredValue<Option<(web_sys::File, Lang)>, LocalStorage>,
    /// Tries again: the local file when a draft is shown (read again, and a workbook converted
    /// again, e.g. after the converter could not be downloaded), else the configured feed.
    pub retry: Callback<()>,
    pub config: StoredValue<FeedConfig>,
}

impl FeedState {
    /// Opens a local file (JSON or workbook) as the draft; `reading` names it meanwhile.
    pub fn open_local(self, file: web_sys::File, lang: Lang) {
        open_local(
            self.local,
            self.reading,
            self.last_file,
            self.config.with_value(|c| c.max_bytes),
            file,
            lang,
        );
    }

    /// The usable feed being shown.
    pub fn shown(self) -> Signal<Option<Arc<Indexed>>> {
        let outcome = self.outcome;
        // A memo that changes only when another feed is shown (not on every read of the outcome).
        Memo::new_with_compare(
            move |_| outcome.with(|o| o.as_ref()?.shown.as_ref().map(|s| s.loaded.clone())),
            |a, b| match (a.and_then(Option::as_ref), b.and_then(Option::as_ref)) {
                (Some(a), Some(b)) => !Arc::ptr_eq(a, b),
                (a, b) => a.is_none() != b.is_none(),
            },
        )
        .into()
    }
}

fn open_local(
    local: RwSignal<Option<LocalFeed>>,
    reading: RwSignal<Option<String>>,
    last_file: StoredValue<Option<(web_sys::File, Lang)>, LocalStorage>,
    max_bytes: usize,
    file: web_sys::File,
    lang: Lang,
) {
    last_file.set_value(Some((file.clone(), lang)));
    reading.set(Some(file.name()));
    leptos::task::spawn_local(async move {
        let lf = read_file(file, max_bytes, lang).await;
        local.set(Some(lf));
        reading.set(None);
    });
}

/// Starts loading the feed named by the view state (`feed=`) from the configured source, and
/// reloads when that changes.
pub fn provide_feed() -> FeedState {
    let config = FeedConfig::from_document();
    let source = crate::state::view_part(|v| v.feed.clone());
    let cfg = config.clone();
    let resource = LocalResource::new(move || {
        let cfg = cfg.clone().with_feed_param(source.get().as_deref());
        async move {
            match cfg {
                Ok(cfg) => load_feed(cfg).await,
                Err(e) => {
                    crate::state::api::discard_early();
                    FeedOutcome {
                        shown: None,
                        problem: Some(Problem::Fetch(e)),
                    }
                }
            }
        }
    });
    let local = RwSignal::new(None::<LocalFeed>);
    let reading = RwSignal::new(None::<String>);
    let last_file = StoredValue::new_local(None::<(web_sys::File, Lang)>);
    let outcome = Signal::derive(move || match local.get() {
        Some(lf) => Some(lf.outcome),
        None => resource.get(),
    });
    let max_bytes = config.max_bytes;
    let retry = move |_| {
        let again = local
            .with_untracked(Option::is_some)
            .then(|| last_file.get_value())
            .flatten();
        match again {
            Some((file, lang)) if reading.with_untracked(Option::is_none) => {
                open_local(local, reading, last_file, max_bytes, file, lang)
            }
            Some(_) => {}
            None => resource.refetch(),
        }
    };
    let state = FeedState {
        outcome,
        local,
        reading,
        last_file,
        retry: Callback::new(retry),
        config: StoredValue::new(config),
    };
    provide_context(state);
    state
}

pub fn use_feed_state() -> FeedState {
    expect_context::<FeedState>()
}
