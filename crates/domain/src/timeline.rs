//! Timeline layout maths: x positions from dates with their precision, row positions, arrow
//! routing. Pure numbers; the app turns them into SVG.

use std::collections::BTreeMap;

use crate::date::{DateSpan, Precision, Ymd};
use crate::model::{Feed, Measure, MilestoneKind};
use crate::roadmap::Lane;

/// Zoom level of the time axis.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Zoom {
    /// Year columns (default).
    #[default]
    Years,
    /// Wider, with quarter columns labelled.
    Quarters,
}

impl Zoom {
    /// The narrowest a year column may get at this zoom (when fitting a viewport).
    pub fn px_per_year(self) -> f64 {
        match self {
            Zoom::Years => 96.0,
            Zoom::Quarters => 360.0,
        }
    }
    pub fn key(self) -> &'static str {
        match self {
            Zoom::Years => "ar",
            Zoom::Quarters => "kvartal",
        }
    }
    pub fn from_key(s: &str) -> Option<Zoom> {
        [Zoom::Years, Zoom::Quarters]
            .into_iter()
            .find(|z| z.key() == s)
    }
}

/// Maps days to x pixels over whole years `first_year..=last_year`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Scale {
    pub first_year: i32,
    pub last_year: i32,
    pub px_per_year: f64,
    start_day: i64,
    end_day: i64,
}

impl Scale {
    pub fn new(first_year: i32, last_year: i32, zoom: Zoom) -> Scale {
        let last_year = last_year.max(first_year);
        Scale {
            first_year,
            last_year,
            px_per_year: zoom.px_per_year(),
            start_day: Ymd {
                y: first_year,
                m: 1,
                d: 1,
            }
            .day_number(),
            end_day: Ymd {
                y: last_year + 1,
                m: 1,
                d: 1,
            }
            .day_number(),
        }
    }

    /// The years a feed needs: every parseable date in it, the plan period and `today`, padded to
    /// whole years. Unparseable dates are ignored here (validation reports them).
    pub fn for_feed(feed: &Feed, today: Ymd, zoom: Zoom) -> Scale {
        let (lo, hi) = year_range(feed, today);
        Scale::new(lo, hi, zoom)
    }

    /// Widens the year columns so the whole range fills `available_px` (the width left for the
    /// time axis), never narrower than the zoom's minimum. Too narrow a viewport scrolls instead.
    pub fn fit(mut self, available_px: f64) -> Scale {
        let years = f64::from(self.last_year - self.first_year + 1);
        if available_px.is_finite() && available_px > 0.0 {
            self.px_per_year = self.px_per_year.max((available_px / years).floor());
        }
        self
    }

    pub fn width(&self) -> f64 {
        f64::from(self.last_year - self.first_year + 1) * self.px_per_year
    }

    /// x of the start of a day, proportional within its year (leap years are exact).
    pub fn x(&self, day: i64) -> f64 {
        let day = day.clamp(self.start_day, self.end_day);
        let y = Ymd::from_day_number(day).y;
        let y0 = Ymd { y, m: 1, d: 1 }.day_number();
        let y1 = Ymd {
            y: y + 1,
            m: 1,
            d: 1,
        }
        .day_number();
        let frac = (day - y0) as f64 / (y1 - y0) as f64;
        (f64::from(y - self.first_year) + frac) * self.px_per_year
    }

    /// x and width of a date span (from its first day to the end of its last day).
    pub fn span(&self, s: &DateSpan) -> (f64, f64) {
        let x0 = self.x(s.first_day());
        let x1 = self.x(s.end_exclusive());
        (x0, (x1 - x0).max(0.0))
    }

    /// Year columns: (year, x, width).
    pub fn years(&self) -> Vec<(i32, f64, f64)> {
        (self.first_year..=self.last_year)
            .map(|y| {
                (
                    y,
                    f64::from(y - self.first_year) * self.px_per_year,
                    self.px_per_year,
                )
            })
            .collect()
    }

    /// Quarter columns: (year, quarter 1–4, x, width).
    pub fn quarters(&self) -> Vec<(i32, u32, f64, f64)> {
        let mut out = Vec::new();
        for y in self.first_year..=self.last_year {
            for q in 1..=4u32 {
                let s = DateSpan::parse(&format!("{y}-Q{q}")).expect("valid quarter");
                let (x, w) = self.span(&s);
                out.push((y, q, x, w));
            }
        }
        out
    }
}

/// The years [`Scale::for_feed`] covers: every parseable date in the feed, the plan period and
/// `today`. Parses every date, so the app computes it once per feed, not per zoom or regroup.
pub fn year_range(feed: &Feed, today: Ymd) -> (i32, i32) {
    year_range_of(feed, dated_years(feed), today)
}

/// The first and last year of any parseable date of the feed's measures (`None`: none). Parses
/// every date; the app reads it from its filter index (`crate::filter::Index::dated_years`).
pub fn dated_years(feed: &Feed) -> Option<(i32, i32)> {
    year_hull(
        feed.measures
            .iter()
            .flat_map(measure_spans)
            .map(|s| (s.start.y, s.end.y)),
    )
}

