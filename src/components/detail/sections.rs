//! The sections of a measure's detail panel: description, ambitions (with a chart), actors,
//! benefits, dependencies both ways, milestones, status history, changes since the older
//! version, decision history and sources. An empty section says "unknown" instead of hiding.

use std::sync::Arc;

use leptos::prelude::*;
use veikart_domain::index::Indexed;
use veikart_domain::model::{Basis, Dependency, Measure, SourceRef};
use veikart_domain::roadmap::rag_key;
use veikart_domain::view_state::View;
use veikart_domain::Lang;

use crate::components::changes::MeasureChanges;
use crate::components::council::DecisionHistory;
use crate::components::parts::{
    BasisMark, BenefitScore, FeedText, MeasureLink, MilestoneItem, OwnStanding, PhaseList,
    StandingBadge,
};
use crate::components::risks::RiskEntry;
use crate::format::format_date;
use crate::i18n::{labels, tf, tr, use_i18n, I18n, K};

/// "Kildedokument, sak 16/23, L276" for each source, joined.
pub fn sources_line(ix: &Indexed, sources: &[SourceRef], lang: Lang) -> String {
    sources
        .iter()
        .map(|s| {
            let doc = ix
                .source_doc(&s.doc)
                .map(|d| d.title.get(lang).to_string())
                .unwrap_or_else(|| s.doc.to_string());
            let case = s
                .case
                .as_ref()
                .map(|c| tf(lang, K::SourceCase, &[("c", c)]));
            [Some(doc), case, s.lines.as_deref().map(String::from)]
                .into_iter()
                .flatten()
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect::<Vec<_>>()
        .join("; ")
}

#[component]
fn Section(title: K, empty: bool, children: Children) -> impl IntoView {
    let i = use_i18n();
    view! {
        <section class="detail-section">
            <h3>{tr(i, title)}</h3>
            {if empty {
                view! { <p class="unknown">{tr(i, K::Unknown)}</p> }.into_any()
            } else {
                children().into_any()
            }}
        </section>
    }
}

/// One dependency: the other end (a link when it is a measure), "critical", the note.
fn dependency_item(ix: &Arc<Indexed>, other: &str, d: &Dependency, i: I18n) -> impl IntoView {
    let is_measure = ix.measure(other).is_some();
    let (ix2, other2) = (ix.clone(), other.to_string());
    let name = move || ix2.node_label(&other2, i.lang());
    view! {
        <li class:critical=d.critical>
            {if is_measure {
                view! { <MeasureLink id=other.to_string()>{name}</MeasureLink> }.into_any()
            } else {
                view! { <span class="component">{name}</span> }.into_any()
            }}
            {d.critical.then(|| view! { <span class="badge">{tr(i, K::Critical)}</span> })}
            {d.note.clone().map(|n| view! { <span class="note">" — " <FeedText text=n/></span> })}
            <BasisMark basis=d.basis note=d.basis_note.clone() full=true/>
        </li>
    }
}

#[component]
pub fn DetailBody(
    feed: Arc<Indexed>,
    measure: Measure,
    heading: NodeRef<leptos::html::H2>,
) -> impl IntoView {
    let i = use_i18n();
    let m = measure;
    let f = feed.clone();
    let parent = m.parent.clone().map(|p| {
        let f = f.clone();
        move || f.node_label(&p, i.lang())
    });
    let goal = m.goal.as_ref().and_then(|g| {
        let goal = f.goal(&g.goal)?.clone();
        let inferred = g.basis == Basis::Inferred;
        let fx = f.clone();
        let label = goal.clone();
        let note = g.note.clone();
        Some(view! {
            <p class="goal-link">
                {move || format!("{} – ", fx.feed().goal_label(&label, i.lang()))}
                <FeedText text=goal.name.clone()/>
                {inferred.then(|| view! {
                    <span class="inferred">" (" {tr(i, K::InferredGoal)}
                        {note.clone().map(|n| view! { ": " <FeedText text=n/> })} ")"</span>
                })}
            </p>
        })
    });
    let ambitions = m
        .ambitions
        .iter()
        .map(|a| view! {
            <li><strong>{a.year}</strong> ": " <FeedText text=a.text.clone()/><OwnStanding standing=a.standing.clone()/></li>
        })
        .collect_view();
    let phase_list = view! { <PhaseList feed=f.clone() measure=m.clone() full=true/> };
    // schema 1.1: where the measure stands, its own or the feed's
    let standing = {
        let own = m.standing.as_deref().cloned();
        let feed_standing = f.feed().meta.standing.clone();
        own.clone().or(feed_standing).map(|st| {
            let inherited = own.is_none();
            let since = st.since.clone();
            view! {
                <p class="standing-line">
                    <span class="k">{tr(i, K::StandingLabel)}": "</span>
                    <StandingBadge state=st.state/>
                    {move || since.clone().map(|d| format!(" ({})", format_date(&d, i.lang())))}
                    {inherited.then(|| view! { " – " <span class="hint">{tr(i, K::StandingAsFeed)}</span> })}
                    {(!inherited).then(|| st.text.clone()).flatten().map(|t| view! { " — " <FeedText text=t/> })}
                    <BasisMark basis=st.basis note=st.basis_note.clone() full=true/>
                </p>
            }
        })
    };
    // schema 1.1: cost, funding and expected support, where the feed gives them
    let resources = (m.cost.is_some() || m.funding.is_some() || m.support.is_some()).then(|| {
        let level_line = |k: K, a: &veikart_domain::model::Assessment| {
            let level = a.level;
            view! {
                <li>
                    <span class="k">{tr(i, k)}": "</span>
                    {level.map(|l| view! { <strong>{tr(i, labels::level(l))}</strong> })}
                    {a.text.clone().map(|t| view! { " — " <FeedText text=t/> })}
                    <BasisMark basis=a.basis note=a.basis_note.clone() full=true/>
                </li>
            }
        };
        let cost = m.cost.as_ref().map(|a| level_line(K::Cost, a));
        let support = m.support.as_ref().map(|a| level_line(K::Support, a));
        let funding = m.funding.as_ref().map(|fu| {
            let state = fu.state;
            view! {
                <li>
                    <span class="k">{tr(i, K::Funding)}": "</span>
                    <strong>{tr(i, labels::funding(state))}</strong>
                    {fu.text.clone().map(|t| view! { " — " <FeedText text=t/> })}
                    <BasisMark basis=fu.basis note=fu.basis_note.clone() full=true/>
                </li>
            }
        });
        view! {
            <section class="detail-section resources">
                <h3>{tr(i, K::Resources)}</h3>
                <ul>{cost}{funding}{support}</ul>
            </section>
        }
    });
    // schema 1.1: the measure's risks and preconditions, and those of the feed that name it
    let risks = {
        let mi = f.ix.measure_index(&m.id);
        let all = veikart_domain::risk::all(f.feed());
        let mine = mi
            .map(|mi| veikart_domain::risk::of_measure(f.feed(), mi))
            .unwrap_or_default();
        let general = veikart_domain::risk::general(f.feed()).len();
        (!all.is_empty()).then(|| {
            let empty = mine.is_empty();
            let numbers = veikart_domain::risk::display_numbers(&all);
            let items = mine
                .iter()
                .map(|r| {
                    let number = all
                        .iter()
                        .position(|x| std::ptr::eq(x.risk, r.risk))
                        .map(|p| numbers[p])
                        .unwrap_or(0);
                    view! { <RiskEntry feed=f.clone() number risk=r.risk.clone() measure=r.measure/> }
                })
                .collect_view();
            let app = crate::state::use_app();
            let href = move || app.view.with(|v| v.view_href(View::Risks));
            view! {
                <section class="detail-section risks-section">
                    <h3>{tr(i, K::RisksTitle)}</h3>
                    {if empty {
                        view! { <p class="unknown">{tr(i, K::Unknown)}</p> }.into_any()
                    } else {
                        view! { <ul class="risks">{items}</ul> }.into_any()
                    }}
                    <p class="hint">
                        {(general > 0).then(|| view! { {move || i.tn(K::GeneralRisks, general)} " " })}
                        <a href=href data-noscroll="">{tr(i, K::SeeRiskView)}</a>
                    </p>
                </section>
            }
        })
    };
    let baselines = m
        .baselines
        .iter()
        .map(|b| view! { <li>{tr(i, K::Baseline)} ": " <FeedText text=b.text.clone()/></li> })
        .collect_view();
    let actors = m
        .actors
        .iter()
        .map(|r| {
            let (fx, who, role) = (f.clone(), r.actor.clone(), r.role);
            let period = r.period.clone();
            view! {
                <li>
                    <span class="actor">{move || fx.actor_name(&who, i.lang())}</span> " — "
                    <span class="role">{tr(i, labels::role(role))}</span>
                    {move || period.clone().map(|p| format!(" ({})", format_date(&p, i.lang())))}
                    {r.note.clone().map(|n| view! { <span class="note">" (" <FeedText text=n/> ")"</span> })}
                    <BasisMark basis=r.basis note=r.basis_note.clone() full=true/>
                </li>
            }
        })
        .collect_view();
    let benefits = m
        .benefits
        .iter()
        .map(|b| {
            let (fx, group) = (f.clone(), b.actor_group.clone());
            view! {
                <tr>
                    <th scope="row">{move || fx.actor_name(&group, i.lang())}</th>
                    <td class="score"><BenefitScore benefit=b.clone()/></td>
                    <td>{b.text.clone().map(|x| view! { <FeedText text=x/> })}</td>
                </tr>
            }
        })
        .collect_view();
    let deps = &f.feed().dependencies;
    let depends_on: Vec<_> = deps
        .iter()
        .filter(|d| d.from == m.id)
        .map(|d| dependency_item(&f, &d.to, d, i))
        .collect();
    let depended_by: Vec<_> = deps
        .iter()
        .filter(|d| d.to == m.id)
        .map(|d| dependency_item(&f, &d.from, d, i))
        .collect();
    let milestones = m
        .milestones
        .iter()
        .map(|ms| view! { <MilestoneItem milestone=ms.clone() detailed=true/> })
        .collect_view();
    let status = m
        .status
        .iter()
        .map(|s| {
            let (as_of, lc) = (s.as_of.clone(), s.lifecycle);
            view! {
                <li>
                    <strong>{move || format_date(&as_of, i.lang())}</strong> ": "
                    {s.rag.map(|r| view! { <span class=format!("rag rag-{}", rag_key(r))>{tr(i, labels::rag(r))}</span> " " })}
                    {tr(i, labels::lifecycle(lc))}
                    {s.text.clone().map(|x| view! { " — " <FeedText text=x/> })}
                    <BasisMark basis=s.basis note=s.basis_note.clone() full=true/>
                </li>
            }
        })
        .collect_view();
    // plotters escapes all text; the chart holds years and numbers only. Drawn near the width
    // it is shown at, so its labels keep their size on a phone.
    let narrow = crate::state::use_app().narrow.get_untracked();
    let chart = veikart_domain::charts::ambition_svg(&m, if narrow { 340 } else { 480 }, 200);
    let (n_dep, n_by) = (depends_on.len(), depended_by.len());
    let sources = {
        let (fx, src) = (f.clone(), m.sources.clone());
        move || sources_line(&fx, &src, i.lang())
    };
    let kicker = {
        let code = m.short_name.as_deref().map(String::from);
        // the rank in each list that names the measure, in the list's own word
        let ranks: Vec<(veikart_domain::model::Text, u32)> = f
            .feed()
            .ranks_of(&m.id)
            .into_iter()
            .map(|(l, r)| (l.rank_label, r))
            .collect();
        move || {
            let mut k = code.clone().unwrap_or_default();
            for (label, r) in &ranks {
                if !k.is_empty() {
                    k.push_str(" · ");
                }
                k.push_str(&format!("{} {r}", label.get(i.lang())));
            }
            k
        }
    };
    view! {
        <header>
            <p class="kicker">{kicker}{parent.map(|p| view! { " · " {p} })}</p>
            <h2 id="detail-title" tabindex="-1" node_ref=heading><FeedText text=m.name.clone()/></h2>
            {goal}
            {standing}
        </header>
        <Section title=K::Description empty=m.description.is_none()>
            <p>{m.description.clone().map(|d| view! { <FeedText text=d/> })}</p>
        </Section>
        <Section title=K::Ambition empty=m.ambitions.is_empty() && m.baselines.is_empty()>
            {chart.map(|svg| view! {
                <figure class="chart" role="img" aria-label=tr(i, K::AmbitionChartLabel) inner_html=svg></figure>
            })}
            <ul>{ambitions}{baselines}</ul>
        </Section>
        <Section title=K::PhasesLabel empty=m.phases.is_empty()>
            <ul>{phase_list}</ul>
        </Section>
        {resources}
        <Section title=K::Actors empty=m.actors.is_empty()><ul class="actors">{actors}</ul></Section>
        <Section title=K::Benefits empty=m.benefits.is_empty()>
            <table class="benefits"><tbody>{benefits}</tbody></table>
        </Section>
        <Section title=K::DependsOn empty=n_dep == 0><ul class="deps">{depends_on}</ul></Section>
        <Section title=K::DependedOnBy empty=n_by == 0><ul class="deps">{depended_by}</ul></Section>
        <Section title=K::Milestones empty=m.milestones.is_empty()><ul>{milestones}</ul></Section>
        <Section title=K::Status empty=m.status.is_empty()><ul>{status}</ul></Section>
        {risks}
        <MeasureChanges id=m.id.to_string()/>
        <DecisionHistory feed=feed.clone() id=m.id.to_string()/>
        <section class="detail-section sources">
            <h3>{tr(i, K::Sources)}</h3>
            <p>{sources}</p>
        </section>
    }
}
