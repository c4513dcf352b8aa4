//! Every field of the feed model has a column (walked from the JSON Schema generated from the
//! model, so a new field in `model.rs` fails here until it gets its line in `mapping.rs`), with a
//! matching kind, the same enum values, the same integer range and the same required flag.

use std::collections::BTreeMap;

use serde_json::{json, Value};
use veikart_sheet::mapping::{all_sheets, Kind, Place};

#[derive(Clone, Debug, PartialEq)]
enum Leaf {
    Text,
    TextList,
    Sources,
    Str,
    StrList,
    Enum(Vec<String>),
    Int(String),
    Num,
    Bool,
}

struct Walker<'a> {
    defs: &'a serde_json::Map<String, Value>,
    out: BTreeMap<String, (Leaf, bool)>,
}

impl Walker<'_> {
    /// Follows `$ref` and `Option` (`anyOf [x, null]`); returns the definition name if any.
    fn resolve(&self, node: &Value) -> (Option<String>, Value) {
        let mut node = node;
        let mut name = None;
        loop {
            if let Some(r) = node.get("$ref").and_then(Value::as_str) {
                let n = r.trim_start_matches("#/$defs/");
                name = Some(n.to_string());
                node = &self.defs[n];
            } else if let Some(any) = node.get("anyOf").and_then(Value::as_array) {
                node = any
                    .iter()
                    .find(|b| b.get("type") != Some(&json!("null")))
                    .expect("a non-null branch");
            } else {
                return (name, node.clone());
            }
        }
    }

    fn enum_values(node: &Value) -> Option<Vec<String>> {
        let mut v = vec![];
        let branches: Vec<&Value> = match node.get("oneOf").and_then(Value::as_array) {
            Some(b) => b.iter().collect(),
            None => vec![node],
        };
        for b in branches {
            if let Some(c) = b.get("const").and_then(Value::as_str) {
                v.push(c.to_string());
            } else if let Some(e) = b.get("enum").and_then(Value::as_array) {
                v.extend(e.iter().filter_map(Value::as_str).map(str::to_string));
            } else {
                return None;
            }
        }
        veikart_domain::sort::sort(&mut v);
        Some(v)
    }

    fn scalar_type(node: &Value) -> Option<String> {
        match node.get("type") {
            Some(Value::String(t)) => Some(t.clone()),
            Some(Value::Array(ts)) => ts
                .iter()
                .filter_map(Value::as_str)
                .find(|t| *t != "null")
                .map(str::to_string),
            _ => None,
        }
    }

    fn walk(&mut self, node: &Value, path: &str, required: bool) {
        let (name, node) = self.resolve(node);
        let node = &node;
        if name.as_deref() == Some("Text") {
            self.out.insert(path.into(), (Leaf::Text, required));
            return;
        }
        if let Some(props) = node.get("properties").and_then(Value::as_object) {
            let req: Vec<&str> = node
                .get("required")
                .and_then(Value::as_array)
                .map(|r| r.iter().filter_map(Value::as_str).collect())
                .unwrap_or_default();
            for (k, v) in props {
                let p = if path.is_empty() {
                    k.clone()
                } else {
                    format!("{path}.{k}")
                };
                self.walk(v, &p, req.contains(&k.as_str()));
            }
            return;
        }
        if let Some(values) = Self::enum_values(node) {
            if node.get("oneOf").is_some() || node.get("enum").is_some() {
                self.out.insert(path.into(), (Leaf::Enum(values), required));
                return;
            }
        }
        match Self::scalar_type(node).as_deref() {
            Some("array") => {
                let (iname, items) = self.resolve(&node["items"]);
                match iname.as_deref() {
                    Some("Text") => {
                        self.out.insert(format!("{path}[]"), (Leaf::TextList, true));
                    }
                    Some("SourceRef") => {
                        self.out.insert(path.into(), (Leaf::Sources, false));
                    }
                    _ if Self::scalar_type(&items).as_deref() == Some("string") => {
                        self.out.insert(path.into(), (Leaf::StrList, false));
                    }
                    _ => {
                        self.walk(&items, &format!("{path}[]"), true);
                    }
                }
            }
            Some("string") => {
                self.out.insert(path.into(), (Leaf::Str, required));
            }
            Some("integer") => {
                let f = node
                    .get("format")
                    .and_then(Value::as_str)
                    .unwrap_or("int64");
                self.out
                    .insert(path.into(), (Leaf::Int(f.into()), required));
            }
            Some("number") => {
                self.out.insert(path.into(), (Leaf::Num, required));
            }
            Some("boolean") => {
                self.out.insert(path.into(), (Leaf::Bool, required));
            }
            other => panic!("{path}: schema node of type {other:?} is not understood: {node}"),
        }
    }
}

/// The model's leaves: path → (kind, required).
fn schema_leaves(schema: &Value) -> BTreeMap<String, (Leaf, bool)> {
    let defs = schema["$defs"].as_object().expect("$defs");
    let mut w = Walker {
        defs,
        out: BTreeMap::new(),
    };
    w.walk(schema, "", true);
    // the fields of one source reference, checked against the Kilder sheet
    w.walk(&json!({"$ref": "#/$defs/SourceRef"}), "SourceRef", true);
    w.out
}

