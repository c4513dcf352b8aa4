//! What changed between two versions of the feed: measures added, removed, withdrawn and renamed;
//! milestones moved (with the slippage in months), replaced, added and removed; phase, ambition,
//! priority, standing, status and dependency changes; decisions that are new since the older
//! version. Plus the geometry of the ghost (baseline) marks the timeline draws where the older
//! version differs.
//!
//! Records are matched by id (measure ids, milestone ids within a measure, phase ids within a
//! measure, ambition years within a measure, dependency ids, decision ids). A measure whose id
//! changed is therefore a removal plus an addition: the feed editors keep ids stable across
//! versions so that the comparison means something.
//!
//! An honest comparison (issue 16): a milestone is *moved* only when the same milestone has a new
//! date: the same id, or a newer milestone whose `replaces` names the older one. When the newer
//! milestone says `target_changed`, it is *replaced by a different target* and no slip in months
//! is computed. Any other pair of milestones is an addition and a removal: two different
//! milestones (a trial start and a nationwide roll-out, a council remark and a plan) are never
//! subtracted from each other.

use std::cmp::Reverse;
use std::collections::{BTreeMap, BTreeSet};

use crate::date::DateSpan;
use crate::model::{
    Ambition, DependencyKind, Feed, Lifecycle, Measure, Milestone, PhasePeriod, Qualifier, Rag,
    Standing, StandingState, Status, Text,
};
use crate::roadmap::current_status;
use crate::timeline::{bars, markers, Scale};

/// One change between the older and the newer version.
#[derive(Clone, Debug, PartialEq)]
pub struct Change {
    /// The measure the change belongs to (for dependencies: the dependent `from`, when it is a
    /// measure; for decisions: none).
    pub measure: Option<String>,
    pub kind: ChangeKind,
}

/// A date as a feed gives it (kept as the feed's string, so the app formats it with its
/// precision), with the qualifier that says how to read it.
#[derive(Clone, Debug, PartialEq)]
pub struct When {
    pub date: String,
    pub qualifier: Option<Qualifier>,
}

/// The parts of a status snapshot a comparison looks at.
#[derive(Clone, Debug, PartialEq)]
pub struct StatusSnap {
    pub as_of: String,
    pub lifecycle: Lifecycle,
    pub rag: Option<Rag>,
    pub risk: Option<Rag>,
    pub text: Option<Text>,
}

impl From<&Status> for StatusSnap {
    fn from(s: &Status) -> Self {
        StatusSnap {
            as_of: s.as_of.to_string(),
            lifecycle: s.lifecycle,
            rag: s.rag,
            risk: s.risk,
            text: s.text.clone(),
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum ChangeKind {
    /// In the newer version only.
    MeasureAdded {
        name: Text,
    },
    /// In the older version only.
    MeasureRemoved {
        name: Text,
    },
    /// Same id, another name (bokmål compared).
    MeasureRenamed {
        old: Text,
        new: Text,
    },
    /// Same milestone id, another date. `months` > 0 is a slip, < 0 is earlier.
    MilestoneMoved {
        milestone: String,
        title: Text,
        old: When,
        new: When,
        months: i32,
    },
    MilestoneAdded {
        milestone: String,
        title: Text,
        new: When,
    },
    MilestoneRemoved {
        milestone: String,
        title: Text,
        old: When,
    },
    /// No longer produced (issue 16): it compared two different milestones (the last planned one
    /// of each version) as if one had slipped. Kept so that existing matches still compile.
    HorizonMoved {
        old_title: Text,
        new_title: Text,
        old: When,
        new: When,
        months: i32,
    },
    /// A phase period (matched by phase id within the measure) added, removed or re-dated.
    PhaseAdded {
        phase: String,
        start: String,
        end: Option<String>,
    },
    PhaseRemoved {
        phase: String,
        start: String,
        end: Option<String>,
    },
    PhaseMoved {
        phase: String,
        old_start: String,
        old_end: Option<String>,
        new_start: String,
        new_end: Option<String>,
        /// Months the start moved (positive: later), if both parse.
        start_months: Option<i32>,
        /// Months the end moved, if both ends exist and parse.
        end_months: Option<i32>,
    },
    /// An ambition (matched by year) added, removed or with another target.
    AmbitionAdded {
        year: i32,
        text: Text,
    },
    AmbitionRemoved {
        year: i32,
        text: Text,
    },
    AmbitionChanged {
        year: i32,
        old: Text,
        new: Text,
    },
    PriorityChanged {
        old: Option<u8>,
        new: Option<u8>,
    },
    /// The current status (newest `as_of`) differs in lifecycle, RAG, risk or text.
    StatusChanged {
        old: Option<StatusSnap>,
        new: Option<StatusSnap>,
    },
    DependencyAdded {
        dependency: String,
        from: String,
        to: String,
        kind: DependencyKind,
        critical: bool,
    },
    DependencyRemoved {
        dependency: String,
        from: String,
        to: String,
        kind: DependencyKind,
        critical: bool,
    },
    DependencyChanged {
        dependency: String,
        from: String,
        to: String,
        old_kind: DependencyKind,
        new_kind: DependencyKind,
        old_critical: bool,
        new_critical: bool,
    },
    /// A council decision the newer version has and the older one has not.
    DecisionAdded {
        decision: String,
        title: Text,
        date: String,
    },
    /// Schema 1.1: the newer milestone `replaces` the older one with `target_changed`: a
    /// different target took its place. No months: the two dates measure different things.
    MilestoneReplaced {
        old_milestone: String,
        old_title: Text,
        old: When,
        milestone: String,
        title: Text,
        new: When,
    },
    /// Schema 1.1: a measure the newer version keeps only as withdrawn (taken out of the
    /// roadmap), and the older version did not have.
    MeasureWithdrawn {
        name: Text,
        standing: Standing,
    },
    /// Schema 1.1: the standing of a measure (`measure` set) or of the whole feed (`measure`
    /// none) changed: proposed, for discussion, adopted, withdrawn, or not stated (`None`).
    StandingChanged {
        old: Option<StandingState>,
        new: Option<StandingState>,
        /// The decision the newer standing names, if any.
        decision: Option<String>,
    },
}

/// Broad groups for filtering and counting in the change list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Category {
    Measures,
    Dates,
    Phases,
    Ambitions,
    Status,
    Dependencies,
    Decisions,
}

impl Category {
    pub const ALL: [Category; 7] = [
        Category::Measures,
        Category::Dates,
        Category::Phases,
        Category::Ambitions,
        Category::Status,
        Category::Dependencies,
        Category::Decisions,
    ];
    pub fn key(self) -> &'static str {
        match self {
            Category::Measures => "tiltak",
            Category::Dates => "datoer",
            Category::Phases => "faser",
            Category::Ambitions => "ambisjoner",
            Category::Status => "status",
            Category::Dependencies => "avhengigheter",
            Category::Decisions => "vedtak",
        }
    }
}

impl ChangeKind {
    pub fn category(&self) -> Category {
        use ChangeKind::*;
        match self {
            MeasureAdded { .. } | MeasureRemoved { .. } | MeasureRenamed { .. } => {
                Category::Measures
            }
            MilestoneMoved { .. }
            | MilestoneAdded { .. }
            | MilestoneRemoved { .. }
            | HorizonMoved { .. } => Category::Dates,
            PhaseAdded { .. } | PhaseRemoved { .. } | PhaseMoved { .. } => Category::Phases,
            AmbitionAdded { .. } | AmbitionRemoved { .. } | AmbitionChanged { .. } => {
                Category::Ambitions
            }
            PriorityChanged { .. } | StatusChanged { .. } => Category::Status,
            DependencyAdded { .. } | DependencyRemoved { .. } | DependencyChanged { .. } => {
                Category::Dependencies
            }
            DecisionAdded { .. } => Category::Decisions,
            MilestoneReplaced { .. } => Category::Dates,
            MeasureWithdrawn { .. } => Category::Measures,
            StandingChanged { .. } => Category::Status,
        }
    }

