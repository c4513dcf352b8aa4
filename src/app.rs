//! The app shell: routes, the header (title, language, data date), the feed's state (loading,
//! errors, stale copy, local draft) and the views. State and services live in `state/`; the
//! views in `components/`.

use leptos::prelude::*;
use leptos_router::components::{Outlet, ParentRoute, Route, Router, Routes};
use leptos_router::path;
use veikart_domain::view_state::{Page, View};
use veikart_domain::Lang;

use crate::components::ambitions::AmbitionOverview;
use crate::components::changes::{ChangeList, CompareToggle};
use crate::components::council::CouncilView;
use crate::components::detail::DetailPanel;
use crate::components::embed::EmbedBridge;
pub use crate::components::feed_status::FeedErrorView;
use crate::components::feed_status::{
    DelayedLoading, FeedNotes, SemanticErrors, StaleBanner, UpdatedLine,
};
use crate::components::graph::DependencyGraph;
use crate::components::lens::ActorLens;
use crate::components::local_file::{LocalBanner, LocalFilePicker, LocalReading};
use crate::components::parts::FeedText;
use crate::components::risks::RiskView;
use crate::components::roadmap::RoadmapView;
use crate::components::standing::{FeedBanner, FeedContext};
use crate::components::statement::Statement;
use crate::hooks::use_media_query;
use crate::i18n::{labels, tr, use_i18n, K};
use crate::state::api::FeedError;
use crate::state::compare::provide_compare;
use crate::state::feed::provide_feed;
use crate::state::last_good::Problem;
use crate::state::{provide_app, use_app, view_part, Clock};

#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <Routes fallback=|| view! { <p class="notice">"404"</p> }>
                <ParentRoute path=path!("") view=Shell>
                    <Route path=path!("") view=|| ()/>
                    <Route path=path!("tiltak/:id") view=|| ()/>
                    <Route path=path!("tilgjengelighet") view=|| ()/>
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

/// Removes index.html's static frame and shows the app (see `body[data-booting]` in main.css).
pub fn reveal() {
    let doc = document();
    if let Some(boot) = doc.get_element_by_id("boot-shell") {
        boot.remove();
    }
    if let Some(body) = doc.body() {
        let _ = body.remove_attribute("data-booting");
    }
}

#[component]
fn Shell() -> impl IntoView {
    let feed = provide_feed();
    let narrow = use_media_query("(max-width: 768px)");
    let app = provide_app(feed.shown(), Clock::system(), narrow);
    provide_compare(app, feed);
    let i = use_i18n();
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", app.lang.get().tag());
        }
    });
    let (busy, set_busy) = signal(false);
    // a retry is under way: the feed's request, or a local file read (and converted) again
    let working = Signal::derive(move || busy.get() || feed.files.is_reading());
    // The static frame goes once there is a feed or an error to show, in the frame after it was
    // rendered: the header and the view appear together instead of moving down under a header
    // that grows with the feed's title (Lighthouse's CLS was 0.71 on desktop).
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || feed.outcome.with(Option::is_none) {
            return done.unwrap_or(false);
        }
        request_animation_frame(reveal);
        // an iframe out of view gets no animation frames: a timer reveals it as well
        set_timeout(reveal, std::time::Duration::from_millis(100));
        true
    });
    let retry = move || feed.retry.run(());
    let on_statement = view_part(|v| v.page == Page::Statement);
    let statement_href = move || app.view.with(|v| v.on_page(Page::Statement).href());
    let state = move || {
        feed.outcome.get().map(|o| match (o.shown, o.problem) {
            (Some(shown), problem) => {
                let banner = problem.filter(|_| shown.stale).map(|p| {
                    view! { <StaleBanner fetched_at=shown.fetched_at problem=p retry busy=working/> }
                });
                view! {
                    {banner}
                    <FeedBanner/>
                    <Show when=move || !on_statement.get() fallback=|| view! { <Statement/> }>
                        <Views/>
                        <DetailPanel/>
                    </Show>
                    <FeedNotes loaded=shown.loaded/>
                }
                .into_any()
            }
            (None, Some(Problem::Semantic(l))) => {
                view! { <SemanticErrors loaded=l retry busy=working/> }.into_any()
            }
            (None, Some(Problem::Fetch(e))) => {
                view! { <FeedErrorView error=e retry busy=working/> }.into_any()
            }
            (None, None) => view! {
                <FeedErrorView error=FeedError::Load(veikart_domain::LoadError::Empty) retry busy=working/>
            }
            .into_any(),
        })
    };
    view! {
        <a class="skip" href="#veikart" on:click=skip_to_main>{tr(i, K::Skip)}</a>
        <header class="app-header">
            <HeaderTitle/>
            <LangSwitch/>
            <UpdatedLine outcome=feed.outcome/>
        </header>
        <EmbedBridge/>
        // The child routes draw nothing (the view state decides what is shown), but the router
        // completes a navigation to another path — pushes the URL — only once their outlet has
        // rendered, so it is always there.
        <Outlet/>
        <main id="veikart" tabindex="-1" aria-busy=move || working.get().to_string()>
            <LocalReading/>
            {move || feed.local.get().map(|file| view! { <LocalBanner file/> })}
            <Transition fallback=move || view! { <DelayedLoading lang=app.lang/> } set_pending=set_busy>
                {state}
            </Transition>
        </main>
        <footer class="app-footer">
            <a href=statement_href data-noscroll="">{tr(i, K::A11yStatement)}</a>
            <LocalFilePicker/>
        </footer>
    }
}

