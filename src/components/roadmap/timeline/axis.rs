//! The time axis: a column per year (and per quarter when zoomed in), with grid lines through
//! the rows. The lines end at `y2="100%"`: the drawing's viewBox is exactly its height (axis and
//! rows), so that is the bottom of the rows, and a regroup or a filter, which changes the rows'
//! height but not the years, leaves the axis as it is (it was drawn anew on every change).

use leptos::prelude::*;
use veikart_domain::timeline::Scale;

#[component]
pub fn Axis(scale: Memo<Option<Scale>>) -> impl IntoView {
    let years = move || {
        scale.get().map(|s| {
            s.years()
                .into_iter()
                .map(|(y, x, w)| {
                    view! {
                        <g class="year">
                            <line x1=x y1=0 x2=x y2="100%" class="grid-year"/>
                            <text x=x + w / 2.0 y=20 text-anchor="middle" class="axis-year">{y}</text>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    let quarters = move || {
        scale.get().filter(|s| s.px_per_year > 200.0).map(|s| {
            s.quarters()
                .into_iter()
                .map(|(_, q, x, w)| {
                    view! {
                        <g class="quarter">
                            {(q > 1).then(|| view! { <line x1=x y1=28 x2=x y2="100%" class="grid-quarter"/> })}
                            <text x=x + w / 2.0 y=42 text-anchor="middle" class="axis-q">{format!("K{q}")}</text>
                        </g>
                    }
                })
                .collect_view()
        })
    };
    view! { {years}{quarters} }
}
