//! The active filters as chips; each removes its own filter.

use leptos::prelude::*;
use veikart_domain::filter::{Facet, Filter};

use super::{facet_name, only_in_list_label, option_label, write};
use crate::components::roadmap::use_roadmap;
use crate::i18n::{t, use_i18n, K};
use crate::state::use_app;

type Remove = Box<dyn Fn(&mut Filter) + Send + Sync>;

#[component]
pub fn FilterChips(filter: ReadSignal<Filter>) -> impl IntoView {
    let app = use_app();
    let nav = app.nav;
    let i = use_i18n();
    let ctx = use_roadmap();
    move || {
        let lang = i.lang();
        let f = app.feed.get()?;
        let cur = filter.get();
        let mut chips: Vec<(String, Remove)> = Vec::new();
        for facet in Facet::ALL {
            for value in cur.values(facet) {
                let label = format!(
                    "{}: {}",
                    facet_name(Some(&f), facet, lang),
                    option_label(&f, facet, value, lang)
                );
                let v = value.to_string();
                chips.push((label, Box::new(move |nf: &mut Filter| nf.toggle(facet, &v))));
            }
        }
        if let Some(label) = cur
            .prioritised_only
            .then(|| only_in_list_label(ctx, lang))
            .flatten()
        {
            chips.push((
                label,
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
                                    write(nav, nf, false);
                                }>
                                {label}<span aria-hidden="true">" ×"</span>
                            </button>
                        </li>
                    }
                })
                .collect_view();
            view! { <ul class="chips" aria-label=t(lang, K::ActiveFilters)>{items}</ul> }
        })
    }
}
