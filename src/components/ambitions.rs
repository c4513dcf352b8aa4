//! Ambition levels: the overview chart of the prioritised measures' targets (plotters SVG) and
//! a table of every target with its wording.

use leptos::prelude::*;
use veikart_domain::charts::priority_overview_svg;
use veikart_domain::roadmap::measure_label;

use crate::components::parts::{FeedText, MeasureLink};
use crate::i18n::{tr, use_i18n, K};
use crate::state::use_app;

#[component]
pub fn AmbitionOverview() -> impl IntoView {
    let app = use_app();
    let i = use_i18n();
    let body = move || {
        let f = app.feed.get()?;
        // plotters escapes every text it draws; the chart holds only years, numbers and codes.
        let chart = priority_overview_svg(f.feed(), 760, 300);
        let mut ranked: Vec<_> = f
            .feed()
            .measures
            .iter()
            .filter(|m| m.priority.is_some())
            .cloned()
            .collect();
        ranked.sort_by_key(|m| m.priority);
        let rows = ranked
            .into_iter()
            .map(|m| {
                let targets = if m.ambitions.is_empty() {
                    view! { <p class="unknown">{tr(i, K::Unknown)}</p> }.into_any()
                } else {
                    m.ambitions
                        .iter()
                        .map(|a| view! { <p><strong>{a.year}</strong> ": " <FeedText text=a.text.clone()/></p> })
                        .collect_view()
                        .into_any()
                };
                let label = m.clone();
                view! {
                    <tr>
                        <td class="rank">{m.priority}</td>
                        <th scope="row"><MeasureLink id=m.id.clone()>{move || measure_label(&label, i.lang())}</MeasureLink></th>
                        <td>{targets}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            {chart.map(|svg| view! {
                <figure class="chart" role="img" aria-label=tr(i, K::AmbitionChartLabel) inner_html=svg></figure>
            })}
            <div class="table-scroll" role="region" tabindex="0" aria-labelledby="amb-title">
                <table class="ambition-table">
                    <thead><tr>
                        <th scope="col">{tr(i, K::Priority)}</th>
                        <th scope="col">{tr(i, K::Measures)}</th>
                        <th scope="col">{tr(i, K::Ambition)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    };
    view! {
        <section class="ambitions-view" aria-labelledby="amb-title">
            <h2 id="amb-title">{tr(i, K::AmbitionOverview)}</h2>
            {body}
        </section>
    }
}
