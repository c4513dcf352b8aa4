//! Exports of the current view: the filtered measures as CSV (UTF-8 with BOM, `;`-separated, so
//! Norwegian spreadsheet programs open it directly with æøå intact) and the timeline as an SVG
//! image drawn with plotters (the app turns the SVG into PNG in the browser).

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::date::{DateSpan, Ymd};
use crate::model::{Feed, StandingState};
use crate::roadmap::{current_status, lifecycle_key, measure_label};
use crate::text::Lang;
use crate::timeline::{bars_at, markers, LayoutItem, RowLayout, Scale};

/// Byte-order mark that tells spreadsheet programs the file is UTF-8.
pub const BOM: &str = "\u{feff}";

/// One CSV field: quoted when needed, and defused when it would start a formula
/// (`=`, `+`, `-`, `@`, tab, CR) — feed text is written by people and may be hostile.
pub fn csv_field(s: &str) -> String {
    let defused = match s.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{s}"),
        _ => s.to_string(),
    };
    if defused.contains([';', '"', '\n', '\r', ',']) {
        format!("\"{}\"", defused.replace('"', "\"\""))
    } else {
        defused
    }
}

/// Column headings per language. The goal column takes the feed's own word for its top level
/// (`meta.terms`) and the rank column the first priority list's rank label.
fn headings(feed: &Feed, lang: Lang) -> Vec<String> {
    let fixed: [&str; 14] = match lang {
        Lang::En => [
            "Id",
            "Code",
            "Name",
            "Parent",
            "",
            "",
            "Status",
            "Status as of",
            "Phases",
            "Milestones",
            "Standing",
            "Risks",
            "Preconditions",
            "Inferred (basis)",
        ],
        Lang::Nn => [
            "Id",
            "Kode",
            "Namn",
            "Overordna",
            "",
            "",
            "Status",
            "Status per",
            "Fasar",
            "Milepælar",
            "Handsamingsstatus",
            "Risikoar",
            "Føresetnader",
            "Anteke (grunnlag)",
        ],
        Lang::Nb => [
            "Id",
            "Kode",
            "Navn",
            "Overordnet",
            "",
            "",
            "Status",
            "Status per",
            "Faser",
            "Milepæler",
            "Behandlingsstatus",
            "Risikoer",
            "Forutsetninger",
            "Antatt (grunnlag)",
        ],
    };
    let mut h: Vec<String> = fixed.iter().map(|s| s.to_string()).collect();
    h[4] = feed.terms().goal_singular.get(lang).to_string();
    h[5] = feed
        .priority_lists()
        .first()
        .map(|l| l.rank_label.get(lang).to_string())
        .unwrap_or_else(|| {
            if lang == Lang::En {
                "Priority"
            } else {
                "Prioritet"
            }
            .into()
        });
    h
}

/// A standing in words, for the export.
fn standing_word(s: StandingState, lang: Lang) -> &'static str {
    match (s, lang) {
        (StandingState::Proposed, Lang::En) => "Proposed",
        (StandingState::Proposed, Lang::Nn) => "Framlegg",
        (StandingState::Proposed, Lang::Nb) => "Forslag",
        (StandingState::ForDiscussion, Lang::En) => "For discussion",
        (StandingState::ForDiscussion, _) => "Til drøfting",
        (StandingState::Adopted, Lang::En) => "Adopted",
        (StandingState::Adopted, Lang::Nn) => "Vedteke",
        (StandingState::Adopted, Lang::Nb) => "Vedtatt",
        (StandingState::Withdrawn, Lang::En) => "Withdrawn",
        (StandingState::Withdrawn, Lang::Nn) => "Teke ut",
        (StandingState::Withdrawn, Lang::Nb) => "Tatt ut",
    }
}

/// A phase period for the export: "Utprøving 2023–2024"; schema 1.1 undated phases as
/// "2. Utredning (uten dato)" or "Utprøving (pågår, start ukjent)–2025".
fn phase_cell(name: &str, p: &crate::model::PhasePeriod, lang: Lang) -> String {
    let end = p.end.as_deref().unwrap_or("");
    if p.is_dated() {
        return format!("{name} {}–{end}", p.start);
    }
    let (undated, ongoing) = match lang {
        Lang::En => ("no date", "ongoing, start unknown"),
        Lang::Nn => ("utan dato", "pågår, start ukjend"),
        Lang::Nb => ("uten dato", "pågår, start ukjent"),
    };
    let order = p.order.map(|o| format!("{o}. ")).unwrap_or_default();
    if p.ongoing {
        format!("{order}{name} ({ongoing})–{end}")
    } else {
        format!("{order}{name} ({undated})")
    }
}

