//! Schema 1.1 (issue 16): one good fixture per feature (tests/fixtures/good/1.1-*.json, each
//! loads without any finding and carries its feature), the exact messages of the warning
//! fixtures (tests/fixtures/warn-messages.txt, as `messages::issue_line` renders them), the
//! shipped 1.0 feeds kept as fixtures (tests/fixtures/v1.0/), and the other 1.1 feed
//! (tests/fixtures/feed-1.1-other.json).

use std::collections::BTreeMap;
use std::path::PathBuf;

use veikart_domain::date::{DateSpan, Precision};
use veikart_domain::diff::{diff, ChangeKind};
use veikart_domain::messages::issue_line;
use veikart_domain::model::*;
use veikart_domain::validate::{load, validate_against_previous, Loaded, DEFAULT_MAX_BYTES};
use veikart_domain::Lang;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn read(rel: &str) -> String {
    let p = fixtures().join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

fn clean(rel: &str) -> Loaded {
    let l = load(&read(rel), DEFAULT_MAX_BYTES).unwrap_or_else(|e| panic!("{rel}: {e}"));
    assert!(l.issues.is_empty(), "{rel}: {:#?}", l.issues);
    assert_eq!(
        l.feed
            .meta
            .schema_version
            .split('.')
            .take(2)
            .collect::<Vec<_>>(),
        ["1", "1"],
        "{rel} declares 1.1"
    );
    l
}

fn nb(t: &Text) -> &str {
    t.nb.as_deref().unwrap_or("")
}

#[test]
fn every_good_fixture_loads_without_findings() {
    let mut n = 0;
    for e in std::fs::read_dir(fixtures().join("good")).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        clean(&format!("good/{name}"));
        n += 1;
    }
    assert!(
        n >= 9,
        "expected one good fixture per 1.1 feature, found {n}"
    );
}

#[test]
fn standing_of_feed_and_items() {
    let f = clean("good/1.1-standing.json").feed;
    let s = f.meta.standing.as_ref().unwrap();
    assert_eq!(s.state, StandingState::ForDiscussion);
    assert_eq!(s.decision.as_deref(), Some("nuit-20-23"));
    assert_eq!(
        f.standing_of(&f.measures[0]).unwrap().state,
        StandingState::Proposed
    );
    // A measure without its own standing has the feed's.
    assert_eq!(
        f.standing_of(&f.measures[1]).unwrap().state,
        StandingState::ForDiscussion
    );
}

#[test]
fn basis_on_dated_and_linked_facts() {
    let f = clean("good/1.1-basis.json").feed;
    let m = &f.measures[0];
    assert_eq!(m.milestones[0].basis, Basis::Inferred);
    assert_eq!(m.actors[0].basis, Basis::Inferred);
    assert_eq!(m.phases[0].basis, Basis::Inferred);
    assert_eq!(m.status[0].basis, Basis::Inferred);
    assert_eq!(f.dependencies[0].basis, Basis::Inferred);
    assert_eq!(f.decisions[0].basis, Basis::Inferred);
    assert!(m.ambitions[0].approximate);
    assert_eq!(
        nb(f.decisions[0].basis_note.as_ref().unwrap()),
        "Dato fra saksnummeret"
    );
}

#[test]
fn priority_lists_come_with_their_own_names_and_ranks() {
    let f = clean("good/1.1-priority-lists.json").feed;
    let lists = f.priority_lists();
    assert_eq!(lists.len(), 2);
    assert_eq!(nb(&lists[0].name), "De prioriterte samhandlingstiltakene");
    assert_eq!(nb(&lists[0].rank_label), "Rekkefølge");
    assert!(!lists[0].implied);
    let ranked: Vec<_> = lists[0]
        .items
        .iter()
        .map(|i| (i.rank, i.id, i.kind))
        .collect();
    assert_eq!(
        ranked,
        [
            (1, "PLL", RankedKind::Area),
            (2, "LM-1", RankedKind::Measure)
        ]
    );
    let goals: Vec<_> = lists[1].items.iter().map(|i| i.kind).collect();
    assert_eq!(goals, [RankedKind::Goal, RankedKind::SubGoal]);
    assert_eq!(nb(&lists[1].rank_label), "Prioritet", "default rank label");
    let ranks = f.ranks_of("mal-4");
    assert_eq!(ranks.len(), 1);
    assert_eq!((ranks[0].0.id, ranks[0].1), ("mal-rekke", 1));
}

