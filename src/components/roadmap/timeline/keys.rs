//! Keyboard navigation inside the timeline: up/down between measures, Home/End, right into a
//! measure's milestones and left back. The measure links and milestone markers carry
//! `data-measure`, so the handler finds its way from the focused element.

/// Arrow keys inside the timeline: up/down between measures, Home/End to the first/last, right
/// into a measure's milestones (left/right between them, left from the first back to the
/// measure). Tab leaves the timeline as usual; every milestone is reachable without a mouse.
pub fn timeline_keys(ev: leptos::ev::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let key = ev.key();
    if !matches!(
        key.as_str(),
        "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight" | "Home" | "End"
    ) {
        return;
    }
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Some(root) = target.closest(".timeline").ok().flatten() else {
        return;
    };
    // Elements, not HtmlElements: the milestones are SVG. `focus()` is called dynamically.
    let all = |sel: &str| -> Vec<web_sys::Element> {
        let Ok(list) = root.query_selector_all(sel) else {
            return vec![];
        };
        (0..list.length())
            .filter_map(|i| {
                list.item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            })
            .collect()
    };
    let focus = |el: Option<&web_sys::Element>| {
        if let Some(el) = el {
            let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    };
    let links = all(".row-label .measure-link");
    let measure_of = |el: &web_sys::Element| -> Option<String> {
        el.closest("[data-measure]")
            .ok()
            .flatten()?
            .get_attribute("data-measure")
    };
    let link_index = |id: &str| {
        links.iter().position(|l| {
            l.closest("[data-measure]")
                .ok()
                .flatten()
                .and_then(|r| r.get_attribute("data-measure"))
                .as_deref()
                == Some(id)
        })
    };
    let on_link = target.class_list().contains("measure-link");
    let on_milestone = target.class_list().contains("milestone");
    if !on_link && !on_milestone {
        return;
    }
    let Some(id) = measure_of(&target) else {
        return;
    };
    let Some(li) = link_index(&id) else {
        return;
    };
    let row_ms: Vec<web_sys::Element> = all("g.milestone")
        .into_iter()
        .filter(|e| e.get_attribute("data-measure").as_deref() == Some(id.as_str()))
        .collect();
    let mi = row_ms.iter().position(|e| e == &target);
    ev.prevent_default();
    match (key.as_str(), on_link) {
        ("ArrowDown", _) => focus(links.get(li + 1)),
        ("ArrowUp", _) => focus(li.checked_sub(1).and_then(|i| links.get(i))),
        ("Home", _) => focus(links.first()),
        ("End", _) => focus(links.last()),
        ("ArrowRight", true) => focus(row_ms.first()),
        ("ArrowRight", false) => focus(mi.and_then(|i| row_ms.get(i + 1))),
        ("ArrowLeft", false) => match mi {
            Some(0) | None => focus(links.get(li)),
            Some(i) => focus(row_ms.get(i - 1)),
        },
        _ => {}
    }
}
