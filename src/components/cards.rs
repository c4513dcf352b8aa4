//! The list layout (`?oppsett=liste`, the default on narrow screens): the same lanes, rows,
//! filter and expansion as the timeline, as a list of cards — status, phases and the next
//! milestone in words. Usable by touch and read in order by screen readers.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use veikart_domain::roadmap::{self, current_status, next_milestone, rag_key};
use veikart_domain::timeline::LayoutItem;

use crate::app::{current_query, use_ctx, Ctx};
use crate::components::detail::feed_text;
use crate::components::roadmap::{lane_title, today, ViewModel};
use crate::format::{format_date, lifecycle_label, rag_label};
use crate::i18n::{t, K};

#[component]
pub fn Cards(
    vm: Arc<ViewModel>,
    grouping: roadmap::Grouping,
    expanded: Signal<BTreeSet<String>>,
    toggle: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let Ctx { lang, .. } = use_ctx();
    let lang = lang.get_untracked();
    let query = current_query();
    let f = &vm.loaded.feed;
    let now = today();
    let published = veikart_domain::date::DateSpan::parse(&f.meta.published)
        .map(|d| d.end)
        .ok();

    // Group rows under their lane heading, keeping depth for nesting.
    let mut sections: Vec<(String, usize, Vec<AnyView>)> = Vec::new();
    for item in &vm.layout.items {
        match item {
            LayoutItem::LaneHeader { lane, .. } => {
                let title = lane_title(f, &vm.lanes[*lane], grouping, lang);
                sections.push((title, vm.lanes[*lane].rows.len(), Vec::new()));
            }
            LayoutItem::Row {
                measure,
                depth,
                has_children,
                ..
            } => {
                let m = &f.measures[*measure];
                let id = m.id.clone();
                let status = current_status(m).map(|s| {
                    let stale = published.is_some_and(|p| roadmap::is_stale(s, p, 6));
                    view! {
                        <p class="card-status">
                            {s.rag.map(|r| view! { <span class=format!("rag rag-{}", rag_key(r))>{rag_label(r, lang)}</span> })}
                            <span class="lifecycle">{lifecycle_label(s.lifecycle, lang)}</span>
                            <span class="asof">{format!("{} {}", t(lang, K::StatusAsOf), format_date(&s.as_of, lang))}</span>
                            {stale.then(|| view! { <span class="stale">{t(lang, K::Stale)}</span> })}
                        </p>
                    }
                });
                let phases = (!m.phases.is_empty()).then(|| {
                    let items = m
                        .phases
                        .iter()
                        .map(|p| {
                            let name = veikart_domain::roadmap::phase_name(f, &p.phase, lang);
                            let end = p.end.as_deref().map(|e| format_date(e, lang)).unwrap_or_else(|| "…".into());
                            view! { <li><span class="ph">{name}</span>": "{format_date(&p.start, lang)}" – "{end}</li> }
                        })
                        .collect_view();
                    view! {
                        <div class="card-phases">
                            <span class="k">{t(lang, K::PhasesLabel)}</span>
                            <ul>{items}</ul>
                        </div>
                    }
                });
                let next_index = next_milestone(m, now);
                let next = next_index.map(|i| {
                    let ms = &m.milestones[i];
                    let when = crate::format::format_qualified(ms.qualifier, &ms.date, lang);
                    view! { <p class="card-next"><span class="k">{t(lang, K::NextMilestone)}</span> <strong>{when}</strong>": "{feed_text(&ms.title, lang)}</p> }
                });
                let undated = m.phases.is_empty() && m.milestones.is_empty();
                let toggle_btn = has_children.then(|| {
                    let id_a = id.clone();
                    let id_b = id.clone();
                    let n = f.measures.iter().filter(|c| c.parent.as_deref() == Some(id.as_str())).count();
                    let name = m.name.get(lang).to_string();
                    let is_open = Signal::derive(move || expanded.with(|e| e.contains(&id_a)));
                    view! {
                        <button type="button" class="expander card-expander"
                            aria-expanded=move || is_open.get().to_string()
                            on:click=move |_| toggle(id_b.clone())>
                            <span aria-hidden="true">{move || if is_open.get() { "▾ " } else { "▸ " }}</span>
                            <span class="visually-hidden">{move || t(lang, if is_open.get() { K::HideWord } else { K::ShowWord })}" "</span>
                            {format!("{n} {}", t(lang, K::SubMeasuresCount))}
                            <span class="visually-hidden">{format!(" – {name}")}</span>
                        </button>
                    }
                });
                let href = format!("/tiltak/{}{}", m.id, query.get_untracked());
                let code = m.short_name.clone().filter(|c| c != m.name.get(lang));
                let card = view! {
                    <li class=format!("card depth-{depth}") data-measure=id.clone()>
                        <h4>
                            {m.priority.map(|p| view! { <span class="prio" title=t(lang, K::Priority)>{p}</span> })}
                            <a href=href class="measure-link">
                                {code.map(|c| view! { <span class="code">{c}</span> " " })}
                                <span class="name">{feed_text(&m.name, lang)}</span>
                            </a>
                        </h4>
                        {status}
                        {phases}
                        {next}
                        {(undated).then(|| view! { <p class="no-dates">{t(lang, K::NoDates)}</p> })}
                        {(!undated && next_index.is_none() && !m.milestones.is_empty()).then(|| view! { <p class="hint">{t(lang, K::NoUpcoming)}</p> })}
                        {toggle_btn}
                    </li>
                }
                .into_any();
                if let Some(s) = sections.last_mut() {
                    s.2.push(card);
                }
            }
        }
    }
    let body = sections
        .into_iter()
        .map(|(title, count, cards)| {
            view! {
                <section class="card-lane">
                    <h3>{title}<span class="count">{format!(" · {count} {}", t(lang, K::Measures).to_lowercase())}</span></h3>
                    <ul class="cards">{cards}</ul>
                </section>
            }
        })
        .collect_view();
    view! { <div class="card-list">{body}</div> }
}
