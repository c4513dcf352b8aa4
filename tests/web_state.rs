//! In-browser tests for what the app's structure must guarantee: every view follows a language
//! switch, links keep the view state, graph nodes are drawn with a box, the lens honours score
//! ranges, English counts are grammatical, export failures are reported, and measuring hooks
//! let go of their observers.
#![cfg(target_arch = "wasm32")]

mod common;

use common::*;
use leptos::prelude::*;
use veikart::components::ambitions::AmbitionOverview;
use veikart::components::changes::ChangeList;
use veikart::components::council::CouncilView;
use veikart::components::detail::DetailPanel;
use veikart::components::graph::DependencyGraph;
use veikart::components::lens::ActorLens;
use veikart::components::risks::RiskView;
use veikart::components::roadmap::RoadmapView;
use veikart::components::standing::{FeedBanner, FeedContext};
use veikart::components::statement::Statement;
use veikart_domain::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// Every visible text under `root` (text nodes and the accessible names in `aria-label`,
/// `title` and `placeholder`), leaving out text marked with another language than `lang`.
fn visible_texts(root: &web_sys::HtmlElement, lang: &str) -> Vec<String> {
    let f = js_sys::Function::new_with_args(
        "root, lang",
        r#"
        const out = [];
        const foreign = (el) => { const l = el && el.closest('[lang]'); return l && root.contains(l) && l.getAttribute('lang') !== lang; };
        const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
        while (w.nextNode()) {
          const n = w.currentNode; const el = n.parentElement;
          if (!el || el.closest('style,script') || foreign(el)) continue;
          const t = n.textContent.trim(); if (t) out.push(t);
        }
        for (const el of root.querySelectorAll('[aria-label],[title],[placeholder]')) {
          if (foreign(el)) continue;
          for (const a of ['aria-label', 'title', 'placeholder']) { const v = el.getAttribute(a); if (v && v.trim()) out.push(v.trim()); }
        }
        for (const t of root.querySelectorAll('svg title')) { if (!foreign(t)) out.push(t.textContent.trim()); }
        return out;"#,
    );
    let arr: js_sys::Array = f
        .call2(&wasm_bindgen::JsValue::NULL, root, &lang.into())
        .unwrap()
        .unchecked_into();
    arr.iter().filter_map(|v| v.as_string()).collect()
}

/// The bokmål UI strings still on screen after switching to English. Strings the feed itself
/// uses in its English texts (proper names such as «Nasjonalt e-helseråd») cannot be told apart
/// from feed text, so they are left out.
fn leftovers(root: &web_sys::HtmlElement) -> Vec<String> {
    let nb: Vec<&str> = veikart::i18n::texts_unlike(Lang::Nb, Lang::En)
        .into_iter()
        .filter(|s| !DEFAULT_FEED.contains(*s))
        .collect();
    assert!(nb.len() > 150, "most UI strings are checked ({})", nb.len());
    let shown = visible_texts(root, "en");
    let mut out: Vec<String> = shown
        .iter()
        .filter(|t| {
            nb.iter().any(|s| {
                let words = s.split_whitespace().count();
                t.as_str() == *s || (words >= 2 && t.contains(s))
            })
        })
        .cloned()
        .collect();
    veikart_domain::sort::sort(&mut out);
    out.dedup();
    out
}

async fn switch_and_check(
    url: &str,
    what: &str,
    view: impl Fn() -> AnyView + Send + Sync + 'static,
) {
    let m = mount_at(url, DEFAULT_FEED, false, view);
    settle().await;
    // A view that fetches (the change list's previous version) says so in a `.loading` notice.
    let root = m.root.clone();
    settle_until(what, 10.0, move || {
        root.query_selector(".loading").unwrap().is_none()
    })
    .await;
    let before = visible_texts(&m.root, "nb");
    assert!(before.len() > 3, "{what}: something is shown ({before:?})");
    assert!(
        !leftovers_nb_free(&m.root),
        "{what}: bokmål UI text is shown before the switch"
    );
    m.app.nav.go(|s| s.lang = Lang::En);
    settle().await;
    settle().await;
    let left = leftovers(&m.root);
    assert!(
        left.is_empty(),
        "{what}: still in bokmål after switching to English: {left:?}"
    );
}

/// True when no bokmål UI string is on screen (to prove the check can see them).
fn leftovers_nb_free(root: &web_sys::HtmlElement) -> bool {
    leftovers(root).is_empty()
}

