//! The older version to compare with (`sammenlign=`, the feed's `previous_version` link for
//! `forrige`, or a local file) and the diff against it, for the change list, the council view,
//! the ghost marks and a measure's detail panel. The older feed is fetched under the same
//! source rules and limits as the feed itself (`veikart_domain::source::compare_source`).

use std::sync::Arc;

use leptos::prelude::*;
use veikart_domain::diff::{self, FeedDiff};
use veikart_domain::index::Indexed;
use veikart_domain::validate::{Issue, Loaded};
use veikart_domain::view_state::Compare;
use veikart_domain::Lang;

use super::api::{fetch_feed, FeedError};
use super::feed::{FeedState, FileReader, LocalFeed};
use super::last_good::Problem;
use super::AppState;

/// Why there is nothing to compare with.
#[derive(Clone, Debug)]
pub enum CompareError {
    Fetch(FeedError),
    /// The other version has errors: how many, and the first.
    Invalid {
        errors: usize,
        first: Issue,
    },
}

pub type Previous = Result<Arc<Indexed>, CompareError>;

/// A usable older feed, or why it is not.
pub fn checked(l: Loaded) -> Previous {
    let first = l.errors().next().cloned();
    match first {
        None => Ok(Arc::new(Indexed::new(l))),
        Some(first) => Err(CompareError::Invalid {
            errors: l.errors().count(),
            first,
        }),
    }
}

#[derive(Clone, Copy)]
pub struct CompareState {
    /// The older version when one is asked for: loaded, or why not. `None` while nothing is
    /// asked for or it is still loading.
    pub previous: Signal<Option<Previous>>,
    /// Whether a comparison is asked for (a URL, the previous-version link or a file).
    pub requested: Signal<bool>,
    pub diff: Memo<Option<Arc<FeedDiff>>>,
    /// Ghost marks on the timeline: on with `sammenlign=` or a chosen file.
    pub ghosts: Signal<bool>,
    /// A local file chosen in the change list; wins over the URL.
    pub local: RwSignal<Option<Previous>>,
    /// The local file being read (and, for a workbook, converted) now, and the last one chosen.
    pub files: FileReader,
    /// Tries again: the local file when one was chosen (read and converted again), else the
    /// URL's fetch.
    pub retry: Callback<()>,
    max_bytes: usize,
}

impl CompareState {
    /// Compares with a local file (JSON or workbook); `files.reading` names it meanwhile.
    pub fn open_file(self, file: web_sys::File, lang: Lang) {
        let local = self.local;
        self.files.open(file, lang, self.max_bytes, move |lf| {
            local.set(Some(previous_of(lf)))
        });
    }
}

/// A local file read as a feed, as the version to compare with.
fn previous_of(file: LocalFeed) -> Previous {
    // a draft is kept from view only for its errors or a failed read; an empty file otherwise
    let empty = || CompareError::Fetch(FeedError::Load(veikart_domain::LoadError::Empty));
    match (file.outcome.shown, file.outcome.problem) {
        (Some(shown), _) => Ok(shown.loaded),
        (None, Some(Problem::Semantic(l))) => match l.errors().next() {
            Some(first) => Err(CompareError::Invalid {
                errors: l.errors().count(),
                first: first.clone(),
            }),
            None => Err(empty()),
        },
        (None, Some(Problem::Fetch(e))) => Err(CompareError::Fetch(e)),
        (None, None) => Err(empty()),
    }
}

/// Sets up the comparison; call once in the shell, after the app state and the feed.
pub fn provide_compare(app: AppState, feed: FeedState) -> CompareState {
    let current = app.feed;
    let wanted = super::view_part(|v| (v.effective_compare(), v.feed.clone()));
    let compare_on = super::view_part(|v| v.compare.is_on());
    let local = RwSignal::new(None::<Previous>);
    // The URL to fetch, or why none may be fetched; `None` when nothing is asked for.
    let target = Memo::new(move |_| {
        let (compare, source) = wanted.get();
        let cfg = feed.config.get_value();
        let link = match compare {
            Compare::Off => return None,
            Compare::Previous => {
                current.with(|f| f.as_ref()?.feed().meta.previous_version.clone())?
            }
            Compare::Url(u) => u,
        };
        let base = cfg
            .clone()
            .with_feed_param(source.as_deref())
            .map(|c| c.url);
        Some(base.and_then(|base| {
            veikart_domain::source::compare_source(&link, &base, &cfg.feed_origins)
                .map_err(FeedError::Source)
        }))
    });
    let resource = LocalResource::new(move || {
        let t = target.get();
        let cfg = feed.config.get_value();
        async move {
            match t? {
                Ok(url) => Some(match fetch_feed(&cfg, url).await {
                    Ok(l) => checked(l),
                    Err(e) => Err(CompareError::Fetch(e)),
                }),
                Err(e) => Some(Err(CompareError::Fetch(e))),
            }
        }
    });
    let previous = Signal::derive(move || {
        local.get().or_else(|| {
            target
                .with(Option::is_some)
                .then(|| resource.get().flatten())
                .flatten()
        })
    });
    let requested =
        Signal::derive(move || local.with(Option::is_some) || target.with(Option::is_some));
    let diff = Memo::new(move |_| {
        let new = current.get()?;
        let old = previous.get()?.ok()?;
        Some(Arc::new(diff::diff(old.feed(), new.feed())))
    });
    let ghosts = Memo::new(move |_| compare_on.get() || local.with(Option::is_some)).into();
    let files = FileReader::new();
    let max_bytes = feed.config.with_value(|c| c.max_bytes);
    let retry = move |_| {
        if local.with_untracked(Option::is_none) {
            resource.refetch();
        } else if let Some((file, lang)) = files.again() {
            files.open(file, lang, max_bytes, move |lf| {
                local.set(Some(previous_of(lf)))
            });
        }
    };
    let state = CompareState {
        previous,
        requested,
        diff,
        ghosts,
        local,
        files,
        retry: Callback::new(retry),
        max_bytes,
    };
    provide_context(state);
    state
}

pub fn use_compare() -> CompareState {
    expect_context::<CompareState>()
}
