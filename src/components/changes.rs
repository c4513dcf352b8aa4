//! Comparing two versions of the feed: the older version (the feed's `previous_version` link,
//! another URL in `?sammenlign=`, or a local file), the change list (`?visning=endringer`), the
//! ghost marks on the timeline and a measure's own changes in its detail panel. The diff itself
//! is `veikart_domain::diff`; this file only binds it to the DOM.

use std::collections::BTreeMap;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::query_signal;
use veikart_domain::diff::{self, Category, Change, ChangeKind, FeedDiff, Ghost, StatusSnap, When};
use veikart_domain::model::{DependencyKind, Feed};
use veikart_domain::timeline::{Scale, ROW_H};
use veikart_domain::validate::{load, Loaded, DEFAULT_MAX_BYTES};
use veikart_domain::Lang;

use crate::api::{fetch_feed, FeedError, DEFAULT_FEED_URL};
use crate::app::{current_query, use_ctx, Ctx};
use crate::format::{format_date, lifecycle_label, rag_label};
use crate::i18n::{t, K};

/// The older version and the diff against it, for every view.
#[derive(Clone, Copy)]
pub struct Compare {
    /// The older version when one is asked for: loaded, or why not. `None` while nothing is
    /// asked for or it is still loading.
    pub previous: Signal<Option<Result<Arc<Loaded>, String>>>,
    /// Whether a comparison is asked for (a URL, the previous-version link or a file).
    pub requested: Signal<bool>,
    pub diff: Memo<Option<Arc<FeedDiff>>>,
    /// Ghost marks on the timeline: on with `?sammenlign=` or a chosen file.
    pub ghosts: Signal<bool>,
    /// A local file chosen in the change list; wins over the URL.
    pub local: RwSignal<Option<Result<Arc<Loaded>, String>>>,
}

fn error_text(e: &FeedError) -> String {
    if let FeedError::Http(code) = e {
        format!("HTTP {code}")
    } else if let FeedError::Load(l) = e {
        l.to_string()
    } else if let FeedError::Network(s) = e {
        s.clone()
    } else {
        String::new()
    }
}

fn checked(l: Loaded) -> Result<Arc<Loaded>, String> {
    if l.is_usable() {
        Ok(Arc::new(l))
    } else {
        let first = l.errors().next().map(|i| i.to_string()).unwrap_or_default();
        Err(format!("{} feil, f.eks. {first}", l.errors().count()))
    }
}

/// Sets up the comparison context; call once in the shell, after the feed context.
pub fn provide_compare() {
    let Ctx { feed, .. } = use_ctx();
    let (cmp_q, _) = query_signal::<String>("sammenlign");
    let (view_q, _) = query_signal::<String>("visning");
    let local = RwSignal::new(None::<Result<Arc<Loaded>, String>>);
    let url = Memo::new(move |_| {
        let q = cmp_q.get().or_else(|| {
            // The change list and the council view use the previous version by default.
            matches!(view_q.get().as_deref(), Some("endringer" | "rad"))
                .then(|| "forrige".to_string())
        })?;
        if q == "forrige" {
            let link = feed.get()?.feed.meta.previous_version.clone()?;
            diff::resolve_link(DEFAULT_FEED_URL, &link)
        } else {
            diff::resolve_link(DEFAULT_FEED_URL, &q)
        }
    });
    let resource = LocalResource::new(move || {
        let u = url.get();
        async move {
            match u {
                Some(u) => Some(match fetch_feed(u).await {
                    Ok(l) => checked(l),
                    Err(e) => Err(error_text(&e)),
                }),
                None => None,
            }
        }
    });
    let previous = Signal::derive(move || {
        local
            .get()
            .or_else(|| url.get().and_then(|_| resource.get().flatten()))
    });
    let requested =
        Signal::derive(move || local.with(Option::is_some) || url.with(Option::is_some));
    let diff = Memo::new(move |_| {
        let new = feed.get()?;
        let old = previous.get()?.ok()?;
        Some(Arc::new(diff::diff(&old.feed, &new.feed)))
    });
    let ghosts = Signal::derive(move || cmp_q.with(Option::is_some) || local.with(Option::is_some));
    provide_context(Compare {
        previous,
        requested,
        diff,
        ghosts,
        local,
    });
}

