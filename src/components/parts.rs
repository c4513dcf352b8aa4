//! Small pieces every view uses: feed text with its language, the link to a measure, the status
//! chip, the row expander, the benefit score and the lists of phases and milestones. Each reads
//! the language itself, so it follows a language switch wherever it is placed.

use leptos::prelude::*;
use veikart_domain::date::Ymd;
use veikart_domain::index::Indexed;
use veikart_domain::model::{
    Basis, Benefit, Measure, Milestone, PhasePeriod, StandingState, Status, Text,
};
use veikart_domain::risk::Counts;
use veikart_domain::roadmap::{benefit_marks, is_stale, rag_key, STALE_MONTHS};
use veikart_domain::timeline::undated_sequence;
use veikart_domain::Lang;

use crate::components::markup::Markup;
use crate::components::roadmap::timeline::date_words;
use crate::format::{format_date, format_qualified};
use crate::i18n::{labels, t, tn, use_i18n, K};
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
            <BasisMark basis=status.basis note=status.basis_note.clone()/>
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

/// A phase period in words: "Utprøving: 3. kvartal 2023 – 2024"; schema 1.1: "Utprøving:
/// pågår, start ukjent – 2025" for an ongoing phase without a start. Inferred dates are marked.
#[component]
pub fn PhaseItem(
    name: Text,
    period: PhasePeriod,
    /// The editors' note written out (the detail panel), not only as a tooltip.
    #[prop(optional)]
    full: bool,
) -> impl IntoView {
    let i = use_i18n();
    let (basis, note) = (period.basis, period.basis_note.clone());
    view! {
        <li>
            <span class="ph"><FeedText text=name/></span>": "
            {move || {
                let lang = i.lang();
                let end = period.end.as_deref().map(|e| format_date(e, lang)).unwrap_or_else(|| "…".into());
                let start = if period.is_dated() {
                    format_date(&period.start, lang)
                } else {
                    i.t(K::OngoingStartUnknown).to_string()
                };
                format!("{start} – {end}")
            }}
            <BasisMark basis note full/>
        </li>
    }
}

/// A measure's phases as list items: the dated and ongoing ones as [`PhaseItem`]s, and a
/// sequence known without dates as one item, "1. Kartlegging → 2. Utredning → 3.
/// Gjennomføring (ingen datoer ennå)".
#[component]
pub fn PhaseList(
    feed: std::sync::Arc<Indexed>,
    measure: Measure,
    /// Notes of inferred dates written out (the detail panel).
    #[prop(optional)]
    full: bool,
) -> impl IntoView {
    let i = use_i18n();
    let name_of = |p: &PhasePeriod| {
        feed.phase(&p.phase)
            .map(|ph| ph.name.clone())
            .unwrap_or_else(|| Text::nb(p.phase.clone()))
    };
    let seq = undated_sequence(&measure);
    let dated = measure
        .phases
        .iter()
        .enumerate()
        .filter(|(_, p)| p.is_dated() || (p.ongoing && p.order.is_none()))
        .map(|(_, p)| view! { <PhaseItem name=name_of(p) period=p.clone() full/> })
        .collect_view();
    let ordered: Vec<(Option<u32>, Text, PhasePeriod)> = seq
        .iter()
        .filter(|&&n| measure.phases[n].order.is_some() || !measure.phases[n].ongoing)
        .map(|&n| {
            let p = &measure.phases[n];
            (p.order, name_of(p), p.clone())
        })
        .collect();
    let sequence = (!ordered.is_empty()).then(|| {
        let steps = ordered
            .into_iter()
            .enumerate()
            .map(|(k, (order, name, p))| {
                view! {
                    {(k > 0).then_some(" → ")}
                    <span class="seq-step">
                        {order.map(|o| format!("{o}. "))}<FeedText text=name/>
                        {p.ongoing.then(|| view! { " (" {move || i.t(K::OngoingStartUnknown)} ")" })}
                        <BasisMark basis=p.basis note=p.basis_note.clone() full/>
                    </span>
                }
            })
            .collect_view();
        view! {
            <li class="phase-sequence">
                {steps}" "<span class="hint">{move || format!("({})", i.t(K::NoDatesYet))}</span>
            </li>
        }
    });
    view! { {dated}{sequence} }
}

