//! Export then import gives back the same feed (serde_json::Value equality, field order
//! irrelevant), and a person's edits give exactly that change.

mod common;

use common::*;
use serde_json::{json, Value};
use veikart_domain::Feed;

fn round_trip(f: &Feed) -> Value {
    let bytes = export(f);
    let back = import_ok(&bytes);
    // the same findings as the feed itself has (none for the shipped feeds)
    let own = veikart_domain::validate(f);
    assert_eq!(
        back.findings.len(),
        own.len(),
        "{:?}",
        back.findings
            .iter()
            .map(|e| e.line(veikart_sheet::Lang::En))
            .collect::<Vec<_>>()
    );
    // the JSON written is the feed read back
    let written: Value = serde_json::from_str(&back.json).expect("json");
    assert_eq!(written, value(&back.feed));
    value(&back.feed)
}

/// The first path where two values differ (for a readable failure).
fn first_difference(a: &Value, b: &Value, path: &str) -> Option<String> {
    match (a, b) {
        (Value::Object(x), Value::Object(y)) => {
            for k in x.keys().chain(y.keys()) {
                match (x.get(k), y.get(k)) {
                    (Some(u), Some(v)) => {
                        if let Some(d) = first_difference(u, v, &format!("{path}/{k}")) {
                            return Some(d);
                        }
                    }
                    (u, v) => return Some(format!("{path}/{k}: {u:?} vs {v:?}")),
                }
            }
            None
        }
        (Value::Array(x), Value::Array(y)) if x.len() == y.len() => x
            .iter()
            .zip(y)
            .enumerate()
            .find_map(|(i, (u, v))| first_difference(u, v, &format!("{path}/{i}"))),
        _ if a == b => None,
        _ => Some(format!("{path}: {a} vs {b}")),
    }
}

fn assert_same(before: &Value, after: &Value) {
    if let Some(d) = first_difference(before, after, "") {
        panic!("round trip changed the feed at {d}");
    }
    assert_eq!(before, after);
}

#[test]
fn the_shipped_feed_round_trips() {
    let f = feed(&read("public/feed.json"));
    assert_same(&value(&f), &round_trip(&f));
}

#[test]
fn the_older_feed_round_trips() {
    let f = feed(&read("public/feeds/2021.json"));
    assert_same(&value(&f), &round_trip(&f));
}

#[test]
fn the_synthetic_1000_measure_feed_round_trips() {
    let f = feed(&synth(1000, 7));
    assert_eq!(f.measures.len(), 1000);
    assert_same(&value(&f), &round_trip(&f));
}

/// One test per 1.1 fixture, so the report names the feed that fails.
macro_rules! fixture_round_trips {
    ($($name:ident => $path:literal),* $(,)?) => {
        $(
            #[test]
            fn $name() {
                let f = feed(&read($path));
                assert_same(&value(&f), &round_trip(&f));
            }
        )*
        /// The list above names every `tests/fixtures/good/1.1-*.json`.
        const FIXTURES: &[&str] = &[$($path),*];
    };
}

fixture_round_trips! {
    fixture_1_1_basis_round_trips => "tests/fixtures/good/1.1-basis.json",
    fixture_1_1_priority_lists_round_trips => "tests/fixtures/good/1.1-priority-lists.json",
    fixture_1_1_replaces_round_trips => "tests/fixtures/good/1.1-replaces.json",
    fixture_1_1_risks_round_trips => "tests/fixtures/good/1.1-risks.json",
    fixture_1_1_roles_and_links_round_trips => "tests/fixtures/good/1.1-roles-and-links.json",
    fixture_1_1_seasons_round_trips => "tests/fixtures/good/1.1-seasons.json",
    fixture_1_1_standing_round_trips => "tests/fixtures/good/1.1-standing.json",
    fixture_1_1_terms_round_trips => "tests/fixtures/good/1.1-terms.json",
    fixture_1_1_undated_phases_round_trips => "tests/fixtures/good/1.1-undated-phases.json",
    the_other_1_1_feed_round_trips => "tests/fixtures/feed-1.1-other.json",
}

