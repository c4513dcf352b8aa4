//! [`SmallStr`]: the string type of the feed's ids, references, dates and codes.
//!
//! A feed of 5 000 measures holds about 200 000 of them (`"T00001-m0"`, `"2027-Q3"`, `"L276"`,
//! `"syn"`), nearly all of 12 bytes or fewer. As `String`s each was one heap allocation: the
//! allocator was the top function of parsing in wasm. A [`SmallStr`] keeps up to 12 bytes (24 on
//! 64-bit targets) inside itself, in the same 12 bytes a `String` takes, and only longer ones on
//! the heap (`compact_str`). Free text (`Text`, quotes, URLs) stays `String`.
//!
//! It reads like a `&str` (`Deref`, `Borrow<str>`, comparisons with `str` and `String`), hashes
//! like one (so maps keyed by it answer `&str` lookups), and is a plain string in JSON and in
//! the JSON Schema.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;

use compact_str::CompactString;
use serde::{Deserialize, Serialize};

#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct SmallStr(CompactString);

// On every target (checked when compiling, so for wasm32 too): the room of a `String`, with or
// without an `Option` around it.
const _: () = assert!(std::mem::size_of::<SmallStr>() == std::mem::size_of::<String>());
const _: () = assert!(std::mem::size_of::<Option<SmallStr>>() == std::mem::size_of::<String>());

impl SmallStr {
    pub const fn new_inline(s: &'static str) -> SmallStr {
        SmallStr(CompactString::const_new(s))
    }

    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }
}

impl Deref for SmallStr {
    type Target = str;
    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl AsRef<str> for SmallStr {
    fn as_ref(&self) -> &str {
        self.0.as_str()
    }
}

impl Borrow<str> for SmallStr {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Debug for SmallStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for SmallStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for SmallStr {
    fn from(s: &str) -> SmallStr {
        SmallStr(CompactString::new(s))
    }
}

impl From<&String> for SmallStr {
    fn from(s: &String) -> SmallStr {
        SmallStr(CompactString::new(s))
    }
}

impl From<String> for SmallStr {
    fn from(s: String) -> SmallStr {
        SmallStr(CompactString::from(s))
    }
}

impl From<Cow<'_, str>> for SmallStr {
    fn from(s: Cow<'_, str>) -> SmallStr {
        SmallStr(CompactString::new(&s))
    }
}

impl From<SmallStr> for String {
    fn from(s: SmallStr) -> String {
        s.0.into_string()
    }
}

impl From<&SmallStr> for String {
    fn from(s: &SmallStr) -> String {
        s.as_str().to_owned()
    }
}

impl PartialEq<str> for SmallStr {
    fn eq(&self, o: &str) -> bool {
        self.as_str() == o
    }
}

impl PartialEq<&str> for SmallStr {
    fn eq(&self, o: &&str) -> bool {
        self.as_str() == *o
    }
}

impl PartialEq<String> for SmallStr {
    fn eq(&self, o: &String) -> bool {
        self.as_str() == o.as_str()
    }
}

impl PartialEq<SmallStr> for str {
    fn eq(&self, o: &SmallStr) -> bool {
        self == o.as_str()
    }
}

impl PartialEq<SmallStr> for &str {
    fn eq(&self, o: &SmallStr) -> bool {
        *self == o.as_str()
    }
}

impl PartialEq<SmallStr> for String {
    fn eq(&self, o: &SmallStr) -> bool {
        self.as_str() == o.as_str()
    }
}

impl schemars::JsonSchema for SmallStr {
    fn inline_schema() -> bool {
        true
    }

    fn schema_name() -> Cow<'static, str> {
        String::schema_name()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        String::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::SmallStr;
    use std::collections::HashMap;

    #[test]
    fn reads_writes_and_compares_as_a_string() {
        for s in [
            "",
            "syn",
            "T00001-m0",
            "2019-12-27",
            "exactly-12-b",
            "a much longer id than twelve bytes",
            "æøå-ÆØÅ",
        ] {
            let v: SmallStr = serde_json::from_str(&serde_json::to_string(s).unwrap()).unwrap();
            assert_eq!(v, s);
            assert_eq!(v.as_str(), s);
            assert_eq!(
                serde_json::to_string(&v).unwrap(),
                serde_json::to_string(s).unwrap()
            );
            assert_eq!(format!("{v}"), s);
            assert_eq!(format!("{v:?}"), format!("{s:?}"));
            assert_eq!(String::from(v.clone()), s);
        }
        let e = serde_json::from_str::<SmallStr>("3")
            .unwrap_err()
            .to_string();
        assert_eq!(
            e,
            serde_json::from_str::<String>("3").unwrap_err().to_string()
        );
    }

    #[test]
    fn a_map_keyed_by_it_answers_str_lookups() {
        let m: HashMap<SmallStr, u32> = [
            ("pll".into(), 1),
            ("a much longer id than twelve".into(), 2),
        ]
        .into();
        assert_eq!(m.get("pll"), Some(&1));
        assert_eq!(m.get("a much longer id than twelve"), Some(&2));
        assert_eq!(m.get("x"), None);
    }

    #[test]
    fn orders_as_str() {
        let mut v: Vec<SmallStr> = ["b", "a10", "a2", "A"].map(SmallStr::from).to_vec();
        crate::sort::sort(&mut v);
        assert_eq!(v, ["A", "a10", "a2", "b"]);
    }
}
