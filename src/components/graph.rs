//! The dependency-graph view: measures and the shared infrastructure they depend on, critical
//! dependencies emphasised, cycles reported. Layout comes from `veikart_domain::graph`.
//!
//! The edges are SVG; the nodes are HTML boxes laid over them at the same coordinates. A
//! measure node is a real link (HTML `<a>` inside an `<svg>` is not an SVG link and has no box
//! at all), and a long name wraps inside its box instead of running past it.

use leptos::prelude::*;
use veikart_domain::graph::{graph_layout, DepGraph, NodeKind, NODE_H, NODE_W};

use crate::components::parts::MeasureLink;
use crate::i18n::{tr, use_i18n, K};
use crate::state::use_app;

/// At most two lines of a name inside its box; the full name is the box's title.
const CLAMP: &str = "display:-webkit-box;-webkit-box-orient:vertical;-webkit-line-clamp:2;overflow:hidden;overflow-wrap:anywhere";

#[component]
pub fn DependencyGraph() -> impl IntoView {
    let app = use_app();
    let i = use_i18n();
    let layout = Memo::new(move |_| {
        app.feed
            .with(|f| f.as_ref().map(|f| graph_layout(f.feed())))
    });
    let body = move || {
        let lang = i.lang();
        let f = app.feed.get()?;
        let g = layout.get()?;
        let cycles = DepGraph::new(&f.feed().dependencies, true).cycles();
        let cycle_note = (!cycles.is_empty()).then(|| {
            let list = cycles
                .iter()
                .map(|c| {
                    let mut c = c.clone();
                    c.push(c[0].clone());
                    view! { <li>{c.join(" → ")}</li> }
                })
                .collect_view();
            view! {
                <div class="error-box" role="alert">
                    <h3>{tr(i, K::CycleFound)}</h3>
                    <ul>{list}</ul>
                </div>
            }
        });
        let edges = g
            .edges
            .iter()
            .map(|e| {
                let d = &f.feed().dependencies[e.dependency];
                view! {
                    <path d=e.path.clone() class=if e.critical { "edge critical" } else { "edge" } marker-end="url(#g-arrow)">
                        <title>{format!("{} → {}", d.to, d.from)}</title>
                    </path>
                }
            })
            .collect_view();
        let nodes = g
            .nodes
            .iter()
            .map(|n| {
                let label = f.node_label(&n.id, lang);
                // Position and size inline: the box must exist whatever the stylesheet does.
                let style = format!(
                    "position:absolute;display:flex;align-items:center;overflow:hidden;box-sizing:border-box;\
                     left:{}px;top:{}px;width:{NODE_W}px;height:{NODE_H}px",
                    n.x, n.y
                );
                match n.kind {
                    NodeKind::Measure => view! {
                        <MeasureLink id=n.id.clone() class="node measure">
                            <span class="node-box" style=style title=label.clone()>
                                <span class="node-label" style=CLAMP>{label.clone()}</span>
                            </span>
                        </MeasureLink>
                    }
                    .into_any(),
                    NodeKind::Component => view! {
                        <span class="node component node-box" style=style title=label.clone()>
                            <span class="node-label" style=CLAMP>{label.clone()}</span>
                        </span>
                    }
                    .into_any(),
                }
            })
            .collect_view();
        Some(view! {
            {cycle_note}
            <div class="graph-scroll" role="region" tabindex="0" aria-label=tr(i, K::GraphTitle)>
                <div class="graph" style=format!("position:relative;width:{}px;height:{}px", g.width, g.height)>
                    <svg class="graph-edges" style="position:absolute;left:0;top:0" width=g.width height=g.height viewBox=format!("0 0 {} {}", g.width, g.height) aria-hidden="true">
                        <defs>
                            <marker id="g-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                                <path d="M0,0 L10,5 L0,10 z" class="arrowhead"/>
                            </marker>
                        </defs>
                        {edges}
                    </svg>
                    {nodes}
                </div>
            </div>
        })
    };
    view! {
        <section class="graph-view" aria-labelledby="graph-title">
            <h2 id="graph-title">{tr(i, K::GraphTitle)}</h2>
            <p class="hint">{tr(i, K::GraphHint)}</p>
            {body}
            <ul class="graph-legend">
                <li><span class="key measure"></span>{tr(i, K::Measures)}</li>
                <li><span class="key component"></span>{tr(i, K::Infrastructure)}</li>
                <li><span class="key edge-critical"></span>{tr(i, K::CriticalDependency)}</li>
            </ul>
        </section>
    }
}
