//! What the user reads when the feed cannot be shown (or only an older copy can): one specific
//! message per failure, in bokmål, nynorsk and English. Plain strings, no DOM, so a native test
//! can compare every bad fixture with the text the user sees (`tests/fixture_messages.rs`).

use veikart_domain::messages::decimal;
pub use veikart_domain::messages::{
    issue_line, load_error, rule_title, semantic_headline, size, warnings_headline,
};
use veikart_domain::validate::Issue;
use veikart_domain::Lang;

use crate::api::FeedError;
use crate::last_good::Problem;

/// The message for a feed that could not be fetched or read.
pub fn fetch_error(lang: Lang, e: &FeedError) -> String {
    use Lang::*;
    match e {
        FeedError::Network(_) => match lang {
            Nb => "Fikk ikke kontakt med serveren som har veikartdataene. Sjekk nettforbindelsen og prøv igjen.".into(),
            Nn => "Fekk ikkje kontakt med serveren som har vegkartdataa. Sjekk nettsambandet og prøv igjen.".into(),
            En => "Could not reach the server that holds the roadmap data. Check the network connection and try again.".into(),
        },
        FeedError::Http(404) => match lang {
            Nb => "Fant ikke veikartfilen på serveren (HTTP 404).".into(),
            Nn => "Fann ikkje vegkartfila på serveren (HTTP 404).".into(),
            En => "The roadmap file was not found on the server (HTTP 404).".into(),
        },
        FeedError::Http(c) if *c >= 500 => match lang {
            Nb => format!("Serveren har en feil og kunne ikke levere veikartfilen (HTTP {c}). Prøv igjen om litt."),
            Nn => format!("Serveren har ein feil og kunne ikkje levere vegkartfila (HTTP {c}). Prøv igjen om litt."),
            En => format!("The server has a fault and could not deliver the roadmap file (HTTP {c}). Try again in a little while."),
        },
        FeedError::Http(c) => match lang {
            Nb => format!("Serveren svarte med en feil (HTTP {c})."),
            Nn => format!("Serveren svarte med ein feil (HTTP {c})."),
            En => format!("The server answered with an error (HTTP {c})."),
        },
        FeedError::Timeout { ms } => {
            let s = decimal(f64::from(*ms) / 1000.0, lang);
            let one = s == "1";
            match lang {
                Nb if one => "Serveren svarte ikke innen 1 sekund. Prøv igjen.".into(),
                Nb => format!("Serveren svarte ikke innen {s} sekunder. Prøv igjen."),
                Nn => format!("Serveren svarte ikkje innan {s} sekund. Prøv igjen."),
                En if one => "The server did not answer within 1 second. Try again.".into(),
                En => format!("The server did not answer within {s} seconds. Try again."),
            }
        }
        FeedError::Interrupted(_) => match lang {
            Nb => "Nedlastingen av veikartfilen ble brutt før den var ferdig. Prøv igjen.".into(),
            Nn => "Nedlastinga av vegkartfila vart broten før ho var ferdig. Prøv igjen.".into(),
            En => "The download of the roadmap file broke off before it was complete. Try again.".into(),
        },
        FeedError::Load(l) => load_error(lang, l),
        FeedError::Source(veikart_domain::source::SourceError::NotAllowed { origin }) => match lang {
            Nb => format!("Veikartet kan ikke hente data fra {origin}: adressen står ikke på listen over tillatte kilder. Fjern «feed=» fra lenken for å se det publiserte veikartet."),
            Nn => format!("Vegkartet kan ikkje hente data frå {origin}: adressa står ikkje på lista over tillatne kjelder. Fjern «feed=» frå lenkja for å sjå det publiserte vegkartet."),
            En => format!("The roadmap cannot load data from {origin}: that address is not on the list of allowed sources. Remove “feed=” from the link to see the published roadmap."),
        },
        FeedError::Source(veikart_domain::source::SourceError::Malformed) => match lang {
            Nb => "Adressen i «feed=» er ugyldig. Bruk en sti på dette nettstedet (som /public/feed.json) eller en https-adresse fra en tillatt kilde.".into(),
            Nn => "Adressa i «feed=» er ugyldig. Bruk ein sti på denne nettstaden (som /public/feed.json) eller ei https-adresse frå ei tillaten kjelde.".into(),
            En => "The address in “feed=” is invalid. Use a path on this site (such as /public/feed.json) or an https address from an allowed source.".into(),
        },
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
    match lang {
        Lang::Nb => format!("Viser lagret versjon fra {when}."),
        Lang::Nn => format!("Viser lagra versjon frå {when}."),
        Lang::En => format!("Showing the stored version from {when}."),
    }
}

/// "Could not fetch a new version:" before the reason, in the banner.
pub fn stale_reason(lang: Lang) -> &'static str {
    match lang {
        Lang::Nb => "Ny versjon kunne ikke hentes:",
        Lang::Nn => "Ny versjon kunne ikkje hentast:",
        Lang::En => "A new version could not be fetched:",
    }
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
        // Howard Hinnant's civil_from_days.
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = doy - (153 * mp + 2) / 5 + 1;
        let m = if mp < 10 { mp + 3 } else { mp - 9 };
        let y = yoe + era * 400 + i64::from(m <= 2);
        format!(
            "{y:04}-{m:02}-{d:02} {:02}:{:02} UTC",
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

    #[test]
    #[cfg(not(target_arch = "wasm32"))]
    fn native_fetch_time_is_utc() {
        assert_eq!(
            fetched_time(1_795_392_000_000.0, Lang::Nb),
            "2026-11-23 00:00 UTC"
        );
    }
}