/// The mark of an inferred fact: nothing when it is stated in a source; " antatt" (with its own
/// leading space) with the editors' note as a tooltip and for screen readers, or (`full`) with
/// the note written out.
#[component]
pub fn BasisMark(
    basis: Basis,
    #[prop(optional_no_strip)] note: Option<Text>,
    #[prop(optional)] full: bool,
) -> impl IntoView {
    let i = use_i18n();
    (basis == Basis::Inferred).then(move || {
        let note2 = note.clone();
        let why = move || basis_why(note2.as_ref(), i.lang());
        if full {
            view! {
                " "
                <span class="basis-mark full">
                    <span class="basis-word">{move || i.t(K::BasisInferred)}</span>
                    {move || format!(": {}", why())}
                </span>
            }
            .into_any()
        } else {
            let why2 = why.clone();
            view! {
                " "
                <span class="basis-mark" title=why>
                    <span class="basis-word">{move || i.t(K::BasisInferred)}</span>
                    <span class="visually-hidden">{move || format!(": {}", why2())}</span>
                </span>
            }
            .into_any()
        }
    })
}

fn standing_key(state: StandingState) -> &'static str {
    match state {
        StandingState::Proposed => "proposed",
        StandingState::ForDiscussion => "for-discussion",
        StandingState::Adopted => "adopted",
        StandingState::Withdrawn => "withdrawn",
    }
}

/// The badge of an item whose standing differs from the feed's («Vedtatt», «Tatt ut» …).
#[component]
pub fn StandingBadge(state: StandingState) -> impl IntoView {
    let i = use_i18n();
    let key = standing_key(state);
    view! {
        <span class=format!("standing-badge standing-{key}")>{move || i.t(labels::standing(state))}</span>
    }
}

/// The badge of an item's own standing, where it differs from the feed's (reads the feed).
#[component]
pub fn OwnStanding(standing: Option<veikart_domain::model::Standing>) -> impl IntoView {
    let app = use_app();
    move || {
        app.feed
            .with(|f| veikart_domain::standing::badge(f.as_ref()?.feed(), standing.as_ref()))
            .map(|state| view! { " " <StandingBadge state/> })
    }
}

/// The risk badge of a row: "⚠ 3", with the counts in words ("2 risikoer, 1 forutsetning").
#[component]
pub fn RiskBadge(counts: Counts) -> impl IntoView {
    let i = use_i18n();
    let words = move || risk_words(counts, i.lang());
    (counts.total() > 0).then(move || {
        let w2 = words;
        view! {
            <span class="risk-badge" title=words>
                <span aria-hidden="true">{format!("⚠ {}", counts.total())}</span>
                <span class="visually-hidden">{w2}</span>
            </span>
        }
    })
}

/// "2 risikoer, 1 forutsetning".
fn risk_words(counts: Counts, lang: Lang) -> String {
    let mut parts = Vec::new();
    if counts.risks > 0 {
        parts.push(tn(lang, K::RisksCount, counts.risks, &[]));
    }
    if counts.preconditions > 0 {
        parts.push(tn(lang, K::PreconditionsCount, counts.preconditions, &[]));
    }
    parts.join(", ")
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
    let (basis, note, standing) = (
        milestone.basis,
        milestone.basis_note.clone(),
        milestone.standing.as_deref().cloned(),
    );
    view! {
        <li class:inferred-fact=basis == Basis::Inferred>
            <strong>{move || format_qualified(q, &date, i.lang())}</strong>
            {as_written}
            {original}
            ": " <FeedText text=milestone.title/>
            <BasisMark basis note full=detailed/>
            <OwnStanding standing/>
        </li>
    }
}

