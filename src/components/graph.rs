//! The dependency-graph view: measures and the shared infrastructure they depend on, critical
//! dependencies emphasised, cycles reported. Layout comes from `veikart_domain::graph`.

use leptos::prelude::*;
use veikart_domain::graph::{graph_layout, DepGraph, NodeKind, NODE_H, NODE_W};
use veikart_domain::roadmap::measure_label;

use crate::app::{current_query, use_ctx, Ctx};
use crate::i18n::{t, K};

#[component]
pub fn DependencyGraph() -> impl IntoView {
    let Ctx { feed, lang } = use_ctx();
    let query = current_query();
    move || {
        let lang = lang.get();
        let loaded = feed.get()?;
        let f = &loaded.feed;
        let g = graph_layout(f);
        let cycles = DepGraph::new(&f.dependencies, true).cycles();
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
                    <h3>{t(lang, K::CycleFound)}</h3>
                    <ul>{list}</ul>
                </div>
            }
        });
        let edges = g
            .edges
            .iter()
            .map(|e| {
                let d = &f.dependencies[e.dependency];
                let title = format!("{} → {}", d.to, d.from);
                view! {
                    <path d=e.path.clone() class=if e.critical { "edge critical" } else { "edge" } marker-end="url(#g-arrow)">
                        <title>{title}</title>
                    </path>
                }
            })
            .collect_view();
        let nodes = g
            .nodes
            .iter()
            .map(|n| {
                let (label, class) = match n.kind {
                    NodeKind::Measure => (
                        f.measures
                            .iter()
                            .find(|m| m.id == n.id)
                            .map(|m| measure_label(m, lang))
                            .unwrap_or_else(|| n.id.clone()),
                        "node measure",
                    ),
                    NodeKind::Component => (
                        f.components
                            .iter()
                            .find(|c| c.id == n.id)
                            .map(|c| c.name.get(lang).to_string())
                            .unwrap_or_else(|| n.id.clone()),
                        "node component",
                    ),
                };
                let short: String = if label.chars().count() > 30 {
                    label.chars().take(29).collect::<String>() + "…"
                } else {
                    label.clone()
                };
                let body = view! {
                    <rect x=n.x y=n.y width=NODE_W height=NODE_H rx=8/>
                    <text x=n.x + 10.0 y=n.y + NODE_H / 2.0 + 4.0>{short}</text>
                    <title>{label.clone()}</title>
                };
                match n.kind {
                    NodeKind::Measure => {
                        let href = format!("/tiltak/{}{}", n.id, query.get());
                        view! { <a href=href class=class aria-label=label>{body}</a> }.into_any()
                    }
                    NodeKind::Component => {
                        view! { <g class=class role="img" aria-label=label>{body}</g> }.into_any()
                    }
                }
            })
            .collect_view();
        Some(view! {
            <section class="graph-view" aria-labelledby="graph-title">
                <h2 id="graph-title">{t(lang, K::GraphTitle)}</h2>
                <p class="hint">{t(lang, K::GraphHint)}</p>
                {cycle_note}
                <div class="graph-scroll" role="region" tabindex="0" aria-label=t(lang, K::GraphTitle)>
                    <svg class="graph" width=g.width height=g.height viewBox=format!("0 0 {} {}", g.width, g.height)>
                        <defs>
                            <marker id="g-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                                <path d="M0,0 L10,5 L0,10 z" class="arrowhead"/>
                            </marker>
                        </defs>
                        {edges}
                        {nodes}
                    </svg>
                </div>
                <ul class="graph-legend">
                    <li><span class="key measure"></span>{t(lang, K::Measures)}</li>
                    <li><span class="key component"></span>{t(lang, K::Infrastructure)}</li>
                    <li><span class="key edge-critical"></span>{t(lang, K::CriticalDependency)}</li>
                </ul>
            </section>
        })
    }
}
