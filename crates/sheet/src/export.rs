//! `export`: the feed as a workbook, driven by [`crate::mapping`]. Refuses (with a message) a
//! feed holding a value the mapping cannot carry, so an export is always lossless.

use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, Format, FormatBorder, Formula, Workbook, Worksheet,
    XlsxError,
};
use serde_json::Value;
use veikart_domain::Feed;

use crate::mapping::{self, columns, Col, ColumnRole, Kind, Place, Sheet, SHEETS};
use crate::readme::{readme_rows, ReadmeRow};
use crate::report::sheet_ref;
use crate::{child_key, get_field, root_key};

/// Last row (0-based) that the drop-down lists cover.
const LAST_ROW: u32 = 1_048_575;

/// One record of a sheet, as found in the feed.
#[derive(Clone, Debug)]
pub struct Rec<'a> {
    pub value: &'a Value,
    /// The parent record's id (child sheets under a list).
    pub parent: Option<&'a str>,
    /// 1-based position in its list.
    pub nr: usize,
    /// The key the Kilder sheet uses for it: its id, or `<parent key>/<sheet>/<nr>`.
    pub key: String,
}

/// One row of the Kilder sheet.
#[derive(Clone, Debug)]
pub struct SourceRow<'a> {
    pub owner: String,
    pub nr: usize,
    pub value: &'a Value,
}

/// The records of every sheet of [`SHEETS`] (same index), parents before children.
pub fn records(feed: &Value) -> Result<Vec<Vec<Rec<'_>>>, String> {
    let mut out: Vec<Vec<Rec<'_>>> = Vec::with_capacity(SHEETS.len());
    for s in SHEETS {
        let mut recs = vec![];
        match s.place {
            Place::Single(f) => {
                let v = feed
                    .get(f)
                    .ok_or_else(|| format!("the feed has no «{f}»"))?;
                recs.push(Rec {
                    value: v,
                    parent: None,
                    nr: 1,
                    key: s.name.to_string(),
                });
            }
            Place::Root(f) => {
                for (i, v) in array(feed.get(f), f)?.iter().enumerate() {
                    recs.push(Rec {
                        value: v,
                        parent: None,
                        nr: i + 1,
                        key: own_key(s, v, "", i + 1),
                    });
                }
            }
            Place::Child { parent, field, .. } | Place::Either { parent, field, .. } => {
                if let Place::Either { root, .. } = s.place {
                    for (i, v) in array(feed.get(root), root)?.iter().enumerate() {
                        recs.push(Rec {
                            value: v,
                            parent: None,
                            nr: i + 1,
                            key: own_key(s, v, "", i + 1),
                        });
                    }
                }
                let pi = index_of(parent);
                for p in &out[pi] {
                    let pid = if mapping::sheet(parent).is_single() {
                        None
                    } else {
                        p.value.get("id").and_then(Value::as_str)
                    };
                    for (i, v) in array(p.value.get(field), field)?.iter().enumerate() {
                        recs.push(Rec {
                            value: v,
                            parent: pid,
                            nr: i + 1,
                            key: own_key(s, v, &p.key, i + 1),
                        });
                    }
                }
            }
            Place::Sources => unreachable!("Kilder is not in SHEETS"),
        }
        out.push(recs);
    }
    Ok(out)
}

/// The Kilder rows: every `sources` array of every record, in sheet order.
pub fn source_rows<'a>(recs: &[Vec<Rec<'a>>]) -> Result<Vec<SourceRow<'a>>, String> {
    let mut rows = vec![];
    for (s, list) in SHEETS.iter().zip(recs) {
        for r in list {
            let mut owners: Vec<(String, Option<&Value>)> = vec![];
            if s.sources {
                owners.push((r.key.clone(), r.value.get("sources")));
            }
            for (obj, suffix) in s.inline_sources {
                if let Some(o) = r.value.get(*obj) {
                    owners.push((format!("{}/{suffix}", r.key), o.get("sources")));
                }
            }
            for (owner, list) in owners {
                for (i, v) in array(list, "sources")?.iter().enumerate() {
                    rows.push(SourceRow {
                        owner: owner.clone(),
                        nr: i + 1,
                        value: v,
                    });
                }
            }
        }
    }
    Ok(rows)
}