/// The first and last year of some (first, last) year pairs (`None`: no pair).
pub fn year_hull(years: impl IntoIterator<Item = (i32, i32)>) -> Option<(i32, i32)> {
    years
        .into_iter()
        .reduce(|(a, b), (x, y)| (a.min(x), b.max(y)))
}

/// [`year_range`] from the first and last year of the feed's dated content, as the filter index
/// keeps them (`crate::filter::Index::dated_years`), without parsing a date.
pub fn year_range_of(feed: &Feed, dated: Option<(i32, i32)>, today: Ymd) -> (i32, i32) {
    let mut lo = today.y;
    let mut hi = today.y;
    if let Some(pp) = feed.meta.plan_period {
        lo = lo.min(pp.start);
        hi = hi.max(pp.end);
    }
    if let Some((a, b)) = dated {
        lo = lo.min(a);
        hi = hi.max(b);
    }
    (lo, hi)
}

/// Every parseable date span a measure carries (phases, milestones, ambition years).
pub fn measure_spans(m: &Measure) -> impl Iterator<Item = DateSpan> + '_ {
    let phases = m.phases.iter().filter_map(|p| {
        let s = DateSpan::parse(&p.start).ok()?;
        let e = p.end.as_deref().and_then(|e| DateSpan::parse(e).ok());
        Some(match e {
            Some(e) => DateSpan {
                end: e.end,
                precision: Precision::Period,
                end_precision: e.precision,
                ..s
            },
            None => s,
        })
    });
    let milestones = m.milestones.iter().flat_map(|ms| {
        [Some(&ms.date), ms.original_date.as_ref()]
            .into_iter()
            .flatten()
            .filter_map(|d| DateSpan::parse(d).ok())
    });
    let ambitions = m
        .ambitions
        .iter()
        .filter_map(|a| DateSpan::parse(&a.year.to_string()).ok());
    phases.chain(milestones).chain(ambitions)
}

/// A phase bar on a row.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    /// Index into `measure.phases`.
    pub index: usize,
    pub phase: String,
    pub x: f64,
    pub w: f64,
    /// The end is not given: the bar runs to the edge and fades out (for an ongoing phase
    /// without a start: a year past the feed's date).
    pub open_end: bool,
    /// Schema 1.1: an ongoing phase whose start is unknown: the bar fades in over the year
    /// before the feed's date (or before its end, if that is earlier).
    pub open_start: bool,
    /// The start is known only coarsely (year, half, quarter): drawn with a soft edge.
    pub fuzzy_start: bool,
    pub fuzzy_end: bool,
}

/// A milestone marker. A date known to the day is a point; anything coarser is a span.
#[derive(Clone, Debug, PartialEq)]
pub struct Marker {
    /// Index into `measure.milestones`.
    pub index: usize,
    pub x: f64,
    pub w: f64,
    pub point: bool,
    pub precision: Precision,
    /// For postponed milestones: where it was before.
    pub original: Option<(f64, f64)>,
}

fn fuzzy(p: Precision) -> bool {
    matches!(p, Precision::Year | Precision::Half | Precision::Quarter)
}

/// The bars of a measure's dated phases (see [`bars_at`] for ongoing phases without a start).
pub fn bars(m: &Measure, scale: &Scale) -> Vec<Bar> {
    bars_at(m, scale, None)
}

/// `d` moved by whole years, the day clamped (29 February).
fn shift_years(d: Ymd, years: i32) -> Ymd {
    let y = d.y + years;
    Ymd {
        y,
        m: d.m,
        d: d.d.min(crate::date::days_in_month(y, d.m)),
    }
}

/// The bars of a measure's phases. A dated phase is drawn from its start to its end (or to the
/// edge). Schema 1.1: an `ongoing` phase without a start is drawn only with a `reference` date
/// (the feed's date, when "ongoing" was true): an open-start bar that fades in over the year
/// before it and runs to the phase's end, or fades out a year after the reference when no end
/// is given. Phases with only an `order` have no place on the axis (see [`undated_sequence`]).
pub fn bars_at(m: &Measure, scale: &Scale, reference: Option<Ymd>) -> Vec<Bar> {
    m.phases
        .iter()
        .enumerate()
        .filter_map(|(index, p)| {
            if !p.is_dated() {
                if !p.ongoing {
                    return None;
                }
                let r = reference?;
                let end = match p.end.as_deref() {
                    Some(e) => Some(DateSpan::parse(e).ok()?),
                    None => None,
                };
                let base = match end {
                    Some(e) if e.first_day() < r.day_number() => {
                        Ymd::from_day_number(e.first_day())
                    }
                    _ => r,
                };
                let x = scale.x(shift_years(base, -1).day_number());
                let x1 = match end {
                    Some(e) => scale.x(e.end_exclusive()),
                    None => scale.x(shift_years(r, 1).day_number()),
                };
                return Some(Bar {
                    index,
                    phase: p.phase.to_string(),
                    x,
                    w: (x1 - x).max(2.0),
                    open_end: end.is_none(),
                    open_start: true,
                    fuzzy_start: false,
                    fuzzy_end: end.map(|e| fuzzy(e.end_precision)).unwrap_or(false),
                });
            }
            let s = DateSpan::parse(&p.start).ok()?;
            let e = match p.end.as_deref() {
                Some(e) => Some(DateSpan::parse(e).ok()?),
                None => None,
            };
            let x = scale.x(s.first_day());
            let x1 = match e {
                Some(e) => scale.x(e.end_exclusive()),
                None => scale.width(),
            };
            Some(Bar {
                index,
                phase: p.phase.to_string(),
                x,
                w: (x1 - x).max(2.0),
                open_end: e.is_none(),
                open_start: false,
                fuzzy_start: fuzzy(s.start_precision),
                fuzzy_end: e.map(|e| fuzzy(e.end_precision)).unwrap_or(false),
            })
        })
        .collect()
}

