//! What the reader is told when the feed cannot be shown, or only an older copy can: one specific
//! message per failure. Plain strings and no DOM, so a native test compares every bad fixture
//! with the text the user sees (`tests/fixture_messages.rs`). The feed's own problems are worded
//! by `veikart_domain::messages` (shared with the command-line tools).

use veikart_domain::messages::decimal;
pub use veikart_domain::messages::{
    issue_line, load_error, rule_title, semantic_headline, size, warnings_headline,
};
use veikart_domain::source::SourceError;
use veikart_domain::validate::Issue;
use veikart_domain::Lang;

use super::{t, tf, tn, K};
use crate::state::api::FeedError;
use crate::state::last_good::Problem;

/// The message for a feed that could not be fetched or read.
pub fn fetch_error(lang: Lang, e: &FeedError) -> String {
    match e {
        FeedError::Network(_) => t(lang, K::ErrNetworkMsg).into(),
        FeedError::Http(404) => t(lang, K::ErrNotFoundMsg).into(),
        FeedError::Http(c) if *c >= 500 => tf(lang, K::ErrServerMsg, &[("c", c)]),
        FeedError::Http(c) => tf(lang, K::ErrHttpMsg, &[("c", c)]),
        FeedError::NotModifiedWithoutCopy => tf(lang, K::ErrHttpMsg, &[("c", &304)]),
        FeedError::Timeout { ms } => {
            let s = decimal(f64::from(*ms) / 1000.0, lang);
            let n = usize::from(s != "1") + 1; // the form: one second, or more
            tn(lang, K::ErrTimeoutMsg, n, &[("n", &s)])
        }
        FeedError::Interrupted(_) => t(lang, K::ErrInterruptedMsg).into(),
        FeedError::Load(l) => load_error(lang, l),
        FeedError::Source(SourceError::NotAllowed { origin }) => {
            tf(lang, K::ErrNotAllowedMsg, &[("origin", origin)])
        }
        FeedError::Source(SourceError::Malformed) => t(lang, K::ErrMalformedSourceMsg).into(),
        FeedError::File { name, why } => tf(lang, K::ErrFileRead, &[("name", name), ("why", why)]),
        FeedError::Workbook { name, lines } => {
            let mut out = tn(lang, K::ErrWorkbook, lines.len(), &[("name", name)]);
            for l in lines {
                out.push('\n');
                out.push_str(l);
            }
            out
        }
        FeedError::Converter { why } => tf(lang, K::ErrConverterMsg, &[("why", why)]),
    }
}

/// Why a comparison could not be made: a fetch error worded for the comparison's own source.
pub fn compare_error(lang: Lang, e: &FeedError) -> String {
    match e {
        FeedError::Source(SourceError::NotAllowed { origin }) => {
            tf(lang, K::ErrCompareNotAllowedMsg, &[("origin", origin)])
        }
        FeedError::Source(SourceError::Malformed) => t(lang, K::ErrCompareMalformedMsg).into(),
        other => fetch_error(lang, other),
    }
}

/// The whole text of a problem, one line per item (what the error view shows, in order).
pub fn problem_text(lang: Lang, p: &Problem) -> String {
    match p {
        Problem::Fetch(e) => fetch_error(lang, e),
        Problem::Semantic(l) => {
            let errors: Vec<&Issue> = l.errors().collect();
            let mut out = semantic_headline(lang, errors.len());
            for i in errors {
                out.push('\n');
                out.push_str(&issue_line(lang, i));
            }
            out
        }
    }
}

/// The banner over a stored copy: "Showing the stored version from …".
pub fn stale_banner(lang: Lang, when: &str) -> String {
    tf(lang, K::StaleBannerMsg, &[("when", &when)])
}

