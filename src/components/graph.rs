//! The dependency-graph view: measures and the shared infrastructure they depend on, critical
//! dependencies emphasised, cycles reported. Layout comes from `veikart_domain::graph`.
//!
//! The edges are SVG; the nodes are HTML boxes laid over them at the same coordinates. A
//! measure node is a real link (HTML `<a>` inside an `<svg>` is not an SVG link and has no box
//! at all), and a long name wraps inside its box instead of running past it.

use leptos::prelude::*;
use veikart_domain::graph::{graph_layout, DepGraph, NodeKind, NODE_H, NODE_W};

const _: () = assert!(
    NODE_W == 200.0 && NODE_H == 44.0,
    "W and H below follow the layout's node size"
);

use crate::i18n::{tr, use_i18n, K};
use crate::state::use_app;

/// Node size, as CSS lengths.
const W: &str = "200px";
const H: &str = "44px";

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
                // Position and size through the CSSOM (`style:`), which the page's CSP allows
                // (a `style` attribute it refuses): the box exists whatever the stylesheet does.
                let (x, y) = (format!("{}px", n.x), format!("{}px", n.y));
                match n.kind {
                    NodeKind::Measure => {
                        let id = n.id.clone();
                        view! {
                            <a href=move || app.view.with(|v| v.measure_href(&id)) data-noscroll=""
                                class="node measure node-box" title=label.clone()
                                style:position="absolute" style:display="flex" style:align-items="center"
                                style:overflow="hidden" style:box-sizing="border-box"
                                style:left=x style:top=y style:width=W style:height=H>
                                <span class="node-label" style:min-width="0" style:overflow-wrap="anywhere">{label.clone()}</span>
                            </a>
                        }
                        .into_any()
                    }
                    NodeKind::Component => view! {
                        <span class="node component node-box" title=label.clone()
                            style:position="absolute" style:display="flex" style:align-items="center"
                            style:overflow="hidden" style:box-sizing="border-box"
                            style:left=x style:top=y style:width=W style:height=H>
                            <span class="node-label" style:min-width="0" style:overflow-wrap="anywhere">{label.clone()}</span>
                        </span>
                    }
                    .into_any(),
                }
            })
            .collect_view();
        Some(view! {
            {cycle_note}
            <div class="graph-scroll" role="region" tabindex="0" aria-label=tr(i, K::GraphTitle)>
                <div class="graph" style:position="relative" style:width=format!("{}px", g.width)
                    style:height=format!("{}px", g.height)>
                    <svg class="graph-edges" style:position="absolute" style:left="0" style:top="0" width=g.width height=g.height viewBox=format!("0 0 {} {}", g.width, g.height) aria-hidden="true">
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
