//! Ghost marks on a row while comparing with an older version: its phase bars and milestone
//! dates as dashed outlines, with an arrow and the months when a date moved. Written as markup
//! (`markup.rs`).

use veikart_domain::diff::{self, Ghost};
use veikart_domain::index::Indexed;
use veikart_domain::model::Measure;
use veikart_domain::timeline::{Scale, ROW_H};

use crate::components::markup::Markup;
use crate::format::format_date;
use crate::i18n::{I18n, K};

/// The ghost marks of `new` (a measure of the feed shown) against the same measure in `old`.
pub fn ghosts(out: &mut Markup, old: &Indexed, new: &Measure, s: &Scale, i: I18n) {
    let Some(om) = old.measure(&new.id) else {
        return;
    };
    let marks = diff::ghosts(om, new, s);
    if marks.is_empty() {
        return;
    }
    let lang = i.lang();
    let version = old.feed().meta.version_label.get(lang).to_string();
    let cy = ROW_H / 2.0;
    out.open("g")
        .attr("class", "ghosts")
        .attr("data-ghost-for", &new.id)
        .body();
    for g in marks {
        match g {
            Ghost::Bar { phase, x, w } => {
                let name = old.phase_name(&phase, lang);
                out.open("rect")
                    .attr("x", x)
                    .attr("y", 10.0)
                    .attr("width", w)
                    .attr("height", ROW_H - 20.0)
                    .attr("rx", 4)
                    .attr("class", "ghost-bar")
                    .body()
                    .open("title")
                    .body()
                    .text(format_args!("{version}: {name}"))
                    .close("title")
                    .close("rect");
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
                out.open("g").attr("class", "ghost-marker").body();
                if let Some(to) = to {
                    let x0 = if to > x { x + w.max(6.0) } else { x };
                    out.open("line")
                        .attr("x1", x0)
                        .attr("y1", cy)
                        .attr("x2", to - 4.0)
                        .attr("y2", cy)
                        .attr("class", "ghost-slip")
                        .attr("marker-end", "url(#arrowhead)")
                        .end("line");
                    if let Some(m) = months {
                        out.open("text")
                            .attr("x", (x0 + to) / 2.0)
                            .attr("y", 11.0)
                            .attr("text-anchor", "middle")
                            .attr("class", "ghost-months")
                            .body()
                            .text(format_args!("{m:+} {}", i.t(K::MonthsShort)))
                            .close("text");
                    }
                }
                out.milestone_shape(point, x, w.max(6.0), cy, "ghost-ms");
                out.open("title")
                    .body()
                    .text(format_args!(
                        "{version}: {} — {}",
                        title.get(lang),
                        format_date(&date, lang)
                    ))
                    .close("title")
                    .close("g");
            }
        }
    }
    out.close("g");
}