#[wasm_bindgen_test]
async fn every_view_follows_a_language_switch() {
    switch_and_check("/", "timeline", || view! { <RoadmapView/> }.into_any()).await;
    switch_and_check("/?oppsett=liste&apne=PLL", "list", || {
        view! { <RoadmapView/> }.into_any()
    })
    .await;
    switch_and_check("/?oppsett=tabell", "table", || {
        view! { <RoadmapView/> }.into_any()
    })
    .await;
    switch_and_check("/?visning=avhengigheter", "graph", || {
        view! { <DependencyGraph/> }.into_any()
    })
    .await;
    switch_and_check("/?visning=ambisjoner", "ambitions", || {
        view! { <AmbitionOverview/> }.into_any()
    })
    .await;
    switch_and_check("/?visning=for-oss&aktor=fastleger", "lens", || {
        view! { <ActorLens/> }.into_any()
    })
    .await;
    switch_and_check("/?visning=risiko", "risks", || {
        view! { <RiskView/> }.into_any()
    })
    .await;
    switch_and_check(
        "/?visning=for-oss&aktor=direktoratet-for-e-helse",
        "lens with risks",
        || view! { <ActorLens/> }.into_any(),
    )
    .await;
    switch_and_check(
        "/?uttatt=1&gruppering=prioritet",
        "banner, context, withdrawn",
        || view! { <FeedBanner/><FeedContext/><RoadmapView/> }.into_any(),
    )
    .await;
    switch_and_check("/tiltak/DHO", "detail with risks", || {
        view! { <DetailPanel/> }.into_any()
    })
    .await;
    switch_and_check("/?visning=rad", "council", || {
        view! { <CouncilView/> }.into_any()
    })
    .await;
    switch_and_check("/?visning=endringer", "changes", || {
        view! { <ChangeList/> }.into_any()
    })
    .await;
    switch_and_check("/tilgjengelighet", "statement", || {
        view! { <Statement/> }.into_any()
    })
    .await;
    switch_and_check("/tiltak/PLL", "detail", || {
        view! { <DetailPanel/> }.into_any()
    })
    .await;
}

#[wasm_bindgen_test]
async fn the_timeline_relabels_in_place() {
    let m = mount_at("/", DEFAULT_FEED, false, || view! { <RoadmapView/> });
    settle().await;
    assert_eq!(texts(&m.root, ".today-label"), vec!["I dag"]);
    assert!(texts(&m.root, ".lane-head h3")
        .iter()
        .any(|t| t.starts_with("Mål 4 – ")));
    let row_before = m.root.query_selector(".row-label").unwrap().unwrap();
    m.app.nav.go(|s| s.lang = Lang::En);
    settle().await;
    assert_eq!(texts(&m.root, ".today-label"), vec!["Today"]);
    assert!(texts(&m.root, ".lane-head h3")
        .iter()
        .any(|t| t.starts_with("Goal 4 – ")));
    let row_after = m.root.query_selector(".row-label").unwrap().unwrap();
    assert!(
        row_before.is_same_node(Some(&row_after)),
        "rows are updated in place, not rebuilt"
    );
}

#[wasm_bindgen_test]
async fn links_to_measures_keep_the_view_state() {
    let m = mount_at(
        "/tiltak/PLL?lang=en&gruppering=eier&q=pasient",
        DEFAULT_FEED,
        false,
        || {
            view! { <RoadmapView/><DetailPanel/> }
        },
    );
    settle().await;
    let links = m.root.query_selector_all("a[href*='/tiltak/']").unwrap();
    assert!(
        links.length() > 3,
        "the roadmap and the panel link to measures"
    );
    for n in 0..links.length() {
        let a: web_sys::Element = links.item(n).unwrap().unchecked_into();
        let href = a.get_attribute("href").unwrap();
        assert!(
            href.contains("lang=en")
                && href.contains("gruppering=eier")
                && href.contains("q=pasient"),
            "{href} drops part of the view state"
        );
    }
    // the panel's dependency links in particular (they used to drop the query)
    let deps = m.root.query_selector_all(".detail .deps a").unwrap();
    assert!(deps.length() > 0, "PLL has dependencies on other measures");
}

#[wasm_bindgen_test]
async fn graph_nodes_are_drawn_with_a_box() {
    let m = mount_at(
        "/?visning=avhengigheter",
        DEFAULT_FEED,
        false,
        || view! { <DependencyGraph/> },
    );
    settle().await;
    let nodes = m.root.query_selector_all(".graph .node").unwrap();
    assert!(nodes.length() > 5);
    let mut measures = 0;
    for n in 0..nodes.length() {
        let el: web_sys::Element = nodes.item(n).unwrap().unchecked_into();
        let target = el
            .query_selector(".node-box")
            .unwrap()
            .unwrap_or(el.clone());
        let r = target.get_bounding_client_rect();
        assert!(
            r.width() > 100.0 && r.height() > 20.0,
            "node {n} is {}×{}",
            r.width(),
            r.height()
        );
        // the label stays inside its box
        let label = target.query_selector(".node-label").unwrap().unwrap();
        let lr = label.get_bounding_client_rect();
        assert!(
            lr.right() <= r.right() + 0.5 && lr.bottom() <= r.bottom() + 0.5,
            "label of node {n} runs past its box"
        );
        if el.tag_name().eq_ignore_ascii_case("a") {
            measures += 1;
        }
    }
    assert!(measures > 3, "measure nodes are links");
}

