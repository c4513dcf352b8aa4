//! The app shell: routes, the feed resource, language, header and error states.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::hooks::{query_signal, use_location, use_navigate};
use leptos_router::params::ParamsMap;
use leptos_router::path;
use leptos_router::NavigateOptions;
use veikart_domain::validate::{LoadError, Loaded};
use veikart_domain::Lang;

use crate::api::{feed_url, fetch_feed, FeedError};
use crate::components::ambitions::AmbitionOverview;
use crate::components::changes::{provide_compare, ChangeList, CompareToggle};
use crate::components::council::CouncilView;
use crate::components::detail::DetailRoute;
use crate::components::embed::EmbedBridge;
use crate::components::graph::DependencyGraph;
use crate::components::lens::ActorLens;
use crate::components::roadmap::RoadmapView;
use crate::components::statement::Statement;
use crate::format::format_date;
use crate::i18n::{t, K};

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

    let (feed_q, _) = query_signal::<String>("feed");
    let resource = LocalResource::new(move || {
        let url = feed_url(feed_q.get().as_deref());
        async move { fetch_feed(url).await.map(Arc::new) }
    });
    let feed = Signal::derive(move || {
        resource
            .get()
            .and_then(|r| r.ok())
            .filter(|l| l.is_usable())
    });
    provide_context(Ctx { feed, lang });
    provide_compare();
    let query = current_query();

    let updated = move || {
        feed.get().map(|l| {
            let lang = lang.get();
            view! {
                <p class="updated">
                    {t(lang, K::DataUpdated)} ": "
                    <time datetime=l.feed.meta.published.clone()>
                        {format_date(&l.feed.meta.published, lang)}
                    </time> " · " {l.feed.meta.version_label.get(lang).to_string()}
                </p>
            }
        })
    };

    view! {
        <a class="skip" href="#veikart" on:click=skip_to_main>{move || t(lang.get(), K::Skip)}</a>
        <header class="app-header">
            <div class="brand">
                <h1>{move || t(lang.get(), K::AppTitle)}</h1>
                <p class="subtitle">{move || t(lang.get(), K::AppSubtitle)}</p>
            </div>
            <LangSwitch lang/>
            {updated}
        </header>
        <EmbedBridge/>
        <main id="veikart" tabindex="-1">
            <Transition fallback=move || {
                view! { <p class="notice loading" role="status">{t(lang.get_untracked(), K::Loading)}</p> }
            }>
                {move || {
                    resource
                        .get()
                        .map(|res| match res {
                            Err(e) => view! { <FeedErrorView error=e retry=move || resource.refetch()/> }.into_any(),
                            Ok(l) if !l.is_usable() => view! { <SemanticErrors loaded=l retry=move || resource.refetch()/> }.into_any(),
                            Ok(_) => view! { <Views lang/> <Outlet/> }.into_any(),
                        })
                }}
            </Transition>
        </main>
        <footer class="app-footer">
            <a href=move || format!("/tilgjengelighet{}", query.get())>{move || t(lang.get(), K::A11yStatement)}</a>
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

/// A message for a feed that could not be fetched or read, with a retry button.
#[component]
pub fn FeedErrorView(error: FeedError, retry: impl Fn() + 'static + Send + Sync) -> impl IntoView {
    let Ctx { lang, .. } = use_ctx();
    let message = move || {
        let lang = lang.get();
        match &error {
            FeedError::Network(detail) => format!("{} ({detail})", t(lang, K::ErrNetwork)),
            FeedError::Http(code) => format!("{}: HTTP {code}.", t(lang, K::ErrHttp)),
            FeedError::Load(LoadError::Empty) => t(lang, K::ErrEmpty).to_string(),
            FeedError::Load(LoadError::TooLarge { bytes, limit }) => {
                format!("{} ({bytes} > {limit} bytes).", t(lang, K::ErrTooLarge))
            }
            FeedError::Load(LoadError::Syntax {
                line,
                column,
                message,
            }) => format!(
                "{} (linje {line}, kolonne {column}): {message}",
                t(lang, K::ErrSyntax)
            ),
            FeedError::Load(LoadError::Shape {
                path,
                line,
                column,
                message,
            }) => format!(
                "{} {path} (linje {line}, kolonne {column}): {message}",
                t(lang, K::ErrShape)
            ),
            FeedError::Load(LoadError::UnsupportedVersion { found, supported }) => {
                format!(
                    "{}: «{found}» (støtter {supported}.x).",
                    t(lang, K::ErrVersion)
                )
            }
        }
    };
    view! {
        <section class="error-box" role="alert">
            <h2>{move || t(lang.get(), K::ErrorTitle)}</h2>
            <p class="error-message">{message}</p>
            <button type="button" on:click=move |_| retry()>{move || t(lang.get(), K::Retry)}</button>
        </section>
    }
}

/// The list of errors that keep a feed from being shown.
#[component]
fn SemanticErrors(loaded: Arc<Loaded>, retry: impl Fn() + 'static + Send + Sync) -> impl IntoView {
    let Ctx { lang, .. } = use_ctx();
    let items = loaded
        .errors()
        .map(|i| {
            view! {
                <li>
                    <code>{i.pointer.clone()}</code> " — " {i.message.clone()}
                    <span class="rule">" [" {i.rule.code()} "]"</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="error-box" role="alert">
            <h2>{move || t(lang.get(), K::ErrorTitle)}</h2>
            <p class="error-message">{move || t(lang.get(), K::ErrSemantic)} ":"</p>
            <ul class="issues">{items}</ul>
            <button type="button" on:click=move |_| retry()>{move || t(lang.get(), K::Retry)}</button>
        </section>
    }
}
