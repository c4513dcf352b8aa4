//! Languages and text fallback (nb → nn → en).

use crate::model::Text;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Lang {
    #[default]
    Nb,
    Nn,
    En,
}

impl Lang {
    pub const ALL: [Lang; 3] = [Lang::Nb, Lang::Nn, Lang::En];

    /// BCP 47 tag for `lang` attributes.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Nb => "nb",
            Lang::Nn => "nn",
            Lang::En => "en",
        }
    }

    pub fn from_tag(tag: &str) -> Option<Lang> {
        match tag.trim().to_ascii_lowercase().as_str() {
            "nb" | "no" | "nb-no" | "no-nb" => Some(Lang::Nb),
            "nn" | "nn-no" | "no-nn" => Some(Lang::Nn),
            "en" | "en-gb" | "en-us" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A resolved text and the language it is actually in (differs from the request on fallback).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Resolved<'a> {
    pub text: &'a str,
    pub lang: Lang,
}

/// `s.trim().is_empty()`, without walking the text when it starts with a visible ASCII
/// character (nearly every text does; issue 18).
fn is_blank(s: &str) -> bool {
    match s.as_bytes().first() {
        None => true,
        Some(&b) if b.is_ascii() && !(b as char).is_whitespace() => false,
        Some(_) => s.trim().is_empty(),
    }
}

impl Text {
    pub fn nb(s: impl Into<String>) -> Text {
        Text {
            nb: Some(s.into()),
            ..Text::default()
        }
    }

    fn slot(&self, lang: Lang) -> Option<&str> {
        let s = match lang {
            Lang::Nb => self.nb.as_deref(),
            Lang::Nn => self.nn.as_deref(),
            Lang::En => self.en.as_deref(),
        };
        s.filter(|s| !is_blank(s))
    }

    /// The text in `lang`, else in nb, nn, en (in that order), with the language it is in.
    pub fn resolve(&self, lang: Lang) -> Option<Resolved<'_>> {
        std::iter::once(lang)
            .chain([Lang::Nb, Lang::Nn, Lang::En])
            .find_map(|l| self.slot(l).map(|text| Resolved { text, lang: l }))
    }

    /// The text in `lang` with fallback, or "" when the text is empty in every language.
    pub fn get(&self, lang: Lang) -> &str {
        self.resolve(lang).map(|r| r.text).unwrap_or("")
    }

    /// Whether the required bokmål text is present and not blank.
    pub fn has_nb(&self) -> bool {
        self.slot(Lang::Nb).is_some()
    }

    /// All language variants, for search.
    pub fn variants(&self) -> impl Iterator<Item = &str> {
        [&self.nb, &self.nn, &self.en]
            .into_iter()
            .filter_map(|s| s.as_deref())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(nb: Option<&str>, nn: Option<&str>, en: Option<&str>) -> Text {
        Text {
            nb: nb.map(String::from),
            nn: nn.map(String::from),
            en: en.map(String::from),
        }
    }

    #[test]
    fn requested_language_wins() {
        let x = t(Some("Mål"), Some("Mål nn"), Some("Goal"));
        assert_eq!(x.resolve(Lang::En).unwrap().text, "Goal");
        assert_eq!(x.resolve(Lang::Nn).unwrap().lang, Lang::Nn);
    }

    #[test]
    fn falls_back_nb_then_nn_then_en() {
        let x = t(Some("bokmål"), None, None);
        assert_eq!(
            x.resolve(Lang::En),
            Some(Resolved {
                text: "bokmål",
                lang: Lang::Nb
            })
        );
        let y = t(None, Some("nynorsk"), Some("english"));
        assert_eq!(y.resolve(Lang::Nb).unwrap().lang, Lang::Nn);
        let z = t(None, None, Some("english"));
        assert_eq!(z.resolve(Lang::Nn).unwrap().text, "english");
    }

    #[test]
    fn blank_counts_as_missing() {
        let x = t(Some("  "), None, Some("english"));
        assert!(!x.has_nb());
        assert_eq!(x.get(Lang::Nb), "english");
        assert_eq!(Text::default().get(Lang::Nb), "");
    }

    #[test]
    fn blank_is_what_trim_leaves_empty() {
        for s in [
            "",
            " ",
            "\t\n",
            "\u{b}",
            "\u{a0}",
            "\u{2003}x",
            "x",
            " x ",
            "\u{b}x",
            "å",
            "\u{3000}",
        ] {
            assert_eq!(is_blank(s), s.trim().is_empty(), "{s:?}");
        }
    }

    #[test]
    fn lang_tags_round_trip() {
        for l in Lang::ALL {
            assert_eq!(Lang::from_tag(l.tag()), Some(l));
        }
        assert_eq!(Lang::from_tag("de"), None);
    }
}
