//! The view state in the URL: read once into a signal, written through one [`Nav`]. Every state
//! change is one history entry (typing in the search box replaces the current one instead) and
//! never scrolls the page; links made with `ViewState::measure_href` carry the whole state.
//!
//! How the signal and the URL stay one:
//! - a change that keeps the path (a filter, a regrouping, a zoom …) is written by [`Nav`]
//!   itself: to the signal at once, and after the next paint to the history
//!   (`history.pushState` / `replaceState`, through the router's own
//!   `BrowserUrl::complete_navigation`, which also keeps the list of entries the router tells
//!   back from forward with) and to the router's URL signal, so the router's location stays the
//!   browser's. The router's `navigate` is not used for these: it parses the URL again through
//!   the browser's URL API and routes it, for a change no route depends on. The history waits
//!   for the paint because nothing on screen depends on it, and writing it (with the router's
//!   bookkeeping) took 2–4 ms of a 15–20 ms regroup at 5 000 measures (issue 18). Writes that
//!   wait keep their order and are one entry each; keystrokes in the search box that wait for
//!   the same paint are one `replaceState`;
//! - a change of path (`/tiltak/ID`, `/tilgjengelighet`) first writes what waits, then goes
//!   through the router's `navigate`, which renders the route and then pushes the URL (the
//!   signal is written at once); so does [`Nav::flush`], for whoever reads the browser's URL;
//! - whatever the router sets its URL to — a link it intercepted (`<a href>`), back and forward
//!   (`popstate`) — is read back into the signal, and drops what waits: the user has gone
//!   elsewhere in the history, so a waiting entry would land in the wrong place.
//!
//! Parts of the state that views depend on are signals of their own ([`view_part`]), set with
//! the state and only when they change.

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::location::{BrowserUrl, LocationChange, LocationProvider, State, Url};
use leptos_router::params::ParamsMap;
use leptos_router::NavigateOptions;
use veikart_domain::view_state::{parse_query, ViewState};

/// The view state of a URL as the router holds it.
fn state_of(url: &Url) -> ViewState {
    ViewState::from_url(
        url.path(),
        url.search_params()
            .into_iter()
            .map(|(k, v)| (k.as_ref(), v)),
    )
}

/// Keeps one part signal up to date with a new state.
type Part = Box<dyn Fn(&ViewState)>;

/// The signal, its parts and the router it follows; one per router (the first
/// [`use_view_state`] under it makes it).
#[derive(Clone, Copy)]
struct Source {
    state: RwSignal<ViewState>,
    /// The last part id given out, and every live part.
    parts: StoredValue<(u64, Vec<(u64, Part)>), LocalStorage>,
    router: StoredValue<BrowserUrl>,
    /// States set but not yet in the history, oldest first, each with "replace the current
    /// entry" (see the module's doc).
    waiting: StoredValue<Vec<(ViewState, bool)>, LocalStorage>,
}

impl Source {
    /// The one place the state is set: every part that changed, then the whole.
    fn set(self, s: ViewState) {
        self.parts.with_value(|(_, parts)| {
            for (_, part) in parts {
                part(&s);
            }
        });
        self.state.set(s);
    }

    /// Adds a part for as long as the current owner lives.
    fn add(self, update: Part) {
        let id = self
            .parts
            .try_update_value(|(last, parts)| {
                *last += 1;
                parts.push((*last, update));
                *last
            })
            .unwrap_or_default();
        on_cleanup(move || {
            self.parts
                .try_update_value(|(_, parts)| parts.retain(|(i, _)| *i != id));
        });
    }

    /// Puts `s` in the history after the next paint: a new entry, or in place of the current
    /// one (`replace`). A replace that finds a write waiting takes its place, as it would have
    /// replaced the entry that write makes.
    fn write_later(self, s: ViewState, replace: bool) {
        let first = self.waiting.try_update_value(|w| {
            let first = w.is_empty();
            match w.last_mut() {
                Some(last) if replace => last.0 = s,
                _ => w.push((s, replace)),
            }
            first
        });
        if first == Some(true) {
            super::api::after_next_paint(move || self.flush());
        }
    }

