//! The legend of the timeline: phase colours and patterns, milestone shapes, the plan period
//! and the today line. Phase names wrap, however long a feed makes them.

use leptos::prelude::*;

use super::timeline::patterns::pattern_id;
use crate::components::parts::FeedText;
use crate::i18n::{tr, use_i18n, K};
use crate::state::use_app;

#[component]
pub fn Legend() -> impl IntoView {
    let app = use_app();
    let i = use_i18n();
    let phases = move || {
        app.feed.get().map(|f| {
            f.feed()
                .phases
                .iter()
                .enumerate()
                .map(|(n, p)| {
                    let fill = p.color.to_string();
                    let pat = format!("url(#{})", pattern_id(n));
                    view! {
                        <li>
                            <svg width="28" height="14" aria-hidden="true">
                                <rect width="28" height="14" rx="3" fill=fill/>
                                <rect width="28" height="14" rx="3" fill=pat/>
                            </svg>
                            <FeedText text=p.name.clone()/>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <details class="legend" open>
            <summary>{tr(i, K::Legend)}</summary>
            <ul>
                {phases}
                <li>
                    <svg width="16" height="16" aria-hidden="true"><path d="M8 1 L15 8 L8 15 L1 8 Z" class="ms-point"/></svg>
                    {tr(i, K::MilestonePoint)}
                </li>
                <li>
                    <svg width="28" height="16" aria-hidden="true"><rect x="1" y="3" width="26" height="10" rx="5" class="ms-span"/></svg>
                    {tr(i, K::MilestoneSpan)}
                </li>
                <li>
                    <svg width="28" height="16" aria-hidden="true"><rect x="1" y="3" width="26" height="10" rx="5" class="ms-span legend-inferred"/></svg>
                    {tr(i, K::LegendInferred)}
                </li>
                <li><span class="swatch ongoing" aria-hidden="true"></span>{tr(i, K::LegendOngoing)}</li>
                <li><span class="swatch plan" aria-hidden="true"></span>{tr(i, K::PlanPeriod)}</li>
                <li><span class="swatch today" aria-hidden="true"></span>{tr(i, K::Today)}</li>
            </ul>
        </details>
    }
}
