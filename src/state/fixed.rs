//! The app state for a feed given up front, with a fixed clock and screen: for component tests
//! and for showing a feed that is already in memory. Mount inside a `<Router>`.

use std::sync::Arc;

use leptos::prelude::*;
use veikart_domain::date::Ymd;
use veikart_domain::index::Indexed;
use veikart_domain::validate::Loaded;

use super::api::FeedConfig;
use super::compare::provide_compare;
use super::feed::{FeedState, LocalFeed};
use super::last_good::{FeedOutcome, Shown};
use super::{provide_app, AppState, Clock};

/// Provides every piece of app state for `loaded` (which must be usable) and returns it.
pub fn provide_fixed(loaded: Loaded, today: Ymd, narrow: bool) -> AppState {
    let shown = FeedOutcome {
        shown: Some(Shown {
            loaded: Arc::new(Indexed::new(loaded)),
            fetched_at: 0.0,
            stale: false,
        }),
        problem: None,
    };
    let local = RwSignal::new(None::<LocalFeed>);
    let outcome = Signal::derive(move || {
        Some(
            local
                .get()
                .map(|l| l.outcome)
                .unwrap_or_else(|| shown.clone()),
        )
    });
    let feed = FeedState {
        outcome,
        local,
        files: Default::default(),
        retry: Callback::new(|_| ()),
        config: StoredValue::new(FeedConfig::default()),
    };
    provide_context(feed);
    let app = provide_app(feed.shown(), Clock::fixed(today), Signal::stored(narrow));
    provide_compare(app, feed);
    app
}
