//! Veikart's spreadsheet round trip (issue 17): the feed as an `.xlsx` workbook that the
//! portfolio office edits in Excel or LibreOffice, and back to the feed JSON.
//!
//! Everything is driven by the table in [`mapping`]: one sheet per kind of record, one row per
//! record, one column per field. Export walks the feed as a `serde_json::Value` (so the mapping
//! names JSON fields, and a new field is one line); import builds the `Value` back from the
//! cells, deserialises it into the domain's [`Feed`] and runs the domain's `validate()`, and
//! reports every problem at its sheet, cell and column header ([`report`]).
//!
//! Reading (`import`) builds for wasm32 too (the browser's Web Worker, `crates/sheet-worker`);
//! writing (`export`, feature `export`) is native only.

#[cfg(feature = "export")]
pub mod export;
pub mod import;
pub mod mapping;
pub mod readme;
pub mod report;

pub use import::{import_workbook, Imported};
pub use report::{Finding, Problem};
pub use veikart_domain::{Feed, Lang};

/// How the Kilder sheet is keyed, for the "Les meg" sheet and the doc.
pub const SOURCES_EXPLAINED: &str = "Kildehenvisningene står samlet på arket Kilder, én rad per henvisning, \
i stedet for i egne kolonner på hvert ark: en post kan ha mange henvisninger, og sitatene er lange. \
Kolonnen «gjelder» sier hvilken post henvisningen hører til: for poster med id er det id-en \
(f.eks. PLL for tiltaket PLL, PLL-m1 for en milepæl, PLL-r1 for en risiko). Poster uten egen id under et tiltak eller en liste (roller, \
faseperioder, ambisjoner, utgangspunkt, status, nytte, andre mål, plasser i prioriteringslister) får nøkkelen tiltak/ark/nr, f.eks. \
PLL/Roller/2 for rollen med nr 2 under tiltaket PLL; rader på Porteføljestatus får ark/nr, f.eks. Porteføljestatus/1. \
Det som står i egne kolonner på en rad har nøkkelen post/kolonne: PLL/hovedmål, PLL/kostnad, PLL/støtte, \
PLL/finansiering, PLL/behandlingsstatus (og PLL-m1/behandlingsstatus, PLL/Ambisjoner/1/behandlingsstatus); veikartets \
egen behandlingsstatus har Veikartet/behandlingsstatus. En ny rad uten id må derfor ha et nr før den kan få kilder. \
«nr» på Kilder gir rekkefølgen på henvisningene til samme post.";

/// The value of `field` (dotted path; `""` is the record itself), and of one language of it.
#[cfg(feature = "export")]
pub(crate) fn get_field<'a>(
    rec: &'a serde_json::Value,
    field: &str,
    lang: Option<&str>,
) -> Option<&'a serde_json::Value> {
    let mut v = rec;
    if !field.is_empty() {
        for part in field.split('.') {
            v = v.get(part)?;
        }
    }
    match lang {
        Some(l) => v.get(l),
        None => Some(v),
    }
}

/// `3` for 3.0, `2.5` for 2.5: how an `nr` is written in a Kilder key.
pub(crate) fn nr_text(nr: f64) -> String {
    if nr.fract() == 0.0 && nr.abs() < 1e15 {
        format!("{}", nr as i64)
    } else {
        format!("{nr}")
    }
}

/// The Kilder key of an id-less record: `<parent key>/<sheet>/<nr>`.
pub(crate) fn child_key(parent_key: &str, sheet: &str, nr: &str) -> String {
    format!("{parent_key}/{sheet}/{nr}")
}

/// The Kilder key of an id-less top-level record: `<sheet>/<nr>`.
pub(crate) fn root_key(sheet: &str, nr: &str) -> String {
    format!("{sheet}/{nr}")
}

/// The JSON pointer token for a field path (`goal.note` → `goal/note`).
pub(crate) fn pointer_of(field: &str) -> String {
    field.replace('.', "/")
}
