//! The app shell: routes, the feed resource, language, header and error states.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::hooks::{query_signal, use_location};
use leptos_router::path;
use veikart_domain::validate::Loaded;
use veikart_domain::Lang;

use crate::api::FeedConfig;
use crate::components::ambitions::AmbitionOverview;
use crate::components::detail::DetailRoute;
pub use crate::components::feed_status::FeedErrorView;
use crate::components::feed_status::{
    DelayedLoading, FeedNotes, SemanticErrors, StaleBanner, UpdatedLine,
};
use crate::components::graph::DependencyGraph;
use crate::components::roadmap::RoadmapView;
use crate::i18n::{t, K};
use crate::last_good::{load_feed, Problem};

/// What every view reads: the loaded feed (when usable) and the UI language.
#[derive(Clone, Copy)]
pub struct Ctx {
    pub feed: Signal<Option<Arc<Loaded>>>,
    pub lang: Signal<Lang>,
}

pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}

/// The query string of the current URL (with `?`), so links keep the view state.
pub fn current_query() -> Signal<String> {
    let location = use_location();
    Signal::derive(move || {
        let s = location.search.get();
        if s.is_empty() || s.starts_with('?') {
            s
        } else {
            format!("?{s}")
        }
    })
}

/// The measure id in a `/tiltak/ID` path, decoded.
pub fn selected_from_path(path: &str) -> Option<String> {
    let id = path.trim_end_matches('/').rsplit_once("/tiltak/")?.1;
    if id.is_empty() || id.contains('/') {
        return None;
    }
    Some(
        js_sys::decode_uri_component(id)
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| id.to_string()),
    )
}

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Routes fallback=|| view! { <p class="notice">"404"</p> }>
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=|| ()/>
                    <Route path=path!("tiltak/:id") view=DetailRoute/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

#[component]
fn Shell() -> impl IntoView {
    let (lang_q, _set_lang) = query_signal::<String>("lang");
    let lang = Signal::derive(move || {
        lang_q
            .get()
            .and_then(|l| Lang::from_tag(&l))
            .unwrap_or_default()
    });
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().tag());
        }
    });

    // issue 7: fetch with time and size limits, conditional requests, last good copy.
    let config = FeedConfig::from_document();
    let resource = LocalResource::new(move || load_feed(config.clone()));
    let outcome = Signal::derive(move || resource.get());
    let feed = Signal::derive(move || outcome.get().and_then(|o| o.shown).map(|s| s.loaded));
    provide_context(Ctx { feed, lang });
    let (busy, set_busy) = signal(false);
    let retry = move || resource.refetch();

    view! {
        <a class="skip" href="#veikart">{move || t(lang.get(), K::Skip)}</a>
        <header class="app-header">
            <div class="brand">
                <h1>{move || t(lang.get(), K::AppTitle)}</h1>
                <p class="subtitle">{move || t(lang.get(), K::AppSubtitle)}</p>
            </div>
            <LangSwitch lang/>
            <UpdatedLine outcome/>
        </header>
        <main id="veikart" tabindex="-1" aria-busy=move || busy.get().to_string()>
            <Transition
                fallback=move || view! { <DelayedLoading lang/> }
                set_pending=set_busy
            >
                {move || {
                    outcome.get().map(|o| match (o.shown, o.problem) {
                        (Some(shown), problem) => {
                            let banner = problem.filter(|_| shown.stale).map(|p| {
                                view! { <StaleBanner fetched_at=shown.fetched_at problem=p retry busy=busy.into()/> }
                            });
                            view! {
                                {banner}
                                <Views lang/>
                                <Outlet/>
                                <FeedNotes loaded=shown.loaded/>
                            }
                            .into_any()
                        }
                        (None, Some(Problem::Semantic(l))) => {
                            view! { <SemanticErrors loaded=l retry busy=busy.into()/> }.into_any()
                        }
                        (None, Some(Problem::Fetch(e))) => {
                            view! { <FeedErrorView error=e retry busy=busy.into()/> }.into_any()
                        }
                        (None, None) => view! {
                            <FeedErrorView
                                error=crate::api::FeedError::Load(veikart_domain::LoadError::Empty)
                                retry
                                busy=busy.into()
                            />
                        }
                        .into_any(),
                    })
                }}
            </Transition>
        </main>
    }
}

/// The three views of the same feed, chosen with `?visning=`.
#[component]
fn Views(lang: Signal<Lang>) -> impl IntoView {
    let (view_q, set_view_q) = query_signal::<String>("visning");
    let current = Signal::derive(move || view_q.get().unwrap_or_default());
    let tab = move |key: &'static str, label: K| {
        view! {
            <button
                type="button"
                aria-pressed=move || (current.get() == key).to_string()
                on:click=move |_| set_view_q.set((!key.is_empty()).then(|| key.to_string()))
            >
                {move || t(lang.get(), label)}
            </button>
        }
    };
    view! {
        <nav class="views seg" aria-label=move || t(lang.get(), K::Views)>
            {tab("", K::ViewTimeline)}
            {tab("avhengigheter", K::ViewGraph)}
            {tab("ambisjoner", K::ViewAmbitions)}
        </nav>
        {move || match current.get().as_str() {
            "avhengigheter" => view! { <DependencyGraph/> }.into_any(),
            "ambisjoner" => view! { <AmbitionOverview/> }.into_any(),
            _ => view! { <RoadmapView/> }.into_any(),
        }}
    }
}

#[component]
fn LangSwitch(lang: Signal<Lang>) -> impl IntoView {
    let (_, set_lang) = query_signal::<String>("lang");
    view! {
        <nav class="lang" aria-label=move || t(lang.get(), K::Language)>
            {Lang::ALL
                .into_iter()
                .map(|l| {
                    let label = match l {
                        Lang::Nb => "Bokmål",
                        Lang::Nn => "Nynorsk",
                        Lang::En => "English",
                    };
                    view! {
                        <button
                            type="button"
                            lang=l.tag()
                            aria-pressed=move || (lang.get() == l).to_string()
                            on:click=move |_| set_lang.set((l != Lang::Nb).then(|| l.tag().to_string()))
                        >
                            {label}
                        </button>
                    }
                })
                .collect_view()}
        </nav>
    }
}
