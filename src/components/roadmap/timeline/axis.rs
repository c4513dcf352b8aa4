//! The time axis: a column per year (and per quarter when zoomed in), with grid lines through
//! the rows.

use leptos::prelude::*;
use veikart_domain::timeline::{Scale, AXIS_H};

#[component]
pub fn Axis(scale: Memo<Option<Scale>>, height: Memo<f64>) -> impl IntoView {
    let years = move || {
        let h = height.get();
        scale.get().map(|s| {
            s.years()
                .into_iter()
                .map(|(y, x, w)| {
                    view! {
                        <g class="year">
                            <line x1=x y1=0 x2=x y2=AXIS_H + h class="grid-year"/>
                            <text x=x + w / 2.0 y=20 text-anchor="middle" class="axis-year">{y}</text>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    let quarters = move || {
        let h = height.get();
        scale.get().filter(|s| s.px_per_year > 200.0).map(|s| {
            s.quarters()
                .into_iter()
                .map(|(_, q, x, w)| {
                    view! {
                        <g class="quarter">
                            {(q > 1).then(|| view! { <line x1=x y1=28 x2=x y2=AXIS_H + h class="grid-quarter"/> })}
                            <text x=x + w / 2.0 y=42 text-anchor="middle" class="axis-q">{format!("K{q}")}</text>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    view! { {years}{quarters} }
}