// The same pieces as markup, for the timeline's rows (`components::markup`: a row's label is
// built in a few calls instead of one per element). Each writes exactly what its component
// draws; the wasm test `the_markup_of_a_row_is_what_the_components_draw` compares them.

/// [`StatusChip`]'s content (inside its `<span class="status">`).
pub fn status_markup(out: &mut Markup, status: &Status, published: Option<Ymd>, lang: Lang) {
    let stale = published.is_some_and(|p| is_stale(status, p, STALE_MONTHS));
    if let Some(r) = status.rag {
        out.open("span")
            .attr("class", format_args!("rag rag-{}", rag_key(r)))
            .body()
            .text(t(lang, labels::rag(r)))
            .close("span");
    }
    out.open("span")
        .attr("class", "lifecycle")
        .body()
        .text(t(lang, labels::lifecycle(status.lifecycle)))
        .close("span");
    out.open("span")
        .attr("class", "asof")
        .body()
        .text(format_args!(
            "{} {}",
            t(lang, K::StatusAsOf),
            date_words(&status.as_of, lang)
        ))
        .close("span");
    if stale {
        out.open("span")
            .attr("class", "stale")
            .body()
            .text(t(lang, K::Stale))
            .close("span");
    }
    basis_markup(out, status.basis, status.basis_note.as_ref(), lang);
}

/// Why an inferred fact holds: the editors' note, or the general «not stated in the sources».
pub fn basis_why(note: Option<&Text>, lang: Lang) -> String {
    note.map(|n| n.get(lang).to_string())
        .unwrap_or_else(|| t(lang, K::BasisInferredWhy).to_string())
}

/// « (Antatt: …)», after the words of an inferred date or period in a tooltip.
pub fn basis_suffix(note: Option<&Text>, lang: Lang) -> String {
    format!(
        " ({}: {})",
        t(lang, K::BasisInferred),
        basis_why(note, lang)
    )
}

/// [`BasisMark`] (not `full`).
pub fn basis_markup(out: &mut Markup, basis: Basis, note: Option<&Text>, lang: Lang) {
    if basis != Basis::Inferred {
        return;
    }
    let why = basis_why(note, lang);
    out.text(" ")
        .open("span")
        .attr("class", "basis-mark")
        .attr("title", &why)
        .body()
        .open("span")
        .attr("class", "basis-word")
        .body()
        .text(t(lang, K::BasisInferred))
        .close("span")
        .open("span")
        .attr("class", "visually-hidden")
        .body()
        .text(format_args!(": {why}"))
        .close("span")
        .close("span");
}

/// [`OwnStanding`] of an item of `ix`'s feed.
pub fn own_standing_markup(
    out: &mut Markup,
    ix: &Indexed,
    standing: Option<&veikart_domain::model::Standing>,
    lang: Lang,
) {
    if let Some(state) = veikart_domain::standing::badge(ix.feed(), standing) {
        out.text(" ")
            .open("span")
            .attr(
                "class",
                format_args!("standing-badge standing-{}", standing_key(state)),
            )
            .body()
            .text(t(lang, labels::standing(state)))
            .close("span");
    }
}

/// [`RiskBadge`].
pub fn risk_badge_markup(out: &mut Markup, counts: Counts, lang: Lang) {
    if counts.total() == 0 {
        return;
    }
    let words = risk_words(counts, lang);
    out.open("span")
        .attr("class", "risk-badge")
        .attr("title", &words)
        .body()
        .open("span")
        .attr("aria-hidden", "true")
        .body()
        .text(format_args!("⚠ {}", counts.total()))
        .close("span")
        .open("span")
        .attr("class", "visually-hidden")
        .body()
        .text(&words)
        .close("span")
        .close("span");
}