fn own_key(s: &Sheet, v: &Value, parent_key: &str, nr: usize) -> String {
    if s.has_id() {
        v.get("id")
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    } else if parent_key.is_empty() {
        root_key(s.name, &nr.to_string())
    } else {
        child_key(parent_key, s.name, &nr.to_string())
    }
}

fn index_of(name: &str) -> usize {
    SHEETS
        .iter()
        .position(|s| s.name == name)
        .expect("parent sheet is in SHEETS")
}

fn array<'a>(v: Option<&'a Value>, what: &str) -> Result<&'a [Value], String> {
    match v {
        None | Some(Value::Null) => Ok(&[]),
        Some(Value::Array(a)) => Ok(a),
        Some(_) => Err(format!("«{what}» is not a list")),
    }
}

/// What goes into one cell.
#[derive(Clone, Debug, PartialEq)]
pub enum Out {
    Empty,
    Str(String),
    Num(f64),
}

/// The cell for one column of a record (`None` value: the field is absent).
pub fn cell_out(col: &Col, v: Option<&Value>) -> Result<Out, String> {
    let v = match v {
        None | Some(Value::Null) => return Ok(Out::Empty),
        Some(v) => v,
    };
    let bad = || format!("field «{}» has an unexpected value {v}", col.field);
    Ok(match col.kind {
        Kind::Id | Kind::Text | Kind::Multi | Kind::Ref(_) | Kind::Date => {
            let s = v.as_str().ok_or_else(bad)?;
            if s.is_empty() {
                return Err(format!(
                    "field «{}» is an empty text, which a spreadsheet cannot tell from no value",
                    col.field
                ));
            }
            Out::Str(s.to_string())
        }
        Kind::Enum(values) => {
            let s = v.as_str().ok_or_else(bad)?;
            let label = values
                .iter()
                .find(|(j, _)| *j == s)
                .map(|(_, l)| *l)
                .ok_or_else(|| format!("«{s}» is not a known value of «{}»", col.field))?;
            Out::Str(label.to_string())
        }
        Kind::RefList(_) => {
            let items = v.as_array().ok_or_else(bad)?;
            let mut ids = vec![];
            for i in items {
                let s = i.as_str().ok_or_else(bad)?;
                if s.is_empty() || s.contains(',') || s.trim() != s {
                    return Err(format!(
                        "«{s}» in «{}» cannot be written in a comma-separated list",
                        col.field
                    ));
                }
                ids.push(s);
            }
            if ids.is_empty() {
                Out::Empty
            } else {
                Out::Str(ids.join(", "))
            }
        }
        Kind::Int(_, _) | Kind::Num => Out::Num(v.as_f64().ok_or_else(bad)?),
        Kind::Bool => Out::Str(
            if v.as_bool().ok_or_else(bad)? {
                "ja"
            } else {
                "nei"
            }
            .into(),
        ),
    })
}

