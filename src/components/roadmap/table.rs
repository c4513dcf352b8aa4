//! The table layout (`oppsett=tabell`): the rows the timeline shows, in the same order, as a
//! real data table — for screen readers, for copying into documents, and for anyone who prefers
//! words to bars. Row headers are the measures; the lane is a column so no meaning sits in
//! position alone.

use leptos::prelude::*;
use veikart_domain::roadmap::{current_status, measure_label};
use veikart_domain::timeline::LayoutItem;

use super::lane::lane_title;
use super::use_roadmap;
use crate::components::parts::{
    MeasureLink, MilestoneItem, OwnStanding, PhaseList, RiskBadge, StatusChip,
};
use crate::i18n::{tr, use_i18n, K};

#[component]
pub fn RoadmapTable() -> impl IntoView {
    let ctx = use_roadmap();
    let i = use_i18n();
    // (lane index, row key) per row, in order.
    let rows = Memo::new(move |_| {
        ctx.drawn.with(|d| {
            let mut out = Vec::new();
            if let Some(d) = d {
                for it in &d.model.layout.items {
                    if let LayoutItem::Row { lane, .. } = it {
                        out.push((*lane, it.key()));
                    }
                }
            }
            out
        })
    });
    // the rank column in the word of the list in use («Prioritet», «Rang» …)
    let rank_heading = move || {
        let chosen = ctx.list.get();
        let pos = ctx
            .index
            .with(|ix| ix.as_ref()?.list(chosen.as_deref()).map(|l| l.position));
        pos.and_then(|p| {
            ctx.lists
                .with(|ls| ls.get(p).map(|(_, l)| l.get(i.lang()).to_string()))
        })
        .unwrap_or_else(|| i.t(K::ColPriority).to_string())
    };
    view! {
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="roadmap-table-caption">
            <table class="roadmap-table">
                <caption id="roadmap-table-caption">{tr(i, K::TableCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{tr(i, K::ColMeasure)}</th>
                        <th scope="col">{tr(i, K::ColGroup)}</th>
                        <th scope="col">{rank_heading}</th>
                        <th scope="col">{tr(i, K::ColStatus)}</th>
                        <th scope="col">{tr(i, K::ColPhases)}</th>
                        <th scope="col">{tr(i, K::ColMilestones)}</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.1 let:r>
                        <TableRow lane=r.0 key=r.1/>
                    </For>
                </tbody>
            </table>
        </div>
    }
}

#[component]
fn TableRow(lane: usize, key: u64) -> impl IntoView {
    let ctx = use_roadmap();
    let i = use_i18n();
    let mi = (key & u64::from(u32::MAX)) as usize;
    let item = Memo::new(move |_| {
        ctx.drawn
            .with(|d| d.as_ref()?.model.layout.item(key).cloned())
    });
    let indent = move || {
        let depth = match item.get() {
            Some(LayoutItem::Row { depth, .. }) => depth,
            _ => 0,
        };
        format!("{}rem", 0.75 + f64::from(depth) * 1.25)
    };
    let lane_name = move || {
        let (lang, g) = (i.lang(), ctx.grouping.get());
        ctx.drawn.with(|d| {
            let d = d.as_ref()?;
            let l = d.model.lanes.get(lane)?;
            Some(ctx.lists.with(|ls| lane_title(&d.feed, ls, l, g, lang)))
        })
    };
    move || {
        let f = ctx.feed.get()?;
        let m = f.feed().measures.get(mi)?.clone();
        let published = f.ix.published();
        let phases = view! { <PhaseList feed=f.clone() measure=m.clone()/> };
        let risks = veikart_domain::risk::counts(f.feed(), mi);
        let withdrawn = ctx.is_withdrawn(mi);
        let rank = move || {
            ctx.rank(mi).map(|(r, pos)| {
                view! { <span title=move || ctx.rank_title(r, pos, i.lang())>{r}</span> }
            })
        };
        let milestones = m
            .milestones
            .iter()
            .map(|ms| view! { <MilestoneItem milestone=ms.clone()/> })
            .collect_view();
        let label = m.clone();
        Some(view! {
            <tr data-measure=m.id.to_string() class:withdrawn=withdrawn>
                <th scope="row" style:padding-left=indent>
                    <MeasureLink id=m.id.clone()>{move || measure_label(&label, i.lang())}</MeasureLink>
                    <OwnStanding standing=m.standing.as_deref().cloned()/>
                    " " <RiskBadge counts=risks/>
                </th>
                <td>{lane_name}</td>
                <td>{rank}</td>
                <td>{current_status(&m).cloned().map(|s| view! { <StatusChip status=s published/> })}</td>
                <td><ul class="plain">{phases}</ul></td>
                <td><ul class="plain">{milestones}</ul></td>
            </tr>
        })
    }
}
