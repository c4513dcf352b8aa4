//! The council view (`visning=rad`): cases and decisions by body and meeting on a time axis,
//! each linked to the measures it concerns; and a measure's decision history for its detail
//! panel. Grouping and ordering are `veikart_domain::council`.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use veikart_domain::council::{self, Meeting, Via, BODIES};
use veikart_domain::date::DateSpan;
use veikart_domain::index::Indexed;
use veikart_domain::model::{Body, Decision, DecisionState};
use veikart_domain::timeline::{Scale, Zoom};
use veikart_domain::view_state::{Page, View, ViewState};
use veikart_domain::Lang;

use crate::components::parts::{BasisMark, FeedText, MeasureLink};
use crate::format::format_date;
use crate::i18n::{labels, t, tf, tr, use_i18n, K};
use crate::state::compare::use_compare;
use crate::state::use_app;

fn meeting_title(m: &Meeting, lang: Lang) -> String {
    // Without a meeting number (the papers do not always give one), body and date only.
    let number = m
        .number
        .as_ref()
        .map(|n| format!(" · {}", tf(lang, K::MeetingNumber, &[("n", n)])))
        .unwrap_or_default();
    format!(
        "{}{number} · {}",
        t(lang, labels::body(m.body)),
        format_date(&m.date, lang)
    )
}

fn state_class(s: DecisionState) -> &'static str {
    match s {
        DecisionState::Adopted => "adopted",
        DecisionState::Proposed => "proposed",
    }
}

/// Links to the measures (or components, as plain text) a decision concerns.
#[component]
fn Concerns(feed: Arc<Indexed>, decision: Decision) -> impl IntoView {
    let i = use_i18n();
    (!decision.measures.is_empty()).then(|| {
        let items = decision
            .measures
            .iter()
            .map(|id| {
                let (f, id2) = (feed.clone(), id.clone());
                let label = move || f.node_label(&id2, i.lang());
                if feed.measure(id).is_some() {
                    view! { <li><MeasureLink id=id.clone()>{label}</MeasureLink></li> }.into_any()
                } else {
                    view! { <li class="component">{label}</li> }.into_any()
                }
            })
            .collect_view();
        view! {
            <div class="concerns">
                <span class="label">{tr(i, K::Concerns)} ":"</span>
                <ul>{items}</ul>
            </div>
        }
    })
}