/// "Compare with the previous version" switch and, when on, the legend of the ghost marks.
#[component]
pub fn CompareToggle() -> impl IntoView {
    let Ctx { feed, lang } = use_ctx();
    let cmp = expect_context::<Compare>();
    let (cmp_q, set_cmp_q) = query_signal::<String>("sammenlign");
    let has_link = Signal::derive(move || {
        feed.with(|f| {
            f.as_ref()
                .is_some_and(|l| l.feed.meta.previous_version.is_some())
        })
    });
    move || {
        (has_link.get() || cmp_q.with(Option::is_some)).then(|| {
            let lang = lang.get();
            let legend = cmp.ghosts.get().then(|| {
                let label = cmp.previous.get().and_then(|p| p.ok()).map(|p| {
                    format!("{} {}", t(lang, K::GhostLegend), p.feed.meta.version_label.get(lang))
                });
                view! {
                    <span class="ghost-legend">
                        <svg width="28" height="14" aria-hidden="true"><rect x="1" y="1" width="26" height="12" rx="4" class="ghost-bar"/></svg>
                        {label.unwrap_or_else(|| t(lang, K::CompareLoading).to_string())}
                    </span>
                }
            });
            view! {
                <div class="compare-toggle">
                    <label class="check">
                        <input type="checkbox" prop:checked=move || cmp_q.with(Option::is_some)
                            on:change=move |ev| set_cmp_q.set(event_target_checked(&ev).then(|| "forrige".to_string()))/>
                        {t(lang, K::CompareToggle)}
                    </label>
                    {legend}
                </div>
            }
        })
    }
}

/// Ghost marks of the older version on one timeline row (nothing unless comparing).
pub fn ghost_layer(id: String, top: f64, scale: Scale) -> impl IntoView {
    let cmp = use_context::<Compare>();
    let Ctx { feed, lang } = use_ctx();
    move || {
        let cmp = cmp?;
        if !cmp.ghosts.get() {
            return None;
        }
        let old = cmp.previous.get()?.ok()?;
        let new = feed.get()?;
        let om = old.feed.measures.iter().find(|m| m.id == id)?;
        let nm = new.feed.measures.iter().find(|m| m.id == id)?;
        let marks = diff::ghosts(om, nm, &scale);
        if marks.is_empty() {
            return None;
        }
        let lang = lang.get();
        let version = old.feed.meta.version_label.get(lang).to_string();
        let cy = top + ROW_H / 2.0;
        let views = marks
            .into_iter()
            .map(|g| match g {
                Ghost::Bar { phase, x, w } => {
                    let name = old
                        .feed
                        .phases
                        .iter()
                        .find(|p| p.id == phase)
                        .map(|p| p.name.get(lang).to_string())
                        .unwrap_or(phase);
                    view! {
                        <rect x=x y=top + 10.0 width=w height=ROW_H - 20.0 rx=4 class="ghost-bar">
                            <title>{format!("{version}: {name}")}</title>
                        </rect>
                    }
                    .into_any()
                }
                Ghost::Marker {
                    title,
                    date,
                    x,
                    w,
                    point,
                    to,
                    months,
                } => {
                    let tip = format!(
                        "{version}: {} — {}",
                        title.get(lang),
                        format_date(&date, lang)
                    );
                    let shape = if point {
                        view! { <path d=format!("M{x},{} L{},{cy} L{x},{} L{},{cy} Z", cy - 9.0, x + 9.0, cy + 9.0, x - 9.0) class="ghost-ms"/> }.into_any()
                    } else {
                        view! { <rect x=x y=cy - 7.0 width=w.max(6.0) height=14 rx=7 class="ghost-ms"/> }.into_any()
                    };
                    let slip = to.map(|to| {
                        let x0 = if to > x { x + w.max(6.0) } else { x };
                        let label = months.map(|m| format!("{m:+} {}", t(lang, K::MonthsShort)));
                        view! {
                            <line x1=x0 y1=cy x2=to - 4.0 y2=cy class="ghost-slip" marker-end="url(#arrowhead)"/>
                            {label.map(|l| view! { <text x=(x0 + to) / 2.0 y=top + 11.0 text-anchor="middle" class="ghost-months">{l}</text> })}
                        }
                    });
                    view! {
                        <g class="ghost-marker">
                            {slip}
                            {shape}
                            <title>{tip}</title>
                        </g>
                    }
                    .into_any()
                }
            })
            .collect_view();
        Some(view! { <g class="ghosts" data-ghost-for=id.clone()>{views}</g> })
    }
}