    /// Months a date moved, for the kinds that have one.
    pub fn months(&self) -> Option<i32> {
        match self {
            ChangeKind::MilestoneMoved { months, .. } | ChangeKind::HorizonMoved { months, .. } => {
                Some(*months)
            }
            ChangeKind::PhaseMoved {
                start_months,
                end_months,
                ..
            } => end_months.or(*start_months),
            _ => None,
        }
    }

    /// Whether the status turned red (RAG or risk) where it was not red before.
    pub fn turned_red(&self) -> bool {
        match self {
            ChangeKind::StatusChanged { old, new } => {
                let red = |s: &Option<StatusSnap>| {
                    s.as_ref()
                        .is_some_and(|s| s.rag == Some(Rag::Red) || s.risk == Some(Rag::Red))
                };
                red(new) && !red(old)
            }
            _ => false,
        }
    }

    /// How much a council member needs to see it first: higher is more important. Statuses
    /// turning red first, then slips by size, removals, renames and the rest.
    pub fn weight(&self) -> i64 {
        use ChangeKind::*;
        if self.turned_red() {
            return 10_000;
        }
        match self {
            MilestoneMoved { months, .. } | HorizonMoved { months, .. } if *months > 0 => {
                1_000 + i64::from(*months)
            }
            PhaseMoved { .. } if self.months().is_some_and(|m| m > 0) => {
                900 + i64::from(self.months().unwrap_or(0))
            }
            MeasureRemoved { .. } | MeasureWithdrawn { .. } => 800,
            StandingChanged { .. } => 750,
            PriorityChanged { .. } => 700,
            StatusChanged { .. } => 650,
            MeasureRenamed { .. } => 600,
            MeasureAdded { .. } => 500,
            DependencyChanged { .. } => 450,
            DependencyRemoved { critical: true, .. } | DependencyAdded { critical: true, .. } => {
                440
            }
            MilestoneMoved { .. } | HorizonMoved { .. } | PhaseMoved { .. } => 400,
            AmbitionChanged { .. } | AmbitionAdded { .. } | AmbitionRemoved { .. } => 350,
            MilestoneReplaced { .. } => 380,
            MilestoneRemoved { .. } | PhaseRemoved { .. } => 300,
            MilestoneAdded { .. } | PhaseAdded { .. } => 250,
            DependencyRemoved { .. } | DependencyAdded { .. } => 200,
            DecisionAdded { .. } => 100,
        }
    }
}

/// The changes from `old` to `new`, most important first (ties: in the order of the newer feed).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FeedDiff {
    pub changes: Vec<Change>,
}

impl FeedDiff {
    pub fn for_measure<'a>(&'a self, id: &'a str) -> impl Iterator<Item = &'a Change> + 'a {
        self.changes
            .iter()
            .filter(move |c| c.measure.as_deref() == Some(id))
    }
    pub fn count(&self, cat: Category) -> usize {
        self.changes
            .iter()
            .filter(|c| c.kind.category() == cat)
            .count()
    }
    /// Ids of measures with at least one change.
    pub fn changed_measures(&self) -> BTreeSet<&str> {
        crate::sort::set_of(self.changes.iter().filter_map(|c| c.measure.as_deref()))
    }
}

/// The month a date stands for when comparing: its start for "from"/"earliest", otherwise its
/// end ("i løpet av 2027" and a plain "2027" both mean "by the end of 2027").
fn ref_month(date: &str, q: Option<Qualifier>) -> Option<i32> {
    let s = DateSpan::parse(date).ok()?;
    let d = match q {
        Some(Qualifier::From | Qualifier::Earliest) => s.start,
        _ => s.end,
    };
    Some(d.y * 12 + d.m as i32 - 1)
}

/// Months from `old` to `new` (positive: later).
pub fn slip_months(old: &When, new: &When) -> Option<i32> {
    Some(ref_month(&new.date, new.qualifier)? - ref_month(&old.date, old.qualifier)?)
}

fn when(ms: &Milestone) -> When {
    When {
        date: ms.date.to_string(),
        qualifier: ms.qualifier,
    }
}

fn nb(t: &Text) -> &str {
    t.nb.as_deref().unwrap_or("")
}