#[test]
fn a_1_0_priority_becomes_one_implied_list_without_a_count_in_its_name() {
    let l = load(&read("minimal.json"), DEFAULT_MAX_BYTES).unwrap();
    let lists = l.feed.priority_lists();
    assert_eq!(lists.len(), 1);
    assert!(lists[0].implied);
    assert_eq!(nb(&lists[0].name), "Prioriterte tiltak");
    assert!(!nb(&lists[0].name).contains("fem"));
    assert_eq!(lists[0].items.len(), 1);
    assert_eq!((lists[0].items[0].rank, lists[0].items[0].id), (1, "PLL"));
    // No priorities, no list.
    let mut f = l.feed.clone();
    f.measures.iter_mut().for_each(|m| m.priority = None);
    assert!(f.priority_lists().is_empty());
}

#[test]
fn terms_come_from_the_feed_or_default() {
    let f = clean("good/1.1-terms.json").feed;
    let t = f.terms();
    assert_eq!(t.goal_singular.get(Lang::Nb), "Innsatsområde");
    assert_eq!(t.goal_plural.get(Lang::En), "Focus areas");
    assert_eq!(t.title.get(Lang::Nb), "Testveikart");
    assert_eq!(
        t.subtitle.as_ref().map(|s| s.get(Lang::Nb)),
        Some("Et annet ord for mål")
    );
    assert_eq!(f.goal_label(&f.goals[0], Lang::Nb), "Innsatsområde 4");
    let min = load(&read("minimal.json"), DEFAULT_MAX_BYTES).unwrap().feed;
    let d = min.terms();
    assert_eq!(d.goal_singular.get(Lang::Nb), "Mål");
    assert_eq!(d.goal_plural.get(Lang::En), "Goals");
    assert_eq!(d.title, min.meta.title);
    assert!(d.subtitle.is_none());
    assert_eq!(min.goal_label(&min.goals[0], Lang::En), "Goal 4");
}

#[test]
fn undated_phases_keep_their_order_and_ongoing_marker() {
    let f = clean("good/1.1-undated-phases.json").feed;
    let p = &f.measures[0].phases;
    assert!(p.iter().all(|x| !x.is_dated()));
    let order: Vec<_> = p.iter().map(|x| (x.phase.as_str(), x.order)).collect();
    assert_eq!(
        order,
        [
            ("kartlegging", Some(1)),
            ("utredning", Some(2)),
            ("utproving", Some(3))
        ]
    );
    assert!(p[2].ongoing);
    let q = &f.measures[1].phases[0];
    assert!(q.ongoing && !q.is_dated() && q.order.is_none());
}

#[test]
fn seasons_are_a_date_precision() {
    let f = clean("good/1.1-seasons.json").feed;
    let d = DateSpan::parse(&f.measures[0].milestones[0].date).unwrap();
    assert_eq!(d.precision, Precision::Season);
    assert_eq!((d.start.m, d.end.m), (9, 11));
    let ph = DateSpan::parse(&format!(
        "{}/{}",
        f.measures[0].phases[0].start,
        f.measures[0].phases[0].end.as_deref().unwrap()
    ))
    .unwrap();
    assert_eq!(
        (ph.start.y, ph.start.m, ph.end.y, ph.end.m),
        (2023, 9, 2024, 5)
    );
}

#[test]
fn risks_preconditions_cost_funding_support_principles_portfolio() {
    let f = clean("good/1.1-risks.json").feed;
    let r = &f.risks[0];
    assert_eq!(r.kind, RiskKind::Precondition);
    assert_eq!(r.category, Some(RiskCategory::Funding));
    assert_eq!((r.likelihood, r.consequence), (Some(3), Some(5)));
    assert_eq!(r.owner.as_deref(), Some("nhn"));
    let m = &f.measures[0];
    assert_eq!(m.risks[0].level, Some(Level::High));
    assert_eq!(m.risks[0].kind, RiskKind::Risk, "risk is the default kind");
    assert_eq!(m.cost.as_ref().unwrap().level, Some(Level::LowMedium));
    assert_eq!(m.funding.as_ref().unwrap().state, FundingState::Earmarked);
    assert_eq!(m.support.as_ref().unwrap().basis, Basis::Inferred);
    assert_eq!(f.principles[0].applies_to, ["PLL"]);
    let p = &f.portfolio[0];
    assert_eq!(
        (p.active, p.red_status, p.red_risk, p.paused, p.new),
        (Some(37), Some(2), Some(1), Some(3), None)
    );
}

