//! One failing fixture per validation rule (tests/fixtures/bad/<rule-code>.json), one per warning
//! rule (tests/fixtures/warn/<rule-code>.json), and the load errors (bad/load-*.json).

use std::path::PathBuf;

use veikart_domain::validate::{load, validate, LoadError, Rule, Severity, DEFAULT_MAX_BYTES};
use veikart_domain::Feed;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn read(rel: &str) -> String {
    let p = fixtures().join(rel);
    std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()))
}

/// Semantic issues of a fixture, bypassing the version gate of `load` so that every rule can be
/// reached by `validate` itself.
fn issues_of(rel: &str) -> Vec<veikart_domain::Issue> {
    let feed: Feed = serde_json::from_str(&read(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    validate(&feed)
}

#[test]
fn minimal_fixture_is_clean() {
    let loaded = load(&read("minimal.json"), DEFAULT_MAX_BYTES).expect("minimal loads");
    assert!(
        loaded.issues.is_empty(),
        "minimal.json should have no findings: {:#?}",
        loaded.issues
    );
}

#[test]
fn every_rule_has_a_fixture_that_triggers_it() {
    for rule in Rule::ALL {
        let dir = match rule.severity() {
            Severity::Error => "bad",
            Severity::Warning => "warn",
        };
        let rel = format!("{dir}/{}.json", rule.code());
        let issues = issues_of(&rel);
        let hit: Vec<_> = issues.iter().filter(|i| i.rule == rule).collect();
        assert!(
            !hit.is_empty(),
            "{rel} does not trigger {rule:?}: {issues:#?}"
        );
        for i in &hit {
            assert!(i.pointer.starts_with('/'), "{rel}: pointer {:?}", i.pointer);
            assert!(!i.message.is_empty());
        }
        if rule.severity() == Severity::Warning {
            assert!(
                issues.iter().all(|i| i.severity == Severity::Warning),
                "{rel} must only warn: {issues:#?}"
            );
        }
    }
}

#[test]
fn error_fixtures_fail_to_load_cleanly() {
    let dir = fixtures().join("bad");
    let mut n = 0;
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        let text = std::fs::read_to_string(&path).unwrap();
        let usable = matches!(load(&text, DEFAULT_MAX_BYTES), Ok(l) if l.is_usable());
        assert!(!usable, "{} loads without errors", path.display());
        n += 1;
    }
    assert!(n >= 25, "expected at least 25 bad fixtures, found {n}");
}

#[test]
fn pointers_name_the_offending_value() {
    let cases = [
        ("bad/end-before-start.json", "/measures/0/phases/0/end"),
        ("bad/unparseable-date.json", "/measures/0/milestones/0/date"),
        ("bad/unknown-phase.json", "/measures/0/phases/0/phase"),
        ("bad/unknown-actor.json", "/measures/0/actors/0/actor"),
        ("bad/unknown-goal.json", "/measures/0/goal/goal"),
        ("bad/dangling-reference.json", "/dependencies/0/to"),
        ("bad/duplicate-id.json", "/measures/1/id"),
        ("bad/missing-nb.json", "/measures/0/name"),
        ("bad/invalid-color.json", "/phases/0/color"),
        ("bad/unsafe-url.json", "/meta/sources/0/url"),
    ];
    for (rel, pointer) in cases {
        let issues = issues_of(rel);
        assert!(
            issues.iter().any(|i| i.pointer == pointer),
            "{rel}: no issue at {pointer}: {issues:#?}"
        );
    }
}

#[test]
fn cycle_message_names_the_cycle() {
    let issues = issues_of("bad/dependency-cycle.json");
    let c = issues
        .iter()
        .find(|i| i.rule == Rule::DependencyCycle)
        .unwrap();
    assert!(
        c.message.contains("PLL → kjernejournal → PLL"),
        "{}",
        c.message
    );
}

#[test]
fn load_errors_are_specific() {
    let l = |rel: &str| load(&read(rel), DEFAULT_MAX_BYTES).unwrap_err();
    assert_eq!(l("bad/load-empty.json"), LoadError::Empty);
    match l("bad/load-syntax.json") {
        LoadError::Syntax { line, column, .. } => assert!(line > 1 && column >= 1),
        e => panic!("expected a syntax error, got {e:?}"),
    }
    match l("bad/load-shape-wrong-type.json") {
        LoadError::Shape { path, message, .. } => {
            assert_eq!(path, "measures[0].priority");
            assert!(message.contains("invalid type"), "{message}");
        }
        e => panic!("expected a shape error, got {e:?}"),
    }
    match l("bad/load-shape-missing-field.json") {
        LoadError::Shape { path, message, .. } => {
            assert_eq!(path, "measures[0]");
            assert!(message.contains("missing field `name`"), "{message}");
        }
        e => panic!("expected a shape error, got {e:?}"),
    }
    assert_eq!(
        l("bad/load-unsupported-version.json"),
        LoadError::UnsupportedVersion {
            found: "2.0.0".into(),
            supported: 1
        }
    );
    assert!(matches!(
        l("bad/load-not-an-object.json"),
        LoadError::Shape { .. }
    ));
    let big = " ".repeat(100) + &read("minimal.json");
    assert!(matches!(
        load(&big, 50),
        Err(LoadError::TooLarge { limit: 50, .. })
    ));
}

#[test]
fn shipped_schema_matches_the_types() {
    let shipped = std::fs::read_to_string(
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../public/schema/feed-v1.schema.json"),
    )
    .expect("public/schema/feed-v1.schema.json exists");
    assert_eq!(
        shipped.trim_end(),
        veikart_domain::model::json_schema_string().trim_end(),
        "regenerate with: cargo run -q -p veikart-domain --bin veikart-schema > public/schema/feed-v1.schema.json"
    );
}
