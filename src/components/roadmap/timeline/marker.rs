//! A measure's milestones: a diamond for a date known to the day, a rounded span for a month,
//! quarter, half or year; a wedge for "tidligst"/"fra" and "i løpet av"; the earlier date of a
//! postponed milestone; and the date as a label where there is room (two label lines, no
//! overlaps: `timeline::place_labels`). Each marker is focusable from the keyboard.

use std::sync::Arc;

use leptos::prelude::*;
use veikart_domain::index::Indexed;
use veikart_domain::model::Qualifier;
use veikart_domain::timeline::{
    approx_text_width, markers, place_labels, Scale, LABEL_BASELINES, LABEL_FONT_PX, MARKER_CY,
};

use super::qualified_words as format_qualified;
use crate::i18n::{labels, use_i18n, K};

#[component]
pub fn Markers(
    feed: Memo<Option<Arc<Indexed>>>,
    measure: usize,
    scale: Memo<Option<Scale>>,
    width: Memo<f64>,
) -> impl IntoView {
    let i = use_i18n();
    move || {
        let lang = i.lang();
        let s = scale.get()?;
        let f = feed.get()?;
        let m = f.feed().measures.get(measure)?;
        let marks = markers(m, &s);
        let whens: Vec<String> = marks
            .iter()
            .map(|mk| {
                let ms = &m.milestones[mk.index];
                format_qualified(ms.qualifier, &ms.date, lang)
            })
            .collect();
        let room: Vec<(f64, f64, f64)> = marks
            .iter()
            .zip(&whens)
            .map(|(mk, w)| {
                let extra = if mk.point { 9.0 } else { 8.0 };
                (
                    mk.x,
                    mk.w.max(6.0) + extra,
                    approx_text_width(w, LABEL_FONT_PX),
                )
            })
            .collect();
        let slots = place_labels(&room, width.get());
        let cy = MARKER_CY;
        let views = marks
            .into_iter()
            .zip(whens)
            .zip(slots)
            .map(|((mk, when), slot)| {
                let ms = &m.milestones[mk.index];
                let mut title = format!("{} — {when}", ms.title.get(lang));
                // schema 1.1: an inferred date says so and why; a standing that differs from the
                // feed's is named
                let inferred = !ms.basis.is_stated();
                if inferred {
                    let why = ms
                        .basis_note
                        .as_ref()
                        .map(|n| n.get(lang).to_string())
                        .unwrap_or_else(|| i.t(K::BasisInferredWhy).to_string());
                    title.push_str(&format!(" ({}: {why})", i.t(K::BasisInferred)));
                }
                if let Some(st) = veikart_domain::standing::badge(f.feed(), ms.standing.as_ref()) {
                    title.push_str(&format!(" ({})", i.t(labels::standing(st))));
                }
                let x = mk.x;
                let w = mk.w.max(6.0);
                let shape = if mk.point {
                    view! { <path d=format!("M{x},{} L{},{cy} L{x},{} L{},{cy} Z", cy - 9.0, x + 9.0, cy + 9.0, x - 9.0) class="ms-point"/> }.into_any()
                } else {
                    view! { <rect x=x y=cy - 7.0 width=w height=14 rx=7 class="ms-span"/> }.into_any()
                };
                let ghost = mk.original.map(|(ox, ow)| view! {
                    <rect x=ox y=cy - 7.0 width=ow.max(6.0) height=14 rx=7 class="ms-original"/>
                });
                let q_mark = match ms.qualifier {
                    Some(Qualifier::Earliest | Qualifier::From) => Some(format!("M{},{cy} l8,-6 v12 Z", x + w)),
                    Some(Qualifier::By) => Some(format!("M{x},{cy} l-8,-6 v12 Z")),
                    _ => None,
                }
                .map(|d| view! { <path d=d class="ms-qual"/> });
                let label = slot.map(|sl| view! {
                    <text x=sl.x y=LABEL_BASELINES[sl.line] class="ms-label" aria-hidden="true">{when.clone()}</text>
                });
                view! {
                    <g class="milestone" class:inferred=inferred tabindex="-1" role="img" aria-label=title.clone() data-measure=m.id.to_string()>
                        {ghost}{shape}{q_mark}{label}
                        <title>{title.clone()}</title>
                    </g>
                }
            })
            .collect_view();
        Some(views)
    }
}