#[test]
fn roles_dependency_kind_and_decision_goals() {
    let f = clean("good/1.1-roles-and-links.json").feed;
    let roles: Vec<_> = f.measures[0].actors.iter().map(|a| a.role).collect();
    for r in [Role::Commissions, Role::Appoints, Role::ProposedOwner] {
        assert!(roles.contains(&r), "{r:?}");
    }
    let dep = f
        .dependencies
        .iter()
        .find(|d| d.id == "dep-sammen")
        .unwrap();
    assert_eq!(dep.kind, DependencyKind::SeenTogether);
    assert!(!dep.kind.is_ordering());
    assert_eq!(f.decisions[0].goals, ["mal-4", "mal-4-1"]);
}

#[test]
fn replaces_is_checked_against_the_previous_version() {
    let new = clean("good/1.1-replaces.json").feed;
    let old = load(&read("v1.0/2021.json"), DEFAULT_MAX_BYTES)
        .unwrap()
        .feed;
    let issues = validate_against_previous(&old, &new);
    // PLL-m-full-bredding is in the 2021 feed; PLL-m2029-old is not.
    assert_eq!(issues.len(), 1, "{issues:#?}");
    assert_eq!(issues[0].pointer, "/measures/0/milestones/1/replaces");
    assert_eq!(
        issues[0].message,
        "«PLL-m2029-old» is not a milestone of the previous version «veikart-2021-10»"
    );
    // Against the 2021 feed, the replaced milestone is "replaced by a different target".
    let d = diff(&old, &new);
    assert!(d.for_measure("PLL").any(|c| matches!(&c.kind,
        ChangeKind::MilestoneReplaced { old_milestone, .. } if old_milestone == "PLL-m-full-bredding")));
    assert!(d.changes.iter().all(|c| c.kind.months().is_none()));
}

fn parse_expected(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut cur: Option<(String, Vec<&str>)> = None;
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("== ") {
            if let Some((n, l)) = cur.take() {
                out.insert(n, l.join("\n"));
            }
            cur = Some((name.to_string(), vec![]));
        } else if let Some((_, l)) = cur.as_mut() {
            l.push(line);
        }
    }
    if let Some((n, l)) = cur {
        out.insert(n, l.join("\n"));
    }
    out
}

/// The exact lines a feed editor reads for each warning fixture (the app and `veikart-check`
/// list warnings with `messages::issue_line`). After a deliberate wording change:
/// `UPDATE_EXPECTED=1 cargo test -p veikart-domain --test schema_1_1`.
#[test]
fn every_warning_fixture_shows_its_expected_message() {
    let mut got = BTreeMap::new();
    for e in std::fs::read_dir(fixtures().join("warn")).unwrap() {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        let l = load(&read(&format!("warn/{name}")), DEFAULT_MAX_BYTES).unwrap();
        assert!(l.is_usable(), "{name} must only warn");
        let lines: Vec<String> = l.issues.iter().map(|i| issue_line(Lang::Nb, i)).collect();
        got.insert(name, lines.join("\n"));
    }
    let path = fixtures().join("warn-messages.txt");
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        let mut s = String::from("# What a feed editor reads (bokmål, messages::issue_line) for each tests/fixtures/warn/*.json.\n# Checked by crates/domain/tests/schema_1_1.rs; regenerate: UPDATE_EXPECTED=1 cargo test -p veikart-domain --test schema_1_1\n");
        for (n, m) in &got {
            s.push_str(&format!("== {n}\n{m}\n"));
        }
        std::fs::write(&path, s).unwrap();
    }
    let expected = parse_expected(&std::fs::read_to_string(&path).unwrap());
    assert_eq!(
        got.keys().collect::<Vec<_>>(),
        expected.keys().collect::<Vec<_>>()
    );
    for (n, m) in &got {
        assert_eq!(m, &expected[n], "message for {n}");
    }
}

