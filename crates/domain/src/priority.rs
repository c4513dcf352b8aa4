//! Which measures a priority list holds, and at what rank (issue 16: labels and membership come
//! from the feed's lists, never from "five").
//!
//! A list ranks goals, sub-goals, areas (measures with sub-measures) or measures. A measure is in
//! the list when
//! - it is an item itself (`Via::Item`),
//! - its main goal or main sub-goal is an item (`Via::Goal`): "measures under a ranked goal count
//!   as in it" — only the main goal link counts, so a measure sits at one rank, not at every goal
//!   it touches, or
//! - a measure above it (its area or programme) is in the list (`Via::Area`): its sub-measures
//!   are part of what was ranked.
//!
//! When more than one rule applies, the best (lowest) rank wins; an own item wins a tie.

use crate::index::{id_map, IdMap};
use crate::model::{Feed, ResolvedList};

/// Why a measure is in a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Via {
    /// The measure is an item of the list.
    Item,
    /// Its main goal or sub-goal (this id) is an item.
    Goal(String),
    /// A measure above it (this index into `feed.measures`) is in the list.
    Area(usize),
}

/// One measure's place in a list.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Place {
    pub rank: u32,
    pub via: Via,
}

/// The measures of one list: per measure (same indices as `feed.measures`), its place or `None`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Membership {
    /// The list's id (`priority` for the list implied by 1.0 `measures[].priority`).
    pub list: String,
    /// Position of the list in `Feed::priority_lists()`.
    pub position: usize,
    pub places: Vec<Option<Place>>,
}

impl Membership {
    /// Works out the places of every measure in `list` (the list at `position` of
    /// `feed.priority_lists()`).
    pub fn new(feed: &Feed, list: &ResolvedList<'_>, position: usize) -> Membership {
        // `collect` order: the last measure with an id wins
        let mut pos: IdMap<&str, usize> = id_map(feed.measures.len());
        pos.extend(
            feed.measures
                .iter()
                .enumerate()
                .map(|(i, m)| (m.id.as_str(), i)),
        );
        Self::new_in(feed, list, position, &|i: usize| {
            feed.measures[i]
                .parent
                .as_deref()
                .and_then(|p| pos.get(p).copied())
        })
    }

    /// [`Membership::new`] for a caller that already knows each measure's parent index (the
    /// filter index does): no id map per list.
    pub fn new_in(
        feed: &Feed,
        list: &ResolvedList<'_>,
        position: usize,
        parent: &dyn Fn(usize) -> Option<usize>,
    ) -> Membership {
        let n = feed.measures.len();
        let ranks: IdMap<&str, u32> = list.items.iter().map(|r| (r.id, r.rank)).collect();
        // Own places first: item or main goal / sub-goal.
        let own: Vec<Option<Place>> = feed
            .measures
            .iter()
            .map(|m| {
                let item = ranks.get(m.id.as_str()).map(|&rank| Place {
                    rank,
                    via: Via::Item,
                });
                let goal = m.goal.as_ref().and_then(|g| {
                    [g.sub_goal.as_deref(), Some(g.goal.as_str())]
                        .into_iter()
                        .flatten()
                        .filter_map(|id| ranks.get(id).map(|&r| (r, id)))
                        .min()
                        .map(|(rank, id)| Place {
                            rank,
                            via: Via::Goal(id.to_string()),
                        })
                });
                best(item, goal)
            })
            .collect();
        // Then what the areas above each measure give (depth-guarded against cycles).
        let mut places = Vec::with_capacity(n);
        for i in 0..n {
            let mut place = own[i].clone();
            let mut cur = i;
            for _ in 0..16 {
                let Some(p) = parent(cur) else {
                    break;
                };
                if p == i {
                    break;
                }
                if let Some(up) = &own[p] {
                    place = best(
                        place,
                        Some(Place {
                            rank: up.rank,
                            via: Via::Area(p),
                        }),
                    );
                }
                cur = p;
            }
            places.push(place);
        }
        Membership {
            list: list.id.to_string(),
            position,
            places,
        }
    }

    /// The memberships of every list of the feed, in `Feed::priority_lists()` order.
    pub fn all(feed: &Feed) -> Vec<Membership> {
        feed.priority_lists()
            .iter()
            .enumerate()
            .map(|(p, l)| Membership::new(feed, l, p))
            .collect()
    }

    /// [`Membership::all`] with each measure's parent index known (see [`Membership::new_in`]).
    pub fn all_in(feed: &Feed, parent: &dyn Fn(usize) -> Option<usize>) -> Vec<Membership> {
        feed.priority_lists()
            .iter()
            .enumerate()
            .map(|(p, l)| Membership::new_in(feed, l, p, parent))
            .collect()
    }