#[test]
fn every_1_1_fixture_is_in_the_round_trip_list() {
    let dir = root().join("tests/fixtures/good");
    let mut missing = vec![];
    for e in std::fs::read_dir(&dir).expect("fixtures") {
        let name = e.unwrap().file_name().to_string_lossy().into_owned();
        if name.starts_with("1.1-") && name.ends_with(".json") {
            let rel = format!("tests/fixtures/good/{name}");
            if !FIXTURES.contains(&rel.as_str()) {
                missing.push(rel);
            }
        }
    }
    assert!(
        missing.is_empty(),
        "add these to fixture_round_trips!: {missing:?}"
    );
}

#[test]
fn every_1_1_field_survives() {
    // every schema 1.1 field filled, including ones no shipped feed or fixture uses
    let text = |s: &str| json!({"nb": s, "nn": format!("{s} nn"), "en": format!("{s} en")});
    let standing = |d: &str| {
        json!({"state": "withdrawn", "decision": d, "since": "2024-vår", "text": text("st"),
            "basis": "inferred", "basis_note": text("fordi"), "sources": [{"doc": "d1", "lines": "L1"}]})
    };
    let risk = |id: &str| {
        json!({"id": id, "kind": "precondition", "category": "governance", "description": text("r"),
            "likelihood": 2, "consequence": 5, "level": "medium_high", "mitigation": text("m"),
            "owner": "a1", "as_of": "2023-høst", "concerns": ["m1", "c1"], "basis": "inferred",
            "basis_note": text("b"), "sources": [{"doc": "d1", "quote": "q"}]})
    };
    let assessment = json!({"level": "low_medium", "text": text("kost"), "basis": "inferred",
        "basis_note": text("n"), "sources": [{"doc": "d1", "case": "1/26"}]});
    let f: Feed = serde_json::from_value(json!({
        "meta": {"schema_version": "1.1.0", "id": "t", "title": {"nb": "T"},
            "version_label": {"nb": "v"}, "published": "2026-01", "publisher": {"nb": "p"},
            "plan_period": {"start": 2024, "end": 2027},
            "sources": [{"id": "d1", "title": {"nb": "Dok"}, "kind": "minutes"}],
            "standing": standing("v1"),
            "terms": {"goal_singular": text("Innsatsområde"), "goal_plural": text("Innsatsområder"),
                "title": text("Tittel"), "subtitle": text("Under")}},
        "goals": [{"id": "g1", "number": 1, "name": {"nb": "Mål"}, "standing": standing("v1"),
            "sub_goals": [{"id": "g1a", "name": {"nb": "Delmål"}}]}],
        "phases": [{"id": "p1", "name": {"nb": "Fase"}, "color": "#123456"},
            {"id": "p2", "name": {"nb": "Fase 2"}, "color": "#654321"}],
        "actors": [{"id": "a1", "kind": "organisation", "name": {"nb": "Org"}},
            {"id": "a2", "kind": "organisation", "name": {"nb": "Dep"}}],
        "components": [{"id": "c1", "name": {"nb": "Komp"}}],
        "measures": [{"id": "m1", "name": {"nb": "Tiltak"},
            "goal": {"goal": "g1", "basis": "stated"},
            "standing": standing("v1"),
            "cost": assessment.clone(), "support": assessment,
            "funding": {"state": "co_financed", "text": text("f"), "basis": "inferred",
                "basis_note": text("n"), "sources": [{"doc": "d1"}]},
            "risks": [risk("r-m1")],
            "actors": [{"actor": "a1", "role": "proposed_owner", "period": "2021-10/2023-06",
                "basis": "inferred", "basis_note": text("rolle")},
                {"actor": "a2", "role": "commissions"}, {"actor": "a2", "role": "appoints"}],
            "phases": [{"phase": "p1", "order": 1, "basis": "inferred", "basis_note": text("rekkefølge")},
                {"phase": "p2", "ongoing": true, "end": "2027-vinter"}],
            "milestones": [{"id": "ms1", "title": {"nb": "M1"}, "date": "2025-høst/2026-vår",
                "basis": "inferred", "basis_note": text("år lagt til"), "replaces": "gammel-ms",
                "target_changed": true, "standing": standing("v1")}],
            "ambitions": [{"year": 2027, "metric": {"nb": "andel"}, "text": {"nb": "omtrent"},
                "approximate": true, "standing": standing("v1")}],
            "baselines": [{"metric": {"nb": "andel"}, "text": {"nb": "en tredjedel"}, "approximate": true}],
            "status": [{"as_of": "2025-sommer", "lifecycle": "active", "basis": "inferred",
                "basis_note": text("farge fra lysbilde")}]}],
        "dependencies": [{"id": "d-1", "from": "m1", "to": "c1", "kind": "seen_together",
            "basis": "inferred", "basis_note": text("sammenheng")}],
        "decisions": [{"id": "v1", "body": "NEHR", "case": "1/26", "date": "2026-01",
            "state": "adopted", "title": {"nb": "t"}, "text": {"nb": "x"}, "goals": ["g1", "g1a"],
            "basis": "inferred", "basis_note": text("dato fra saksnummer")}],
        "priority_lists": [{"id": "pl1", "name": text("Liste"), "rank_label": text("Plass"),
            "description": text("d"), "standing": standing("v1"),
            "items": [{"rank": 1, "item": "m1", "basis": "inferred", "basis_note": text("n"),
                "sources": [{"doc": "d1"}]}, {"rank": 2, "item": "g1a"}, {"rank": 3, "item": "g1"}],
            "sources": [{"doc": "d1"}]},
            {"id": "pl-tom", "name": text("Tom liste"), "items": []}],
        "principles": [{"id": "pr1", "text": text("Fullfør først"), "applies_to": ["pl1", "g1", "m1", "c1"],
            "standing": standing("v1"), "sources": [{"doc": "d1"}]}],
        "risks": [risk("r-feed"), {"id": "r-min", "description": {"nb": "kort"}}],
        "portfolio": [{"as_of": "2024-Q4", "active": 40, "red_status": 3, "red_risk": 5, "paused": 2,
            "finished": 4, "new": 6, "text": text("p"), "reported_by": "a1", "sources": [{"doc": "d1", "lines": "L9"}]},
            {"as_of": "2025", "text": {"nb": "bare tekst"}}]
    }))
    .expect("valid test feed");
    assert_same(&value(&f), &round_trip(&f));
}

