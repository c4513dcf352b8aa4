//! A measure's phase bars: colour and pattern per phase, soft edges for coarse dates, a fading
//! end when the end is not given, a fading start for an ongoing phase whose start is unknown
//! (schema 1.1), a dashed edge when the dates are inferred, and the period in words (with the
//! editors' note) as a tooltip. Written as markup (`markup.rs`).

use veikart_domain::index::Indexed;
use veikart_domain::model::Measure;
use veikart_domain::timeline::{bars_at, Scale, BAR_H, BAR_TOP};

use super::date_words as format_date;
use super::patterns::{has_pattern, pattern_id};
use crate::components::markup::Markup;
use crate::components::parts::basis_suffix;
use crate::i18n::{I18n, K};

/// The bars of `m` on `s`.
pub fn bars(out: &mut Markup, f: &Indexed, m: &Measure, s: &Scale, i: I18n) {
    let lang = i.lang();
    for b in bars_at(m, s, f.ix.published()) {
        let pi = f.ix.phase_index(&b.phase).unwrap_or(0);
        let ph = f.feed().phases.get(pi);
        let color = ph.map(|p| p.color.as_str()).unwrap_or_default();
        let name = ph.map(|p| p.name.get(lang)).unwrap_or(b.phase.as_str());
        let period = &m.phases[b.index];
        let start = if period.is_dated() {
            format_date(&period.start, lang)
        } else {
            i.t(K::OngoingStartUnknown).to_string()
        };
        let mut when = format!(
            "{start} – {}",
            period
                .end
                .as_deref()
                .map(|e| format_date(e, lang))
                .unwrap_or_else(|| "…".into())
        );
        let inferred = !period.basis.is_stated();
        if inferred {
            when.push_str(&basis_suffix(period.basis_note.as_ref(), lang));
        }
        let class = format!(
            "bar{}{}{}{}{}",
            if b.open_end { " open-end" } else { "" },
            if b.open_start { " open-start" } else { "" },
            if b.fuzzy_start { " fuzzy-start" } else { "" },
            if b.fuzzy_end { " fuzzy-end" } else { "" },
            if inferred { " inferred" } else { "" }
        );
        let mask = b.open_start.then_some(if b.open_end {
            "url(#vk-fade-both)"
        } else {
            "url(#vk-fade-in)"
        });
        out.open("g")
            .attr("class", class)
            .attr_opt("mask", mask)
            .body();
        let rect = |out: &mut Markup, fill: &dyn std::fmt::Display| {
            out.open("rect")
                .attr("x", b.x)
                .attr("y", BAR_TOP)
                .attr("width", b.w)
                .attr("height", BAR_H)
                .attr("rx", 4)
                .attr("fill", fill)
                .end("rect");
        };
        rect(out, &color);
        if has_pattern(pi) {
            rect(out, &format_args!("url(#{})", pattern_id(pi)));
        }
        out.open("title")
            .body()
            .text(format_args!("{name}: {when}"))
            .close("title")
            .close("g");
    }
}
