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
    /// The local file being read (and, for a workbook, converted) now, and the last one opened.
    pub files: FileReader,
    /// Tries again: the local file when a draft is shown (read again, and a workbook converted
    /// again, e.g. after the converter could not be downloaded), else the configured feed.
    pub retry: Callback<()>,
    pub config: StoredValue<FeedConfig>,
}

impl FeedState {
    /// Opens a local file (JSON or workbook) as the draft; `files.reading` names it meanwhile.
    pub fn open_local(self, file: web_sys::File, lang: Lang) {
        let (local, max_bytes) = (self.local, self.config.with_value(|c| c.max_bytes));
        self.files
            .open(file, lang, max_bytes, move |lf| local.set(Some(lf)));
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

/// A local file being read, for the draft or for the comparison: its name while it is read
/// (and a workbook converted), and the last file opened, so a retry can read it again.
#[derive(Clone, Copy)]
pub struct FileReader {
    pub reading: RwSignal<Option<String>>,
    last: StoredValue<Option<(web_sys::File, Lang)>, LocalStorage>,
    /// How many files have been opened: a read that ends after a newer one began is dropped.
    opened: StoredValue<u32>,
}

impl FileReader {
    pub fn new() -> FileReader {
        FileReader {
            reading: RwSignal::new(None),
            last: StoredValue::new_local(None),
            opened: StoredValue::new(0),
        }
    }

    /// Reads `file` as a feed (`read_file`, with the size limit) and hands it to `done`, unless
    /// another file was opened meanwhile (a slow workbook must not replace a newer draft).
    pub fn open(
        self,
        file: web_sys::File,
        lang: Lang,
        max_bytes: usize,
        done: impl FnOnce(LocalFeed) + 'static,
    ) {
        let n = self.opened.get_value().wrapping_add(1);
        self.opened.set_value(n);
        self.last.set_value(Some((file.clone(), lang)));
        self.reading.set(Some(file.name()));
        let (reading, opened) = (self.reading, self.opened);
        leptos::task::spawn_local(async move {
            let read = read_file(file, max_bytes, lang).await;
            if opened.get_value() == n {
                done(read);
                reading.set(None);
            }
        });
    }

    /// The last file opened and its language, to read again; `None` while one is being read.
    pub fn again(self) -> Option<(web_sys::File, Lang)> {
        if self.reading.with_untracked(Option::is_some) {
            return None;
        }
        self.last.get_value()
    }

    pub fn is_reading(self) -> bool {
        self.reading.with(Option::is_some)
    }
}

impl Default for FileReader {
    fn default() -> Self {
        FileReader::new()
    }
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
    let files = FileReader::new();
    let outcome = Signal::derive(move || match local.get() {
        Some(lf) => Some(lf.outcome),
        None => resource.get(),
    });
    let max_bytes = config.max_bytes;
    let retry = move |_| {
        if local.with_untracked(Option::is_none) {
            resource.refetch();
        } else if let Some((file, lang)) = files.again() {
            files.open(file, lang, max_bytes, move |lf| local.set(Some(lf)));
        }
    };
    let state = FeedState {
        outcome,
        local,
        files,
        retry: Callback::new(retry),
        config: StoredValue::new(config),
    };
    provide_context(state);
    state
}

pub fn use_feed_state() -> FeedState {
    expect_context::<FeedState>()
}
