//! `veikart-synth MEASURES [SEED]`: prints a deterministic synthetic feed (schema v1, compact
//! JSON) with MEASURES measures, for the benchmark. Same arguments, same bytes. The feed passes
//! `veikart-check` without errors or warnings: every id is unique, every reference resolves,
//! dependencies point from a later measure to an earlier one (so they are acyclic), and every
//! record names the one synthetic source document.
//!
//! What it holds, per measure (about 0.6 kB of JSON each): a goal link (5 goals), an owner
//! organisation and one or two affected user groups, one to three consecutive value-chain
//! phases with mixed date precision (some open-ended), zero to three milestones (points and
//! spans, qualifiers, some postponed), a status and a benefit. About one measure in ten is a
//! sub-measure; about four in five depend on an earlier measure or a component.
//!
//! Never committed: `scripts/bench.sh` generates it at bench time into `target/bench/`.

use std::process::ExitCode;

use veikart_domain::model::*;

/// splitmix64: tiny, seeded, the same on every platform.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    /// Uniform in `0..n` (n > 0).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    /// True with probability `pct` %.
    fn chance(&mut self, pct: u64) -> bool {
        self.next() % 100 < pct
    }
}

fn text(nb: String, en: String) -> Text {
    Text {
        nb: Some(nb),
        nn: None,
        en: Some(en),
    }
}

fn src(rng: &mut Rng) -> Vec<SourceRef> {
    let l = 1 + rng.below(900);
    vec![SourceRef {
        doc: "syn".into(),
        lines: Some(format!("L{l}").into()),
        case: None,
        quote: None,
    }]
}

const WORDS: [(&str, &str); 12] = [
    ("journal", "record"),
    ("legemidler", "medicines"),
    ("prøvesvar", "test results"),
    ("henvisning", "referral"),
    ("timebestilling", "appointments"),
    ("kritisk info", "critical info"),
    ("bildedeling", "image sharing"),
    ("samtykke", "consent"),
    ("vaksiner", "vaccines"),
    ("meldinger", "messages"),
    ("pasientreiser", "patient travel"),
    ("helsekort", "health card"),
];
const PHASES: [(&str, &str, &str, &str); 6] = [
    ("utredning", "Utredning", "Study", "#8b6bb8"),
    (
        "etablering",
        "Under etablering",
        "Being established",
        "#005a8c",
    ),
    ("utproving", "Utprøving", "Trial", "#c15f00"),
    ("innforing", "Innføring", "Roll-out", "#2f8a4e"),
    ("spredning", "Spredning", "Spread", "#b82e6e"),
    ("drift", "Drift og forvaltning", "Operation", "#5b6470"),
];
const ORGS: usize = 16;
const GROUPS: usize = 10;
const COMPONENTS: usize = 8;

/// A date at a random precision inside `year`; returns the text and a month (1–12) near its end.
fn date_in(rng: &mut Rng, year: i32) -> (String, u32) {
    match rng.below(5) {
        0 => (format!("{year}"), 12),
        1 => {
            let h = 1 + rng.below(2) as u32;
            (format!("{year}-H{h}"), h * 6)
        }
        2 => {
            let q = 1 + rng.below(4) as u32;
            (format!("{year}-Q{q}"), q * 3)
        }
        3 => {
            let m = 1 + rng.below(12) as u32;
            (format!("{year}-{m:02}"), m)
        }
        _ => {
            let m = 1 + rng.below(12) as u32;
            let d = 1 + rng.below(28);
            (format!("{year}-{m:02}-{d:02}"), m)
        }
    }
}