/// The measures `rows` (indices, in the given order) as CSV with a BOM and CRLF line ends.
/// Phases and milestones are joined in one cell each ("Utprøving 2023–2024 | …"). Schema 1.1:
/// the measure's standing (its own or the feed's), its risks and preconditions (counts, as in
/// the detail panel) and its inferred facts with the editors' notes.
pub fn csv(feed: &Feed, rows: &[usize], lang: Lang) -> String {
    let mut out = String::from(BOM);
    out.push_str(
        &headings(feed, lang)
            .iter()
            .map(|h| csv_field(h))
            .collect::<Vec<_>>()
            .join(";"),
    );
    out.push_str("\r\n");
    let lists = crate::priority::Membership::all(feed);
    let first = lists.first();
    for &i in rows {
        let Some(m) = feed.measures.get(i) else {
            continue;
        };
        let goal = m
            .goal
            .as_ref()
            .and_then(|g| feed.goals.iter().find(|x| x.id == g.goal))
            .map(|g| format!("{} {}", g.number, g.name.get(lang)))
            .unwrap_or_default();
        let status = current_status(m);
        let phases = m
            .phases
            .iter()
            .map(|p| {
                let name = crate::roadmap::phase_name(feed, &p.phase, lang);
                phase_cell(&name, p, lang)
            })
            .collect::<Vec<_>>()
            .join(" | ");
        let milestones = m
            .milestones
            .iter()
            .map(|ms| {
                let q = crate::date::qualifier_prefix(ms.qualifier, &ms.date, lang);
                format!("{q}{}: {}", ms.date, ms.title.get(lang))
            })
            .collect::<Vec<_>>()
            .join(" | ");
        let rank = first
            .filter(|l| !l.only_via_area(i))
            .and_then(|l| l.rank(i))
            .map(|r| r.to_string())
            .unwrap_or_default();
        let counts = crate::risk::counts(feed, i);
        let cells = [
            m.id.to_string(),
            m.short_name.as_deref().unwrap_or_default().to_string(),
            m.name.get(lang).to_string(),
            m.parent.as_deref().unwrap_or_default().to_string(),
            goal,
            rank,
            status
                .map(|s| lifecycle_key(s.lifecycle).to_string())
                .unwrap_or_default(),
            status
                .map(|s| s.as_of.clone())
                .unwrap_or_default()
                .to_string(),
            phases,
            milestones,
            feed.standing_of(m)
                .map(|s| standing_word(s.state, lang).to_string())
                .unwrap_or_default(),
            counts.risks.to_string(),
            counts.preconditions.to_string(),
            crate::basis::line(&crate::basis::inferred_of_measure(feed, i, lang), lang),
        ];
        out.push_str(
            &cells
                .iter()
                .map(|c| csv_field(c))
                .collect::<Vec<_>>()
                .join(";"),
        );
        out.push_str("\r\n");
    }
    out
}

const INK: RGBColor = RGBColor(30, 43, 60);
const SUBTLE: RGBColor = RGBColor(75, 90, 107);
const GRID: RGBColor = RGBColor(214, 220, 226);
const LANE: RGBColor = RGBColor(234, 238, 242);
const TODAY: RGBColor = RGBColor(179, 38, 30);
const PLAN: RGBColor = RGBColor(230, 240, 250);

/// `#rrggbb` to a colour; anything else is grey (feed colours are validated, but an export
/// must never fail on one).
fn hex(c: &str) -> RGBColor {
    let h = c.trim_start_matches('#');
    if h.len() == 6 && h.is_ascii() {
        if let (Ok(r), Ok(g), Ok(b)) = (
            u8::from_str_radix(&h[0..2], 16),
            u8::from_str_radix(&h[2..4], 16),
            u8::from_str_radix(&h[4..6], 16),
        ) {
            return RGBColor(r, g, b);
        }
    }
    RGBColor(150, 150, 150)
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        let mut t: String = s.chars().take(max.saturating_sub(1)).collect();
        t.push('…');
        t
    }
}

