//! What a person reads about a feed that cannot be used: the load error (empty, too large, not
//! JSON, wrong shape, unsupported version), the headline over semantic errors, and one title per
//! validation rule — in bokmål, nynorsk and English. Plain strings, shared by the app, the
//! `veikart-check` command and the spreadsheet tool, so every channel says the same thing.

use crate::validate::{schema_major, Issue, LoadError, Rule};
use crate::Lang;

/// `1,5` in Norwegian, `1.5` in English; whole numbers without decimals. Integer formatting
/// only (float formatting would add kilobytes to the wasm).
pub fn decimal(v: f64, lang: Lang) -> String {
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
        (InvalidReplaces, Nb) => "Ugyldig erstatning av milepæl",
        (InvalidReplaces, Nn) => "Ugyldig erstatning av milepæl",
        (InvalidReplaces, En) => "Invalid milestone replacement",
        (InvalidPhaseOrder, Nb) => "Fasen kan ikke plasseres i rekkefølgen",
        (InvalidPhaseOrder, Nn) => "Fasen kan ikkje plasserast i rekkjefølgja",
        (InvalidPhaseOrder, En) => "Phase cannot be placed in the sequence",
        (InvalidRiskScale, Nb) => "Risikoverdi utenfor skalaen 1–5",
        (InvalidRiskScale, Nn) => "Risikoverdi utanfor skalaen 1–5",
        (InvalidRiskScale, En) => "Risk value outside the scale 1–5",
        (BasisWithoutNote, Nb) => "Utledet opplysning uten begrunnelse",
        (BasisWithoutNote, Nn) => "Utleidd opplysning utan grunngjeving",
        (BasisWithoutNote, En) => "Inferred fact without a reason",
        (VersionFeatureMismatch, Nb) => "Bruker felt fra en nyere skjemaversjon",
        (VersionFeatureMismatch, Nn) => "Bruker felt frå ein nyare skjemaversjon",
        (VersionFeatureMismatch, En) => "Uses fields of a newer schema version",
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
}
