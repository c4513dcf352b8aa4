//! Where the feed and its items stand (schema 1.1 `standing`), as the app shows it: the banner
//! of a feed that is a proposal or up for discussion, the badge of an item whose standing differs
//! from the feed's, and which measures are taken out of the roadmap.
//!
//! The rules (issue 16, "told honestly"):
//! - The feed's own standing is said once, in a banner, with the decision that put it there
//!   («Forslag til drøfting (NUIT sak 16/23, mai 2023) — ikke vedtatt»).
//! - An item carries a badge only where its standing differs from the feed's (an adopted measure
//!   in a proposed roadmap, a proposed milestone in an adopted one, a withdrawn measure): a badge
//!   on every row saying what the banner says would be noise, and noise hides the exceptions.
//! - A measure whose own standing is `withdrawn` — or that sits under one — is taken out of the
//!   roadmap: it is not an active row. The roadmap hides it by default, says how many are hidden,
//!   and shows them, greyed and badged «Tatt ut», on request.

use crate::model::{Body, Decision, Feed, Standing, StandingState};

/// What the banner of a feed says: its state and where that comes from.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Banner<'f> {
    pub state: StandingState,
    /// The decision that put the feed in this state, if the feed names one that exists.
    pub body: Option<Body>,
    pub case: Option<&'f str>,
    /// When, to the month (`2023-05`), or as the feed gives it when coarser (`2026-høst`):
    /// the decision's date, else the standing's `since`.
    pub when: Option<String>,
    /// Whether the standing itself is inferred (the banner says so).
    pub inferred: bool,
}

/// A date cut to its month when it is more precise (`2023-05-25` → `2023-05`); other dates as
/// they are. The banner names the month of a meeting, not its day.
pub fn to_month(date: &str) -> String {
    let d = date.trim();
    let b = d.as_bytes();
    if d.len() == 10 && b[4] == b'-' && b[7] == b'-' && d.is_ascii() {
        d[..7].to_string()
    } else {
        d.to_string()
    }
}

/// The decision a standing names, if the feed has it.
pub fn decision_of<'f>(feed: &'f Feed, s: &Standing) -> Option<&'f Decision> {
    let id = s.decision.as_deref()?;
    feed.decisions.iter().find(|d| d.id == id)
}

/// The feed's banner, or `None` when the feed does not state its standing.
pub fn banner(feed: &Feed) -> Option<Banner<'_>> {
    let s = feed.meta.standing.as_ref()?;
    let d = decision_of(feed, s);
    Some(Banner {
        state: s.state,
        body: d.map(|d| d.body),
        case: d.map(|d| d.case.as_str()),
        when: d
            .map(|d| d.date.as_str())
            .or(s.since.as_deref())
            .map(to_month),
        inferred: !s.basis.is_stated(),
    })
}

/// The state an item's badge shows: its own standing when it differs from the feed's, else none.
pub fn badge(feed: &Feed, own: Option<&Standing>) -> Option<StandingState> {
    let own = own?.state;
    let feed_state = feed.meta.standing.as_ref().map(|s| s.state);
    (Some(own) != feed_state).then_some(own)
}

/// Per measure (same indices as `feed.measures`): taken out of the roadmap, by its own standing
/// or that of a measure above it. The feed's standing does not count here: a withdrawn feed is
/// said by its banner and still shows what it held.
pub fn withdrawn(feed: &Feed) -> Vec<bool> {
    let pos: std::collections::HashMap<&str, usize> = feed
        .measures
        .iter()
        .enumerate()
        .map(|(i, m)| (m.id.as_str(), i))
        .collect();
    withdrawn_in(feed, |i| {
        feed.measures[i]
            .parent
            .as_deref()
            .and_then(|p| pos.get(p).copied())
    })
}

