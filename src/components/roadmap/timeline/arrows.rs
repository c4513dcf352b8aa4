//! Dependency arrows between rows (`piler=1`), from prerequisite to dependent; critical ones
//! emphasised. Only arrows that touch the drawn band are drawn (`RowLayout::band`).

use std::ops::Range;

use leptos::prelude::*;
use veikart_domain::timeline::{arrows, AXIS_H};

use crate::components::roadmap::use_roadmap;
use crate::state::view_part;

#[component]
pub fn Arrows(range: Memo<Range<usize>>) -> impl IntoView {
    let on = view_part(|v| v.arrows);
    let ctx = use_roadmap();
    move || {
        if !on.get() {
            return None;
        }
        let r = range.get();
        ctx.drawn.with(|d| {
            let d = d.as_ref()?;
            let f = d.feed.feed();
            let band = d.model.layout.band(r);
            Some(
                arrows(f, &d.model.layout, &d.model.scale, band)
                    .into_iter()
                    .map(|a| {
                        let dep = &f.dependencies[a.dependency];
                        // schema 1.1: an inferred dependency is drawn dashed
                        let class = match (a.critical, dep.basis.is_stated()) {
                            (true, true) => "arrow critical",
                            (true, false) => "arrow critical inferred",
                            (false, true) => "arrow",
                            (false, false) => "arrow inferred",
                        };
                        let title = format!("{} → {}", dep.to, dep.from);
                        view! {
                            <path d=a.path transform=format!("translate(0,{AXIS_H})") class=class marker-end="url(#arrowhead)">
                                <title>{title}</title>
                            </path>
                        }
                    })
                    .collect_view(),
            )
        })
    }
}
