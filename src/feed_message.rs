//! What the user reads when the feed cannot be shown (or only an older copy can): one specific
//! message per failure, in bokmål, nynorsk and English. Plain strings, no DOM, so a native test
//! can compare every bad fixture with the text the user sees (`tests/fixture_messages.rs`).

use veikart_domain::validate::{schema_major, Issue, LoadError, Rule};
use veikart_domain::Lang;

use crate::api::FeedError;
use crate::last_good::Problem;

/// `1,5` in Norwegian, `1.5` in English; whole numbers without decimals. Integer formatting
/// only (float formatting would add kilobytes to the wasm).
fn decimal(v: f64, lang: Lang) -> String {
    let tenths = (v * 10.0).round().max(0.0) as u64;
    let (whole, frac) = (tenths / 10, tenths % 10);
    if frac == 0 {
        return whole.to_string();
    }
    let sep = match lang {
        Lang::En => '.',
        Lang::Nb | Lang::Nn => ',',
    };
    format!("{whole}{sep}{frac}")
}

/// A byte count for people: `812 byte`, `48,2 kB`, `5 MB` (binary units, as the limit is set).
pub fn size(bytes: usize, lang: Lang) -> String {
    const KB: f64 = 1024.0;
    let b = bytes as f64;
    if b >= KB * KB {
        format!("{} MB", decimal(b / KB / KB, lang))
    } else if b >= KB {
        format!("{} kB", decimal(b / KB, lang))
    } else {
        match lang {
            Lang::En => format!("{bytes} bytes"),
            _ => format!("{bytes} byte"),
        }
    }
}

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

/// The message for a body that is not a readable feed.
pub fn load_error(lang: Lang, e: &LoadError) -> String {
    use Lang::*;
    match e {
        LoadError::Empty => match lang {
            Nb => "Veikartfilen er tom.".into(),
            Nn => "Vegkartfila er tom.".into(),
            En => "The roadmap file is empty.".into(),
        },
        LoadError::TooLarge { bytes, limit } => {
            let (b, l) = (size(*bytes, lang), size(*limit, lang));
            if b == l {
                // Streamed without a length: all we know is that it passed the limit.
                return match lang {
                    Nb => format!("Veikartfilen er større enn grensen på {l}."),
                    Nn => format!("Vegkartfila er større enn grensa på {l}."),
                    En => format!("The roadmap file is larger than the limit of {l}."),
                };
            }
            match lang {
                Nb => format!("Veikartfilen er for stor ({b}); grensen er {l}."),
                Nn => format!("Vegkartfila er for stor ({b}); grensa er {l}."),
                En => format!("The roadmap file is too large ({b}); the limit is {l}."),
            }
        }
        LoadError::Syntax {
            line,
            column,
            message,
        } => match lang {
            Nb => format!("Veikartfilen er ikke gyldig JSON (linje {line}, kolonne {column}): {message}."),
            Nn => format!("Vegkartfila er ikkje gyldig JSON (linje {line}, kolonne {column}): {message}."),
            En => format!("The roadmap file is not valid JSON (line {line}, column {column}): {message}."),
        },
        LoadError::Shape {
            path,
            line,
            column,
            message,
        } => match lang {
            Nb => format!("Feil verdi i veikartfilen ved {path} (linje {line}, kolonne {column}): {message}."),
            Nn => format!("Feil verdi i vegkartfila ved {path} (linje {line}, kolonne {column}): {message}."),
            En => format!("Wrong value in the roadmap file at {path} (line {line}, column {column}): {message}."),
        },
        LoadError::UnsupportedVersion { found, .. } if schema_major(found).is_none() => match lang {
            Nb => format!("Veikartfilen har skjemaversjon «{found}», som ikke er skrevet som tre tall (for eksempel 1.0.0)."),
            Nn => format!("Vegkartfila har skjemaversjon «{found}», som ikkje er skriven som tre tal (til dømes 1.0.0)."),
            En => format!("The roadmap file has schema version «{found}», which is not written as three numbers (for example 1.0.0)."),
        },
        LoadError::UnsupportedVersion { found, supported } => match lang {
            Nb => format!("Veikartfilen har skjemaversjon «{found}», men denne appen kan bare lese versjon {supported}.x. Appen må oppdateres for å vise den."),
            Nn => format!("Vegkartfila har skjemaversjon «{found}», men denne appen kan berre lese versjon {supported}.x. Appen må oppdaterast for å vise ho."),
            En => format!("The roadmap file has schema version «{found}», but this app reads only version {supported}.x. The app must be updated to show it."),
        },
    }
}

