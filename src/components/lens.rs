//! "Hva betyr veikartet for oss?" — the actor lens (`visning=for-oss&aktor=ID`): an
//! organisation's or user group's measures, its role in each (including roles of organisations
//! under it), the benefit for it, and the milestones in the next 12 and 24 months. The
//! selection is `veikart_domain::lens`. On a phone the table reads as one block per measure.

use leptos::prelude::*;
use veikart_domain::lens::{actor_lens, risks_for_actor, LensMilestone, RiskReason};
use veikart_domain::model::ActorKind;
use veikart_domain::roadmap::{current_status, measure_label};

use crate::components::parts::{BenefitScore, FeedText, MeasureLink};
use crate::components::risks::RiskEntry;
use crate::format::{format_date, format_qualified};
use crate::i18n::{labels, t, tr, use_i18n, K};
use crate::state::use_app;

#[component]
pub fn ActorLens() -> impl IntoView {
    let app = use_app();
    let i = use_i18n();
    let nav = app.nav;
    let actor = crate::state::view_part(|v| v.actor.clone());

    let picker = move || {
        let lang = i.lang();
        let f = app.feed.get()?;
        let current = actor.get().unwrap_or_default();
        let group = |kind: ActorKind, label: K| {
            let mut actors: Vec<_> = f.feed().actors.iter().filter(|a| a.kind == kind).collect();
            veikart_domain::sort::sort_by_key(&mut actors, |a| a.name.get(lang).to_lowercase());
            let opts = actors
                .into_iter()
                .map(|a| view! { <option value=a.id.to_string() selected=a.id == current>{a.name.get(lang).to_string()}</option> })
                .collect_view();
            view! { <optgroup label=t(lang, label)>{opts}</optgroup> }
        };
        Some(view! {
            <label class="lens-pick">
                <span>{t(lang, K::LensPick)}</span>
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    nav.go(|s| s.actor = Some(v).filter(|v| !v.is_empty()));
                }>
                    <option value="" selected=current.is_empty()>{t(lang, K::LensChoose)}</option>
                    {group(ActorKind::Organisation, K::LensOrgs)}
                    {group(ActorKind::ActorGroup, K::LensGroups)}
                </select>
            </label>
        })
    };

    let body = move || {
        let lang = i.lang();
        let f = app.feed.get()?;
        let who = f.actor(&actor.get()?)?.clone();
        let today = app.clock.today();
        let lens = actor_lens(f.feed(), &who.id, today);
        // schema 1.1: risks whose owner is the actor, or that concern its measures
        let all_risks = veikart_domain::risk::all(f.feed());
        let numbers = veikart_domain::risk::display_numbers(&all_risks);
        let risk_items: Vec<_> = risks_for_actor(f.feed(), &who.id, &lens)
            .into_iter()
            .map(|(n, why)| {
                let r = all_risks[n];
                let reason = match why {
                    RiskReason::Owner => K::LensRiskOwner,
                    RiskReason::Measure => K::LensRiskMeasure,
                };
                view! {
                    <RiskEntry feed=f.clone() number=numbers[n] risk=r.risk.clone() measure=r.measure
                        show_concerns=true reason/>
                }
            })
            .collect();
        let risks = (!all_risks.is_empty()).then(|| {
            let body = if risk_items.is_empty() {
                view! { <p class="hint">{t(lang, K::LensNoRisks)}</p> }.into_any()
            } else {
                view! { <ul class="risks">{risk_items}</ul> }.into_any()
            };
            view! {
                <h3>{t(lang, K::LensRisks)}</h3>
                {body}
            }
        });
        if lens.entries.is_empty() {
            return Some(view! { <p class="notice">{t(lang, K::LensNone)}</p> {risks} }.into_any());
        }
        let (c_measure, c_role, c_status, c_benefit) = (
            t(lang, K::Measures),
            t(lang, K::LensRole),
            t(lang, K::FilterStatus),
            t(lang, K::LensBenefit),
        );
        let rows = lens
            .entries
            .iter()
            .map(|e| {
                let m = f.feed().measures[e.measure].clone();
                let roles = e
                    .roles
                    .iter()
                    .map(|(by, role)| {
                        let via = (by != &who.id).then(|| format!(" ({} {})", t(lang, K::LensVia), f.actor_name(by, lang)));
                        view! { <li>{t(lang, labels::role(*role))}{via}</li> }
                    })
                    .collect_view();
                let benefits = e
                    .benefits
                    .iter()
                    .map(|&bi| {
                        let b = m.benefits[bi].clone();
                        view! {
                            <p>
                                <BenefitScore benefit=b.clone()/>" "
                                {b.text.map(|x| view! { <FeedText text=x/> })}
                            </p>
                        }
                    })
                    .collect_view();
                let status = current_status(&m).map(|s| {
                    format!(
                        "{} ({} {})",
                        t(lang, labels::lifecycle(s.lifecycle)),
                        t(lang, K::StatusAsOf),
                        format_date(&s.as_of, lang)
                    )
                });
                view! {
                    <tr>
                        <th scope="row"><MeasureLink id=m.id.clone()>{measure_label(&m, lang)}</MeasureLink></th>
                        <td data-label=c_role>
                            {e.roles.is_empty().then(|| view! { <span aria-label=t(lang, K::StatusUnknown)>"–"</span> })}
                            <ul class="plain">{roles}</ul>
                        </td>
                        <td data-label=c_status>{status}</td>
                        <td data-label=c_benefit>{benefits}</td>
                    </tr>
                }
            })
            .collect_view();
        let milestones = |list: &[LensMilestone]| {
            if list.is_empty() {
                return view! { <p class="hint">{t(lang, K::LensNoMilestones)}</p> }.into_any();
            }
            let items = list
                .iter()
                .map(|lm| {
                    let m = f.feed().measures[lm.measure].clone();
                    let ms = m.milestones[lm.milestone].clone();
                    view! {
                        <li>
                            <strong>{format_qualified(ms.qualifier, &ms.date, lang)}</strong>": "
                            <FeedText text=ms.title.clone()/>
                            " — "<MeasureLink id=m.id.clone()>{measure_label(&m, lang)}</MeasureLink>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="lens-ms">{items}</ul> }.into_any()
        };
        Some(
            view! {
                <h3><FeedText text=who.name.clone()/></h3>
                <table class="lens-table">
                    <caption class="visually-hidden">{t(lang, K::LensMeasures)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{c_measure}</th>
                            <th scope="col">{c_role}</th>
                            <th scope="col">{c_status}</th>
                            <th scope="col">{c_benefit}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                <p class="hint">{format!("{} ({}).", t(lang, K::LensCounted), format_date(&today.to_string(), lang))}</p>
                <h3>{t(lang, K::LensNext12)}</h3>
                {milestones(&lens.next_12)}
                <h3>{t(lang, K::LensNext24)}</h3>
                {milestones(&lens.next_24)}
                {risks}
            }
            .into_any(),
        )
    };

    view! {
        <section class="lens-view" aria-labelledby="lens-title">
            <h2 id="lens-title">{tr(i, K::LensTitle)}</h2>
            <p class="hint">{tr(i, K::LensIntro)}</p>
            {picker}
            {body}
        </section>
    }
}
