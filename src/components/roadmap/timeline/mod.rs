//! The timeline layout: a sticky label column and an SVG drawing side by side, one keyed item
//! per lane and row (`row`), with the axis, plan period, today line and arrows. Only the items
//! near the viewport are drawn when the layout is large (`RowLayout::window`); small layouts
//! are drawn whole, so find-in-page and screen readers see every row.

pub mod arrows;
pub mod axis;
pub mod bar;
pub mod ghosts;
pub mod keys;
pub mod marker;
pub mod patterns;
pub mod row;
pub mod today;

use std::cell::RefCell;

use leptos::prelude::*;
use veikart_domain::index::IdMap;
use veikart_domain::model::Qualifier;
use veikart_domain::timeline::AXIS_H;
use veikart_domain::Lang;

use super::use_roadmap;
use crate::hooks::use_viewport_window;
use crate::i18n::{tr, use_i18n, K};

thread_local! {
    /// Dates in words by (language, date): the feed's dates repeat from row to row, and each
    /// formatting is a call into `Intl.DateTimeFormat`.
    static DATE_WORDS: RefCell<IdMap<(Lang, String), String>> = RefCell::new(IdMap::default());
}

/// `format::format_date`, remembered for the rows drawn next (a filter or a regroup draws rows
/// anew with the same dates).
pub fn date_words(s: &str, lang: Lang) -> String {
    if let Some(w) = DATE_WORDS.with_borrow(|c| c.get(&(lang, s.to_string())).cloned()) {
        return w;
    }
    let w = crate::format::format_date(s, lang);
    DATE_WORDS.with_borrow_mut(|c| {
        // a bound for feeds swapped many times over: start again
        if c.len() > 20_000 {
            c.clear();
        }
        c.insert((lang, s.to_string()), w.clone())
    });
    w
}

/// `format::format_qualified` with [`date_words`].
pub fn qualified_words(q: Option<Qualifier>, s: &str, lang: Lang) -> String {
    format!(
        "{}{}",
        veikart_domain::date::qualifier_prefix(q, s, lang),
        date_words(s, lang)
    )
}

#[component]
pub fn Timeline() -> impl IntoView {
    let ctx = use_roadmap();
    let i = use_i18n();
    row::RowItems::provide(ctx);
    let root = NodeRef::<leptos::html::Div>::new();
    let win = use_viewport_window(root, AXIS_H, move || ctx.drawn.track());
    let scale = ctx.scale;
    let width = Memo::new(move |_| scale.get().map(|s| s.width()).unwrap_or(0.0));
    let height = Memo::new(move |_| {
        ctx.drawn
            .with(|d| d.as_ref().map(|d| d.model.layout.height).unwrap_or(0.0))
    });
    let range = Memo::new(move |_| {
        let (top, h) = win.get();
        ctx.drawn.with(|d| {
            d.as_ref()
                .map(|d| d.model.layout.window(top, h))
                .unwrap_or(0..0)
        })
    });
    let keys = Memo::new(move |_| {
        let r = range.get();
        ctx.drawn.with(|d| {
            d.as_ref()
                .map(|d| {
                    d.model.layout.items[r]
                        .iter()
                        .map(|it| it.key())
                        .collect::<Vec<u64>>()
                })
                .unwrap_or_default()
        })
    });
    let pad = move |after: bool| {
        let r = range.get();
        ctx.drawn.with(|d| {
            let px = d.as_ref().map_or(0.0, |d| {
                let l = &d.model.layout;
                if after {
                    l.height - l.y_of(r.end)
                } else {
                    l.y_of(r.start)
                }
            });
            format!("{px}px")
        })
    };
    view! {
        <p id="tl-keys" class="visually-hidden">{tr(i, K::TimelineKeys)}</p>
        <div class="timeline" role="region" tabindex="0" aria-label=tr(i, K::Measures)
            aria-describedby="tl-keys" on:keydown=keys::timeline_keys node_ref=root>
            <div class="tl-inner" style:width=move || format!("calc(var(--label-w) + {}px)", width.get())>
                <div class="tl-labels">
                    <div class="tl-corner" style:height=format!("{AXIS_H}px")>{tr(i, K::Measures)}</div>
                    <div class="tl-spacer" style:height=move || pad(false)></div>
                    <For each=move || keys.get() key=|k| *k let:k>
                        <row::RowLabel key=k/>
                    </For>
                    <div class="tl-spacer" style:height=move || pad(true)></div>
                </div>
                <svg class="tl-svg" width=width height=move || AXIS_H + height.get() role="presentation"
                    viewBox=move || format!("0 0 {} {}", width.get(), AXIS_H + height.get())>
                    <patterns::Defs/>
                    <today::PlanPeriod scale height/>
                    <g class="tracks">
                        <For each=move || keys.get() key=|k| *k let:k>
                            <row::RowTrack key=k scale width/>
                        </For>
                    </g>
                    <axis::Axis scale/>
                    <today::TodayLine scale/>
                    <arrows::Arrows range/>
                </svg>
            </div>
        </div>
    }
}