/// Schema 1.1: a measure's phases without a start date, in their order (`order`, then as
/// listed): indices into `measure.phases`. Empty when every phase is dated.
pub fn undated_sequence(m: &Measure) -> Vec<usize> {
    let mut v: Vec<(u32, usize)> = m
        .phases
        .iter()
        .enumerate()
        .filter(|(_, p)| !p.is_dated())
        .map(|(i, p)| (p.order.unwrap_or(u32::MAX), i))
        .collect();
    crate::sort::sort(&mut v);
    v.into_iter().map(|(_, i)| i).collect()
}

/// Where the chips of an undated sequence go on a row: `(x, width)` per label, left to right
/// from `x0`, with room for an arrow between them; and the x where a note after them starts.
pub fn sequence_chips(labels: &[String], x0: f64, font_px: f64) -> (Vec<(f64, f64)>, f64) {
    const PAD: f64 = 8.0;
    const ARROW: f64 = 22.0;
    let mut x = x0;
    let mut out = Vec::with_capacity(labels.len());
    for (i, l) in labels.iter().enumerate() {
        if i > 0 {
            x += ARROW;
        }
        let w = approx_text_width(l, font_px) + 2.0 * PAD;
        out.push((x, w));
        x += w;
    }
    (out, x + PAD)
}

pub fn markers(m: &Measure, scale: &Scale) -> Vec<Marker> {
    m.milestones
        .iter()
        .enumerate()
        .filter_map(|(index, ms)| {
            let s = DateSpan::parse(&ms.date).ok()?;
            let (x, w) = scale.span(&s);
            let original = match (ms.kind, ms.original_date.as_deref()) {
                (MilestoneKind::Postponed, Some(o)) => {
                    DateSpan::parse(o).ok().map(|o| scale.span(&o))
                }
                _ => None,
            };
            Some(Marker {
                index,
                x,
                w,
                point: s.is_point(),
                precision: s.precision,
                original,
            })
        })
        .collect()
}

/// Vertical layout constants, in CSS pixels. The app's CSS uses the same numbers.
pub const AXIS_H: f64 = 48.0;
pub const LANE_H: f64 = 44.0;
pub const ROW_H: f64 = 52.0;
/// Within a row: the phase bar's top and height, the centre line of milestone markers, and the
/// baselines of milestone labels above and below the bar.
pub const BAR_TOP: f64 = 15.0;
pub const BAR_H: f64 = 22.0;
pub const MARKER_CY: f64 = BAR_TOP + BAR_H / 2.0;
pub const LABEL_BASELINES: [f64; 2] = [11.0, ROW_H - 3.0];
/// Font size of milestone labels (CSS `.ms-label`).
pub const LABEL_FONT_PX: f64 = 11.0;

/// A conservative width estimate for a label in the UI font (no text metrics outside the
/// browser): 0.6 em per character, which over-estimates typical proportional fonts slightly so
/// that labels placed apart stay apart.
pub fn approx_text_width(text: &str, font_px: f64) -> f64 {
    text.chars().count() as f64 * font_px * 0.6
}

/// Where a milestone label goes.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LabelSlot {
    /// Left x of the text.
    pub x: f64,
    /// 0 = above the bar, 1 = below it.
    pub line: usize,
}

/// Places milestone labels on a row without overlap. `items` are (marker x, marker width, text
/// width) in any order. Each label starts just right of its marker (or ends just left of it when
/// it would run past `max_x`), on the line above the bar if that line is free there, else below; if neither
/// is free it is left out (`None`): the marker keeps its title and accessible name, so nothing is
/// lost, only not repeated as visible text.
pub fn place_labels(items: &[(f64, f64, f64)], max_x: f64) -> Vec<Option<LabelSlot>> {
    const GAP: f64 = 8.0;
    const PAD: f64 = 4.0;
    let mut order: Vec<usize> = (0..items.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| items[a].0.total_cmp(&items[b].0));
    let mut out = vec![None; items.len()];
    let mut line_end = [f64::NEG_INFINITY; 2];
    for i in order {
        let (mx, mw, tw) = items[i];
        let right = mx + mw.max(0.0) + PAD;
        let x = if right + tw <= max_x {
            right
        } else {
            (mx - PAD - tw).max(0.0)
        };
        if let Some(line) = (0..2).find(|&l| x >= line_end[l] + GAP) {
            line_end[line] = x + tw;
            out[i] = Some(LabelSlot { x, line });
        }
    }
    out
}