/// The mapping's leaves: path → (kind, required).
fn mapping_leaves() -> BTreeMap<String, (Kind, bool)> {
    let mut out = BTreeMap::new();
    for s in all_sheets() {
        let bases = if s.place == Place::Sources {
            vec!["SourceRef".to_string()]
        } else {
            // a sheet of risks maps both `risks[]` and `measures[].risks[]`
            s.json_paths()
                .into_iter()
                .map(|p| p.replace("[*]", "[]"))
                .collect()
        };
        for base in bases {
            for c in s.cols {
                let p = if c.field.is_empty() {
                    base.clone()
                } else {
                    format!("{base}.{}", c.field)
                };
                out.insert(p, (c.kind, c.required));
            }
            if s.sources {
                out.insert(format!("{base}.sources"), (Kind::Text, false));
            }
            for (obj, _) in s.inline_sources {
                out.insert(format!("{base}.{obj}.sources"), (Kind::Text, false));
            }
        }
    }
    out
}

/// Every mismatch between the model and the mapping, in words.
fn coverage(schema: &Value) -> Vec<String> {
    let model = schema_leaves(schema);
    let map = mapping_leaves();
    let mut problems = vec![];
    for (path, (leaf, req)) in &model {
        let Some((kind, mreq)) = map.get(path) else {
            problems.push(format!(
                "model field {path} ({leaf:?}) has no column in crates/sheet/src/mapping.rs"
            ));
            continue;
        };
        let ok = match (leaf, kind) {
            (Leaf::Text | Leaf::TextList, Kind::Multi) => true,
            (Leaf::Sources, _) => true,
            (Leaf::Str, Kind::Id | Kind::Text | Kind::Ref(_) | Kind::Date) => true,
            (Leaf::StrList, Kind::RefList(_)) => true,
            (Leaf::Enum(values), Kind::Enum(pairs)) => {
                let mut mine: Vec<String> = pairs.iter().map(|(j, _)| j.to_string()).collect();
                veikart_domain::sort::sort(&mut mine);
                if &mine != values {
                    problems.push(format!(
                        "{path}: model values {values:?}, mapping values {mine:?}"
                    ));
                }
                true
            }
            (Leaf::Int(f), Kind::Int(min, max)) => {
                let want = match f.as_str() {
                    "uint8" => (0, u8::MAX as i64),
                    "uint16" => (0, u16::MAX as i64),
                    "uint32" => (0, u32::MAX as i64),
                    "int32" => (i32::MIN as i64, i32::MAX as i64),
                    _ => (i64::MIN, i64::MAX),
                };
                if want != (*min, *max) {
                    problems.push(format!(
                        "{path}: model range {want:?}, mapping range {:?}",
                        (min, max)
                    ));
                }
                true
            }
            (Leaf::Num, Kind::Num) | (Leaf::Bool, Kind::Bool) => true,
            _ => false,
        };
        if !ok {
            problems.push(format!(
                "{path}: model kind {leaf:?} does not fit column kind {kind:?}"
            ));
        }
        if *leaf != Leaf::Sources && *leaf != Leaf::TextList && req != mreq {
            problems.push(format!(
                "{path}: required in the model: {req}, in the mapping: {mreq}"
            ));
        }
    }
    for path in map.keys() {
        if !model.contains_key(path) {
            problems.push(format!("mapping column {path} is not a field of the model"));
        }
    }
    problems
}

fn model_schema() -> Value {
    serde_json::from_str(&veikart_domain::model::json_schema_string()).expect("schema")
}

#[test]
fn every_model_field_has_a_column_and_every_column_a_field() {
    let problems = coverage(&model_schema());
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
    // and the walk saw the whole model, including nested ones
    let leaves = schema_leaves(&model_schema());
    for p in [
        "measures[].milestones[].date",
        "measures[].goal.note",
        "measures[].aliases[]",
        "meta.plan_period.start",
        "decisions[].measures",
        "SourceRef.quote",
        "meta.standing.state",
        "meta.terms.subtitle",
        "risks[].likelihood",
        "measures[].risks[].likelihood",
        "measures[].funding.state",
        "priority_lists[].items[].rank",
        "portfolio[].red_risk",
        "measures[].phases[].order",
    ] {
        assert!(leaves.contains_key(p), "{p} not walked");
    }
}

#[test]
fn the_shipped_schema_file_is_covered_too() {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../public/schema/feed-v1.schema.json"
    );
    let s: Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("schema file")).unwrap();
    let problems = coverage(&s);
    assert!(problems.is_empty(), "\n{}", problems.join("\n"));
}

#[test]
fn a_new_model_field_without_a_column_fails_the_check() {
    // what a later schema version looks like to this test before mapping.rs learns its fields
    let mut s = model_schema();
    s["$defs"]["Milestone"]["properties"]["season"] = json!({"type": ["string", "null"]});
    s["$defs"]["Measure"]["properties"]["lessons"] = json!({"type": "array", "default": [],
        "items": {"type": "object", "properties": {"id": {"type": "string"}, "text": {"$ref": "#/$defs/Text"}}, "required": ["id"]}});
    s["$defs"]["SourceRef"]["properties"]["page"] =
        json!({"type": ["integer", "null"], "format": "uint32"});
    let problems = coverage(&s);
    for want in [
        "model field measures[].milestones[].season",
        "model field measures[].lessons[].id",
        "model field measures[].lessons[].text",
        "model field SourceRef.page",
    ] {
        assert!(
            problems.iter().any(|p| p.starts_with(want)),
            "{want} not reported in {problems:?}"
        );
    }
}

#[test]
fn a_changed_enum_or_required_flag_fails_the_check() {
    let mut s = model_schema();
    s["$defs"]["Rag"] = json!({"type": "string", "enum": ["green", "yellow", "red", "blue"]});
    s["$defs"]["Phase"]["required"] = json!(["id", "name"]);
    let problems = coverage(&s);
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("measures[].status[].rag: model values")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("phases[].color: required in the model: false")),
        "{problems:?}"
    );
}
