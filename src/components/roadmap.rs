//! The main view: lanes by goal (or owner, user group, priority), a row per measure, phase bars,
//! milestone markers, the today line and dependency arrows. Everything it draws is computed by
//! `veikart_domain`; this file only binds it to the DOM.

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::hooks::{query_signal, use_location};
use veikart_domain::date::Ymd;
use veikart_domain::model::{Feed, Qualifier};
use veikart_domain::roadmap::{self, children, lanes, Grouping, Lane, LaneKind};
use veikart_domain::timeline::{self, LayoutItem, RowLayout, Scale, Zoom, AXIS_H, LANE_H, ROW_H};
use veikart_domain::Lang;

use crate::app::{current_query, selected_from_path, use_ctx, Ctx};
use crate::format::{format_date, lifecycle_label, rag_label};
use crate::i18n::{t, K};

/// Today's date from the browser clock.
pub fn today() -> Ymd {
    let d = js_sys::Date::new_0();
    Ymd {
        y: d.get_full_year() as i32,
        m: d.get_month() + 1,
        d: d.get_date(),
    }
}

/// Heading text of a lane.
pub fn lane_title(feed: &Feed, lane: &Lane, grouping: Grouping, lang: Lang) -> String {
    match (&lane.kind, lane.source_index) {
        (LaneKind::Goal { number }, Some(g)) => {
            format!(
                "{} {number} – {}",
                t(lang, K::Goal),
                feed.goals[g].name.get(lang)
            )
        }
        (LaneKind::Actor, Some(a)) => feed.actors[a].name.get(lang).to_string(),
        (LaneKind::Prioritised, _) => t(lang, K::PrioritisedLane).to_string(),
        _ => t(
            lang,
            match grouping {
                Grouping::Goal => K::NoGoalLane,
                Grouping::Owner => K::NoOwnerLane,
                Grouping::ActorGroup => K::NoGroupLane,
                Grouping::Priority => K::OtherMeasuresLane,
            },
        )
        .to_string(),
    }
}

fn split_ids(s: Option<String>) -> BTreeSet<String> {
    s.unwrap_or_default()
        .split(',')
        .filter(|x| !x.is_empty())
        .map(String::from)
        .collect()
}

#[component]
pub fn RoadmapView() -> impl IntoView {
    let Ctx { feed, lang } = use_ctx();
    let (group_q, set_group_q) = query_signal::<String>("gruppering");
    let (zoom_q, set_zoom_q) = query_signal::<String>("zoom");
    let (arrows_q, set_arrows_q) = query_signal::<String>("piler");
    let (open_q, set_open_q) = query_signal::<String>("apne");
    let location = use_location();
    let selected = Signal::derive(move || selected_from_path(&location.pathname.get()));

    let grouping = Signal::derive(move || {
        group_q
            .get()
            .and_then(|g| Grouping::from_key(&g))
            .unwrap_or_default()
    });
    let zoom = Signal::derive(move || {
        zoom_q
            .get()
            .and_then(|z| Zoom::from_key(&z))
            .unwrap_or_default()
    });
    let show_arrows = Signal::derive(move || arrows_q.get().as_deref() == Some("1"));
    let expanded = Signal::derive(move || split_ids(open_q.get()));
    let toggle = move |id: String| {
        let mut set = expanded.get_untracked();
        if !set.remove(&id) {
            set.insert(id);
        }
        let v = set.into_iter().collect::<Vec<_>>().join(",");
        set_open_q.set((!v.is_empty()).then_some(v));
    };

    let model = Memo::new(move |_| {
        let loaded = feed.get()?;
        let f = &loaded.feed;
        let all: Vec<usize> = (0..f.measures.len()).collect();
        let lanes = lanes(f, grouping.get(), &all);
        let kids = children(f);
        let open = expanded.get();
        let layout = RowLayout::new(f, &lanes, &kids, &|id| open.contains(id));
        let scale = Scale::for_feed(f, today(), zoom.get());
        Some(Arc::new(ViewModel {
            loaded: loaded.clone(),
            lanes,
            layout,
            scale,
        }))
    });

    // Mark the first roadmap paint for the benchmark (once, after the browser has painted).
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || model.with(|m| m.is_none()) {
            return done.unwrap_or(false);
        }
        request_animation_frame(|| {
            if let Some(p) = window().performance() {
                let _ = p.mark("veikart:first-roadmap-paint");
            }
        });
        true
    });

    let group_select = move || {
        let lang = lang.get();
        let g = grouping.get();
        Grouping::ALL
            .into_iter()
            .map(|opt| {
                let label = t(
                    lang,
                    match opt {
                        Grouping::Goal => K::ByGoal,
                        Grouping::Owner => K::ByOwner,
                        Grouping::ActorGroup => K::ByActorGroup,
                        Grouping::Priority => K::ByPriority,
                    },
                );
                view! {
                    <button
                        type="button"
                        aria-pressed=(g == opt).to_string()
                        on:click=move |_| set_group_q.set((opt != Grouping::Goal).then(|| opt.key().to_string()))
                    >
                        {label}
                    </button>
                }
            })
            .collect_view()
    };

    view! {
        <section class="roadmap" aria-labelledby="roadmap-title">
            <h2 id="roadmap-title" class="visually-hidden">{move || t(lang.get(), K::Measures)}</h2>
            <div class="toolbar">
                <div class="seg" role="group" aria-label=move || t(lang.get(), K::GroupBy)>
                    <span class="seg-label" aria-hidden="true">{move || t(lang.get(), K::GroupBy)}</span>
                    {group_select}
                </div>
                <div class="seg" role="group" aria-label=move || t(lang.get(), K::Zoom)>
                    <span class="seg-label" aria-hidden="true">{move || t(lang.get(), K::Zoom)}</span>
                    <button type="button" aria-pressed=move || (zoom.get() == Zoom::Years).to_string()
                        on:click=move |_| set_zoom_q.set(None)>{move || t(lang.get(), K::ZoomYears)}</button>
                    <button type="button" aria-pressed=move || (zoom.get() == Zoom::Quarters).to_string()
                        on:click=move |_| set_zoom_q.set(Some(Zoom::Quarters.key().into()))>{move || t(lang.get(), K::ZoomQuarters)}</button>
                </div>
                <label class="check">
                    <input type="checkbox" prop:checked=show_arrows
                        on:change=move |ev| set_arrows_q.set(event_target_checked(&ev).then(|| "1".to_string()))/>
                    {move || t(lang.get(), K::ShowArrows)}
                </label>
            </div>
            <Legend/>
            {move || model.get().map(|vm| view! {
                <Timeline vm grouping=grouping.get() show_arrows=show_arrows selected expanded toggle/>
            })}
        </section>
    }
}