#[test]
fn every_optional_field_survives() {
    // a small feed with every optional field filled, including ones the shipped feeds lack
    let f: Feed = serde_json::from_value(json!({
        "meta": {"schema_version": "1.0.0", "id": "t", "title": {"nb": "T", "nn": "T2", "en": "T3"},
            "version_label": {"nb": "v"}, "published": "2026-01", "publisher": {"nb": "p"},
            "previous_version": "old.json", "plan_period": {"start": 2024, "end": 2027},
            "note": {"en": "only english"},
            "sources": [{"id": "d1", "title": {"nb": "Dok"}, "kind": "external", "body": "NEHR",
                "meeting": "1/2026", "date": "2026-01-02", "url": "https://example.org/a"}]},
        "goals": [{"id": "g1", "number": 1, "name": {"nb": "Mål"}, "description": {"nb": "d"},
            "sub_goals": [{"id": "sg1", "name": {"nb": "Delmål"}, "sources": [{"doc": "d1", "lines": "L1"}]}],
            "sources": [{"doc": "d1"}]}],
        "phases": [{"id": "p1", "name": {"nb": "Fase"}, "color": "#123456", "sources": [{"doc": "d1"}]}],
        "actors": [{"id": "a1", "kind": "organisation", "name": {"nb": "Org"}, "short_name": "O", "sources": []},
            {"id": "a2", "kind": "actor_group", "name": {"nb": "Gruppe"}, "parent": "a1"}],
        "components": [{"id": "c1", "name": {"nb": "K"}, "short_name": "KK", "description": {"nb": "x"}, "operator": "a1"}],
        "measures": [{"id": "m1", "name": {"nb": "Tiltak\nmed linjeskift\r\nog\ttab", "nn": "literal _x0041_ and \u{0007} bell", "en": "  spaced  "}, "short_name": "M", "priority": 2,
            "aliases": [{"nb": "alias", "nn": "alias nn"}, {"en": "only en"}],
            "description": {"nb": "=not a formula"}, "programme": {"nb": "prog"},
            "goal": {"goal": "g1", "sub_goal": "sg1", "basis": "inferred", "note": {"nb": "fordi"}, "sources": [{"doc": "d1", "quote": "«sitat», med komma; og semikolon"}]},
            "other_goals": [{"goal": "g1", "basis": "stated", "sources": [{"doc": "d1", "case": "20/23"}]}],
            "actors": [{"actor": "a1", "role": "owner", "note": {"nb": "n"}, "sources": [{"doc": "d1", "lines": "L2-L3"}]}],
            "phases": [{"phase": "p1", "start": "2024-H2", "end": "2026-Q3", "note": {"nb": "n"}}, {"phase": "p1", "start": "2027"}],
            "milestones": [{"id": "ms1", "title": {"nb": "M1"}, "date": "2025-06-15", "qualifier": "tentative", "kind": "postponed",
                "original_date": "2024-06", "date_text": {"nb": "sommeren 2025"}, "sources": [{"doc": "d1"}]}],
            "ambitions": [{"year": 2027, "metric": {"nb": "andel"}, "comparator": "gte", "value": 80.5, "unit": "%", "text": {"nb": "minst 80,5 %"}}],
            "baselines": [{"date": "2023", "metric": {"nb": "andel"}, "value": 0.125, "unit": "%", "text": {"nb": "12,5 %"}}],
            "status": [{"as_of": "2025-01", "rag": "yellow", "risk": "red", "lifecycle": "paused", "reported_by": "a1", "text": {"nb": "s"}}],
            "benefits": [{"actor_group": "a2", "score": 1, "score_max": 3, "text": {"nb": "+/+++"}}]},
            {"id": "m2", "parent": "m1", "name": {"nb": "Under"}}],
        "dependencies": [{"id": "d-1", "from": "m2", "to": "c1", "kind": "builds_on", "critical": true, "note": {"nb": "n"}}],
        "decisions": [{"id": "v1", "body": "NUIT", "case": "1/26", "meeting": "1/2026", "date": "2026-01-02",
            "case_type": {"nb": "Godkjenning"}, "state": "adopted", "title": {"nb": "t"}, "text": {"nb": "x"}, "measures": ["m1", "c1"]}]
    }))
    .expect("valid test feed");
    assert_same(&value(&f), &round_trip(&f));
}

