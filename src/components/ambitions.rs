//! Ambition levels: the overview chart of the prioritised measures' targets (plotters SVG) and
//! a table of every target with its wording.

use leptos::prelude::*;
use veikart_domain::charts::{priority_overview_svg, ranked_measures};
use veikart_domain::roadmap::measure_label;

use crate::components::parts::{FeedText, MeasureLink};
use crate::i18n::{tf, tr, use_i18n, K};
use crate::state::use_app;

#[component]
pub fn AmbitionOverview() -> impl IntoView {
    let app = use_app();
    let i = use_i18n();
    let body = move || {
        let f = app.feed.get()?;
        // plotters escapes every text it draws; the chart holds only years, numbers and codes.
        // Drawn at about the width it is shown at, so that its 12 px labels stay 12 px on a phone
        // (a 760 px chart shrunk to 366 px had 6 px text).
        let (w, h) = if app.narrow.get() {
            (380, 280)
        } else {
            (760, 300)
        };
        let chart = priority_overview_svg(f.feed(), w, h);
        let rank_label = f
            .feed()
            .priority_lists()
            .first()
            .map(|l| l.rank_label.get(i.lang()).to_string())
            .unwrap_or_else(|| i.t(K::Priority).to_string());
        // the measures of the feed's first priority list, by rank (never "the five")
        let ranked: Vec<(u32, veikart_domain::model::Measure)> = ranked_measures(f.feed(), None)
            .into_iter()
            .map(|(r, m)| (r, m.clone()))
            .collect();
        let rows = ranked
            .into_iter()
            .map(|(rank, m)| {
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
                        <td class="rank">{rank}</td>
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
                        <th scope="col">{rank_label.clone()}</th>
                        <th scope="col">{tr(i, K::Measures)}</th>
                        <th scope="col">{tr(i, K::Ambition)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        })
    };
    let title = move || {
        let lang = i.lang();
        app.feed
            .with(|f| {
                let l = f.as_ref()?.feed().priority_lists().into_iter().next()?;
                Some(tf(
                    lang,
                    K::AmbitionOverviewOf,
                    &[("list", &l.name.get(lang))],
                ))
            })
            .unwrap_or_else(|| i.t(K::Ambition).to_string())
    };
    view! {
        <section class="ambitions-view" aria-labelledby="amb-title">
            <h2 id="amb-title">{title}</h2>
            {body}
        </section>
    }
}
