//! Every bad fixture against the message the user sees: `tests/fixtures/bad-messages.txt` holds,
//! for each `tests/fixtures/bad/*.json`, the exact bokmål text of the error view (composed by
//! `veikart::feed_message`, the same code the app renders). Native only (reads files).
//! After a deliberate wording change: `UPDATE_EXPECTED=1 cargo test --test fixture_messages`.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::Arc;

use veikart::i18n::messages::problem_text;
use veikart::state::api::FeedError;
use veikart::state::last_good::Problem;
use veikart_domain::validate::{load, DEFAULT_MAX_BYTES};
use veikart_domain::Lang;

fn fixtures() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// What the app shows for this feed text (it must be blocked).
fn problem_for(text: &str) -> Option<Problem> {
    match load(text, DEFAULT_MAX_BYTES) {
        Err(e) => Some(Problem::Fetch(FeedError::Load(e))),
        Ok(l) if !l.is_usable() => Some(Problem::Semantic(Arc::new(l))),
        Ok(_) => None,
    }
}

fn actual(lang: Lang) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for entry in std::fs::read_dir(fixtures().join("bad")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().and_then(|e| e.to_str()) != Some("json") {
            continue;
        }
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let text = std::fs::read_to_string(&path).unwrap();
        let problem = problem_for(&text).unwrap_or_else(|| panic!("{name} is not blocked"));
        out.insert(name, problem_text(lang, &problem));
    }
    out
}

const HEADER: &str =
    "# The message the user sees (bokmål) for each tests/fixtures/bad/*.json, exactly as the app
# composes it (src/i18n/messages.rs). Checked by tests/fixture_messages.rs; after a deliberate
# wording change: UPDATE_EXPECTED=1 cargo test --test fixture_messages
";

fn parse_expected(text: &str) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    let mut current: Option<(String, Vec<&str>)> = None;
    for line in text.lines() {
        if let Some(name) = line.strip_prefix("== ") {
            if let Some((n, lines)) = current.take() {
                out.insert(n, lines.join("\n"));
            }
            current = Some((name.to_string(), vec![]));
        } else if let Some((_, lines)) = current.as_mut() {
            lines.push(line);
        }
    }
    if let Some((n, lines)) = current {
        out.insert(n, lines.join("\n"));
    }
    out
}

#[test]
fn every_bad_fixture_shows_its_expected_message() {
    let path = fixtures().join("bad-messages.txt");
    let got = actual(Lang::Nb);
    if std::env::var_os("UPDATE_EXPECTED").is_some() {
        let mut s = HEADER.to_string();
        for (name, msg) in &got {
            s.push_str(&format!("== {name}\n{msg}\n"));
        }
        std::fs::write(&path, s).unwrap();
    }
    let expected = parse_expected(&std::fs::read_to_string(&path).unwrap());
    assert!(got.len() >= 25, "only {} bad fixtures", got.len());
    let missing: Vec<_> = got.keys().filter(|k| !expected.contains_key(*k)).collect();
    let extra: Vec<_> = expected.keys().filter(|k| !got.contains_key(*k)).collect();
    assert!(
        missing.is_empty() && extra.is_empty(),
        "fixtures without expected message: {missing:?}; expected messages without fixture: {extra:?}"
    );
    for (name, msg) in &got {
        assert_eq!(msg, &expected[name], "message for {name}");
    }
}

#[test]
fn every_bad_fixture_has_a_message_in_nynorsk_and_english() {
    let nb = actual(Lang::Nb);
    for lang in [Lang::Nn, Lang::En] {
        for (name, msg) in actual(lang) {
            assert!(!msg.is_empty(), "{name} {lang:?}");
            assert_ne!(msg, nb[&name], "{name}: {lang:?} text equals bokmål");
        }
    }
}

#[test]
fn hostile_feed_is_valid_so_it_renders() {
    let text = std::fs::read_to_string(fixtures().join("hostile.json")).unwrap();
    let l = load(&text, DEFAULT_MAX_BYTES).expect("hostile.json loads");
    assert!(l.is_usable(), "{:#?}", l.issues);
    assert!(
        text.matches("<script>").count() >= 20,
        "payloads in the strings"
    );
}