fn when_text(w: &When, lang: Lang) -> String {
    crate::format::format_qualified(w.qualifier, &w.date, lang)
}

fn months_text(m: i32, lang: Lang) -> String {
    match m {
        0 => String::new(),
        m if m > 0 => format!(" (+{m} {})", t(lang, K::MonthsLater)),
        m => format!(" ({} {})", -m, t(lang, K::MonthsEarlier)),
    }
}

fn dep_kind(k: DependencyKind, lang: Lang) -> &'static str {
    t(
        lang,
        match k {
            DependencyKind::Requires => K::DepRequires,
            DependencyKind::BuildsOn => K::DepBuildsOn,
            DependencyKind::Competes => K::DepCompetes,
            DependencyKind::Mutual => K::DepMutual,
            k @ DependencyKind::SeenTogether => return k.label(lang),
        },
    )
}

/// A measure's or component's name in either version.
fn name_in(new: &Feed, old: &Feed, id: &str, lang: Lang) -> String {
    [new, old]
        .into_iter()
        .find_map(|f| veikart_domain::roadmap::node_label(f, id, lang))
        .unwrap_or_else(|| id.to_string())
}

fn phase_name(new: &Feed, old: &Feed, id: &str, lang: Lang) -> String {
    [new, old]
        .into_iter()
        .find_map(|f| f.phases.iter().find(|p| p.id == id))
        .map(|p| p.name.get(lang).to_string())
        .unwrap_or_else(|| id.to_string())
}

fn period(start: &str, end: Option<&str>, lang: Lang) -> String {
    format!(
        "{} – {}",
        format_date(start, lang),
        end.map(|e| format_date(e, lang))
            .unwrap_or_else(|| "…".into())
    )
}

fn status_text(s: &Option<StatusSnap>, lang: Lang) -> String {
    match s {
        None => t(lang, K::NotGiven).to_string(),
        Some(s) => {
            let mut out = format!(
                "{}: {}",
                format_date(&s.as_of, lang),
                lifecycle_label(s.lifecycle, lang)
            );
            if let Some(r) = s.rag {
                out.push_str(&format!(", {}", rag_label(r, lang)));
            }
            if let Some(x) = &s.text {
                out.push_str(&format!(" — {}", x.get(lang)));
            }
            out
        }
    }
}

