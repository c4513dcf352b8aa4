//! The SVG definitions the timeline uses: one fill pattern per phase (so phases differ by more
//! than colour) and the arrowhead. Ids are built from positions, never from feed text.

use leptos::prelude::*;

use crate::state::use_app;

/// Pattern per phase position.
const PATTERNS: [&str; 6] = [
    "",
    "M0,8 L8,0",
    "M3,3 h1.5 v1.5 h-1.5 Z",
    "M0,4 H8 M4,0 V8",
    "M4,0 V8",
    "M0,4 H8",
];

/// The id of the fill pattern of the phase at position `n` in the feed.
pub fn pattern_id(n: usize) -> String {
    format!("vk-pat-{}", n % PATTERNS.len())
}

/// Whether the phase at position `n` has a pattern over its colour.
pub fn has_pattern(n: usize) -> bool {
    !PATTERNS[n % PATTERNS.len()].is_empty()
}

#[component]
pub fn Defs() -> impl IntoView {
    let app = use_app();
    let n = move || {
        app.feed
            .with(|f| f.as_ref().map(|f| f.feed().phases.len()).unwrap_or(0))
    };
    view! {
        <defs>
            {move || (0..n().min(PATTERNS.len())).map(|i| view! {
                <pattern id=pattern_id(i) width="8" height="8" patternUnits="userSpaceOnUse">
                    <path d=PATTERNS[i] class="pat"/>
                </pattern>
            }).collect_view()}
            // schema 1.1: an ongoing phase whose start is unknown fades in (and out, without an end)
            <linearGradient id="vk-fade-in-g" x1="0" x2="1" y1="0" y2="0">
                <stop offset="0" stop-color="#fff" stop-opacity="0"/>
                <stop offset="0.45" stop-color="#fff" stop-opacity="1"/>
            </linearGradient>
            <linearGradient id="vk-fade-both-g" x1="0" x2="1" y1="0" y2="0">
                <stop offset="0" stop-color="#fff" stop-opacity="0"/>
                <stop offset="0.35" stop-color="#fff" stop-opacity="1"/>
                <stop offset="0.65" stop-color="#fff" stop-opacity="1"/>
                <stop offset="1" stop-color="#fff" stop-opacity="0"/>
            </linearGradient>
            <mask id="vk-fade-in" maskContentUnits="objectBoundingBox">
                <rect width="1" height="1" fill="url(#vk-fade-in-g)"/>
            </mask>
            <mask id="vk-fade-both" maskContentUnits="objectBoundingBox">
                <rect width="1" height="1" fill="url(#vk-fade-both-g)"/>
            </mask>
            <marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                <path d="M0,0 L10,5 L0,10 z" class="arrowhead"/>
            </marker>
        </defs>
    }
}