/// "The feed has N errors that must be fixed".
pub fn semantic_headline(lang: Lang, errors: usize) -> String {
    match lang {
        Lang::Nb => format!("Veikartfilen har {errors} feil som må rettes:"),
        Lang::Nn => format!("Vegkartfila har {errors} feil som må rettast:"),
        Lang::En if errors == 1 => "The roadmap file has 1 error that must be fixed:".into(),
        Lang::En => format!("The roadmap file has {errors} errors that must be fixed:"),
    }
}

/// "The feed has N warnings" (shown, never blocking).
pub fn warnings_headline(lang: Lang, warnings: usize) -> String {
    match lang {
        Lang::Nb | Lang::Nn if warnings == 1 => "Veikartfilen har 1 merknad til redaktørene".into(),
        Lang::Nb => format!("Veikartfilen har {warnings} merknader til redaktørene"),
        Lang::Nn => format!("Vegkartfila har {warnings} merknader til redaktørane"),
        Lang::En if warnings == 1 => "The roadmap file has 1 note for its editors".into(),
        Lang::En => format!("The roadmap file has {warnings} notes for its editors"),
    }
}

/// What a rule is about, in the user's language (the validator's detail stays as it is: it names
/// the offending values and is read by feed editors).
pub fn rule_title(lang: Lang, rule: Rule) -> &'static str {
    use Lang::*;
    use Rule::*;
    match (rule, lang) {
        (UnsupportedSchemaVersion, Nb) => "Ukjent skjemaversjon",
        (UnsupportedSchemaVersion, Nn) => "Ukjend skjemaversjon",
        (UnsupportedSchemaVersion, En) => "Unsupported schema version",
        (EmptyFeed, Nb | Nn) => "Ingen tiltak",
        (EmptyFeed, En) => "No measures",
        (DuplicateId, Nb) => "Samme id to ganger",
        (DuplicateId, Nn) => "Same id to gonger",
        (DuplicateId, En) => "Id used twice",
        (DanglingReference, Nb) => "Viser til noe som ikke finnes",
        (DanglingReference, Nn) => "Viser til noko som ikkje finst",
        (DanglingReference, En) => "Refers to something that does not exist",
        (UnknownPhase, Nb | Nn) => "Ukjent fase",
        (UnknownPhase, En) => "Unknown phase",
        (UnknownActor, Nb | Nn) => "Ukjent aktør",
        (UnknownActor, En) => "Unknown actor",
        (UnknownGoal, Nb | Nn) => "Ukjent mål",
        (UnknownGoal, En) => "Unknown goal",
        (UnknownSource, Nb) => "Ukjent kildedokument",
        (UnknownSource, Nn) => "Ukjent kjeldedokument",
        (UnknownSource, En) => "Unknown source document",
        (DependencyCycle, Nb) => "Avhengighetene går i ring",
        (DependencyCycle, Nn) => "Avhengnadene går i ring",
        (DependencyCycle, En) => "Dependencies form a cycle",
        (HierarchyCycle, Nb) => "Tiltaket er sin egen overordnede",
        (HierarchyCycle, Nn) => "Tiltaket er sitt eige overordna tiltak",
        (HierarchyCycle, En) => "A measure is its own parent",
        (SelfDependency, Nb) => "Avhenger av seg selv",
        (SelfDependency, Nn) => "Avheng av seg sjølv",
        (SelfDependency, En) => "Depends on itself",
        (EndBeforeStart, Nb) => "Slutter før den starter",
        (EndBeforeStart, Nn) => "Sluttar før han startar",
        (EndBeforeStart, En) => "Ends before it starts",
        (MissingNb, Nb | Nn) => "Mangler bokmålstekst",
        (MissingNb, En) => "No Norwegian Bokmål text",
        (UnparseableDate, Nb | Nn) => "Ugyldig dato",
        (UnparseableDate, En) => "Invalid date",
        (InvalidPriority, Nb | Nn) => "Ugyldig prioritet",
        (InvalidPriority, En) => "Invalid priority",
        (InvalidColor, Nb | Nn) => "Ugyldig farge",
        (InvalidColor, En) => "Invalid colour",
        (UnsafeUrl, Nb) => "Lenken er ikke http(s)",
        (UnsafeUrl, Nn) => "Lenkja er ikkje http(s)",
        (UnsafeUrl, En) => "Link is not http(s)",
        (InvalidScore, Nb | Nn) => "Ugyldig nyttescore",
        (InvalidScore, En) => "Invalid benefit score",
        (MissingSources, Nb) => "Mangler kilde",
        (MissingSources, Nn) => "Manglar kjelde",
        (MissingSources, En) => "No source",
        (InvalidLineRef, Nb | Nn) => "Ugyldig linjereferanse",
        (InvalidLineRef, En) => "Invalid line reference",
        (RoleKindMismatch, Nb) => "Rollen passer ikke til aktøren",
        (RoleKindMismatch, Nn) => "Rolla passar ikkje til aktøren",
        (RoleKindMismatch, En) => "Role does not fit the actor",
        (InferredWithoutNote, Nb) => "Utledet kobling uten begrunnelse",
        (InferredWithoutNote, Nn) => "Utleidd kopling utan grunngjeving",
        (InferredWithoutNote, En) => "Inferred link without a reason",
        (PostponedNotLater, Nb) => "Utsatt, men ikke til senere",
        (PostponedNotLater, Nn) => "Utsett, men ikkje til seinare",
        (PostponedNotLater, En) => "Postponed, but not to a later date",
    }
}