/// The heading word and the one-line detail of a change.
pub fn describe(c: &Change, new: &Feed, old: &Feed, lang: Lang) -> (&'static str, String) {
    use ChangeKind::*;
    let q = |s: &str| format!("«{s}»");
    match &c.kind {
        MeasureAdded { name } => (t(lang, K::ChMeasureAdded), name.get(lang).to_string()),
        MeasureRemoved { name } => (t(lang, K::ChMeasureRemoved), name.get(lang).to_string()),
        MeasureRenamed { old: o, new: n } => (
            t(lang, K::ChRenamed),
            format!("{} → {}", q(o.get(lang)), q(n.get(lang))),
        ),
        MilestoneMoved {
            title,
            old: o,
            new: n,
            months,
            ..
        } => (
            t(lang, K::ChMilestoneMoved),
            format!(
                "{}: {} → {}{}",
                title.get(lang),
                when_text(o, lang),
                when_text(n, lang),
                months_text(*months, lang)
            ),
        ),
        MilestoneAdded { title, new: n, .. } => (
            t(lang, K::ChMilestoneAdded),
            format!("{} — {}", title.get(lang), when_text(n, lang)),
        ),
        MilestoneRemoved { title, old: o, .. } => (
            t(lang, K::ChMilestoneRemoved),
            format!("{} — {}", title.get(lang), when_text(o, lang)),
        ),
        HorizonMoved {
            old_title,
            new_title,
            old: o,
            new: n,
            months,
        } => (
            t(lang, K::ChHorizon),
            format!(
                "{} ({}) → {} ({}){}",
                q(old_title.get(lang)),
                when_text(o, lang),
                q(new_title.get(lang)),
                when_text(n, lang),
                months_text(*months, lang)
            ),
        ),
        PhaseAdded { phase, start, end } => (
            t(lang, K::ChPhaseAdded),
            format!(
                "{}: {}",
                phase_name(new, old, phase, lang),
                period(start, end.as_deref(), lang)
            ),
        ),
        PhaseRemoved { phase, start, end } => (
            t(lang, K::ChPhaseRemoved),
            format!(
                "{}: {}",
                phase_name(new, old, phase, lang),
                period(start, end.as_deref(), lang)
            ),
        ),
        PhaseMoved {
            phase,
            old_start,
            old_end,
            new_start,
            new_end,
            ..
        } => (
            t(lang, K::ChPhaseMoved),
            format!(
                "{}: {} → {}{}",
                phase_name(new, old, phase, lang),
                period(old_start, old_end.as_deref(), lang),
                period(new_start, new_end.as_deref(), lang),
                c.kind
                    .months()
                    .map(|m| months_text(m, lang))
                    .unwrap_or_default()
            ),
        ),
        AmbitionAdded { year, text } => (
            t(lang, K::ChAmbitionAdded),
            format!("{year}: {}", text.get(lang)),
        ),
        AmbitionRemoved { year, text } => (
            t(lang, K::ChAmbitionRemoved),
            format!("{year}: {}", text.get(lang)),
        ),
        AmbitionChanged {
            year,
            old: o,
            new: n,
        } => (
            t(lang, K::ChAmbitionChanged),
            format!("{year}: {} → {}", q(o.get(lang)), q(n.get(lang))),
        ),
        PriorityChanged { old: o, new: n } => {
            let p = |x: &Option<u8>| {
                x.map(|x| x.to_string())
                    .unwrap_or_else(|| t(lang, K::NotGiven).to_string())
            };
            (t(lang, K::ChPriority), format!("{} → {}", p(o), p(n)))
        }
        StatusChanged { old: o, new: n } => (
            t(
                lang,
                if c.kind.turned_red() {
                    K::ChTurnedRed
                } else {
                    K::ChStatus
                },
            ),
            format!(
                "{}: {} · {}: {}",
                t(lang, K::Before),
                status_text(o, lang),
                t(lang, K::Now),
                status_text(n, lang)
            ),
        ),
        DependencyAdded {
            from,
            to,
            kind,
            critical,
            ..
        }
        | DependencyRemoved {
            from,
            to,
            kind,
            critical,
            ..
        } => {
            let head = if matches!(c.kind, DependencyAdded { .. }) {
                K::ChDepAdded
            } else {
                K::ChDepRemoved
            };
            (
                t(lang, head),
                format!(
                    "{} {} {}{}",
                    name_in(new, old, from, lang),
                    dep_kind(*kind, lang),
                    name_in(new, old, to, lang),
                    if *critical {
                        format!(" ({})", t(lang, K::CriticalDependency).to_lowercase())
                    } else {
                        String::new()
                    }
                ),
            )
        }
        DependencyChanged {
            from,
            to,
            old_kind,
            new_kind,
            old_critical,
            new_critical,
            ..
        } => {
            let crit = |c: bool| {
                if c {
                    format!(" ({})", t(lang, K::CriticalDependency).to_lowercase())
                } else {
                    String::new()
                }
            };
            (
                t(lang, K::ChDepChanged),
                format!(
                    "{} → {}: {}{} → {}{}",
                    name_in(new, old, to, lang),
                    name_in(new, old, from, lang),
                    dep_kind(*old_kind, lang),
                    crit(*old_critical),
                    dep_kind(*new_kind, lang),
                    crit(*new_critical)
                ),
            )
        }
        DecisionAdded {
            decision,
            title,
            date,
        } => {
            let head = new
                .decisions
                .iter()
                .find(|d| &d.id == decision)
                .map(|d| format!("{} {} ", d.body.code(), d.case))
                .unwrap_or_default();
            (
                t(lang, K::ChDecisionAdded),
                format!("{head}({}): {}", format_date(date, lang), title.get(lang)),
            )
        }
        k => k.describe_1_1(lang).unwrap_or_default(),
    }
}

