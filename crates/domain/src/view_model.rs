//! What the roadmap view draws for one state: lanes, the laid-out rows and the time scale —
//! computed from the feed, its index, the filter result and the view state, so the components
//! only bind it to the DOM.

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::filter::FilterResult;
use crate::index::Indexed;
use crate::priority::Membership;
use crate::roadmap::{lanes_in, Grouping, Lane};
use crate::timeline::{RowLayout, Scale, Zoom};

/// The roadmap for one state. Lanes and rows are shared (`Arc`) so a zoom change, which only
/// rescales, keeps them (`RoadmapModel::rows` is computed apart from the scale).
#[derive(Clone, Debug, PartialEq)]
pub struct RoadmapModel {
    pub lanes: Arc<Vec<Lane>>,
    pub layout: Arc<RowLayout>,
    pub scale: Scale,
}

/// The choices the model depends on, besides the feed and the filter result.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ModelInputs<'a> {
    pub grouping: Grouping,
    /// The priority list in use (`filter::Index::list`): the priority lane and the row order.
    pub list: Option<&'a Membership>,
    pub zoom: Zoom,
    /// Rows open (ids).
    pub expanded: &'a BTreeSet<String>,
    /// First and last year of the axis (`timeline::year_range`, once per feed).
    pub years: (i32, i32),
    /// Width available to the time axis, in CSS pixels (0 before it is measured).
    pub width: f64,
}

/// Lanes and laid-out rows: what a filter, a regroup or an opened row changes.
#[derive(Clone, Debug, PartialEq)]
pub struct Rows {
    pub lanes: Arc<Vec<Lane>>,
    pub layout: Arc<RowLayout>,
}

impl Rows {
    /// Lanes of the measures in `result` (`grouping`, ordered by `list`) and their rows, with
    /// the children of the rows in `expanded` below them (while `filtering`, only the children
    /// shown).
    pub fn build(
        ix: &Indexed,
        result: &FilterResult,
        filtering: bool,
        grouping: Grouping,
        list: Option<&Membership>,
        expanded: &BTreeSet<String>,
    ) -> Rows {
        let f = ix.feed();
        let kids = |m| ix.ix.children(m);
        let lanes = lanes_in(f, grouping, &result.visible, list, &kids);
        // Sub-measures of each measure; while filtering, only those shown.
        let shown: Option<Vec<bool>> = filtering.then(|| {
            let mut v = vec![false; f.measures.len()];
            for &i in &result.visible {
                v[i] = true;
            }
            v
        });
        let layout = RowLayout::with_children(
            f,
            &lanes,
            &kids,
            &|k| match &shown {
                Some(v) => v[k],
                None => true,
            },
            &|id| expanded.contains(id),
        );
        Rows {
            lanes: Arc::new(lanes),
            layout: Arc::new(layout),
        }
    }
}

impl RoadmapModel {
    pub fn build(ix: &Indexed, result: &FilterResult, filtering: bool, inp: ModelInputs) -> Self {
        let rows = Rows::build(ix, result, filtering, inp.grouping, inp.list, inp.expanded);
        RoadmapModel::with_rows(&rows, inp.years, inp.zoom, inp.width)
    }

    /// The model of `rows` on the time scale of `years` at `zoom`, fitted to `width`.
    pub fn with_rows(rows: &Rows, years: (i32, i32), zoom: Zoom, width: f64) -> Self {
        RoadmapModel {
            lanes: rows.lanes.clone(),
            layout: rows.layout.clone(),
            scale: Scale::new(years.0, years.1, zoom).fit(width),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::{apply, Filter, Index};
    use crate::timeline::LayoutItem;
    use crate::validate::Loaded;

    /// The lanes of the view model (children from the feed index) are the lanes of
    /// `roadmap::lanes` (children found by scanning the feed), for every grouping and list, on the
    /// default feed and a feed with priority lists, filtered and not.
    #[test]
    fn lanes_with_the_index_children_are_the_scanned_ones() {
        for f in [
            crate::test_feeds::shipped(),
            crate::test_feeds::other(),
            crate::minimal_fixture(),
        ] {
            let ix = Indexed::new(Loaded {
                feed: f.clone(),
                issues: vec![],
            });
            let index = Index::new(&f);
            let ch = crate::roadmap::children(&f);
            let kids = |i: usize| ch.get(&i).map(Vec::as_slice).unwrap_or(&[]);
            let lists = crate::priority::Membership::all(&f);
            let mut filters = vec![Filter::default()];
            filters.push(Filter {
                text: "e".into(),
                ..Filter::default()
            });
            for filter in &filters {
                let result = apply(&f, &index, filter);
                for list in std::iter::once(None).chain(lists.iter().map(Some)) {
                    for g in Grouping::ALL {
                        let rows = Rows::build(&ix, &result, true, g, list, &BTreeSet::new());
                        let scanned = lanes_in(&f, g, &result.visible, list, &kids);
                        assert!(!scanned.is_empty(), "{g:?}");
                        assert_eq!(*rows.lanes, scanned, "{g:?}, {:?}", filter.text);
                    }
                }
            }
        }
    }

    #[test]
    fn filtering_keeps_only_matching_children() {
        let f = crate::minimal_fixture();
        let ix = Indexed::new(Loaded {
            feed: f.clone(),
            issues: vec![],
        });
        let index = Index::new(&f);
        let all = apply(&f, &index, &Filter::default());
        let open: BTreeSet<String> = f.measures.iter().map(|m| m.id.to_string()).collect();
        let inp = ModelInputs {
            grouping: Grouping::Goal,
            list: index.list(None),
            zoom: Zoom::Years,
            expanded: &open,
            years: (2020, 2030),
            width: 1000.0,
        };
        let m = RoadmapModel::build(&ix, &all, false, inp);
        let rows = |m: &RoadmapModel| {
            m.layout
                .items
                .iter()
                .filter(|i| matches!(i, LayoutItem::Row { .. }))
                .count()
        };
        assert_eq!(rows(&m), f.measures.len());
        assert!(m.scale.width() >= 1000.0 - 1.0);
        // A search that matches the parent only: its child is not drawn.
        let parent = f.measures.iter().find(|x| x.parent.is_none()).unwrap();
        let flt = Filter {
            text: parent.id.to_string(),
            ..Filter::default()
        };
        let res = apply(&f, &index, &flt);
        let m2 = RoadmapModel::build(&ix, &res, true, inp);
        assert!(rows(&m2) < rows(&m), "{} < {}", rows(&m2), rows(&m));
    }
}
