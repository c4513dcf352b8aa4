//! The council view (`?visning=rad`): cases and decisions by body and meeting on a time axis,
//! each linked to the measures it concerns; and a measure's decision history for its detail
//! panel. Grouping and ordering are `veikart_domain::council`.

use std::collections::BTreeSet;

use leptos::prelude::*;
use leptos_router::hooks::query_signal;
use veikart_domain::council::{self, Meeting, Via, BODIES};
use veikart_domain::date::DateSpan;
use veikart_domain::model::{Body, Decision, DecisionState, Feed};
use veikart_domain::roadmap::measure_label;
use veikart_domain::timeline::{Scale, Zoom};
use veikart_domain::Lang;

use crate::app::{current_query, use_ctx, Ctx};
use crate::components::changes::Compare;
use crate::components::detail::feed_text;
use crate::format::format_date;
use crate::i18n::{t, K};

pub fn body_name(b: Body, lang: Lang) -> &'static str {
    t(
        lang,
        match b {
            Body::Nuit => K::BodyNuit,
            Body::Nufa => K::BodyNufa,
            Body::Nehs => K::BodyNehs,
            Body::Nehr => K::BodyNehr,
        },
    )
}

fn state_label(s: DecisionState, lang: Lang) -> &'static str {
    t(
        lang,
        match s {
            DecisionState::Proposed => K::Proposed,
            DecisionState::Adopted => K::Adopted,
        },
    )
}

/// Links to the measures (or components, as plain text) a decision concerns.
fn concerns(f: &Feed, d: &Decision, query: &str, lang: Lang) -> impl IntoView {
    let items = d
        .measures
        .iter()
        .map(|id| {
            if let Some(m) = f.measures.iter().find(|m| &m.id == id) {
                let href = format!("/tiltak/{id}{query}");
                view! { <li><a href=href>{measure_label(m, lang)}</a></li> }.into_any()
            } else {
                let name = f
                    .components
                    .iter()
                    .find(|c| &c.id == id)
                    .map(|c| c.name.get(lang).to_string())
                    .unwrap_or_else(|| id.clone());
                view! { <li class="component">{name}</li> }.into_any()
            }
        })
        .collect_view();
    (!d.measures.is_empty()).then(|| {
        view! {
            <div class="concerns">
                <span class="label">{t(lang, K::Concerns)} ":"</span>
                <ul>{items}</ul>
            </div>
        }
    })
}

fn meeting_title(m: &Meeting, lang: Lang) -> String {
    // Without a meeting number (the papers do not always give one), body and date only.
    let number = m
        .number
        .as_ref()
        .map(|n| format!(" · {} {n}", t(lang, K::Meeting).to_lowercase()))
        .unwrap_or_default();
    format!(
        "{}{number} · {}",
        body_name(m.body, lang),
        format_date(&m.date, lang)
    )
}

