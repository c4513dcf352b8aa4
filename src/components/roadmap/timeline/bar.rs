//! A measure's phase bars: colour and pattern per phase, soft edges for coarse dates, a fading
//! end when the end is not given, a fading start for an ongoing phase whose start is unknown
//! (schema 1.1), a dashed edge when the dates are inferred, and the period in words (with the
//! editors' note) as a tooltip.

use std::sync::Arc;

use leptos::prelude::*;
use veikart_domain::index::Indexed;
use veikart_domain::timeline::{bars_at, Scale, BAR_H, BAR_TOP};

use super::date_words as format_date;
use super::patterns::{has_pattern, pattern_id};
use crate::i18n::{use_i18n, K};

#[component]
pub fn Bars(
    feed: Memo<Option<Arc<Indexed>>>,
    measure: usize,
    scale: Memo<Option<Scale>>,
) -> impl IntoView {
    let i = use_i18n();
    let drawn = Memo::new(move |_| {
        let s = scale.get()?;
        feed.with(|f| {
            let f = f.as_ref()?;
            f.feed()
                .measures
                .get(measure)
                .map(|m| bars_at(m, &s, f.ix.published()))
        })
    });
    move || {
        let lang = i.lang();
        let f = feed.get()?;
        let m = f.feed().measures.get(measure)?;
        let views = drawn
            .get()?
            .into_iter()
            .map(|b| {
                let pi = f.ix.phase_index(&b.phase).unwrap_or(0);
                let ph = f.feed().phases.get(pi);
                let color = ph.map(|p| p.color.to_string()).unwrap_or_default();
                let name = ph.map(|p| p.name.get(lang).to_string()).unwrap_or(b.phase.clone());
                let period = &m.phases[b.index];
                let start = if period.is_dated() {
                    format_date(&period.start, lang)
                } else {
                    i.t(K::OngoingStartUnknown).to_string()
                };
                let mut when = format!(
                    "{start} – {}",
                    period.end.as_deref().map(|e| format_date(e, lang)).unwrap_or_else(|| "…".into())
                );
                let inferred = !period.basis.is_stated();
                if inferred {
                    let why = period
                        .basis_note
                        .as_ref()
                        .map(|n| n.get(lang).to_string())
                        .unwrap_or_else(|| i.t(K::BasisInferredWhy).to_string());
                    when.push_str(&format!(" ({}: {why})", i.t(K::BasisInferred)));
                }
                let class = format!(
                    "bar{}{}{}{}{}",
                    if b.open_end { " open-end" } else { "" },
                    if b.open_start { " open-start" } else { "" },
                    if b.fuzzy_start { " fuzzy-start" } else { "" },
                    if b.fuzzy_end { " fuzzy-end" } else { "" },
                    if inferred { " inferred" } else { "" }
                );
                let mask = b.open_start.then_some(if b.open_end {
                    "url(#vk-fade-both)"
                } else {
                    "url(#vk-fade-in)"
                });
                view! {
                    <g class=class mask=mask>
                        <rect x=b.x y=BAR_TOP width=b.w height=BAR_H rx=4 fill=color/>
                        {has_pattern(pi).then(|| view! {
                            <rect x=b.x y=BAR_TOP width=b.w height=BAR_H rx=4 fill=format!("url(#{})", pattern_id(pi))/>
                        })}
                        <title>{format!("{name}: {when}")}</title>
                    </g>
                }
            })
            .collect_view();
        Some(views)
    }
}
