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
    crate::sort::sort_by(&mut out, |a, b| {
        a.year.cmp(&b.year).then(b.baseline.cmp(&a.baseline))
    });
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

/// The measures a priority list ranks in their own right (as an item, or under a ranked goal;
/// not the sub-measures of a ranked area), by rank: the list `list` names, else the first.
pub fn ranked_measures<'f>(feed: &'f Feed, list: Option<&str>) -> Vec<(u32, &'f Measure)> {
    let lists = crate::priority::Membership::all(feed);
    let Some(l) = crate::priority::chosen(&lists, list) else {
        return vec![];
    };
    let mut out: Vec<(u32, usize)> = (0..feed.measures.len())
        .filter(|&i| !l.only_via_area(i))
        .filter_map(|i| Some((l.rank(i)?, i)))
        .collect();
    crate::sort::sort(&mut out);
    out.into_iter()
        .map(|(r, i)| (r, &feed.measures[i]))
        .collect()
}

fn fmt_num(v: f64) -> String {
    if (v - v.round()).abs() < 1e-9 {
        format!("{v:.0}")
    } else {
        format!("{v:.1}")
    }
}

/// The measures of the feed's first priority list (see [`ranked_measures`]) with every ambition
/// year each one names: a dot per target year, labelled with its value where the papers give a
/// number. Rows are labelled "rank code".
pub fn priority_overview_svg(feed: &Feed, width: u32, height: u32) -> Option<String> {
    let ranked_with: Vec<(u32, &Measure)> = ranked_measures(feed, None);
    let ranks: Vec<u32> = ranked_with.iter().map(|(r, _)| *r).collect();
    let ranked: Vec<&Measure> = ranked_with.into_iter().map(|(_, m)| m).collect();
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
            .enumerate()
            .map(|(i, m)| format!("{} {}", ranks[i], m.short_name.as_deref().unwrap_or(&m.id)))
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

/// Fill of a matrix cell by its level (light, so the numbered dots on it stay readable).
fn cell_fill(level: crate::model::Level) -> RGBColor {
    use crate::model::Level;
    match level {
        Level::Low | Level::LowMedium => RGBColor(220, 237, 222),
        Level::Medium => RGBColor(252, 238, 196),
        Level::MediumHigh | Level::High => RGBColor(246, 212, 206),
    }
}

/// Geometry of [`risk_matrix_svg`]: the grid's left, top and cell size for a drawing of
/// `width` × `height`.
pub fn risk_matrix_grid(width: u32, height: u32) -> (f64, f64, f64) {
    let (left, top, right, bottom) = (44.0, 30.0, 12.0, 50.0);
    let cell = ((f64::from(width) - left - right) / 5.0)
        .min((f64::from(height) - top - bottom) / 5.0)
        .max(10.0);
    (left, top, cell)
}

/// Centre of the `k`-th of `n` dots in the cell of `likelihood` (rows, 5 at the top) and
/// `consequence` (columns, 5 at the right): dots sharing a cell sit side by side.
pub fn risk_dot_centre(
    likelihood: u8,
    consequence: u8,
    k: usize,
    n: usize,
    grid: (f64, f64, f64),
) -> (f64, f64) {
    let (left, top, cell) = grid;
    let cx = left + (f64::from(consequence) - 0.5) * cell;
    let cy = top + (5.0 - f64::from(likelihood) + 0.5) * cell;
    let per_row = 3usize;
    let rows = n.div_ceil(per_row);
    let (row, col) = (k / per_row, k % per_row);
    let in_row = (n - row * per_row).min(per_row);
    let step = cell * 0.31;
    (
        cx + (col as f64 - (in_row as f64 - 1.0) / 2.0) * step,
        cy + (row as f64 - (rows as f64 - 1.0) / 2.0) * step,
    )
}

/// A 5 × 5 likelihood × consequence matrix with a numbered dot per scored risk (the number is
/// the risk's position in the risk view's list). Dots are drawn in the order of `points`. Cells
/// are shaded by `risk::cell_level`. `x_title` and `y_title` are the axis words in the reader's
/// language (plotters escapes them). `None` without points.
pub fn risk_matrix_svg(
    points: &[crate::risk::MatrixPoint],
    x_title: &str,
    y_title: &str,
    width: u32,
    height: u32,
) -> Option<String> {
    if points.is_empty() {
        return None;
    }
    let grid = risk_matrix_grid(width, height);
    let (left, top, cell) = grid;
    let px = |v: f64| v.round() as i32;
    let font = |size: u32| ("sans-serif", size).into_font();
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (width, height)).into_drawing_area();
        root.fill(&WHITE).ok()?;
        for l in 1..=5u8 {
            for c in 1..=5u8 {
                let x = left + f64::from(c - 1) * cell;
                let y = top + f64::from(5 - l) * cell;
                root.draw(&Rectangle::new(
                    [(px(x), px(y)), (px(x + cell), px(y + cell))],
                    cell_fill(crate::risk::cell_level(l, c)).filled(),
                ))
                .ok()?;
                root.draw(&Rectangle::new(
                    [(px(x), px(y)), (px(x + cell), px(y + cell))],
                    WHITE.stroke_width(2),
                ))
                .ok()?;
            }
        }
        for n in 1..=5u8 {
            let centre = (f64::from(n) - 0.5) * cell;
            root.draw(&Text::new(
                n.to_string(),
                (px(left + centre), px(top + 5.0 * cell + 14.0)),
                font(13)
                    .color(&INK)
                    .pos(Pos::new(HPos::Center, VPos::Center)),
            ))
            .ok()?;
            root.draw(&Text::new(
                n.to_string(),
                (px(left - 14.0), px(top + 5.0 * cell - centre)),
                font(13)
                    .color(&INK)
                    .pos(Pos::new(HPos::Center, VPos::Center)),
            ))
            .ok()?;
        }
        root.draw(&Text::new(
            format!("{x_title} →"),
            (px(left + 2.5 * cell), px(top + 5.0 * cell + 36.0)),
            font(14)
                .color(&INK)
                .pos(Pos::new(HPos::Center, VPos::Center)),
        ))
        .ok()?;
        root.draw(&Text::new(
            format!("↑ {y_title}"),
            (px(left - 28.0), px(top / 2.0)),
            font(14).color(&INK).pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .ok()?;
        // dots, in the order given; those sharing a cell side by side
        let r = (cell * 0.14).clamp(8.0, 12.0);
        for (k, p) in points.iter().enumerate() {
            let same: Vec<usize> = points
                .iter()
                .enumerate()
                .filter(|(_, q)| q.likelihood == p.likelihood && q.consequence == p.consequence)
                .map(|(j, _)| j)
                .collect();
            let pos = same.iter().position(|&j| j == k).unwrap_or(0);
            let (cx, cy) = risk_dot_centre(p.likelihood, p.consequence, pos, same.len(), grid);
            root.draw(&Circle::new((px(cx), px(cy)), px(r), INK.filled()))
                .ok()?;
            root.draw(&Text::new(
                p.number.to_string(),
                (px(cx), px(cy)),
                ("sans-serif", 13)
                    .into_font()
                    .style(FontStyle::Bold)
                    .color(&WHITE)
                    .pos(Pos::new(HPos::Center, VPos::Center)),
            ))
            .ok()?;
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

    fn circles(svg: &str) -> Vec<(f64, f64)> {
        svg.match_indices("<circle")
            .map(|(i, _)| {
                let tag = &svg[i..i + svg[i..].find('>').unwrap()];
                let attr = |name: &str| -> f64 {
                    let k = tag.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                    tag[k..k + tag[k..].find('"').unwrap()].parse().unwrap()
                };
                (attr("cx"), attr("cy"))
            })
            .collect()
    }

    #[test]
    fn risk_matrix_places_each_risk_in_its_cell() {
        use crate::risk::MatrixPoint;
        let p = |number, likelihood, consequence| MatrixPoint {
            number,
            likelihood,
            consequence,
        };
        let pts = [p(1, 3, 4), p(2, 5, 3), p(3, 2, 5), p(4, 4, 2), p(5, 4, 3)];
        let (w, h) = (420, 380);
        let svg = risk_matrix_svg(&pts, "Konsekvens", "Sannsynlighet <x>", w, h).unwrap();
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("Konsekvens →") && svg.contains("↑ Sannsynlighet &lt;x&gt;"));
        let c = circles(&svg);
        assert_eq!(c.len(), pts.len(), "a dot per scored risk, in order");
        let (left, top, cell) = risk_matrix_grid(w, h);
        for (pt, (cx, cy)) in pts.iter().zip(&c) {
            let col = ((cx - left) / cell).floor() as u8 + 1;
            let row = 5 - ((cy - top) / cell).floor() as u8;
            assert_eq!(
                (row, col),
                (pt.likelihood, pt.consequence),
                "risk {}",
                pt.number
            );
        }
        // higher likelihood is higher up; higher consequence further right
        assert!(c[1].1 < c[0].1 && c[2].0 > c[0].0);
        // numbers are drawn on the dots
        for n in 1..=5 {
            assert!(svg.contains(&format!("\n{n}\n</text>")), "number {n}");
        }
        assert!(risk_matrix_svg(&[], "x", "y", w, h).is_none());
    }

    #[test]
    fn risks_sharing_a_cell_sit_side_by_side_inside_it() {
        use crate::risk::MatrixPoint;
        let pts: Vec<MatrixPoint> = (1..=4)
            .map(|n| MatrixPoint {
                number: n,
                likelihood: 1,
                consequence: 1,
            })
            .collect();
        let (w, h) = (420, 380);
        let svg = risk_matrix_svg(&pts, "x", "y", w, h).unwrap();
        let c = circles(&svg);
        let (left, top, cell) = risk_matrix_grid(w, h);
        for (i, a) in c.iter().enumerate() {
            assert!(a.0 > left && a.0 < left + cell, "inside the column");
            assert!(
                a.1 > top + 4.0 * cell && a.1 < top + 5.0 * cell,
                "inside the row"
            );
            for b in &c[i + 1..] {
                assert!((a.0 - b.0).abs() + (a.1 - b.1).abs() > 10.0, "apart");
            }
        }
    }

    #[test]
    fn overview_needs_prioritised_measures() {
        let mut f = minimal();
        f.measures[0].priority = None;
        assert!(priority_overview_svg(&f, 600, 240).is_none());
    }
}
