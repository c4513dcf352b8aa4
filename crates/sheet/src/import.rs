//! `import`: a workbook back to the feed, driven by [`crate::mapping`].
//!
//! 1. Each sheet is read by its column headers (any order; unknown columns, blank rows and extra
//!    sheets are ignored). Each cell is checked for its kind: a formula, an error value, a wrong
//!    type, an unknown choice, a bad date or a missing value is a finding at that cell.
//! 2. Rows are put in order by `nr` (then by position), children are attached to their parent by
//!    id, and sources from the Kilder sheet to their owner by key; every JSON pointer of the
//!    result is remembered with the cell it came from.
//! 3. The `Value` is read into the domain's `Feed` and checked by `veikart_domain::validate`;
//!    every issue is reported at the cell its pointer came from.

use std::collections::HashMap;
use std::io::Cursor;

use calamine::{Data, Range, Reader, Xlsx};
use serde_json::{Map, Number, Value};
use veikart_domain::date::DateSpan;
use veikart_domain::{validate, Feed, Lang, Severity};

use crate::mapping::{self, all_sheets, columns, Column, ColumnRole, Kind, Place, Sheet, SHEETS};
use crate::report::{Cell, Finding, Place as At, Problem};
use crate::{child_key, nr_text, pointer_of, root_key};

/// A workbook that made a feed.
#[derive(Clone, Debug)]
pub struct Imported {
    pub feed: Feed,
    /// The feed as pretty-printed JSON (the model's own serialisation), ending in a newline.
    pub json: String,
    /// What `validate()` found (errors and warnings), each at its cell where known.
    pub findings: Vec<Finding>,
}

impl Imported {
    pub fn errors(&self) -> impl Iterator<Item = &Finding> {
        self.findings
            .iter()
            .filter(|f| f.severity == Severity::Error)
    }
    pub fn has_errors(&self) -> bool {
        self.errors().next().is_some()
    }
}

/// Lines for a list of findings in one language.
pub fn lines(findings: &[Finding], lang: Lang) -> Vec<String> {
    findings.iter().map(|f| f.line(lang)).collect()
}

/// A cell as read.
#[derive(Clone, Debug, PartialEq)]
enum Raw {
    Empty,
    Str(String),
    Num(f64),
    Bool(bool),
    /// An Excel date serial (the cell was turned into a date by the spreadsheet).
    Date(f64),
    Error(String),
}

fn raw(d: Option<&Data>) -> Raw {
    match d {
        None | Some(Data::Empty) => Raw::Empty,
        Some(Data::String(s)) | Some(Data::DateTimeIso(s)) | Some(Data::DurationIso(s)) => {
            if s.trim().is_empty() {
                Raw::Empty
            } else {
                Raw::Str(s.clone())
            }
        }
        Some(Data::Int(i)) => Raw::Num(*i as f64),
        Some(Data::Float(f)) => Raw::Num(*f),
        Some(Data::Bool(b)) => Raw::Bool(*b),
        Some(Data::DateTime(d)) => Raw::Date(d.as_f64()),
        Some(Data::Error(e)) => Raw::Error(format!("{e}")),
    }
}

/// How a number reads as text: `2027`, `2.5`.
fn num_text(n: f64) -> String {
    nr_text(n)
}

/// `YYYY-MM-DD` of an Excel serial (1900 date system).
fn serial_date(serial: f64) -> String {
    // days since 1970-01-01; Excel's day 25569 is 1970-01-01
    let z = serial.floor() as i64 - 25569 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = yoe + era * 400 + i64::from(m <= 2);
    format!("{y:04}-{m:02}-{d:02}")
}

fn raw_display(r: &Raw) -> String {
    match r {
        Raw::Empty => String::new(),
        Raw::Str(s) => s.clone(),
        Raw::Num(n) => num_text(*n),
        Raw::Bool(b) => if *b { "TRUE" } else { "FALSE" }.into(),
        Raw::Date(d) => serial_date(*d),
        Raw::Error(e) => e.clone(),
    }
}

