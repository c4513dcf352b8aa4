//! Deserialising helpers that keep the parsed feed small.
//!
//! serde's own `Vec` visitor starts empty and grows on push, and `Vec` grows to at least four
//! elements on the first push. Most lists of a feed hold one element (a record's `sources`, a
//! measure's `phases`), so three quarters of their memory was never used: at 5 000 measures that
//! was several megabytes of wasm memory, which a wasm page never gives back.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{Deserialize, Deserializer, SeqAccess, Visitor};

/// A list whose capacity is its length: `#[serde(deserialize_with = "crate::de::tight")]`.
/// Errors read as serde's own ("expected a sequence").
pub fn tight<'de, D, T>(d: D) -> Result<Vec<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    d.deserialize_seq(Tight(PhantomData))
}

struct Tight<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for Tight<T> {
    type Value = Vec<T>;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<T>, A::Error> {
        let Some(first) = seq.next_element()? else {
            return Ok(Vec::new());
        };
        let mut v = Vec::with_capacity(1);
        v.push(first);
        while let Some(x) = seq.next_element()? {
            v.push(x);
        }
        v.shrink_to_fit();
        Ok(v)
    }
}

#[cfg(test)]
mod tests {
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Holder {
        #[serde(default, deserialize_with = "super::tight")]
        items: Vec<u32>,
    }

    fn items(json: &str) -> Vec<u32> {
        serde_json::from_str::<Holder>(json).unwrap().items
    }

    #[test]
    fn capacity_is_length() {
        for n in [0usize, 1, 2, 3, 5, 17, 1000] {
            let list: Vec<String> = (0..n).map(|i| i.to_string()).collect();
            let v = items(&format!("{{\"items\":[{}]}}", list.join(",")));
            assert_eq!(v.len(), n);
            assert_eq!(v.capacity(), n, "{n} elements");
            assert_eq!(v, (0..n as u32).collect::<Vec<_>>());
        }
        assert!(items("{}").is_empty());
    }

    #[test]
    fn errors_read_as_serdes_own() {
        #[derive(Deserialize)]
        struct Plain {
            #[allow(dead_code)]
            items: Vec<u32>,
        }
        for bad in [
            r#"{"items":{}}"#,
            r#"{"items":[1,"x"]}"#,
            r#"{"items":"a"}"#,
            r#"{"items":[1,"#,
        ] {
            let ours = serde_json::from_str::<Holder>(bad)
                .err()
                .unwrap()
                .to_string();
            let theirs = serde_json::from_str::<Plain>(bad)
                .err()
                .unwrap()
                .to_string();
            assert_eq!(ours, theirs, "{bad}");
        }
    }
}
