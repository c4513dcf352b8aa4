//! Component tests in headless Chromium (wasm-bindgen-test, `run_in_browser`), after the leptos
//! `counter/tests/web.rs` example: mount a component, act through the DOM, await a tick, assert.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use veikart::app::FeedErrorView;
use veikart::components::parts::FeedText;
use veikart::components::roadmap::RoadmapView;
use veikart::state::api::FeedError;
use veikart_domain::model::Text;
use veikart_domain::validate::LoadError;
use veikart_domain::Lang;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

mod common;
use common::*;

wasm_bindgen_test_configure!(run_in_browser);

fn mount_roadmap(text: &'static str) -> Mounted {
    mount_at("/", text, false, || view! { <RoadmapView/> })
}

#[wasm_bindgen_test]
async fn roadmap_shows_goal_lanes_and_measures() {
    let m = mount_roadmap(MINIMAL);
    settle().await;
    let root = &m.root;
    assert_eq!(
        texts(root, ".lane-head h3"),
        vec!["Mål 4 – Tilgjengelig informasjon og styrket samhandling"]
    );
    assert_eq!(
        texts(root, ".row-label .name"),
        vec!["Pasientens legemiddelliste"],
        "sub-measures start collapsed"
    );
    assert_eq!(texts(root, ".row-label .prio"), vec!["1"]);
    assert_eq!(root.query_selector_all(".tl-svg .bar").unwrap().length(), 1);
    assert_eq!(
        root.query_selector_all(".tl-svg .milestone")
            .unwrap()
            .length(),
        1
    );
}

#[wasm_bindgen_test]
async fn expanding_a_measure_shows_its_sub_measures() {
    let m = mount_roadmap(MINIMAL);
    settle().await;
    let root = &m.root;
    let exp: web_sys::HtmlElement = root
        .query_selector(".expander")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(exp.get_attribute("aria-expanded").as_deref(), Some("false"));
    exp.click();
    settle().await;
    assert_eq!(
        texts(root, ".row-label .name"),
        vec![
            "Pasientens legemiddelliste",
            "Videre innføring av pasientens legemiddelliste"
        ]
    );
    let exp: web_sys::HtmlElement = root
        .query_selector(".expander")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert_eq!(exp.get_attribute("aria-expanded").as_deref(), Some("true"));
    settle_until("the URL has the opened row", 5.0, || {
        window().location().search().unwrap().contains("apne=PLL")
    })
    .await;
}

#[wasm_bindgen_test]
async fn regrouping_by_priority_changes_the_lanes() {
    let m = mount_roadmap(MINIMAL);
    settle().await;
    // a 1.0 feed's `priority` fields make one list, named without a count (issue 16)
    button_with_text(&m.root, "Prioriterte tiltak").click();
    settle().await;
    assert_eq!(texts(&m.root, ".lane-head h3"), vec!["Prioriterte tiltak"]);
    button_with_text(&m.root, "Brukergruppe").click();
    settle().await;
    assert_eq!(texts(&m.root, ".lane-head h3"), vec!["Fastleger"]);
}

