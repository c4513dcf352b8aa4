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
use veikart_domain::timeline::{
    self, approx_text_width, place_labels, LayoutItem, RowLayout, Scale, Zoom, AXIS_H, BAR_H,
    BAR_TOP, LABEL_BASELINES, LABEL_FONT_PX, LANE_H, MARKER_CY, ROW_H,
};
use veikart_domain::Lang;

use crate::app::{current_query, selected_from_path, use_ctx, Ctx, QueryWriter};
use crate::components::cards::Cards;
use crate::components::filters::{use_filter, FilterBar};
use crate::components::table::RoadmapTable;
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

/// The fallback language of a lane heading's feed text, if it is not `lang`.
pub fn lane_lang(feed: &Feed, lane: &Lane, lang: Lang) -> Option<&'static str> {
    match (&lane.kind, lane.source_index) {
        (LaneKind::Goal { .. }, Some(g)) => {
            crate::components::detail::fallback_lang(&feed.goals[g].name, lang)
        }
        (LaneKind::Actor, Some(a)) => {
            crate::components::detail::fallback_lang(&feed.actors[a].name, lang)
        }
        _ => None,
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
    let (open_q, _) = query_signal::<String>("apne");
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
    // Width left for the time axis: the section's width minus the sticky label column (read
    // from the CSS variable, so the stylesheet stays the one place that sets it). Re-read on
    // resize; the scale then fits the years into it.
    let section_ref = NodeRef::<leptos::html::Section>::new();
    let axis_width = RwSignal::new(0.0f64);
    let measure_width = move || {
        let Some(el) = section_ref.get_untracked() else {
            return;
        };
        let label_w = window()
            .get_computed_style(&el)
            .ok()
            .flatten()
            .and_then(|cs| cs.get_property_value("--label-w").ok())
            .and_then(|v| v.trim().trim_end_matches("px").parse::<f64>().ok())
            .unwrap_or(360.0);
        let w = (f64::from(el.client_width()) - label_w - 2.0).max(0.0);
        if (w - axis_width.get_untracked()).abs() >= 1.0 {
            axis_width.set(w);
        }
    };
    // Measured when the section gets (or changes) its size — it may be mounted before it is in
    // the document (inside a Transition), when its width is still 0 — and on window resize.
    Effect::new(move |_| {
        use wasm_bindgen::JsCast;
        let Some(el) = section_ref.get() else {
            return;
        };
        measure_width();
        let cb = wasm_bindgen::closure::Closure::<dyn Fn()>::new(measure_width);
        if let Ok(ro) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) {
            ro.observe(&el);
            let ro = StoredValue::new_local(ro);
            on_cleanup(move || ro.with_value(|r| r.disconnect()));
        }
        cb.forget();
    });
    // Layout: timeline or list; the list is the default on narrow screens.
    let narrow_now = || {
        window()
            .match_media("(max-width: 768px)")
            .ok()
            .flatten()
            .is_some_and(|m| m.matches())
    };
    let narrow = RwSignal::new(narrow_now());
    let (layout_q, set_layout_q) = query_signal::<String>("oppsett");
    // 0 = timeline, 1 = list, 2 = table
    let layout_kind = Signal::derive(move || match layout_q.get().as_deref() {
        Some("liste") => 1u8,
        Some("tabell") => 2,
        Some("tidslinje") => 0,
        _ => u8::from(narrow.get()),
    });
    let list_layout = Signal::derive(move || layout_kind.get() != 0);
    let set_layout = move |kind: u8| {
        let default = u8::from(narrow.get_untracked());
        set_layout_q.set((kind != default).then(|| {
            match kind {
                1 => "liste",
                2 => "tabell",
                _ => "tidslinje",
            }
            .to_string()
        }));
    };
    let resize = window_event_listener(leptos::ev::resize, move |_| {
        measure_width();
        let n = narrow_now();
        if n != narrow.get_untracked() {
            narrow.set(n);
        }
    });
    on_cleanup(move || resize.remove());

    // Filtering: the search index is built once per feed; the result once per filter change.
    let filter = use_filter();
    let index = Memo::new(move |_| {
        feed.with(|l| {
            l.as_ref()
                .map(|l| Arc::new(veikart_domain::filter::Index::new(&l.feed)))
        })
    });
    let result = Memo::new(move |_| {
        let loaded = feed.get()?;
        let index = index.get()?;
        Some(Arc::new(filter.with(|flt| {
            veikart_domain::filter::apply(&loaded.feed, &index, flt)
        })))
    });

    // Open rows: those the user opened (`apne`) and those a filter opens to show a matching
    // sub-measure, minus those the user closed (`lukk`).
    let (closed_q, _) = query_signal::<String>("lukk");
    let forced = Memo::new(move |_| {
        let (Some(loaded), Some(res)) = (feed.get(), result.get()) else {
            return BTreeSet::new();
        };
        res.opened_for_matches
            .iter()
            .map(|&i| loaded.feed.measures[i].id.clone())
            .collect::<BTreeSet<String>>()
    });
    let expanded = Signal::derive(move || {
        let closed = split_ids(closed_q.get());
        let mut open = split_ids(open_q.get());
        open.extend(forced.get());
        open.retain(|id| !closed.contains(id));
        open
    });
    let writer = QueryWriter::new();
    let toggle = move |id: String| {
        let mut open = split_ids(open_q.get_untracked());
        let mut closed = split_ids(closed_q.get_untracked());
        if expanded.with_untracked(|e| e.contains(&id)) {
            open.remove(&id);
            if forced.with_untracked(|f| f.contains(&id)) {
                closed.insert(id);
            }
        } else {
            closed.remove(&id);
            open.insert(id);
        }
        let join = |s: BTreeSet<String>| Some(s.into_iter().collect::<Vec<_>>().join(","));
        writer.set([("apne", join(open)), ("lukk", join(closed))], false);
    };

    // issue 9: the year range parses every date, so it is computed once per feed.
    let years = Memo::new(move |_| feed.get().map(|l| timeline::year_range(&l.feed, today())));
    let model = Memo::new(move |_| {
        let loaded = feed.get()?;
        let f = &loaded.feed;
        let res = result.get()?;
        let filtering = !filter.with(|f| f.is_empty());
        let lanes = lanes(f, grouping.get(), &res.visible);
        let mut kids = children(f);
        if filtering {
            let visible: BTreeSet<usize> = res.visible.iter().copied().collect();
            for k in kids.values_mut() {
                k.retain(|i| visible.contains(i));
            }
            kids.retain(|_, k| !k.is_empty());
        }
        let open = expanded.get();
        let layout = RowLayout::new(f, &lanes, &kids, &|id| open.contains(id));
        let (first, last) = years.get()?;
        let scale = Scale::new(first, last, zoom.get()).fit(axis_width.get());
        Some(Arc::new(ViewModel {
            loaded: loaded.clone(),
            lanes,
            layout,
            scale,
        }))
    });

    // issue 9: the viewport over the rows (top, below the axis; height), for row virtualisation.
    let view_win = RwSignal::new((0.0, 900.0));
    let measure_view = move || {
        if let Some(el) = document()
            .query_selector(".roadmap .timeline")
            .ok()
            .flatten()
        {
            let top = -el.get_bounding_client_rect().top() - AXIS_H;
            let h = window()
                .inner_height()
                .ok()
                .and_then(|v| v.as_f64())
                .unwrap_or(900.0);
            if view_win.get_untracked() != (top, h) {
                view_win.set((top, h));
            }
        }
    };
    let on_scroll = window_event_listener(leptos::ev::scroll, move |_| measure_view());
    let on_resize = window_event_listener(leptos::ev::resize, move |_| measure_view());
    on_cleanup(move || {
        on_scroll.remove();
        on_resize.remove();
    });
    Effect::new(move |_| {
        model.track();
        request_animation_frame(measure_view);
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

    // Exports of exactly what is shown: the same lanes, rows, scale and filter.
    let export_svg = move || {
        let vm = model.get_untracked()?;
        let lang = lang.get_untracked();
        let f = &vm.loaded.feed;
        let g = grouping.get_untracked();
        let titles: Vec<String> = vm.lanes.iter().map(|l| lane_title(f, l, g, lang)).collect();
        let svg = veikart_domain::export::timeline_svg(
            f,
            &titles,
            &vm.layout,
            &vm.scale,
            today(),
            &format!("{} – {}", t(lang, K::AppTitle), t(lang, K::AppSubtitle)),
            lang,
        );
        let (w, h) = veikart_domain::export::timeline_image_size(&vm.layout, &vm.scale);
        Some((svg, w, h))
    };
    let file_stem = move || {
        feed.with_untracked(|l| {
            l.as_ref()
                .map(|l| format!("veikart-{}", l.feed.meta.published))
                .unwrap_or_else(|| "veikart".into())
        })
    };
    let on_svg = move |_| {
        if let Some((svg, _, _)) = export_svg() {
            let _ = crate::download::save_text(
                &svg,
                "image/svg+xml;charset=utf-8",
                &format!("{}.svg", file_stem()),
            );
        }
    };
    let on_png = move |_| {
        if let Some((svg, w, h)) = export_svg() {
            let _ = crate::download::save_png(&svg, w, h, 2.0, &format!("{}.png", file_stem()));
        }
    };
    let on_csv = move |_| {
        let (Some(loaded), Some(res)) = (feed.get_untracked(), result.get_untracked()) else {
            return;
        };
        let csv = veikart_domain::export::csv(&loaded.feed, &res.matched, lang.get_untracked());
        let _ = crate::download::save_text(
            &csv,
            "text/csv;charset=utf-8",
            &format!("{}.csv", file_stem()),
        );
    };
    let on_print = move |_| {
        let _ = window().print();
    };

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
        <section class="roadmap" aria-labelledby="roadmap-title" node_ref=section_ref>
            <h2 id="roadmap-title" class="visually-hidden">{move || t(lang.get(), K::Measures)}</h2>
            <FilterBar filter result/>
            <div class="toolbar">
                <div class="seg" role="group" aria-label=move || t(lang.get(), K::Layout)>
                    <span class="seg-label" aria-hidden="true">{move || t(lang.get(), K::Layout)}</span>
                    <button type="button" aria-pressed=move || (layout_kind.get() == 0).to_string()
                        on:click=move |_| set_layout(0)>{move || t(lang.get(), K::LayoutTimeline)}</button>
                    <button type="button" aria-pressed=move || (layout_kind.get() == 1).to_string()
                        on:click=move |_| set_layout(1)>{move || t(lang.get(), K::LayoutList)}</button>
                    <button type="button" aria-pressed=move || (layout_kind.get() == 2).to_string()
                        on:click=move |_| set_layout(2)>{move || t(lang.get(), K::LayoutTable)}</button>
                </div>
                <div class="seg" role="group" aria-label=move || t(lang.get(), K::GroupBy)>
                    <span class="seg-label" aria-hidden="true">{move || t(lang.get(), K::GroupBy)}</span>
                    {group_select}
                </div>
                <Show when=move || !list_layout.get()>
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
                </Show>
                <div class="seg export" role="group" aria-label=move || t(lang.get(), K::Export)>
                    <span class="seg-label" aria-hidden="true">{move || t(lang.get(), K::Export)}</span>
                    <button type="button" on:click=on_svg>{move || t(lang.get(), K::ExportSvg)}</button>
                    <button type="button" on:click=on_png>{move || t(lang.get(), K::ExportPng)}</button>
                    <button type="button" on:click=on_csv>{move || t(lang.get(), K::ExportCsv)}</button>
                    <button type="button" on:click=on_print>{move || t(lang.get(), K::Print)}</button>
                </div>
            </div>
            <Show when=move || !list_layout.get()><Legend/></Show>
            {move || model.get().map(|vm| match layout_kind.get() {
                1 => view! { <Cards vm grouping=grouping.get() expanded toggle/> }.into_any(),
                2 => view! { <RoadmapTable vm grouping=grouping.get()/> }.into_any(),
                _ => view! { <Timeline vm grouping=grouping.get() show_arrows=show_arrows selected expanded toggle view_win/> }.into_any(),
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

#[component]
fn Timeline(
    vm: Arc<ViewModel>,
    grouping: Grouping,
    show_arrows: Signal<bool>,
    selected: Signal<Option<String>>,
    expanded: Signal<BTreeSet<String>>,
    toggle: impl Fn(String) + Copy + Send + Sync + 'static,
    view_win: RwSignal<(f64, f64)>,
) -> impl IntoView {
    let Ctx { lang, .. } = use_ctx();
    let lang_now = lang.get_untracked();
    let query = current_query();
    let f = &vm.loaded.feed;
    let scale = vm.scale;
    let width = scale.width();
    let height = vm.layout.height;
    // Ids related to the selected measure (both directions), for highlighting. The graph is
    // built only while a measure is selected (issue 9: not on every regroup or zoom change).
    let related = {
        let vm = vm.clone();
        Memo::new(move |_| {
            selected.get().map(|id| {
                let graph = veikart_domain::graph::DepGraph::from_feed(&vm.loaded.feed);
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

    // issue 9: rows are drawn per layout item, only for the window near the viewport
    // (`RowLayout::window`; small layouts are drawn whole).
    let range = {
        let vm = vm.clone();
        Memo::new(move |_| {
            let (top, h) = view_win.get();
            vm.layout.window(top, h)
        })
    };
    let pad = {
        let vm = vm.clone();
        move |after: bool| {
            let r = range.get();
            let px = if after {
                vm.layout.height - vm.layout.y_of(r.end)
            } else {
                vm.layout.y_of(r.start)
            };
            format!("{px}px")
        }
    };
    let label_vm = vm.clone();
    let label_for = move |i: usize| -> AnyView {
        let f = &label_vm.loaded.feed;
        match &label_vm.layout.items[i] {
            LayoutItem::LaneHeader { lane, .. } => {
                let title = lane_title(f, &label_vm.lanes[*lane], grouping, lang_now);
                let title_lang = lane_lang(f, &label_vm.lanes[*lane], lang_now);
                let count = label_vm.lanes[*lane].rows.len();
                view! {
                    <div class="lane-head" style:height=format!("{LANE_H}px")>
                        <h3 lang=title_lang>{title}</h3>
                        <span class="count">{format!("{count} {}", t(lang_now, K::Measures).to_lowercase())}</span>
                    </div>
                }
                .into_any()
            }
            LayoutItem::Row {
                measure,
                depth,
                has_children,
                ..
            } => row_label(
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
            ),
        }
    };
    let track_vm = vm.clone();
    let track_for = move |i: usize| -> AnyView {
        let f = &track_vm.loaded.feed;
        let phase_index = |id: &str| f.phases.iter().position(|p| p.id == id);
        match &track_vm.layout.items[i] {
            LayoutItem::LaneHeader { y, .. } => {
                view! { <rect x=0 y=AXIS_H + y width=width height=LANE_H class="lane-band"/> }
                    .into_any()
            }
            LayoutItem::Row { measure, y, .. } => {
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
                                <rect x=b.x y=top + BAR_TOP width=b.w height=BAR_H rx=4 fill=ph.color.clone()/>
                                {(pat != "none").then(|| view! {
                                    <rect x=b.x y=top + BAR_TOP width=b.w height=BAR_H rx=4 fill=format!("url(#pat-{})", ph.id)/>
                                })}
                                <title>{format!("{name}: {when}")}</title>
                            </g>
                        }
                    })
                    .collect_view();
                let marks = timeline::markers(m, &scale);
                let whens: Vec<String> = marks
                    .iter()
                    .map(|mk| {
                        let ms = &m.milestones[mk.index];
                        crate::format::format_qualified(ms.qualifier, &ms.date, lang_now)
                    })
                    .collect();
                let slots = place_labels(
                    &marks
                        .iter()
                        .zip(&whens)
                        .map(|(mk, w)| {
                            let extra = if mk.point { 9.0 } else { 8.0 };
                            (
                                mk.x,
                                mk.w.max(6.0) + extra,
                                approx_text_width(w, LABEL_FONT_PX),
                            )
                        })
                        .collect::<Vec<_>>(),
                    width,
                );
                let mid = id.clone();
                let markers = marks
                    .into_iter()
                    .zip(whens)
                    .zip(slots)
                    .map(|((mk, when), slot)| {
                        let ms = &m.milestones[mk.index];
                        let title = format!("{} — {when}", ms.title.get(lang_now));
                        let title_aria = title.clone();
                        let cy = top + MARKER_CY;
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
                        let label = slot.map(|sl| view! {
                            <text x=sl.x y=top + LABEL_BASELINES[sl.line] class="ms-label" aria-hidden="true">{when.clone()}</text>
                        });
                        view! {
                            <g class="milestone" tabindex="-1" role="img" aria-label=title_aria data-measure=mid.clone()>
                                {ghost}{shape}{q_mark}
                                {label}
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
                .into_any()
            }
        }
    };

    let arrows = {
        let vm = vm.clone();
        move || {
            show_arrows.get().then(|| {
                let band = vm.layout.band(range.get());
                timeline::arrows(&vm.loaded.feed, &vm.layout, &vm.scale, band)
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
        <p id="tl-keys" class="visually-hidden">{t(lang_now, K::TimelineKeys)}</p>
        <div class="timeline" role="region" tabindex="0" aria-label=move || t(lang.get(), K::Measures)
            aria-describedby="tl-keys" on:keydown=timeline_keys>
            <div class="tl-inner" style:width=format!("calc(var(--label-w) + {width}px)")>
                <div class="tl-labels">
                    <div class="tl-corner" style:height=format!("{AXIS_H}px")>{t(lang_now, K::Measures)}</div>
                    <div class="tl-spacer" style:height={let pad = pad.clone(); move || pad(false)}></div>
                    <For each=move || range.get() key=|i| *i children=label_for/>
                    <div class="tl-spacer" style:height=move || pad(true)></div>
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
                    <g class="tracks"><For each=move || range.get() key=|i| *i children=track_for/></g>
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

/// Arrow keys inside the timeline: up/down between measures, Home/End to the first/last, right
/// into a measure's milestones (left/right between them, left from the first back to the
/// measure). Tab leaves the timeline as usual; every milestone is reachable without a mouse.
fn timeline_keys(ev: leptos::ev::KeyboardEvent) {
    use wasm_bindgen::JsCast;
    let key = ev.key();
    if !matches!(
        key.as_str(),
        "ArrowUp" | "ArrowDown" | "ArrowLeft" | "ArrowRight" | "Home" | "End"
    ) {
        return;
    }
    let Some(target) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return;
    };
    let Some(root) = target.closest(".timeline").ok().flatten() else {
        return;
    };
    // Elements, not HtmlElements: the milestones are SVG. `focus()` is called dynamically.
    let all = |sel: &str| -> Vec<web_sys::Element> {
        let Ok(list) = root.query_selector_all(sel) else {
            return vec![];
        };
        (0..list.length())
            .filter_map(|i| {
                list.item(i)
                    .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
            })
            .collect()
    };
    let focus = |el: Option<&web_sys::Element>| {
        if let Some(el) = el {
            let _ = el.unchecked_ref::<web_sys::HtmlElement>().focus();
        }
    };
    let links = all(".row-label .measure-link");
    let measure_of = |el: &web_sys::Element| -> Option<String> {
        el.closest("[data-measure]")
            .ok()
            .flatten()?
            .get_attribute("data-measure")
    };
    let link_index = |id: &str| {
        links.iter().position(|l| {
            l.closest("[data-measure]")
                .ok()
                .flatten()
                .and_then(|r| r.get_attribute("data-measure"))
                .as_deref()
                == Some(id)
        })
    };
    let on_link = target.class_list().contains("measure-link");
    let on_milestone = target.class_list().contains("milestone");
    if !on_link && !on_milestone {
        return;
    }
    let Some(id) = measure_of(&target) else {
        return;
    };
    let Some(li) = link_index(&id) else {
        return;
    };
    let row_ms: Vec<web_sys::Element> = all("g.milestone")
        .into_iter()
        .filter(|e| e.get_attribute("data-measure").as_deref() == Some(id.as_str()))
        .collect();
    let mi = row_ms.iter().position(|e| e == &target);
    ev.prevent_default();
    match (key.as_str(), on_link) {
        ("ArrowDown", _) => focus(links.get(li + 1)),
        ("ArrowUp", _) => focus(li.checked_sub(1).and_then(|i| links.get(i))),
        ("Home", _) => focus(links.first()),
        ("End", _) => focus(links.last()),
        ("ArrowRight", true) => focus(row_ms.first()),
        ("ArrowRight", false) => focus(mi.and_then(|i| row_ms.get(i + 1))),
        ("ArrowLeft", false) => match mi {
            Some(0) | None => focus(links.get(li)),
            Some(i) => focus(row_ms.get(i - 1)),
        },
        _ => {}
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
    let name_lang = crate::components::detail::fallback_lang(&m.name, lang);
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
                <span class="name" lang=name_lang>{name}</span>
            </a>
            {status}
        </div>
    }
    .into_any()
}