/// The shipped 1.0 feeds, kept as they were before schema 1.1: they load, validate with the
/// same (empty) issue list as before, and their comparison is honest.
#[test]
fn shipped_1_0_feeds_still_load_validate_and_compare() {
    let new = load(&read("v1.0/feed.json"), DEFAULT_MAX_BYTES).unwrap();
    let old = load(&read("v1.0/2021.json"), DEFAULT_MAX_BYTES).unwrap();
    for l in [&new, &old] {
        assert_eq!(l.feed.meta.schema_version, "1.0.0");
        assert!(l.issues.is_empty(), "{:#?}", l.issues);
    }
    // The 1.0 priorities as one implied list of five.
    let lists = new.feed.priority_lists();
    assert_eq!(lists.len(), 1);
    let ids: Vec<_> = lists[0].items.iter().map(|i| i.id).collect();
    assert_eq!(ids, ["PLL", "PROVESVAR", "DOKDELING", "KRITINFO", "DHO"]);
    let d = diff(&old.feed, &new.feed);
    // No slip is derived from two different milestones (issue 16): the 2021 «full bredding
    // innen 2023» is removed, the 2027/2029 targets are added, nothing moved.
    assert!(!d
        .changes
        .iter()
        .any(|c| matches!(c.kind, ChangeKind::HorizonMoved { .. })));
    assert!(
        d.changes.iter().all(|c| c.kind.months().is_none()),
        "{:#?}",
        d.changes
            .iter()
            .filter(|c| c.kind.months().is_some())
            .collect::<Vec<_>>()
    );
    assert!(d.for_measure("PLL").any(|c| matches!(&c.kind,
        ChangeKind::MilestoneRemoved { milestone, .. } if milestone == "PLL-m-full-bredding")));
    assert!(d.for_measure("PROVESVAR").any(|c| matches!(&c.kind,
        ChangeKind::MilestoneRemoved { milestone, .. } if milestone == "PROVESVAR-m-utproving")));
    assert!(d
        .for_measure("PROVESVAR")
        .any(|c| matches!(c.kind, ChangeKind::MeasureRenamed { .. })));
}

#[test]
fn the_other_1_1_feed_uses_its_own_words_lists_sequences_and_risks() {
    let f = clean("feed-1.1-other.json").feed;
    assert_ne!(f.terms().goal_singular.get(Lang::Nb), "Mål");
    let lists = f.priority_lists();
    assert!(lists.iter().any(|l| l.items.len() == 3 && !l.implied));
    assert!(f
        .measures
        .iter()
        .flat_map(|m| &m.phases)
        .any(|p| !p.is_dated() && p.order.is_some()));
    assert!(f
        .risks
        .iter()
        .chain(f.measures.iter().flat_map(|m| &m.risks))
        .any(|r| r.likelihood.is_some() && r.consequence.is_some()));
}

/// Everything the views compute from a feed also works on 1.1 feeds (undated phases, seasons,
/// withdrawn measures, new roles and dependency kinds): no panic, sane numbers, and a feed
/// compared with itself has no change.
#[test]
fn views_survive_every_1_1_feed() {
    use veikart_domain::date::Ymd;
    use veikart_domain::export::{csv, timeline_image_size, timeline_svg};
    use veikart_domain::graph::{graph_layout, DepGraph};
    use veikart_domain::roadmap::{children, lanes, Grouping};
    use veikart_domain::timeline::{bars, markers, RowLayout, Scale, Zoom};
    let mut files: Vec<String> = std::fs::read_dir(fixtures().join("good"))
        .unwrap()
        .map(|e| format!("good/{}", e.unwrap().file_name().to_string_lossy()))
        .collect();
    files.push("feed-1.1-other.json".into());
    files.push("../../public/feed.json".into());
    let today = Ymd::new(2026, 11, 23).unwrap();
    for rel in files {
        let f = clean(&rel).feed;
        let all: Vec<usize> = (0..f.measures.len()).collect();
        let scale = Scale::for_feed(&f, today, Zoom::Years);
        for g in [
            Grouping::Goal,
            Grouping::Owner,
            Grouping::ActorGroup,
            Grouping::Priority,
        ] {
            let l = lanes(&f, g, &all);
            let layout = RowLayout::new(&f, &l, &children(&f), &|_| true);
            let (w, h) = timeline_image_size(&layout, &scale);
            assert!(w > 0 && h > 0, "{rel}");
            let titles: Vec<String> = l.iter().map(|x| format!("{:?}", x.kind)).collect();
            let svg = timeline_svg(&f, &titles, &layout, &scale, today, "t", Lang::Nb);
            assert!(svg.starts_with("<svg"), "{rel}");
        }
        for m in &f.measures {
            // Undated phases have no bar; every dated one does.
            let dated = m.phases.iter().filter(|p| p.is_dated()).count();
            assert_eq!(bars(m, &scale).len(), dated, "{rel} {}", m.id);
            let _ = markers(m, &scale);
        }
        assert!(csv(&f, &all, Lang::Nb).lines().count() > f.measures.len());
        let _ = DepGraph::from_feed(&f).cycles();
        let _ = graph_layout(&f);
        assert!(diff(&f, &f).changes.is_empty(), "{rel} differs from itself");
    }
}