/// The views of the same feed, chosen with `visning=`.
#[component]
fn Views() -> impl IntoView {
    let app = use_app();
    let i = use_i18n();
    let current = view_part(|v| v.view);
    let tab = move |v: View| {
        view! {
            <button type="button" aria-pressed=move || (current.get() == v).to_string()
                on:click=move |_| app.nav.go(|s| s.view = v)>
                {tr(i, labels::view(v))}
            </button>
        }
    };
    view! {
        <nav class="views seg" aria-label=tr(i, K::Views)>{View::ALL.map(tab).collect_view()}</nav>
        <CompareToggle/>
        {move || match current.get() {
            View::Graph => view! { <DependencyGraph/> }.into_any(),
            View::Ambitions => view! { <AmbitionOverview/> }.into_any(),
            View::Lens => view! { <ActorLens/> }.into_any(),
            View::Changes => view! { <ChangeList/> }.into_any(),
            View::Council => view! { <CouncilView/> }.into_any(),
            View::Risks => view! { <RiskView/> }.into_any(),
            View::Roadmap => view! { <FeedContext/><RoadmapView/> }.into_any(),
        }}
    }
}

/// The header: the app's name, then the feed's own title and subtitle (`meta.terms`, schema
/// 1.1; the feed's title otherwise). Before a feed is loaded: the app's name and its subtitle.
#[component]
pub fn HeaderTitle() -> impl IntoView {
    let app = use_app();
    let i = use_i18n();
    let terms = Memo::new(move |_| {
        app.feed
            .with(|f| f.as_ref().map(|f| f.feed().terms()))
            .map(|t| (t.title, t.subtitle))
    });
    move || match terms.get() {
        Some((title, subtitle)) => view! {
            <div class="brand">
                <p class="app-name">{tr(i, K::AppTitle)}</p>
                <h1><FeedText text=title/></h1>
                {subtitle.map(|s| view! { <p class="subtitle"><FeedText text=s/></p> })}
            </div>
        }
        .into_any(),
        None => view! {
            <div class="brand">
                <h1>{tr(i, K::AppTitle)}</h1>
                <p class="subtitle">{tr(i, K::AppSubtitle)}</p>
            </div>
        }
        .into_any(),
    }
}

#[component]
fn LangSwitch() -> impl IntoView {
    let app = use_app();
    let i = use_i18n();
    view! {
        <nav class="lang" aria-label=tr(i, K::Language)>
            {Lang::ALL
                .map(|l| view! {
                    <button type="button" lang=l.tag()
                        aria-pressed=move || (app.lang.get() == l).to_string()
                        on:click=move |_| app.nav.go(|s| s.lang = l)>
                        {crate::i18n::t(l, labels::language(l))}
                    </button>
                })
                .collect_view()}
        </nav>
    }
}