/// Everything the timeline draws, computed once per change of feed, grouping, zoom or expansion.
pub struct ViewModel {
    pub loaded: Arc<veikart_domain::Loaded>,
    pub lanes: Vec<Lane>,
    pub layout: RowLayout,
    pub scale: Scale,
}

impl PartialEq for ViewModel {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.loaded, &other.loaded)
            && self.lanes == other.lanes
            && self.layout == other.layout
            && self.scale == other.scale
    }
}

#[component]
fn Legend() -> impl IntoView {
    let Ctx { feed, lang } = use_ctx();
    move || {
        let lang = lang.get();
        feed.get().map(|l| {
            let phases = l
                .feed
                .phases
                .iter()
                .map(|p| {
                    let name = p.name.get(lang).to_string();
                    let id = p.id.clone();
                    view! {
                        <li>
                            <svg width="28" height="14" aria-hidden="true">
                                <rect width="28" height="14" rx="3" fill=p.color.clone()/>
                                <rect width="28" height="14" rx="3" fill=format!("url(#pat-{id})")/>
                            </svg>
                            {name}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <details class="legend" open>
                    <summary>{t(lang, K::Legend)}</summary>
                    <ul>
                        {phases}
                        <li>
                            <svg width="16" height="16" aria-hidden="true"><path d="M8 1 L15 8 L8 15 L1 8 Z" class="ms-point"/></svg>
                            {t(lang, K::MilestonePoint)}
                        </li>
                        <li>
                            <svg width="28" height="16" aria-hidden="true"><rect x="1" y="3" width="26" height="10" rx="5" class="ms-span"/></svg>
                            {t(lang, K::MilestoneSpan)}
                        </li>
                        <li><span class="swatch plan" aria-hidden="true"></span>{t(lang, K::PlanPeriod)}</li>
                        <li><span class="swatch today" aria-hidden="true"></span>{t(lang, K::Today)}</li>
                    </ul>
                </details>
            }
        })
    }
}

/// Pattern per phase index, so phases differ by more than colour.
const PATTERNS: [&str; 6] = ["none", "diag", "dots", "cross", "vert", "horiz"];

fn qualifier_prefix(q: Option<Qualifier>, lang: Lang) -> String {
    q.map(|q| format!("{} ", veikart_domain::date::qualifier_label(q, lang)))
        .unwrap_or_default()
}

#[component]
fn Timeline(
    vm: Arc<ViewModel>,
    grouping: Grouping,
    show_arrows: Signal<bool>,
    selected: Signal<Option<String>>,
    expanded: Signal<BTreeSet<String>>,
    toggle: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let Ctx { lang, .. } = use_ctx();
    let lang_now = lang.get_untracked();
    let query = current_query();
    let f = &vm.loaded.feed;
    let scale = vm.scale;
    let width = scale.width();
    let height = vm.layout.height;
    let graph = veikart_domain::graph::DepGraph::from_feed(f);

    // Ids related to the selected measure (both directions), for highlighting.
    let related = {
        let graph = graph.clone();
        Memo::new(move |_| {
            selected.get().map(|id| {
                let mut s = graph.upstream(&id);
                s.extend(graph.downstream(&id));
                s
            })
        })
    };

    // Axis: years, and quarters when zoomed in.
    let years = scale
        .years()
        .into_iter()
        .map(|(y, x, w)| {
            view! {
                <g class="year">
                    <line x1=x y1=0 x2=x y2=AXIS_H + height class="grid-year"/>
                    <text x=x + w / 2.0 y=20 text-anchor="middle" class="axis-year">{y}</text>
                </g>
            }
        })
        .collect_view();
    let quarters = (scale.px_per_year > 200.0).then(|| {
        scale
            .quarters()
            .into_iter()
            .map(|(_, q, x, w)| {
                view! {
                    <g class="quarter">
                        {(q > 1).then(|| view! { <line x1=x y1=28 x2=x y2=AXIS_H + height class="grid-quarter"/> })}
                        <text x=x + w / 2.0 y=42 text-anchor="middle" class="axis-q">{format!("K{q}")}</text>
                    </g>
                }
            })
            .collect_view()
    });
    let plan = f.meta.plan_period.and_then(|pp| {
        let s = veikart_domain::date::DateSpan::parse(&format!("{}/{}", pp.start, pp.end)).ok()?;
        let (x, w) = scale.span(&s);
        Some(view! {
            <rect x=x y=AXIS_H width=w height=height class="plan-period">
                <title>{format!("{} {}–{}", t(lang_now, K::PlanPeriod), pp.start, pp.end)}</title>
            </rect>
        })
    });
    let today_x = scale.x(today().day_number());

    let phase_index = |id: &str| f.phases.iter().position(|p| p.id == id);
    let mut tracks = Vec::new();
    let mut labels = Vec::new();
    for item in &vm.layout.items {
        match item {
            LayoutItem::LaneHeader { lane, y } => {
                let title = lane_title(f, &vm.lanes[*lane], grouping, lang_now);
                let count = vm.lanes[*lane].rows.len();
                tracks.push(
                    view! { <rect x=0 y=AXIS_H + y width=width height=LANE_H class="lane-band"/> }
                        .into_any(),
                );
                labels.push(
                    view! {
                        <div class="lane-head" style:height=format!("{LANE_H}px")>
                            <h3>{title}</h3>
                            <span class="count">{format!("{count} {}", t(lang_now, K::Measures).to_lowercase())}</span>
                        </div>
                    }
                    .into_any(),
                );
            }
            LayoutItem::Row {
                measure,
                depth,
                y,
                has_children,
                ..
            } => {
                let m = &f.measures[*measure];
                let id = m.id.clone();
                let top = AXIS_H + y;
                let bars = timeline::bars(m, &scale)
                    .into_iter()
                    .map(|b| {
                        let pi = phase_index(&b.phase).unwrap_or(0);
                        let ph = &f.phases[pi.min(f.phases.len().saturating_sub(1))];
                        let name = ph.name.get(lang_now).to_string();
                        let period = &m.phases[b.index];
                        let when = format!(
                            "{} – {}",
                            format_date(&period.start, lang_now),
                            period.end.as_deref().map(|e| format_date(e, lang_now)).unwrap_or_else(|| "…".into())
                        );
                        let pat = PATTERNS[pi % PATTERNS.len()];
                        let class = format!(
                            "bar{}{}{}",
                            if b.open_end { " open-end" } else { "" },
                            if b.fuzzy_start { " fuzzy-start" } else { "" },
                            if b.fuzzy_end { " fuzzy-end" } else { "" }
                        );
                        view! {
                            <g class=class>
                                <rect x=b.x y=top + 12.0 width=b.w height=ROW_H - 24.0 rx=4 fill=ph.color.clone()/>
                                {(pat != "none").then(|| view! {
                                    <rect x=b.x y=top + 12.0 width=b.w height=ROW_H - 24.0 rx=4 fill=format!("url(#pat-{})", ph.id)/>
                                })}
                                <title>{format!("{name}: {when}")}</title>
                            </g>
                        }
                    })
                    .collect_view();
                let markers = timeline::markers(m, &scale)
                    .into_iter()
                    .map(|mk| {
                        let ms = &m.milestones[mk.index];
                        let when = format!("{}{}", qualifier_prefix(ms.qualifier, lang_now), format_date(&ms.date, lang_now));
                        let title = format!("{} — {when}", ms.title.get(lang_now));
                        let title_aria = title.clone();
                        let cy = top + ROW_H / 2.0;
                        let shape = if mk.point {
                            let x = mk.x;
                            view! { <path d=format!("M{x},{} L{},{cy} L{x},{} L{},{cy} Z", cy - 9.0, x + 9.0, cy + 9.0, x - 9.0) class="ms-point"/> }.into_any()
                        } else {
                            view! { <rect x=mk.x y=cy - 7.0 width=mk.w.max(6.0) height=14 rx=7 class="ms-span"/> }.into_any()
                        };
                        let ghost = mk.original.map(|(ox, ow)| view! {
                            <rect x=ox y=cy - 7.0 width=ow.max(6.0) height=14 rx=7 class="ms-original"/>
                        });
                        let q_mark = match ms.qualifier {
                            Some(Qualifier::Earliest | Qualifier::From) => Some(view! {
                                <path d=format!("M{},{} l8,-6 v12 Z", mk.x + mk.w.max(6.0), cy) class="ms-qual"/>
                            }.into_any()),
                            Some(Qualifier::By) => Some(view! {
                                <path d=format!("M{},{} l-8,-6 v12 Z", mk.x, cy) class="ms-qual"/>
                            }.into_any()),
                            _ => None,
                        };
                        let label_x = mk.x + mk.w.max(6.0) + if mk.point { 12.0 } else { 4.0 };
                        view! {
                            <g class="milestone" tabindex="0" role="img" aria-label=title_aria>
                                {ghost}{shape}{q_mark}
                                <text x=label_x y=cy + 4.0 class="ms-label">{when.clone()}</text>
                                <title>{title}</title>
                            </g>
                        }
                    })
                    .collect_view();
                let undated = m.phases.is_empty() && m.milestones.is_empty();
                let row_id = id.clone();
                let row_class = move || {
                    let sel = selected.get();
                    let mut c = String::from("row-bg");
                    if sel.as_deref() == Some(row_id.as_str()) {
                        c.push_str(" selected");
                    } else if related.with(|r| r.as_ref().is_some_and(|r| r.contains(&row_id))) {
                        c.push_str(" related");
                    }
                    c
                };
                tracks.push(
                    view! {
                        <g class="row">
                            <rect x=0 y=top width=width height=ROW_H class=row_class/>
                            {undated.then(|| view! {
                                <text x=8 y=top + ROW_H / 2.0 + 4.0 class="no-dates">{t(lang_now, K::NoDates)}</text>
                            })}
                            {crate::components::changes::ghost_layer(id.clone(), top, scale)}
                            {bars}
                            {markers}
                        </g>
                    }
                    .into_any(),
                );
                labels.push(row_label(
                    f,
                    *measure,
                    *depth,
                    *has_children,
                    selected,
                    related,
                    expanded,
                    toggle,
                    query,
                    lang_now,
                ));
            }
        }
    }

    let arrows = {
        let vm = vm.clone();
        move || {
            show_arrows.get().then(|| {
                timeline::arrows(&vm.loaded.feed, &vm.layout, &vm.scale, None)
                    .into_iter()
                    .map(|a| {
                        let d = &vm.loaded.feed.dependencies[a.dependency];
                        let class = if a.critical { "arrow critical" } else { "arrow" };
                        let path = a.path.clone();
                        let title = format!("{} → {}", d.to, d.from);
                        view! {
                            <path d=path transform=format!("translate(0,{AXIS_H})") class=class marker-end="url(#arrowhead)">
                                <title>{title}</title>
                            </path>
                        }
                    })
                    .collect_view()
            })
        }
    };

    let defs_patterns = f
        .phases
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let id = format!("pat-{}", p.id);
            let shape = match PATTERNS[i % PATTERNS.len()] {
                "diag" => "M0,8 L8,0",
                "dots" => "M3,3 h1.5 v1.5 h-1.5 Z",
                "cross" => "M0,4 H8 M4,0 V8",
                "vert" => "M4,0 V8",
                "horiz" => "M0,4 H8",
                _ => "",
            };
            view! {
                <pattern id=id width="8" height="8" patternUnits="userSpaceOnUse">
                    <path d=shape class="pat"/>
                </pattern>
            }
        })
        .collect_view();

    view! {
        <div class="timeline" role="region" tabindex="0" aria-label=move || t(lang.get(), K::Measures)>
            <div class="tl-inner" style:width=format!("calc(var(--label-w) + {width}px)")>
                <div class="tl-labels">
                    <div class="tl-corner" style:height=format!("{AXIS_H}px")>{t(lang_now, K::Measures)}</div>
                    {labels}
                </div>
                <svg class="tl-svg" width=width height=AXIS_H + height role="presentation"
                    viewBox=format!("0 0 {width} {}", AXIS_H + height)>
                    <defs>
                        {defs_patterns}
                        <marker id="arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                            <path d="M0,0 L10,5 L0,10 z" class="arrowhead"/>
                        </marker>
                    </defs>
                    {plan}
                    {tracks}
                    {years}
                    {quarters}
                    <line x1=today_x y1=AXIS_H - 6.0 x2=today_x y2=AXIS_H + height class="today"/>
                    <text x=today_x + 4.0 y=AXIS_H - 8.0 class="today-label">{t(lang_now, K::Today)}</text>
                    {arrows}
                </svg>
            </div>
        </div>
    }
}