#[component]
pub fn CouncilView() -> impl IntoView {
    let app = use_app();
    let cmp = use_compare();
    let i = use_i18n();
    let nav = app.nav;
    let chosen = crate::state::view_part(|v| v.body);

    let content = move || {
        let lang = i.lang();
        let f = app.feed.get()?;
        let old = cmp.previous.get().and_then(|p| p.ok());
        let merged = council::merged(f.feed(), old.as_ref().map(|o| o.feed()));
        let older: Vec<bool> = merged.iter().map(|(_, o)| *o).collect();
        let decisions: Vec<Decision> = merged.into_iter().map(|(d, _)| d.clone()).collect();
        let present: Vec<Body> = BODIES
            .into_iter()
            .filter(|b| decisions.iter().any(|d| d.body == *b))
            .collect();
        let filter: BTreeSet<Body> = veikart_domain::sort::set_of(chosen.get());
        let meetings = council::meetings(&decisions, &filter);

        let chips = {
            let per = present
                .iter()
                .map(|&b| {
                    view! {
                        <button type="button" aria-pressed=move || (chosen.get() == Some(b)).to_string()
                            on:click=move |_| nav.go(|s| s.body = Some(b))>
                            {tr(i, labels::body(b))}
                        </button>
                    }
                })
                .collect_view();
            view! {
                <div class="seg" role="group" aria-label=tr(i, K::Body)>
                    <span class="seg-label" aria-hidden="true">{tr(i, K::Body)}</span>
                    <button type="button" aria-pressed=move || chosen.get().is_none().to_string()
                        on:click=move |_| nav.go(|s| s.body = None)>{tr(i, K::CatAll)}</button>
                    {per}
                </div>
            }
        };

        // Time axis: one lane per body, one dot per meeting.
        let years: Vec<i32> = meetings
            .iter()
            .filter_map(|m| DateSpan::parse(&m.date).ok().map(|d| d.start.y))
            .collect();
        let axis = (!years.is_empty()).then(|| {
            let lo = years.iter().copied().min().unwrap_or(2020);
            let hi = years.iter().copied().max().unwrap_or(lo);
            let scale = Scale::new(lo, hi, Zoom::Years);
            let lanes: Vec<Body> = present
                .iter()
                .copied()
                .filter(|b| filter.is_empty() || filter.contains(b))
                .collect();
            let (lane_h, left) = (40.0, 190.0);
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
                .map(|(n, b)| {
                    let y = 28.0 + lane_h * n as f64;
                    view! {
                        <rect x=0 y=y width=width height=lane_h class=if n % 2 == 0 { "lane-band" } else { "lane-band alt" }/>
                        <text x=8 y=y + lane_h / 2.0 + 5.0 class="lane-name">{t(lang, labels::body(*b))}</text>
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
                    let tip = format!("{} — {}", meeting_title(m, lang), crate::i18n::tn(lang, K::CasesCount, n, &[]));
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
                    .map(|&n| {
                        let d = decisions[n].clone();
                        let source = if older[n] { old.clone().unwrap_or_else(|| f.clone()) } else { f.clone() };
                        let class = format!("decision {}", state_class(d.state));
                        view! {
                            <li class=class>
                                <p class="dec-head">
                                    <strong>{format!("{} {}", d.body.code(), d.case)}</strong>
                                    {d.case_type.clone().map(|c| view! { " · " <FeedText text=c/> })}
                                    " · " <span class="state">{tr(i, labels::decision_state(d.state))}</span>
                                    {older[n].then(|| view! { " " <span class="badge older">{tr(i, K::OlderOnly)}</span> })}
                                </p>
                                <p class="dec-title"><FeedText text=d.title.clone()/></p>
                                <blockquote><FeedText text=d.text.clone()/></blockquote>
                                <Concerns feed=source decision=d.clone()/>
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
            <h2 id="council-title">{tr(i, K::CouncilTitle)}</h2>
            {content}
        </section>
    }
}

/// The decision history of a measure, oldest first, for its detail panel.
#[component]
pub fn DecisionHistory(feed: Arc<Indexed>, id: String) -> impl IntoView {
    let app = use_app();
    let i = use_i18n();
    let history: Vec<(Decision, Via)> = council::history(feed.feed(), &id)
        .into_iter()
        .map(|(d, via)| (d.clone(), via))
        .collect();
    let empty = history.is_empty();
    let items = history
        .into_iter()
        .map(|(d, via)| {
            let meeting = Meeting {
                body: d.body,
                number: d.meeting.as_deref().map(String::from),
                date: d.date.to_string(),
                decisions: vec![],
            };
            let anchor = meeting.key();
            let href = move || {
                app.view.with(|v| {
                    let s = ViewState {
                        page: Page::Roadmap,
                        view: View::Council,
                        body: None,
                        ..v.clone()
                    };
                    format!("{}#mote-{anchor}", s.href())
                })
            };
            let (date, meeting_no) = (d.date.clone(), d.meeting.clone());
            view! {
                <li class=format!("history-item {}", state_class(d.state))>
                    <p class="dec-head">
                        <time datetime=d.date.to_string()>{move || format_date(&date, i.lang())}</time>
                        <BasisMark basis=d.basis note=d.basis_note.clone()/> " · "
                        <strong>{format!("{} {}", d.body.code(), d.case)}</strong>
                        {move || meeting_no.clone().map(|n| format!(" ({})", i.tf(K::MeetingNumber, &[("n", &n)])))}
                        " · " <span class="state">{tr(i, labels::decision_state(d.state))}</span>
                        {(via == Via::SubMeasure).then(|| view! { " " <span class="badge">{tr(i, K::ViaSubMeasure)}</span> })}
                    </p>
                    <p class="dec-title"><FeedText text=d.title.clone()/></p>
                    <blockquote><FeedText text=d.text.clone()/></blockquote>
                    <a class="to-council" href=href>{tr(i, K::OpenInCouncil)}</a>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="detail-section">
            <h3>{tr(i, K::DecisionHistory)}</h3>
            {if empty {
                view! { <p class="unknown">{tr(i, K::Unknown)}</p> }.into_any()
            } else {
                view! { <ol class="decision-history">{items}</ol> }.into_any()
            }}
        </section>
    }
}