/// The older milestone a newer one continues: the same id, else the one its `replaces` names
/// (`true`: matched through `replaces`).
fn counterpart<'a>(old: &'a Measure, ms: &Milestone) -> Option<(&'a Milestone, bool)> {
    if let Some(x) = old.milestones.iter().find(|x| x.id == ms.id) {
        return Some((x, false));
    }
    let r = ms.replaces.as_deref()?;
    old.milestones.iter().find(|x| x.id == r).map(|x| (x, true))
}

fn phase_key(p: &PhasePeriod) -> (&str, Option<&str>) {
    (p.start.as_str(), p.end.as_deref())
}

/// Compares two versions of the feed.
pub fn diff(old: &Feed, new: &Feed) -> FeedDiff {
    let mut out: Vec<(usize, Change)> = Vec::new();
    let old_m: BTreeMap<&str, &Measure> =
        crate::sort::map_of(old.measures.iter().map(|m| (m.id.as_str(), m)));
    let new_ids: BTreeSet<&str> = crate::sort::set_of(new.measures.iter().map(|m| m.id.as_str()));
    let order = |id: &str| {
        new.measures
            .iter()
            .position(|m| m.id == id)
            .unwrap_or(new.measures.len())
    };
    let push = |measure: Option<&str>, kind: ChangeKind, out: &mut Vec<(usize, Change)>| {
        let pos = measure.map(order).unwrap_or(usize::MAX);
        out.push((
            pos,
            Change {
                measure: measure.map(String::from),
                kind,
            },
        ));
    };

    for m in &new.measures {
        let id = m.id.as_str();
        let Some(o) = old_m.get(id) else {
            let kind = match &m.standing {
                Some(s) if s.state == StandingState::Withdrawn => ChangeKind::MeasureWithdrawn {
                    name: m.name.clone(),
                    standing: (**s).clone(),
                },
                _ => ChangeKind::MeasureAdded {
                    name: m.name.clone(),
                },
            };
            push(Some(id), kind, &mut out);
            continue;
        };
        for kind in measure_changes(o, m) {
            push(Some(id), kind, &mut out);
        }
    }
    for o in &old.measures {
        if !new_ids.contains(o.id.as_str()) {
            push(
                Some(&o.id),
                ChangeKind::MeasureRemoved {
                    name: o.name.clone(),
                },
                &mut out,
            );
        }
    }

    // Dependencies, matched by id.
    let old_d: BTreeMap<&str, _> =
        crate::sort::map_of(old.dependencies.iter().map(|d| (d.id.as_str(), d)));
    let new_d: BTreeSet<&str> = crate::sort::set_of(new.dependencies.iter().map(|d| d.id.as_str()));
    let owner = |from: &str, to: &str| {
        [from, to]
            .into_iter()
            .find(|x| new_ids.contains(x) || old_m.contains_key(x))
            .map(String::from)
    };
    for d in &new.dependencies {
        let m = owner(&d.from, &d.to);
        match old_d.get(d.id.as_str()) {
            None => push(
                m.as_deref(),
                ChangeKind::DependencyAdded {
                    dependency: d.id.to_string(),
                    from: d.from.to_string(),
                    to: d.to.to_string(),
                    kind: d.kind,
                    critical: d.critical,
                },
                &mut out,
            ),
            Some(o) if o.kind != d.kind || o.critical != d.critical || o.to != d.to => push(
                m.as_deref(),
                ChangeKind::DependencyChanged {
                    dependency: d.id.to_string(),
                    from: d.from.to_string(),
                    to: d.to.to_string(),
                    old_kind: o.kind,
                    new_kind: d.kind,
                    old_critical: o.critical,
                    new_critical: d.critical,
                },
                &mut out,
            ),
            Some(_) => {}
        }
    }
    for o in &old.dependencies {
        if !new_d.contains(o.id.as_str()) {
            let m = owner(&o.from, &o.to);
            push(
                m.as_deref(),
                ChangeKind::DependencyRemoved {
                    dependency: o.id.to_string(),
                    from: o.from.to_string(),
                    to: o.to.to_string(),
                    kind: o.kind,
                    critical: o.critical,
                },
                &mut out,
            );
        }
    }

    // The standing of the whole feed.
    let state = |f: &Feed| f.meta.standing.as_ref().map(|s| s.state);
    if state(old) != state(new) {
        push(
            None,
            ChangeKind::StandingChanged {
                old: state(old),
                new: state(new),
                decision: new
                    .meta
                    .standing
                    .as_ref()
                    .and_then(|s| s.decision.clone().map(Into::into)),
            },
            &mut out,
        );
    }

    // Decisions new since the older version.
    let old_dec: BTreeSet<&str> = crate::sort::set_of(old.decisions.iter().map(|d| d.id.as_str()));
    for d in &new.decisions {
        if !old_dec.contains(d.id.as_str()) {
            push(
                None,
                ChangeKind::DecisionAdded {
                    decision: d.id.to_string(),
                    title: d.title.clone(),
                    date: d.date.to_string(),
                },
                &mut out,
            );
        }
    }

    // Stable sort: weight first, then the newer feed's order.
    crate::sort::sort_by_key(&mut out, |(pos, c)| (Reverse(c.kind.weight()), *pos));
    FeedDiff {
        changes: out.into_iter().map(|(_, c)| c).collect(),
    }
}