fn category_label(c: Category, lang: Lang) -> &'static str {
    t(
        lang,
        match c {
            Category::Measures => K::CatMeasures,
            Category::Dates => K::CatDates,
            Category::Phases => K::CatPhases,
            Category::Ambitions => K::CatAmbitions,
            Category::Status => K::CatStatus,
            Category::Dependencies => K::CatDependencies,
            Category::Decisions => K::CatDecisions,
        },
    )
}

fn change_item(c: &Change, new: &Feed, old: &Feed, lang: Lang) -> impl IntoView {
    let (head, detail) = describe(c, new, old, lang);
    let cat = c.kind.category();
    let class = format!(
        "change ch-{}{}",
        cat.key(),
        if c.kind.turned_red() { " red" } else { "" }
    );
    view! {
        <li class=class>
            <span class="ch-kind">{head}</span>
            " "
            <span class="ch-detail">{detail}</span>
        </li>
    }
}

/// Lets the reader pick a local JSON file to compare with.
#[component]
fn FilePicker() -> impl IntoView {
    let Ctx { lang, .. } = use_ctx();
    let cmp = expect_context::<Compare>();
    let on_change = move |ev: leptos::ev::Event| {
        use wasm_bindgen::JsCast;
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|f| f.get(0)) else {
            return;
        };
        leptos::task::spawn_local(async move {
            let text = wasm_bindgen_futures::JsFuture::from(file.text())
                .await
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let res = load(&text, DEFAULT_MAX_BYTES)
                .map_err(|e| e.to_string())
                .and_then(checked);
            cmp.local.set(Some(res));
        });
    };
    view! {
        <label class="file-pick">
            {move || t(lang.get(), K::CompareFile)} " "
            <input type="file" accept=".json,application/json" on:change=on_change/>
        </label>
    }
}

