//! One item of the timeline, keyed so it is kept and updated in place when the layout changes:
//! a lane (its heading in the label column, its band in the drawing) or a measure (its label —
//! expander, rank, name, status — and its track of bars and milestones).

use veikart_domain::index::IdMap;

use leptos::prelude::*;
use veikart_domain::index::Indexed;
use veikart_domain::model::Measure;
use veikart_domain::roadmap::current_status;
use veikart_domain::timeline::{
    sequence_chips, undated_sequence, LayoutItem, Scale, BAR_H, BAR_TOP, LANE_H, MARKER_CY, ROW_H,
};

use super::{bar, ghosts, marker};
use crate::components::markup::{css_color, Markup};
use crate::components::parts::{
    fallback_lang, own_standing_markup, risk_badge_markup, status_markup, Expander,
};
use crate::components::roadmap::lane::{lane_lang, lane_title};
use crate::components::roadmap::{use_roadmap, RoadmapCtx};
use crate::i18n::{use_i18n, I18n, K};
use crate::state::compare::use_compare;
use crate::state::use_app;

/// Whether a key is a lane heading's (see `LayoutItem::key`).
pub fn is_lane(key: u64) -> bool {
    key & u64::from(u32::MAX) == u64::from(u32::MAX)
}

fn lane_of(key: u64) -> usize {
    (key >> 32) as usize
}

fn measure_of(key: u64) -> usize {
    (key & u64::from(u32::MAX)) as usize
}

/// The items of the rows drawn, by key: a row reads its own signal, which [`RowItems::follow`]
/// sets when the row's item (position, depth, children) changes. A memo over the drawn model per
/// row would be checked by every row on every regroup and filter, the rows about to be removed
/// included. A row whose key has left the layout keeps its item: it is removed in the same
/// update.
#[derive(Clone, Copy)]
pub struct RowItems(StoredValue<IdMap<u64, Shared>>);

/// A row's item and how many parts of the row (label, track) read it.
type Shared = (ArcRwSignal<Option<LayoutItem>>, usize);

impl RowItems {
    /// Provides the rows' items for the timeline, kept up to date from `ctx`.
    pub fn provide(ctx: RoadmapCtx) {
        let items = RowItems(StoredValue::new(IdMap::default()));
        items.follow(ctx);
        provide_context(items);
    }

    /// Sets every row's item from the drawn model, as it changes.
    fn follow(self, ctx: RoadmapCtx) {
        Effect::new(move |_| {
            ctx.drawn.with(|d| {
                let Some(d) = d else { return };
                self.0.with_value(|rows| {
                    for (key, (item, _)) in rows {
                        if let Some(new) = d.model.layout.item(*key) {
                            if item.with_untracked(|old| old.as_ref() != Some(new)) {
                                item.set(Some(new.clone()));
                            }
                        }
                    }
                });
            })
        });
    }

    /// The item of `key` (the label and the track of a row share it), for as long as the
    /// current owner lives.
    fn get(self, ctx: RoadmapCtx, key: u64) -> Signal<Option<LayoutItem>> {
        let item = self
            .0
            .try_update_value(|rows| {
                let (item, users) = rows.entry(key).or_insert_with(|| {
                    let now = ctx
                        .drawn
                        .with_untracked(|d| d.as_ref()?.model.layout.item(key).cloned());
                    (ArcRwSignal::new(now), 0)
                });
                *users += 1;
                item.clone()
            })
            .unwrap_or_else(|| ArcRwSignal::new(None));
        on_cleanup(move || {
            self.0.try_update_value(|rows| {
                if let Some((_, users)) = rows.get_mut(&key) {
                    *users -= 1;
                    if *users == 0 {
                        rows.remove(&key);
                    }
                }
            });
        });
        item.read_only().into()
    }
}

/// This key's item in the current layout (see [`RowItems`]).
fn use_item(ctx: RoadmapCtx, key: u64) -> Signal<Option<LayoutItem>> {
    expect_context::<RowItems>().get(ctx, key)
}

/// The label-column entry for a key.
#[component]
pub fn RowLabel(key: u64) -> impl IntoView {
    if is_lane(key) {
        view! { <LaneHead key/> }.into_any()
    } else {
        view! { <MeasureLabel key/> }.into_any()
    }
}

#[component]
fn LaneHead(key: u64) -> impl IntoView {
    let ctx = use_roadmap();
    let i = use_i18n();
    let lane = lane_of(key);
    // Title, its language and the row count; the heading is kept and only its text changes
    // (a regroup or a filter keeps the first lanes' keys).
    let info = Memo::new(move |_| {
        let lang = i.lang();
        let grouping = ctx.grouping.get();
        ctx.drawn.with(|d| {
            let d = d.as_ref()?;
            let l = d.model.lanes.get(lane)?;
            ctx.lists.with(|ls| {
                Some((
                    lane_title(&d.feed, ls, l, grouping, lang),
                    lane_lang(&d.feed, ls, l, lang),
                    l.rows.len(),
                ))
            })
        })
    });
    let shown = Memo::new(move |_| info.with(Option::is_some));
    move || {
        shown.get().then(|| {
            view! {
                <div class="lane-head" style:height=format!("{LANE_H}px")>
                    <h3 lang=move || info.with(|x| x.as_ref().and_then(|x| x.1))>{
                        move || info.with(|x| x.as_ref().map(|x| x.0.clone()).unwrap_or_default())
                    }</h3>
                    <span class="count">{
                        move || i.tn(K::MeasuresCount, info.with(|x| x.as_ref().map_or(0, |x| x.2)))
                    }</span>
                </div>
            }
        })
    }
}