/// Checks that every field of a record has a column (or a sheet), so nothing is dropped.
fn check_mapped(s: &Sheet, v: &Value, key: &str) -> Result<(), String> {
    let obj = v
        .as_object()
        .ok_or_else(|| format!("{}: record «{key}» is not an object", s.name))?;
    let unmapped = |field: &str| {
        format!(
            "{}: «{key}» has the field «{field}», which has no column in the workbook mapping (crates/sheet/src/mapping.rs)",
            s.name
        )
    };
    let multi_keys = |t: &Value, field: &str| -> Result<(), String> {
        let o = t.as_object().ok_or_else(|| unmapped(field))?;
        for (k, x) in o {
            if !mapping::LANGS.contains(&k.as_str()) {
                return Err(unmapped(&format!("{field}.{k}")));
            }
            if x.as_str().is_none_or(str::is_empty) {
                return Err(format!(
                    "{}: «{key}» has an empty or non-text «{field}.{k}»",
                    s.name
                ));
            }
        }
        if o.is_empty() && !s.cols.iter().any(|c| c.field == field && c.required) {
            return Err(format!(
                "{}: «{key}» has an empty optional text «{field}», which a spreadsheet cannot tell from no text",
                s.name
            ));
        }
        Ok(())
    };
    if s.cols.len() == 1 && s.cols[0].field.is_empty() {
        return multi_keys(v, "");
    }
    for (k, x) in obj {
        if k == "sources" && s.sources {
            continue;
        }
        if SHEETS
            .iter()
            .any(|c| c.field_in(s.name) == Some(k.as_str()))
        {
            continue;
        }
        if let Some(c) = s.cols.iter().find(|c| c.field == k) {
            if c.kind == Kind::Multi && !x.is_null() {
                multi_keys(x, k)?;
            }
            continue;
        }
        // an inline object: its fields are dotted columns
        let inner: Vec<&Col> = s
            .cols
            .iter()
            .filter(|c| c.field.split_once('.').is_some_and(|(o, _)| o == k))
            .collect();
        if inner.is_empty() {
            return Err(unmapped(k));
        }
        if x.is_null() {
            continue;
        }
        let o = x.as_object().ok_or_else(|| unmapped(k))?;
        if !o.keys().any(|ik| ik != "sources") {
            return Err(format!(
                "{}: «{key}» has an empty «{k}», which a spreadsheet cannot tell from none",
                s.name
            ));
        }
        for (ik, ix) in o {
            let dotted = format!("{k}.{ik}");
            if ik == "sources" && s.inline_sources.iter().any(|(obj, _)| obj == k) {
                continue;
            }
            match inner.iter().find(|c| c.field == dotted) {
                None => return Err(unmapped(&dotted)),
                Some(c) if c.kind == Kind::Multi => multi_keys(ix, &dotted)?,
                Some(_) => {}
            }
        }
    }
    Ok(())
}

fn width(c: &mapping::Column) -> f64 {
    match c.what {
        ColumnRole::Nr => 6.0,
        ColumnRole::Parent | ColumnRole::Owner => 16.0,
        ColumnRole::Field { col, lang } => match col.kind {
            Kind::Id | Kind::Ref(_) => 20.0,
            Kind::RefList(_) => 28.0,
            Kind::Date => 13.0,
            Kind::Enum(_) => 16.0,
            Kind::Int(_, _) | Kind::Num | Kind::Bool => 9.0,
            Kind::Text => 22.0,
            Kind::Multi if lang == Some("nb") => 44.0,
            Kind::Multi => 30.0,
        },
    }
}

/// Whether typed input in the column must stay text (Excel would make `2027-06` a date).
fn is_text_column(c: &mapping::Column) -> bool {
    match c.what {
        ColumnRole::Nr => false,
        ColumnRole::Parent | ColumnRole::Owner => true,
        ColumnRole::Field { col, .. } => !matches!(col.kind, Kind::Int(_, _) | Kind::Num),
    }
}

/// The drop-down list for a column, if it has one.
fn validation(c: &mapping::Column, s: &Sheet) -> Result<Option<DataValidation>, XlsxError> {
    let id_list = |target: &str| -> Result<DataValidation, XlsxError> {
        DataValidation::new()
            .allow_list_formula(Formula::new(format!(
                "={}!$A$2:$A${}",
                sheet_ref(target),
                LAST_ROW + 1
            )))
            .set_error_style(DataValidationErrorStyle::Warning)
            .set_error_title("Ukjent id")?
            .set_error_message(format!(
                "Verdien finnes ikke i første kolonne på arket {target}. Legg den til der, eller velg fra listen."
            ))
    };
    Ok(match c.what {
        ColumnRole::Parent => s.parent().map(id_list).transpose()?,
        ColumnRole::Field { col, .. } => match col.kind {
            Kind::Enum(values) => {
                let labels: Vec<&str> = values.iter().map(|(_, l)| *l).collect();
                Some(
                    DataValidation::new()
                        .allow_list_strings(&labels)?
                        .set_error_title("Ugyldig valg")?
                        .set_error_message(format!("Velg en av: {}", labels.join(", ")))?,
                )
            }
            Kind::Bool => Some(DataValidation::new().allow_list_strings(&["ja", "nei"])?),
            Kind::Ref([target]) => Some(id_list(target)?),
            _ => None,
        },
        _ => None,
    })
}

