//! Export of exactly what is shown: the same lanes, rows, scale and filter as an SVG image
//! (drawn natively by `veikart_domain::export`), a PNG of it, the filtered measures as CSV, and
//! print. A failed export says so (a status line), never fails silently.

use leptos::prelude::*;
use veikart_domain::export::{csv, timeline_image_size, timeline_svg};

use super::lane::lane_title;
use super::use_roadmap;
use crate::download::{js_text, save_png, save_text};
use crate::i18n::{tr, use_i18n, K};
use crate::state::use_app;

#[component]
pub fn ExportMenu() -> impl IntoView {
    let app = use_app();
    let ctx = use_roadmap();
    let i = use_i18n();
    let failed = RwSignal::new(None::<String>);
    let report = move |r: Result<(), String>| failed.set(r.err());

    let svg = move || {
        let lang = app.lang.get_untracked();
        let grouping = ctx.grouping.get_untracked();
        ctx.drawn.with_untracked(|d| {
            let d = d.as_ref()?;
            let titles: Vec<String> = d
                .model
                .lanes
                .iter()
                .map(|l| {
                    ctx.lists
                        .with_untracked(|ls| lane_title(&d.feed, ls, l, grouping, lang))
                })
                .collect();
            let title = format!(
                "{} – {}",
                crate::i18n::t(lang, K::AppTitle),
                d.feed.feed().terms().title.get(lang)
            );
            let svg = timeline_svg(
                d.feed.feed(),
                &titles,
                &d.model.layout,
                &d.model.scale,
                app.clock.today(),
                &title,
                lang,
            );
            let (w, h) = timeline_image_size(&d.model.layout, &d.model.scale);
            Some((svg, w, h))
        })
    };
    let stem = move || {
        app.feed.with_untracked(|f| {
            f.as_ref()
                .map(|f| format!("veikart-{}", f.feed().meta.published))
                .unwrap_or_else(|| "veikart".into())
        })
    };
    let on_svg = move |_| {
        if let Some((s, _, _)) = svg() {
            report(
                save_text(
                    &s,
                    "image/svg+xml;charset=utf-8",
                    &format!("{}.svg", stem()),
                )
                .map_err(|e| js_text(&e)),
            );
        }
    };
    let on_png = move |_| {
        if let Some((s, w, h)) = svg() {
            failed.set(None);
            let started = save_png(
                &s,
                w,
                h,
                2.0,
                &format!("{}.png", stem()),
                Box::new(move |r| {
                    let _ = failed.try_set(r.err());
                }),
            );
            if let Err(e) = started {
                failed.set(Some(js_text(&e)));
            }
        }
    };
    let on_csv = move |_| {
        let (Some(f), Some(res)) = (app.feed.get_untracked(), ctx.result.get_untracked()) else {
            return;
        };
        let text = csv(f.feed(), &res.matched, app.lang.get_untracked());
        report(
            save_text(&text, "text/csv;charset=utf-8", &format!("{}.csv", stem()))
                .map_err(|e| js_text(&e)),
        );
    };
    let on_print = move |_| report(window().print().map_err(|e| js_text(&e)));
    view! {
        <div class="seg export" role="group" aria-label=tr(i, K::Export)>
            <span class="seg-label" aria-hidden="true">{tr(i, K::Export)}</span>
            <button type="button" on:click=on_svg>{tr(i, K::ExportSvg)}</button>
            <button type="button" on:click=on_png>{tr(i, K::ExportPng)}</button>
            <button type="button" on:click=on_csv>{tr(i, K::ExportCsv)}</button>
            <button type="button" on:click=on_print>{tr(i, K::Print)}</button>
            <span class="export-status" role="status">
                {move || failed.get().map(|why| i.tf(K::ExportFailed, &[("why", &why)]))}
            </span>
        </div>
    }
}
