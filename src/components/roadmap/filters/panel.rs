//! The filter panel: a fieldset per facet with a count per option (OR within a facet, AND
//! across), the time window and "only the prioritised". Built only while it is open.

use leptos::prelude::*;
use veikart_domain::filter::{options, Facet, Filter};

use super::{facet_name, only_in_list_label, option_label, write};
use crate::components::roadmap::use_roadmap;
use crate::i18n::{tr, use_i18n, K};
use crate::state::use_app;

#[component]
fn FacetGroup(facet: Facet, filter: ReadSignal<Filter>) -> impl IntoView {
    let app = use_app();
    let nav = app.nav;
    let ctx = use_roadmap();
    let i = use_i18n();
    let items = move || {
        let lang = i.lang();
        let f = app.feed.get()?;
        let res = ctx.result.get()?;
        let cur = filter.get();
        Some(
            options(f.feed(), facet, lang)
                .into_iter()
                .map(|value| {
                    let count = res
                        .counts
                        .get(&facet)
                        .and_then(|c| c.get(&value))
                        .copied()
                        .unwrap_or(0);
                    let checked = cur.has(facet, &value);
                    let label = option_label(&f, facet, &value, lang);
                    view! {
                        <li class:zero=count == 0 && !checked>
                            <label>
                                <input type="checkbox" prop:checked=checked
                                    on:change=move |_| {
                                        let mut nf = filter.get_untracked();
                                        nf.toggle(facet, &value);
                                        write(nav, nf, false);
                                    }/>
                                <span class="opt">{label}</span>
                                <span class="n">{count}</span>
                            </label>
                        </li>
                    }
                })
                .collect_view(),
        )
    };
    view! {
        <fieldset class=format!("facet facet-{}", facet.key())>
            <legend>{move || app.feed.with(|f| facet_name(f.as_deref(), facet, i.lang()))}</legend>
            <ul>{items}</ul>
        </fieldset>
    }
}

#[component]
fn YearSelect(label: K, from: bool, filter: ReadSignal<Filter>) -> impl IntoView {
    let app = use_app();
    let nav = app.nav;
    let i = use_i18n();
    let current = move || filter.with(|f| if from { f.from_year } else { f.to_year });
    let ctx = use_roadmap();
    let opts = move || {
        ctx.index.with(|ix| {
            ix.as_ref().map(|ix| {
                ix.window_years()
                    .into_iter()
                    .map(|y| view! { <option value=y.to_string() selected=move || current() == Some(y)>{y}</option> })
                    .collect_view()
            })
        })
    };
    view! {
        <label class="year">
            <span>{tr(i, label)}</span>
            <select on:change=move |ev| {
                let v = event_target_value(&ev).parse::<i32>().ok();
                let mut nf = filter.get_untracked();
                if from { nf.from_year = v } else { nf.to_year = v }
                write(nav, nf, false);
            }>
                <option value="" selected=move || current().is_none()>{tr(i, K::AnyYear)}</option>
                {opts}
            </select>
        </label>
    }
}

#[component]
pub fn FilterPanel(filter: ReadSignal<Filter>) -> impl IntoView {
    let i = use_i18n();
    let nav = use_app().nav;
    let ctx = use_roadmap();
    let only_label = Memo::new(move |_| only_in_list_label(ctx, i.lang()));
    view! {
        <div class="facets">
            {Facet::ALL.map(|facet| view! { <FacetGroup facet filter/> }).collect_view()}
        </div>
        <div class="filter-extra">
            <fieldset class="facet window">
                <legend>{tr(i, K::TimeWindow)}</legend>
                <YearSelect label=K::FromYear from=true filter/>
                <YearSelect label=K::ToYear from=false filter/>
            </fieldset>
            <Show when=move || only_label.with(Option::is_some)>
                <label class="check">
                    <input type="checkbox" prop:checked=move || filter.with(|f| f.prioritised_only)
                        on:change=move |ev| {
                            let mut nf = filter.get_untracked();
                            nf.prioritised_only = event_target_checked(&ev);
                            write(nav, nf, false);
                        }/>
                    {move || only_label.get().unwrap_or_default()}
                </label>
            </Show>
        </div>
    }
}