/// A fetch time (ms since the epoch) as date and time in the user's language and time zone.
pub fn fetched_time(ms: f64, lang: Lang) -> String {
    #[cfg(target_arch = "wasm32")]
    {
        use wasm_bindgen::JsValue;
        let opts = js_sys::Object::new();
        for (k, v) in [
            ("day", "numeric"),
            ("month", "long"),
            ("year", "numeric"),
            ("hour", "2-digit"),
            ("minute", "2-digit"),
        ] {
            let _ = js_sys::Reflect::set(&opts, &JsValue::from_str(k), &JsValue::from_str(v));
        }
        let locale = match lang {
            Lang::Nb => "nb-NO",
            Lang::Nn => "nn-NO",
            Lang::En => "en-GB",
        };
        let d = js_sys::Date::new(&JsValue::from_f64(ms));
        String::from(d.to_locale_string(locale, &opts))
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        let _ = lang;
        let secs = (ms / 1000.0).floor() as i64;
        let (days, rem) = (secs.div_euclid(86_400), secs.rem_euclid(86_400));
        let d = veikart_domain::date::Ymd::from_day_number(days);
        format!(
            "{:04}-{:02}-{:02} {:02}:{:02} UTC",
            d.y,
            d.m,
            d.d,
            rem / 3600,
            (rem % 3600) / 60
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn timeout_names_the_seconds() {
        let e = FeedError::Timeout { ms: 1500 };
        assert_eq!(
            fetch_error(Lang::Nb, &e),
            "Serveren svarte ikke innen 1,5 sekunder. Prøv igjen."
        );
        assert_eq!(
            fetch_error(Lang::Nb, &FeedError::Timeout { ms: 1000 }),
            "Serveren svarte ikke innen 1 sekund. Prøv igjen."
        );
        assert!(fetch_error(Lang::En, &FeedError::Timeout { ms: 10_000 }).contains("10 seconds"));
    }

    #[test]
    fn http_errors_differ_by_status() {
        let m404 = fetch_error(Lang::Nb, &FeedError::Http(404));
        let m500 = fetch_error(Lang::Nb, &FeedError::Http(500));
        let m403 = fetch_error(Lang::Nb, &FeedError::Http(403));
        assert!(m404.starts_with("Fant ikke veikartfilen"), "{m404}");
        assert!(m500.contains("HTTP 500") && m500.contains("Prøv igjen om litt"));
        assert!(m403.contains("HTTP 403") && m403 != m404);
    }

    /// Every fetch failure has its own, non-empty text in every language (the comparison's
    /// copy of this used to say nothing for a timeout or a refused source).
    #[test]
    fn every_failure_has_a_message() {
        let all = [
            FeedError::Network("x".into()),
            FeedError::Http(404),
            FeedError::Http(503),
            FeedError::Http(403),
            FeedError::NotModifiedWithoutCopy,
            FeedError::Timeout { ms: 2000 },
            FeedError::Interrupted("x".into()),
            FeedError::Load(veikart_domain::LoadError::Empty),
            FeedError::Source(SourceError::NotAllowed {
                origin: "https://evil.example".into(),
            }),
            FeedError::Source(SourceError::Malformed),
            FeedError::File {
                name: "a.json".into(),
                why: "NotReadableError".into(),
            },
            FeedError::Workbook {
                name: "veikart.xlsx".into(),
                lines: vec!["Milepæler!D14 (dato): «2027-13» er ikke en gyldig dato".into()],
            },
            FeedError::Converter {
                why: "veikart-sheet-worker_bg.wasm: Failed to fetch".into(),
            },
        ];
        for l in Lang::ALL {
            let texts: Vec<String> = all.iter().map(|e| compare_error(l, e)).collect();
            for (e, s) in all.iter().zip(&texts) {
                assert!(s.chars().count() > 12, "{e:?} {l:?}: «{s}»");
                assert!(
                    !s.contains('{'),
                    "{e:?} {l:?}: unfilled placeholder in «{s}»"
                );
            }
            let distinct: std::collections::BTreeSet<&String> = texts.iter().collect();
            assert_eq!(
                distinct.len(),
                texts.len(),
                "{l:?}: two failures read the same"
            );
        }
        assert!(compare_error(Lang::Nb, &all[8]).contains("https://evil.example"));
        assert!(compare_error(Lang::Nb, &all[8]).starts_with("Sammenligningen"));
    }

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn native_fetch_time_is_utc() {
        assert_eq!(
            fetched_time(1_795_392_000_000.0, Lang::Nb),
            "2026-11-23 00:00 UTC"
        );
    }
}
