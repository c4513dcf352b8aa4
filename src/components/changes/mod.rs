//! Comparing two versions of the feed: the change list (`visning=endringer`), the switch that
//! draws the older version's dates on the timeline, a measure's own changes in its detail panel,
//! and comparing with a local file. The comparison service is `state::compare`; the diff is
//! `veikart_domain::diff`; the words are `describe.rs`.

mod describe;

use std::collections::{BTreeMap, BTreeSet};
use std::sync::Arc;

use leptos::prelude::*;
use veikart_domain::diff::{Category, Change};
use veikart_domain::index::Indexed;
use veikart_domain::view_state::Compare;
use veikart_domain::Lang;

use crate::components::feed_status::RetryButton;
use crate::components::parts::MeasureLink;
use crate::format::format_date;
use crate::i18n::messages::{compare_error, issue_line};
use crate::i18n::{labels, t, tn, tr, use_i18n, K};
use crate::state::compare::{use_compare, CompareError};
use crate::state::use_app;
use describe::{describe, name_in};

/// Why a comparison could not be made, in words.
fn error_text(e: &CompareError, lang: Lang) -> String {
    match e {
        CompareError::Fetch(f) => compare_error(lang, f),
        CompareError::Invalid { errors, first } => tn(
            lang,
            K::ErrCompareInvalid,
            *errors,
            &[("first", &issue_line(lang, first))],
        ),
    }
}

/// "Compare with the previous version" and, when on, the legend of the ghost marks.
#[component]
pub fn CompareToggle() -> impl IntoView {
    let app = use_app();
    let cmp = use_compare();
    let i = use_i18n();
    let nav = app.nav;
    let has_link = Memo::new(move |_| {
        app.feed.with(|f| {
            f.as_ref()
                .is_some_and(|f| f.feed().meta.previous_version.is_some())
        })
    });
    let on = crate::state::view_part(|v| v.compare.is_on());
    let legend = move || {
        cmp.ghosts.get().then(|| {
            let (label, drawn) = match cmp.previous.get() {
                Some(Ok(p)) => (format!("{} {}", i.t(K::GhostLegend), p.feed().meta.version_label.get(i.lang())), true),
                Some(Err(e)) => (error_text(&e, i.lang()), false),
                None => (i.t(K::CompareLoading).to_string(), false),
            };
            // the dashed swatch stands for the ghost marks, so only when there are some
            view! {
                <span class="ghost-legend" role="status">
                    {drawn.then(|| view! {
                        <svg width="28" height="14" aria-hidden="true"><rect x="1" y="1" width="26" height="12" rx="4" class="ghost-bar"/></svg>
                    })}
                    {label}
                </span>
            }
        })
    };
    move || {
        (has_link.get() || on.get()).then(|| {
            view! {
                <div class="compare-toggle">
                    <label class="check">
                        <input type="checkbox" prop:checked=on
                            on:change=move |ev| {
                                let checked = event_target_checked(&ev);
                                nav.go(|s| s.compare = if checked { Compare::Previous } else { Compare::Off });
                            }/>
                        {tr(i, K::CompareToggle)}
                    </label>
                    {legend}
                </div>
            }
        })
    }
}

#[component]
fn ChangeItem(change: Change, new: Arc<Indexed>, old: Arc<Indexed>) -> impl IntoView {
    let i = use_i18n();
    let class = format!(
        "change ch-{}{}",
        change.kind.category().key(),
        if change.kind.turned_red() { " red" } else { "" }
    );
    let words = move || describe(&change, &new, &old, i.lang());
    view! {
        <li class=class>
            {move || {
                let (head, detail) = words();
                view! { <span class="ch-kind">{head}</span> " " <span class="ch-detail">{detail}</span> }
            }}
        </li>
    }
}

/// The files a picker offers: feeds as JSON, and the portfolio office's workbooks.
pub const ACCEPT: &str = ".json,application/json,.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// Lets the reader pick a local feed file (JSON or workbook) to compare with.
#[component]
fn FilePicker() -> impl IntoView {
    let i = use_i18n();
    let cmp = use_compare();
    let lang = i.lang;
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
        cmp.open_file(file, lang.get_untracked());
    };
    view! {
        <label class="file-pick">
            {tr(i, K::CompareFile)} " "
            <input type="file" accept=ACCEPT on:change=on_change/>
        </label>
        <span class="hint local-reading" role="status">
            // the file being read (a workbook's converter is downloaded on first use)
            {move || cmp.files.reading.get().map(|name| i.tf(K::LocalReading, &[("name", &name)]))}
        </span>
    }
}