#[wasm_bindgen_test]
async fn the_lens_shows_score_ranges() {
    // The fixture's benefit for fastleger is "++/+++" (score 2, score_max 3).
    assert!(MINIMAL.contains(r#""score": 2, "score_max": 3"#));
    let m = mount_at(
        "/?visning=for-oss&aktor=fastleger",
        MINIMAL,
        false,
        || view! { <ActorLens/> },
    );
    settle().await;
    let scores = texts(&m.root, ".lens-table .score");
    assert!(scores.iter().any(|s| s == "++/+++"), "{scores:?}");
}

#[wasm_bindgen_test]
async fn english_counts_are_grammatical() {
    let m = mount_at("/?lang=en", MINIMAL, false, || view! { <RoadmapView/> });
    settle().await;
    assert_eq!(texts(&m.root, ".lane-head .count"), vec!["1 measure"]);
    assert_eq!(
        texts(&m.root, ".result-count"),
        vec!["Showing 2 of 2 measures"]
    );
}

#[wasm_bindgen_test]
async fn a_failed_export_says_so() {
    let m = mount_at("/", MINIMAL, false, || view! { <RoadmapView/> });
    settle().await;
    let url = js_sys::Reflect::get(&window(), &"URL".into()).unwrap();
    let original = js_sys::Reflect::get(&url, &"createObjectURL".into()).unwrap();
    let throwing = js_sys::Function::new_no_args("throw new Error('blocked by test')");
    js_sys::Reflect::set(&url, &"createObjectURL".into(), &throwing).unwrap();
    button_with_text(&m.root, "Bilde (SVG)").click();
    settle().await;
    js_sys::Reflect::set(&url, &"createObjectURL".into(), &original).unwrap();
    let status = texts(&m.root, ".export-status").join("");
    assert!(
        status.contains("Eksporten mislyktes") && status.contains("blocked by test"),
        "{status:?}"
    );
}

#[wasm_bindgen_test]
async fn measuring_lets_go_of_its_observers() {
    // Count live ResizeObservers: constructed minus disconnected.
    let setup = js_sys::Function::new_no_args(
        r#"
        if (!window.__roCount) {
          const Orig = window.ResizeObserver; window.__roLive = 0; window.__roCount = true;
          window.ResizeObserver = class extends Orig {
            constructor(cb) { super(cb); window.__roLive++; this.__on = true; }
            disconnect() { if (this.__on) { this.__on = false; window.__roLive--; } super.disconnect(); }
          };
        }
        return window.__roLive;"#,
    );
    let live = || {
        setup
            .call0(&wasm_bindgen::JsValue::NULL)
            .unwrap()
            .as_f64()
            .unwrap()
    };
    let start = live();
    for _ in 0..4 {
        let m = mount_at("/", MINIMAL, false, || view! { <RoadmapView/> });
        settle().await;
        assert!(live() > start, "the roadmap observes its width");
        drop(m);
        settle().await;
    }
    assert_eq!(
        live(),
        start,
        "every observer was disconnected when its view went away"
    );
}

/// Whether the page has a performance mark named `name` since `clear_marks`.
fn marked(name: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.get_entries_by_name(name).length() > 0)
        .unwrap_or(false)
}

/// The feed's parse and its validation each run in a task of their own, after the browser has
/// had a turn (issue 14: start-up, parse, validation and the first view were one task of
/// 0.6–1 s on a phone-speed CPU). The load is polled only when a browser promise wakes it, so
/// each step that has run after a wake ran in a later task than the step before it.
#[wasm_bindgen_test]
async fn the_load_gives_the_browser_a_turn_between_its_steps() {
    use std::future::Future;
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::Arc;
    use std::task::{Context, Poll, Wake, Waker};

    struct Count(AtomicUsize);
    impl Wake for Count {
        fn wake(self: Arc<Self>) {
            self.0.fetch_add(1, Ordering::SeqCst);
        }
    }
    let perf = web_sys::window().unwrap().performance().unwrap();
    perf.clear_marks();
    let text = include_str!("../public/feed.json");
    let count = Arc::new(Count(AtomicUsize::new(0)));
    let waker = Waker::from(count.clone());
    let mut cx = Context::from_waker(&waker);
    let mut load = Box::pin(veikart::state::api::load_timed(text, usize::MAX));
    let mut steps = Vec::new();
    let result = loop {
        let seen = count.0.load(Ordering::SeqCst);
        match load.as_mut().poll(&mut cx) {
            Poll::Ready(r) => break r,
            Poll::Pending => {
                steps.push((
                    marked("veikart:parse-start"),
                    marked("veikart:parse-end"),
                    marked("veikart:validate-start"),
                ));
                // wait, in later tasks, until a browser promise wakes the load
                while count.0.load(Ordering::SeqCst) == seen {
                    veikart::state::api::yield_to_browser().await;
                }
            }
        }
    };
    assert!(result.is_ok(), "the default feed loads");
    assert!(marked("veikart:validate-end"));
    assert_eq!(
        steps,
        vec![(false, false, false), (true, true, false)],
        "polled: nothing before the first turn, then the parse and no more before the second"
    );
}
