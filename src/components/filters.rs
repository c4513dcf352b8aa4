//! The filter bar and panel: search, facets with counts, prioritised-only, time window, clear,
//! active-filter chips, the announced result count and "Kopier lenke". The filter itself lives in
//! the URL; this file reads it through `veikart_domain::filter` and writes it back with one
//! navigation per user action.

use std::sync::Arc;

use leptos::prelude::*;
use veikart_domain::filter::{self, Facet, Filter, FilterResult, STATUS_UNKNOWN};
use veikart_domain::model::{ActorKind, Feed};
use veikart_domain::roadmap::{lifecycle_from_key, LIFECYCLES};
use veikart_domain::timeline::measure_spans;
use veikart_domain::Lang;

use crate::app::{use_ctx, Ctx, QueryWriter};
use crate::format::lifecycle_label;
use crate::i18n::{t, K};

/// Reads the filter from the current URL.
pub fn use_filter() -> Memo<Filter> {
    let location = leptos_router::hooks::use_location();
    Memo::new(move |_| {
        location.query.with(|q| {
            Filter::from_query(
                filter::query_keys()
                    .into_iter()
                    .filter_map(|k| q.get_str(k).map(|v| (k, v))),
            )
        })
    })
}

/// The query updates that replace the whole filter with `f` (keys it does not use are removed).
fn updates(f: &Filter) -> Vec<(&'static str, Option<String>)> {
    let set = f.to_query();
    filter::query_keys()
        .into_iter()
        .map(|k| {
            (
                k,
                set.iter().find(|(sk, _)| *sk == k).map(|(_, v)| v.clone()),
            )
        })
        .collect()
}

/// Display label of a facet option.
pub fn option_label(feed: &Feed, facet: Facet, value: &str, lang: Lang) -> String {
    match facet {
        Facet::Organisation | Facet::ActorGroup => feed
            .actors
            .iter()
            .find(|a| a.id == value)
            .map(|a| a.name.get(lang).to_string())
            .unwrap_or_else(|| value.to_string()),
        Facet::Goal => feed
            .goals
            .iter()
            .find(|g| g.id == value)
            .map(|g| format!("{} {} – {}", t(lang, K::Goal), g.number, g.name.get(lang)))
            .unwrap_or_else(|| value.to_string()),
        Facet::Status => lifecycle_from_key(value)
            .map(|l| lifecycle_label(l, lang).to_string())
            .unwrap_or_else(|| t(lang, K::StatusUnknown).to_string()),
        Facet::Phase => feed
            .phases
            .iter()
            .find(|p| p.id == value)
            .map(|p| p.name.get(lang).to_string())
            .unwrap_or_else(|| value.to_string()),
    }
}

/// The options of a facet, in display order: every value the feed uses.
fn options(feed: &Feed, facet: Facet, lang: Lang) -> Vec<String> {
    match facet {
        Facet::Organisation | Facet::ActorGroup => {
            let want = if facet == Facet::Organisation {
                ActorKind::Organisation
            } else {
                ActorKind::ActorGroup
            };
            let mut v: Vec<(String, String)> = feed
                .actors
                .iter()
                .filter(|a| a.kind == want)
                .filter(|a| {
                    feed.measures
                        .iter()
                        .any(|m| m.actors.iter().any(|r| r.actor == a.id))
                })
                .map(|a| (a.name.get(lang).to_lowercase(), a.id.clone()))
                .collect();
            v.sort();
            v.into_iter().map(|(_, id)| id).collect()
        }
        Facet::Goal => {
            let mut g: Vec<_> = feed
                .goals
                .iter()
                .map(|g| (g.number, g.id.clone()))
                .collect();
            g.sort();
            g.into_iter().map(|(_, id)| id).collect()
        }
        Facet::Status => LIFECYCLES
            .iter()
            .map(|l| veikart_domain::roadmap::lifecycle_key(*l).to_string())
            .chain([STATUS_UNKNOWN.to_string()])
            .collect(),
        Facet::Phase => feed.phases.iter().map(|p| p.id.clone()).collect(),
    }
}

fn facet_title(facet: Facet) -> K {
    match facet {
        Facet::Organisation => K::FilterOrg,
        Facet::ActorGroup => K::FilterGroup,
        Facet::Goal => K::FilterGoal,
        Facet::Status => K::FilterStatus,
        Facet::Phase => K::FilterPhase,
    }
}

