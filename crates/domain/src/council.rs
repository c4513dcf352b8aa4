//! The council's decisions over time: grouped by body and meeting for the council view, and per
//! measure for its decision history.

use std::collections::BTreeSet;

use crate::date::DateSpan;
use crate::model::{Body, Decision, DecisionState, Feed};

/// One meeting of one body and the decisions (indices into the slice given to [`meetings`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Meeting {
    pub body: Body,
    /// Meeting number (`2/2023`) when the papers give one.
    pub number: Option<String>,
    /// The date as the feed gives it (the earliest of its decisions).
    pub date: String,
    pub decisions: Vec<usize>,
}

impl Meeting {
    /// Stable key for element ids and URLs: `NUIT-2-2023` or `NUFA-2021-10-27`.
    pub fn key(&self) -> String {
        let tail = self.number.as_deref().unwrap_or(&self.date);
        format!("{}-{}", self.body.code(), tail.replace(['/', ' '], "-"))
    }
    /// How many of its decisions are only proposed (not yet in minutes).
    pub fn proposed(&self, decisions: &[Decision]) -> usize {
        self.decisions
            .iter()
            .filter(|&&i| decisions[i].state == DecisionState::Proposed)
            .count()
    }
}

/// Sort key of a feed date: its first day (unparseable dates last, so they never hide real ones).
fn sort_day(date: &str) -> i64 {
    DateSpan::parse(date)
        .map(|d| d.first_day())
        .unwrap_or(i64::MAX)
}

/// The bodies in a fixed reading order (the priority committee first, the top board last).
pub const BODIES: [Body; 4] = [Body::Nuit, Body::Nufa, Body::Nehs, Body::Nehr];

/// Meetings, newest first. Decisions of the same body with the same meeting number (or, without a
/// number, the same date) form one meeting; within it they are in case order as in the feed.
pub fn meetings(decisions: &[Decision], bodies: &BTreeSet<Body>) -> Vec<Meeting> {
    let mut out: Vec<Meeting> = Vec::new();
    for (i, d) in decisions.iter().enumerate() {
        if !bodies.is_empty() && !bodies.contains(&d.body) {
            continue;
        }
        let same = |m: &Meeting| {
            m.body == d.body
                && match (&m.number, &d.meeting) {
                    (Some(a), Some(b)) => a == b,
                    (None, None) => m.date == d.date,
                    _ => false,
                }
        };
        match out.iter_mut().find(|m| same(m)) {
            Some(m) => {
                m.decisions.push(i);
                if sort_day(&d.date) < sort_day(&m.date) {
                    m.date = d.date.to_string();
                }
            }
            None => out.push(Meeting {
                body: d.body,
                number: d.meeting.clone().map(Into::into),
                date: d.date.to_string(),
                decisions: vec![i],
            }),
        }
    }
    crate::sort::sort_by_key(&mut out, |m| (std::cmp::Reverse(sort_day(&m.date)), m.body));
    out
}

/// How a decision concerns a measure.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    /// It names the measure.
    Direct,
    /// It names one of the measure's sub-measures.
    SubMeasure,
}

/// The decision history of a measure, oldest first: decisions naming it or one of its
/// sub-measures.
pub fn history<'a>(feed: &'a Feed, measure: &str) -> Vec<(&'a Decision, Via)> {
    let kids: BTreeSet<&str> = crate::sort::set_of(
        feed.measures
            .iter()
            .filter(|m| m.parent.as_deref() == Some(measure))
            .map(|m| m.id.as_str()),
    );
    let mut out: Vec<(&Decision, Via)> = feed
        .decisions
        .iter()
        .filter_map(|d| {
            if d.measures.iter().any(|x| x == measure) {
                Some((d, Via::Direct))
            } else if d.measures.iter().any(|x| kids.contains(x.as_str())) {
                Some((d, Via::SubMeasure))
            } else {
                None
            }
        })
        .collect();
    crate::sort::sort_by_key(&mut out, |(d, _)| sort_day(&d.date));
    out
}

/// The decisions of two versions together (the newer one's first), each id once; for the
/// council view when an older version is loaded for comparison. The flag says "older only".
pub fn merged<'a>(new: &'a Feed, old: Option<&'a Feed>) -> Vec<(&'a Decision, bool)> {
    let mut out: Vec<(&Decision, bool)> = new.decisions.iter().map(|d| (d, false)).collect();
    if let Some(old) = old {
        for d in &old.decisions {
            if !new.decisions.iter().any(|n| n.id == d.id) {
                out.push((d, true));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Text;

    fn dec(id: &str, body: Body, meeting: Option<&str>, date: &str, measures: &[&str]) -> Decision {
        Decision {
            goals: vec![],
            basis: Default::default(),
            basis_note: None,
            id: id.into(),
            body,
            case: id.into(),
            meeting: meeting.map(crate::model::SmallStr::from),
            date: date.into(),
            case_type: None,
            state: DecisionState::Proposed,
            title: Text::nb(id),
            text: Text::nb(id),
            measures: measures
                .iter()
                .map(|s| crate::model::SmallStr::from(*s))
                .collect(),
            sources: vec![],
        }
    }

    fn feed() -> Feed {
        let mut f = crate::minimal_fixture();
        f.decisions = vec![
            dec("a", Body::Nuit, Some("2/2023"), "2023-05-25", &["PLL"]),
            dec("b", Body::Nuit, Some("2/2023"), "2023-05-25", &["X"]),
            dec("c", Body::Nufa, None, "2021-10-27", &["LM-1"]),
            dec("d", Body::Nehs, Some("7/20"), "2020-12-16", &["PLL"]),
            dec("e", Body::Nufa, None, "2022", &["Y"]),
        ];
        f
    }

    #[test]
    fn meetings_group_by_body_and_number_newest_first() {
        let f = feed();
        let m = meetings(&f.decisions, &BTreeSet::new());
        let keys: Vec<String> = m.iter().map(Meeting::key).collect();
        assert_eq!(
            keys,
            vec!["NUIT-2-2023", "NUFA-2022", "NUFA-2021-10-27", "NEHS-7-20"]
        );
        assert_eq!(m[0].decisions, vec![0, 1]);
        assert_eq!(m[0].proposed(&f.decisions), 2);
    }

    #[test]
    fn meetings_filter_by_body() {
        let f = feed();
        let only: BTreeSet<Body> = [Body::Nufa].into_iter().collect();
        let m = meetings(&f.decisions, &only);
        assert_eq!(m.len(), 2);
        assert!(m.iter().all(|m| m.body == Body::Nufa));
    }

    #[test]
    fn history_includes_sub_measures_oldest_first() {
        let f = feed();
        let h = history(&f, "PLL");
        let ids: Vec<(&str, Via)> = h.iter().map(|(d, v)| (d.id.as_str(), *v)).collect();
        assert_eq!(
            ids,
            vec![
                ("d", Via::Direct),
                ("c", Via::SubMeasure),
                ("a", Via::Direct)
            ]
        );
        assert!(history(&f, "NOPE").is_empty());
    }

    #[test]
    fn merged_keeps_each_id_once_and_flags_older_only() {
        let new = feed();
        let mut old = feed();
        old.decisions
            .push(dec("old-only", Body::Nuit, None, "2020", &[]));
        let m = merged(&new, Some(&old));
        assert_eq!(m.len(), new.decisions.len() + 1);
        assert_eq!(m.iter().filter(|(_, older)| *older).count(), 1);
        assert_eq!(merged(&new, None).len(), new.decisions.len());
    }
}