#[allow(clippy::too_many_arguments)]
fn row_label(
    f: &Feed,
    measure: usize,
    depth: u8,
    has_children: bool,
    selected: Signal<Option<String>>,
    related: Memo<Option<BTreeSet<String>>>,
    expanded: Signal<BTreeSet<String>>,
    toggle: impl Fn(String) + Copy + Send + Sync + 'static,
    query: Signal<String>,
    lang: Lang,
) -> AnyView {
    let m = &f.measures[measure];
    let id = m.id.clone();
    let name = m.name.get(lang).to_string();
    let code = m.short_name.clone().filter(|c| c != &name);
    let status = roadmap::current_status(m).map(|s| {
        let published = veikart_domain::date::DateSpan::parse(&f.meta.published)
            .map(|d| d.end)
            .ok();
        let stale = published.is_some_and(|p| roadmap::is_stale(s, p, 6));
        let rag = s.rag.map(|r| {
            view! { <span class=format!("rag rag-{}", roadmap::rag_key(r))>{rag_label(r, lang)}</span> }
        });
        view! {
            <span class="status">
                {rag}
                <span class="lifecycle">{lifecycle_label(s.lifecycle, lang)}</span>
                <span class="asof">{format!("{} {}", t(lang, K::StatusAsOf), format_date(&s.as_of, lang))}</span>
                {stale.then(|| view! { <span class="stale">{t(lang, K::Stale)}</span> })}
            </span>
        }
    });
    let priority = m.priority.map(|p| {
        view! { <span class="prio" title=t(lang, K::Priority)>{p}</span> }
    });
    let href_id = id.clone();
    let href = move || format!("/tiltak/{}{}", href_id, query.get());
    let sel_id = id.clone();
    let class = move || {
        let mut c = format!("row-label depth-{depth}");
        if selected.get().as_deref() == Some(sel_id.as_str()) {
            c.push_str(" selected");
        } else if related.with(|r| r.as_ref().is_some_and(|r| r.contains(&sel_id))) {
            c.push_str(" related");
        }
        c
    };
    let toggle_btn = has_children.then(|| {
        let id_a = id.clone();
        let id_b = id.clone();
        let label_name = name.clone();
        let is_open = Signal::derive(move || expanded.with(|e| e.contains(&id_a)));
        view! {
            <button type="button" class="expander"
                aria-expanded=move || is_open.get().to_string()
                aria-label=move || format!("{} {}", t(lang, if is_open.get() { K::Collapse } else { K::Expand }), label_name)
                on:click=move |_| toggle(id_b.clone())>
                <span aria-hidden="true">{move || if is_open.get() { "▾" } else { "▸" }}</span>
            </button>
        }
    });
    view! {
        <div class=class style:height=format!("{ROW_H}px") data-measure=id.clone()>
            {toggle_btn}
            {priority}
            <a href=href class="measure-link">
                {code.map(|c| view! { <span class="code">{c}</span> })}
                <span class="name">{name}</span>
            </a>
            {status}
        </div>
    }
    .into_any()
}