/// Geometry of the exported image.
pub const EXPORT_LABEL_W: f64 = 320.0;
pub const EXPORT_HEAD_H: f64 = 64.0;

/// Height of the year axis in the exported image.
pub const EXPORT_AXIS_H: f64 = 28.0;

/// Pixel size of the image `timeline_svg` draws for this layout and scale.
pub fn timeline_image_size(layout: &RowLayout, scale: &Scale) -> (u32, u32) {
    (
        (EXPORT_LABEL_W + scale.width()).ceil() as u32,
        (EXPORT_HEAD_H + EXPORT_AXIS_H + layout.height + 16.0).ceil() as u32,
    )
}

/// The timeline as laid out on screen (same lanes, rows, scale), drawn with plotters into an
/// SVG string: a title line, year axis, plan period, lane bands with headings, a row per measure
/// with its label, phase bars in the phase colours, milestone markers (points as diamonds,
/// coarser dates as spans) and the today line. `lane_titles` are the lane headings as shown.
pub fn timeline_svg(
    feed: &Feed,
    lane_titles: &[String],
    layout: &RowLayout,
    scale: &Scale,
    today: Ymd,
    title: &str,
    lang: Lang,
) -> String {
    let (w, h) = timeline_image_size(layout, scale);
    let axis = EXPORT_AXIS_H;
    let x0 = EXPORT_LABEL_W;
    let y0 = EXPORT_HEAD_H + axis;
    let px = |x: f64| x.round() as i32;
    let published = DateSpan::parse(&feed.meta.published).ok().map(|d| d.end);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        let _ = root.fill(&WHITE);
        let font = |size: u32| ("sans-serif", size).into_font();
        let _ = root.draw(&Text::new(
            title.to_string(),
            (16, 14),
            font(24).color(&INK),
        ));
        let _ = root.draw(&Text::new(
            format!(
                "{} · {}",
                feed.meta.published,
                feed.meta.version_label.get(lang)
            ),
            (16, 42),
            font(15).color(&SUBTLE),
        ));
        // phase legend, right of the date line
        let mut lx = 420;
        for p in &feed.phases {
            let _ = root.draw(&Rectangle::new(
                [(lx, 42), (lx + 18, 54)],
                hex(&p.color).filled(),
            ));
            let name = truncate(p.name.get(lang), 30);
            let _ = root.draw(&Text::new(
                name.clone(),
                (lx + 24, 42),
                font(15).color(&INK),
            ));
            lx += 24 + (crate::timeline::approx_text_width(&name, 12.0) as i32) + 20;
        }
        // plan period
        if let Some(pp) = feed.meta.plan_period {
            if let Ok(s) = DateSpan::parse(&format!("{}/{}", pp.start, pp.end)) {
                let (x, pw) = scale.span(&s);
                let _ = root.draw(&Rectangle::new(
                    [
                        (px(x0 + x), px(y0)),
                        (px(x0 + x + pw), px(y0 + layout.height)),
                    ],
                    PLAN.filled(),
                ));
            }
        }
        // year axis and grid
        for (y, x, yw) in scale.years() {
            let _ = root.draw(&PathElement::new(
                vec![
                    (px(x0 + x), px(y0 - axis)),
                    (px(x0 + x), px(y0 + layout.height)),
                ],
                GRID.stroke_width(1),
            ));
            let _ = root.draw(&Text::new(
                y.to_string(),
                (px(x0 + x + yw / 2.0), px(y0 - axis / 2.0)),
                font(16)
                    .color(&INK)
                    .pos(Pos::new(HPos::Center, VPos::Center)),
            ));
        }
        for item in &layout.items {
            match item {
                LayoutItem::LaneHeader { lane, y } => {
                    let top = y0 + y;
                    let _ = root.draw(&Rectangle::new(
                        [(0, px(top)), (w as i32, px(top + crate::timeline::LANE_H))],
                        LANE.filled(),
                    ));
                    let t = lane_titles.get(*lane).map(String::as_str).unwrap_or("");
                    let _ = root.draw(&Text::new(
                        truncate(t, 110),
                        (12, px(top + crate::timeline::LANE_H / 2.0)),
                        font(17).color(&INK).pos(Pos::new(HPos::Left, VPos::Center)),
                    ));
                }
                LayoutItem::Row {
                    measure, depth, y, ..
                } => {
                    let m = &feed.measures[*measure];
                    let top = y0 + y;
                    let row_h = crate::timeline::ROW_H;
                    let _ = root.draw(&PathElement::new(
                        vec![(0, px(top)), (w as i32, px(top))],
                        GRID.stroke_width(1),
                    ));
                    let indent = 12 + 16 * i32::from(*depth);
                    let _ = root.draw(&Text::new(
                        truncate(&measure_label(m, lang), 40),
                        (indent, px(top + row_h / 2.0)),
                        font(15).color(&INK).pos(Pos::new(HPos::Left, VPos::Center)),
                    ));
                    for b in bars_at(m, scale, published) {
                        let color = feed
                            .phases
                            .iter()
                            .find(|p| p.id == b.phase)
                            .map(|p| hex(&p.color))
                            .unwrap_or(GRID);
                        let bt = top + crate::timeline::BAR_TOP;
                        let _ = root.draw(&Rectangle::new(
                            [
                                (px(x0 + b.x), px(bt)),
                                (px(x0 + b.x + b.w), px(bt + crate::timeline::BAR_H)),
                            ],
                            color.filled(),
                        ));
                    }
                    let cy = top + crate::timeline::MARKER_CY;
                    for mk in markers(m, scale) {
                        if mk.point {
                            let x = x0 + mk.x;
                            let _ = root.draw(&Polygon::new(
                                vec![
                                    (px(x), px(cy - 8.0)),
                                    (px(x + 8.0), px(cy)),
                                    (px(x), px(cy + 8.0)),
                                    (px(x - 8.0), px(cy)),
                                ],
                                INK.filled(),
                            ));
                        } else {
                            let _ = root.draw(&Rectangle::new(
                                [
                                    (px(x0 + mk.x), px(cy - 6.0)),
                                    (px(x0 + mk.x + mk.w.max(6.0)), px(cy + 6.0)),
                                ],
                                INK.stroke_width(2),
                            ));
                        }
                    }
                }
            }
        }
        // label column rule and today line
        let _ = root.draw(&PathElement::new(
            vec![(px(x0), px(y0 - axis)), (px(x0), px(y0 + layout.height))],
            SUBTLE.stroke_width(1),
        ));
        let tx = x0 + scale.x(today.day_number());
        let _ = root.draw(&PathElement::new(
            vec![(px(tx), px(y0 - 6.0)), (px(tx), px(y0 + layout.height))],
            TODAY.stroke_width(2),
        ));
        let _ = root.present();
    }
    svg
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::{children, lanes, Grouping};
    use crate::test_feeds::other;
    use crate::timeline::Zoom;

    #[test]
    fn csv_has_bom_headings_and_defuses_formulas() {
        let mut f = crate::minimal_fixture();
        f.measures[0].name = crate::model::Text::nb("=HYPERLINK(\"http://x\";\"klikk\")");
        let rows: Vec<usize> = (0..f.measures.len()).collect();
        let out = csv(&f, &rows, Lang::Nb);
        assert!(out.starts_with("\u{feff}Id;Kode;Navn;"));
        assert_eq!(out.matches("\r\n").count(), f.measures.len() + 1);
        // the hostile name is quoted and starts with an apostrophe, so it is text, not a formula
        assert!(
            out.contains("\"'=HYPERLINK(\"\"http://x\"\";\"\"klikk\"\")\""),
            "{out}"
        );
        assert_eq!(csv_field("Prøvesvar"), "Prøvesvar");
        assert_eq!(csv_field("a;b"), "\"a;b\"");
        assert_eq!(csv_field("-1"), "'-1");
        // only the given rows, in the given order
        let one = csv(&f, &[1], Lang::En);
        assert!(one.starts_with("\u{feff}Id;Code;Name;"));
        assert_eq!(one.matches("\r\n").count(), 2);
        assert!(one.contains(&*f.measures[1].id));
    }

    /// The CSV's cells by heading, for the row of measure `id`.
    fn row_of(out: &str, id: &str) -> std::collections::BTreeMap<String, String> {
        let mut lines = out.trim_start_matches(BOM).split("\r\n");
        let head: Vec<&str> = lines.next().unwrap().split(';').collect();
        let line = lines
            .find(|l| l.starts_with(&format!("{id};")))
            .unwrap_or_else(|| panic!("no row {id}"));
        head.iter()
            .map(|h| h.to_string())
            .zip(line.split(';').map(String::from))
            .collect()
    }

    #[test]
    fn csv_has_standing_risks_and_inferred_facts_in_the_feeds_words() {
        let f = other();
        let rows: Vec<usize> = (0..f.measures.len()).collect();
        let out = csv(&f, &rows, Lang::Nb);
        assert!(out.starts_with(
            "\u{feff}Id;Kode;Navn;Overordnet;Innsatsområde;Rang;Status;Status per;Faser;Milepæler;\
             Behandlingsstatus;Risikoer;Forutsetninger;Antatt (grunnlag)\r\n"
        ));
        let gamma = row_of(&out, "GAMMA");
        assert_eq!(gamma["Rang"], "1");
        assert_eq!(gamma["Behandlingsstatus"], "Forslag", "the feed's standing");
        assert_eq!(
            (gamma["Risikoer"].as_str(), gamma["Forutsetninger"].as_str()),
            ("2", "0")
        );
        assert_eq!(
            gamma["Antatt (grunnlag)"],
            "Milepæl «Utprøving starter»: Året er lagt til i testen"
        );
        assert_eq!(row_of(&out, "BETA")["Behandlingsstatus"], "Vedtatt");
        assert_eq!(row_of(&out, "EPSILON")["Behandlingsstatus"], "Tatt ut");
        // undated phases are named with their order, ongoing ones say so
        assert_eq!(
            row_of(&out, "ALFA")["Faser"],
            "1. Kartlegging (uten dato) | 2. Utredning (uten dato) | 3. Gjennomføring (uten dato)"
        );
        assert_eq!(
            row_of(&out, "BETA")["Faser"],
            "\"Gjennomføring (pågår, start ukjent)–\"",
            "quoted: it holds a comma"
        );
        let en = csv(&f, &rows, Lang::En);
        assert!(en.contains(";Focus area;Rank;") && en.contains("Inferred (basis)\r\n"));
        // a note starting with a formula character is defused like every other cell
        let mut g = f.clone();
        let gi = g.measures.iter().position(|m| m.id == "GAMMA").unwrap();
        g.measures[gi].milestones[0].title = crate::model::Text::nb("=1+1");
        let hostile = csv(&g, &[gi], Lang::Nb);
        assert!(hostile.contains(";Milepæl «=1+1»: "), "{hostile}");
        assert!(csv_field("=1+1").starts_with('\''));
    }

    #[test]
    fn timeline_svg_draws_rows_and_escapes_text() {
        let mut f = crate::minimal_fixture();
        f.measures[0].name = crate::model::Text::nb("<script>alert(1)</script> & co");
        let all: Vec<usize> = (0..f.measures.len()).collect();
        let l = lanes(&f, Grouping::Goal, &all);
        let layout = RowLayout::new(&f, &l, &children(&f), &|_| true);
        let scale = Scale::new(2022, 2028, Zoom::Years);
        let titles: Vec<String> = l.iter().map(|x| format!("Lane {}", x.key)).collect();
        let svg = timeline_svg(
            &f,
            &titles,
            &layout,
            &scale,
            Ymd {
                y: 2026,
                m: 11,
                d: 22,
            },
            "Veikart <test>",
            Lang::Nb,
        );
        assert!(svg.starts_with("<svg"));
        assert!(!svg.contains("<script"), "feed text must be escaped");
        assert!(svg.contains("&lt;script&gt;"));
        assert!(svg.contains("Veikart &lt;test&gt;"));
        for y in 2022..=2028 {
            assert!(svg.contains(&format!("\n{y}\n</text>")), "year {y}");
        }
        // width: label column plus the axis
        let wattr = format!(
            "width=\"{}\"",
            (EXPORT_LABEL_W + scale.width()).ceil() as u32
        );
        assert!(svg.contains(&wattr), "{}", &svg[..200]);
        assert_eq!(hex("#0a5bb0"), RGBColor(10, 91, 176));
        assert_eq!(hex("rød"), RGBColor(150, 150, 150));
    }
}
