//! The actor lens — "Hva betyr veikartet for oss?": for one organisation or user group, the
//! measures it has a role in (or a stated benefit from), its role in each, the milestones of
//! those measures in the next 12 and 24 months, and the benefit text for that group.

use std::collections::BTreeMap;

use crate::date::{DateSpan, Ymd};
use crate::model::{Feed, Role, SmallStr};

/// One measure as seen by the actor.
#[derive(Clone, Debug, PartialEq)]
pub struct LensEntry {
    /// Index into `feed.measures`.
    pub measure: usize,
    /// (actor id, role): the actor's own roles, and those of organisations under it (an RHF's
    /// health trusts), so an RHF sees what its HFs are asked to do.
    pub roles: Vec<(String, Role)>,
    /// Indices into the measure's `benefits` that are for this actor.
    pub benefits: Vec<usize>,
}

/// A milestone in a look-ahead window.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct LensMilestone {
    pub measure: usize,
    pub milestone: usize,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Lens {
    pub entries: Vec<LensEntry>,
    /// Milestones whose date (with its precision) overlaps the next 12 months.
    pub next_12: Vec<LensMilestone>,
    /// Those overlapping months 13–24 and not already in `next_12`.
    pub next_24: Vec<LensMilestone>,
}

/// `d` moved `months` months ahead, the day clamped to the target month's length.
pub fn add_months(d: Ymd, months: u32) -> Ymd {
    let total = d.y * 12 + (d.m as i32 - 1) + months as i32;
    let y = total.div_euclid(12);
    let m = total.rem_euclid(12) as u32 + 1;
    Ymd {
        y,
        m,
        d: d.d.min(crate::date::days_in_month(y, m)),
    }
}

/// The actor and every actor under it (by `parent`), with a depth guard against cycles.
fn family(feed: &Feed, actor: &str) -> Vec<SmallStr> {
    let mut out = vec![SmallStr::from(actor)];
    let mut i = 0;
    while i < out.len() && out.len() < 1000 {
        let cur = out[i].clone();
        for a in &feed.actors {
            if a.parent.as_deref() == Some(cur.as_str()) && !out.contains(&a.id) {
                out.push(a.id.clone());
            }
        }
        i += 1;
    }
    out
}

pub fn actor_lens(feed: &Feed, actor: &str, today: Ymd) -> Lens {
    let fam = family(feed, actor);
    let mut entries = Vec::new();
    for (mi, m) in feed.measures.iter().enumerate() {
        let roles: Vec<(String, Role)> = m
            .actors
            .iter()
            .filter(|r| fam.contains(&r.actor))
            .map(|r| (r.actor.to_string(), r.role))
            .collect();
        let benefits: Vec<usize> = m
            .benefits
            .iter()
            .enumerate()
            .filter(|(_, b)| fam.contains(&b.actor_group))
            .map(|(i, _)| i)
            .collect();
        if !roles.is_empty() || !benefits.is_empty() {
            entries.push(LensEntry {
                measure: mi,
                roles,
                benefits,
            });
        }
    }
    let t0 = today.day_number();
    let t12 = add_months(today, 12).day_number();
    let t24 = add_months(today, 24).day_number();
    let mut dated: BTreeMap<(i64, usize, usize), (bool, bool)> = BTreeMap::new();
    for e in &entries {
        for (si, ms) in feed.measures[e.measure].milestones.iter().enumerate() {
            let Ok(span) = DateSpan::parse(&ms.date) else {
                continue;
            };
            let (a, b) = (span.first_day(), span.end_exclusive());
            let in12 = a < t12 && b > t0;
            let in24 = a < t24 && b > t0;
            if in24 {
                dated.insert((a, e.measure, si), (in12, in24));
            }
        }
    }
    let mut lens = Lens {
        entries,
        ..Lens::default()
    };
    for ((_, measure, milestone), (in12, _)) in dated {
        let lm = LensMilestone { measure, milestone };
        if in12 {
            lens.next_12.push(lm);
        } else {
            lens.next_24.push(lm);
        }
    }
    lens
}

/// Why a risk concerns the actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RiskReason {
    /// The actor (or an organisation under it) owns the risk.
    Owner,
    /// It sits on, or names, a measure the actor has a role in or a benefit from.
    Measure,
}

