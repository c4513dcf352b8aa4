//! A panic never leaves a frozen page. The release build is `panic = "abort"`: after the hook
//! returns, the wasm instance is dead, so the hook itself replaces the page with a plain-DOM error
//! view (web-sys only, no Leptos) whose reload button is wired to the browser's own
//! `location.reload` (a bound native function, so it works without wasm and without `eval`).

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Document, Element};

/// Installs the hook: log to the console as before, then show the error view.
pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        render(&info.to_string());
    }));
}

/// The UI language from `?lang=` (the signals may be gone by now).
fn lang_tag() -> &'static str {
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    for pair in search.trim_start_matches('?').split('&') {
        match pair {
            "lang=nn" => return "nn",
            "lang=en" => return "en",
            _ => {}
        }
    }
    "nb"
}

fn texts(lang: &str) -> [&'static str; 4] {
    match lang {
        "nn" => [
            "Vegkartet stoppa uventa",
            "Det oppstod ein feil i appen. Last sida på nytt for å prøve igjen.",
            "Last inn på nytt",
            "Teknisk detalj",
        ],
        "en" => [
            "The roadmap stopped unexpectedly",
            "Something went wrong in the app. Reload the page to try again.",
            "Reload",
            "Technical detail",
        ],
        _ => [
            "Veikartet stoppet uventet",
            "Det oppstod en feil i appen. Last siden på nytt for å prøve igjen.",
            "Last inn på nytt",
            "Teknisk detalj",
        ],
    }
}

fn el(doc: &Document, tag: &str, class: &str, text: Option<&str>) -> Option<Element> {
    let e = doc.create_element(tag).ok()?;
    if !class.is_empty() {
        e.set_class_name(class);
    }
    if let Some(t) = text {
        e.set_text_content(Some(t)); // text only: the panic message may quote feed data
    }
    Some(e)
}

fn add(parent: &Element, child: &Element) -> Option<()> {
    parent.append_child(child).ok().map(|_| ())
}

/// The error view as a detached element (tested on its own in tests/web.rs).
pub fn build_view(doc: &Document, detail: &str, lang: &str) -> Option<Element> {
    let [title, text, reload, detail_label] = texts(lang);
    let section = el(doc, "section", "error-box panic-view", None)?;
    section.set_attribute("role", "alert").ok()?;
    section.set_attribute("lang", lang).ok()?;
    add(&section, &el(doc, "h2", "", Some(title))?)?;
    add(&section, &el(doc, "p", "error-message", Some(text))?)?;
    let button = el(doc, "button", "", Some(reload))?;
    button.set_attribute("type", "button").ok()?;
    let location: JsValue = web_sys::window()?.location().into();
    let reload_fn: js_sys::Function = js_sys::Reflect::get(&location, &"reload".into())
        .ok()?
        .dyn_into()
        .ok()?;
    let bound = reload_fn.bind0(&location);
    button
        .add_event_listener_with_callback("click", &bound)
        .ok()?;
    add(&section, &button)?;
    let details = el(doc, "details", "", None)?;
    add(&details, &el(doc, "summary", "", Some(detail_label))?)?;
    add(&details, &el(doc, "pre", "", Some(detail))?)?;
    add(&section, &details)?;
    Some(section)
}

/// Replaces the page body with the error view. Every step is best effort: nothing here may
/// panic again.
pub fn render(detail: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else {
        return;
    };
    let Some(section) = build_view(&doc, detail, lang_tag()) else {
        return;
    };
    body.set_text_content(None);
    let _ = body.remove_attribute("data-booting");
    match doc.create_element("main").ok() {
        Some(m) if m.append_child(&section).is_ok() => {
            let _ = body.append_child(&m);
        }
        _ => {
            let _ = body.append_child(&section);
        }
    }
    if let Ok(Some(b)) = section.query_selector("button") {
        if let Ok(b) = b.dyn_into::<web_sys::HtmlElement>() {
            let _ = b.focus();
        }
    }
}
