//! The table layout (`?oppsett=tabell`): the rows the timeline shows, in the same order, as a
//! real data table — for screen readers, for copying into documents, and for anyone who prefers
//! words to bars. Row headers are the measures; the lane heading is a column so no meaning sits
//! in position alone.

use std::sync::Arc;

use leptos::prelude::*;
use veikart_domain::roadmap::{self, current_status, measure_label};
use veikart_domain::timeline::LayoutItem;

use crate::app::{current_query, use_ctx, Ctx};
use crate::components::detail::feed_text;
use crate::components::roadmap::{lane_title, ViewModel};
use crate::format::{format_date, lifecycle_label, rag_label};
use crate::i18n::{t, K};

#[component]
pub fn RoadmapTable(vm: Arc<ViewModel>, grouping: roadmap::Grouping) -> impl IntoView {
    let Ctx { lang, .. } = use_ctx();
    let lang = lang.get_untracked();
    let query = current_query().get_untracked();
    let f = &vm.loaded.feed;
    let mut lane = String::new();
    let mut rows = Vec::new();
    for item in &vm.layout.items {
        match item {
            LayoutItem::LaneHeader { lane: l, .. } => {
                lane = lane_title(f, &vm.lanes[*l], grouping, lang);
            }
            LayoutItem::Row { measure, depth, .. } => {
                let m = &f.measures[*measure];
                let status = current_status(m).map(|s| {
                    let rag = s
                        .rag
                        .map(|r| format!("{}, ", rag_label(r, lang)))
                        .unwrap_or_default();
                    format!(
                        "{rag}{} ({} {})",
                        lifecycle_label(s.lifecycle, lang),
                        t(lang, K::StatusAsOf),
                        format_date(&s.as_of, lang)
                    )
                });
                let phases = m
                    .phases
                    .iter()
                    .map(|p| {
                        let name = veikart_domain::roadmap::phase_name(f, &p.phase, lang);
                        let end = p
                            .end
                            .as_deref()
                            .map(|e| format_date(e, lang))
                            .unwrap_or_else(|| "…".into());
                        view! { <li>{name}": "{format_date(&p.start, lang)}" – "{end}</li> }
                    })
                    .collect_view();
                let milestones = m
                    .milestones
                    .iter()
                    .map(|ms| {
                        let when = crate::format::format_qualified(ms.qualifier, &ms.date, lang);
                        view! { <li><strong>{when}</strong>": "{feed_text(&ms.title, lang)}</li> }
                    })
                    .collect_view();
                let href = format!("/tiltak/{}{}", m.id, query);
                let indent = format!("{}rem", 0.75 + f32::from(*depth) * 1.25);
                rows.push(view! {
                    <tr data-measure=m.id.clone()>
                        <th scope="row" style:padding-left=indent><a href=href>{measure_label(m, lang)}</a></th>
                        <td>{lane.clone()}</td>
                        <td>{m.priority}</td>
                        <td>{status}</td>
                        <td><ul class="plain">{phases}</ul></td>
                        <td><ul class="plain">{milestones}</ul></td>
                    </tr>
                });
            }
        }
    }
    view! {
        <div class="table-scroll" role="region" tabindex="0" aria-labelledby="roadmap-table-caption">
            <table class="roadmap-table">
                <caption id="roadmap-table-caption">{t(lang, K::TableCaption)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{t(lang, K::ColMeasure)}</th>
                        <th scope="col">{t(lang, K::ColGroup)}</th>
                        <th scope="col">{t(lang, K::ColPriority)}</th>
                        <th scope="col">{t(lang, K::ColStatus)}</th>
                        <th scope="col">{t(lang, K::ColPhases)}</th>
                        <th scope="col">{t(lang, K::ColMilestones)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