    /// Writes what waits to the history now, in order, and the router's URL to the last of it.
    fn flush(self) {
        let Some(waiting) = self.waiting.try_update_value(std::mem::take) else {
            return;
        };
        let Some(last) = waiting.last().map(|(s, _)| s) else {
            return;
        };
        self.router.try_with_value(|r| {
            for (s, replace) in &waiting {
                r.complete_navigation(&LocationChange {
                    value: s.href(),
                    replace: *replace,
                    scroll: false,
                    state: State::new(None),
                });
            }
            // The router's location follows (its path is unchanged, so it routes nothing).
            let mut params = ParamsMap::new();
            for (k, v) in last.query_pairs() {
                params.insert(k, v);
            }
            let query = last.query_string();
            r.as_url().update(|u| {
                *u.search_mut() = query.trim_start_matches('?').to_string();
                *u.search_params_mut() = params;
                u.hash_mut().clear();
            });
        });
    }
}

fn source() -> Source {
    if let Some(s) = use_context::<Source>() {
        return s;
    }
    let router = use_context::<BrowserUrl>().expect("the view state is read inside a <Router>");
    let url = router.as_url().clone();
    let s = Source {
        state: RwSignal::new(url.with_untracked(state_of)),
        parts: StoredValue::new_local((0, Vec::new())),
        router: StoredValue::new(router),
        waiting: StoredValue::new_local(Vec::new()),
    };
    // The router's own changes: a link it intercepted, back and forward. They win over what
    // waits for the history. (`Nav` sets the state itself; reading the router's URL back then
    // finds the same state and changes nothing.)
    Effect::new(move |_| {
        let new = url.with(state_of);
        if s.state.with_untracked(|old| *old != new) {
            s.waiting.try_update_value(Vec::clear);
            s.set(new);
        }
    });
    provide_context(s);
    s
}

/// The view state of the current URL (path and query). Call it inside the router.
pub fn use_view_state() -> ReadSignal<ViewState> {
    source().state.read_only()
}

/// One part of the view state as a signal of its own, set (with the whole state) only when that
/// part changes. What depends on a part only should read it this way, not through a memo over
/// the whole state: a change marks every memo below the whole state for checking, once for every
/// path to it (reactive_graph does not stop at a node it has already marked), and the roadmap
/// hangs under the filter, the grouping, the list, the opened rows … by many paths, so a regroup
/// walked the rows' memos some ten times. A part changed by none of this is not touched at all.
pub fn view_part<T>(part: impl Fn(&ViewState) -> T + 'static) -> ReadSignal<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    part_of(Box::new(part))
}

/// [`view_part`] for a boxed function: one copy of the code per type of part, not per caller.
#[inline(never)]
fn part_of<T>(part: Box<dyn Fn(&ViewState) -> T>) -> ReadSignal<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    let src = source();
    let signal = RwSignal::new(src.state.with_untracked(&part));
    src.add(Box::new(move |s| {
        let new = part(s);
        if signal.try_with_untracked(|old| *old != new) == Some(true) {
            signal.set(new);
        }
    }));
    signal.read_only()
}

type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

/// Writes the view state. Create it where the router is available; copy it into handlers.
#[derive(Clone, Copy)]
pub struct Nav {
    navigate: StoredValue<Navigate, LocalStorage>,
    source: Source,
}

impl Nav {
    pub fn from_router() -> Nav {
        let nav = use_navigate();
        Nav {
            navigate: StoredValue::new_local(Box::new(move |u: &str, o| nav(u, o))),
            source: source(),
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

    /// Writes the history entries that wait for the next paint now: before reading the
    /// browser's URL (copying a link).
    pub fn flush(self) {
        self.source.flush();
    }

    /// Goes to `href` (a link built from a view state) as a state change.
    pub fn to(self, href: &str) {
        let (path, query) = href.split_once('?').unwrap_or((href, ""));
        let pairs = parse_query(query);
        let s = ViewState::from_url(path, pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())));
        self.write(move |now| *now = s, false);
    }

    fn write(self, change: impl FnOnce(&mut ViewState), replace: bool) {
        let src = self.source;
        let old = src.state.get_untracked();
        let mut s = old.clone();
        change(&mut s);
        if s == old {
            return;
        }
        if s.path() != old.path() {
            // Another route: what waits first, then the router renders it and pushes the URL.
            src.flush();
            let href = s.href();
            src.set(s);
            let opts = NavigateOptions {
                replace,
                scroll: false,
                ..NavigateOptions::default()
            };
            self.navigate.with_value(|n| n(&href, opts));
            return;
        }
        src.write_later(s.clone(), replace);
        src.set(s);
    }
}
