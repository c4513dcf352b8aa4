//! The path of the value a `serde_json` type error is about (`measures[0].priority`), found from
//! the error's line and column by scanning the JSON text up to that point (issue 9).
//!
//! It replaces `serde_path_to_error`, which tracked the path for every value while parsing: that
//! cost about 11 % of the wasm (a second, path-tracking copy of the whole feed deserialiser) and
//! slowed every successful parse. The output format is the same (`a.b[2].c`, `.` for the root);
//! a test compares the two on systematically broken feeds.

/// One open container while scanning.
enum Frame {
    Object {
        /// The key whose value is being read (set once its string is complete).
        key: Option<String>,
        /// A `:` follows the key, so the next string is a value.
        after_colon: bool,
        state: State,
    },
    Array {
        index: usize,
        state: State,
    },
}

#[derive(Clone, Copy, PartialEq)]
enum State {
    /// No value started since the last `,` (or the opening bracket).
    Before,
    /// A value started (it may continue past the error position).
    Inside,
    /// The value was read to its end (a type error about it is reported here).
    Done,
}

/// Byte offset of 1-based `line` and `column` (serde_json counts bytes within the line).
fn offset(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    if line > 1 {
        match text.match_indices('\n').nth(line - 2) {
            Some((i, _)) => start = i + 1,
            None => return text.len(),
        }
    }
    (start + column.saturating_sub(1)).min(text.len())
}