/// One line of the list: pointer, what kind of problem, and the validator's detail.
pub fn issue_line(lang: Lang, i: &Issue) -> String {
    format!(
        "{} — {}: {}",
        if i.pointer.is_empty() {
            "/"
        } else {
            &i.pointer
        },
        rule_title(lang, i.rule),
        i.message
    )
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
    fn sizes_read_naturally() {
        assert_eq!(size(5 * 1024 * 1024, Lang::Nb), "5 MB");
        assert_eq!(size(6_400_000, Lang::Nb), "6,1 MB");
        assert_eq!(size(6_400_000, Lang::En), "6.1 MB");
        assert_eq!(size(2048, Lang::Nn), "2 kB");
        assert_eq!(size(12, Lang::En), "12 bytes");
    }

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
    fn too_large_names_size_and_limit_in_each_language() {
        let e = LoadError::TooLarge {
            bytes: 6_400_000,
            limit: 5 * 1024 * 1024,
        };
        assert_eq!(
            load_error(Lang::Nb, &e),
            "Veikartfilen er for stor (6,1 MB); grensen er 5 MB."
        );
        assert_eq!(
            load_error(Lang::Nn, &e),
            "Vegkartfila er for stor (6,1 MB); grensa er 5 MB."
        );
        assert_eq!(
            load_error(Lang::En, &e),
            "The roadmap file is too large (6.1 MB); the limit is 5 MB."
        );
    }

    #[test]
    fn too_large_without_a_known_size_says_over_the_limit() {
        let e = LoadError::TooLarge {
            bytes: 5 * 1024 * 1024 + 1,
            limit: 5 * 1024 * 1024,
        };
        assert_eq!(
            load_error(Lang::Nb, &e),
            "Veikartfilen er større enn grensen på 5 MB."
        );
    }

    #[test]
    fn every_rule_has_a_title_in_every_language() {
        for r in Rule::ALL {
            for l in Lang::ALL {
                assert!(!rule_title(l, r).is_empty(), "{r:?} {l:?}");
            }
            assert_ne!(rule_title(Lang::Nb, r), rule_title(Lang::En, r), "{r:?}");
        }
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
