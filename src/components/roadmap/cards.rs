//! The list layout (`oppsett=liste`, the default on narrow screens): the same lanes, rows,
//! filter and expansion as the timeline, as cards — status, phases and the next milestone in
//! words. Usable by touch and read in order by screen readers. Lanes and cards are keyed, so a
//! filter change keeps the cards that stay.

use leptos::prelude::*;
use veikart_domain::roadmap::{current_status, next_milestone};
use veikart_domain::timeline::LayoutItem;

use super::lane::lane_title;
use super::use_roadmap;
use crate::components::parts::{
    Expander, FeedText, MeasureLink, OwnStanding, PhaseList, RiskBadge, StatusChip,
};
use crate::format::format_qualified;
use crate::i18n::{use_i18n, K};
use crate::state::use_app;

#[component]
pub fn Cards() -> impl IntoView {
    let ctx = use_roadmap();
    // Per lane: its key and the keys of its rows, in order.
    let sections = Memo::new(move |_| {
        ctx.drawn.with(|d| {
            let mut out: Vec<(u64, Vec<u64>)> = Vec::new();
            if let Some(d) = d {
                for it in &d.model.layout.items {
                    match it {
                        LayoutItem::LaneHeader { .. } => out.push((it.key(), Vec::new())),
                        LayoutItem::Row { .. } => {
                            if let Some(s) = out.last_mut() {
                                s.1.push(it.key());
                            }
                        }
                    }
                }
            }
            out
        })
    });
    view! {
        <div class="card-list">
            <For each=move || sections.get() key=|s| s.clone() let:s>
                <CardLane lane=s.0 rows=s.1/>
            </For>
        </div>
    }
}

#[component]
fn CardLane(lane: u64, rows: Vec<u64>) -> impl IntoView {
    let ctx = use_roadmap();
    let i = use_i18n();
    let li = (lane >> 32) as usize;
    let heading = move || {
        let lang = i.lang();
        let g = ctx.grouping.get();
        ctx.drawn.with(|d| {
            let d = d.as_ref()?;
            let l = d.model.lanes.get(li)?;
            Some(view! {
                <h3>{ctx.lists.with(|ls| lane_title(&d.feed, ls, l, g, lang))}<span class="count">{format!(" · {}", i.tn(K::MeasuresCount, l.rows.len()))}</span></h3>
            })
        })
    };
    view! {
        <section class="card-lane">
            {heading}
            <ul class="cards">
                <For each=move || rows.clone() key=|k| *k let:k>
                    <Card key=k/>
                </For>
            </ul>
        </section>
    }
}

#[component]
fn Card(key: u64) -> impl IntoView {
    let ctx = use_roadmap();
    let app = use_app();
    let i = use_i18n();
    let mi = (key & u64::from(u32::MAX)) as usize;
    let item = Memo::new(move |_| {
        ctx.drawn
            .with(|d| d.as_ref()?.model.layout.item(key).cloned())
    });
    let depth = move || match item.get() {
        Some(LayoutItem::Row { depth, .. }) => depth,
        _ => 0,
    };
    let has_children = move || {
        matches!(
            item.get(),
            Some(LayoutItem::Row {
                has_children: true,
                ..
            })
        )
    };
    move || {
        let f = ctx.feed.get()?;
        let m = f.feed().measures.get(mi)?.clone();
        let id = m.id.to_string();
        let published = f.ix.published();
        let today = app.clock.today();
        let next = next_milestone(&m, today);
        let undated = m.phases.is_empty() && m.milestones.is_empty();
        let n_children = f.ix.children(mi).len();
        let phases = (!m.phases.is_empty()).then(|| {
            let items = view! { <PhaseList feed=f.clone() measure=m.clone()/> };
            view! {
                <div class="card-phases">
                    <span class="k">{move || i.t(K::PhasesLabel)}</span>
                    <ul>{items}</ul>
                </div>
            }
        });
        let next_view = next.map(|n| {
            let ms = m.milestones[n].clone();
            let (q, date) = (ms.qualifier, ms.date.clone());
            view! {
                <p class="card-next"><span class="k">{move || i.t(K::NextMilestone)}</span>" "
                <strong>{move || format_qualified(q, &date, i.lang())}</strong>": "<FeedText text=ms.title/></p>
            }
        });
        let past_only = !undated && next.is_none() && !m.milestones.is_empty();
        let open = Memo::new({
            let id = id.clone();
            move |_| ctx.expanded.with(|e| e.contains(&id))
        });
        let toggle_id = id.clone();
        let card_name = m.name.clone();
        let code = m
            .short_name
            .as_deref()
            .filter(|c| Some(*c) != m.name.nb.as_deref())
            .map(String::from);
        let risks = veikart_domain::risk::counts(f.feed(), mi);
        let withdrawn = ctx.is_withdrawn(mi);
        let rank = move || {
            ctx.rank(mi).map(|(r, pos)| {
                view! { <span class="prio" title=move || ctx.rank_title(r, pos, i.lang())>{r}</span> }
            })
        };
        Some(view! {
            <li class=move || format!("card depth-{}{}", depth(), if withdrawn { " withdrawn" } else { "" }) data-measure=id.clone()>
                <h4>
                    {rank}
                    <MeasureLink id=id.clone() class="measure-link">
                        {code.map(|c| view! { <span class="code">{c}</span> " " })}
                        <span class="name"><FeedText text=card_name/></span>
                    </MeasureLink>
                    <OwnStanding standing=m.standing.as_deref().cloned()/>
                    " " <RiskBadge counts=risks/>
                </h4>
                {current_status(&m).cloned().map(|s| view! { <p class="card-status"><StatusChip status=s published/></p> })}
                {phases}
                {next_view}
                {undated.then(|| view! { <p class="no-dates">{move || i.t(K::NoDates)}</p> })}
                {past_only.then(|| view! { <p class="hint">{move || i.t(K::NoUpcoming)}</p> })}
                {move || has_children().then(|| view! {
                    <Expander name=m.name.clone() open=open.into() count=n_children
                        on_toggle=Callback::new({ let id = toggle_id.clone(); move |_| ctx.toggle(&id) })/>
                })}
            </li>
        })
    }
}
