//! What import says about a workbook: every finding names the sheet, the cell and the column
//! header, e.g. `Milepæler!D14 (dato): «2027-13» er ikke en gyldig dato`, in bokmål, nynorsk or
//! English. Validation findings use the rule titles of `veikart_domain::messages`, so the sheet
//! tool, `veikart-check` and the app name a problem the same way.

use std::fmt::Write as _;

use veikart_domain::{messages, Lang, Rule, Severity};

/// A cell of the workbook (0-based row and column).
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Cell {
    pub sheet: &'static str,
    pub row: u32,
    pub col: u32,
    pub header: String,
}

/// `A`, `B`, …, `Z`, `AA`, … for a 0-based column.
pub fn column_letters(col: u32) -> String {
    let mut n = col + 1;
    let mut s = Vec::new();
    while n > 0 {
        let r = ((n - 1) % 26) as u8;
        s.push(b'A' + r);
        n = (n - 1) / 26;
    }
    s.reverse();
    String::from_utf8(s).expect("ascii")
}

/// A sheet name as a formula reference: quoted when it has anything but letters and digits.
pub fn sheet_ref(name: &str) -> String {
    if name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        name.to_string()
    } else {
        format!("'{}'", name.replace('\'', "''"))
    }
}

impl Cell {
    /// `D14`.
    pub fn a1(&self) -> String {
        format!("{}{}", column_letters(self.col), self.row + 1)
    }
}

impl std::fmt::Display for Cell {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(
            f,
            "{}!{} ({})",
            sheet_ref(self.sheet),
            self.a1(),
            self.header
        )
    }
}

/// Where a finding is.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Place {
    Workbook,
    Sheet(&'static str),
    Cell(Cell),
}

/// What is wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// The file is not a readable xlsx workbook.
    Unreadable(String),
    MissingSheet,
    MissingColumn(String),
    DuplicateColumn(String),
    /// A field row of the Veikartet sheet (field names in column A) is missing or doubled.
    MissingRow(String),
    DuplicateRow(String),
    /// A formula where a value should be.
    Formula(String),
    /// An error value such as `#REF!`.
    ErrorValue(String),
    /// A required value is empty.
    Missing,
    NotInteger(String),
    OutOfRange {
        value: String,
        min: i64,
        max: i64,
    },
    NotNumber(String),
    NotBool(String),
    NotText(String),
    BadEnum {
        value: String,
        allowed: Vec<&'static str>,
    },
    BadDate(String),
    /// The parent id names no record on the parent sheet.
    UnknownParent {
        value: String,
        sheet: &'static str,
    },
    /// The Kilder row's `gjelder` names no record that has sources.
    UnknownOwner(String),
    /// The same `nr` twice under one parent, on a sheet where `nr` identifies the row.
    DuplicateNr(String),
    /// A finding of the domain's `validate()`.
    Rule {
        rule: Rule,
        detail: String,
    },
    /// The assembled feed does not fit the model (should not happen: the cells are checked).
    Shape(String),
}

/// One finding: where, what, and whether it blocks the import.
#[derive(Clone, Debug, PartialEq)]
pub struct Finding {
    pub place: Place,
    pub problem: Problem,
    pub severity: Severity,
}

impl Finding {
    pub fn error(place: Place, problem: Problem) -> Self {
        Finding {
            place,
            problem,
            severity: Severity::Error,
        }
    }

    /// One line, e.g. `Milepæler!D14 (dato): «2027-13» er ikke en gyldig dato`.
    pub fn line(&self, lang: Lang) -> String {
        let mut s = String::new();
        match &self.place {
            Place::Workbook => {}
            Place::Sheet(name) => {
                let _ = write!(s, "{name}: ");
            }
            Place::Cell(c) => {
                let _ = write!(s, "{c}: ");
            }
        }
        s.push_str(&problem_text(lang, &self.problem));
        s
    }
}

fn list(items: &[&str]) -> String {
    items.join(", ")
}