#[component]
pub fn CouncilView() -> impl IntoView {
    let Ctx { feed, lang } = use_ctx();
    let cmp = use_context::<Compare>();
    let (body_q, set_body_q) = query_signal::<String>("organ");
    let query = current_query();
    let chosen = Signal::derive(move || {
        body_q
            .get()
            .and_then(|b| BODIES.into_iter().find(|x| x.code() == b))
    });

    let content = move || {
        let lang = lang.get();
        let loaded = feed.get()?;
        let f = &loaded.feed;
        let old = cmp.and_then(|c| c.previous.get()).and_then(|p| p.ok());
        let merged = council::merged(f, old.as_ref().map(|o| &o.feed));
        let older: Vec<bool> = merged.iter().map(|(_, o)| *o).collect();
        let decisions: Vec<Decision> = merged.into_iter().map(|(d, _)| d.clone()).collect();
        let present: Vec<Body> = BODIES
            .into_iter()
            .filter(|b| decisions.iter().any(|d| d.body == *b))
            .collect();
        let filter: BTreeSet<Body> = chosen.get().into_iter().collect();
        let meetings = council::meetings(&decisions, &filter);
        let q = query.get();

        // Body filter.
        let chips = {
            let all = view! {
                <button type="button" aria-pressed=filter.is_empty().to_string()
                    on:click=move |_| set_body_q.set(None)>{t(lang, K::CatAll)}</button>
            };
            let per = present
                .iter()
                .map(|&b| {
                    view! {
                        <button type="button" aria-pressed=(chosen.get() == Some(b)).to_string()
                            on:click=move |_| set_body_q.set(Some(b.code().to_string()))>
                            {body_name(b, lang)}
                        </button>
                    }
                })
                .collect_view();
            view! {
                <div class="seg" role="group" aria-label=t(lang, K::Body)>
                    <span class="seg-label" aria-hidden="true">{t(lang, K::Body)}</span>
                    {all}{per}
                </div>
            }
        };

        // Time axis: one lane per body, one dot per meeting.
        let years: Vec<i32> = meetings
            .iter()
            .filter_map(|m| DateSpan::parse(&m.date).ok().map(|d| d.start.y))
            .collect();
        let axis = (!years.is_empty()).then(|| {
            let lo = *years.iter().min().unwrap_or(&2020);
            let hi = *years.iter().max().unwrap_or(&2023);
            let scale = Scale::new(lo, hi, Zoom::Years);
            let lanes: Vec<Body> = present
                .iter()
                .copied()
                .filter(|b| filter.is_empty() || filter.contains(b))
                .collect();
            let lane_h = 40.0;
            let left = 190.0;
            let width = left + scale.width();
            let height = 28.0 + lane_h * lanes.len() as f64;
            let grid = scale
                .years()
                .into_iter()
                .map(|(y, x, w)| {
                    view! {
                        <line x1=left + x y1=0 x2=left + x y2=height class="grid-year"/>
                        <text x=left + x + w / 2.0 y=18 text-anchor="middle" class="axis-year">{y}</text>
                    }
                })
                .collect_view();
            let lane_views = lanes
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    let y = 28.0 + lane_h * i as f64;
                    view! {
                        <rect x=0 y=y width=width height=lane_h class=if i % 2 == 0 { "lane-band" } else { "lane-band alt" }/>
                        <text x=8 y=y + lane_h / 2.0 + 5.0 class="lane-name">{body_name(*b, lang)}</text>
                    }
                })
                .collect_view();
            let dots = meetings
                .iter()
                .filter_map(|m| {
                    let span = DateSpan::parse(&m.date).ok()?;
                    let lane = lanes.iter().position(|b| *b == m.body)?;
                    let (x, w) = scale.span(&span);
                    let cx = left + x + w / 2.0;
                    let cy = 28.0 + lane_h * lane as f64 + lane_h / 2.0;
                    let n = m.decisions.len();
                    let r = (5.0 + 1.5 * n as f64).min(13.0);
                    let adopted = m.proposed(&decisions) < n;
                    let tip = format!("{} — {n} {}", meeting_title(m, lang), t(lang, K::Cases));
                    Some(view! {
                        <g class=if adopted { "meeting-dot adopted" } else { "meeting-dot" }>
                            <circle cx=cx cy=cy r=r/>
                            <text x=cx y=cy + 4.0 text-anchor="middle" class="dot-n">{n}</text>
                            <title>{tip}</title>
                        </g>
                    })
                })
                .collect_view();
            view! {
                <div class="council-axis">
                    <svg viewBox=format!("0 0 {width} {height}") width=width height=height role="img"
                        aria-label=t(lang, K::CouncilHint)>
                        {lane_views}{grid}{dots}
                    </svg>
                </div>
            }
        });

        let list = meetings
            .iter()
            .map(|m| {
                let items = m
                    .decisions
                    .iter()
                    .map(|&i| {
                        let d = &decisions[i];
                        let source_feed = if older[i] {
                            old.as_ref().map(|o| &o.feed).unwrap_or(f)
                        } else {
                            f
                        };
                        view! {
                            <li class=format!("decision {}", if d.state == DecisionState::Adopted { "adopted" } else { "proposed" })>
                                <p class="dec-head">
                                    <strong>{format!("{} {}", d.body.code(), d.case)}</strong>
                                    {d.case_type.as_ref().map(|c| view! { " · " {feed_text(c, lang)} })}
                                    " · " <span class="state">{state_label(d.state, lang)}</span>
                                    {older[i].then(|| view! { " " <span class="badge older">{t(lang, K::OlderOnly)}</span> })}
                                </p>
                                <p class="dec-title">{feed_text(&d.title, lang)}</p>
                                <blockquote>{feed_text(&d.text, lang)}</blockquote>
                                {concerns(source_feed, d, &q, lang)}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="meeting" id=format!("mote-{}", m.key())>
                        <h3>{meeting_title(m, lang)}</h3>
                        <ul class="decisions">{items}</ul>
                    </section>
                }
            })
            .collect_view();

        Some(view! {
            <div class="toolbar">{chips}</div>
            <p class="hint">{t(lang, K::CouncilHint)}</p>
            {axis}
            <div class="meetings">{list}</div>
        })
    };

    view! {
        <section class="council" aria-labelledby="council-title">
            <h2 id="council-title">{move || t(lang.get(), K::CouncilTitle)}</h2>
            {content}
        </section>
    }
}

/// The decision history of a measure, oldest first, for the detail panel: how many, and the list.
pub fn decision_history(f: &Feed, id: &str, lang: Lang, query: &str) -> (usize, AnyView) {
    let history = council::history(f, id);
    let n = history.len();
    let base_q = query
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty() && !p.starts_with("visning=") && !p.starts_with("organ="))
        .collect::<Vec<_>>()
        .join("&");
    let items = history
        .into_iter()
        .map(|(d, via)| {
            let meeting = Meeting {
                body: d.body,
                number: d.meeting.clone(),
                date: d.date.clone(),
                decisions: vec![],
            };
            let q = if base_q.is_empty() {
                "?visning=rad".to_string()
            } else {
                format!("?{base_q}&visning=rad")
            };
            let href = format!("/{q}#mote-{}", meeting.key());
            view! {
                <li class=format!("history-item {}", if d.state == DecisionState::Adopted { "adopted" } else { "proposed" })>
                    <p class="dec-head">
                        <time datetime=d.date.clone()>{format_date(&d.date, lang)}</time> " · "
                        <strong>{format!("{} {}", d.body.code(), d.case)}</strong>
                        {d.meeting.clone().map(|mt| format!(" ({} {mt})", t(lang, K::Meeting).to_lowercase()))}
                        " · " <span class="state">{state_label(d.state, lang)}</span>
                        {(via == Via::SubMeasure).then(|| view! { " " <span class="badge">{t(lang, K::ViaSubMeasure)}</span> })}
                    </p>
                    <p class="dec-title">{feed_text(&d.title, lang)}</p>
                    <blockquote>{feed_text(&d.text, lang)}</blockquote>
                    <a class="to-council" href=href>{t(lang, K::OpenInCouncil)}</a>
                </li>
            }
        })
        .collect_view();
    (
        n,
        view! { <ol class="decision-history">{items}</ol> }.into_any(),
    )
}
