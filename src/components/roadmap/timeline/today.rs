//! The today line and the shaded plan period.

use leptos::prelude::*;
use veikart_domain::date::DateSpan;
use veikart_domain::timeline::{Scale, AXIS_H};

use crate::i18n::{use_i18n, K};
use crate::state::use_app;

#[component]
pub fn TodayLine(scale: Memo<Option<Scale>>) -> impl IntoView {
    let app = use_app();
    let i = use_i18n();
    move || {
        let s = scale.get()?;
        let x = s.x(app.clock.today().day_number());
        // to the bottom of the rows, as the axis's grid lines (`axis.rs`)
        Some(view! {
            <line x1=x y1=AXIS_H - 6.0 x2=x y2="100%" class="today"/>
            <text x=x + 4.0 y=AXIS_H - 8.0 class="today-label">{move || i.t(K::Today)}</text>
        })
    }
}

#[component]
pub fn PlanPeriod(scale: Memo<Option<Scale>>, height: Memo<f64>) -> impl IntoView {
    let app = use_app();
    let i = use_i18n();
    move || {
        let s = scale.get()?;
        let pp = app.feed.with(|f| f.as_ref()?.feed().meta.plan_period)?;
        let span = DateSpan::parse(&format!("{}/{}", pp.start, pp.end)).ok()?;
        let (x, w) = s.span(&span);
        Some(view! {
            <rect x=x y=AXIS_H width=w height=height class="plan-period">
                <title>{move || format!("{} {}–{}", i.t(K::PlanPeriod), pp.start, pp.end)}</title>
            </rect>
        })
    }
}