/// Changes within one measure that both versions have.
pub fn measure_changes(o: &Measure, m: &Measure) -> Vec<ChangeKind> {
    let mut out = Vec::new();
    if nb(&o.name) != nb(&m.name) {
        out.push(ChangeKind::MeasureRenamed {
            old: o.name.clone(),
            new: m.name.clone(),
        });
    }
    if o.priority != m.priority {
        out.push(ChangeKind::PriorityChanged {
            old: o.priority,
            new: m.priority,
        });
    }

    if o.standing.as_ref().map(|s| s.state) != m.standing.as_ref().map(|s| s.state) {
        out.push(ChangeKind::StandingChanged {
            old: o.standing.as_ref().map(|s| s.state),
            new: m.standing.as_ref().map(|s| s.state),
            decision: m
                .standing
                .as_ref()
                .and_then(|s| s.decision.clone().map(Into::into)),
        });
    }

    // Milestones: by id, or by the newer milestone's `replaces` (issue 16). Nothing else pairs
    // two milestones.
    let mut matched_old = BTreeSet::new();
    for ms in &m.milestones {
        let (x, via_replaces) = match counterpart(o, ms) {
            Some(c) => c,
            None => {
                out.push(ChangeKind::MilestoneAdded {
                    milestone: ms.id.to_string(),
                    title: ms.title.clone(),
                    new: when(ms),
                });
                continue;
            }
        };
        matched_old.insert(x.id.as_str());
        if via_replaces && ms.target_changed {
            out.push(ChangeKind::MilestoneReplaced {
                old_milestone: x.id.to_string(),
                old_title: x.title.clone(),
                old: when(x),
                milestone: ms.id.to_string(),
                title: ms.title.clone(),
                new: when(ms),
            });
        } else if x.date != ms.date || x.qualifier != ms.qualifier {
            let (old, new) = (when(x), when(ms));
            let months = slip_months(&old, &new).unwrap_or(0);
            out.push(ChangeKind::MilestoneMoved {
                milestone: ms.id.to_string(),
                title: ms.title.clone(),
                old,
                new,
                months,
            });
        }
    }
    for x in &o.milestones {
        if !matched_old.contains(x.id.as_str()) {
            out.push(ChangeKind::MilestoneRemoved {
                milestone: x.id.to_string(),
                title: x.title.clone(),
                old: when(x),
            });
        }
    }

    // Phase periods, matched by phase id (in order, when a phase occurs more than once).
    let mut used = vec![false; o.phases.len()];
    for p in &m.phases {
        let found = o
            .phases
            .iter()
            .enumerate()
            .find(|(i, x)| !used[*i] && x.phase == p.phase);
        match found {
            None => out.push(ChangeKind::PhaseAdded {
                phase: p.phase.to_string(),
                start: p.start.to_string(),
                end: p.end.clone().map(Into::into),
            }),
            Some((i, x)) => {
                used[i] = true;
                if phase_key(x) != phase_key(p) {
                    let start_months = slip_months(
                        &When {
                            date: x.start.to_string(),
                            qualifier: Some(Qualifier::From),
                        },
                        &When {
                            date: p.start.to_string(),
                            qualifier: Some(Qualifier::From),
                        },
                    );
                    let end_months = match (&x.end, &p.end) {
                        (Some(a), Some(b)) => slip_months(
                            &When {
                                date: a.to_string(),
                                qualifier: None,
                            },
                            &When {
                                date: b.to_string(),
                                qualifier: None,
                            },
                        ),
                        _ => None,
                    };
                    out.push(ChangeKind::PhaseMoved {
                        phase: p.phase.to_string(),
                        old_start: x.start.to_string(),
                        old_end: x.end.clone().map(Into::into),
                        new_start: p.start.to_string(),
                        new_end: p.end.clone().map(Into::into),
                        start_months,
                        end_months,
                    });
                }
            }
        }
    }
    for (i, x) in o.phases.iter().enumerate() {
        if !used[i] {
            out.push(ChangeKind::PhaseRemoved {
                phase: x.phase.to_string(),
                start: x.start.to_string(),
                end: x.end.clone().map(Into::into),
            });
        }
    }

    // Ambitions, matched by year (several in one year are compared as a whole).
    let by_year = |v: &[Ambition]| {
        let mut map: BTreeMap<i32, Vec<Ambition>> = BTreeMap::new();
        for a in v {
            map.entry(a.year).or_default().push(a.clone());
        }
        map
    };
    let (oa, na) = (by_year(&o.ambitions), by_year(&m.ambitions));
    let joined = |v: &[Ambition]| {
        let mut t = Text::default();
        let join = |f: fn(&Text) -> Option<&String>| {
            let parts: Vec<&str> = v
                .iter()
                .filter_map(|a| f(&a.text).map(String::as_str))
                .collect();
            (!parts.is_empty()).then(|| parts.join(" "))
        };
        t.nb = join(|t| t.nb.as_ref());
        t.nn = join(|t| t.nn.as_ref());
        t.en = join(|t| t.en.as_ref());
        t
    };
    let target = |a: &Ambition| {
        (
            nb(&a.text).to_string(),
            a.comparator,
            a.value.map(f64::to_bits),
        )
    };
    for (year, v) in &na {
        match oa.get(year) {
            None => out.push(ChangeKind::AmbitionAdded {
                year: *year,
                text: joined(v),
            }),
            Some(w) => {
                let a: Vec<_> = w.iter().map(target).collect();
                let b: Vec<_> = v.iter().map(target).collect();
                if a != b {
                    out.push(ChangeKind::AmbitionChanged {
                        year: *year,
                        old: joined(w),
                        new: joined(v),
                    });
                }
            }
        }
    }
    for (year, w) in &oa {
        if !na.contains_key(year) {
            out.push(ChangeKind::AmbitionRemoved {
                year: *year,
                text: joined(w),
            });
        }
    }

    // Current status.
    let (os, ns) = (
        current_status(o).map(StatusSnap::from),
        current_status(m).map(StatusSnap::from),
    );
    let same = |a: &Option<StatusSnap>, b: &Option<StatusSnap>| match (a, b) {
        (None, None) => true,
        (Some(a), Some(b)) => {
            a.lifecycle == b.lifecycle
                && a.rag == b.rag
                && a.risk == b.risk
                && a.text.as_ref().map(nb) == b.text.as_ref().map(nb)
        }
        _ => false,
    };
    if !same(&os, &ns) {
        out.push(ChangeKind::StatusChanged { old: os, new: ns });
    }
    out
}

/// A mark the timeline draws for the older version where it differs from the newer one.
#[derive(Clone, Debug, PartialEq)]
pub enum Ghost {
    /// An older phase bar.
    Bar { phase: String, x: f64, w: f64 },
    /// An older milestone date; `to` is the x of the newer date when the milestone moved (or,
    /// for the older horizon, where the newer horizon is), with the months between them.
    Marker {
        title: Text,
        date: String,
        x: f64,
        w: f64,
        point: bool,
        to: Option<f64>,
        months: Option<i32>,
    },
}