/// Path of the value at the position serde_json reports for a type error: `.` for the root.
pub fn path_at(text: &str, line: usize, column: usize) -> String {
    // serde_json's position is the last byte it consumed: scan up to and including it.
    let end = (offset(text, line, column) + 1).min(text.len());
    let b = text.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let set_state = |stack: &mut Vec<Frame>, s: State| match stack.last_mut() {
        Some(Frame::Object { state, .. }) | Some(Frame::Array { state, .. }) => *state = s,
        None => {}
    };
    let mut i = 0;
    while i < end {
        match b[i] {
            b'{' => {
                set_state(&mut stack, State::Inside);
                stack.push(Frame::Object {
                    key: None,
                    after_colon: false,
                    state: State::Before,
                });
                i += 1;
            }
            b'[' => {
                set_state(&mut stack, State::Inside);
                stack.push(Frame::Array {
                    index: 0,
                    state: State::Before,
                });
                i += 1;
            }
            b'}' | b']' => {
                stack.pop();
                set_state(&mut stack, State::Done);
                i += 1;
            }
            b':' => {
                if let Some(Frame::Object { after_colon, .. }) = stack.last_mut() {
                    *after_colon = true;
                }
                i += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::Object {
                        key,
                        after_colon,
                        state,
                    }) => {
                        *key = None;
                        *after_colon = false;
                        *state = State::Before;
                    }
                    Some(Frame::Array { index, state }) => {
                        *index += 1;
                        *state = State::Before;
                    }
                    None => {}
                }
                i += 1;
            }
            b'"' => {
                // Find the closing quote (skipping escapes); it may lie past `end`.
                let mut j = i + 1;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                let complete = j < end;
                let is_key = matches!(
                    stack.last(),
                    Some(Frame::Object {
                        after_colon: false,
                        ..
                    })
                );
                if is_key {
                    if complete {
                        let raw = &text[i..=j.min(text.len() - 1)];
                        let k = serde_json::from_str::<String>(raw)
                            .unwrap_or_else(|_| raw.trim_matches('"').to_string());
                        if let Some(Frame::Object { key, .. }) = stack.last_mut() {
                            *key = Some(k);
                        }
                    }
                } else {
                    set_state(
                        &mut stack,
                        if complete { State::Done } else { State::Inside },
                    );
                }
                i = j + 1;
            }
            c if c.is_ascii_whitespace() => i += 1,
            _ => {
                // number, true, false, null
                let mut j = i;
                while j < b.len()
                    && matches!(b[j], b'0'..=b'9' | b'a'..=b'z' | b'A'..=b'Z' | b'+' | b'-' | b'.')
                {
                    j += 1;
                }
                set_state(
                    &mut stack,
                    if j < end { State::Done } else { State::Inside },
                );
                i = j.max(i + 1);
            }
        }
    }
    // A value serde_json only peeked at (a `[` or `{` where a string was expected) starts at
    // the next non-blank byte: that value is the one in error.
    let next = b[end..].iter().find(|c| !c.is_ascii_whitespace());
    if let Some(&c) = next {
        let starts_value = matches!(
            c,
            b'{' | b'[' | b'"' | b'-' | b'0'..=b'9' | b't' | b'f' | b'n'
        );
        match stack.last_mut() {
            Some(Frame::Array { state, .. })
            | Some(Frame::Object {
                after_colon: true,
                state,
                ..
            }) if starts_value && *state == State::Before => *state = State::Inside,
            _ => {}
        }
    }
    let mut out = String::new();
    let n = stack.len();
    for (k, frame) in stack.iter().enumerate() {
        let last = k + 1 == n;
        match frame {
            Frame::Object { key, state, .. } => {
                if last && *state == State::Before {
                    break;
                }
                if let Some(key) = key {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(key);
                }
            }
            Frame::Array { index, state } => {
                if last && *state == State::Before {
                    break;
                }
                out.push_str(&format!("[{index}]"));
            }
        }
    }
    if out.is_empty() {
        ".".into()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Feed;
    use serde_json::Value;

    /// serde_path_to_error's path and ours for a broken feed, or None when it parses or the
    /// error is a syntax error.
    fn both(text: &str) -> Option<(String, String)> {
        let de = &mut serde_json::Deserializer::from_str(text);
        let e = serde_path_to_error::deserialize::<_, Feed>(de).err()?;
        let expected = e.path().to_string();
        let inner = e.into_inner();
        if inner.is_syntax() || inner.is_eof() {
            return None;
        }
        let plain = serde_json::from_str::<Feed>(text).unwrap_err();
        assert_eq!(
            (plain.line(), plain.column()),
            (inner.line(), inner.column())
        );
        Some((expected, path_at(text, plain.line(), plain.column())))
    }

    /// Every way of breaking one value: wrong types, out-of-range numbers, unknown variants,
    /// and every object with one key removed.
    fn mutations(v: &Value, out: &mut Vec<Value>, root: &Value, at: &mut Vec<PathStep>) {
        let wrong = [
            Value::Bool(true),
            Value::String("x".into()),
            serde_json::json!(300),
            serde_json::json!(-1),
            serde_json::json!(1.5),
            Value::Array(vec![]),
            serde_json::json!([1]),
            serde_json::json!({}),
            Value::Null,
        ];
        for w in &wrong {
            out.push(replace(root, at, w.clone()));
        }
        match v {
            Value::Object(m) => {
                for k in m.keys() {
                    let mut without = m.clone();
                    without.remove(k);
                    out.push(replace(root, at, Value::Object(without)));
                }
                for (k, x) in m {
                    at.push(PathStep::Key(k.clone()));
                    mutations(x, out, root, at);
                    at.pop();
                }
            }
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    at.push(PathStep::Index(i));
                    mutations(x, out, root, at);
                    at.pop();
                }
            }
            _ => {}
        }
    }

    #[derive(Clone)]
    enum PathStep {
        Key(String),
        Index(usize),
    }

    fn replace(root: &Value, at: &[PathStep], with: Value) -> Value {
        let mut r = root.clone();
        let mut cur = &mut r;
        for s in at {
            cur = match s {
                PathStep::Key(k) => cur.get_mut(k.as_str()).unwrap(),
                PathStep::Index(i) => cur.get_mut(*i).unwrap(),
            };
        }
        *cur = with;
        r
    }

    #[test]
    fn same_path_as_serde_path_to_error_for_every_broken_value() {
        let root: Value =
            serde_json::from_str(include_str!("../../../tests/fixtures/minimal.json")).unwrap();
        let mut cases = Vec::new();
        mutations(&root, &mut cases, &root, &mut Vec::new());
        let mut compared = 0;
        let mut wrong = Vec::new();
        for case in &cases {
            for text in [
                serde_json::to_string(case).unwrap(),
                serde_json::to_string_pretty(case).unwrap(),
            ] {
                if let Some((expected, ours)) = both(&text) {
                    if ours != expected {
                        let e = serde_json::from_str::<Feed>(&text).unwrap_err();
                        wrong.push(format!("expected {expected}, got {ours}: {e}"));
                    }
                    compared += 1;
                }
            }
        }
        assert!(
            wrong.is_empty(),
            "{} of {compared} differ:\n{}",
            wrong.len(),
            wrong[..wrong.len().min(25)].join("\n")
        );
        assert!(compared > 300, "only {compared} shape errors compared");
    }

    #[test]
    fn paths_of_the_fixtures() {
        // a string value read to its closing quote
        assert_eq!(path_at(r#"{"a": {"b": "x"}}"#, 1, 15), "a.b");
        // an object read to its end (missing field)
        assert_eq!(path_at(r#"{"a": {"b": "x"}}"#, 1, 16), "a");
        // a number in an array, over two lines
        assert_eq!(path_at("{\n \"a\": [1,\n 2]}", 3, 2), "a[1]");
        // a map only peeked at after the colon
        assert_eq!(path_at(r#"{"a": {"b": {}}}"#, 1, 11), "a.b");
        assert_eq!(path_at("{}", 1, 2), ".");
    }
}