pub fn synth(n: usize, seed: u64) -> Feed {
    let mut rng = Rng(seed);
    let r = &mut rng;
    let meta = Meta {
        schema_version: "1.0.0".into(),
        id: format!("synthetic-{n}-{seed}").into(),
        title: text(
            format!("Syntetisk veikart med {n} tiltak"),
            format!("Synthetic roadmap with {n} measures"),
        ),
        version_label: text("Ytelsestest".into(), "Benchmark".into()),
        published: "2026-11-01".into(),
        publisher: text("veikart-synth".into(), "veikart-synth".into()),
        previous_version: None,
        plan_period: Some(PlanPeriod {
            start: 2024,
            end: 2027,
        }),
        note: Some(text(
            "Oppdiktede data for ytelsesmåling; ikke et ekte veikart.".into(),
            "Made-up data for benchmarking; not a real roadmap.".into(),
        )),
        sources: vec![SourceDoc {
            id: "syn".into(),
            title: text("Syntetisk kilde".into(), "Synthetic source".into()),
            kind: SourceKind::External,
            body: None,
            meeting: None,
            date: Some("2026-11-01".into()),
            url: None,
        }],
        standing: None,
        terms: None,
    };
    let goals = (1..=5u32)
        .map(|g| Goal {
            id: format!("mal-{g}").into(),
            number: g,
            name: text(format!("Strategisk mål {g}"), format!("Strategic goal {g}")),
            description: None,
            sub_goals: (1..=3)
                .map(|s| SubGoal {
                    id: format!("mal-{g}-{s}").into(),
                    name: text(format!("Delmål {g}.{s}"), format!("Sub-goal {g}.{s}")),
                    sources: src(r),
                })
                .collect(),
            standing: None,
            sources: src(r),
        })
        .collect();
    let phases = PHASES
        .iter()
        .map(|(id, nb, en, color)| Phase {
            id: (*id).into(),
            name: text((*nb).into(), (*en).into()),
            color: (*color).into(),
            sources: src(r),
        })
        .collect();
    let mut actors: Vec<Actor> = (0..ORGS)
        .map(|i| Actor {
            id: format!("org-{i}").into(),
            kind: ActorKind::Organisation,
            name: text(format!("Organisasjon {i}"), format!("Organisation {i}")),
            short_name: Some(format!("O{i}").into()),
            parent: None,
            sources: src(r),
        })
        .collect();
    actors.extend((0..GROUPS).map(|i| Actor {
        id: format!("grp-{i}").into(),
        kind: ActorKind::ActorGroup,
        name: text(format!("Brukergruppe {i}"), format!("User group {i}")),
        short_name: None,
        parent: None,
        sources: src(r),
    }));
    let components = (0..COMPONENTS)
        .map(|i| Component {
            id: format!("komp-{i}").into(),
            name: text(
                format!("Felleskomponent {i}"),
                format!("Shared component {i}"),
            ),
            short_name: Some(format!("K{i}").into()),
            description: None,
            operator: Some(format!("org-{}", i % ORGS).into()),
            sources: src(r),
        })
        .collect();

    let mut measures = Vec::with_capacity(n);
    let mut dependencies = Vec::new();
    for i in 0..n {
        let id = format!("T{i:05}");
        let (w_nb, w_en) = WORDS[r.below(WORDS.len())];
        let goal = 1 + r.below(5);
        let parent = (i % 10 == 9).then(|| format!("T{:05}", i - 1));
        let mut roles = vec![ActorRole {
            actor: format!("org-{}", r.below(ORGS)).into(),
            role: Role::Owner,
            note: None,
            period: None,
            basis: Basis::Stated,
            basis_note: None,
            sources: vec![],
        }];
        let g1 = r.below(GROUPS);
        let mut groups = vec![g1];
        if r.chance(50) {
            groups.push((g1 + 1 + r.below(GROUPS - 1)) % GROUPS);
        }
        for &g in &groups {
            roles.push(ActorRole {
                actor: format!("grp-{g}").into(),
                role: Role::Affected,
                note: None,
                period: None,
                basis: Basis::Stated,
                basis_note: None,
                sources: vec![],
            });
        }
        // Consecutive phases, each one to three years, starting 2019–2028.
        let mut year = 2019 + r.below(10) as i32;
        let first_phase = r.below(4);
        let count = 1 + r.below(3);
        let mut periods = Vec::new();
        for k in 0..count {
            let (start, _) = date_in(r, year);
            year += 1 + r.below(2) as i32;
            let open = k + 1 == count && r.chance(10);
            let end = (!open).then(|| format!("{year}"));
            periods.push(PhasePeriod {
                phase: PHASES[(first_phase + k).min(PHASES.len() - 1)].0.into(),
                start: start.into(),
                end: end.map(Into::into),
                note: None,
                order: None,
                ongoing: false,
                basis: Basis::Stated,
                basis_note: None,
                sources: src(r),
            });
            year += 1;
        }
        let milestones = (0..r.below(3))
            .map(|j| {
                let y = 2020 + r.below(10) as i32;
                let (date, _) = date_in(r, y);
                let postponed = r.chance(10);
                let qualifier = match r.below(6) {
                    0 => Some(Qualifier::By),
                    1 => Some(Qualifier::Earliest),
                    2 => Some(Qualifier::From),
                    _ => None,
                };
                Milestone {
                    id: format!("{id}-m{j}").into(),
                    title: Text {
                        nb: Some(format!("Milepæl {j}: {w_nb}")),
                        ..Text::default()
                    },
                    date: date.into(),
                    qualifier,
                    kind: if postponed {
                        MilestoneKind::Postponed
                    } else {
                        MilestoneKind::Planned
                    },
                    original_date: postponed.then(|| format!("{}", y - 1).into()),
                    date_text: None,
                    basis: Basis::Stated,
                    basis_note: None,
                    replaces: None,
                    target_changed: false,
                    standing: None,
                    sources: src(r),
                }
            })
            .collect();
        let status = vec![Status {
            as_of: format!("2026-{:02}", 1 + r.below(10)).into(),
            rag: Some([Rag::Green, Rag::Yellow, Rag::Red][r.below(3)]),
            risk: None,
            lifecycle: [
                Lifecycle::NotStarted,
                Lifecycle::Active,
                Lifecycle::Active,
                Lifecycle::Finished,
            ][r.below(4)],
            reported_by: None,
            text: None,
            basis: Basis::Stated,
            basis_note: None,
            sources: src(r),
        }];
        let score = 1 + r.below(4) as u8;
        let benefits: Vec<Benefit> = (0..usize::from(r.chance(30)))
            .map(|_| Benefit {
                actor_group: format!("grp-{g1}").into(),
                score: Some(score),
                score_max: r.chance(30).then_some(score + 1),
                text: None,
                sources: src(r),
            })
            .collect();
        measures.push(Measure {
            id: id.clone().into(),
            parent: parent.map(Into::into),
            name: text(
                format!("Tiltak {i}: digitale {w_nb}"),
                format!("Measure {i}: digital {w_en}"),
            ),
            short_name: Some(format!("S{i}").into()),
            aliases: vec![],
            description: None,
            priority: (i < 5).then(|| i as u8 + 1),
            goal: Some(GoalLink {
                goal: format!("mal-{goal}").into(),
                sub_goal: r
                    .chance(50)
                    .then(|| format!("mal-{goal}-{}", 1 + r.below(3)).into()),
                basis: Basis::Stated,
                note: None,
                sources: src(r),
            }),
            other_goals: vec![],
            programme: None,
            actors: roles,
            phases: periods,
            milestones,
            ambitions: vec![],
            baselines: vec![],
            status,
            benefits,
            standing: None,
            risks: vec![],
            cost: None,
            funding: None,
            support: None,
            sources: src(r),
        });
        // Dependencies point back (to an earlier, nearby measure) or to a component: acyclic.
        if i > 0 && r.chance(80) {
            let to = if r.chance(20) {
                format!("komp-{}", r.below(COMPONENTS))
            } else {
                format!("T{:05}", i - 1 - r.below(i.min(40)))
            };
            dependencies.push(Dependency {
                id: format!("dep-{i}").into(),
                from: id.clone().into(),
                to: to.into(),
                kind: if r.chance(70) {
                    DependencyKind::Requires
                } else {
                    DependencyKind::BuildsOn
                },
                critical: r.chance(10),
                note: None,
                basis: Basis::Stated,
                basis_note: None,
                sources: src(r),
            });
        }
    }
    let decisions = (0..n.div_ceil(20))
        .map(|k| Decision {
            id: format!("vedtak-{k}").into(),
            body: Body::Nuit,
            case: format!("{}/26", k + 1).into(),
            meeting: None,
            date: format!("2026-{:02}-15", 1 + k % 10).into(),
            case_type: None,
            state: DecisionState::Adopted,
            title: text(format!("Sak {}", k + 1), format!("Case {}", k + 1)),
            text: text("Tatt til orientering.".into(), "Noted.".into()),
            measures: vec![format!("T{:05}", k * 20).into()],
            goals: vec![],
            basis: Basis::Stated,
            basis_note: None,
            sources: src(r),
        })
        .collect();
    Feed {
        meta,
        goals,
        phases,
        actors,
        components,
        measures,
        dependencies,
        decisions,
        priority_lists: vec![],
        principles: vec![],
        risks: vec![],
        portfolio: vec![],
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let n = args.first().and_then(|a| a.parse::<usize>().ok());
    let seed = match args.get(1) {
        None => Some(1),
        Some(s) => s.parse::<u64>().ok(),
    };
    let (Some(n), Some(seed)) = (n.filter(|&n| n > 0), seed) else {
        eprintln!("usage: veikart-synth MEASURES [SEED]   (prints the feed as JSON on stdout)");
        return ExitCode::from(2);
    };
    println!("{}", to_json(&synth(n, seed)));
    ExitCode::SUCCESS
}

/// Compact JSON without the empty lists the model writes out (every list field is
/// `#[serde(default)]`), so 5 000 measures stay under the app's 5 MiB feed limit.
pub fn to_json(feed: &Feed) -> String {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(m) => {
                m.retain(|_, x| !matches!(x, serde_json::Value::Array(a) if a.is_empty()));
                m.values_mut().for_each(strip);
            }
            serde_json::Value::Array(a) => a.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(feed).expect("a feed always serialises");
    strip(&mut v);
    v.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use veikart_domain::validate::{load, DEFAULT_MAX_BYTES};

    fn json(n: usize, seed: u64) -> String {
        to_json(&synth(n, seed))
    }

    #[test]
    fn same_seed_same_bytes_other_seed_other_bytes() {
        assert_eq!(json(50, 7), json(50, 7));
        assert_ne!(json(50, 7), json(50, 8));
    }

    #[test]
    fn passes_validation_without_any_issue() {
        let text = json(500, 1);
        let loaded = load(&text, DEFAULT_MAX_BYTES).expect("parses");
        assert_eq!(loaded.issues, vec![], "synthetic feed must be clean");
        let f = &loaded.feed;
        assert_eq!(f.measures.len(), 500);
        assert!(f.measures.iter().any(|m| m.parent.is_some()));
        assert!(f.dependencies.len() > 300, "{}", f.dependencies.len());
        assert!(f.measures.iter().map(|m| m.milestones.len()).sum::<usize>() > 300);
    }

    #[test]
    fn five_thousand_measures_fit_under_the_size_limit() {
        let bytes = json(5000, 1).len();
        assert!(bytes < DEFAULT_MAX_BYTES, "{bytes} bytes");
    }
}
