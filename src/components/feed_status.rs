//! The feed's state on screen: the blocking error views (with a retry button), the banner over a
//! stored copy, the editors' notes (warnings), the "data last updated" line and the delayed
//! loading notice. Every feed string is rendered as text.

use std::sync::Arc;

use leptos::prelude::*;
use veikart_domain::index::Indexed;
use veikart_domain::validate::Loaded;
use veikart_domain::Lang;

use crate::format::format_date;
use crate::i18n::messages::{
    fetch_error, fetched_time, rule_title, semantic_headline, stale_banner, warnings_headline,
};
use crate::i18n::{t, use_i18n, K};
use crate::state::api::FeedError;
use crate::state::last_good::{FeedOutcome, Problem};

/// The retry button: says "fetching …" and is marked busy while a new attempt runs.
#[component]
pub fn RetryButton(retry: Callback<()>, busy: Signal<bool>, lang: Signal<Lang>) -> impl IntoView {
    view! {
        <button
            type="button"
            class="retry"
            aria-busy=move || busy.get().to_string()
            on:click=move |_| {
                if !busy.get_untracked() {
                    retry.run(())
                }
            }
        >
            {move || t(lang.get(), if busy.get() { K::Retrying } else { K::Retry })}
        </button>
    }
}

fn issue_items(l: &Loaded, lang: Lang, errors: bool) -> impl IntoView {
    let list: Vec<_> = if errors {
        l.errors().cloned().collect()
    } else {
        l.warnings().cloned().collect()
    };
    list.into_iter()
        .map(|i| {
            view! {
                <li>
                    <code>{if i.pointer.is_empty() { "/".to_string() } else { i.pointer.clone() }}</code>
                    " — " <strong>{rule_title(lang, i.rule)}</strong> ": " {i.message.clone()}
                    <span class="rule">" [" {i.rule.code()} "]"</span>
                </li>
            }
        })
        .collect_view()
}

/// A message for a feed that could not be fetched or read, with a retry button.
#[component]
pub fn FeedErrorView(
    error: FeedError,
    retry: impl Fn() + 'static + Send + Sync,
    #[prop(optional)] busy: Signal<bool>,
) -> impl IntoView {
    let lang = use_i18n().lang;
    let retry = Callback::new(move |_| retry());
    view! {
        <section class="error-box" role="alert">
            <h2>{move || t(lang.get(), K::ErrorTitle)}</h2>
            <p class="error-message">{move || fetch_error(lang.get(), &error)}</p>
            <RetryButton retry busy lang/>
        </section>
    }
}

/// The list of errors that keep a feed from being shown.
#[component]
pub fn SemanticErrors(
    loaded: Arc<Loaded>,
    retry: impl Fn() + 'static + Send + Sync,
    #[prop(optional)] busy: Signal<bool>,
) -> impl IntoView {
    let lang = use_i18n().lang;
    let retry = Callback::new(move |_| retry());
    let n = loaded.errors().count();
    view! {
        <section class="error-box" role="alert">
            <h2>{move || t(lang.get(), K::ErrorTitle)}</h2>
            <p class="error-message">{move || semantic_headline(lang.get(), n)}</p>
            <ul class="issues">{move || issue_items(&loaded, lang.get(), true)}</ul>
            <RetryButton retry busy lang/>
        </section>
    }
}

/// Over a stored copy: when it is from, why the fresh one is not shown, and a retry button.
#[component]
pub fn StaleBanner(
    fetched_at: f64,
    problem: Problem,
    retry: impl Fn() + 'static + Send + Sync,
    #[prop(optional)] busy: Signal<bool>,
) -> impl IntoView {
    let lang = use_i18n().lang;
    let retry = Callback::new(move |_| retry());
    let reason = {
        let problem = problem.clone();
        move || {
            let lang = lang.get();
            match &problem {
                Problem::Fetch(e) => fetch_error(lang, e),
                Problem::Semantic(l) => semantic_headline(lang, l.errors().count())
                    .trim_end_matches(':')
                    .to_string(),
            }
        }
    };
    let details = match problem {
        Problem::Semantic(l) => Some(view! {
            <details class="stale-issues">
                <summary>{move || t(lang.get(), K::ShowErrors)}</summary>
                <ul class="issues">{move || issue_items(&l, lang.get(), true)}</ul>
            </details>
        }),
        Problem::Fetch(_) => None,
    };
    view! {
        <div class="stale-banner" role="status">
            <p>
                <strong>{move || stale_banner(lang.get(), &fetched_time(fetched_at, lang.get()))}</strong>
                " " {move || t(lang.get(), K::StaleReason)} " " <span class="stale-reason">{reason}</span>
            </p>
            {details}
            <RetryButton retry busy lang/>
        </div>
    }
}

/// Warnings never block; the editors still see them, folded away at the end of the page.
#[component]
pub fn FeedNotes(loaded: Arc<Indexed>) -> impl IntoView {
    let lang = use_i18n().lang;
    let n = loaded.loaded.warnings().count();
    (n > 0).then(|| {
        view! {
            <details class="feed-notes">
                <summary>{move || warnings_headline(lang.get(), n)}</summary>
                <ul class="issues">{move || issue_items(&loaded.loaded, lang.get(), false)}</ul>
            </details>
        }
    })
}

/// "Data sist oppdatert …": the feed's publication date and version, and when this copy was
/// fetched. Always there: before anything is loaded it says so.
#[component]
pub fn UpdatedLine(outcome: Signal<Option<FeedOutcome>>) -> impl IntoView {
    let lang = use_i18n().lang;
    move || {
        let lang = lang.get();
        let shown = outcome.get().and_then(|o| o.shown);
        match shown {
            Some(s) => {
                let meta = &s.loaded.feed().meta;
                view! {
                    <p class="updated" class:stale=s.stale>
                        {t(lang, K::DataUpdated)} ": "
                        <time datetime=meta.published.to_string()>{format_date(&meta.published, lang)}</time>
                        " · " {meta.version_label.get(lang).to_string()}
                        " · " {t(lang, K::FetchedAt)} " " {fetched_time(s.fetched_at, lang)}
                    </p>
                }
                .into_any()
            }
            None => view! {
                <p class="updated">{t(lang, K::DataUpdated)} ": " {t(lang, K::NoData)}</p>
            }
            .into_any(),
        }
    }
}

/// Nothing for the first 300 ms (a fast feed never flashes a notice), then "Laster …".
#[component]
pub fn DelayedLoading(lang: Signal<Lang>) -> impl IntoView {
    let (show, set_show) = signal(false);
    set_timeout(
        move || {
            let _ = set_show.try_set(true);
        },
        std::time::Duration::from_millis(300),
    );
    view! {
        <p class="notice loading" role="status">
            {move || show.get().then(|| t(lang.get(), K::Loading))}
        </p>
    }
}