/// Exports the shipped feed and opens it as a grid to edit.
fn shipped() -> (Feed, Book) {
    let f = feed(&read("public/feed.json"));
    let book = Book::read(&export(&f));
    (f, book)
}

#[test]
fn reordered_rows_blank_rows_note_columns_and_note_sheets_change_nothing() {
    let (f, mut book) = shipped();
    for s in &mut book.sheets {
        if s.name == "Les meg" || s.name == "Veikartet" {
            continue;
        }
        // reverse the data rows, put a blank row between every two, add a notes column in the
        // middle and one at the end
        let header = s.rows.remove(0);
        if s.rows.is_empty() {
            s.rows.push(vec![]);
        }
        s.rows.reverse();
        let mut rows = vec![header];
        for r in s.rows.drain(..) {
            rows.push(r);
            rows.push(vec![]);
        }
        let w0 = rows[0].len();
        for r in rows.iter_mut() {
            r.resize(w0, C::E);
            r.insert(2, C::E);
        }
        rows[0][2] = C::s("mine notater");
        rows[1][2] = C::s("sjekk dette med NUIT");
        let w = rows[0].len();
        rows[0].resize(w + 3, C::E);
        rows[0][w + 2] = C::s("kommentar");
        rows[1].resize(w + 3, C::E);
        rows[1][w + 2] = C::F("1+1".into(), "2".into()); // formulas outside the mapped columns are fine
        s.rows = rows;
    }
    book.sheets.push(Sheet {
        name: "Mine notater".into(),
        rows: vec![vec![C::s("huskeliste")], vec![C::s("ring Per")]],
    });
    let back = import_ok(&book.write());
    assert_same(&value(&f), &value(&back.feed));
}

#[test]
fn sorting_a_sheet_by_date_changes_nothing() {
    let (f, mut book) = shipped();
    let s = book.sheet("Milepæler");
    let c = s.col("dato");
    let header = s.rows.remove(0);
    veikart_domain::sort::sort_by_key(&mut s.rows, |r| r[c].text());
    s.rows.insert(0, header);
    let back = import_ok(&book.write());
    assert_same(&value(&f), &value(&back.feed));
}