    pub fn rank(&self, measure: usize) -> Option<u32> {
        self.places.get(measure)?.as_ref().map(|p| p.rank)
    }

    pub fn contains(&self, measure: usize) -> bool {
        self.rank(measure).is_some()
    }

    /// In the list only because a measure above it is (a sub-measure of a ranked area).
    pub fn only_via_area(&self, measure: usize) -> bool {
        matches!(
            self.places.get(measure),
            Some(Some(Place {
                via: Via::Area(_),
                ..
            }))
        )
    }
}

fn best(a: Option<Place>, b: Option<Place>) -> Option<Place> {
    match (a, b) {
        (Some(a), Some(b)) => Some(if b.rank < a.rank { b } else { a }),
        (a, b) => a.or(b),
    }
}

/// The list chosen by `id` (the `liste=` view key): that list if the feed has it, else the first.
/// `None` when the feed has no list at all.
pub fn chosen<'m>(lists: &'m [Membership], id: Option<&str>) -> Option<&'m Membership> {
    id.and_then(|id| lists.iter().find(|l| l.list == id))
        .or_else(|| lists.first())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_feeds::{idx, other};

    #[test]
    fn a_list_of_measures_ranks_those_measures() {
        let f = other();
        let all = Membership::all(&f);
        assert_eq!(all.len(), 2);
        let top = &all[0];
        assert_eq!(top.list, "topp-tre");
        assert_eq!(top.rank(idx(&f, "GAMMA")), Some(1));
        assert_eq!(top.rank(idx(&f, "ALFA")), Some(2));
        assert_eq!(top.rank(idx(&f, "DELTA")), Some(3));
        assert_eq!(top.rank(idx(&f, "BETA")), None);
        assert_eq!(top.places[idx(&f, "ALFA")].as_ref().unwrap().via, Via::Item);
    }

    #[test]
    fn measures_under_a_ranked_goal_count_as_in_it() {
        let f = other();
        let areas = &Membership::all(&f)[1];
        assert_eq!(areas.list, "omraader");
        // omr-2 is rank 1: BETA and GAMMA; omr-1 is rank 2: ALFA; omr-3 is not ranked.
        assert_eq!(areas.rank(idx(&f, "BETA")), Some(1));
        assert_eq!(areas.rank(idx(&f, "GAMMA")), Some(1));
        assert_eq!(areas.rank(idx(&f, "ALFA")), Some(2));
        assert_eq!(areas.rank(idx(&f, "DELTA")), None);
        assert_eq!(
            areas.places[idx(&f, "BETA")].as_ref().unwrap().via,
            Via::Goal("omr-2".into())
        );
    }

    #[test]
    fn sub_measures_of_a_ranked_area_count_as_in_it() {
        let f = crate::minimal_fixture();
        // minimal: PLL (priority 1) has the sub-measure LM-1.
        let lists = Membership::all(&f);
        let l = chosen(&lists, None).unwrap();
        assert_eq!(l.list, "priority", "the list implied by 1.0 priorities");
        let (pll, lm) = (idx(&f, "PLL"), idx(&f, "LM-1"));
        assert_eq!(l.rank(pll), Some(1));
        assert_eq!(l.rank(lm), Some(1));
        assert!(l.only_via_area(lm) && !l.only_via_area(pll));
        assert_eq!(l.places[lm].as_ref().unwrap().via, Via::Area(pll));
    }

    #[test]
    fn the_best_rank_wins_and_unknown_ids_choose_the_first_list() {
        let mut f = other();
        // GAMMA is item 1 of topp-tre; make ALFA's goal rank 1 in a list where ALFA is item 3.
        f.priority_lists[1].items.push(crate::model::RankedItem {
            rank: 3,
            item: "ALFA".into(),
            basis: Default::default(),
            basis_note: None,
            sources: vec![],
        });
        let lists = Membership::all(&f);
        let areas = chosen(&lists, Some("omraader")).unwrap();
        // ALFA: its goal omr-1 is rank 2, its own item rank 3 → 2 via the goal.
        let a = areas.places[idx(&f, "ALFA")].as_ref().unwrap();
        assert_eq!((a.rank, &a.via), (2, &Via::Goal("omr-1".into())));
        assert_eq!(
            chosen(&lists, Some("no-such-list")).unwrap().list,
            "topp-tre"
        );
        assert!(chosen(&[], Some("x")).is_none());
    }

    #[test]
    fn a_feed_without_lists_has_no_membership() {
        let mut f = crate::minimal_fixture();
        for m in &mut f.measures {
            m.priority = None;
        }
        assert!(Membership::all(&f).is_empty());
    }
}
