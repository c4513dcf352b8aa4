//! Ambition levels: the overview of the five prioritised measures' targets (plotters SVG), and a
//! list of every target with its wording.

use leptos::prelude::*;
use veikart_domain::charts::priority_overview_svg;
use veikart_domain::roadmap::measure_label;

use crate::app::{current_query, use_ctx, Ctx};
use crate::components::detail::feed_text;
use crate::i18n::{t, K};

#[component]
pub fn AmbitionOverview() -> impl IntoView {
    let Ctx { feed, lang } = use_ctx();
    let query = current_query();
    move || {
        let lang = lang.get();
        let loaded = feed.get()?;
        let f = &loaded.feed;
        // plotters escapes every text it draws; the chart holds only years, numbers and codes.
        let chart = priority_overview_svg(f, 760, 300);
        let mut ranked: Vec<_> = f.measures.iter().filter(|m| m.priority.is_some()).collect();
        ranked.sort_by_key(|m| m.priority);
        let rows = ranked
            .into_iter()
            .map(|m| {
                let href = format!("/tiltak/{}{}", m.id, query.get());
                let targets = if m.ambitions.is_empty() {
                    view! { <p class="unknown">{t(lang, K::Unknown)}</p> }.into_any()
                } else {
                    m.ambitions
                        .iter()
                        .map(|a| view! { <p><strong>{a.year}</strong> ": " {feed_text(&a.text, lang)}</p> })
                        .collect_view()
                        .into_any()
                };
                view! {
                    <tr>
                        <td class="rank">{m.priority}</td>
                        <th scope="row"><a href=href>{measure_label(m, lang)}</a></th>
                        <td>{targets}</td>
                    </tr>
                }
            })
            .collect_view();
        Some(view! {
            <section class="ambitions-view" aria-labelledby="amb-title">
                <h2 id="amb-title">{t(lang, K::AmbitionOverview)}</h2>
                {chart.map(|svg| view! {
                    <figure class="chart" role="img" aria-label=t(lang, K::AmbitionChartLabel) inner_html=svg></figure>
                })}
                <table class="ambition-table">
                    <thead><tr>
                        <th scope="col">{t(lang, K::Priority)}</th>
                        <th scope="col">{t(lang, K::Measures)}</th>
                        <th scope="col">{t(lang, K::Ambition)}</th>
                    </tr></thead>
                    <tbody>{rows}</tbody>
                </table>
            </section>
        })
    }
}