#[test]
fn changing_a_date_changes_exactly_that_date() {
    let (f, mut book) = shipped();
    let (mi, ms) = f
        .measures
        .iter()
        .enumerate()
        .find_map(|(i, m)| m.milestones.first().map(|ms| (i, ms.clone())))
        .expect("a milestone");
    let s = book.sheet("Milepæler");
    let r = s.row_where("id", &ms.id);
    s.set(r, "dato", C::s("2029-Q2"));
    let back = import_ok(&book.write());

    let mut expected = value(&f);
    expected["measures"][mi]["milestones"][0]["date"] = json!("2029-Q2");
    assert_same(&expected, &value(&back.feed));
    // and the JSON text differs in exactly one line
    let before = serde_json::to_string_pretty(&f).unwrap() + "\n";
    let changed: Vec<(&str, &str)> = before
        .lines()
        .zip(back.json.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(before.lines().count(), back.json.lines().count());
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert!(changed[0].1.contains("\"2029-Q2\""), "{changed:?}");
}

#[test]
fn adding_a_milestone_with_a_source_adds_exactly_that_milestone() {
    let (f, mut book) = shipped();
    let m = &f.measures[3];
    let s = book.sheet("Milepæler");
    s.push(&[
        ("id", C::s("ny-milepael")),
        ("tiltak", C::s(&m.id)),
        ("dato", C::s("2028-H1")),
        ("tittel nb", C::s("Ny milepæl")),
        ("tittel en", C::s("New milestone")),
    ]);
    let k = book.sheet("Kilder");
    k.push(&[
        ("gjelder", C::s("ny-milepael")),
        ("dokument", C::s(&f.meta.sources[0].id)),
        ("linjer", C::s("L10-L12")),
    ]);
    let back = import_ok(&book.write());

    let mut expected = value(&f);
    expected["measures"][3]["milestones"]
        .as_array_mut()
        .unwrap()
        .push(json!({
            "id": "ny-milepael", "title": {"nb": "Ny milepæl", "en": "New milestone"},
            "date": "2028-H1", "kind": "planned",
            "sources": [{"doc": f.meta.sources[0].id, "lines": "L10-L12"}]
        }));
    assert_same(&expected, &value(&back.feed));
}

#[test]
fn renaming_a_measure_changes_exactly_its_name() {
    let (f, mut book) = shipped();
    let s = book.sheet("Tiltak");
    let r = s.row_where("id", &f.measures[0].id);
    s.set(r, "navn nb", C::s("Nytt navn på tiltaket"));
    let back = import_ok(&book.write());
    let mut expected = value(&f);
    expected["measures"][0]["name"]["nb"] = json!("Nytt navn på tiltaket");
    assert_same(&expected, &value(&back.feed));
}

#[test]
fn a_new_row_with_a_fractional_nr_lands_between_two_others() {
    let (f, mut book) = shipped();
    let m = f
        .measures
        .iter()
        .position(|m| m.actors.len() >= 2)
        .expect("a measure with two roles");
    let id = f.measures[m].id.clone();
    let actor = f.actors[0].id.clone();
    let s = book.sheet("Roller");
    s.push(&[
        ("tiltak", C::s(&id)),
        ("nr", C::N(1.5)),
        ("aktør", C::s(&actor)),
        ("rolle", C::s("deltaker")),
    ]);
    let back = import_ok(&book.write());
    let mut expected = value(&f);
    expected["measures"][m]["actors"]
        .as_array_mut()
        .unwrap()
        .insert(
            1,
            json!({"actor": actor, "role": "participant", "sources": []}),
        );
    assert_same(&expected, &value(&back.feed));
}

#[test]
fn moving_a_sources_owner_key_moves_the_source() {
    // the Kilder key of a role is measure/Roller/nr: renumbering the Kilder row's key moves it
    let (f, mut book) = shipped();
    let m = f
        .measures
        .iter()
        .position(|m| m.actors.len() >= 2 && !m.actors[0].sources.is_empty())
        .expect("a measure with sourced roles");
    let id = &f.measures[m].id;
    let k = book.sheet("Kilder");
    let r = k.row_where("gjelder", &format!("{id}/Roller/1"));
    k.set(r, "gjelder", C::s(&format!("{id}/Roller/2")));
    k.set(r, "nr", C::N(99.0));
    let back = import_ok(&book.write());
    let mut expected = value(&f);
    let moved = expected["measures"][m]["actors"][0]["sources"]
        .as_array_mut()
        .unwrap()
        .remove(0);
    expected["measures"][m]["actors"][1]["sources"]
        .as_array_mut()
        .unwrap()
        .push(moved);
    assert_same(&expected, &value(&back.feed));
}

#[test]
fn adding_a_risk_to_the_roadmap_and_one_to_a_measure_adds_exactly_those() {
    let (f, mut book) = shipped();
    let doc = f.meta.sources[0].id.clone();
    let m = f.measures[2].id.clone();
    let s = book.sheet("Risiko");
    s.push(&[
        ("id", C::s("ny-risiko")),
        ("type", C::s("risiko")),
        ("kategori", C::s("kapasitet")),
        ("beskrivelse nb", C::s("Leverandørene har ikke kapasitet")),
        ("sannsynlighet", C::N(4.0)),
        ("konsekvens", C::N(3.0)),
        ("berører", C::s(&format!("{m}, {}", f.measures[3].id))),
    ]);
    s.push(&[
        ("id", C::s("ny-tiltaksrisiko")),
        ("tiltak", C::s(&m)),
        ("beskrivelse nb", C::s("Forsinket innføring")),
        ("nivå", C::s("lav-middels")), // typed with a hyphen, the label has an en dash
        ("grunnlag", C::s("utledet")),
        ("begrunnelse nb", C::s("Lest av lysbilde 4")),
    ]);
    let k = book.sheet("Kilder");
    k.push(&[
        ("gjelder", C::s("ny-tiltaksrisiko")),
        ("dokument", C::s(&doc)),
        ("linjer", C::s("L5")),
    ]);
    let back = import_ok(&book.write());
    let mut expected = value(&f);
    expected["risks"].as_array_mut().unwrap().push(json!({
        "id": "ny-risiko", "kind": "risk", "category": "capacity",
        "description": {"nb": "Leverandørene har ikke kapasitet"}, "likelihood": 4, "consequence": 3,
        "concerns": [m, f.measures[3].id], "sources": []
    }));
    let list = expected["measures"][2]
        .as_object_mut()
        .unwrap()
        .entry("risks")
        .or_insert(json!([]));
    list.as_array_mut().unwrap().push(json!({
        "id": "ny-tiltaksrisiko", "kind": "risk", "description": {"nb": "Forsinket innføring"},
        "level": "low_medium", "basis": "inferred", "basis_note": {"nb": "Lest av lysbilde 4"},
        "concerns": [], "sources": [{"doc": doc, "lines": "L5"}]
    }));
    assert_same(&expected, &value(&back.feed));
}

#[test]
fn marking_a_milestone_date_as_inferred_and_setting_the_feed_standing() {
    let (f, mut book) = shipped();
    let (mi, ji, ms) = f
        .measures
        .iter()
        .enumerate()
        .flat_map(|(i, m)| {
            m.milestones
                .iter()
                .enumerate()
                .map(move |(j, x)| (i, j, x.clone()))
        })
        .find(|(_, _, x)| x.basis.is_stated())
        .expect("a stated milestone");
    let s = book.sheet("Milepæler");
    let r = s.row_where("id", &ms.id);
    s.set(r, "grunnlag", C::s("utledet"));
    s.set(r, "begrunnelse nb", C::s("Året er lagt til av redaksjonen"));
    let v = book.sheet("Veikartet");
    let r = v.row_where("felt", "behandlingsstatus");
    v.set(r, "verdi", C::s("vedtatt"));
    let back = import_ok(&book.write());
    let mut expected = value(&f);
    expected["measures"][mi]["milestones"][ji]["basis"] = json!("inferred");
    expected["measures"][mi]["milestones"][ji]["basis_note"] =
        json!({"nb": "Året er lagt til av redaksjonen"});
    expected["meta"]["standing"]["state"] = json!("adopted");
    assert_same(&expected, &value(&back.feed));
}