/// A cell's value for its kind: the JSON value (if any) and a problem (if any). A bad date keeps
/// its text, so validation still sees the rest of the record.
fn parse_value(kind: Kind, r: &Raw) -> (Option<Value>, Option<Problem>) {
    let err = |p| (None, Some(p));
    if let Raw::Error(e) = r {
        return err(Problem::ErrorValue(e.clone()));
    }
    if *r == Raw::Empty {
        return (None, None);
    }
    let shown = raw_display(r);
    match kind {
        Kind::Id | Kind::Ref(_) => match r {
            Raw::Str(s) => (Some(Value::from(s.trim())), None),
            Raw::Num(n) => (Some(Value::from(num_text(*n))), None),
            _ => err(Problem::NotText(shown)),
        },
        Kind::Text | Kind::Multi => match r {
            Raw::Str(s) => (Some(Value::from(s.as_str())), None),
            Raw::Num(n) => (Some(Value::from(num_text(*n))), None),
            _ => err(Problem::NotText(shown)),
        },
        Kind::Date => {
            let s = match r {
                Raw::Str(s) => s.trim().to_string(),
                Raw::Num(n) => num_text(*n),
                Raw::Date(d) => serial_date(*d),
                _ => return err(Problem::BadDate(shown)),
            };
            let bad = DateSpan::parse(&s)
                .is_err()
                .then(|| Problem::BadDate(s.clone()));
            (Some(Value::from(s)), bad)
        }
        Kind::Enum(values) => {
            let t = choice_key(&shown);
            match values
                .iter()
                .find(|(j, l)| choice_key(j) == t || choice_key(l) == t)
            {
                Some((j, _)) => (Some(Value::from(*j)), None),
                None => err(Problem::BadEnum {
                    value: shown,
                    allowed: values.iter().map(|(_, l)| *l).collect(),
                }),
            }
        }
        Kind::RefList(_) => {
            let items: Vec<Value> = shown
                .split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(Value::from)
                .collect();
            (Some(Value::Array(items)), None)
        }
        Kind::Int(min, max) => {
            let n = match r {
                Raw::Num(n) if n.fract() == 0.0 && n.abs() < 9.0e15 => *n as i64,
                Raw::Str(s) => match s.trim().parse::<i64>() {
                    Ok(n) => n,
                    Err(_) => return err(Problem::NotInteger(shown)),
                },
                _ => return err(Problem::NotInteger(shown)),
            };
            if n < min || n > max {
                return err(Problem::OutOfRange {
                    value: shown,
                    min,
                    max,
                });
            }
            (Some(Value::from(n)), None)
        }
        Kind::Num => {
            let n = match r {
                Raw::Num(n) => Some(*n),
                Raw::Str(s) => s.trim().replace(',', ".").parse::<f64>().ok(),
                _ => None,
            };
            match n.and_then(Number::from_f64) {
                Some(n) => (Some(Value::Number(n)), None),
                None => err(Problem::NotNumber(shown)),
            }
        }
        Kind::Bool => match r {
            Raw::Bool(b) => (Some(Value::Bool(*b)), None),
            Raw::Num(n) if *n == 0.0 || *n == 1.0 => (Some(Value::Bool(*n == 1.0)), None),
            _ => match shown.trim().to_lowercase().as_str() {
                "ja" | "true" | "sann" | "yes" => (Some(Value::Bool(true)), None),
                "nei" | "false" | "usann" | "no" => (Some(Value::Bool(false)), None),
                _ => err(Problem::NotBool(shown)),
            },
        },
    }
}

/// How a choice is compared: trimmed, lower case, any dash as `-`, runs of spaces as one.
fn choice_key(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
        .replace(['–', '—', '‐', '−'], "-")
}

/// Sets `field` (dotted; `""` is the record) or one language of it.
fn set_field(obj: &mut Map<String, Value>, field: &str, lang: Option<&str>, v: Value) {
    let mut o = obj;
    let mut last = None;
    if !field.is_empty() {
        let mut parts = field.split('.').peekable();
        while let Some(p) = parts.next() {
            if parts.peek().is_none() {
                last = Some(p);
                break;
            }
            o = o
                .entry(p)
                .or_insert_with(|| Value::Object(Map::new()))
                .as_object_mut()
                .expect("intermediate objects are objects");
        }
    }
    match (last, lang) {
        (None, Some(l)) => {
            o.insert(l.into(), v);
        }
        (Some(f), None) => {
            o.insert(f.into(), v);
        }
        (Some(f), Some(l)) => {
            o.entry(f)
                .or_insert_with(|| Value::Object(Map::new()))
                .as_object_mut()
                .expect("a text is an object")
                .insert(l.into(), v);
        }
        (None, None) => {}
    }
}