/// "Viser 7 av 25 tiltak".
pub fn showing_text(lang: Lang, n: usize, m: usize) -> String {
    t(lang, K::ShowingOf)
        .replace("{n}", &n.to_string())
        .replace("{m}", &m.to_string())
}

#[component]
pub fn FilterBar(filter: Memo<Filter>, result: Memo<Option<Arc<FilterResult>>>) -> impl IntoView {
    let Ctx { feed, lang } = use_ctx();
    let writer = QueryWriter::new();
    let open = RwSignal::new(false);
    let copied = RwSignal::new(None::<bool>);

    let write = move |f: Filter, replace: bool| writer.set(updates(&f), replace);
    let active_count = move || {
        filter.with(|f| {
            f.selected.values().map(|s| s.len()).sum::<usize>()
                + usize::from(f.prioritised_only)
                + usize::from(f.from_year.is_some() || f.to_year.is_some())
        })
    };

    let count_text = move || {
        let lang = lang.get();
        let total = feed.with(|f| f.as_ref().map(|l| l.feed.measures.len()).unwrap_or(0));
        result.with(|r| {
            r.as_ref().map(|r| {
                if r.matched.is_empty() {
                    t(lang, K::NoMatches).to_string()
                } else {
                    showing_text(lang, r.matched.len(), total)
                }
            })
        })
    };

    let copy_link = move |_| {
        let href = window().location().href().unwrap_or_default();
        let promise = window().navigator().clipboard().write_text(&href);
        leptos::task::spawn_local(async move {
            let ok = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
            copied.set(Some(ok));
        });
    };

    // Built only while the panel is open: a keystroke in the search box should not rebuild
    // every checkbox of a hidden panel.
    let facets = move || {
        if !open.get() {
            return None;
        }
        let lang = lang.get();
        let loaded = feed.get()?;
        let f = &loaded.feed;
        let cur = filter.get();
        let res = result.get()?;
        let groups = Facet::ALL
            .into_iter()
            .map(|facet| {
                let opts = options(f, facet, lang);
                let items = opts
                    .into_iter()
                    .map(|value| {
                        let count = res
                            .counts
                            .get(&facet)
                            .and_then(|c| c.get(&value))
                            .copied()
                            .unwrap_or(0);
                        let checked = cur.has(facet, &value);
                        let label = option_label(f, facet, &value, lang);
                        let v = value.clone();
                        view! {
                            <li class:zero=count == 0 && !checked>
                                <label>
                                    <input type="checkbox" prop:checked=checked
                                        on:change=move |_| {
                                            let mut nf = filter.get_untracked();
                                            nf.toggle(facet, &v);
                                            write(nf, false);
                                        }/>
                                    <span class="opt">{label}</span>
                                    <span class="n">{count}</span>
                                </label>
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    <fieldset class=format!("facet facet-{}", facet.key())>
                        <legend>{t(lang, facet_title(facet))}</legend>
                        <ul>{items}</ul>
                    </fieldset>
                }
            })
            .collect_view();

        // Years for the window: the span of the feed's dated content.
        let (lo, hi) = f
            .measures
            .iter()
            .flat_map(measure_spans)
            .fold((i32::MAX, i32::MIN), |(a, b), s| {
                (a.min(s.start.y), b.max(s.end.y))
            });
        let years: Vec<i32> = if lo <= hi {
            (lo..=hi).collect()
        } else {
            vec![]
        };
        let year_select = move |label: K, current: Option<i32>, is_from: bool| {
            let opts = years
                .iter()
                .map(|y| view! { <option value=y.to_string() selected=current == Some(*y)>{*y}</option> })
                .collect_view();
            view! {
                <label class="year">
                    <span>{t(lang, label)}</span>
                    <select on:change=move |ev| {
                        let v = event_target_value(&ev).parse::<i32>().ok();
                        let mut nf = filter.get_untracked();
                        if is_from { nf.from_year = v } else { nf.to_year = v }
                        write(nf, false);
                    }>
                        <option value="" selected=current.is_none()>{t(lang, K::AnyYear)}</option>
                        {opts}
                    </select>
                </label>
            }
        };
        let from = year_select(K::FromYear, cur.from_year, true);
        let to = year_select(K::ToYear, cur.to_year, false);
        Some(view! {
            <div class="facets">{groups}</div>
            <div class="filter-extra">
                <fieldset class="facet window">
                    <legend>{t(lang, K::TimeWindow)}</legend>
                    {from}{to}
                </fieldset>
                <label class="check">
                    <input type="checkbox" prop:checked=cur.prioritised_only
                        on:change=move |ev| {
                            let mut nf = filter.get_untracked();
                            nf.prioritised_only = event_target_checked(&ev);
                            write(nf, false);
                        }/>
                    {t(lang, K::OnlyPrioritised)}
                </label>
            </div>
        })
    };

    let chips = move || {
        let lang = lang.get();
        let loaded = feed.get()?;
        let f = &loaded.feed;
        let cur = filter.get();
        let mut chips = Vec::new();
        for facet in Facet::ALL {
            for value in cur.values(facet) {
                let label = format!(
                    "{}: {}",
                    t(lang, facet_title(facet)),
                    option_label(f, facet, value, lang)
                );
                let v = value.to_string();
                chips.push((
                    label,
                    Box::new(move |nf: &mut Filter| nf.toggle(facet, &v))
                        as Box<dyn Fn(&mut Filter) + Send + Sync>,
                ));
            }
        }
        if cur.prioritised_only {
            chips.push((
                t(lang, K::OnlyPrioritised).to_string(),
                Box::new(|nf: &mut Filter| nf.prioritised_only = false),
            ));
        }
        if cur.from_year.is_some() || cur.to_year.is_some() {
            let label = format!(
                "{}: {}–{}",
                t(lang, K::TimeWindow),
                cur.from_year.map(|y| y.to_string()).unwrap_or_default(),
                cur.to_year.map(|y| y.to_string()).unwrap_or_default()
            );
            chips.push((
                label,
                Box::new(|nf: &mut Filter| {
                    nf.from_year = None;
                    nf.to_year = None;
                }),
            ));
        }
        (!chips.is_empty()).then(|| {
            let items = chips
                .into_iter()
                .map(|(label, remove)| {
                    let aria = format!("{}: {label}", t(lang, K::RemoveFilter));
                    view! {
                        <li>
                            <button type="button" class="chip" aria-label=aria
                                on:click=move |_| {
                                    let mut nf = filter.get_untracked();
                                    remove(&mut nf);
                                    write(nf, false);
                                }>
                                {label}<span aria-hidden="true">" ×"</span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! {
                <ul class="chips" aria-label=t(lang, K::ActiveFilters)>{items}</ul>
            }
        })
    };

    view! {
        <div class="filterbar">
            <div class="search">
                <label for="vk-search">{move || t(lang.get(), K::Search)}</label>
                <input id="vk-search" type="search" autocomplete="off"
                    placeholder=move || t(lang.get(), K::SearchHint)
                    prop:value=move || filter.with(|f| f.text.clone())
                    on:input=move |ev| {
                        let mut nf = filter.get_untracked();
                        nf.text = event_target_value(&ev);
                        write(nf, true);
                    }/>
            </div>
            <button type="button" class="filter-toggle" aria-controls="vk-filter-panel"
                aria-expanded=move || open.get().to_string()
                on:click=move |_| open.update(|o| *o = !*o)>
                {move || t(lang.get(), K::Filters)}
                {move || { let n = active_count(); (n > 0).then(|| view! { <span class="badge">{n}</span> }) }}
            </button>
            <button type="button" class="clear" disabled=move || filter.with(Filter::is_empty)
                on:click=move |_| write(Filter::default(), false)>
                {move || t(lang.get(), K::ClearFilters)}
            </button>
            <button type="button" class="copy-link" on:click=copy_link>
                {move || t(lang.get(), K::CopyLink)}
            </button>
            <span class="copied" role="status">
                {move || copied.get().map(|ok| t(lang.get(), if ok { K::LinkCopied } else { K::CopyFailed }))}
            </span>
            <p class="result-count" role="status" aria-live="polite">{count_text}</p>
        </div>
        <div id="vk-filter-panel" class="filter-panel" hidden=move || !open.get()>
            {facets}
        </div>
        {chips}
    }
}
