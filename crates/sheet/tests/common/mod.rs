//! Shared helpers: load feeds, export/import, and a plain grid model of a workbook that tests
//! edit programmatically (read with calamine, written back with rust_xlsxwriter), the way a person
//! edits in Excel or LibreOffice.
#![allow(dead_code)]

use std::io::Cursor;
use std::path::PathBuf;

use calamine::{Data, Reader, Xlsx};
use serde_json::Value;
use veikart_domain::validate::{load, DEFAULT_MAX_BYTES};
use veikart_domain::Feed;
use veikart_sheet::export::export_workbook;
use veikart_sheet::{import_workbook, Finding, Imported, Lang};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

pub fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

pub fn feed(text: &str) -> Feed {
    load(text, DEFAULT_MAX_BYTES).expect("feed loads").feed
}

/// The feed as the model reads it, as a JSON value (field order irrelevant).
pub fn value(f: &Feed) -> Value {
    serde_json::to_value(f).expect("serialises")
}

pub fn export(f: &Feed) -> Vec<u8> {
    export_workbook(f).expect("exports")
}

pub fn import_ok(bytes: &[u8]) -> Imported {
    match import_workbook(bytes) {
        Ok(i) => i,
        Err(f) => panic!("import failed:\n{}", lines(&f, Lang::Nb).join("\n")),
    }
}

pub fn lines(f: &[Finding], lang: Lang) -> Vec<String> {
    f.iter().map(|x| x.line(lang)).collect()
}

/// Every line (errors and warnings) of an import, in one language.
pub fn all_lines(bytes: &[u8], lang: Lang) -> Vec<String> {
    match import_workbook(bytes) {
        Ok(i) => lines(&i.findings, lang),
        Err(f) => lines(&f, lang),
    }
}

/// A cell of the plain grid.
#[derive(Clone, Debug, PartialEq)]
pub enum C {
    E,
    S(String),
    N(f64),
    B(bool),
    /// A formula (without `=`) and its cached result.
    F(String, String),
}

impl C {
    pub fn s(v: &str) -> C {
        C::S(v.into())
    }
    pub fn text(&self) -> String {
        match self {
            C::E => String::new(),
            C::S(s) => s.clone(),
            C::N(n) => n.to_string(),
            C::B(b) => b.to_string(),
            C::F(_, v) => v.clone(),
        }
    }
}

pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<C>>,
}

impl Sheet {
    /// 0-based column of a header in row 1.
    pub fn col(&self, header: &str) -> usize {
        self.rows[0]
            .iter()
            .position(|c| c.text() == header)
            .unwrap_or_else(|| panic!("{}: no column {header}", self.name))
    }
    /// 0-based row whose `header` column reads `value`.
    pub fn row_where(&self, header: &str, value: &str) -> usize {
        let c = self.col(header);
        self.rows
            .iter()
            .position(|r| r.get(c).map(C::text).as_deref() == Some(value))
            .unwrap_or_else(|| panic!("{}: no row with {header} = {value}", self.name))
    }
    pub fn set(&mut self, row: usize, header: &str, v: C) {
        let c = self.col(header);
        let r = &mut self.rows[row];
        if r.len() <= c {
            r.resize(c + 1, C::E);
        }
        r[c] = v;
    }
    pub fn get(&self, row: usize, header: &str) -> C {
        self.rows[row]
            .get(self.col(header))
            .cloned()
            .unwrap_or(C::E)
    }
    /// Appends a row with these `(header, value)` cells.
    pub fn push(&mut self, cells: &[(&str, C)]) -> usize {
        self.rows.push(vec![]);
        let r = self.rows.len() - 1;
        for (h, v) in cells {
            self.set(r, h, v.clone());
        }
        r
    }
}

pub struct Book {
    pub sheets: Vec<Sheet>,
}

impl Book {
    pub fn read(bytes: &[u8]) -> Book {
        let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes.to_vec())).expect("xlsx");
        let mut sheets = vec![];
        for name in wb.sheet_names() {
            let r = wb.worksheet_range(&name).expect("range");
            let f = wb.worksheet_formula(&name).unwrap_or_default();
            let (h, w) = r.end().map_or((0, 0), |e| (e.0 + 1, e.1 + 1));
            let mut rows = vec![];
            for i in 0..h {
                let mut row = vec![];
                for j in 0..w {
                    let formula = f.get_value((i, j)).filter(|s| !s.is_empty());
                    let v = match r.get_value((i, j)) {
                        None | Some(Data::Empty) => C::E,
                        Some(Data::String(s)) => C::S(s.clone()),
                        Some(Data::Float(x)) => C::N(*x),
                        Some(Data::Int(x)) => C::N(*x as f64),
                        Some(Data::Bool(b)) => C::B(*b),
                        Some(other) => C::S(other.to_string()),
                    };
                    row.push(match formula {
                        Some(fm) => C::F(fm.clone(), v.text()),
                        None => v,
                    });
                }
                rows.push(row);
            }
            sheets.push(Sheet { name, rows });
        }
        Book { sheets }
    }

    pub fn sheet(&mut self, name: &str) -> &mut Sheet {
        self.sheets
            .iter_mut()
            .find(|s| s.name == name)
            .unwrap_or_else(|| panic!("no sheet {name}"))
    }

    pub fn write(&self) -> Vec<u8> {
        let mut wb = rust_xlsxwriter::Workbook::new();
        for s in &self.sheets {
            let ws = wb.add_worksheet();
            ws.set_name(&s.name).unwrap();
            for (i, row) in s.rows.iter().enumerate() {
                for (j, c) in row.iter().enumerate() {
                    let (i, j) = (i as u32, j as u16);
                    match c {
                        C::E => {}
                        C::S(v) => {
                            ws.write_string(i, j, v).unwrap();
                        }
                        C::N(v) => {
                            ws.write_number(i, j, *v).unwrap();
                        }
                        C::B(v) => {
                            ws.write_boolean(i, j, *v).unwrap();
                        }
                        C::F(f, v) => {
                            ws.write_formula(
                                i,
                                j,
                                rust_xlsxwriter::Formula::new(format!("={f}")).set_result(v),
                            )
                            .unwrap();
                        }
                    }
                }
            }
        }
        wb.save_to_buffer().unwrap()
    }
}

/// The synthetic feed of `veikart-synth N SEED` (run through cargo, as the benchmark does).
pub fn synth(n: usize, seed: u64) -> String {
    let out = std::process::Command::new(env!("CARGO"))
        .current_dir(root())
        .args([
            "run",
            "-q",
            "--offline",
            "-p",
            "veikart-domain",
            "--bin",
            "veikart-synth",
            "--",
        ])
        .arg(n.to_string())
        .arg(seed.to_string())
        .output()
        .expect("cargo runs veikart-synth");
    assert!(
        out.status.success(),
        "veikart-synth failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("utf-8")
}