/// "Risks that concern us": every risk or precondition (numbered as in `risk::all`, from 0
/// here) whose `owner` is the actor or an organisation under it, or that concerns one of the
/// actor's measures (the `lens` entries). Feed-wide risks without an owner or concerns are not
/// listed: they concern everyone and stand in the risk view.
pub fn risks_for_actor(feed: &Feed, actor: &str, lens: &Lens) -> Vec<(usize, RiskReason)> {
    let fam = family(feed, actor);
    let mine = crate::sort::set_of(lens.entries.iter().map(|e| e.measure));
    crate::risk::all(feed)
        .iter()
        .enumerate()
        .filter_map(|(i, r)| {
            if r.risk.owner.as_ref().is_some_and(|o| fam.contains(o)) {
                return Some((i, RiskReason::Owner));
            }
            crate::risk::concerned_measures(feed, r)
                .iter()
                .any(|m| mine.contains(m))
                .then_some((i, RiskReason::Measure))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, ActorKind, ActorRole, Benefit, Milestone, MilestoneKind, Text};
    use crate::test_feeds::other;

    fn ms(id: &str, date: &str) -> Milestone {
        Milestone {
            basis: Default::default(),
            basis_note: None,
            replaces: None,
            target_changed: false,
            standing: None,
            id: id.into(),
            title: Text::nb(id),
            date: date.into(),
            qualifier: None,
            kind: MilestoneKind::default(),
            original_date: None,
            date_text: None,
            sources: vec![],
        }
    }

    fn fixture() -> Feed {
        let mut f = crate::minimal_fixture();
        f.actors.push(Actor {
            id: "RHF-X".into(),
            kind: ActorKind::Organisation,
            name: Text::nb("Helse X"),
            short_name: None,
            parent: None,
            sources: vec![],
        });
        f.actors.push(Actor {
            id: "HF-Y".into(),
            kind: ActorKind::Organisation,
            name: Text::nb("HF Y"),
            short_name: None,
            parent: Some("RHF-X".into()),
            sources: vec![],
        });
        let m = &mut f.measures[0];
        m.actors.push(ActorRole {
            period: None,
            basis: Default::default(),
            basis_note: None,
            actor: "HF-Y".into(),
            role: Role::Participant,
            note: None,
            sources: vec![],
        });
        m.benefits.push(Benefit {
            actor_group: "RHF-X".into(),
            score: Some(2),
            score_max: None,
            text: Some(Text::nb("Mindre dobbeltarbeid")),
            sources: vec![],
        });
        m.milestones = vec![
            ms("soon", "2027-03"),
            ms("later", "2028-06-01"),
            ms("past", "2025"),
            ms("far", "2031"),
            ms("whole-year", "2027"),
        ];
        f
    }

    #[test]
    fn months_are_added_with_clamped_days() {
        assert_eq!(
            add_months(
                Ymd {
                    y: 2026,
                    m: 11,
                    d: 22
                },
                12
            ),
            Ymd {
                y: 2027,
                m: 11,
                d: 22
            }
        );
        assert_eq!(
            add_months(
                Ymd {
                    y: 2024,
                    m: 1,
                    d: 31
                },
                1
            ),
            Ymd {
                y: 2024,
                m: 2,
                d: 29
            }
        );
        assert_eq!(
            add_months(
                Ymd {
                    y: 2026,
                    m: 12,
                    d: 1
                },
                1
            ),
            Ymd {
                y: 2027,
                m: 1,
                d: 1
            }
        );
    }

    #[test]
    fn lens_collects_roles_of_children_benefits_and_lookahead() {
        let f = fixture();
        let lens = actor_lens(
            &f,
            "RHF-X",
            Ymd {
                y: 2026,
                m: 11,
                d: 22,
            },
        );
        assert_eq!(lens.entries.len(), 1);
        let e = &lens.entries[0];
        assert_eq!(e.measure, 0);
        assert_eq!(e.roles, vec![("HF-Y".to_string(), Role::Participant)]);
        assert_eq!(e.benefits.len(), 1);
        let ids = |v: &[LensMilestone]| {
            v.iter()
                .map(|l| f.measures[l.measure].milestones[l.milestone].id.clone())
                .collect::<Vec<_>>()
        };
        // sorted by start; a whole-year date overlaps the window from its first day
        assert_eq!(ids(&lens.next_12), vec!["whole-year", "soon"]);
        assert_eq!(ids(&lens.next_24), vec!["later"]);
    }

    fn risk_ids(f: &Feed, actor: &str) -> Vec<(String, RiskReason)> {
        let today = Ymd {
            y: 2026,
            m: 11,
            d: 22,
        };
        let lens = actor_lens(f, actor, today);
        let all = crate::risk::all(f);
        risks_for_actor(f, actor, &lens)
            .into_iter()
            .map(|(i, why)| (all[i].risk.id.to_string(), why))
            .collect()
    }

    #[test]
    fn risks_that_concern_us_by_owner_or_by_measure() {
        let f = other();
        // the ministry owns the funding precondition and commissions ALFA (which risk-alfa and
        // risk-kapasitet concern)
        assert_eq!(
            risk_ids(&f, "testdep"),
            vec![
                ("risk-finans".to_string(), RiskReason::Owner),
                ("risk-kapasitet".to_string(), RiskReason::Measure),
                ("risk-alfa".to_string(), RiskReason::Measure),
            ]
        );
        // the vendor has no role in a measure but owns risk-alfa
        assert_eq!(
            risk_ids(&f, "testlev"),
            vec![("risk-alfa".to_string(), RiskReason::Owner)]
        );
        // test staff: no role, no ownership, nothing
        assert!(risk_ids(&f, "testpersonell").is_empty());
        // feed-wide risks without owner or concerns (risk-juss) never show in a lens
        assert!(!risk_ids(&f, "testdir")
            .iter()
            .any(|(id, _)| id == "risk-juss"));
    }

    #[test]
    fn an_actor_without_roles_sees_nothing() {
        let f = fixture();
        let lens = actor_lens(
            &f,
            "nobody",
            Ymd {
                y: 2026,
                m: 11,
                d: 22,
            },
        );
        assert!(lens.entries.is_empty() && lens.next_12.is_empty() && lens.next_24.is_empty());
        // the child alone does not see the parent's benefit
        let child = actor_lens(
            &f,
            "HF-Y",
            Ymd {
                y: 2026,
                m: 11,
                d: 22,
            },
        );
        assert!(child.entries[0].benefits.is_empty());
    }
}
