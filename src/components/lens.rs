//! "Hva betyr veikartet for oss?" — the actor lens (`?visning=for-oss&aktor=ID`). The selection
//! is computed by `veikart_domain::lens`; this file lays it out.

use leptos::prelude::*;
use leptos_router::hooks::query_signal;
use veikart_domain::lens::actor_lens;
use veikart_domain::model::ActorKind;
use veikart_domain::roadmap::{current_status, measure_label};

use crate::app::{current_query, use_ctx, Ctx};
use crate::components::detail::feed_text;
use crate::components::roadmap::today;
use crate::format::{format_date, lifecycle_label, role_label};
use crate::i18n::{t, K};

#[component]
pub fn ActorLens() -> impl IntoView {
    let Ctx { feed, lang } = use_ctx();
    let (actor_q, set_actor_q) = query_signal::<String>("aktor");
    let query = current_query();

    let picker = move || {
        let lang = lang.get();
        let loaded = feed.get()?;
        let f = &loaded.feed;
        let current = actor_q.get().unwrap_or_default();
        let group = |kind: ActorKind, label: K| {
            let mut actors: Vec<_> = f.actors.iter().filter(|a| a.kind == kind).collect();
            actors.sort_by_key(|a| a.name.get(lang).to_lowercase());
            let opts = actors
                .into_iter()
                .map(|a| {
                    view! {
                        <option value=a.id.clone() selected=a.id == current>{a.name.get(lang).to_string()}</option>
                    }
                })
                .collect_view();
            view! { <optgroup label=t(lang, label)>{opts}</optgroup> }
        };
        Some(view! {
            <label class="lens-pick">
                <span>{t(lang, K::LensPick)}</span>
                <select on:change=move |ev| {
                    let v = event_target_value(&ev);
                    set_actor_q.set((!v.is_empty()).then_some(v));
                }>
                    <option value="" selected=current.is_empty()>{t(lang, K::LensChoose)}</option>
                    {group(ActorKind::Organisation, K::LensOrgs)}
                    {group(ActorKind::ActorGroup, K::LensGroups)}
                </select>
            </label>
        })
    };

    let body = move || {
        let lang = lang.get();
        let loaded = feed.get()?;
        let f = &loaded.feed;
        let actor_id = actor_q.get()?;
        let actor = f.actors.iter().find(|a| a.id == actor_id)?;
        let now = today();
        let lens = actor_lens(f, &actor.id, now);
        let q = query.get();
        if lens.entries.is_empty() {
            return Some(view! { <p class="notice">{t(lang, K::LensNone)}</p> }.into_any());
        }
        let actor_name = |id: &str| {
            f.actors
                .iter()
                .find(|a| a.id == id)
                .map(|a| a.name.get(lang).to_string())
                .unwrap_or_else(|| id.to_string())
        };
        let rows = lens
            .entries
            .iter()
            .map(|e| {
                let m = &f.measures[e.measure];
                let roles = e
                    .roles
                    .iter()
                    .map(|(who, role)| {
                        let via = (who != &actor.id)
                            .then(|| format!(" ({} {})", t(lang, K::LensVia), actor_name(who)));
                        view! { <li>{role_label(*role, lang)}{via}</li> }
                    })
                    .collect_view();
                let benefits = e
                    .benefits
                    .iter()
                    .map(|&bi| {
                        let b = &m.benefits[bi];
                        let score = b.score.map(|s| "+".repeat(s.into()));
                        view! {
                            <p>
                                {score.map(|s| view! { <span class="score">{s}" "</span> })}
                                {b.text.as_ref().map(|x| feed_text(x, lang))}
                            </p>
                        }
                    })
                    .collect_view();
                let status = current_status(m).map(|s| {
                    format!(
                        "{} ({} {})",
                        lifecycle_label(s.lifecycle, lang),
                        t(lang, K::StatusAsOf),
                        format_date(&s.as_of, lang)
                    )
                });
                let href = format!("/tiltak/{}{}", m.id, q);
                view! {
                    <tr>
                        <th scope="row"><a href=href>{measure_label(m, lang)}</a></th>
                        <td>
                            {e.roles.is_empty().then(|| view! { <span aria-label=t(lang, K::StatusUnknown)>"–"</span> })}
                            <ul class="plain">{roles}</ul>
                        </td>
                        <td>{status}</td>
                        <td>{benefits}</td>
                    </tr>
                }
            })
            .collect_view();
        let milestones = |list: &[veikart_domain::lens::LensMilestone]| {
            if list.is_empty() {
                return view! { <p class="hint">{t(lang, K::LensNoMilestones)}</p> }.into_any();
            }
            let items = list
                .iter()
                .map(|lm| {
                    let m = &f.measures[lm.measure];
                    let ms = &m.milestones[lm.milestone];
                    let when = crate::format::format_qualified(ms.qualifier, &ms.date, lang);
                    let href = format!("/tiltak/{}{}", m.id, q);
                    view! {
                        <li>
                            <strong>{when}</strong>": "{feed_text(&ms.title, lang)}
                            " — "<a href=href>{measure_label(m, lang)}</a>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="lens-ms">{items}</ul> }.into_any()
        };
        let next12 = milestones(&lens.next_12);
        let next24 = milestones(&lens.next_24);
        Some(
            view! {
                <h3>{feed_text(&actor.name, lang)}</h3>
                <table class="lens-table">
                    <caption class="visually-hidden">{t(lang, K::LensMeasures)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t(lang, K::Measures)}</th>
                            <th scope="col">{t(lang, K::LensRole)}</th>
                            <th scope="col">{t(lang, K::FilterStatus)}</th>
                            <th scope="col">{t(lang, K::LensBenefit)}</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
                <p class="hint">{format!("{} ({}).", t(lang, K::LensCounted), format_date(&now.to_string(), lang))}</p>
                <h3>{t(lang, K::LensNext12)}</h3>
                {next12}
                <h3>{t(lang, K::LensNext24)}</h3>
                {next24}
            }
            .into_any(),
        )
    };

    view! {
        <section class="lens-view" aria-labelledby="lens-title">
            <h2 id="lens-title">{move || t(lang.get(), K::LensTitle)}</h2>
            <p class="hint">{move || t(lang.get(), K::LensIntro)}</p>
            {picker}
            {body}
        </section>
    }
}
