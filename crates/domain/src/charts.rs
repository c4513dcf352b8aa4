//! Ambition charts drawn with plotters into SVG strings (for the detail panel, the overview and
//! image export). Only numbers, years and units drawn from a fixed list go into the charts; feed
//! names that do appear (measure codes) are escaped by plotters' SVG backend.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::date::DateSpan;
use crate::model::{Comparator, Feed, Measure};

const INK: RGBColor = RGBColor(30, 43, 60);
const ACCENT: RGBColor = RGBColor(10, 91, 176);
const SUBTLE: RGBColor = RGBColor(75, 90, 107);
const GRID: RGBColor = RGBColor(225, 230, 235);

/// One plotted value.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub year: i32,
    pub value: f64,
    pub comparator: Option<Comparator>,
    pub baseline: bool,
}

fn unit_suffix(unit: Option<&str>) -> &'static str {
    match unit {
        Some("%") => " %",
        _ => "",
    }
}

pub fn comparator_symbol(c: Option<Comparator>) -> &'static str {
    match c {
        Some(Comparator::Gt) => "> ",
        Some(Comparator::Gte) => "≥ ",
        Some(Comparator::Eq) | None => "",
        Some(Comparator::Lte) => "≤ ",
        Some(Comparator::Lt) => "< ",
    }
}

/// The numeric targets and baselines of a measure, in year order.
pub fn points(m: &Measure) -> Vec<Point> {
    let mut out: Vec<Point> = m
        .ambitions
        .iter()
        .filter_map(|a| {
            Some(Point {
                year: a.year,
                value: a.value.filter(|v| v.is_finite())?,
                comparator: a.comparator,
                baseline: false,
            })
        })
        .chain(m.baselines.iter().filter_map(|b| {
            Some(Point {
                year: DateSpan::parse(b.date.as_deref()?).ok()?.start.y,
                value: b.value.filter(|v| v.is_finite())?,
                comparator: None,
                baseline: true,
            })
        }))
        .collect();
    out.sort_by(|a, b| a.year.cmp(&b.year).then(b.baseline.cmp(&a.baseline)));
    out
}

fn is_percent(m: &Measure) -> bool {
    m.ambitions
        .iter()
        .filter(|a| a.value.is_some())
        .all(|a| a.unit.as_deref() == Some("%"))
        && m.baselines
            .iter()
            .filter(|b| b.value.is_some())
            .all(|b| b.unit.as_deref() == Some("%"))
}

/// A small chart of a measure's numeric targets by year, with its baselines (hollow). `None` when
/// the measure has no numeric target or baseline.
pub fn ambition_svg(m: &Measure, width: u32, height: u32) -> Option<String> {
    let pts = points(m);
    if pts.is_empty() {
        return None;
    }
    let percent = is_percent(m);
    let unit = if percent { unit_suffix(Some("%")) } else { "" };
    let y_max = if percent {
        100.0
    } else {
        pts.iter().map(|p| p.value).fold(0.0, f64::max) * 1.25 + 1.0
    };
    let (y0, y1) = (
        pts.iter().map(|p| p.year).min()?,
        pts.iter().map(|p| p.year).max()?,
    );
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&WHITE).ok()?;
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(26)
            .y_label_area_size(44)
            .build_cartesian_2d((y0 - 1)..(y1 + 1), 0.0..y_max)
            .ok()?;
        chart
            .configure_mesh()
            .x_labels(((y1 - y0) as usize + 3).min(12))
            .x_label_formatter(&|y| y.to_string())
            .y_labels(5)
            .y_label_formatter(&|v| format!("{v:.0}{unit}"))
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .axis_style(SUBTLE)
            .label_style(("sans-serif", 12).into_font().color(&INK))
            .draw()
            .ok()?;
        for p in &pts {
            let style = if p.baseline {
                ShapeStyle::from(&SUBTLE).stroke_width(2)
            } else {
                ShapeStyle::from(&ACCENT).filled()
            };
            chart
                .draw_series(std::iter::once(Circle::new((p.year, p.value), 6, style)))
                .ok()?;
            let label = format!(
                "{}{}{}",
                comparator_symbol(p.comparator),
                fmt_num(p.value),
                unit
            );
            chart
                .draw_series(std::iter::once(Text::new(
                    label,
                    (p.year, p.value),
                    ("sans-serif", 13)
                        .into_font()
                        .color(&INK)
                        .pos(Pos::new(HPos::Left, VPos::Bottom)),
                )))
                .ok()?;
        }
        root.present().ok()?;
    }
    Some(svg)
}