#[derive(Clone, Debug, PartialEq)]
pub enum LayoutItem {
    LaneHeader {
        lane: usize,
        y: f64,
    },
    Row {
        lane: usize,
        measure: usize,
        depth: u8,
        y: f64,
        has_children: bool,
    },
}

/// Rows in display order with their y (top) positions, below the axis.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RowLayout {
    pub items: Vec<LayoutItem>,
    pub height: f64,
    /// Item index by [`LayoutItem::key`], so a row drawn for a key finds its place again after
    /// the layout changed (a filter, a regroup, a row opened above it).
    keys: std::collections::HashMap<u64, usize, std::hash::BuildHasherDefault<KeyHasher>>,
}

/// A hasher for item keys (two indices in a `u64`): one multiplication instead of SipHash,
/// which in wasm cost more than the rest of laying out 5 000 rows.
#[derive(Clone, Copy, Debug, Default)]
pub struct KeyHasher(u64);

impl std::hash::Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.write_u64(u64::from(b));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x517c_c1b7_2722_0a95);
    }
}

impl RowLayout {
    /// Lays out `lanes`; a row whose measure id is in `expanded` shows its children below it.
    pub fn new(
        feed: &Feed,
        lanes: &[Lane],
        children: &BTreeMap<usize, Vec<usize>>,
        expanded: &dyn Fn(&str) -> bool,
    ) -> RowLayout {
        let kids = |m: usize| children.get(&m).map(Vec::as_slice).unwrap_or(&[]);
        RowLayout::with_children(feed, lanes, &kids, &|_| true, expanded)
    }

    /// Lays out `lanes`, with the sub-measures of a measure given by `children` (of which only
    /// those for which `shown` holds are drawn, e.g. while filtering); a row whose measure id is
    /// in `expanded` shows its children below it.
    pub fn with_children<'c>(
        feed: &Feed,
        lanes: &[Lane],
        children: &dyn Fn(usize) -> &'c [usize],
        shown: &dyn Fn(usize) -> bool,
        expanded: &dyn Fn(&str) -> bool,
    ) -> RowLayout {
        let ctx = RowCtx {
            feed,
            children,
            shown,
            expanded,
        };
        let mut items = Vec::with_capacity(lanes.iter().map(|l| l.rows.len() + 1).sum());
        let mut y = 0.0;
        for (li, lane) in lanes.iter().enumerate() {
            items.push(LayoutItem::LaneHeader { lane: li, y });
            y += LANE_H;
            for &r in &lane.rows {
                push_row(&ctx, li, r, 0, &mut y, &mut items);
            }
        }
        let mut keys = std::collections::HashMap::with_capacity_and_hasher(
            items.len(),
            std::hash::BuildHasherDefault::default(),
        );
        keys.extend(items.iter().enumerate().map(|(i, it)| (it.key(), i)));
        RowLayout {
            items,
            height: y,
            keys,
        }
    }

    /// The item drawn for `key`, if the layout has one.
    pub fn item(&self, key: u64) -> Option<&LayoutItem> {
        self.keys.get(&key).map(|&i| &self.items[i])
    }

    /// Centre y of the first row showing `measure`, if any.
    pub fn row_centre(&self, measure: usize) -> Option<f64> {
        self.items.iter().find_map(|it| match it {
            LayoutItem::Row { measure: m, y, .. } if *m == measure => Some(y + ROW_H / 2.0),
            _ => None,
        })
    }
}

struct RowCtx<'a, 'c> {
    feed: &'a Feed,
    children: &'a dyn Fn(usize) -> &'c [usize],
    shown: &'a dyn Fn(usize) -> bool,
    expanded: &'a dyn Fn(&str) -> bool,
}

fn push_row(
    ctx: &RowCtx<'_, '_>,
    lane: usize,
    measure: usize,
    depth: u8,
    y: &mut f64,
    items: &mut Vec<LayoutItem>,
) {
    let kids = (ctx.children)(measure);
    let has_children = kids.iter().any(|&k| (ctx.shown)(k));
    items.push(LayoutItem::Row {
        lane,
        measure,
        depth,
        y: *y,
        has_children,
    });
    *y += ROW_H;
    // depth guard: hierarchy cycles are reported by validation and never followed forever
    if has_children && depth < 8 && (ctx.expanded)(&ctx.feed.measures[measure].id) {
        for &k in kids {
            if (ctx.shown)(k) {
                push_row(ctx, lane, k, depth + 1, y, items);
            }
        }
    }
}

/// A dependency arrow between two rows, from prerequisite to dependent.
#[derive(Clone, Debug, PartialEq)]
pub struct Arrow {
    /// Index into `feed.dependencies`.
    pub dependency: usize,
    /// SVG path data.
    pub path: String,
    pub critical: bool,
    /// End point (arrow head) for a marker.
    pub head: (f64, f64),
}

/// Horizontal extent of a measure's dated content, if it has any.
pub fn extent(m: &Measure, scale: &Scale) -> Option<(f64, f64)> {
    let mut lo = f64::INFINITY;
    let mut hi = f64::NEG_INFINITY;
    for b in bars(m, scale) {
        lo = lo.min(b.x);
        hi = hi.max(b.x + b.w);
    }
    for mk in markers(m, scale) {
        lo = lo.min(mk.x);
        hi = hi.max(mk.x + mk.w);
    }
    (lo <= hi).then_some((lo, hi))
}