struct Formats {
    header: Format,
    text: Format,
    title: Format,
    heading: Format,
    wrap: Format,
}

fn formats() -> Formats {
    Formats {
        header: Format::new()
            .set_bold()
            .set_background_color(0xDCE6F1)
            .set_border_bottom(FormatBorder::Thin)
            .set_num_format("@"),
        text: Format::new().set_num_format("@"),
        title: Format::new().set_bold().set_font_size(16),
        heading: Format::new().set_bold().set_font_size(12),
        wrap: Format::new().set_text_wrap(),
    }
}

fn xerr(e: XlsxError) -> String {
    format!("could not write the workbook: {e}")
}

/// The feed as an xlsx workbook (bytes).
pub fn export_workbook(feed: &Feed) -> Result<Vec<u8>, String> {
    let v = serde_json::to_value(feed).map_err(|e| e.to_string())?;
    export_value(&v)
}

/// The feed (as JSON) as an xlsx workbook (bytes).
pub fn export_value(feed: &Value) -> Result<Vec<u8>, String> {
    let top = feed
        .as_object()
        .ok_or_else(|| "the feed is not an object".to_string())?;
    if let Some(k) = top
        .keys()
        .find(|k| !SHEETS.iter().any(|s| s.root_field() == Some(k.as_str())))
    {
        return Err(format!(
            "the feed has the field «{k}», which has no sheet in the workbook mapping (crates/sheet/src/mapping.rs)"
        ));
    }
    let recs = records(feed)?;
    for (s, list) in SHEETS.iter().zip(&recs) {
        for r in list {
            check_mapped(s, r.value, &r.key)?;
        }
    }
    let sources = source_rows(&recs)?;
    let known_source: Vec<&str> = mapping::SOURCES.cols.iter().map(|c| c.field).collect();
    for r in &sources {
        let o = r
            .value
            .as_object()
            .ok_or_else(|| format!("a source of «{}» is not an object", r.owner))?;
        if let Some(k) = o.keys().find(|k| !known_source.contains(&k.as_str())) {
            return Err(format!(
                "a source of «{}» has the field «{k}», which has no column on the Kilder sheet",
                r.owner
            ));
        }
    }

    let f = formats();
    let mut wb = Workbook::new();
    write_readme(wb.add_worksheet(), &f).map_err(xerr)?;
    for (s, list) in SHEETS.iter().zip(&recs) {
        let ws = wb.add_worksheet();
        ws.set_name(s.name).map_err(xerr)?;
        if s.is_single() {
            write_vertical(ws, s, list[0].value, &f)?;
        } else {
            let rows: Vec<(Option<&str>, usize, &Value)> =
                list.iter().map(|r| (r.parent, r.nr, r.value)).collect();
            write_rows(ws, s, &rows, &f)?;
        }
    }
    let ws = wb.add_worksheet();
    ws.set_name(mapping::SOURCES.name).map_err(xerr)?;
    let rows: Vec<(Option<&str>, usize, &Value)> = sources
        .iter()
        .map(|r| (Some(r.owner.as_str()), r.nr, r.value))
        .collect();
    write_rows(ws, &mapping::SOURCES, &rows, &f)?;
    wb.save_to_buffer().map_err(xerr)
}

fn write_cell(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    out: Out,
    text: bool,
    f: &Formats,
) -> Result<(), String> {
    match out {
        Out::Empty => Ok(()),
        Out::Str(s) => {
            if s.encode_utf16().count() > 32_767 {
                return Err(format!(
                    "a text of {} characters is longer than a cell can hold (32 767)",
                    s.chars().count()
                ));
            }
            if text {
                ws.write_string_with_format(row, col, s, &f.text)
            } else {
                ws.write_string(row, col, s)
            }
            .map(|_| ())
            .map_err(xerr)
        }
        Out::Num(n) => ws.write_number(row, col, n).map(|_| ()).map_err(xerr),
    }
}

