//! Risks and preconditions (schema 1.1, `visning=risiko`): a likelihood × consequence matrix
//! (plotters SVG, `veikart_domain::charts::risk_matrix_svg`) when the sources score them, and the
//! list of all of them by category — the feed's and each measure's, each with its kind, level,
//! scores, mitigation, owner, what it concerns, basis and sources. [`RiskEntry`] is also used by
//! the detail panel and the actor lens.

use std::sync::Arc;

use leptos::prelude::*;
use veikart_domain::charts::risk_matrix_svg;
use veikart_domain::index::Indexed;
use veikart_domain::model::{Risk, RiskKind};
use veikart_domain::risk::{
    all, by_category, concerned_measures, display_numbers, matrix_points, RiskRef,
};
use veikart_domain::roadmap::measure_label;

use crate::components::detail::sources_line;
use crate::components::parts::{BasisMark, FeedText, MeasureLink};
use crate::format::format_date;
use crate::i18n::{labels, t, tr, use_i18n, K};
use crate::state::use_app;

/// Matrix size in CSS pixels (it scales down on narrow screens).
const MATRIX_W: u32 = 440;
const MATRIX_H: u32 = 460;

/// One risk or precondition: its number (`risk::display_numbers`, as in the matrix), kind, description, and the facts
/// the feed gives. `show_concerns` lists the measures it concerns (off in a measure's own panel,
/// where that measure is obvious).
#[component]
pub fn RiskEntry(
    feed: Arc<Indexed>,
    number: usize,
    risk: Risk,
    measure: Option<usize>,
    #[prop(optional)] show_concerns: bool,
    #[prop(optional)] reason: Option<K>,
) -> impl IntoView {
    let i = use_i18n();
    let kind = risk.kind;
    let kind_class = match kind {
        RiskKind::Risk => "risk-kind kind-risk",
        RiskKind::Precondition => "risk-kind kind-precondition",
    };
    let (l, c, level) = (risk.likelihood, risk.consequence, risk.level);
    let facts = {
        let (fx, owner, as_of) = (feed.clone(), risk.owner.clone(), risk.as_of.clone());
        move || {
            let lang = i.lang();
            let mut v: Vec<String> = Vec::new();
            if let Some(lv) = level {
                v.push(format!(
                    "{}: {}",
                    t(lang, K::RiskLevel),
                    t(lang, labels::level(lv))
                ));
            }
            if let (Some(l), Some(c)) = (l, c) {
                v.push(crate::i18n::tf(lang, K::RiskScore, &[("l", &l), ("c", &c)]));
            }
            if let Some(o) = &owner {
                v.push(format!(
                    "{}: {}",
                    t(lang, K::RoleOwner),
                    fx.actor_name(o, lang)
                ));
            }
            if let Some(d) = &as_of {
                v.push(format!(
                    "{} {}",
                    t(lang, K::StatusAsOf),
                    format_date(d, lang)
                ));
            }
            v.join(" · ")
        }
    };
    let concerns = show_concerns.then(|| {
        let r = RiskRef {
            risk: &risk,
            measure,
        };
        let ms = concerned_measures(feed.feed(), &r);
        if ms.is_empty() && risk.concerns.is_empty() {
            return view! { <p class="risk-concerns">{tr(i, K::ConcernsAll)}</p> }.into_any();
        }
        let links = ms
            .into_iter()
            .enumerate()
            .map(|(k, mi)| {
                let m = feed.feed().measures[mi].clone();
                let id = m.id.clone();
                view! {
                    {(k > 0).then_some(", ")}
                    <MeasureLink id>{move || measure_label(&m, i.lang())}</MeasureLink>
                }
            })
            .collect_view();
        // components it concerns, by name
        let others: Vec<String> = risk
            .concerns
            .iter()
            .filter(|c| feed.measure(c).is_none())
            .map(|c| c.to_string())
            .collect();
        let fx = feed.clone();
        let other_names = move || {
            others
                .iter()
                .map(|c| fx.node_label(c, i.lang()))
                .collect::<Vec<_>>()
                .join(", ")
        };
        view! {
            <p class="risk-concerns">{tr(i, K::Concerns)}": " {links}
                <span class="component">{move || { let o = other_names(); if o.is_empty() { o } else { format!(" {o}") } }}</span>
            </p>
        }
        .into_any()
    });
    let sources = {
        let (fx, src) = (feed.clone(), risk.sources.clone());
        move || sources_line(&fx, &src, i.lang())
    };
    view! {
        <li class="risk" data-risk=risk.id.to_string()>
            <p class="risk-head">
                <span class="risk-no" aria-hidden="true">{number}</span>
                <span class=kind_class>{tr(i, labels::risk_kind(kind))}</span>" "
                <FeedText text=risk.description.clone()/>
                <BasisMark basis=risk.basis note=risk.basis_note.clone() full=true/>
                {reason.map(|k| view! { " " <span class="risk-reason">{tr(i, k)}</span> })}
            </p>
            <p class="risk-facts">{facts}</p>
            {risk.mitigation.clone().map(|m| view! {
                <p class="risk-mitigation"><span class="k">{tr(i, K::Mitigation)}": "</span><FeedText text=m/></p>
            })}
            {concerns}
            <p class="risk-sources">{sources}</p>
        </li>
    }
}

#[component]
pub fn RiskView() -> impl IntoView {
    let app = use_app();
    let i = use_i18n();
    let body = move || {
        let lang = i.lang();
        let f = app.feed.get()?;
        let list = all(f.feed());
        if list.is_empty() {
            return Some(view! { <p class="notice">{t(lang, K::NoRisks)}</p> }.into_any());
        }
        let points = matrix_points(&list);
        let numbers = display_numbers(&list);
        // plotters escapes every text it draws; the matrix holds numbers and the axis words.
        let svg = risk_matrix_svg(
            &points,
            t(lang, K::Consequence),
            t(lang, K::Likelihood),
            MATRIX_W,
            MATRIX_H,
        );
        let layout_class = if svg.is_some() {
            "risk-layout"
        } else {
            "risk-layout no-matrix"
        };
        let matrix = match svg {
            Some(svg) => view! {
                <figure class="chart risk-matrix" role="img" aria-label=t(lang, K::RiskMatrixLabel) inner_html=svg></figure>
            }
            .into_any(),
            None => view! { <p class="hint">{t(lang, K::NotScored)}</p> }.into_any(),
        };
        let groups = by_category(&list)
            .into_iter()
            .map(|(cat, idx)| {
                let items = idx
                    .into_iter()
                    .map(|n| {
                        let r = list[n];
                        view! {
                            <RiskEntry feed=f.clone() number=numbers[n] risk=r.risk.clone()
                                measure=r.measure show_concerns=true/>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="risk-group">
                        <h3>{t(lang, labels::risk_category(cat))}</h3>
                        <ul class="risks">{items}</ul>
                    </section>
                }
            })
            .collect_view();
        Some(
            view! {
                <div class=layout_class>
                    {matrix}
                    <div class="risk-list">{groups}</div>
                </div>
            }
            .into_any(),
        )
    };
    view! {
        <section class="risk-view" aria-labelledby="risk-title">
            <h2 id="risk-title">{tr(i, K::RisksTitle)}</h2>
            <p class="hint">{tr(i, K::RisksIntro)}</p>
            {body}
        </section>
    }
}