#[wasm_bindgen_test]
async fn arrows_toggle_draws_dependency_paths() {
    // PLL depends on LM-1 here, so both rows are visible once PLL is expanded.
    let text = MINIMAL.replace(r#""to": "kjernejournal""#, r#""to": "LM-1""#);
    let text: &'static str = Box::leak(text.into_boxed_str());
    let m = mount_roadmap(text);
    settle().await;
    let root = &m.root;
    root.query_selector(".expander")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>()
        .click();
    settle().await;
    assert_eq!(root.query_selector_all("path.arrow").unwrap().length(), 0);
    let cb: web_sys::HtmlInputElement = root
        .query_selector(".toolbar input[type=checkbox]")
        .unwrap()
        .unwrap()
        .unchecked_into();
    cb.click();
    settle().await;
    assert_eq!(
        root.query_selector_all("path.arrow.critical")
            .unwrap()
            .length(),
        1,
        "one critical dependency arrow"
    );
}

#[wasm_bindgen_test]
async fn hostile_feed_strings_are_rendered_as_text() {
    let payload = r#"<img src=x onerror=\"window.__pwned=1\"><script>window.__pwned=2</script>"#;
    let text = MINIMAL.replace(
        "Pasientens legemiddelliste\"}, \"short_name\"",
        &format!("{payload}\"}}, \"short_name\""),
    );
    assert_ne!(text, MINIMAL, "payload inserted");
    let text: &'static str = Box::leak(text.into_boxed_str());
    let m = mount_roadmap(text);
    settle().await;
    assert!(m.root.query_selector("img").unwrap().is_none());
    assert!(m
        .root
        .query_selector(".row-label script")
        .unwrap()
        .is_none());
    let name = texts(&m.root, ".row-label .name").join("");
    assert!(name.contains("<img src=x"), "shown literally: {name}");
    let pwned = js_sys::Reflect::get(&window(), &"__pwned".into()).unwrap();
    assert!(pwned.is_undefined());
}

#[wasm_bindgen_test]
async fn error_view_names_the_failure() {
    let m = mount_at("/", MINIMAL, false, || {
        view! {
            <FeedErrorView error=FeedError::Http(404) retry=|| ()/>
            <FeedErrorView error=FeedError::Load(LoadError::Syntax { line: 3, column: 7, message: "EOF while parsing".into() }) retry=|| ()/>
        }
    });
    settle().await;
    let msgs = texts(&m.root, ".error-message");
    assert_eq!(msgs.len(), 2);
    assert!(msgs[0].contains("HTTP 404"), "{}", msgs[0]);
    assert!(msgs[1].contains("linje 3, kolonne 7"), "{}", msgs[1]);
    assert_eq!(
        m.root
            .query_selector_all("[role=alert] button")
            .unwrap()
            .length(),
        2
    );
}

#[wasm_bindgen_test]
async fn fallback_text_carries_its_language() {
    let text = Text {
        nb: Some("Mål".into()),
        nn: None,
        en: None,
    };
    let both = Text {
        nb: Some("Mål".into()),
        nn: None,
        en: Some("Goal".into()),
    };
    let m = mount_at("/?lang=en", MINIMAL, false, move || {
        view! { <p class="a"><FeedText text=text.clone()/></p> <p class="b"><FeedText text=both.clone()/></p> }
    });
    settle().await;
    let a = m.root.query_selector(".a span").unwrap().unwrap();
    assert_eq!(
        a.get_attribute("lang").as_deref(),
        Some("nb"),
        "English view shows nb fallback marked lang=nb"
    );
    let b = m.root.query_selector(".b span").unwrap().unwrap();
    assert_eq!(b.get_attribute("lang"), None);
    assert_eq!(b.text_content().as_deref(), Some("Goal"));
    // and it follows a switch back to bokmål
    m.app.nav.go(|s| s.lang = Lang::Nb);
    settle().await;
    assert_eq!(b.text_content().as_deref(), Some("Mål"));
    assert_eq!(a.get_attribute("lang"), None);
}

#[wasm_bindgen_test]
fn panic_view_is_plain_dom_with_a_reload_button_and_text_only_detail() {
    let doc = document();
    let view = veikart::panic_view::build_view(&doc, "boom <img src=x onerror=alert(1)>", "nn")
        .expect("view builds");
    assert_eq!(view.get_attribute("role").as_deref(), Some("alert"));
    assert_eq!(
        view.query_selector("h2")
            .unwrap()
            .unwrap()
            .text_content()
            .as_deref(),
        Some("Vegkartet stoppa uventa")
    );
    let button = view.query_selector("button").unwrap().unwrap();
    assert_eq!(button.text_content().as_deref(), Some("Last inn på nytt"));
    assert!(
        view.query_selector("img").unwrap().is_none(),
        "detail must be text"
    );
    assert!(view
        .query_selector("pre")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap()
        .contains("<img src=x"));
}

#[wasm_bindgen_test]
async fn stale_banner_names_the_time_and_the_reason() {
    use veikart::components::feed_status::StaleBanner;
    use veikart::state::last_good::Problem;
    // 2026-11-23 12:00 UTC
    let when = 1_795_435_200_000.0;
    let m = mount_at("/", MINIMAL, false, move || {
        view! { <StaleBanner fetched_at=when problem=Problem::Fetch(FeedError::Http(500)) retry=|| ()/> }
    });
    settle().await;
    let text = texts(&m.root, ".stale-banner p").join("");
    assert!(
        text.starts_with("Viser lagret versjon fra 23. november 2026"),
        "{text}"
    );
    assert!(text.contains("Ny versjon kunne ikke hentes:"), "{text}");
    assert!(text.contains("HTTP 500"), "{text}");
    assert_eq!(texts(&m.root, ".stale-banner button"), vec!["Prøv igjen"]);
}

#[wasm_bindgen_test]
fn last_good_copy_round_trips_through_local_storage() {
    use veikart::state::last_good::{forget, read, write, Stored};
    let url = "/test/last-good.json";
    forget(url);
    assert!(read(url).is_none());
    let s = Stored {
        url: url.into(),
        text: MINIMAL.into(),
        etag: Some("\"abc\"".into()),
        last_modified: None,
        fetched_at: 1.0,
    };
    write(&s);
    assert_eq!(read(url), Some(s));
    assert!(read("/other.json").is_none());
    forget(url);
    assert!(read(url).is_none());
}

#[wasm_bindgen_test]
fn the_stored_copy_is_decoded_like_the_apps_own_text() {
    // A byte-order mark, a character split across two chunks and a broken byte: the copy written
    // to storage after the first paint must read as the text the app parsed.
    use veikart::state::api::RawBody;
    let (a, b): (&[u8], &[u8]) = (
        &[0xEF, 0xBB, 0xBF, b'{', b'"', 0xC3],
        &[0xA5, b'"', 0xFF, b'}'],
    );
    let raw = RawBody::from(vec![
        js_sys::Uint8Array::from(a),
        js_sys::Uint8Array::from(b),
    ]);
    let decoded = raw.decode().and_then(|v| v.as_string()).unwrap();
    let all = [a, b].concat();
    let own = String::from_utf8_lossy(&all);
    assert_eq!(decoded, own.trim_start_matches('\u{feff}'));
    assert_eq!(decoded, "{\"å\"\u{fffd}}");
}

#[wasm_bindgen_test]
async fn loading_notice_waits_300_ms() {
    use veikart::components::feed_status::DelayedLoading;
    let root = container();
    let _h = leptos::mount::mount_to(
        root.clone(),
        || view! { <DelayedLoading lang=Signal::derive(|| Lang::Nb)/> },
    );
    settle().await;
    assert_eq!(
        texts(&root, ".loading"),
        vec![""],
        "nothing in the first 300 ms"
    );
    let wait = js_sys::Promise::new(&mut |resolve, _| {
        window()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 400)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(wait).await.unwrap();
    settle().await;
    assert_eq!(texts(&root, ".loading"), vec!["Laster veikartet …"]);
}

/// The router's own location, as a component under the router reads it.
#[component]
fn RouterLocation() -> impl IntoView {
    let loc = leptos_router::hooks::use_location();
    view! { <p class="router-location">{move || format!("{} {}", loc.pathname.get(), loc.search.get())}</p> }
}

/// Two parts of the view state (`view_part`), as a component reads them.
#[component]
fn PartProbe() -> impl IntoView {
    let grouping = veikart::state::view_part(|v| v.grouping.key());
    let text = veikart::state::view_part(|v| v.filter.text.clone());
    view! { <p class="parts">{move || format!("{} {}", grouping.get(), text.get())}</p> }
}

/// Path and query of the page.
fn here() -> String {
    let l = window().location();
    format!("{}{}", l.pathname().unwrap(), l.search().unwrap())
}

/// Waits (up to a second) until the page's URL is `url`: `history.back()` is asynchronous.
async fn until_url(url: &str) {
    for _ in 0..40 {
        if here() == url {
            break;
        }
        settle().await;
    }
    settle().await;
}

/// Changes made before the next paint are still one history entry each, in order (a keystroke
/// replaces the entry of the change before it), and `Nav::flush` writes them at once.
#[wasm_bindgen_test]
async fn changes_waiting_for_the_paint_keep_their_entries_and_order() {
    use veikart_domain::roadmap::Grouping;
    let m = mount_at("/", MINIMAL, false, || view! { <RoadmapView/> });
    settle().await;
    let history = window().history().unwrap();
    let h0 = history.length().unwrap();
    m.app.nav.go(|s| s.grouping = Grouping::Owner);
    m.app.nav.go(|s| s.grouping = Grouping::ActorGroup);
    m.app.nav.replace(|s| s.filter.text = "l".into());
    m.app.nav.replace(|s| s.filter.text = "lm".into());
    assert_eq!(here(), "/", "nothing is written before the paint");
    settle_until("the entries are written", 5.0, || here() != "/").await;
    assert_eq!(here(), "/?gruppering=brukergruppe&q=lm");
    assert_eq!(history.length().unwrap(), h0 + 2);
    history.back().unwrap();
    until_url("/?gruppering=eier").await;
    assert_eq!(m.app.view.with_untracked(|v| v.grouping), Grouping::Owner);
    assert!(m.app.view.with_untracked(|v| v.filter.text.is_empty()));

    // flush: written now, for whoever reads the browser's URL (copying a link)
    m.app.nav.go(|s| s.filter.text = "pll".into());
    m.app.nav.flush();
    assert_eq!(here(), "/?gruppering=eier&q=pll");
    settle().await;
    assert_eq!(here(), "/?gruppering=eier&q=pll", "and not again");
    assert_eq!(
        history.length().unwrap(),
        h0 + 2,
        "it replaced the forward entry"
    );

    // a change of path writes what waits first: both entries, in order
    m.app.nav.go(|s| s.filter.text = "kj".into());
    m.app.nav.to("/tiltak/PLL?gruppering=eier&q=kj");
    settle().await;
    assert_eq!(here(), "/tiltak/PLL?gruppering=eier&q=kj");
    assert_eq!(
        m.app.view.with_untracked(|v| v.href()),
        "/tiltak/PLL?gruppering=eier&q=kj"
    );
    assert_eq!(history.length().unwrap(), h0 + 4);
    history.back().unwrap();
    until_url("/?gruppering=eier&q=kj").await;
    assert_eq!(m.app.view.with_untracked(|v| v.href()), here());
}

#[wasm_bindgen_test]
async fn a_view_state_change_is_one_history_entry_and_the_router_follows() {
    use veikart_domain::roadmap::Grouping;
    let m = mount_at(
        "/",
        MINIMAL,
        false,
        || view! { <RouterLocation/><PartProbe/><RoadmapView/> },
    );
    settle().await;
    let goal_lane = texts(&m.root, ".lane-head h3");
    let history = window().history().unwrap();
    let h0 = history.length().unwrap();

    // the state at once; the URL (the state's own href) and one new entry after the next paint
    m.app.nav.go(|s| s.grouping = Grouping::Owner);
    assert_eq!(m.app.view.with_untracked(|v| v.href()), "/?gruppering=eier");
    assert_eq!(here(), "/", "the history waits for the paint");
    settle_until("the entry is written", 5.0, || {
        here() == "/?gruppering=eier"
    })
    .await;
    assert_eq!(m.app.view.with_untracked(|v| v.href()), here());
    assert_eq!(history.length().unwrap(), h0 + 1);
    // typing replaces the entry
    m.app.nav.replace(|s| s.filter.text = "lm".into());
    settle_until("the entry is replaced", 5.0, || {
        here() == "/?gruppering=eier&q=lm"
    })
    .await;
    assert_eq!(history.length().unwrap(), h0 + 1);
    // the same state again writes nothing
    m.app.nav.go(|s| s.grouping = Grouping::Owner);
    settle().await;
    assert_eq!(history.length().unwrap(), h0 + 1);
    // the view and the router's own location follow
    assert_ne!(texts(&m.root, ".lane-head h3"), goal_lane);
    assert_eq!(
        texts(&m.root, ".router-location"),
        vec!["/ gruppering=eier&q=lm"]
    );
    assert_eq!(texts(&m.root, ".parts"), vec!["eier lm"]);

    // back (popstate, read by the router): the state and the view follow the URL
    history.back().unwrap();
    until_url("/").await;
    assert_eq!(here(), "/");
    assert_eq!(m.app.view.with_untracked(|v| v.grouping), Grouping::Goal);
    assert!(m.app.view.with_untracked(|v| v.filter.text.is_empty()));
    assert_eq!(texts(&m.root, ".lane-head h3"), goal_lane);
    assert_eq!(texts(&m.root, ".router-location"), vec!["/"]);
    assert_eq!(texts(&m.root, ".parts"), vec!["mal"]);
}

/// The label column's width as a custom property holds it, read without Rust's float parser:
/// plain pixel numbers are read, anything else is refused, as `str::parse` did.
#[wasm_bindgen_test]
fn a_pixel_value_is_read_by_the_browser() {
    use veikart::hooks::px_value;
    for (text, want) in [
        ("280px", Some(280.0)),
        (" 280px ", Some(280.0)),
        ("280", Some(280.0)),
        ("12.5px", Some(12.5)),
        ("-4px", Some(-4.0)),
        ("0", Some(0.0)),
    ] {
        assert_eq!(px_value(text), want, "{text:?}");
    }
    for text in [
        "",
        "px",
        "1rem",
        "calc(10px + 2px)",
        "1.2.3",
        ".",
        "-",
        "1e3px",
        "abc",
    ] {
        assert_eq!(px_value(text), None, "{text:?}");
    }
}