/// A list sheet: header row, one row per record.
fn write_rows(
    ws: &mut Worksheet,
    s: &'static Sheet,
    rows: &[(Option<&str>, usize, &Value)],
    f: &Formats,
) -> Result<(), String> {
    let cols = columns(s);
    let mut keys = 0u16;
    for (ci, c) in cols.iter().enumerate() {
        let ci = ci as u16;
        ws.write_string_with_format(0, ci, &c.header, &f.header)
            .map_err(xerr)?;
        ws.set_column_width(ci, width(c)).map_err(xerr)?;
        if is_text_column(c) {
            ws.set_column_format(ci, &f.text).map_err(xerr)?;
        }
        if let Some(dv) = validation(c, s).map_err(xerr)? {
            ws.add_data_validation(1, ci, LAST_ROW, ci, &dv)
                .map_err(xerr)?;
        }
        let is_key = match c.what {
            ColumnRole::Field { col, .. } => col.kind == Kind::Id,
            _ => true,
        };
        if is_key && keys == ci {
            keys += 1;
        }
    }
    for (ri, (parent, nr, v)) in rows.iter().enumerate() {
        let row = ri as u32 + 1;
        for (ci, c) in cols.iter().enumerate() {
            let out = match c.what {
                ColumnRole::Parent | ColumnRole::Owner => {
                    parent.map_or(Out::Empty, |p| Out::Str(p.to_string()))
                }
                ColumnRole::Nr => Out::Num(*nr as f64),
                ColumnRole::Field { col, lang } => cell_out(col, get_field(v, col.field, lang))?,
            };
            write_cell(ws, row, ci as u16, out, is_text_column(c), f)?;
        }
    }
    ws.set_freeze_panes(1, keys).map_err(xerr)?;
    ws.autofilter(0, 0, rows.len() as u32, cols.len() as u16 - 1)
        .map_err(xerr)?;
    Ok(())
}

/// The single-record sheet (Veikartet): one row per field (felt | verdi | forklaring).
fn write_vertical(
    ws: &mut Worksheet,
    s: &'static Sheet,
    v: &Value,
    f: &Formats,
) -> Result<(), String> {
    for (ci, h) in ["felt", "verdi", "forklaring"].iter().enumerate() {
        ws.write_string_with_format(0, ci as u16, *h, &f.header)
            .map_err(xerr)?;
    }
    ws.set_column_width(0, 22).map_err(xerr)?;
    ws.set_column_width(1, 80).map_err(xerr)?;
    ws.set_column_width(2, 70).map_err(xerr)?;
    for (ri, c) in columns(s).iter().enumerate() {
        let row = ri as u32 + 1;
        let ColumnRole::Field { col, lang } = c.what else {
            unreachable!("a single-record sheet has only field columns")
        };
        ws.write_string_with_format(row, 0, &c.header, &f.header)
            .map_err(xerr)?;
        let text = is_text_column(c);
        if text {
            ws.write_blank(row, 1, &f.text).map_err(xerr)?;
        }
        write_cell(
            ws,
            row,
            1,
            cell_out(col, get_field(v, col.field, lang))?,
            text,
            f,
        )?;
        if lang.is_none_or(|l| l == "nb") {
            ws.write_string(row, 2, col.help).map_err(xerr)?;
        }
        if let Some(dv) = validation(c, s).map_err(xerr)? {
            ws.add_data_validation(row, 1, row, 1, &dv).map_err(xerr)?;
        }
    }
    ws.set_freeze_panes(1, 1).map_err(xerr)?;
    Ok(())
}

