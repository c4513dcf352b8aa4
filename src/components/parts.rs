//! Small pieces every view uses: feed text with its language, the link to a measure, the status
//! chip, the row expander, the benefit score and the lists of phases and milestones. Each reads
//! the language itself, so it follows a language switch wherever it is placed.

use leptos::prelude::*;
use veikart_domain::date::Ymd;
use veikart_domain::model::{Benefit, Milestone, PhasePeriod, Status, Text};
use veikart_domain::roadmap::{benefit_marks, is_stale, rag_key, STALE_MONTHS};
use veikart_domain::Lang;

use crate::format::{format_date, format_qualified};
use crate::i18n::{labels, use_i18n, K};
use crate::state::use_app;

/// The `lang` tag to put on feed text shown in a fallback language (`None` when it is in `lang`).
pub fn fallback_lang(text: &Text, lang: Lang) -> Option<&'static str> {
    text.resolve(lang)
        .filter(|r| r.lang != lang)
        .map(|r| r.lang.tag())
}

/// Feed text in the reader's language, marked with its own `lang` when it fell back.
#[component]
pub fn FeedText(text: Text) -> impl IntoView {
    let i = use_i18n();
    let t2 = text.clone();
    view! {
        <span lang=move || fallback_lang(&t2, i.lang())>
            {move || text.get(i.lang()).to_string()}
        </span>
    }
}

/// A link to a measure's detail panel that keeps the whole view state (language, filters,
/// grouping …) and does not scroll the page.
#[component]
pub fn MeasureLink(
    #[prop(into)] id: String,
    #[prop(optional)] class: &'static str,
    #[prop(optional, into)] title: Option<String>,
    children: Children,
) -> impl IntoView {
    let app = use_app();
    view! {
        <a href=move || app.view.with(|v| v.measure_href(&id)) class=class title=title data-noscroll="">
            {children()}
        </a>
    }
}

/// The current status: RAG colour (when given), lifecycle, as-of date, and "stale" when older
/// than `STALE_MONTHS` before the feed's date.
#[component]
pub fn StatusChip(status: Status, published: Option<Ymd>) -> impl IntoView {
    let i = use_i18n();
    let stale = published.is_some_and(|p| is_stale(&status, p, STALE_MONTHS));
    let rag = status.rag.map(|r| {
        view! { <span class=format!("rag rag-{}", rag_key(r))>{move || i.t(labels::rag(r))}</span> }
    });
    let lc = status.lifecycle;
    let as_of = status.as_of.clone();
    view! {
        <span class="status">
            {rag}
            <span class="lifecycle">{move || i.t(labels::lifecycle(lc))}</span>
            <span class="asof">{move || format!("{} {}", i.t(K::StatusAsOf), format_date(&as_of, i.lang()))}</span>
            {stale.then(|| view! { <span class="stale">{move || i.t(K::Stale)}</span> })}
        </span>
    }
}

/// The button that opens or closes a measure's sub-measures. With `count` it reads "▸ 3
/// deltiltak" (cards); without, it is the bare triangle with an accessible name (timeline).
#[component]
pub fn Expander(
    name: Text,
    open: Signal<bool>,
    on_toggle: Callback<()>,
    #[prop(optional)] count: Option<usize>,
) -> impl IntoView {
    let i = use_i18n();
    let label_name = name.clone();
    let aria = move || {
        count.is_none().then(|| {
            let k = if open.get() { K::Collapse } else { K::Expand };
            format!("{} {}", i.t(k), label_name.get(i.lang()))
        })
    };
    let body = match count {
        None => view! { <span aria-hidden="true">{move || if open.get() { "▾" } else { "▸" }}</span> }.into_any(),
        Some(n) => view! {
            <span aria-hidden="true">{move || if open.get() { "▾ " } else { "▸ " }}</span>
            <span class="visually-hidden">{move || i.t(if open.get() { K::HideWord } else { K::ShowWord })}" "</span>
            {move || i.tn(K::SubMeasuresCount, n)}
            <span class="visually-hidden">{move || format!(" – {}", name.get(i.lang()))}</span>
        }
        .into_any(),
    };
    view! {
        <button type="button" class=if count.is_some() { "expander card-expander" } else { "expander" }
            aria-expanded=move || open.get().to_string()
            aria-label=aria
            on:click=move |_| on_toggle.run(())>
            {body}
        </button>
    }
}

/// A benefit score as plus signs (`+/++` for a range), with its value spoken.
#[component]
pub fn BenefitScore(benefit: Benefit) -> impl IntoView {
    benefit_marks(&benefit).map(|marks| {
        let spoken = match (benefit.score, benefit.score_max) {
            (Some(s), Some(mx)) if mx > s => format!("{s}–{mx} / 5"),
            (Some(s), _) => format!("{s} / 5"),
            _ => String::new(),
        };
        view! { <span class="score" aria-label=spoken>{marks}</span> }
    })
}

/// A phase period in words: "Utprøving: 3. kvartal 2023 – 2024".
#[component]
pub fn PhaseItem(name: Text, period: PhasePeriod) -> impl IntoView {
    let i = use_i18n();
    view! {
        <li>
            <span class="ph"><FeedText text=name/></span>": "
            {move || {
                let lang = i.lang();
                let end = period.end.as_deref().map(|e| format_date(e, lang)).unwrap_or_else(|| "…".into());
                format!("{} – {end}", format_date(&period.start, lang))
            }}
        </li>
    }
}

/// A milestone in words: "**i løpet av 2027**: Innført for over halvparten av pasientene".
#[component]
pub fn MilestoneItem(milestone: Milestone, #[prop(optional)] detailed: bool) -> impl IntoView {
    let i = use_i18n();
    let (q, date) = (milestone.qualifier, milestone.date.clone());
    let as_written = detailed
        .then(|| milestone.date_text.clone())
        .flatten()
        .map(|d| view! { <span class="as-written">" («" <FeedText text=d/> "»)"</span> });
    let original = detailed
        .then(|| milestone.original_date.clone())
        .flatten()
        .map(|o| {
            view! { <span class="orig">{move || format!(" ({} {})", i.t(K::OriginalDate), format_date(&o, i.lang()))}</span> }
        });
    view! {
        <li>
            <strong>{move || format_qualified(q, &date, i.lang())}</strong>
            {as_written}
            {original}
            ": " <FeedText text=milestone.title/>
        </li>
    }
}
