//! A measure's milestones: a diamond for a date known to the day, a rounded span for a month,
//! quarter, half or year; a wedge for "tidligst"/"fra" and "i løpet av"; the earlier date of a
//! postponed milestone; and the date as a label where there is room (two label lines, no
//! overlaps: `timeline::place_labels`). Each marker is focusable from the keyboard. Written as
//! markup (`markup.rs`).

use veikart_domain::index::Indexed;
use veikart_domain::model::{Measure, Qualifier};
use veikart_domain::timeline::{
    approx_text_width, markers, place_labels, Scale, LABEL_BASELINES, LABEL_FONT_PX, MARKER_CY,
};

use super::qualified_words as format_qualified;
use crate::components::markup::Markup;
use crate::components::parts::basis_suffix;
use crate::i18n::{labels, I18n};

/// The milestones of `m` on `s`, in a drawing `width` wide.
pub fn milestones(out: &mut Markup, f: &Indexed, m: &Measure, s: &Scale, width: f64, i: I18n) {
    let lang = i.lang();
    let marks = markers(m, s);
    let whens: Vec<String> = marks
        .iter()
        .map(|mk| {
            let ms = &m.milestones[mk.index];
            format_qualified(ms.qualifier, &ms.date, lang)
        })
        .collect();
    let room: Vec<(f64, f64, f64)> = marks
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
        .collect();
    let slots = place_labels(&room, width);
    let cy = MARKER_CY;
    for ((mk, when), slot) in marks.into_iter().zip(whens).zip(slots) {
        let ms = &m.milestones[mk.index];
        let mut title = format!("{} — {when}", ms.title.get(lang));
        let inferred = !ms.basis.is_stated();
        if inferred {
            title.push_str(&basis_suffix(ms.basis_note.as_ref(), lang));
        }
        if let Some(st) = veikart_domain::standing::badge(f.feed(), ms.standing.as_deref()) {
            title.push_str(&format!(" ({})", i.t(labels::standing(st))));
        }
        let x = mk.x;
        let w = mk.w.max(6.0);
        out.open("g")
            .attr(
                "class",
                if inferred {
                    "milestone inferred"
                } else {
                    "milestone"
                },
            )
            .attr("tabindex", "-1")
            .attr("role", "img")
            .attr("aria-label", &title)
            .attr("data-measure", &m.id)
            .body();
        if let Some((ox, ow)) = mk.original {
            out.open("rect")
                .attr("x", ox)
                .attr("y", cy - 7.0)
                .attr("width", ow.max(6.0))
                .attr("height", 14)
                .attr("rx", 7)
                .attr("class", "ms-original")
                .end("rect");
        }
        out.milestone_shape(
            mk.point,
            x,
            w,
            cy,
            if mk.point { "ms-point" } else { "ms-span" },
        );
        let q_mark = match ms.qualifier {
            Some(Qualifier::Earliest | Qualifier::From) => {
                Some(format!("M{},{cy} l8,-6 v12 Z", x + w))
            }
            Some(Qualifier::By) => Some(format!("M{x},{cy} l-8,-6 v12 Z")),
            _ => None,
        };
        if let Some(d) = q_mark {
            out.open("path")
                .attr("d", d)
                .attr("class", "ms-qual")
                .end("path");
        }
        if let Some(sl) = slot {
            out.open("text")
                .attr("x", sl.x)
                .attr("y", LABEL_BASELINES[sl.line])
                .attr("class", "ms-label")
                .attr("aria-hidden", "true")
                .body()
                .text(&when)
                .close("text");
        }
        out.open("title")
            .body()
            .text(&title)
            .close("title")
            .close("g");
    }
}