/// Routes arrows between visible rows: out of the right end of the prerequisite's content (or
/// the left edge when it has no dates), a rounded elbow, into the left end of the dependent's.
/// Dependencies whose ends are not both visible rows (components, collapsed rows) are skipped,
/// as are arrows entirely outside `[view_y0, view_y1]` (off-screen culling).
pub fn arrows(
    feed: &Feed,
    layout: &RowLayout,
    scale: &Scale,
    view_y: Option<(f64, f64)>,
) -> Vec<Arrow> {
    let index: BTreeMap<&str, usize> = crate::sort::map_of(
        feed.measures
            .iter()
            .enumerate()
            .map(|(i, m)| (m.id.as_str(), i)),
    );
    // Centre y of the first row of each measure, looked up once (not a scan per arrow).
    let mut centre: BTreeMap<usize, f64> = BTreeMap::new();
    for it in &layout.items {
        if let LayoutItem::Row { measure, y, .. } = it {
            centre.entry(*measure).or_insert(y + ROW_H / 2.0);
        }
    }
    let mut out = Vec::new();
    for (di, d) in feed.dependencies.iter().enumerate() {
        let (Some(&pre), Some(&dep)) = (index.get(d.to.as_str()), index.get(d.from.as_str()))
        else {
            continue;
        };
        if pre == dep {
            continue;
        }
        let (Some(&y0), Some(&y1)) = (centre.get(&pre), centre.get(&dep)) else {
            continue;
        };
        if let Some((v0, v1)) = view_y {
            if y0.max(y1) < v0 || y0.min(y1) > v1 {
                continue;
            }
        }
        let x0 = extent(&feed.measures[pre], scale)
            .map(|(_, hi)| hi)
            .unwrap_or(0.0);
        let x1 = extent(&feed.measures[dep], scale)
            .map(|(lo, _)| lo)
            .unwrap_or(0.0);
        let elbow = if x1 > x0 + 24.0 {
            (x0 + x1) / 2.0
        } else {
            x0.max(x1) + 16.0
        };
        let path = format!(
            "M{:.1},{:.1} H{:.1} V{:.1} H{:.1}",
            x0,
            y0,
            elbow,
            y1,
            x1.max(0.0) + 1.0
        );
        out.push(Arrow {
            dependency: di,
            path,
            critical: d.critical,
            head: (x1.max(0.0) + 1.0, y1),
        });
    }
    out
}

// --- issue 9: row virtualisation -------------------------------------------------------------

/// Layouts with more items than this draw only the rows near the viewport; smaller ones (every
/// real feed so far) draw every row, so find-in-page and screen readers see all of them.
pub const VIRTUALISE_ABOVE: usize = 150;
/// Rows drawn above and below the viewport, in CSS pixels, so a fast scroll shows no gap.
pub const OVERSCAN_PX: f64 = 800.0;

impl LayoutItem {
    /// A key that stays the same for the same lane header or the same measure in the same lane,
    /// whatever moves around it: lane index in the high half, measure index (or all ones for the
    /// header) in the low half.
    pub fn key(&self) -> u64 {
        match self {
            LayoutItem::LaneHeader { lane, .. } => ((*lane as u64) << 32) | u64::from(u32::MAX),
            LayoutItem::Row { lane, measure, .. } => ((*lane as u64) << 32) | (*measure as u64),
        }
    }

    /// Top y (below the axis) and height of the item.
    pub fn extent(&self) -> (f64, f64) {
        match self {
            LayoutItem::LaneHeader { y, .. } => (*y, LANE_H),
            LayoutItem::Row { y, .. } => (*y, ROW_H),
        }
    }
}

impl RowLayout {
    /// The items to draw for a viewport whose top is `view_top` pixels below the top of the rows
    /// (negative while the timeline is still below the fold) and `view_h` pixels high: every
    /// item that overlaps the viewport widened by [`OVERSCAN_PX`] on both sides. Items are in
    /// y order, so this is two binary searches. Layouts of at most [`VIRTUALISE_ABOVE`] items
    /// are drawn whole.
    pub fn window(&self, view_top: f64, view_h: f64) -> std::ops::Range<usize> {
        let n = self.items.len();
        if n <= VIRTUALISE_ABOVE {
            return 0..n;
        }
        let lo = view_top - OVERSCAN_PX;
        let hi = view_top + view_h.max(0.0) + OVERSCAN_PX;
        let first = self.items.partition_point(|it| {
            let (y, h) = it.extent();
            y + h <= lo
        });
        let end = self.items.partition_point(|it| it.extent().0 < hi);
        first..end.max(first)
    }

    /// Top y of item `i`, or the full height past the end (for the spacers around a window).
    pub fn y_of(&self, i: usize) -> f64 {
        self.items
            .get(i)
            .map(|it| it.extent().0)
            .unwrap_or(self.height)
    }

