//! The view state in the URL: read once into a memo, written through one [`Nav`]. Every state
//! change is one history entry (typing in the search box replaces the current one instead) and
//! never scrolls the page; links made with `ViewState::measure_href` carry the whole state.

use leptos::prelude::*;
use leptos_router::hooks::{use_location, use_navigate};
use leptos_router::NavigateOptions;
use veikart_domain::view_state::ViewState;

/// The view state of the current URL (path and query), recomputed when either changes.
pub fn use_view_state() -> Memo<ViewState> {
    let location = use_location();
    Memo::new(move |_| {
        let path = location.pathname.get();
        location
            .query
            .with(|q| ViewState::from_url(&path, q.into_iter().map(|(k, v)| (k.as_ref(), v))))
    })
}

type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

/// Writes the view state. Create it where the router is available; copy it into handlers.
#[derive(Clone, Copy)]
pub struct Nav {
    navigate: StoredValue<Navigate, LocalStorage>,
    view: Memo<ViewState>,
}

impl Nav {
    pub fn new(view: Memo<ViewState>) -> Nav {
        let nav = use_navigate();
        Nav {
            navigate: StoredValue::new_local(Box::new(move |u: &str, o| nav(u, o))),
            view,
        }
    }

    /// Changes the state: one new history entry.
    pub fn go(self, change: impl FnOnce(&mut ViewState)) {
        self.write(change, false);
    }

    /// Changes the state in place (no new history entry): for typing in a search box.
    pub fn replace(self, change: impl FnOnce(&mut ViewState)) {
        self.write(change, true);
    }

    /// Goes to `href` (a link built from a view state) as a state change.
    pub fn to(self, href: &str) {
        let opts = NavigateOptions {
            scroll: false,
            ..NavigateOptions::default()
        };
        self.navigate.with_value(|n| n(href, opts));
    }

    fn write(self, change: impl FnOnce(&mut ViewState), replace: bool) {
        let mut s = self.view.get_untracked();
        change(&mut s);
        let href = s.href();
        let opts = NavigateOptions {
            replace,
            scroll: false,
            ..NavigateOptions::default()
        };
        self.navigate.with_value(|n| n(&href, opts));
    }
}