/// Whether the object holding a (possibly dotted) field exists in the record.
fn holder_exists(obj: &Map<String, Value>, field: &str) -> bool {
    match field.rsplit_once('.') {
        None => true,
        Some((path, _)) => {
            let mut v = obj.get(path.split('.').next().unwrap_or(""));
            for p in path.split('.').skip(1) {
                v = v.and_then(|x| x.get(p));
            }
            v.is_some()
        }
    }
}

/// One record read from a row.
#[derive(Debug)]
struct RecIn {
    row: u32,
    value: Map<String, Value>,
    id: Option<String>,
    parent: Option<String>,
    nr: Option<f64>,
    /// The cell of every column, in [`columns`] order.
    cells: Vec<Cell>,
    /// Where the parent / owner / nr columns are, if any.
    parent_cell: Option<Cell>,
    nr_cell: Option<Cell>,
    /// Items in each RefList column (to map `…/measures/3` back to the cell).
    list_lens: Vec<(usize, usize)>,
}

fn normalize_header(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// Reads one record from its cells (`(column, cell, raw, formula)`).
fn read_record(
    s: &'static Sheet,
    row: u32,
    cells: Vec<(&Column, Cell, Raw, Option<String>)>,
    problems: &mut Vec<Finding>,
) -> RecIn {
    let mut rec = RecIn {
        row,
        value: Map::new(),
        id: None,
        parent: None,
        nr: None,
        cells: vec![],
        parent_cell: None,
        nr_cell: None,
        list_lens: vec![],
    };
    let mut missing_dotted = vec![];
    for (i, (c, cell, r, formula)) in cells.into_iter().enumerate() {
        rec.cells.push(cell.clone());
        if let Some(f) = formula {
            problems.push(Finding::error(At::Cell(cell), Problem::Formula(f)));
            continue;
        }
        match c.what {
            ColumnRole::Parent | ColumnRole::Owner => {
                rec.parent_cell = Some(cell.clone());
                match parse_value(Kind::Ref(&[]), &r) {
                    (Some(Value::String(p)), _) => rec.parent = Some(p),
                    (_, Some(p)) => problems.push(Finding::error(At::Cell(cell), p)),
                    _ if s.parent_optional() => {}
                    _ => problems.push(Finding::error(At::Cell(cell), Problem::Missing)),
                }
            }
            ColumnRole::Nr => {
                rec.nr_cell = Some(cell.clone());
                match parse_value(Kind::Num, &r) {
                    (Some(v), _) => rec.nr = v.as_f64(),
                    (_, Some(p)) => problems.push(Finding::error(At::Cell(cell), p)),
                    _ => {}
                }
            }
            ColumnRole::Field { col, lang } => {
                let (v, p) = parse_value(col.kind, &r);
                let had_problem = p.is_some();
                if let Some(p) = p {
                    problems.push(Finding::error(At::Cell(cell.clone()), p));
                }
                match v {
                    Some(v) => {
                        if col.kind == Kind::Id {
                            rec.id = v.as_str().map(str::to_string);
                        }
                        if let Value::Array(a) = &v {
                            rec.list_lens.push((i, a.len()));
                        }
                        set_field(&mut rec.value, col.field, lang, v);
                    }
                    None if had_problem => {}
                    None if col.required && col.kind != Kind::Multi => {
                        if col.field.contains('.') {
                            missing_dotted.push((col, cell));
                        } else {
                            problems.push(Finding::error(At::Cell(cell), Problem::Missing));
                        }
                    }
                    None => {}
                }
            }
        }
    }
    for (col, cell) in missing_dotted {
        if holder_exists(&rec.value, col.field) {
            problems.push(Finding::error(At::Cell(cell), Problem::Missing));
        }
    }
    // A required text is always there (its nb is checked by validation, at the nb cell).
    for col in s.cols {
        if col.kind == Kind::Multi
            && col.required
            && !col.field.is_empty()
            && holder_exists(&rec.value, col.field)
        {
            let mut o = &mut rec.value;
            let mut parts = col.field.split('.').peekable();
            while let Some(p) = parts.next() {
                let e = o.entry(p).or_insert_with(|| Value::Object(Map::new()));
                if parts.peek().is_none() {
                    break;
                }
                o = e.as_object_mut().expect("object");
            }
        }
    }
    rec
}

/// A sheet of the workbook as read.
struct Grid {
    values: Range<Data>,
    formulas: Range<String>,
}

impl Grid {
    fn raw(&self, row: u32, col: u32) -> Raw {
        raw(self.values.get_value((row, col)))
    }
    fn formula(&self, row: u32, col: u32) -> Option<String> {
        self.formulas
            .get_value((row, col))
            .filter(|f| !f.trim().is_empty())
            .map(|f| f.trim_start_matches('=').to_string())
    }
    fn last_row(&self) -> u32 {
        let a = self.values.end().map_or(0, |e| e.0);
        let b = self.formulas.end().map_or(0, |e| e.0);
        a.max(b)
    }
    fn last_col(&self) -> u32 {
        let a = self.values.end().map_or(0, |e| e.1);
        let b = self.formulas.end().map_or(0, |e| e.1);
        a.max(b)
    }
    fn text(&self, row: u32, col: u32) -> String {
        normalize_header(&raw_display(&self.raw(row, col)))
    }
}

/// Reads a list sheet: header row, then one record per non-blank row.
fn read_rows(s: &'static Sheet, g: &Grid, problems: &mut Vec<Finding>) -> Vec<RecIn> {
    let cols = columns(s);
    let mut at: HashMap<String, Vec<u32>> = HashMap::new();
    for c in 0..=g.last_col() {
        let h = g.text(0, c);
        if !h.is_empty() {
            at.entry(h).or_default().push(c);
        }
    }
    let mut pos = vec![];
    let mut broken = false;
    for c in &cols {
        match at.get(&normalize_header(&c.header)).map(Vec::as_slice) {
            Some([one]) => pos.push(*one),
            Some(_) => {
                problems.push(Finding::error(
                    At::Sheet(s.name),
                    Problem::DuplicateColumn(c.header.clone()),
                ));
                broken = true;
            }
            None => {
                problems.push(Finding::error(
                    At::Sheet(s.name),
                    Problem::MissingColumn(c.header.clone()),
                ));
                broken = true;
            }
        }
    }
    if broken {
        return vec![];
    }
    let mut recs = vec![];
    for row in 1..=g.last_row() {
        let cells: Vec<(&Column, Cell, Raw, Option<String>)> = cols
            .iter()
            .zip(&pos)
            .map(|(c, &col)| {
                let cell = Cell {
                    sheet: s.name,
                    row,
                    col,
                    header: c.header.clone(),
                };
                (c, cell, g.raw(row, col), g.formula(row, col))
            })
            .collect();
        if cells
            .iter()
            .all(|(_, _, r, f)| *r == Raw::Empty && f.is_none())
        {
            continue;
        }
        recs.push(read_record(s, row, cells, problems));
    }
    recs
}

/// Reads the single-record sheet: field names in column A, values in column B.
fn read_vertical(s: &'static Sheet, g: &Grid, problems: &mut Vec<Finding>) -> Vec<RecIn> {
    let mut at: HashMap<String, Vec<u32>> = HashMap::new();
    for r in 1..=g.last_row() {
        let h = g.text(r, 0);
        if !h.is_empty() {
            at.entry(h).or_default().push(r);
        }
    }
    let cols = columns(s);
    let mut cells = vec![];
    for c in &cols {
        match at.get(&normalize_header(&c.header)).map(Vec::as_slice) {
            Some([row]) => {
                let cell = Cell {
                    sheet: s.name,
                    row: *row,
                    col: 1,
                    header: c.header.clone(),
                };
                cells.push((c, cell, g.raw(*row, 1), g.formula(*row, 1)));
            }
            Some(_) => problems.push(Finding::error(
                At::Sheet(s.name),
                Problem::DuplicateRow(c.header.clone()),
            )),
            None => problems.push(Finding::error(
                At::Sheet(s.name),
                Problem::MissingRow(c.header.clone()),
            )),
        }
    }
    if cells.len() < cols.len() {
        return vec![];
    }
    vec![read_record(s, 1, cells, problems)]
}

fn sort_key(r: &RecIn) -> (bool, f64, u32) {
    (r.nr.is_none(), r.nr.unwrap_or(0.0), r.row)
}

fn order(recs: &[RecIn], idx: &mut [usize]) {
    veikart_domain::sort::sort_by(idx, |&a, &b| {
        let (x, y) = (sort_key(&recs[a]), sort_key(&recs[b]));
        x.0.cmp(&y.0).then(x.1.total_cmp(&y.1)).then(x.2.cmp(&y.2))
    });
}

/// Where each JSON pointer came from.
#[derive(Default)]
struct Registry(HashMap<String, At>);

impl Registry {
    fn put(&mut self, pointer: String, at: At) {
        self.0.insert(pointer, at);
    }
    /// The place of a pointer, or of its nearest ancestor that has one.
    fn find(&self, pointer: &str) -> At {
        let mut p = pointer;
        loop {
            if let Some(at) = self.0.get(p) {
                return at.clone();
            }
            match p.rfind('/') {
                Some(i) if i > 0 => p = &p[..i],
                _ => return At::Workbook,
            }
        }
    }
    /// Pointers for every field of a record.
    fn record(&mut self, cols: &[Column], rec: &RecIn, ptr: &str) {
        if let Some(first) = rec.cells.first() {
            self.put(ptr.to_string(), At::Cell(first.clone()));
        }
        for (i, (c, cell)) in cols.iter().zip(&rec.cells).enumerate() {
            let ColumnRole::Field { col, lang } = c.what else {
                continue;
            };
            let fp = if col.field.is_empty() {
                ptr.to_string()
            } else {
                format!("{ptr}/{}", pointer_of(col.field))
            };
            match lang {
                Some(l) => {
                    if l == "nb" {
                        self.put(fp.clone(), At::Cell(cell.clone()));
                    }
                    self.put(format!("{fp}/{l}"), At::Cell(cell.clone()));
                }
                None => {
                    if let Some((_, n)) = rec.list_lens.iter().find(|(ci, _)| *ci == i) {
                        for k in 0..*n {
                            self.put(format!("{fp}/{k}"), At::Cell(cell.clone()));
                        }
                    }
                    self.put(fp, At::Cell(cell.clone()));
                }
            }
        }
    }
}

fn find_sheet_name(names: &[String], want: &str) -> Option<String> {
    names
        .iter()
        .find(|n| *n == want)
        .or_else(|| {
            names
                .iter()
                .find(|n| normalize_header(n) == normalize_header(want))
        })
        .cloned()
}

/// Reads a workbook into a feed. `Err` holds the findings when the cells do not make a feed
/// (a structural or cell problem); `Ok` may still carry validation errors in `findings`.
pub fn import_workbook(bytes: &[u8]) -> Result<Imported, Vec<Finding>> {
    let unreadable = |e: String| vec![Finding::error(At::Workbook, Problem::Unreadable(e))];
    let mut wb: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(e.to_string()))?;
    let names = wb.sheet_names();
    let mut problems = vec![];
    let mut read: Vec<Vec<RecIn>> = vec![];
    for s in all_sheets() {
        let Some(name) = find_sheet_name(&names, s.name) else {
            problems.push(Finding::error(At::Sheet(s.name), Problem::MissingSheet));
            read.push(vec![]);
            continue;
        };
        let values = wb
            .worksheet_range(&name)
            .map_err(|e| unreadable(e.to_string()))?;
        let formulas = wb.worksheet_formula(&name).unwrap_or_default();
        let g = Grid { values, formulas };
        read.push(if s.is_single() {
            read_vertical(s, &g, &mut problems)
        } else {
            read_rows(s, &g, &mut problems)
        });
    }
    let structural = problems.iter().any(|f| {
        matches!(
            f.problem,
            Problem::MissingSheet
                | Problem::MissingColumn(_)
                | Problem::DuplicateColumn(_)
                | Problem::MissingRow(_)
                | Problem::DuplicateRow(_)
        )
    });
    if structural || read[0].is_empty() {
        return Err(problems);
    }
    let kilder = read.pop().expect("Kilder is the last sheet");
    assemble(read, kilder, problems)
}