#[component]
fn MeasureLabel(key: u64) -> impl IntoView {
    let ctx = use_roadmap();
    let i = use_i18n();
    let mi = measure_of(key);
    let feed = ctx.feed;
    let item = use_item(ctx, key);
    let id = measure_id(feed, mi);
    let depth = move || match item.get() {
        Some(LayoutItem::Row { depth, .. }) => depth,
        _ => 0,
    };
    let has_children = Memo::new(move |_| {
        matches!(
            item.get(),
            Some(LayoutItem::Row {
                has_children: true,
                ..
            })
        )
    });
    let class = move || {
        let mut c = format!("row-label depth-{}", depth());
        if ctx.is_withdrawn(mi) {
            c.push_str(" withdrawn");
        }
        let id = id.get().unwrap_or_default();
        if ctx.selected.with(|s| s.as_deref() == Some(id.as_str())) {
            c.push_str(" selected");
        } else if ctx
            .related
            .with(|r| r.as_ref().is_some_and(|r| r.contains(&id)))
        {
            c.push_str(" related");
        }
        c
    };
    let open = Memo::new(move |_| {
        let id = id.get();
        id.is_some_and(|id| ctx.expanded.with(|e| e.contains(&id)))
    });
    let expander = move || {
        has_children.get().then(|| {
            feed.with(|f| {
                let m = f.as_ref()?.feed().measures.get(mi)?;
                let mid = m.id.clone();
                Some(view! {
                    <Expander name=m.name.clone() open=open.into() on_toggle=Callback::new(move |_| ctx.toggle(&mid))/>
                })
            })
        })
    };
    let app = use_app();
    // The label's texts are markup (`components::markup`): built at once from the feed and the
    // language (a language switch builds them anew), the same elements the parts' components
    // draw.
    let body = move || {
        let f = feed.get()?;
        let m = f.feed().measures.get(mi)?;
        let lang = i.lang();
        let rank = move || {
            ctx.rank(mi).map(|(r, pos)| {
                view! { <span class="prio" title=move || ctx.rank_title(r, pos, i.lang())>{r}</span> }
            })
        };
        let name = m.name.get(lang);
        let mut link = Markup::default();
        if let Some(code) = m.short_name.as_deref().filter(|c| *c != name) {
            link.open("span")
                .attr("class", "code")
                .body()
                .text(code)
                .close("span");
        }
        link.open("span")
            .attr("class", "name")
            .attr_opt("lang", fallback_lang(&m.name, lang))
            .body()
            .text(name)
            .close("span");
        let mut badges = Markup::default();
        own_standing_markup(&mut badges, &f, m.standing.as_deref(), lang);
        risk_badge_markup(
            &mut badges,
            veikart_domain::risk::counts(f.feed(), mi),
            lang,
        );
        let status = current_status(m).map(|s| {
            let mut out = Markup::default();
            status_markup(&mut out, s, f.ix.published(), lang);
            out.finish()
        });
        let id = m.id.clone();
        Some(view! {
            {rank}
            <a href=move || app.view.with(|v| v.measure_href(&id)) class="measure-link" data-noscroll=""
                inner_html=link.finish()></a>
            <span class="row-badges" inner_html=badges.finish()></span>
            {status.map(|s| view! { <span class="status" inner_html=s></span> })}
        })
    };
    view! {
        <div class=class style:height=format!("{ROW_H}px") data-measure=move || id.get()>
            {expander}
            {body}
        </div>
    }
}