/// The change list, `?visning=endringer`.
#[component]
pub fn ChangeList() -> impl IntoView {
    let Ctx { feed, lang } = use_ctx();
    let cmp = expect_context::<Compare>();
    let query = current_query();
    let filter = RwSignal::new(None::<Category>);

    let body = move || {
        let lang = lang.get();
        let new = feed.get()?;
        if !cmp.requested.get() {
            return Some(view! { <p class="notice">{t(lang, K::NoPrevious)}</p> }.into_any());
        }
        let old = match cmp.previous.get() {
            None => return Some(
                view! { <p class="notice loading" role="status">{t(lang, K::CompareLoading)}</p> }
                    .into_any(),
            ),
            Some(Err(e)) => return Some(
                view! { <p class="error-box" role="alert">{t(lang, K::CompareError)} ": " {e}</p> }
                    .into_any(),
            ),
            Some(Ok(o)) => o,
        };
        let d = cmp.diff.get()?;
        let (nf, of) = (&new.feed, &old.feed);
        let cat = filter.get();
        let shown: Vec<&Change> = d
            .changes
            .iter()
            .filter(|c| cat.is_none_or(|k| c.kind.category() == k))
            .collect();

        let chips = {
            let all = view! {
                <button type="button" aria-pressed=cat.is_none().to_string()
                    on:click=move |_| filter.set(None)>
                    {t(lang, K::CatAll)} " " <span class="n">{d.changes.len()}</span>
                </button>
            };
            let per = Category::ALL
                .into_iter()
                .filter(|k| d.count(*k) > 0)
                .map(|k| {
                    view! {
                        <button type="button" aria-pressed=(cat == Some(k)).to_string()
                            on:click=move |_| filter.set(Some(k))>
                            {category_label(k, lang)} " " <span class="n">{d.count(k)}</span>
                        </button>
                    }
                })
                .collect_view();
            view! { <div class="seg chips" role="group" aria-label=t(lang, K::ChangesTitle)>{all}{per}</div> }
        };

        let top = (cat.is_none()).then(|| {
            // The five most important changes, one per measure.
            let mut seen = std::collections::BTreeSet::new();
            let items = d
                .changes
                .iter()
                .filter(|c| c.measure.as_ref().is_some_and(|m| seen.insert(m.clone())))
                .take(5)
                .map(|c| {
                    let id = c.measure.clone().unwrap_or_default();
                    let name = name_in(nf, of, &id, lang);
                    let (head, detail) = describe(c, nf, of, lang);
                    let href = format!("/tiltak/{id}{}", query.get_untracked());
                    view! {
                        <li class=if c.kind.turned_red() { "top red" } else { "top" }>
                            <a href=href>{name}</a>
                            <span class="ch-kind">{head}</span>
                            <span class="ch-detail">{detail}</span>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="top-changes" aria-labelledby="top-changes-h">
                    <h3 id="top-changes-h">{t(lang, K::MostImportant)}</h3>
                    <ol>{items}</ol>
                </section>
            }
        });

        // Group by measure in order of each measure's most important change.
        let mut order: Vec<Option<String>> = Vec::new();
        let mut groups: BTreeMap<Option<String>, Vec<&Change>> = BTreeMap::new();
        for c in &shown {
            if !groups.contains_key(&c.measure) {
                order.push(c.measure.clone());
            }
            groups.entry(c.measure.clone()).or_default().push(c);
        }
        // Decisions last.
        order.sort_by_key(|m| m.is_none());
        let list = if shown.is_empty() {
            view! { <p class="notice">{t(lang, K::NoChanges)}</p> }.into_any()
        } else {
            order
                .into_iter()
                .map(|m| {
                    let items = groups[&m]
                        .iter()
                        .map(|c| change_item(c, nf, of, lang))
                        .collect_view();
                    let heading = match &m {
                        Some(id) => {
                            let href = format!("/tiltak/{id}{}", query.get_untracked());
                            view! { <h4><a href=href>{name_in(nf, of, id, lang)}</a></h4> }
                                .into_any()
                        }
                        None => view! { <h4>{t(lang, K::CatDecisions)}</h4> }.into_any(),
                    };
                    view! {
                        <article class="change-group" data-measure=m.clone().unwrap_or_default()>
                            {heading}
                            <ul>{items}</ul>
                        </article>
                    }
                })
                .collect_view()
                .into_any()
        };

        Some(
            view! {
                <p class="compared">
                    {t(lang, K::ComparedWith)} " "
                    <strong>{of.meta.version_label.get(lang).to_string()}</strong>
                    " (" <time datetime=of.meta.published.clone()>{format_date(&of.meta.published, lang)}</time> ") → "
                    <strong>{nf.meta.version_label.get(lang).to_string()}</strong>
                    " (" <time datetime=nf.meta.published.clone()>{format_date(&nf.meta.published, lang)}</time> ")"
                </p>
                <p class="hint">{t(lang, K::ChangesNote)}</p>
                {chips}
                {top}
                <section class="all-changes" aria-labelledby="all-changes-h">
                    <h3 id="all-changes-h">{t(lang, K::AllChanges)}</h3>
                    {list}
                </section>
            }
            .into_any(),
        )
    };

    view! {
        <section class="changes" aria-labelledby="changes-title">
            <h2 id="changes-title">{move || t(lang.get(), K::ChangesTitle)}</h2>
            {body}
            <FilePicker/>
        </section>
    }
}

/// A measure's own changes, for its detail panel (nothing unless a comparison is loaded).
#[component]
pub fn MeasureChanges(id: String) -> impl IntoView {
    let Ctx { feed, lang } = use_ctx();
    let cmp = use_context::<Compare>();
    move || {
        let cmp = cmp?;
        let d = cmp.diff.get()?;
        let new = feed.get()?;
        let old = cmp.previous.get()?.ok()?;
        let lang = lang.get();
        let items: Vec<_> = d
            .for_measure(&id)
            .map(|c| change_item(c, &new.feed, &old.feed, lang))
            .collect();
        if items.is_empty() {
            return None;
        }
        Some(view! {
            <section class="detail-section measure-changes">
                <h3>{t(lang, K::ChangedSincePrevious)}
                    " (" {old.feed.meta.version_label.get(lang).to_string()} ")"</h3>
                <ul class="change-list">{items}</ul>
            </section>
        })
    }
}
