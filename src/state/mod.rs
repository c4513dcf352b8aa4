//! Shared app state and the services behind it, provided once by the shell and read by every
//! view through [`use_app`]:
//! - `url`: the typed [`ViewState`] read from the URL in one place, and the one writer;
//! - `feed`: loading the feed (time and size limits, last good copy, a local draft file);
//! - `compare`: the older version to compare with, fetched under the same source rules;
//! - `clock`: today's date, which tests can fix;
//! - `api`, `last_good`: fetching and the stored copy.
//!
//! Every loaded feed comes with its `FeedIndex` (id → record maps, children), built once.

pub mod api;
pub mod clock;
pub mod compare;
pub mod feed;
pub mod fixed;
pub mod last_good;
pub mod url;

use std::sync::Arc;

use leptos::prelude::*;
use veikart_domain::index::Indexed;
use veikart_domain::view_state::ViewState;
use veikart_domain::Lang;

pub use clock::Clock;
pub use url::{view_part, Nav};

/// What every view reads.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The feed being shown (a usable one), with its index.
    pub feed: Signal<Option<Arc<Indexed>>>,
    /// The UI language (from the view state).
    pub lang: Signal<Lang>,
    /// The whole view state, as the URL holds it.
    pub view: ReadSignal<ViewState>,
    /// The one way to change the view state.
    pub nav: Nav,
    pub clock: Clock,
    /// The screen is narrow (≤ 768 px): the roadmap defaults to the list.
    pub narrow: Signal<bool>,
}

pub fn use_app() -> AppState {
    expect_context::<AppState>()
}

/// Provides the app state from its parts; the shell calls this once inside the router (tests
/// call it with a fixed feed, clock and screen).
pub fn provide_app(
    feed: Signal<Option<Arc<Indexed>>>,
    clock: Clock,
    narrow: Signal<bool>,
) -> AppState {
    let view = url::use_view_state();
    // A part, not a derived signal: a derived signal would wake every text of the app on any
    // change of the URL (typing in the search box re-ran hundreds of text closures), and a memo
    // over the whole state would still be walked, with every text under it, on each change.
    let lang: Signal<Lang> = view_part(|v| v.lang).into();
    let state = AppState {
        feed,
        lang,
        view,
        nav: Nav::from_router(),
        clock,
        narrow,
    };
    provide_context(state);
    state
}