    /// The vertical band (below the axis) of the items in `window`, for culling arrows that
    /// lie wholly outside it (an arrow passing through it is kept): `None` (draw all) when the
    /// layout is drawn whole.
    pub fn band(&self, window: std::ops::Range<usize>) -> Option<(f64, f64)> {
        (self.items.len() > VIRTUALISE_ABOVE)
            .then(|| (self.y_of(window.start), self.y_of(window.end)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::roadmap::{children, lanes, Grouping};
    use crate::test_feeds::other;

    #[test]
    fn an_ordered_sequence_without_dates_is_listed_in_order_and_drawn_as_no_bar() {
        let mut f = other();
        let alfa = f.measures.iter().position(|m| m.id == "ALFA").unwrap();
        // list the phases out of order: the sequence follows `order`
        f.measures[alfa].phases.reverse();
        let m = &f.measures[alfa];
        let seq: Vec<&str> = undated_sequence(m)
            .into_iter()
            .map(|i| m.phases[i].phase.as_str())
            .collect();
        assert_eq!(seq, vec!["kartlegging", "utredning", "gjennomforing"]);
        let scale = Scale::new(2026, 2029, Zoom::Years);
        let published = Ymd {
            y: 2026,
            m: 11,
            d: 15,
        };
        assert!(bars_at(m, &scale, Some(published)).is_empty());
        // a dated measure has no undated sequence
        let gamma = f.measures.iter().find(|m| m.id == "GAMMA").unwrap();
        assert!(undated_sequence(gamma).is_empty());
        assert_eq!(bars(gamma, &scale).len(), 2, "seasons are dates");
    }

    #[test]
    fn an_ongoing_phase_without_a_start_fades_in_before_the_feeds_date() {
        let f = other();
        let beta = f.measures.iter().find(|m| m.id == "BETA").unwrap();
        let scale = Scale::new(2024, 2029, Zoom::Years);
        assert!(bars(beta, &scale).is_empty(), "no reference, no bar");
        let published = Ymd {
            y: 2026,
            m: 11,
            d: 15,
        };
        let b = bars_at(beta, &scale, Some(published));
        assert_eq!(b.len(), 1);
        let b = &b[0];
        assert!(b.open_start && b.open_end);
        let x_ref = scale.x(published.day_number());
        let year = scale.px_per_year;
        assert!((b.x - (x_ref - year)).abs() < 2.0, "starts a year before");
        assert!(
            (b.x + b.w - (x_ref + year)).abs() < 2.0,
            "ends a year after"
        );
        // with an end: runs to it, and fades in a year before the earlier of end and reference
        let mut m = beta.clone();
        m.phases[0].end = Some("2025-06".into());
        let b = &bars_at(&m, &scale, Some(published))[0];
        assert!(b.open_start && !b.open_end);
        let end = DateSpan::parse("2025-06").unwrap();
        assert!((b.x + b.w - scale.x(end.end_exclusive())).abs() < 0.5);
        assert!(
            (b.x - scale.x(Ymd {
                y: 2024,
                m: 6,
                d: 1
            }
            .day_number()))
            .abs()
                < 0.5
        );
        // dated bars are never open at the start
        let gamma = f.measures.iter().find(|m| m.id == "GAMMA").unwrap();
        assert!(bars_at(gamma, &scale, Some(published))
            .iter()
            .all(|b| !b.open_start));
    }

    #[test]
    fn sequence_chips_run_left_to_right_without_overlap() {
        let labels: Vec<String> = ["1 Kartlegging", "2 Utredning", "3 Gjennomføring"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        let (chips, note_x) = sequence_chips(&labels, 8.0, 12.0);
        assert_eq!(chips.len(), 3);
        assert_eq!(chips[0].0, 8.0);
        for w in chips.windows(2) {
            assert!(w[1].0 > w[0].0 + w[0].1 + 10.0, "room for the arrow");
        }
        let last = chips[2];
        assert!(note_x > last.0 + last.1);
        for (l, (_, w)) in labels.iter().zip(&chips) {
            assert!(*w > approx_text_width(l, 12.0));
        }
    }

    /// One lane header then `rows` rows.
    fn tall(rows: usize) -> RowLayout {
        let mut items = vec![LayoutItem::LaneHeader { lane: 0, y: 0.0 }];
        items.extend((0..rows).map(|i| LayoutItem::Row {
            lane: 0,
            measure: i,
            depth: 0,
            y: LANE_H + i as f64 * ROW_H,
            has_children: false,
        }));
        RowLayout {
            items,
            height: LANE_H + rows as f64 * ROW_H,
            ..RowLayout::default()
        }
    }

    #[test]
    fn keys_find_the_same_row_after_the_layout_changes() {
        let f = crate::minimal_fixture();
        let l = lanes(
            &f,
            Grouping::Goal,
            &(0..f.measures.len()).collect::<Vec<_>>(),
        );
        let ch = children(&f);
        let closed = RowLayout::new(&f, &l, &ch, &|_| false);
        let open = RowLayout::new(&f, &l, &ch, &|_| true);
        let keys: std::collections::HashSet<u64> = open.items.iter().map(LayoutItem::key).collect();
        assert_eq!(keys.len(), open.items.len(), "keys are unique");
        for it in &closed.items {
            let again = open.item(it.key()).expect("still there when rows open");
            match (it, again) {
                (LayoutItem::Row { measure: a, .. }, LayoutItem::Row { measure: b, .. }) => {
                    assert_eq!(a, b)
                }
                (
                    LayoutItem::LaneHeader { lane: a, .. },
                    LayoutItem::LaneHeader { lane: b, .. },
                ) => {
                    assert_eq!(a, b)
                }
                _ => panic!("a key changed kind"),
            }
        }
        assert!(closed.item(u64::MAX - 1).is_none());
    }

    #[test]
    fn small_layouts_are_drawn_whole() {
        let l = tall(VIRTUALISE_ABOVE - 1);
        assert_eq!(l.window(5_000.0, 800.0), 0..VIRTUALISE_ABOVE);
        assert_eq!(l.band(0..3), None);
    }

    #[test]
    fn window_covers_viewport_plus_overscan_only() {
        let l = tall(5_000);
        // Scrolled to 10 000 px below the first row, 800 px viewport.
        let w = l.window(10_000.0, 800.0);
        let (y_first, h_first) = l.items[w.start].extent();
        let (y_last, _) = l.items[w.end - 1].extent();
        // first item reaches into the overscan band, the one before does not
        assert!(y_first + h_first > 10_000.0 - OVERSCAN_PX);
        let (y_prev, h_prev) = l.items[w.start - 1].extent();
        assert!(y_prev + h_prev <= 10_000.0 - OVERSCAN_PX);
        // last item starts inside the band, the next does not
        assert!(y_last < 10_800.0 + OVERSCAN_PX);
        assert!(l.items[w.end].extent().0 >= 10_800.0 + OVERSCAN_PX);
        // a few dozen rows, not thousands
        assert!(w.len() < 60 && w.len() > 40, "{w:?}");
        assert_eq!(l.y_of(w.start), y_first);
    }

    #[test]
    fn window_at_the_edges() {
        let l = tall(5_000);
        // timeline below the fold: starts at the first item
        let w = l.window(-300.0, 800.0);
        assert_eq!(w.start, 0);
        assert!(w.end > 0 && w.end < 40);
        // scrolled past the end: empty window at the end, spacer covers everything
        let w = l.window(1e9, 800.0);
        assert!(w.is_empty());
        assert_eq!(l.y_of(w.start), l.height);
        // the last rows when scrolled to the bottom
        let w = l.window(l.height - 800.0, 800.0);
        assert_eq!(w.end, l.items.len());
    }

    #[test]
    fn arrow_band_is_the_window_and_culls_arrows_outside_it() {
        let l = tall(5_000);
        let w = l.window(2_000.0, 600.0);
        let (lo, hi) = l.band(w.clone()).unwrap();
        assert_eq!(lo, l.items[w.start].extent().0);
        assert_eq!(hi, l.items[w.end].extent().0);
        assert!(lo <= 2_000.0 - OVERSCAN_PX && hi >= 2_600.0 + OVERSCAN_PX);
    }

    fn minimal() -> Feed {
        crate::minimal_fixture()
    }

    fn d(s: &str) -> DateSpan {
        DateSpan::parse(s).unwrap()
    }

    #[test]
    fn x_is_linear_within_and_across_years() {
        let s = Scale::new(2023, 2027, Zoom::Years);
        let p = Zoom::Years.px_per_year();
        assert_eq!(s.width(), 5.0 * p);
        assert_eq!(
            s.x(Ymd {
                y: 2023,
                m: 1,
                d: 1
            }
            .day_number()),
            0.0
        );
        assert_eq!(
            s.x(Ymd {
                y: 2024,
                m: 1,
                d: 1
            }
            .day_number()),
            p
        );
        let mid = s.x(Ymd {
            y: 2024,
            m: 7,
            d: 2,
        }
        .day_number());
        assert!((mid - 1.5 * p).abs() < 0.5, "{mid}");
        // clamped outside the range
        assert_eq!(
            s.x(Ymd {
                y: 2000,
                m: 1,
                d: 1
            }
            .day_number()),
            0.0
        );
        assert_eq!(
            s.x(Ymd {
                y: 2099,
                m: 1,
                d: 1
            }
            .day_number()),
            s.width()
        );
    }

    #[test]
    fn precision_becomes_width() {
        let s = Scale::new(2023, 2027, Zoom::Quarters);
        let (_, wy) = s.span(&d("2027"));
        let (xq, wq) = s.span(&d("2023-Q3"));
        let (_, wm) = s.span(&d("2023-06"));
        let (_, wd) = s.span(&d("2023-06-15"));
        assert!((wy - 360.0).abs() < 1e-9);
        assert!((wq - 360.0 * 92.0 / 365.0).abs() < 1e-9);
        assert!((xq - 360.0 * 181.0 / 365.0).abs() < 1e-9);
        assert!(wm < wq && wd < wm && wd > 0.0);
    }

    #[test]
    fn scale_covers_feed_plan_and_today() {
        let f = minimal();
        let s = Scale::for_feed(
            &f,
            Ymd {
                y: 2026,
                m: 11,
                d: 22,
            },
            Zoom::Years,
        );
        assert_eq!((s.first_year, s.last_year), (2023, 2027));
        let s = Scale::for_feed(
            &f,
            Ymd {
                y: 2030,
                m: 1,
                d: 1,
            },
            Zoom::Years,
        );
        assert_eq!(s.last_year, 2030);
        assert_eq!(s.years().len(), 8);
        assert_eq!(s.quarters().len(), 32);
    }

    #[test]
    fn bars_and_markers() {
        let f = minimal();
        let s = Scale::new(2023, 2027, Zoom::Years);
        let b = bars(&f.measures[0], &s);
        assert_eq!(b.len(), 1);
        assert!(b[0].fuzzy_start && b[0].fuzzy_end && !b[0].open_end);
        let expected_end = s.x(Ymd {
            y: 2025,
            m: 1,
            d: 1,
        }
        .day_number());
        assert!((b[0].x + b[0].w - expected_end).abs() < 1e-9);
        let m = markers(&f.measures[0], &s);
        assert_eq!(m.len(), 1);
        assert!(!m[0].point, "a year milestone is a span");
        assert_eq!(m[0].precision, Precision::Year);
    }

    #[test]
    fn open_ended_bar_runs_to_the_edge() {
        let mut f = minimal();
        f.measures[0].phases[0].end = None;
        let s = Scale::new(2023, 2027, Zoom::Years);
        let b = &bars(&f.measures[0], &s)[0];
        assert!(b.open_end);
        assert!((b.x + b.w - s.width()).abs() < 1e-9);
    }

    #[test]
    fn layout_expands_children() {
        let f = minimal();
        let all: Vec<usize> = (0..f.measures.len()).collect();
        let l = lanes(&f, Grouping::Goal, &all);
        let ch = children(&f);
        let closed = RowLayout::new(&f, &l, &ch, &|_| false);
        assert_eq!(closed.items.len(), 2);
        assert_eq!(closed.height, LANE_H + ROW_H);
        let open = RowLayout::new(&f, &l, &ch, &|id| id == "PLL");
        assert_eq!(open.items.len(), 3);
        assert!(matches!(
            open.items[2],
            LayoutItem::Row {
                depth: 1,
                measure: 1,
                ..
            }
        ));
        assert_eq!(open.row_centre(1), Some(LANE_H + ROW_H + ROW_H / 2.0));
    }

    #[test]
    fn arrows_between_visible_rows_only() {
        let mut f = minimal();
        f.dependencies[0].to = "LM-1".into();
        f.dependencies[0].from = "PLL".into();
        let all: Vec<usize> = (0..f.measures.len()).collect();
        let l = lanes(&f, Grouping::Goal, &all);
        let ch = children(&f);
        let s = Scale::new(2023, 2027, Zoom::Years);
        let closed = RowLayout::new(&f, &l, &ch, &|_| false);
        assert!(
            arrows(&f, &closed, &s, None).is_empty(),
            "LM-1 is collapsed"
        );
        let open = RowLayout::new(&f, &l, &ch, &|_| true);
        let a = arrows(&f, &open, &s, None);
        assert_eq!(a.len(), 1);
        assert!(a[0].critical);
        // head ends at the dependent's (PLL's) first dated content, on PLL's row
        let (lo, _) = extent(&f.measures[0], &s).unwrap();
        assert!((a[0].head.0 - (lo + 1.0)).abs() < 1e-9);
        assert_eq!(a[0].head.1, open.row_centre(0).unwrap());
        // culled when the viewport is elsewhere
        assert!(arrows(&f, &open, &s, Some((10_000.0, 11_000.0))).is_empty());
    }

    #[test]
    fn fit_fills_the_viewport_but_never_narrows() {
        let s = Scale::new(2020, 2029, Zoom::Years);
        let wide = s.fit(1030.0);
        assert_eq!(wide.px_per_year, 103.0);
        assert!(wide.width() <= 1030.0);
        let narrow = s.fit(300.0);
        assert_eq!(narrow.px_per_year, Zoom::Years.px_per_year());
        assert_eq!(s.fit(f64::NAN), s);
        assert_eq!(s.fit(0.0), s);
    }

    #[test]
    fn labels_alternate_lines_and_drop_when_both_are_taken() {
        // three markers close together: first above, second below, third has no room
        let items = [(100.0, 6.0, 60.0), (120.0, 6.0, 60.0), (140.0, 6.0, 60.0)];
        let got = place_labels(&items, 1000.0);
        assert_eq!(got[0].map(|l| l.line), Some(0));
        assert_eq!(got[1].map(|l| l.line), Some(1));
        assert_eq!(got[2], None);
        // far apart: all on the first line, each just right of its marker
        let apart = [(300.0, 6.0, 50.0), (100.0, 10.0, 50.0)];
        let got = place_labels(&apart, 1000.0);
        assert_eq!(got[1], Some(LabelSlot { x: 114.0, line: 0 }));
        assert_eq!(got[0], Some(LabelSlot { x: 310.0, line: 0 }));
    }

    #[test]
    fn labels_stay_inside_the_right_edge() {
        let got = place_labels(&[(990.0, 6.0, 80.0)], 1000.0);
        assert_eq!(got[0], Some(LabelSlot { x: 906.0, line: 0 }));
        assert!(approx_text_width("juni 2022", LABEL_FONT_PX) > 50.0);
    }
}
