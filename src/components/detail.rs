//! The detail panel of one measure, on its own route (`/tiltak/PLL`). Esc closes it and focus
//! returns to the measure's row.

use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_params_map};
use veikart_domain::model::{Basis, Feed, Measure, SourceRef, Text};
use veikart_domain::text::Lang;

use crate::app::{current_query, use_ctx, Ctx};
use crate::format::{format_date, lifecycle_label, rag_label, role_label};
use crate::i18n::{t, K};

/// Feed text in `lang`, marked with its own `lang` attribute when it fell back to another one.
/// The language tag to mark feed text with when it is shown in a fallback language.
pub fn fallback_lang(text: &Text, lang: Lang) -> Option<&'static str> {
    text.resolve(lang)
        .filter(|r| r.lang != lang)
        .map(|r| r.lang.tag())
}

pub fn feed_text(text: &Text, lang: Lang) -> impl IntoView {
    let r = text.resolve(lang);
    let s = r.map(|r| r.text.to_string()).unwrap_or_default();
    let other = r.filter(|r| r.lang != lang).map(|r| r.lang.tag());
    view! { <span lang=other>{s}</span> }
}

fn sources_line(f: &Feed, sources: &[SourceRef]) -> String {
    sources
        .iter()
        .map(|s| {
            let doc = f
                .meta
                .sources
                .iter()
                .find(|d| d.id == s.doc)
                .map(|d| d.title.get(Lang::Nb).to_string())
                .unwrap_or_else(|| s.doc.clone());
            match (&s.lines, &s.case) {
                (Some(l), Some(c)) => format!("{doc}, sak {c}, {l}"),
                (Some(l), None) => format!("{doc}, {l}"),
                (None, Some(c)) => format!("{doc}, sak {c}"),
                (None, None) => doc,
            }
        })
        .collect::<Vec<_>>()
        .join("; ")
}

fn name_of(f: &Feed, id: &str, lang: Lang) -> String {
    veikart_domain::roadmap::node_label(f, id, lang).unwrap_or_else(|| id.to_string())
}

#[component]
pub fn DetailRoute() -> impl IntoView {
    let Ctx { feed, lang } = use_ctx();
    let params = use_params_map();
    let query = current_query();
    let navigate = use_navigate();
    let id = Signal::derive(move || params.with(|p| p.get("id")).unwrap_or_default());

    let close = {
        let navigate = navigate.clone();
        move || {
            let back_to = id.get_untracked();
            navigate(&format!("/{}", query.get_untracked()), Default::default());
            // Return focus to the row the panel was opened from.
            request_animation_frame(move || {
                let sel = format!("[data-measure=\"{}\"] a", back_to.replace('"', ""));
                if let Ok(Some(el)) = document().query_selector(&sel) {
                    if let Ok(el) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(el) {
                        let _ = el.focus();
                    }
                }
            });
        }
    };
    let close_key = close.clone();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            close_key();
        }
    });
    on_cleanup(move || handle.remove());

    let heading = NodeRef::<leptos::html::H2>::new();
    Effect::new(move |_| {
        id.track();
        if let Some(h) = heading.get() {
            let _ = h.focus();
        }
    });

    let body = move || {
        let lang = lang.get();
        let loaded = feed.get()?;
        let f = &loaded.feed;
        let id = id.get();
        let Some(m) = f.measures.iter().find(|m| m.id == id) else {
            return Some(
                view! {
                    <h2 tabindex="-1" node_ref=heading>{t(lang, K::NotFoundMeasure)}</h2>
                    <p>{format!("«{id}»")}</p>
                }
                .into_any(),
            );
        };
        Some(detail_body(f, m, lang, heading).into_any())
    };

    view! {
        <aside class="detail" aria-labelledby="detail-title">
            <button type="button" class="close" on:click=move |_| close()>
                {move || t(lang.get(), K::Close)} <span aria-hidden="true">" ×"</span>
            </button>
            {body}
        </aside>
    }
}

fn section<V: IntoView>(title: &'static str, empty: bool, lang: Lang, content: V) -> impl IntoView {
    view! {
        <section class="detail-section">
            <h3>{title}</h3>
            {if empty {
                view! { <p class="unknown">{t(lang, K::Unknown)}</p> }.into_any()
            } else {
                content.into_any()
            }}
        </section>
    }
}