/// Ghost marks for one measure: the older version's phase bars and milestones that the newer
/// version does not have in the same place. Nothing when both agree.
pub fn ghosts(old: &Measure, new: &Measure, scale: &Scale) -> Vec<Ghost> {
    let mut out = Vec::new();
    for b in bars(old, scale) {
        let p = &old.phases[b.index];
        let kept = new
            .phases
            .iter()
            .any(|q| q.phase == p.phase && phase_key(q) == phase_key(p));
        if !kept {
            out.push(Ghost::Bar {
                phase: b.phase,
                x: b.x,
                w: b.w,
            });
        }
    }
    let new_markers = markers(new, scale);
    let x_of = |i: usize| new_markers.iter().find(|n| n.index == i).map(|n| n.x);
    for mk in markers(old, scale) {
        let ms = &old.milestones[mk.index];
        // The same milestone in the newer version: same id, or one that `replaces` it.
        let successor = new
            .milestones
            .iter()
            .position(|x| x.id == ms.id)
            .or_else(|| {
                new.milestones
                    .iter()
                    .position(|x| x.replaces.as_deref() == Some(ms.id.as_str()))
            });
        let (to, months) = match successor {
            Some(i) if new.milestones[i].date == ms.date => continue,
            // A different target took its place: an arrow, but no months.
            Some(i) if new.milestones[i].target_changed && new.milestones[i].id != ms.id => {
                (x_of(i), None)
            }
            Some(i) => (x_of(i), slip_months(&when(ms), &when(&new.milestones[i]))),
            None => (None, None),
        };
        out.push(Ghost::Marker {
            title: ms.title.clone(),
            date: ms.date.to_string(),
            x: mk.x,
            w: mk.w,
            point: mk.point,
            to,
            months,
        });
    }
    out
}

