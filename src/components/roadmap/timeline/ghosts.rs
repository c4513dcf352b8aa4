//! Ghost marks on a row while comparing with an older version: its phase bars and milestone
//! dates as dashed outlines, with an arrow and the months when a date moved.

use leptos::prelude::*;
use veikart_domain::diff::{self, Ghost};
use veikart_domain::timeline::{Scale, ROW_H};

use crate::format::format_date;
use crate::i18n::{use_i18n, K};
use crate::state::compare::use_compare;
use crate::state::use_app;

#[component]
pub fn Ghosts(measure: Memo<Option<String>>, scale: Memo<Option<Scale>>) -> impl IntoView {
    let app = use_app();
    let cmp = use_compare();
    let i = use_i18n();
    move || {
        if !cmp.ghosts.get() {
            return None;
        }
        let id = measure.get()?;
        let old = cmp.previous.get()?.ok()?;
        let new = app.feed.get()?;
        let (om, nm) = (old.measure(&id)?, new.measure(&id)?);
        let marks = diff::ghosts(om, nm, &scale.get()?);
        if marks.is_empty() {
            return None;
        }
        let lang = i.lang();
        let version = old.feed().meta.version_label.get(lang).to_string();
        let cy = ROW_H / 2.0;
        let views = marks
            .into_iter()
            .map(|g| match g {
                Ghost::Bar { phase, x, w } => {
                    let name = old.phase_name(&phase, lang);
                    view! {
                        <rect x=x y=10.0 width=w height=ROW_H - 20.0 rx=4 class="ghost-bar">
                            <title>{format!("{version}: {name}")}</title>
                        </rect>
                    }
                    .into_any()
                }
                Ghost::Marker { title, date, x, w, point, to, months } => {
                    let tip = format!("{version}: {} — {}", title.get(lang), format_date(&date, lang));
                    let shape = if point {
                        view! { <path d=format!("M{x},{} L{},{cy} L{x},{} L{},{cy} Z", cy - 9.0, x + 9.0, cy + 9.0, x - 9.0) class="ghost-ms"/> }.into_any()
                    } else {
                        view! { <rect x=x y=cy - 7.0 width=w.max(6.0) height=14 rx=7 class="ghost-ms"/> }.into_any()
                    };
                    let slip = to.map(|to| {
                        let x0 = if to > x { x + w.max(6.0) } else { x };
                        let label = months.map(|m| format!("{m:+} {}", i.t(K::MonthsShort)));
                        view! {
                            <line x1=x0 y1=cy x2=to - 4.0 y2=cy class="ghost-slip" marker-end="url(#arrowhead)"/>
                            {label.map(|l| view! { <text x=(x0 + to) / 2.0 y=11.0 text-anchor="middle" class="ghost-months">{l}</text> })}
                        }
                    });
                    view! {
                        <g class="ghost-marker">
                            {slip}
                            {shape}
                            <title>{tip}</title>
                        </g>
                    }
                    .into_any()
                }
            })
            .collect_view();
        Some(view! { <g class="ghosts" data-ghost-for=id>{views}</g> })
    }
}