/// [`withdrawn`] for a caller that already knows each measure's parent index (the filter index
/// does): no second id map.
pub fn withdrawn_in(feed: &Feed, parent: impl Fn(usize) -> Option<usize>) -> Vec<bool> {
    let own = |i: usize| {
        feed.measures[i]
            .standing
            .as_ref()
            .is_some_and(|s| s.state == StandingState::Withdrawn)
    };
    (0..feed.measures.len())
        .map(|i| {
            let mut cur = i;
            // depth guard: hierarchy cycles are reported by validation
            for _ in 0..16 {
                if own(cur) {
                    return true;
                }
                match parent(cur) {
                    Some(p) if p != cur => cur = p,
                    _ => break,
                }
            }
            false
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_feeds::{other, shipped};

    #[test]
    fn the_shipped_feed_is_for_discussion_in_nuit_16_23_may_2023() {
        let f = shipped();
        let b = banner(&f).expect("the default feed states its standing");
        assert_eq!(b.state, StandingState::ForDiscussion);
        assert_eq!(b.body, Some(Body::Nuit));
        assert_eq!(b.case, Some("16/23"));
        assert_eq!(b.when.as_deref(), Some("2023-05"));
        assert!(!b.inferred);
    }

    #[test]
    fn without_a_decision_the_banner_uses_since() {
        let f = other();
        let b = banner(&f).unwrap();
        assert_eq!(b.state, StandingState::Proposed);
        assert_eq!((b.body, b.case), (None, None));
        assert_eq!(b.when.as_deref(), Some("2026-høst"));
        let mut none = f.clone();
        none.meta.standing = None;
        assert!(banner(&none).is_none());
    }

    #[test]
    fn badges_only_where_an_item_differs_from_the_feed() {
        let f = other(); // feed: proposed
        let by = |id: &str| f.measures.iter().find(|m| m.id == id).unwrap();
        assert_eq!(badge(&f, by("ALFA").standing.as_deref()), None, "inherits");
        assert_eq!(
            badge(&f, by("BETA").standing.as_deref()),
            Some(StandingState::Adopted)
        );
        assert_eq!(
            badge(&f, by("EPSILON").standing.as_deref()),
            Some(StandingState::Withdrawn)
        );
        let mut same = by("ALFA").clone();
        same.standing = f.meta.standing.clone().map(Box::new);
        assert_eq!(
            badge(&f, same.standing.as_deref()),
            None,
            "same as the feed"
        );
        // a feed that states nothing: an item's own standing is news
        let mut silent = f.clone();
        silent.meta.standing = None;
        assert_eq!(
            badge(&silent, by("BETA").standing.as_deref()),
            Some(StandingState::Adopted)
        );
    }

    #[test]
    fn withdrawn_measures_and_what_sits_under_them() {
        let f = shipped();
        let w = withdrawn(&f);
        let ids: Vec<&str> = f
            .measures
            .iter()
            .zip(&w)
            .filter(|(_, w)| **w)
            .map(|(m, _)| m.id.as_str())
            .collect();
        assert_eq!(ids, vec!["DIALOGMELDINGER"]);
        // a sub-measure of a withdrawn measure is out too
        let mut g = crate::minimal_fixture();
        g.measures[0].standing = Some(Box::new(Standing {
            state: StandingState::Withdrawn,
            decision: None,
            since: None,
            text: None,
            basis: Default::default(),
            basis_note: None,
            sources: vec![],
        }));
        assert_eq!(withdrawn(&g), vec![true, true]);
        // the feed's own standing never hides its measures
        g.measures[0].standing = None;
        g.meta.standing = Some(Standing {
            state: StandingState::Withdrawn,
            decision: None,
            since: None,
            text: None,
            basis: Default::default(),
            basis_note: None,
            sources: vec![],
        });
        assert_eq!(withdrawn(&g), vec![false, false]);
    }

    #[test]
    fn dates_are_cut_to_the_month() {
        assert_eq!(to_month("2023-05-25"), "2023-05");
        assert_eq!(to_month("2023-05"), "2023-05");
        assert_eq!(to_month("2026-høst"), "2026-høst");
        assert_eq!(to_month("2023"), "2023");
    }
}