fn write_readme(ws: &mut Worksheet, f: &Formats) -> Result<(), XlsxError> {
    ws.set_name(mapping::README)?;
    let widths = [18.0, 24.0, 30.0, 34.0, 11.0, 70.0];
    for (i, w) in widths.iter().enumerate() {
        ws.set_column_width(i as u16, *w)?;
    }
    let mut row = 0u32;
    for r in readme_rows() {
        match r {
            ReadmeRow::Title(t) => {
                ws.write_string_with_format(row, 0, t, &f.title)?;
                ws.set_row_height(row, 24)?;
            }
            ReadmeRow::Heading(t) => {
                row += 1;
                ws.write_string_with_format(row, 0, t, &f.heading)?;
            }
            ReadmeRow::Para(t) => {
                ws.merge_range(row, 0, row, 5, "", &f.wrap)?;
                ws.write_string_with_format(row, 0, &t, &f.wrap)?;
                // about 150 characters fit on a line across the merged columns
                let lines = (t.chars().count() / 150 + 1) as f64;
                ws.set_row_height(row, 15.0 * lines)?;
            }
            ReadmeRow::TableHeader(cells) => {
                for (i, c) in cells.iter().enumerate() {
                    ws.write_string_with_format(row, i as u16, *c, &f.header)?;
                }
            }
            ReadmeRow::TableRow(cells) => {
                for (i, c) in cells.iter().enumerate() {
                    ws.write_string(row, i as u16, c)?;
                }
            }
        }
        row += 1;
    }
    ws.set_active(true);
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn enum_cells_show_the_norwegian_label() {
        let c = mapping::sheet("Milepæler")
            .cols
            .iter()
            .find(|c| c.field == "kind")
            .unwrap();
        assert_eq!(
            cell_out(c, Some(&Value::from("postponed"))).unwrap(),
            Out::Str("utsatt".into())
        );
        assert!(cell_out(c, Some(&Value::from("later"))).is_err());
    }

    #[test]
    fn a_field_without_a_column_is_refused() {
        let s = mapping::sheet("Faser");
        let ok =
            serde_json::json!({"id": "a", "name": {"nb": "A"}, "color": "#000000", "sources": []});
        assert!(check_mapped(s, &ok, "a").is_ok());
        let extra = serde_json::json!({"id": "a", "name": {"nb": "A"}, "color": "#000000", "season": "vår"});
        let e = check_mapped(s, &extra, "a").unwrap_err();
        assert!(e.contains("season"), "{e}");
        let text_extra =
            serde_json::json!({"id": "a", "name": {"nb": "A", "se": "B"}, "color": "#000000"});
        assert!(check_mapped(s, &text_extra, "a").is_err());
    }

    #[test]
    fn a_top_level_field_without_a_sheet_is_refused() {
        let mut v: Value = serde_json::from_str(
            r#"{"meta": {"schema_version": "1.1.0", "id": "t", "title": {"nb": "T"},
                "version_label": {"nb": "v"}, "published": "2026", "publisher": {"nb": "p"},
                "plan_period": {"start": 2024, "end": 2027}}}"#,
        )
        .unwrap();
        assert!(export_value(&v).is_ok());
        v["lessons"] = serde_json::json!([{"id": "x"}]);
        let e = export_value(&v).unwrap_err();
        assert!(e.contains("«lessons»") && e.contains("no sheet"), "{e}");
    }

    #[test]
    fn an_empty_inline_object_is_refused() {
        // `cost: {}` would come back as no cost at all
        let s = mapping::sheet("Tiltak");
        let v = serde_json::json!({"id": "m", "name": {"nb": "M"}, "cost": {"sources": []}});
        let e = check_mapped(s, &v, "m").unwrap_err();
        assert!(e.contains("empty «cost»"), "{e}");
        let ok = serde_json::json!({"id": "m", "name": {"nb": "M"}, "cost": {"level": "low", "sources": []}});
        assert!(check_mapped(s, &ok, "m").is_ok());
    }

    #[test]
    fn feed_and_measure_risks_share_one_sheet() {
        let v = serde_json::json!({
            "meta": {},
            "risks": [{"id": "r1"}],
            "measures": [{"id": "m1", "risks": [{"id": "r2"}, {"id": "r3"}]}],
            "portfolio": [{"as_of": "2024"}]
        });
        let recs = records(&v).unwrap();
        let i = SHEETS.iter().position(|s| s.name == "Risiko").unwrap();
        let got: Vec<(Option<&str>, usize, &str)> = recs[i]
            .iter()
            .map(|r| (r.parent, r.nr, r.key.as_str()))
            .collect();
        assert_eq!(
            got,
            vec![
                (None, 1, "r1"),
                (Some("m1"), 1, "r2"),
                (Some("m1"), 2, "r3")
            ]
        );
        let p = SHEETS
            .iter()
            .position(|s| s.name == "Porteføljestatus")
            .unwrap();
        assert_eq!(recs[p][0].key, "Porteføljestatus/1");
        assert_eq!(recs[0][0].key, "Veikartet");
    }
}
