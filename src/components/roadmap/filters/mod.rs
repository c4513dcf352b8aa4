//! The filter bar: search (typing replaces the current history entry), the panel toggle with
//! the number of active filters, "clear", "copy link", and the announced result count. The
//! panel (`panel.rs`) and the chips of active filters (`chips.rs`) are their own parts. The
//! filter itself lives in the view state; `veikart_domain::filter` applies it.

mod chips;
mod panel;

use leptos::prelude::*;
use veikart_domain::filter::{Facet, Filter};
use veikart_domain::index::Indexed;
use veikart_domain::roadmap::lifecycle_from_key;
use veikart_domain::Lang;

use super::use_roadmap;
use crate::i18n::{labels, t, tr, use_i18n, K};
use crate::state::{use_app, Nav};

/// Display label of a facet option.
pub fn option_label(ix: &Indexed, facet: Facet, value: &str, lang: Lang) -> String {
    match facet {
        Facet::Organisation | Facet::ActorGroup => ix.actor_name(value, lang),
        Facet::Goal => ix
            .goal(value)
            .map(|g| format!("{} – {}", ix.feed().goal_label(g, lang), g.name.get(lang)))
            .unwrap_or_else(|| value.to_string()),
        Facet::Status => lifecycle_from_key(value)
            .map(|l| t(lang, labels::lifecycle(l)).to_string())
            .unwrap_or_else(|| t(lang, K::StatusUnknown).to_string()),
        Facet::Phase => ix.phase_name(value, lang),
    }
}

/// The name of a facet: the goal facet in the feed's own word («Innsatsområde»).
pub fn facet_name(ix: Option<&Indexed>, facet: Facet, lang: Lang) -> String {
    match (facet, ix) {
        (Facet::Goal, Some(ix)) => ix.feed().terms().goal_singular.get(lang).to_string(),
        _ => t(lang, labels::facet(facet)).to_string(),
    }
}

/// «Bare de fem prioriterte samhandlingstiltakene»: the "only prioritised" filter in the name of
/// the list in use (as it reads inside a sentence), or `None` when the feed has no list (the
/// filter is then not offered).
pub fn only_in_list_label(ctx: super::RoadmapCtx, lang: Lang) -> Option<String> {
    let chosen = ctx.list.get();
    let pos = ctx
        .index
        .with(|ix| ix.as_ref()?.list(chosen.as_deref()).map(|l| l.position))?;
    let name = ctx
        .lists
        .with(|ls| ls.get(pos).map(|(n, _)| n.get(lang).to_string()))?;
    let name = super::lane::in_sentence(&name);
    Some(crate::i18n::tf(lang, K::OnlyInList, &[("list", &name)]))
}

/// Writes a changed filter: one history entry (or in place, for typing).
fn write(nav: Nav, filter: Filter, replace: bool) {
    let change = move |s: &mut veikart_domain::view_state::ViewState| s.filter = filter;
    if replace {
        nav.replace(change)
    } else {
        nav.go(change)
    }
}

#[component]
pub fn FilterBar() -> impl IntoView {
    let app = use_app();
    let ctx = use_roadmap();
    let i = use_i18n();
    let nav = app.nav;
    let open = RwSignal::new(false);
    let copied = RwSignal::new(None::<bool>);
    let filter = crate::state::view_part(|v| v.filter.clone());
    let active = move || {
        filter.with(|f| {
            f.selected.values().map(|s| s.len()).sum::<usize>()
                + usize::from(f.prioritised_only)
                + usize::from(f.from_year.is_some() || f.to_year.is_some())
        })
    };
    let count_text = move || {
        ctx.result.with(|r| {
            r.as_ref().map(|r| {
                let total = r.total;
                if r.matched.is_empty() {
                    i.t(K::NoMatches).to_string()
                } else {
                    crate::i18n::tn(
                        i.lang(),
                        K::ShowingOf,
                        total,
                        &[("n", &r.matched.len()), ("m", &total)],
                    )
                }
            })
        })
    };
    let copy_link = move |_| {
        // The history entry of the last change may still wait for the next paint.
        nav.flush();
        let href = window().location().href().unwrap_or_default();
        let promise = window().navigator().clipboard().write_text(&href);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(Some(ok));
        });
    };
    view! {
        <div class="filterbar">
            <div class="search">
                <label for="vk-search">{tr(i, K::Search)}</label>
                <input id="vk-search" type="search" autocomplete="off"
                    placeholder=tr(i, K::SearchHint)
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        nav.replace(move |s| s.filter.text = text);
                    }/>
            </div>
            <button type="button" class="filter-toggle" aria-controls="vk-filter-panel"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                {tr(i, K::Filters)}
                {move || { let n = active(); (n > 0).then(|| view! { <span class="badge">{n}</span> }) }}
            </button>
            <button type="button" class="clear" disabled=move || filter.with(Filter::is_empty)
                on:click=move |_| nav.go(|s| s.filter = Filter::default())>
                {tr(i, K::ClearFilters)}
            </button>
            <button type="button" class="copy-link" on:click=copy_link>{tr(i, K::CopyLink)}</button>
            <span class="copied" role="status">
                {move || copied.get().map(|ok| i.t(if ok { K::LinkCopied } else { K::CopyFailed }))}
            </span>
            <p class="result-count" role="status" aria-live="polite">{count_text}</p>
        </div>
        <div id="vk-filter-panel" class="filter-panel" hidden=move || !open.get()>
            {move || open.get().then(|| view! { <panel::FilterPanel filter/> })}
        </div>
        <chips::FilterChips filter/>
    }
}
