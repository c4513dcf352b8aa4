//! The app shell: routes, the feed resource, language, header and error states.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::hooks::{query_signal, use_location, use_navigate};
use leptos_router::params::ParamsMap;
use leptos_router::path;
use leptos_router::NavigateOptions;
use veikart_domain::validate::Loaded;
use veikart_domain::Lang;

use crate::api::FeedConfig;
use crate::components::ambitions::AmbitionOverview;
use crate::components::changes::{provide_compare, ChangeList, CompareToggle};
use crate::components::council::CouncilView;
use crate::components::detail::DetailRoute;
use crate::components::embed::EmbedBridge;
pub use crate::components::feed_status::FeedErrorView;
use crate::components::feed_status::{
    DelayedLoading, FeedNotes, SemanticErrors, StaleBanner, UpdatedLine,
};
use crate::components::graph::DependencyGraph;
use crate::components::lens::ActorLens;
use crate::components::local_file::{LocalBanner, LocalFeed, LocalFilePicker};
use crate::components::roadmap::RoadmapView;
use crate::components::statement::Statement;
use crate::i18n::{t, K};
use crate::last_good::{load_feed, FeedOutcome, Problem, Shown};

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

/// Writes several query keys in one navigation (a filter change touches more than one key, and
/// one history entry per user action is what back/forward should step through). Create it in
/// a component's setup; call `set` from event handlers.
type Navigate = Box<dyn Fn(&str, NavigateOptions)>;

#[derive(Clone, Copy)]
pub struct QueryWriter {
    navigate: StoredValue<Navigate, LocalStorage>,
    pathname: Memo<String>,
    query: Memo<ParamsMap>,
}

impl QueryWriter {
    pub fn new() -> QueryWriter {
        let nav = use_navigate();
        let location = use_location();
        QueryWriter {
            navigate: StoredValue::new_local(Box::new(move |u: &str, o| nav(u, o))),
            pathname: location.pathname,
            query: location.query,
        }
    }

    /// Sets (`Some`, non-empty) or removes (`None` or empty) each key; `replace` updates the
    /// current history entry instead of adding one (for typing in a search box).
    pub fn set<'a>(
        &self,
        updates: impl IntoIterator<Item = (&'a str, Option<String>)>,
        replace: bool,
    ) {
        let mut q = self.query.get_untracked();
        for (k, v) in updates {
            match v.filter(|v| !v.is_empty()) {
                Some(v) => q.replace(k.to_string(), v),
                None => {
                    q.remove(k);
                }
            }
        }
        let url = format!("{}{}", self.pathname.get_untracked(), q.to_query_string());
        self.navigate.with_value(|n| {
            n(
                &url,
                NavigateOptions {
                    replace,
                    scroll: false,
                    ..NavigateOptions::default()
                },
            )
        });
    }
}

impl Default for QueryWriter {
    fn default() -> Self {
        QueryWriter::new()
    }
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
                    <Route path=path!("tilgjengelighet") view=Statement/>
                </ParentRoute>
            </Routes>
        </Router>
    }
}

/// What to show for a draft feed opened from disk.
fn local_outcome(lf: LocalFeed) -> FeedOutcome {
    match lf.result {
        Ok(l) if l.is_usable() => FeedOutcome {
            shown: Some(Shown {
                loaded: l,
                fetched_at: crate::last_good::now_ms(),
                stale: false,
            }),
            problem: None,
        },
        Ok(l) => FeedOutcome {
            shown: None,
            problem: Some(Problem::Semantic(l)),
        },
        Err(e) => FeedOutcome {
            shown: None,
            problem: Some(Problem::Fetch(crate::api::FeedError::Load(e))),
        },
    }
}

/// The skip link moves focus itself: the router would otherwise treat `#veikart` as a
/// navigation and leave focus where it was.
fn skip_to_main(ev: leptos::ev::MouseEvent) {
    use wasm_bindgen::JsCast;
    ev.prevent_default();
    if let Some(main) = document()
        .get_element_by_id("veikart")
        .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = main.focus();
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
    // issue 5: `?feed=` picks another source (same-origin path or an allow-listed origin).
    let config = FeedConfig::from_document();
    let (feed_q, _) = query_signal::<String>("feed");
    let resource = LocalResource::new(move || {
        let cfg = config.clone().with_feed_param(feed_q.get().as_deref());
        async move {
            match cfg {
                Ok(cfg) => load_feed(cfg).await,
                Err(e) => FeedOutcome {
                    shown: None,
                    problem: Some(Problem::Fetch(e)),
                },
            }
        }
    });
    // issue 5: a draft opened from disk replaces the fetched feed until it is closed.
    let local = RwSignal::new(None::<LocalFeed>);
    let outcome = Signal::derive(move || match local.get() {
        Some(lf) => Some(local_outcome(lf)),
        None => resource.get(),
    });
    let feed = Signal::derive(move || outcome.get().and_then(|o| o.shown).map(|s| s.loaded));
    provide_context(Ctx { feed, lang });
    provide_compare();
    let query = current_query();
    let (busy, set_busy) = signal(false);
    let retry = move || resource.refetch();

    view! {
        <a class="skip" href="#veikart" on:click=skip_to_main>{move || t(lang.get(), K::Skip)}</a>
        <header class="app-header">
            <div class="brand">
                <h1>{move || t(lang.get(), K::AppTitle)}</h1>
                <p class="subtitle">{move || t(lang.get(), K::AppSubtitle)}</p>
            </div>
            <LangSwitch lang/>
            <UpdatedLine outcome/>
        </header>
        <EmbedBridge/>
        <main id="veikart" tabindex="-1" aria-busy=move || busy.get().to_string()>
            {move || local.get().map(|lf| view! { <LocalBanner file=lf close=move || local.set(None)/> })}
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
        <footer class="app-footer">
            <a href=move || format!("/tilgjengelighet{}", query.get())>{move || t(lang.get(), K::A11yStatement)}</a>
            <LocalFilePicker on_open=Callback::new(move |lf| local.set(Some(lf)))/>
        </footer>
    }
}

/// The views of the same feed, chosen with `?visning=`.
#[component]
fn Views(lang: Signal<Lang>) -> impl IntoView {
    let location = use_location();
    let on_statement = Memo::new(move |_| {
        location
            .pathname
            .get()
            .trim_end_matches('/')
            .ends_with("/tilgjengelighet")
    });
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
    let views = move || {
        view! {
            <nav class="views seg" aria-label=move || t(lang.get(), K::Views)>
                {tab("", K::ViewTimeline)}
                {tab("avhengigheter", K::ViewGraph)}
                {tab("ambisjoner", K::ViewAmbitions)}
                {tab("for-oss", K::ViewLens)}
                {tab("endringer", K::ViewChanges)}
                {tab("rad", K::ViewCouncil)}
            </nav>
            <CompareToggle/>
            {move || match current.get().as_str() {
                "avhengigheter" => view! { <DependencyGraph/> }.into_any(),
                "ambisjoner" => view! { <AmbitionOverview/> }.into_any(),
                "for-oss" => view! { <ActorLens/> }.into_any(),
                "endringer" => view! { <ChangeList/> }.into_any(),
                "rad" => view! { <CouncilView/> }.into_any(),
                _ => view! { <RoadmapView/> }.into_any(),
            }}
        }
    };
    move || (!on_statement.get()).then(views)
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