/// The drawing for a key: a lane band or a measure's track.
#[component]
pub fn RowTrack(key: u64, scale: Memo<Option<Scale>>, width: Memo<f64>) -> impl IntoView {
    let ctx = use_roadmap();
    let item = use_item(ctx, key);
    let y = move || item.with(|it| it.as_ref().map(|it| it.extent().0).unwrap_or(0.0));
    let transform = move || format!("translate(0,{})", veikart_domain::timeline::AXIS_H + y());
    if is_lane(key) {
        return view! {
            <g transform=transform><rect x=0 y=0 width=width height=LANE_H class="lane-band"/></g>
        }
        .into_any();
    }
    let i = use_i18n();
    let mi = measure_of(key);
    let feed = ctx.feed;
    let id = measure_id(feed, mi);
    let bg_class = move || {
        let id = id.get().unwrap_or_default();
        if ctx.selected.with(|s| s.as_deref() == Some(id.as_str())) {
            "row-bg selected"
        } else if ctx
            .related
            .with(|r| r.as_ref().is_some_and(|r| r.contains(&id)))
        {
            "row-bg related"
        } else {
            "row-bg"
        }
    };
    // Everything drawn on the track but its background, as one piece of markup (`markup.rs`):
    // follows the language, the scale (zoom, width), the feed and the comparison.
    let cmp = use_compare();
    let content = move || {
        let s = scale.get()?;
        let f = feed.get()?;
        let m = f.feed().measures.get(mi)?;
        let mut out = Markup::default();
        if m.phases.is_empty() && m.milestones.is_empty() {
            out.open("text")
                .attr("x", 8)
                .attr("y", ROW_H / 2.0 + 4.0)
                .attr("class", "no-dates")
                .body()
                .text(i.t(K::NoDates))
                .close("text");
        }
        sequence(&mut out, &f, m, i);
        if cmp.ghosts.get() {
            if let Some(Ok(old)) = cmp.previous.get() {
                ghosts::ghosts(&mut out, &old, m, &s, i);
            }
        }
        bar::bars(&mut out, &f, m, &s, i);
        marker::milestones(&mut out, &f, m, &s, width.get(), i);
        Some(out.finish())
    };
    let row_class = move || {
        if ctx.is_withdrawn(mi) {
            "row withdrawn"
        } else {
            "row"
        }
    };
    view! {
        <g class=row_class transform=transform>
            <rect x=0 y=0 width=width height=ROW_H class=bg_class/>
            <g inner_html=move || content().unwrap_or_default()></g>
        </g>
    }
    .into_any()
}

/// Schema 1.1: a sequence known without dates, as numbered phase chips from the left edge:
/// "1 Kartlegging → 2 Utredning → 3 Gjennomføring  ingen datoer ennå".
fn sequence(out: &mut Markup, f: &Indexed, m: &Measure, i: I18n) {
    let lang = i.lang();
    let seq: Vec<usize> = undated_sequence(m)
        .into_iter()
        .filter(|&n| m.phases[n].order.is_some())
        .collect();
    if seq.is_empty() {
        return;
    }
    let labels: Vec<String> = seq
        .iter()
        .map(|&n| {
            let p = &m.phases[n];
            format!("{} {}", p.order.unwrap_or(0), f.phase_name(&p.phase, lang))
        })
        .collect();
    // the note first ("ingen datoer ennå:"), then the chips, on a plate of their own: the
    // sequence has no place on the time axis and must not look as if it had one
    let note = format!("{}:", i.t(K::NoDatesYet));
    let note_w = veikart_domain::timeline::approx_text_width(&note, 12.0);
    let (chips, end_x) = sequence_chips(&labels, 16.0 + note_w, 12.0);
    out.open("g").attr("class", "undated-sequence").body();
    out.open("rect")
        .attr("x", 2)
        .attr("y", BAR_TOP - 5.0)
        .attr("width", end_x)
        .attr("height", BAR_H + 10.0)
        .attr("rx", 6)
        .attr("class", "seq-plate")
        .end("rect");
    out.open("text")
        .attr("x", 10)
        .attr("y", MARKER_CY + 4.0)
        .attr("class", "no-dates")
        .body()
        .text(&note)
        .close("text");
    for (k, ((&n, label), (x, w))) in seq.iter().zip(labels).zip(chips).enumerate() {
        let color = f
            .phase(&m.phases[n].phase)
            .map(|p| p.color.as_str())
            .unwrap_or_default();
        let inferred = !m.phases[n].basis.is_stated();
        if k > 0 {
            out.open("text")
                .attr("x", x - 15.0)
                .attr("y", MARKER_CY + 4.0)
                .attr("class", "seq-arrow")
                .attr("aria-hidden", "true")
                .body()
                .text("→")
                .close("text");
        }
        out.open("g")
            .attr(
                "class",
                if inferred {
                    "seq-chip inferred"
                } else {
                    "seq-chip"
                },
            )
            .body();
        out.open("rect")
            .attr("x", x)
            .attr("y", BAR_TOP + 1.0)
            .attr("width", w)
            .attr("height", BAR_H - 2.0)
            .attr("rx", 11)
            .attr("class", "seq-chip-bg")
            .attr_opt("style", css_color(color).map(|c| format!("stroke: {c};")))
            .end("rect");
        out.open("rect")
            .attr("x", x)
            .attr("y", BAR_TOP + 1.0)
            .attr("width", 6)
            .attr("height", BAR_H - 2.0)
            .attr("rx", 3)
            .attr("fill", color)
            .end("rect");
        out.open("text")
            .attr("x", x + 12.0)
            .attr("y", MARKER_CY + 4.0)
            .attr("class", "seq-label")
            .body()
            .text(&label)
            .close("text")
            .close("g");
    }
    out.close("g");
}

/// The id of measure `mi` of the shown feed, kept current.
fn measure_id(feed: Memo<Option<std::sync::Arc<Indexed>>>, mi: usize) -> Memo<Option<String>> {
    Memo::new(move |_| {
        feed.with(|f| {
            f.as_ref()?
                .feed()
                .measures
                .get(mi)
                .map(|m| m.id.to_string())
        })
    })
}