fn fmt_num(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// The prioritised measures (rank 1–5) with every ambition year each one names: a dot per target
/// year, labelled with its value where the papers give a number. Rows are labelled "rank code".
pub fn priority_overview_svg(feed: &Feed, width: u32, height: u32) -> Option<String> {
    let mut ranked: Vec<&Measure> = feed
        .measures
        .iter()
        .filter(|m| m.priority.is_some())
        .collect();
    ranked.sort_by_key(|m| m.priority);
    let years: Vec<i32> = ranked
        .iter()
        .flat_map(|m| m.ambitions.iter().map(|a| a.year))
        .collect();
    if ranked.is_empty() || years.is_empty() {
        return None;
    }
    let (y0, y1) = (*years.iter().min()?, *years.iter().max()?);
    let n = ranked.len() as i32;
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&WHITE).ok()?;
        let labels: Vec<String> = ranked
            .iter()
            .map(|m| {
                format!(
                    "{} {}",
                    m.priority.unwrap_or(0),
                    m.short_name.as_deref().unwrap_or(&m.id)
                )
            })
            .collect();
        let mut chart = ChartBuilder::on(&root)
            .margin(12)
            .x_label_area_size(26)
            .y_label_area_size(110)
            .build_cartesian_2d((y0 - 1)..(y1 + 1), 0..n)
            .ok()?;
        chart
            .configure_mesh()
            .x_labels(((y1 - y0) as usize + 3).min(12))
            .x_label_formatter(&|y| y.to_string())
            .y_labels(n as usize + 1)
            .y_label_formatter(&|i| {
                let idx = (n - 1 - *i) as usize;
                labels.get(idx).cloned().unwrap_or_default()
            })
            .light_line_style(TRANSPARENT)
            .bold_line_style(GRID)
            .axis_style(SUBTLE)
            .label_style(("sans-serif", 12).into_font().color(&INK))
            .draw()
            .ok()?;
        for (i, m) in ranked.iter().enumerate() {
            let row = n - 1 - i as i32;
            for a in &m.ambitions {
                chart
                    .draw_series(std::iter::once(Circle::new(
                        (a.year, row),
                        6,
                        ShapeStyle::from(&ACCENT).filled(),
                    )))
                    .ok()?;
                if let Some(v) = a.value {
                    let label = format!(
                        "{}{}{}",
                        comparator_symbol(a.comparator),
                        fmt_num(v),
                        unit_suffix(a.unit.as_deref())
                    );
                    chart
                        .draw_series(std::iter::once(Text::new(
                            label,
                            (a.year, row),
                            ("sans-serif", 12)
                                .into_font()
                                .color(&INK)
                                .pos(Pos::new(HPos::Left, VPos::Bottom)),
                        )))
                        .ok()?;
                }
            }
        }
        root.present().ok()?;
    }
    Some(svg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn minimal() -> Feed {
        crate::minimal_fixture()
    }

    #[test]
    fn ambition_chart_has_a_dot_per_target() {
        let f = minimal();
        let svg = ambition_svg(&f.measures[0], 320, 180).expect("PLL has a numeric target");
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("&gt; 50 %"), "label with comparator and unit");
        assert_eq!(svg.matches("<circle").count(), 1);
    }

    #[test]
    fn no_numbers_no_chart() {
        let mut f = minimal();
        f.measures[0].ambitions[0].value = None;
        assert!(ambition_svg(&f.measures[0], 320, 180).is_none());
        assert!(points(&f.measures[1]).is_empty());
    }

    #[test]
    fn baseline_is_plotted_hollow_and_first() {
        let mut f = minimal();
        f.measures[0].baselines.push(crate::model::Baseline {
            approximate: false,
            date: Some("2023-05".into()),
            metric: crate::model::Text::nb("x"),
            value: Some(5.0),
            unit: Some("%".into()),
            text: crate::model::Text::nb("ca. 5 %"),
            sources: vec![],
        });
        let p = points(&f.measures[0]);
        assert_eq!(p.len(), 2);
        assert!(p[0].baseline && p[0].year == 2023);
        let svg = ambition_svg(&f.measures[0], 320, 180).unwrap();
        assert_eq!(svg.matches("<circle").count(), 2);
    }

    #[test]
    fn overview_escapes_feed_text() {
        let mut f = minimal();
        f.measures[0].short_name = Some("<script>x</script>".into());
        let svg = priority_overview_svg(&f, 600, 240).unwrap();
        assert!(!svg.contains("<script>"));
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("1 &lt;script"), "row label is rank + code");
    }

    #[test]
    fn overview_needs_prioritised_measures() {
        let mut f = minimal();
        f.measures[0].priority = None;
        assert!(priority_overview_svg(&f, 600, 240).is_none());
    }
}
