//! One i18n for the whole app: every UI string is a row of `strings.rs` (bokmål, nynorsk,
//! English); `labels.rs` names the feed's enums; `messages.rs` words what went wrong while
//! fetching. Read it through [`use_i18n`]: its methods read the language signal, so any text
//! built inside a reactive closure follows a language switch.
//!
//! The feed's own problems (a load error, a validation rule) are worded by
//! `veikart_domain::messages`, shared with the `veikart-check` and `veikart-sheet` commands.

use std::fmt::Display;

use leptos::prelude::*;
use veikart_domain::Lang;

pub use strings::K;

/// Builds the key enum and the string table from rows `Key => [nb, nn, en]`.
macro_rules! strings {
    ($( $(#[$m:meta])* $key:ident => [$nb:expr, $nn:expr, $en:expr] ),* $(,)?) => {
        /// A UI string. Every key has all three languages.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum K { $( $(#[$m])* $key ),* }
        impl K {
            /// Every key, in table order.
            pub const ALL: &'static [K] = &[$(K::$key),*];
            /// The key names, as written in code (for the unused-key test).
            pub const NAMES: &'static [&'static str] = &[$(stringify!($key)),*];
        }
        pub(super) static TABLE: &[[&str; 3]] = &[$([$nb, $nn, $en]),*];
    };
}
pub mod labels;
pub mod messages;
mod strings;

fn column(lang: Lang) -> usize {
    match lang {
        Lang::Nb => 0,
        Lang::Nn => 1,
        Lang::En => 2,
    }
}

/// The text of `k` in `lang`.
pub fn t(lang: Lang, k: K) -> &'static str {
    strings::TABLE[k as usize][column(lang)]
}

/// `k` with each `{name}` replaced by its value.
pub fn tf(lang: Lang, k: K, args: &[(&str, &dyn Display)]) -> String {
    fill(t(lang, k), args)
}

/// The singular or plural form of `k` for `n`, with `{n}` (and any `args`) filled in.
pub fn tn(lang: Lang, k: K, n: usize, args: &[(&str, &dyn Display)]) -> String {
    let text = t(lang, k);
    let form = match text.split_once('|') {
        Some((one, _)) if n == 1 => one,
        Some((_, other)) => other,
        None => text,
    };
    let mut out = fill(form, args);
    if out.contains("{n}") {
        out = out.replace("{n}", &n.to_string());
    }
    out
}

fn fill(text: &str, args: &[(&str, &dyn Display)]) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        out.push_str(&rest[..start]);
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                let name = &after[..end];
                match args.iter().find(|(n, _)| *n == name) {
                    Some((_, v)) => out.push_str(&v.to_string()),
                    None => {
                        out.push('{');
                        out.push_str(name);
                        out.push('}');
                    }
                }
                rest = &after[end + 1..];
            }
            None => {
                out.push_str(&rest[start..]);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

/// Every UI text of `lang` that reads differently in `other` (whole strings without
/// placeholders): what a test looks for to prove a language switch reached every view.
pub fn texts_unlike(lang: Lang, other: Lang) -> Vec<&'static str> {
    K::ALL
        .iter()
        .map(|&k| (t(lang, k), t(other, k)))
        .filter(|(a, b)| a != b && !a.contains(['{', '|']))
        .map(|(a, _)| a)
        .collect()
}

/// The language signal with the string functions on it. Copy it into closures freely.
#[derive(Clone, Copy)]
pub struct I18n {
    pub lang: Signal<Lang>,
}

impl I18n {
    /// The current language (tracked).
    pub fn lang(self) -> Lang {
        self.lang.get()
    }
    /// The text of `k` in the current language (tracked).
    pub fn t(self, k: K) -> &'static str {
        t(self.lang.get(), k)
    }
    pub fn tf(self, k: K, args: &[(&str, &dyn Display)]) -> String {
        tf(self.lang.get(), k, args)
    }
    pub fn tn(self, k: K, n: usize) -> String {
        tn(self.lang.get(), k, n, &[])
    }
}

/// The app's i18n (from the app state's language).
pub fn use_i18n() -> I18n {
    I18n {
        lang: crate::state::use_app().lang,
    }
}

/// Text of `k` that follows the language: `{tr(i, K::Today)}` in a view.
pub fn tr(i: I18n, k: K) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || i.t(k)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_and_plurals() {
        assert_eq!(
            tf(Lang::Nb, K::ShowingOf, &[("n", &7), ("m", &25)]),
            "Viser 7 av 25 tiltak"
        );
        assert_eq!(tn(Lang::En, K::MeasuresCount, 1, &[]), "1 measure");
        assert_eq!(tn(Lang::En, K::MeasuresCount, 3, &[]), "3 measures");
        assert_eq!(tn(Lang::Nb, K::MeasuresCount, 1, &[]), "1 tiltak");
        assert_eq!(tn(Lang::En, K::SubMeasuresCount, 2, &[]), "2 sub-measures");
        assert_eq!(
            tn(Lang::En, K::ShowingOf, 1, &[("m", &1)]),
            "Showing 1 of 1 measure"
        );
        assert_eq!(fill("a {x} b {y}", &[("x", &1)]), "a 1 b {y}");
        assert_eq!(fill("open { end", &[]), "open { end");
    }

    #[test]
    fn every_key_has_three_different_rows_where_languages_differ() {
        assert_eq!(K::ALL.len(), strings::TABLE.len());
        for (i, k) in K::ALL.iter().enumerate() {
            assert_eq!(*k as usize, i);
            for l in Lang::ALL {
                assert!(!t(l, *k).trim().is_empty(), "{k:?} {l:?} is empty");
            }
        }
    }

    /// A key that no code refers to is dead weight and a trap for translators: fail on it.
    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn every_key_is_used() {
        fn walk(dir: &std::path::Path, out: &mut String) {
            for e in std::fs::read_dir(dir).unwrap() {
                let p = e.unwrap().path();
                if p.is_dir() {
                    walk(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs")
                    && !p.ends_with("i18n/strings.rs")
                {
                    out.push_str(&std::fs::read_to_string(&p).unwrap());
                }
            }
        }
        let mut code = String::new();
        walk(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut code,
        );
        let unused: Vec<&str> = K::NAMES
            .iter()
            .copied()
            .filter(|name| {
                let pat = format!("K::{name}");
                !code.match_indices(&pat).any(|(i, _)| {
                    !code[i + pat.len()..]
                        .starts_with(|c: char| c.is_ascii_alphanumeric() || c == '_')
                })
            })
            .collect();
        assert!(unused.is_empty(), "unused i18n keys: {unused:?}");
    }
}
