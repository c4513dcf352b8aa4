//! What the feed says about itself (schema 1.1), told once and calmly: the banner of a feed that
//! is a proposal or up for discussion (`veikart_domain::standing::banner`), the note on measures
//! taken out of the roadmap with a way to show them, and a closed section above the roadmap with
//! the feed's priority lists, governing principles and portfolio snapshot.

use leptos::prelude::*;
use veikart_domain::model::{RankedKind, StandingState};
use veikart_domain::standing::banner;

use crate::components::parts::{BasisMark, FeedText, MeasureLink, OwnStanding};
use crate::components::roadmap::use_roadmap;
use crate::format::format_date;
use crate::i18n::{labels, t, tf, tn, tr, use_i18n, K};
use crate::state::use_app;

/// «Forslag til drøfting (NUIT sak 16/23, mai 2023) — ikke vedtatt», with the standing's own
/// text behind "Mer om dette". Nothing when the feed does not state its standing.
#[component]
pub fn FeedBanner() -> impl IntoView {
    let app = use_app();
    let i = use_i18n();
    move || {
        let f = app.feed.get()?;
        let standing = f.feed().meta.standing.clone()?;
        let b = banner(f.feed())?;
        let (state, body, case, when) =
            (b.state, b.body, b.case.map(str::to_string), b.when.clone());
        let line = move || {
            let lang = i.lang();
            let mut refs: Vec<String> = Vec::new();
            if let (Some(body), Some(case)) = (body, &case) {
                refs.push(tf(
                    lang,
                    K::CaseRef,
                    &[("body", &body.code()), ("case", case)],
                ));
            }
            if let Some(w) = &when {
                refs.push(format_date(w, lang));
            }
            let mut s = t(lang, labels::banner(state)).to_string();
            if !refs.is_empty() {
                s.push_str(&format!(" ({})", refs.join(", ")));
            }
            match state {
                StandingState::Proposed | StandingState::ForDiscussion => {
                    s.push_str(&format!(" — {}", t(lang, K::NotAdopted)))
                }
                StandingState::Withdrawn => {
                    s.push_str(&format!(" — {}", t(lang, K::NoLongerInForce)))
                }
                StandingState::Adopted => {}
            }
            s
        };
        let key = match state {
            StandingState::Proposed => "proposed",
            StandingState::ForDiscussion => "for-discussion",
            StandingState::Adopted => "adopted",
            StandingState::Withdrawn => "withdrawn",
        };
        let more = standing.text.clone().map(|text| {
            view! {
                <details class="banner-more">
                    <summary>{tr(i, K::BannerMore)}</summary>
                    <p><FeedText text/></p>
                </details>
            }
        });
        Some(view! {
            <div class=format!("standing-banner standing-{key}") role="note">
                <p class="banner-line">
                    <strong>{line}</strong>
                    <BasisMark basis=standing.basis note=standing.basis_note.clone()/>
                </p>
                {more}
            </div>
        })
    }
}

/// "1 tiltak er tatt ut av veikartet og vises ikke. [Vis dem]" under the filter bar, or, while
/// they are shown, "… vises grått. [Skjul dem]". Nothing when no measure is withdrawn.
#[component]
pub fn WithdrawnNote() -> impl IntoView {
    let app = use_app();
    let ctx = use_roadmap();
    let i = use_i18n();
    // One read of the index, not one tracked read per measure (issue 18: 5 000 reads were
    // 4–6 ms of the first paint at 5 000 measures).
    let count = Memo::new(move |_| {
        ctx.index
            .with(|ix| ix.as_ref().map_or(0, |ix| ix.withdrawn_count()))
    });
    let shown = crate::state::view_part(|v| v.withdrawn);
    move || {
        let n = count.get();
        (n > 0).then(|| {
            let text = move || {
                let k = if shown.get() {
                    K::WithdrawnShown
                } else {
                    K::WithdrawnHidden
                };
                tn(i.lang(), k, n, &[])
            };
            view! {
                <p class="withdrawn-note">
                    {text}" "
                    <button type="button" class="link-button"
                        aria-pressed=move || shown.get().to_string()
                        on:click=move |_| {
                            let on = !shown.get_untracked();
                            app.nav.go(move |s| s.withdrawn = on);
                        }>
                        {move || i.t(if shown.get() { K::HideWithdrawn } else { K::ShowWithdrawn })}
                    </button>
                </p>
            }
        })
    }
}