/// The problem in words (without the place).
pub fn problem_text(lang: Lang, p: &Problem) -> String {
    use Lang::*;
    match p {
        Problem::Unreadable(e) => match lang {
            Nb => format!("Filen kan ikke leses som en Excel-arbeidsbok (.xlsx): {e}"),
            Nn => format!("Fila kan ikkje lesast som ei Excel-arbeidsbok (.xlsx): {e}"),
            En => format!("The file cannot be read as an Excel workbook (.xlsx): {e}"),
        },
        Problem::MissingSheet => match lang {
            Nb => "arket mangler i arbeidsboken".into(),
            Nn => "arket manglar i arbeidsboka".into(),
            En => "the sheet is missing from the workbook".into(),
        },
        Problem::MissingColumn(h) => match lang {
            Nb => format!("kolonnen «{h}» mangler"),
            Nn => format!("kolonnen «{h}» manglar"),
            En => format!("the column «{h}» is missing"),
        },
        Problem::DuplicateColumn(h) => match lang {
            Nb => format!("kolonnen «{h}» finnes to ganger"),
            Nn => format!("kolonnen «{h}» finst to gonger"),
            En => format!("the column «{h}» appears twice"),
        },
        Problem::MissingRow(h) => match lang {
            Nb => format!("raden «{h}» mangler i kolonne A"),
            Nn => format!("rada «{h}» manglar i kolonne A"),
            En => format!("the row «{h}» is missing from column A"),
        },
        Problem::DuplicateRow(h) => match lang {
            Nb => format!("raden «{h}» finnes to ganger i kolonne A"),
            Nn => format!("rada «{h}» finst to gonger i kolonne A"),
            En => format!("the row «{h}» appears twice in column A"),
        },
        Problem::Formula(f) => match lang {
            Nb => format!("cellen har en formel (={f}); skriv inn selve verdien"),
            Nn => format!("cella har ein formel (={f}); skriv inn sjølve verdien"),
            En => format!("the cell holds a formula (={f}); type the value itself"),
        },
        Problem::ErrorValue(v) => match lang {
            Nb => format!("cellen har feilverdien {v}"),
            Nn => format!("cella har feilverdien {v}"),
            En => format!("the cell holds the error value {v}"),
        },
        Problem::Missing => match lang {
            Nb => "må fylles ut".into(),
            Nn => "må fyllast ut".into(),
            En => "must be filled in".into(),
        },
        Problem::NotInteger(v) => match lang {
            Nb => format!("«{v}» er ikke et heltall"),
            Nn => format!("«{v}» er ikkje eit heiltal"),
            En => format!("«{v}» is not a whole number"),
        },
        Problem::OutOfRange { value, min, max } => match lang {
            Nb => format!("«{value}» er utenfor {min}–{max}"),
            Nn => format!("«{value}» er utanfor {min}–{max}"),
            En => format!("«{value}» is outside {min}–{max}"),
        },
        Problem::NotNumber(v) => match lang {
            Nb => format!("«{v}» er ikke et tall"),
            Nn => format!("«{v}» er ikkje eit tal"),
            En => format!("«{v}» is not a number"),
        },
        Problem::NotBool(v) => match lang {
            Nb => format!("«{v}» er verken «ja» eller «nei»"),
            Nn => format!("«{v}» er verken «ja» eller «nei»"),
            En => format!("«{v}» is neither «ja» (yes) nor «nei» (no)"),
        },
        Problem::NotText(v) => match lang {
            Nb => format!("«{v}» er ikke tekst"),
            Nn => format!("«{v}» er ikkje tekst"),
            En => format!("«{v}» is not text"),
        },
        Problem::BadEnum { value, allowed } => match lang {
            Nb => format!("«{value}» er ikke et av valgene: {}", list(allowed)),
            Nn => format!("«{value}» er ikkje eitt av vala: {}", list(allowed)),
            En => format!("«{value}» is not one of the choices: {}", list(allowed)),
        },
        Problem::BadDate(value) => match lang {
            Nb => format!("«{value}» er ikke en gyldig dato"),
            Nn => format!("«{value}» er ikkje ein gyldig dato"),
            En => format!("«{value}» is not a valid date"),
        },
        Problem::UnknownParent { value, sheet } => match lang {
            Nb => format!("«{value}» finnes ikke på arket {sheet}"),
            Nn => format!("«{value}» finst ikkje på arket {sheet}"),
            En => format!("«{value}» does not exist on the sheet {sheet}"),
        },
        Problem::UnknownOwner(v) => match lang {
            Nb => format!("«{v}» er ikke en post som kan ha kilder (en id, eller tiltak/ark/nr som «PLL/Roller/2»)"),
            Nn => format!("«{v}» er ikkje ein post som kan ha kjelder (ein id, eller tiltak/ark/nr som «PLL/Roller/2»)"),
            En => format!("«{v}» is not a record that can have sources (an id, or measure/sheet/nr such as «PLL/Roller/2»)"),
        },
        Problem::DuplicateNr(v) => match lang {
            Nb => format!("nr {v} er brukt to ganger for samme tiltak; nr identifiserer raden her"),
            Nn => format!("nr {v} er brukt to gonger for same tiltak; nr identifiserer rada her"),
            En => format!("nr {v} is used twice for the same parent; here nr identifies the row"),
        },
        Problem::Rule { rule, detail } => {
            format!("{} – {detail}", messages::rule_title(lang, *rule))
        }
        Problem::Shape(e) => match lang {
            Nb => format!("arbeidsboken gir ikke et gyldig veikart: {e}"),
            Nn => format!("arbeidsboka gir ikkje eit gyldig vegkart: {e}"),
            En => format!("the workbook does not make a valid roadmap: {e}"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn column_letters_follow_excel() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(3), "D");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(27), "AB");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
    }

    #[test]
    fn a_cell_reads_like_the_issue() {
        let c = Cell {
            sheet: "Milepæler",
            row: 13,
            col: 3,
            header: "dato".into(),
        };
        let f = Finding::error(Place::Cell(c), Problem::BadDate("2027-13".into()));
        assert_eq!(
            f.line(Lang::Nb),
            "Milepæler!D14 (dato): «2027-13» er ikke en gyldig dato"
        );
        assert_eq!(
            f.line(Lang::En),
            "Milepæler!D14 (dato): «2027-13» is not a valid date"
        );
        let spaced = Cell {
            sheet: "Andre navn",
            row: 1,
            col: 0,
            header: "tiltak".into(),
        };
        assert_eq!(spaced.to_string(), "'Andre navn'!A2 (tiltak)");
    }
}
