//! Risks and preconditions (schema 1.1 `risks`, on the feed and on measures), as the app shows
//! them: one numbered list of all of them, the ones that concern a measure, counts for the
//! badges on rows, the grouping by category, and the cells of a likelihood × consequence matrix
//! for those the sources score (`charts::risk_matrix_svg` draws it).
//!
//! A feed-level risk with `concerns` concerns those measures; one without concerns the whole
//! roadmap and is shown once, in the risk view and at the foot of the detail panel's section,
//! not as a badge on every row.

use crate::model::{Feed, Level, Risk, RiskCategory, RiskKind};

/// A risk with where it sits: on the feed (`measure: None`) or on a measure (its index).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct RiskRef<'f> {
    pub risk: &'f Risk,
    pub measure: Option<usize>,
}

impl<'f> RiskRef<'f> {
    /// Likelihood and consequence, when the source gives both (1–5 each; validation checks).
    pub fn score(&self) -> Option<(u8, u8)> {
        Some((self.risk.likelihood?, self.risk.consequence?))
    }
}

/// Every risk and precondition: the feed's first, then each measure's, in feed order. Their
/// position in this list (from 1) is the number the risk view and the matrix show.
pub fn all(feed: &Feed) -> Vec<RiskRef<'_>> {
    feed.risks
        .iter()
        .map(|risk| RiskRef {
            risk,
            measure: None,
        })
        .chain(feed.measures.iter().enumerate().flat_map(|(i, m)| {
            m.risks.iter().map(move |risk| RiskRef {
                risk,
                measure: Some(i),
            })
        }))
        .collect()
}

/// The risks that concern measure `mi`: its own, then the feed's that name it in `concerns`.
pub fn of_measure(feed: &Feed, mi: usize) -> Vec<RiskRef<'_>> {
    let Some(m) = feed.measures.get(mi) else {
        return vec![];
    };
    m.risks
        .iter()
        .map(|risk| RiskRef {
            risk,
            measure: Some(mi),
        })
        .chain(
            feed.risks
                .iter()
                .filter(|r| r.concerns.contains(&m.id))
                .map(|risk| RiskRef {
                    risk,
                    measure: None,
                }),
        )
        .collect()
}

/// The feed's risks that concern the whole roadmap (no `concerns`).
pub fn general(feed: &Feed) -> Vec<&Risk> {
    feed.risks
        .iter()
        .filter(|r| r.concerns.is_empty())
        .collect()
}

/// Risks and preconditions of one measure, for its badge.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub risks: usize,
    pub preconditions: usize,
}

impl Counts {
    pub fn total(self) -> usize {
        self.risks + self.preconditions
    }
}

/// [`of_measure`] counted by kind.
pub fn counts(feed: &Feed, mi: usize) -> Counts {
    let mut c = Counts::default();
    for r in of_measure(feed, mi) {
        match r.risk.kind {
            RiskKind::Risk => c.risks += 1,
            RiskKind::Precondition => c.preconditions += 1,
        }
    }
    c
}

/// The measures a risk concerns (indices): the one it sits on and those its `concerns` name.
pub fn concerned_measures(feed: &Feed, r: &RiskRef) -> Vec<usize> {
    let mut out: Vec<usize> = r.measure.into_iter().collect();
    for c in &r.risk.concerns {
        if let Some(i) = feed.measures.iter().position(|m| m.id == *c) {
            if !out.contains(&i) {
                out.push(i);
            }
        }
    }
    out
}

/// The order the risk view lists categories in; risks without a category come last.
pub const CATEGORIES: [RiskCategory; 8] = [
    RiskCategory::Funding,
    RiskCategory::Capacity,
    RiskCategory::Technology,
    RiskCategory::Adoption,
    RiskCategory::Coordination,
    RiskCategory::Legal,
    RiskCategory::Governance,
    RiskCategory::Other,
];

/// Positions in `risks` grouped by category (in [`CATEGORIES`] order, then `None`), empty
/// groups left out.
pub fn by_category(risks: &[RiskRef]) -> Vec<(Option<RiskCategory>, Vec<usize>)> {
    CATEGORIES
        .iter()
        .map(|c| Some(*c))
        .chain([None])
        .map(|c| {
            let v: Vec<usize> = risks
                .iter()
                .enumerate()
                .filter(|(_, r)| r.risk.category == c)
                .map(|(i, _)| i)
                .collect();
            (c, v)
        })
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

/// The number each risk carries in the views (per position in `risks`, from 1): the order of
/// the list by category, so the list reads 1, 2, 3 … and the matrix shows the same numbers.
pub fn display_numbers(risks: &[RiskRef]) -> Vec<usize> {
    let mut out = vec![0; risks.len()];
    for (n, i) in by_category(risks)
        .into_iter()
        .flat_map(|(_, v)| v)
        .enumerate()
    {
        out[i] = n + 1;
    }
    out
}

/// A scored risk in the matrix: its number (as in [`display_numbers`]), likelihood and
/// consequence.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct MatrixPoint {
    pub number: usize,
    pub likelihood: u8,
    pub consequence: u8,
}