/// Resolves the `previous_version` link (or any link) of a feed against the feed's own URL, as a
/// browser would for a relative link. `base` is a path (`/public/feed.json`) or an absolute
/// http(s) URL. Returns `None` for anything but http(s) or a path (no `javascript:`, `data:` …).
pub fn resolve_link(base: &str, link: &str) -> Option<String> {
    let link = link.trim();
    if link.is_empty() || link.chars().any(char::is_control) {
        return None;
    }
    let lower = link.to_ascii_lowercase();
    if lower.starts_with("https://") || lower.starts_with("http://") {
        return Some(link.to_string());
    }
    if lower.starts_with("//") || (link.contains(':') && !link.contains('/')) {
        return None;
    }
    if let Some((scheme, _)) = link.split_once(':') {
        if !scheme.contains('/') {
            return None;
        }
    }
    // Split the base into origin and path.
    let (origin, path) = match base.find("://") {
        Some(i) => {
            let rest = &base[i + 3..];
            let slash = rest.find('/').map(|j| i + 3 + j).unwrap_or(base.len());
            (&base[..slash], &base[slash..])
        }
        None => ("", base),
    };
    let mut segs: Vec<&str> = if link.starts_with('/') {
        Vec::new()
    } else {
        let dir = path.rsplit_once('/').map(|(d, _)| d).unwrap_or("");
        dir.split('/').filter(|s| !s.is_empty()).collect()
    };
    for s in link.split('/') {
        match s {
            "" | "." => {}
            ".." => {
                segs.pop();
            }
            s => segs.push(s),
        }
    }
    Some(format!("{origin}/{}", segs.join("/")))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Basis, Dependency, MilestoneKind, Status};
    use crate::timeline::Zoom;

    fn feed() -> Feed {
        crate::minimal_fixture()
    }

    fn first(f: &mut Feed) -> &mut Measure {
        &mut f.measures[0]
    }

    fn kinds(d: &FeedDiff) -> Vec<&ChangeKind> {
        d.changes.iter().map(|c| &c.kind).collect()
    }

    fn ms(id: &str, date: &str, q: Option<Qualifier>) -> Milestone {
        Milestone {
            basis: Default::default(),
            basis_note: None,
            replaces: None,
            target_changed: false,
            standing: None,
            id: id.into(),
            title: Text::nb(id),
            date: date.into(),
            qualifier: q,
            kind: MilestoneKind::Planned,
            original_date: None,
            date_text: None,
            sources: vec![],
        }
    }

    fn status(as_of: &str, lc: Lifecycle, rag: Option<Rag>, text: &str) -> Status {
        Status {
            basis: Default::default(),
            basis_note: None,
            as_of: as_of.into(),
            rag,
            risk: None,
            lifecycle: lc,
            reported_by: None,
            text: Some(Text::nb(text)),
            sources: vec![],
        }
    }

    #[test]
    fn identical_feeds_have_no_changes() {
        let f = feed();
        assert_eq!(diff(&f, &f), FeedDiff::default());
    }

    #[test]
    fn measure_added_and_removed() {
        let old = feed();
        let mut new = feed();
        let mut extra = new.measures[0].clone();
        extra.id = "NEW".into();
        new.measures.push(extra);
        let d = diff(&old, &new);
        assert!(d.changes.iter().any(|c| c.measure.as_deref() == Some("NEW")
            && matches!(c.kind, ChangeKind::MeasureAdded { .. })));
        let back = diff(&new, &old);
        assert!(back
            .changes
            .iter()
            .any(|c| c.measure.as_deref() == Some("NEW")
                && matches!(c.kind, ChangeKind::MeasureRemoved { .. })));
        assert_eq!(back.count(Category::Measures), 1);
    }

    #[test]
    fn measure_renamed() {
        let old = feed();
        let mut new = feed();
        first(&mut new).name = Text::nb("Nytt navn");
        let d = diff(&old, &new);
        match kinds(&d).as_slice() {
            [ChangeKind::MeasureRenamed { old: o, new: n }] => {
                assert_eq!(n.nb.as_deref(), Some("Nytt navn"));
                assert_ne!(o.nb, n.nb);
            }
            other => panic!("expected one rename, got {other:?}"),
        }
    }

    #[test]
    fn only_other_languages_changed_is_no_rename() {
        let old = feed();
        let mut new = feed();
        first(&mut new).name.en = Some("Another English name".into());
        assert!(!kinds(&diff(&old, &new))
            .iter()
            .any(|k| matches!(k, ChangeKind::MeasureRenamed { .. })));
    }

    #[test]
    fn milestone_moved_reports_slip_in_months() {
        let mut old = feed();
        first(&mut old).milestones = vec![ms("a", "2023-Q3", None)];
        let mut new = feed();
        first(&mut new).milestones = vec![ms("a", "2024-06", None)];
        let d = diff(&old, &new);
        let moved: Vec<_> = d
            .changes
            .iter()
            .filter_map(|c| match &c.kind {
                ChangeKind::MilestoneMoved { months, .. } => Some(*months),
                _ => None,
            })
            .collect();
        // end of Q3 2023 (September) to June 2024
        assert_eq!(moved, vec![9]);
    }

    #[test]
    fn earlier_milestone_is_negative_and_from_uses_start() {
        let a = When {
            date: "2025".into(),
            qualifier: Some(Qualifier::From),
        };
        let b = When {
            date: "2024-H2".into(),
            qualifier: Some(Qualifier::From),
        };
        assert_eq!(slip_months(&a, &b), Some(-6));
        let by = When {
            date: "2027".into(),
            qualifier: Some(Qualifier::By),
        };
        let by2 = When {
            date: "2024/2027".into(),
            qualifier: Some(Qualifier::By),
        };
        assert_eq!(slip_months(&by, &by2), Some(0));
        assert_eq!(
            slip_months(
                &a,
                &When {
                    date: "bad".into(),
                    qualifier: None
                }
            ),
            None
        );
    }

    #[test]
    fn milestone_added_and_removed() {
        let mut old = feed();
        first(&mut old).milestones = vec![ms("gone", "2022-08", None)];
        let mut new = feed();
        first(&mut new).milestones = vec![ms("fresh", "2022-08", None)];
        let d = diff(&old, &new);
        let k = kinds(&d);
        assert!(k.iter().any(
            |k| matches!(k, ChangeKind::MilestoneAdded { milestone, .. } if milestone == "fresh")
        ));
        assert!(k.iter().any(
            |k| matches!(k, ChangeKind::MilestoneRemoved { milestone, .. } if milestone == "gone")
        ));
        // Same horizon month: no horizon change.
        assert!(!k
            .iter()
            .any(|k| matches!(k, ChangeKind::HorizonMoved { .. })));
    }

    #[test]
    fn different_milestones_are_added_and_removed_never_a_slip() {
        // "full rollout by 2023" and "80 % by 2029" are different targets: no months.
        let mut old = feed();
        first(&mut old).milestones = vec![ms("full-2023", "2023", Some(Qualifier::By))];
        let mut new = feed();
        first(&mut new).milestones = vec![
            ms("half-2027", "2027", Some(Qualifier::By)),
            ms("eighty-2029", "2029", Some(Qualifier::By)),
        ];
        let d = diff(&old, &new);
        assert!(
            d.changes.iter().all(|c| c.kind.months().is_none()),
            "{:#?}",
            d.changes
        );
        let k = kinds(&d);
        assert_eq!(
            k.iter()
                .filter(|k| matches!(k, ChangeKind::MilestoneAdded { .. }))
                .count(),
            2
        );
        assert!(k.iter().any(|k| matches!(k,
            ChangeKind::MilestoneRemoved { milestone, .. } if milestone == "full-2023")));
    }

    #[test]
    fn replaces_pairs_a_renamed_milestone_as_moved() {
        let mut old = feed();
        first(&mut old).milestones = vec![ms("x", "2023", None)];
        let mut new = feed();
        let mut y = ms("y", "2024", None);
        y.replaces = Some("x".into());
        first(&mut new).milestones = vec![y];
        let d = diff(&old, &new);
        let k = kinds(&d);
        assert_eq!(k.len(), 1, "{k:#?}");
        assert!(matches!(
            k[0],
            ChangeKind::MilestoneMoved { milestone, months: 12, .. } if milestone == "y"
        ));
    }

    #[test]
    fn replaces_with_a_changed_target_is_replaced_without_months() {
        let mut old = feed();
        first(&mut old).milestones = vec![ms("trial", "2022-08", None)];
        let mut new = feed();
        let mut y = ms("rollout", "2024/2027", Some(Qualifier::By));
        y.replaces = Some("trial".into());
        y.target_changed = true;
        first(&mut new).milestones = vec![y];
        let d = diff(&old, &new);
        let k = kinds(&d);
        assert_eq!(k.len(), 1, "{k:#?}");
        match k[0] {
            ChangeKind::MilestoneReplaced {
                old_milestone,
                milestone,
                ..
            } => assert_eq!(
                (old_milestone.as_str(), milestone.as_str()),
                ("trial", "rollout")
            ),
            other => panic!("{other:?}"),
        }
        assert_eq!(k[0].months(), None);
    }

    #[test]
    fn standing_changes_and_withdrawn_measures_are_reported() {
        let standing = |state| Standing {
            state,
            decision: None,
            since: Some("2023-05".into()),
            text: None,
            basis: Basis::Stated,
            basis_note: None,
            sources: vec![],
        };
        let old = feed();
        let mut new = feed();
        new.meta.standing = Some(standing(StandingState::ForDiscussion));
        first(&mut new).standing = Some(Box::new(standing(StandingState::Adopted)));
        let mut gone = new.measures[0].clone();
        gone.id = "DIALOG".into();
        gone.standing = Some(Box::new(standing(StandingState::Withdrawn)));
        new.measures.push(gone);
        let d = diff(&old, &new);
        let k = kinds(&d);
        assert!(k.iter().any(|k| matches!(
            k,
            ChangeKind::StandingChanged {
                old: None,
                new: Some(StandingState::ForDiscussion),
                ..
            }
        )));
        assert!(d.for_measure("PLL").any(|c| matches!(
            c.kind,
            ChangeKind::StandingChanged {
                new: Some(StandingState::Adopted),
                ..
            }
        )));
        assert!(d
            .for_measure("DIALOG")
            .any(|c| matches!(c.kind, ChangeKind::MeasureWithdrawn { .. })));
        assert!(!d
            .for_measure("DIALOG")
            .any(|c| matches!(c.kind, ChangeKind::MeasureAdded { .. })));
    }

    #[test]
    fn phase_added_removed_and_moved() {
        let period = |phase: &str, start: &str, end: Option<&str>| PhasePeriod {
            order: None,
            ongoing: false,
            basis: Default::default(),
            basis_note: None,
            phase: phase.into(),
            start: start.into(),
            end: end.map(crate::model::SmallStr::from),
            note: None,
            sources: vec![],
        };
        let mut old = feed();
        first(&mut old).phases = vec![
            period("p1", "2022", Some("2023")),
            period("p2", "2024", None),
        ];
        let mut new = feed();
        first(&mut new).phases = vec![
            period("p1", "2023-H2", Some("2024")),
            period("p3", "2025", None),
        ];
        let d = diff(&old, &new);
        let k = kinds(&d);
        assert!(k.iter().any(|k| matches!(
            k,
            ChangeKind::PhaseMoved {
                phase,
                start_months: Some(18),
                end_months: Some(12),
                ..
            } if phase == "p1"
        )));
        assert!(k
            .iter()
            .any(|k| matches!(k, ChangeKind::PhaseAdded { phase, .. } if phase == "p3")));
        assert!(k
            .iter()
            .any(|k| matches!(k, ChangeKind::PhaseRemoved { phase, .. } if phase == "p2")));
    }

    #[test]
    fn ambition_added_removed_and_changed() {
        let amb = |year: i32, text: &str, value: Option<f64>| Ambition {
            approximate: false,
            standing: None,
            year,
            metric: Text::nb("andel"),
            comparator: None,
            value,
            unit: Some("%".into()),
            text: Text::nb(text),
            sources: vec![],
        };
        let mut old = feed();
        first(&mut old).ambitions = vec![amb(2025, "a", Some(50.0)), amb(2026, "b", None)];
        let mut new = feed();
        first(&mut new).ambitions = vec![amb(2025, "a", Some(80.0)), amb(2027, "c", None)];
        let d = diff(&old, &new);
        let k = kinds(&d);
        assert!(k
            .iter()
            .any(|k| matches!(k, ChangeKind::AmbitionChanged { year: 2025, .. })));
        assert!(k
            .iter()
            .any(|k| matches!(k, ChangeKind::AmbitionAdded { year: 2027, .. })));
        assert!(k
            .iter()
            .any(|k| matches!(k, ChangeKind::AmbitionRemoved { year: 2026, .. })));
    }

    #[test]
    fn priority_changed() {
        let old = feed();
        let mut new = feed();
        let before = first(&mut new).priority;
        first(&mut new).priority = Some(before.map_or(1, |p| p % 5 + 1));
        let d = diff(&old, &new);
        assert!(d.changes.iter().any(|c| matches!(
            c.kind,
            ChangeKind::PriorityChanged { old, new } if old == before && new != before
        )));
    }

    #[test]
    fn status_turned_red_comes_first() {
        let mut old = feed();
        first(&mut old).status = vec![status("2023-01", Lifecycle::Active, Some(Rag::Green), "ok")];
        first(&mut old).name = Text::nb("Gammelt navn");
        let mut new = feed();
        first(&mut new).status = vec![
            status("2023-01", Lifecycle::Active, Some(Rag::Green), "ok"),
            status("2023-06", Lifecycle::Active, Some(Rag::Red), "forsinket"),
        ];
        let d = diff(&old, &new);
        assert!(d.changes[0].kind.turned_red());
        assert!(matches!(
            &d.changes[0].kind,
            ChangeKind::StatusChanged { old: Some(o), new: Some(n) }
                if o.rag == Some(Rag::Green) && n.rag == Some(Rag::Red)
        ));
        assert_eq!(d.count(Category::Measures), 1);
    }

    #[test]
    fn status_unchanged_text_and_colour_is_no_change() {
        let mut old = feed();
        first(&mut old).status = vec![status("2023-01", Lifecycle::Active, None, "ok")];
        let mut new = feed();
        // Newer as_of, same content: nothing to report.
        first(&mut new).status = vec![status("2023-06", Lifecycle::Active, None, "ok")];
        assert_eq!(diff(&old, &new).count(Category::Status), 0);
        first(&mut new).status = vec![status("2023-06", Lifecycle::Paused, None, "ok")];
        assert_eq!(diff(&old, &new).count(Category::Status), 1);
    }

    #[test]
    fn dependency_added_removed_and_changed() {
        let base = feed();
        let m0 = base.measures[0].id.clone();
        let dep = |id: &str, kind: DependencyKind, critical: bool| Dependency {
            basis: Default::default(),
            basis_note: None,
            id: id.into(),
            from: m0.clone(),
            to: "x".into(),
            kind,
            critical,
            note: None,
            sources: vec![],
        };
        let mut old = base.clone();
        old.dependencies = vec![
            dep("d1", DependencyKind::BuildsOn, false),
            dep("d2", DependencyKind::Requires, false),
        ];
        let mut new = base;
        new.dependencies = vec![
            dep("d1", DependencyKind::Requires, true),
            dep("d3", DependencyKind::Competes, false),
        ];
        let d = diff(&old, &new);
        let k = kinds(&d);
        assert!(k.iter().any(|k| matches!(
            k,
            ChangeKind::DependencyChanged { dependency, new_critical: true, new_kind: DependencyKind::Requires, .. } if dependency == "d1"
        )));
        assert!(k.iter().any(
            |k| matches!(k, ChangeKind::DependencyAdded { dependency, .. } if dependency == "d3")
        ));
        assert!(k.iter().any(
            |k| matches!(k, ChangeKind::DependencyRemoved { dependency, .. } if dependency == "d2")
        ));
        assert!(d
            .for_measure(&m0)
            .all(|c| c.kind.category() == Category::Dependencies));
        assert_eq!(d.for_measure(&m0).count(), 3);
    }

    #[test]
    fn new_decisions_are_listed() {
        let mut old = feed();
        let new = feed();
        assert!(
            !new.decisions.is_empty(),
            "fixture needs at least one decision"
        );
        old.decisions.clear();
        let d = diff(&old, &new);
        assert_eq!(d.count(Category::Decisions), new.decisions.len());
        assert!(d.changes.iter().all(|c| c.measure.is_none()));
    }

    #[test]
    fn ghosts_only_where_versions_differ() {
        let mut old = feed();
        first(&mut old).milestones = vec![ms("same", "2024", None), ms("moved", "2023-06", None)];
        first(&mut old).phases = vec![PhasePeriod {
            order: None,
            ongoing: false,
            basis: Default::default(),
            basis_note: None,
            phase: "p".into(),
            start: "2022".into(),
            end: Some("2023".into()),
            note: None,
            sources: vec![],
        }];
        let mut new = feed();
        first(&mut new).milestones = vec![ms("same", "2024", None), ms("moved", "2025-06", None)];
        first(&mut new).phases = vec![];
        let scale = Scale::new(2020, 2030, Zoom::Years);
        let g = ghosts(&old.measures[0], &new.measures[0], &scale);
        assert_eq!(g.len(), 2, "{g:?}");
        let marker_to = g.iter().find_map(|g| match g {
            Ghost::Marker {
                date,
                to,
                x,
                months,
                ..
            } if date == "2023-06" => Some((*x, *to, *months)),
            _ => None,
        });
        let (x, to, months) = marker_to.expect("ghost for the moved milestone");
        assert_eq!(months, Some(24));
        let to = to.expect("points to the new date");
        assert!(to > x + 2.0 * scale.px_per_year - 1.0);
        assert!(g
            .iter()
            .any(|g| matches!(g, Ghost::Bar { phase, .. } if phase == "p")));
        assert!(ghosts(&new.measures[0], &new.measures[0], &scale).is_empty());
    }

    #[test]
    fn ghost_of_a_different_milestone_has_no_arrow_and_no_months() {
        let mut old = feed();
        first(&mut old).milestones = vec![ms("full-2023", "2023", Some(Qualifier::By))];
        let mut new = feed();
        first(&mut new).milestones = vec![ms("eighty-2029", "2029", Some(Qualifier::By))];
        let scale = Scale::new(2020, 2030, Zoom::Years);
        let g = ghosts(&old.measures[0], &new.measures[0], &scale);
        match g.as_slice() {
            [Ghost::Marker {
                to: None,
                months: None,
                ..
            }] => {}
            other => panic!("expected one plain ghost, got {other:?}"),
        }
        // With `replaces` + `target_changed`: an arrow to the new target, still no months.
        let m = &mut first(&mut new).milestones[0];
        m.replaces = Some("full-2023".into());
        m.target_changed = true;
        let g = ghosts(&old.measures[0], &new.measures[0], &scale);
        match g.as_slice() {
            [Ghost::Marker {
                to: Some(to),
                months: None,
                x,
                ..
            }] => assert!(*to > *x),
            other => panic!("expected an arrow without months, got {other:?}"),
        }
    }

    #[test]
    fn links_resolve_like_a_browser() {
        assert_eq!(
            resolve_link("/public/feed.json", "feeds/2021.json").as_deref(),
            Some("/public/feeds/2021.json")
        );
        assert_eq!(
            resolve_link("/public/feed.json", "../x.json").as_deref(),
            Some("/x.json")
        );
        assert_eq!(
            resolve_link("/public/feed.json", "/other/f.json").as_deref(),
            Some("/other/f.json")
        );
        assert_eq!(
            resolve_link("https://ehelse.no/veikart/feed.json", "old/2021.json").as_deref(),
            Some("https://ehelse.no/veikart/old/2021.json")
        );
        assert_eq!(
            resolve_link("/public/feed.json", "https://example.org/f.json").as_deref(),
            Some("https://example.org/f.json")
        );
        assert_eq!(
            resolve_link("/public/feed.json", "javascript:alert(1)"),
            None
        );
        assert_eq!(resolve_link("/public/feed.json", "data:text/json,{}"), None);
        assert_eq!(resolve_link("/public/feed.json", "//evil.example/f"), None);
        assert_eq!(resolve_link("/public/feed.json", ""), None);
    }

    #[test]
    fn shipped_feeds_compare_with_real_changes() {
        let new = crate::test_feeds::shipped();
        let old = crate::test_feeds::of_2021();
        assert_eq!(
            new.meta.previous_version.as_deref(),
            Some("feeds/2021.json")
        );
        let d = diff(&old, &new);
        // Issue 16: no slip is derived from two different milestones. Every change that has
        // months is a milestone or phase of the same id (or `replaces`) with a new date.
        for c in &d.changes {
            if c.kind.months().is_some() {
                assert!(
                    matches!(
                        c.kind,
                        ChangeKind::MilestoneMoved { .. } | ChangeKind::PhaseMoved { .. }
                    ),
                    "{c:?}"
                );
            }
        }
        assert!(!d
            .changes
            .iter()
            .any(|c| matches!(c.kind, ChangeKind::HorizonMoved { .. })));
        // NUFA's remark «full bredding av PLL innen 2023 ikke er realistisk» is no plan, so the
        // 2021 feed has no such milestone and PLL shows no slip; NILAR's trial start and the
        // nationwide roll-out are different milestones.
        assert!(!d.for_measure("PLL").any(|c| c.kind.months().is_some()));
        assert!(!d
            .for_measure("PROVESVAR")
            .any(|c| c.kind.months().is_some()));
        // The feed as a whole is the directorate's proposal for discussion (000:L273).
        assert!(d.changes.iter().any(|c| c.measure.is_none()
            && matches!(
                c.kind,
                ChangeKind::StandingChanged {
                    new: Some(StandingState::ForDiscussion),
                    ..
                }
            )));
        // «dialogmeldinger og henvisninger … tatt ut av veikartet» (000:L571).
        assert!(d
            .changes
            .iter()
            .any(|c| matches!(c.kind, ChangeKind::MeasureWithdrawn { .. })));
        // NILAR became "Pasientens prøvesvar".
        assert!(d
            .for_measure("PROVESVAR")
            .any(|c| matches!(c.kind, ChangeKind::MeasureRenamed { .. })));
        // The five prioritised measures got their rank in 2023.
        assert_eq!(
            d.changes
                .iter()
                .filter(|c| matches!(
                    c.kind,
                    ChangeKind::PriorityChanged {
                        old: None,
                        new: Some(_)
                    }
                ))
                .count(),
            5
        );
        // Measures that appear in 2023 only, e.g. the municipal health-record lift.
        assert!(d
            .for_measure("FKJ")
            .any(|c| matches!(c.kind, ChangeKind::MeasureAdded { .. })));
    }
}