fn detail_body(
    f: &Feed,
    m: &Measure,
    lang: Lang,
    heading: NodeRef<leptos::html::H2>,
) -> impl IntoView {
    let parent = m.parent.as_ref().map(|p| name_of(f, p, lang));
    let goal = m.goal.as_ref().and_then(|g| {
        let goal = f.goals.iter().find(|x| x.id == g.goal)?;
        let inferred = g.basis == Basis::Inferred;
        Some(view! {
            <p class="goal-link">
                {format!("{} {} – ", t(lang, K::Goal), goal.number)}
                {feed_text(&goal.name, lang)}
                {inferred.then(|| view! { <span class="inferred">" (" {t(lang, K::InferredGoal)} ")"</span> })}
            </p>
        })
    });

    let ambitions = m
        .ambitions
        .iter()
        .map(|a| view! { <li><strong>{a.year}</strong> ": " {feed_text(&a.text, lang)}</li> })
        .collect_view();
    let baselines = m
        .baselines
        .iter()
        .map(|b| view! { <li>{t(lang, K::Baseline)} ": " {feed_text(&b.text, lang)}</li> })
        .collect_view();

    let actors = m
        .actors
        .iter()
        .map(|r| {
            let name = veikart_domain::roadmap::actor_name(f, &r.actor, lang);
            view! {
                <li>
                    <span class="actor">{name}</span> " — " <span class="role">{role_label(r.role, lang)}</span>
                    {r.note.as_ref().map(|n| view! { <span class="note">" (" {feed_text(n, lang)} ")"</span> })}
                </li>
            }
        })
        .collect_view();

    let benefits = m
        .benefits
        .iter()
        .map(|b| {
            let group = f
                .actors
                .iter()
                .find(|a| a.id == b.actor_group)
                .map(|a| a.name.get(lang).to_string())
                .unwrap_or_else(|| b.actor_group.clone());
            let score = match (b.score, b.score_max) {
                (Some(s), Some(mx)) if mx > s => {
                    format!("{}/{}", "+".repeat(s.into()), "+".repeat(mx.into()))
                }
                (Some(s), _) => "+".repeat(s.into()),
                _ => String::new(),
            };
            let score_label = format!("{score} ({} / 5)", b.score.unwrap_or(0));
            view! {
                <tr>
                    <th scope="row">{group}</th>
                    <td class="score" aria-label=score_label>{score}</td>
                    <td>{b.text.as_ref().map(|x| feed_text(x, lang))}</td>
                </tr>
            }
        })
        .collect_view();

    let query_prefix = "/tiltak/";
    let dep_item = |other: &str, d: &veikart_domain::model::Dependency| {
        let is_measure = f.measures.iter().any(|x| x.id == other);
        let name = name_of(f, other, lang);
        let href = format!("{query_prefix}{other}");
        view! {
            <li class:critical=d.critical>
                {if is_measure {
                    view! { <a href=href>{name}</a> }.into_any()
                } else {
                    view! { <span class="component">{name}</span> }.into_any()
                }}
                {d.critical.then(|| view! { <span class="badge">{t(lang, K::Critical)}</span> })}
                {d.note.as_ref().map(|n| view! { <span class="note">" — " {feed_text(n, lang)}</span> })}
            </li>
        }
    };
    let depends_on: Vec<_> = f
        .dependencies
        .iter()
        .filter(|d| d.from == m.id)
        .map(|d| dep_item(&d.to, d))
        .collect();
    let depended_by: Vec<_> = f
        .dependencies
        .iter()
        .filter(|d| d.to == m.id)
        .map(|d| dep_item(&d.from, d))
        .collect();

    let milestones = m
        .milestones
        .iter()
        .map(|ms| {
            let when = crate::format::format_qualified(ms.qualifier, &ms.date, lang);
            view! {
                <li>
                    <strong>{when}</strong>
                    {ms.date_text.as_ref().map(|d| view! { <span class="as-written">" («" {feed_text(d, lang)} "»)"</span> })}
                    {ms.original_date.as_ref().map(|o| view! { <span class="orig">{format!(" ({} {})", t(lang, K::OriginalDate), format_date(o, lang))}</span> })}
                    ": " {feed_text(&ms.title, lang)}
                </li>
            }
        })
        .collect_view();

    let status = m
        .status
        .iter()
        .map(|s| {
            view! {
                <li>
                    <strong>{format_date(&s.as_of, lang)}</strong> ": "
                    {s.rag.map(|r| view! { <span class=format!("rag rag-{}", veikart_domain::roadmap::rag_key(r))>{rag_label(r, lang)}</span> " " })}
                    {lifecycle_label(s.lifecycle, lang)}
                    {s.text.as_ref().map(|x| view! { " — " {feed_text(x, lang)} })}
                </li>
            }
        })
        .collect_view();

    let (n_dec, decisions) = crate::components::council::decision_history(
        f,
        &m.id,
        lang,
        &current_query().get_untracked(),
    );

    // plotters escapes all text; the chart holds years and numbers only.
    let chart = veikart_domain::charts::ambition_svg(m, 480, 200);
    let n_dep = depends_on.len();
    let n_by = depended_by.len();
    view! {
        <header>
            <p class="kicker">
                {m.short_name.clone()}
                {m.priority.map(|p| format!(" · {} {p}", t(lang, K::Priority)))}
                {parent.map(|p| format!(" · {p}"))}
            </p>
            <h2 id="detail-title" tabindex="-1" node_ref=heading>{feed_text(&m.name, lang)}</h2>
            {goal}
        </header>
        {section(t(lang, K::Description), m.description.is_none(), lang,
            view! { <p>{m.description.as_ref().map(|d| feed_text(d, lang))}</p> })}
        {section(t(lang, K::Ambition), m.ambitions.is_empty() && m.baselines.is_empty(), lang,
            view! {
                {chart.map(|svg| view! {
                    <figure class="chart" role="img" aria-label=t(lang, K::AmbitionChartLabel) inner_html=svg></figure>
                })}
                <ul>{ambitions}{baselines}</ul>
            })}
        {section(t(lang, K::Actors), m.actors.is_empty(), lang, view! { <ul class="actors">{actors}</ul> })}
        {section(t(lang, K::Benefits), m.benefits.is_empty(), lang,
            view! { <table class="benefits"><tbody>{benefits}</tbody></table> })}
        {section(t(lang, K::DependsOn), n_dep == 0, lang, view! { <ul class="deps">{depends_on}</ul> })}
        {section(t(lang, K::DependedOnBy), n_by == 0, lang, view! { <ul class="deps">{depended_by}</ul> })}
        {section(t(lang, K::Milestones), m.milestones.is_empty(), lang, view! { <ul>{milestones}</ul> })}
        {section(t(lang, K::Status), m.status.is_empty(), lang, view! { <ul>{status}</ul> })}
        <crate::components::changes::MeasureChanges id=m.id.clone()/>
        {section(t(lang, K::DecisionHistory), n_dec == 0, lang, decisions)}
        <section class="detail-section sources">
            <h3>{t(lang, K::Sources)}</h3>
            <p>{sources_line(f, &m.sources)}</p>
        </section>
    }
}