fn assemble(
    mut recs: Vec<Vec<RecIn>>,
    mut kilder: Vec<RecIn>,
    mut problems: Vec<Finding>,
) -> Result<Imported, Vec<Finding>> {
    let n = SHEETS.len();
    let cols: Vec<Vec<Column>> = SHEETS.iter().map(columns).collect();
    let source_cols = columns(&mapping::SOURCES);
    let index_of = |name: &str| SHEETS.iter().position(|s| s.name == name).expect("sheet");
    let ids: Vec<HashMap<String, usize>> = recs
        .iter()
        .map(|list| {
            let mut m = HashMap::new();
            for (i, r) in list.iter().enumerate() {
                if let Some(id) = &r.id {
                    m.entry(id.clone()).or_insert(i);
                }
            }
            m
        })
        .collect();

    // children[si]: (parent index or usize::MAX for the top level) → ordered record indexes
    let mut children: Vec<Vec<(usize, Vec<usize>)>> = vec![vec![]; n];
    for (si, s) in SHEETS.iter().enumerate() {
        let mut groups: HashMap<usize, Vec<usize>> = HashMap::new();
        for (ri, r) in recs[si].iter().enumerate() {
            let parent = match s.place {
                Place::Child { parent, .. } if mapping::sheet(parent).is_single() => Some(0),
                Place::Either { .. } if r.parent.is_none() => Some(usize::MAX),
                Place::Child { parent, .. } | Place::Either { parent, .. } => {
                    let pi = index_of(parent);
                    match r.parent.as_ref().and_then(|p| ids[pi].get(p)) {
                        Some(&i) => Some(i),
                        None => {
                            if let (Some(p), Some(cell)) = (&r.parent, &r.parent_cell) {
                                problems.push(Finding::error(
                                    At::Cell(cell.clone()),
                                    Problem::UnknownParent {
                                        value: p.clone(),
                                        sheet: parent,
                                    },
                                ));
                            }
                            None
                        }
                    }
                }
                _ => Some(usize::MAX),
            };
            if let Some(p) = parent {
                groups.entry(p).or_default().push(ri);
            }
        }
        let mut g: Vec<(usize, Vec<usize>)> = groups.into_iter().collect();
        veikart_domain::sort::sort_by_key(&mut g, |(p, _)| *p);
        for (_, list) in g.iter_mut() {
            order(&recs[si], list);
        }
        children[si] = g;
    }

    // pointers and Kilder keys, parents first
    let mut ptr: Vec<Vec<Option<String>>> = recs.iter().map(|l| vec![None; l.len()]).collect();
    let mut key: Vec<Vec<Option<String>>> = recs.iter().map(|l| vec![None; l.len()]).collect();
    let mut reg = Registry::default();
    for (si, s) in SHEETS.iter().enumerate() {
        for (p, list) in &children[si] {
            // the array's pointer, and the parent's Kilder key (`None` at the top level)
            let (base, pkey) = match s.place {
                Place::Single(f) => (format!("/{f}"), None),
                Place::Root(f) | Place::Either { root: f, .. } if *p == usize::MAX => {
                    reg.put(format!("/{f}"), At::Sheet(s.name));
                    (format!("/{f}"), None)
                }
                Place::Child { parent, field, .. } | Place::Either { parent, field, .. } => {
                    let pi = index_of(parent);
                    let Some(pp) = ptr[pi][*p].clone() else {
                        continue;
                    };
                    reg.put(format!("{pp}/{field}"), At::Sheet(s.name));
                    let Some(pk) = key[pi][*p].clone() else {
                        continue;
                    };
                    (format!("{pp}/{field}"), Some(pk))
                }
                Place::Root(_) | Place::Sources => unreachable!(),
            };
            let mut seen: HashMap<String, usize> = HashMap::new();
            for (pos, &ri) in list.iter().enumerate() {
                let r = &recs[si][ri];
                let p = if s.is_single() {
                    base.clone()
                } else {
                    format!("{base}/{pos}")
                };
                reg.record(&cols[si], r, &p);
                ptr[si][ri] = Some(p);
                key[si][ri] = if s.has_id() {
                    r.id.clone()
                } else if s.is_single() {
                    Some(s.name.to_string())
                } else if let Some(nr) = r.nr {
                    let k = match &pkey {
                        Some(pk) => child_key(pk, s.name, &nr_text(nr)),
                        None => root_key(s.name, &nr_text(nr)),
                    };
                    if s.sources && seen.insert(k.clone(), ri).is_some() {
                        if let Some(c) = &r.nr_cell {
                            problems.push(Finding::error(
                                At::Cell(c.clone()),
                                Problem::DuplicateNr(nr_text(nr)),
                            ));
                        }
                    }
                    Some(k)
                } else {
                    None
                };
            }
        }
    }

    // Kilder: owner key → (sheet, record, inline object)
    let mut owners: HashMap<String, (usize, usize, Option<&'static str>)> = HashMap::new();
    for (si, s) in SHEETS.iter().enumerate() {
        for (ri, k) in key[si].iter().enumerate() {
            let (Some(k), Some(_)) = (k, &ptr[si][ri]) else {
                continue;
            };
            if s.sources {
                owners.entry(k.clone()).or_insert((si, ri, None));
            }
            for (obj, suffix) in s.inline_sources {
                if recs[si][ri].value.contains_key(*obj) {
                    owners
                        .entry(format!("{k}/{suffix}"))
                        .or_insert((si, ri, Some(*obj)));
                }
            }
        }
    }
    let mut src_groups: HashMap<(usize, usize, Option<&'static str>), Vec<usize>> = HashMap::new();
    for (ki, r) in kilder.iter().enumerate() {
        let Some(owner) = &r.parent else { continue };
        match owners.get(owner) {
            Some(o) => src_groups.entry(*o).or_default().push(ki),
            None => {
                if let Some(c) = &r.parent_cell {
                    problems.push(Finding::error(
                        At::Cell(c.clone()),
                        Problem::UnknownOwner(owner.clone()),
                    ));
                }
            }
        }
    }
    let mut src_groups: Vec<_> = src_groups.into_iter().collect();
    veikart_domain::sort::sort_by_key(&mut src_groups, |(k, _)| *k);
    for ((si, ri, obj), list) in src_groups.iter_mut() {
        order(&kilder, list);
        let owner_ptr = ptr[*si][*ri].clone().expect("owners are placed");
        let base = match obj {
            Some(o) => format!("{owner_ptr}/{o}/sources"),
            None => format!("{owner_ptr}/sources"),
        };
        let mut arr = vec![];
        for (pos, &ki) in list.iter().enumerate() {
            reg.record(&source_cols, &kilder[ki], &format!("{base}/{pos}"));
            arr.push(Value::Object(std::mem::take(&mut kilder[ki].value)));
        }
        let target = &mut recs[*si][*ri].value;
        let target = match obj {
            Some(o) => target
                .get_mut(*o)
                .and_then(Value::as_object_mut)
                .expect("owner object exists"),
            None => target,
        };
        target.insert("sources".into(), Value::Array(arr));
    }

    // every placed parent gets each of its lists, empty if no row names it (a list the model
    // requires, such as a priority list's items, is then there)
    for s in SHEETS {
        let Some(parent) = s.parent() else { continue };
        let Some(field) = s.field_in(parent) else {
            continue;
        };
        let pi = index_of(parent);
        for (ri, r) in recs[pi].iter_mut().enumerate() {
            if ptr[pi][ri].is_some() {
                r.value.entry(field).or_insert_with(|| Value::Array(vec![]));
            }
        }
    }

    // the tree, children first
    let mut feed = Map::new();
    for si in (0..n).rev() {
        let s = &SHEETS[si];
        for (p, list) in &children[si] {
            let mut items: Vec<Value> = list
                .iter()
                .filter(|&&ri| ptr[si][ri].is_some())
                .map(|&ri| Value::Object(std::mem::take(&mut recs[si][ri].value)))
                .collect();
            match s.place {
                Place::Single(f) => {
                    feed.insert(f.into(), items.pop().unwrap_or(Value::Null));
                }
                Place::Root(f) | Place::Either { root: f, .. } if *p == usize::MAX => {
                    feed.insert(f.into(), Value::Array(items));
                }
                Place::Child { parent, field, .. } | Place::Either { parent, field, .. } => {
                    let pi = index_of(parent);
                    recs[pi][*p].value.insert(field.into(), Value::Array(items));
                }
                Place::Root(_) | Place::Sources => unreachable!(),
            }
        }
    }

    let feed: Feed = match serde_json::from_value(Value::Object(feed)) {
        Ok(f) => f,
        Err(e) => {
            problems.push(Finding::error(At::Workbook, Problem::Shape(e.to_string())));
            return Err(problems);
        }
    };
    let problem_cells: std::collections::HashSet<At> =
        problems.iter().map(|f| f.place.clone()).collect();
    let mut findings: Vec<Finding> = validate(&feed)
        .into_iter()
        .map(|i| Finding {
            place: reg.find(&i.pointer),
            problem: Problem::Rule {
                rule: i.rule,
                detail: i.message,
            },
            severity: i.severity,
        })
        .filter(|f| !matches!(f.place, At::Cell(_)) || !problem_cells.contains(&f.place))
        .collect();
    veikart_domain::sort::sort_by(&mut findings, |a, b| {
        (a.severity, &a.place).cmp(&(b.severity, &b.place))
    });
    if !problems.is_empty() {
        problems.extend(findings);
        return Err(problems);
    }
    let json = serde_json::to_string_pretty(&feed).expect("a feed always serialises") + "\n";
    Ok(Imported {
        feed,
        json,
        findings,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn excel_serials_are_dates() {
        assert_eq!(serial_date(25569.0), "1970-01-01");
        assert_eq!(serial_date(46188.0), "2026-06-15");
        assert_eq!(serial_date(45352.0), "2024-03-01");
    }

    #[test]
    fn cells_parse_by_kind() {
        let (v, p) = parse_value(Kind::Date, &Raw::Str("2027-13".into()));
        assert_eq!(v, Some(Value::from("2027-13")));
        assert_eq!(p, Some(Problem::BadDate("2027-13".into())));
        assert_eq!(
            parse_value(Kind::Date, &Raw::Num(2027.0)),
            (Some(Value::from("2027")), None)
        );
        assert_eq!(
            parse_value(Kind::Int(0, 255), &Raw::Num(256.0)).1,
            Some(Problem::OutOfRange {
                value: "256".into(),
                min: 0,
                max: 255
            })
        );
        assert_eq!(
            parse_value(Kind::Int(0, 255), &Raw::Str("tre".into())).1,
            Some(Problem::NotInteger("tre".into()))
        );
        assert_eq!(
            parse_value(Kind::Num, &Raw::Str("12,5".into())).0,
            Some(Value::from(12.5))
        );
        assert_eq!(
            parse_value(
                Kind::Enum(mapping::MILESTONE_KIND),
                &Raw::Str(" Utsatt ".into())
            )
            .0,
            Some(Value::from("postponed"))
        );
        assert_eq!(
            parse_value(
                Kind::Enum(mapping::MILESTONE_KIND),
                &Raw::Str("actual".into())
            )
            .0,
            Some(Value::from("actual"))
        );
        assert_eq!(
            parse_value(Kind::Bool, &Raw::Str("kanskje".into())).1,
            Some(Problem::NotBool("kanskje".into()))
        );
        assert_eq!(
            parse_value(Kind::RefList(&[]), &Raw::Str("A, B,,C ".into())).0,
            Some(serde_json::json!(["A", "B", "C"]))
        );
    }

    #[test]
    fn dotted_fields_make_objects() {
        let mut o = Map::new();
        set_field(&mut o, "goal.note", Some("nb"), Value::from("x"));
        set_field(&mut o, "goal.goal", None, Value::from("mal-1"));
        set_field(&mut o, "", Some("en"), Value::from("y"));
        assert_eq!(
            Value::Object(o.clone()),
            serde_json::json!({"goal": {"note": {"nb": "x"}, "goal": "mal-1"}, "en": "y"})
        );
        assert!(holder_exists(&o, "goal.basis"));
        assert!(!holder_exists(&o, "plan_period.start"));
    }
}