/// The change list.
#[component]
pub fn ChangeList() -> impl IntoView {
    let app = use_app();
    let cmp = use_compare();
    let i = use_i18n();
    let filter = RwSignal::new(None::<Category>);

    let body = move || {
        let lang = i.lang();
        let new = app.feed.get()?;
        if !cmp.requested.get() {
            return Some(view! { <p class="notice">{t(lang, K::NoPrevious)}</p> }.into_any());
        }
        let old = match cmp.previous.get() {
            None => return Some(
                view! { <p class="notice loading" role="status">{t(lang, K::CompareLoading)}</p> }
                    .into_any(),
            ),
            Some(Err(e)) => {
                let busy = Signal::derive(move || cmp.files.is_reading());
                return Some(
                    view! {
                        <div class="error-box" role="alert">
                            <p class="error-message">{t(lang, K::CompareError)} ": " {error_text(&e, lang)}</p>
                            <RetryButton retry=cmp.retry busy lang=i.lang/>
                        </div>
                    }
                    .into_any(),
                );
            }
            Some(Ok(o)) => o,
        };
        let d = cmp.diff.get()?;
        let cat = filter.get();
        let shown: Vec<&Change> = d
            .changes
            .iter()
            .filter(|c| cat.is_none_or(|k| c.kind.category() == k))
            .collect();

        let chips = {
            let per = Category::ALL
                .into_iter()
                .filter(|k| d.count(*k) > 0)
                .map(|k| {
                    view! {
                        <button type="button" aria-pressed=(cat == Some(k)).to_string()
                            on:click=move |_| filter.set(Some(k))>
                            {t(lang, labels::category(k))} " " <span class="n">{d.count(k)}</span>
                        </button>
                    }
                })
                .collect_view();
            view! {
                <div class="seg chips" role="group" aria-label=t(lang, K::ChangesTitle)>
                    <button type="button" aria-pressed=cat.is_none().to_string() on:click=move |_| filter.set(None)>
                        {t(lang, K::CatAll)} " " <span class="n">{d.changes.len()}</span>
                    </button>
                    {per}
                </div>
            }
        };

        let top = cat.is_none().then(|| {
            // The five most important changes, one per measure.
            let mut seen = BTreeSet::new();
            let items = d
                .changes
                .iter()
                .filter(|c| c.measure.as_ref().is_some_and(|m| seen.insert(m.clone())))
                .take(5)
                .map(|c| {
                    let id = c.measure.clone().unwrap_or_default();
                    let name = name_in(&new, &old, &id, lang);
                    let (head, detail) = describe(c, &new, &old, lang);
                    view! {
                        <li class=if c.kind.turned_red() { "top red" } else { "top" }>
                            <MeasureLink id=id>{name}</MeasureLink>
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

        // Group by measure in order of each measure's most important change; decisions last.
        let mut order: Vec<Option<String>> = Vec::new();
        let mut groups: BTreeMap<Option<String>, Vec<&Change>> = BTreeMap::new();
        for c in &shown {
            if !groups.contains_key(&c.measure) {
                order.push(c.measure.clone());
            }
            groups.entry(c.measure.clone()).or_default().push(c);
        }
        veikart_domain::sort::sort_by_key(&mut order, |m| m.is_none());
        let list = if shown.is_empty() {
            view! { <p class="notice">{t(lang, K::NoChanges)}</p> }.into_any()
        } else {
            order
                .into_iter()
                .map(|m| {
                    let items = groups[&m]
                        .iter()
                        .map(|c| view! { <ChangeItem change=(*c).clone() new=new.clone() old=old.clone()/> })
                        .collect_view();
                    let heading = match &m {
                        Some(id) => {
                            let name = name_in(&new, &old, id, lang);
                            view! { <h4><MeasureLink id=id.clone()>{name}</MeasureLink></h4> }.into_any()
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
        let (nf, of) = (new.feed(), old.feed());
        Some(
            view! {
                <p class="compared">
                    {t(lang, K::ComparedWith)} " "
                    <strong>{of.meta.version_label.get(lang).to_string()}</strong>
                    " (" <time datetime=of.meta.published.to_string()>{format_date(&of.meta.published, lang)}</time> ") → "
                    <strong>{nf.meta.version_label.get(lang).to_string()}</strong>
                    " (" <time datetime=nf.meta.published.to_string()>{format_date(&nf.meta.published, lang)}</time> ")"
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
            <h2 id="changes-title">{tr(i, K::ChangesTitle)}</h2>
            {body}
            <FilePicker/>
        </section>
    }
}

/// A measure's own changes, for its detail panel (nothing unless a comparison is loaded).
#[component]
pub fn MeasureChanges(id: String) -> impl IntoView {
    let app = use_app();
    let cmp = use_compare();
    let i = use_i18n();
    move || {
        let d = cmp.diff.get()?;
        let new = app.feed.get()?;
        let old = cmp.previous.get()?.ok()?;
        let items: Vec<_> = d
            .for_measure(&id)
            .map(|c| view! { <ChangeItem change=c.clone() new=new.clone() old=old.clone()/> })
            .collect();
        if items.is_empty() {
            return None;
        }
        let version = old.feed().meta.version_label.clone();
        Some(view! {
            <section class="detail-section measure-changes">
                <h3>{tr(i, K::ChangedSincePrevious)} " (" {move || version.get(i.lang()).to_string()} ")"</h3>
                <ul class="change-list">{items}</ul>
            </section>
        })
    }
}