/// The feed's priority lists (with their ranks), principles and latest portfolio snapshot, in
/// one closed section above the roadmap, built when opened. Nothing when the feed has none of
/// them.
#[component]
pub fn FeedContext() -> impl IntoView {
    let app = use_app();
    let i = use_i18n();
    let has = Memo::new(move |_| {
        app.feed.with(|f| {
            f.as_ref().is_some_and(|f| {
                let feed = f.feed();
                !feed.priority_lists().is_empty()
                    || !feed.principles.is_empty()
                    || !feed.portfolio.is_empty()
            })
        })
    });
    // The section stays put across a language switch (an open one stays open); its content
    // follows the language.
    let content = move || {
        let lang = i.lang();
        let f = app.feed.get()?;
        let feed = f.feed();
        let lists = feed.priority_lists();
        let list_views = lists
            .iter()
            .map(|l| {
                let own = feed
                    .priority_lists
                    .iter()
                    .find(|x| x.id == l.id)
                    .and_then(|x| x.standing.clone());
                let description = feed
                    .priority_lists
                    .iter()
                    .find(|x| x.id == l.id)
                    .and_then(|x| x.description.clone());
                let items = l
                    .items
                    .iter()
                    .map(|r| {
                        let name = match r.kind {
                            RankedKind::Goal => f
                                .goal(r.id)
                                .map(|g| format!("{} – {}", feed.goal_label(g, lang), g.name.get(lang)))
                                .unwrap_or_else(|| r.name.get(lang).to_string()),
                            _ => r.name.get(lang).to_string(),
                        };
                        let what = if matches!(r.kind, RankedKind::Measure | RankedKind::Area) {
                            view! { <MeasureLink id=r.id.to_string()>{name}</MeasureLink> }.into_any()
                        } else {
                            view! { <span>{name}</span> }.into_any()
                        };
                        view! {
                            <li>
                                <span class="prio" aria-hidden="true">{r.rank}</span>
                                <span class="visually-hidden">{format!("{} {}: ", l.rank_label.get(lang), r.rank)}</span>
                                {what}<BasisMark basis=r.basis/>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <section class="ctx-list" data-list=l.id.to_string()>
                        <h3><FeedText text=l.name.clone()/><OwnStanding standing=own/></h3>
                        {description.map(|d| view! { <p class="hint"><FeedText text=d/></p> })}
                        <ol class="ranked">{items}</ol>
                    </section>
                }
            })
            .collect_view();
        let principles = (!feed.principles.is_empty()).then(|| {
            let items = feed
                .principles
                .iter()
                .map(|p| {
                    let applies: Vec<String> = p
                        .applies_to
                        .iter()
                        .map(|id| {
                            lists
                                .iter()
                                .find(|l| l.id == id)
                                .map(|l| l.name.get(lang).to_string())
                                .or_else(|| f.goal(id).map(|g| feed.goal_label(g, lang)))
                                .unwrap_or_else(|| f.node_label(id, lang))
                        })
                        .collect();
                    view! {
                        <li>
                            <FeedText text=p.text.clone()/>
                            <OwnStanding standing=p.standing.clone()/>
                            {(!applies.is_empty()).then(|| view! {
                                <span class="hint">{format!(" ({}: {})", t(lang, K::Concerns), applies.join(", "))}</span>
                            })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="ctx-principles">
                    <h3>{t(lang, K::Principles)}</h3>
                    <ul>{items}</ul>
                </section>
            }
        });
        let portfolio = feed
            .portfolio
            .iter()
            .max_by_key(|p| {
                veikart_domain::date::DateSpan::parse(&p.as_of)
                    .ok()
                    .map(|d| d.end)
            })
            .map(|p| {
                let counts: Vec<String> = [
                    (p.active, K::PfActive),
                    (p.red_status, K::PfRedStatus),
                    (p.red_risk, K::PfRedRisk),
                    (p.paused, K::PfPaused),
                    (p.finished, K::PfFinished),
                    (p.new, K::PfNew),
                ]
                .into_iter()
                .filter_map(|(n, k)| Some(tn(lang, k, n? as usize, &[])))
                .collect();
                let by = p
                    .reported_by
                    .as_ref()
                    .map(|a| format!(", {} {}", t(lang, K::ReportedBy), f.actor_name(a, lang)))
                    .unwrap_or_default();
                view! {
                    <section class="ctx-portfolio">
                        <h3>{format!("{} ({} {}{by})", t(lang, K::Portfolio), t(lang, K::StatusAsOf), format_date(&p.as_of, lang))}</h3>
                        <p class="pf-counts">{counts.join(" · ")}</p>
                        <p><FeedText text=p.text.clone()/></p>
                    </section>
                }
            });
        Some(view! {
            {list_views}
            {principles}
            {portfolio}
        })
    };
    // The content is built only while the section is open: closed, it adds nothing to the page
    // (no hidden links or texts that a search of the page would find first).
    let open = RwSignal::new(false);
    move || {
        has.get().then(|| {
            view! {
                <details class="feed-context" on:toggle=move |ev| {
                    let is_open = ev
                        .target()
                        .and_then(|t| js_sys::Reflect::get(&t, &"open".into()).ok())
                        .and_then(|v| v.as_bool())
                        .unwrap_or(false);
                    open.set(is_open);
                }>
                    <summary>{tr(i, K::ContextTitle)}</summary>
                    {move || open.get().then(|| view! { <div class="ctx-body">{content}</div> })}
                </details>
            }
        })
    }
}