/// The scored risks among `risks`, in their order, numbered as in [`display_numbers`], for the
/// matrix. Scores outside 1–5 (which validation refuses) are left out rather than drawn off the
/// grid.
pub fn matrix_points(risks: &[RiskRef]) -> Vec<MatrixPoint> {
    let numbers = display_numbers(risks);
    risks
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            let (l, c) = r.score()?;
            ((1..=5).contains(&l) && (1..=5).contains(&c)).then_some(MatrixPoint {
                number: numbers[i],
                likelihood: l,
                consequence: c,
            })
        })
        .collect()
}

/// How serious a matrix cell is: likelihood × consequence up to 4 is low, up to 12 medium,
/// above that high (a common 5 × 5 banding).
pub fn cell_level(likelihood: u8, consequence: u8) -> Level {
    match u32::from(likelihood) * u32::from(consequence) {
        0..=4 => Level::Low,
        5..=12 => Level::Medium,
        _ => Level::High,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_feeds::{idx, other};

    #[test]
    fn all_risks_feed_first_then_measures() {
        let f = other();
        let ids: Vec<&str> = all(&f).iter().map(|r| r.risk.id.as_str()).collect();
        assert_eq!(
            ids,
            vec![
                "risk-finans",
                "risk-kapasitet",
                "risk-juss",
                "risk-innforing",
                "risk-alfa",
                "risk-gamma"
            ]
        );
        assert_eq!(all(&f)[4].measure, Some(idx(&f, "ALFA")));
    }

    #[test]
    fn a_measure_has_its_own_risks_and_those_that_name_it() {
        let f = other();
        let alfa: Vec<&str> = of_measure(&f, idx(&f, "ALFA"))
            .iter()
            .map(|r| r.risk.id.as_str())
            .collect();
        assert_eq!(alfa, vec!["risk-alfa", "risk-kapasitet"]);
        assert_eq!(
            counts(&f, idx(&f, "ALFA")),
            Counts {
                risks: 2,
                preconditions: 0
            }
        );
        assert_eq!(counts(&f, idx(&f, "BETA")).total(), 0);
        assert!(of_measure(&f, 999).is_empty());
        // the feed-wide ones (no concerns) are not on any row
        let g: Vec<&str> = general(&f).iter().map(|r| r.id.as_str()).collect();
        assert_eq!(g, vec!["risk-finans", "risk-juss", "risk-innforing"]);
        let kap = all(&f)[1];
        assert_eq!(
            concerned_measures(&f, &kap),
            vec![idx(&f, "ALFA"), idx(&f, "GAMMA")]
        );
    }

    #[test]
    fn preconditions_are_counted_apart() {
        let mut f = other();
        let a = idx(&f, "ALFA");
        f.measures[a].risks[0].kind = RiskKind::Precondition;
        assert_eq!(
            counts(&f, a),
            Counts {
                risks: 1,
                preconditions: 1
            }
        );
    }

    #[test]
    fn categories_in_a_fixed_order_and_matrix_points_numbered() {
        let f = other();
        let list = all(&f);
        let cats: Vec<Option<RiskCategory>> = by_category(&list).iter().map(|c| c.0).collect();
        assert_eq!(
            cats,
            vec![
                Some(RiskCategory::Funding),
                Some(RiskCategory::Capacity),
                Some(RiskCategory::Technology),
                Some(RiskCategory::Adoption),
                Some(RiskCategory::Legal),
            ]
        );
        // numbered in the order of the list by category: finans; kapasitet, alfa; gamma;
        // innforing; juss
        assert_eq!(display_numbers(&list), vec![1, 2, 6, 5, 3, 4]);
        let pts = matrix_points(&list);
        assert_eq!(pts.len(), 6);
        assert_eq!(
            pts[0],
            MatrixPoint {
                number: 1,
                likelihood: 3,
                consequence: 4
            }
        );
        assert_eq!(
            pts.iter().map(|p| p.number).collect::<Vec<_>>(),
            vec![1, 2, 6, 5, 3, 4],
            "in list order, with the list's numbers"
        );
        // the shipped feed words its risks but never scores them: no matrix
        let shipped = crate::test_feeds::shipped();
        assert!(!all(&shipped).is_empty());
        assert!(matrix_points(&all(&shipped)).is_empty());
    }

    #[test]
    fn cell_levels_band_the_product() {
        assert_eq!(cell_level(1, 1), Level::Low);
        assert_eq!(cell_level(2, 2), Level::Low);
        assert_eq!(cell_level(1, 5), Level::Medium);
        assert_eq!(cell_level(3, 4), Level::Medium);
        assert_eq!(cell_level(3, 5), Level::High);
        assert_eq!(cell_level(5, 5), Level::High);
    }
}
