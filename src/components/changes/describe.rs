//! The words of a change: a heading ("Milepæl flyttet") and a one-line detail with names,
//! dates and months, in the reader's language.

use veikart_domain::diff::{Change, ChangeKind, StatusSnap, When};
use veikart_domain::index::Indexed;
use veikart_domain::model::DependencyKind;
use veikart_domain::Lang;

use crate::format::{format_date, format_qualified};
use crate::i18n::{labels, t, tn, K};

fn when_text(w: &When, lang: Lang) -> String {
    format_qualified(w.qualifier, &w.date, lang)
}

fn months_text(m: i32, lang: Lang) -> String {
    match m {
        0 => String::new(),
        m if m > 0 => format!(" ({})", tn(lang, K::MonthsLater, m as usize, &[])),
        m => format!(" ({})", tn(lang, K::MonthsEarlier, (-m) as usize, &[])),
    }
}

fn dep_kind(k: DependencyKind, lang: Lang) -> &'static str {
    t(lang, labels::dependency_kind(k))
}

/// A measure's or component's name in either version.
pub fn name_in(new: &Indexed, old: &Indexed, id: &str, lang: Lang) -> String {
    [new, old]
        .into_iter()
        .find(|f| f.measure(id).is_some() || f.component(id).is_some())
        .map(|f| f.node_label(id, lang))
        .unwrap_or_else(|| id.to_string())
}

fn phase_name(new: &Indexed, old: &Indexed, id: &str, lang: Lang) -> String {
    [new, old]
        .into_iter()
        .find(|f| f.phase(id).is_some())
        .map(|f| f.phase_name(id, lang))
        .unwrap_or_else(|| id.to_string())
}

fn period(start: &str, end: Option<&str>, lang: Lang) -> String {
    format!(
        "{} – {}",
        format_date(start, lang),
        end.map(|e| format_date(e, lang))
            .unwrap_or_else(|| "…".into())
    )
}

fn status_text(s: &Option<StatusSnap>, lang: Lang) -> String {
    match s {
        None => t(lang, K::NotGiven).to_string(),
        Some(s) => {
            let mut out = format!(
                "{}: {}",
                format_date(&s.as_of, lang),
                t(lang, labels::lifecycle(s.lifecycle))
            );
            if let Some(r) = s.rag {
                out.push_str(&format!(", {}", t(lang, labels::rag(r))));
            }
            if let Some(x) = &s.text {
                out.push_str(&format!(" — {}", x.get(lang)));
            }
            out
        }
    }
}

/// The heading word and the one-line detail of a change.
pub fn describe(c: &Change, new: &Indexed, old: &Indexed, lang: Lang) -> (&'static str, String) {
    use ChangeKind::*;
    let q = |s: &str| format!("«{s}»");
    match &c.kind {
        MeasureAdded { name } => (t(lang, K::ChMeasureAdded), name.get(lang).to_string()),
        MeasureRemoved { name } => (t(lang, K::ChMeasureRemoved), name.get(lang).to_string()),
        MeasureRenamed { old: o, new: n } => (
            t(lang, K::ChRenamed),
            format!("{} → {}", q(o.get(lang)), q(n.get(lang))),
        ),
        MilestoneMoved {
            title,
            old: o,
            new: n,
            months,
            ..
        } => (
            t(lang, K::ChMilestoneMoved),
            format!(
                "{}: {} → {}{}",
                title.get(lang),
                when_text(o, lang),
                when_text(n, lang),
                months_text(*months, lang)
            ),
        ),
        MilestoneAdded { title, new: n, .. } => (
            t(lang, K::ChMilestoneAdded),
            format!("{} — {}", title.get(lang), when_text(n, lang)),
        ),
        MilestoneRemoved { title, old: o, .. } => (
            t(lang, K::ChMilestoneRemoved),
            format!("{} — {}", title.get(lang), when_text(o, lang)),
        ),
        HorizonMoved {
            old_title,
            new_title,
            old: o,
            new: n,
            months,
        } => (
            t(lang, K::ChHorizon),
            format!(
                "{} ({}) → {} ({}){}",
                q(old_title.get(lang)),
                when_text(o, lang),
                q(new_title.get(lang)),
                when_text(n, lang),
                months_text(*months, lang)
            ),
        ),
        PhaseAdded { phase, start, end } => (
            t(lang, K::ChPhaseAdded),
            format!(
                "{}: {}",
                phase_name(new, old, phase, lang),
                period(start, end.as_deref(), lang)
            ),
        ),
        PhaseRemoved { phase, start, end } => (
            t(lang, K::ChPhaseRemoved),
            format!(
                "{}: {}",
                phase_name(new, old, phase, lang),
                period(start, end.as_deref(), lang)
            ),
        ),
        PhaseMoved {
            phase,
            old_start,
            old_end,
            new_start,
            new_end,
            ..
        } => (
            t(lang, K::ChPhaseMoved),
            format!(
                "{}: {} → {}{}",
                phase_name(new, old, phase, lang),
                period(old_start, old_end.as_deref(), lang),
                period(new_start, new_end.as_deref(), lang),
                c.kind
                    .months()
                    .map(|m| months_text(m, lang))
                    .unwrap_or_default()
            ),
        ),
        AmbitionAdded { year, text } => (
            t(lang, K::ChAmbitionAdded),
            format!("{year}: {}", text.get(lang)),
        ),
        AmbitionRemoved { year, text } => (
            t(lang, K::ChAmbitionRemoved),
            format!("{year}: {}", text.get(lang)),
        ),
        AmbitionChanged {
            year,
            old: o,
            new: n,
        } => (
            t(lang, K::ChAmbitionChanged),
            format!("{year}: {} → {}", q(o.get(lang)), q(n.get(lang))),
        ),
        PriorityChanged { old: o, new: n } => {
            let p = |x: &Option<u8>| {
                x.map(|x| x.to_string())
                    .unwrap_or_else(|| t(lang, K::NotGiven).to_string())
            };
            (t(lang, K::ChPriority), format!("{} → {}", p(o), p(n)))
        }
        StatusChanged { old: o, new: n } => (
            t(
                lang,
                if c.kind.turned_red() {
                    K::ChTurnedRed
                } else {
                    K::ChStatus
                },
            ),
            format!(
                "{}: {} · {}: {}",
                t(lang, K::Before),
                status_text(o, lang),
                t(lang, K::Now),
                status_text(n, lang)
            ),
        ),
        DependencyAdded {
            from,
            to,
            kind,
            critical,
            ..
        }
        | DependencyRemoved {
            from,
            to,
            kind,
            critical,
            ..
        } => {
            let head = if matches!(c.kind, DependencyAdded { .. }) {
                K::ChDepAdded
            } else {
                K::ChDepRemoved
            };
            (
                t(lang, head),
                format!(
                    "{} {} {}{}",
                    name_in(new, old, from, lang),
                    dep_kind(*kind, lang),
                    name_in(new, old, to, lang),
                    if *critical {
                        format!(" ({})", t(lang, K::CriticalLower))
                    } else {
                        String::new()
                    }
                ),
            )
        }
        DependencyChanged {
            from,
            to,
            old_kind,
            new_kind,
            old_critical,
            new_critical,
            ..
        } => {
            let crit = |c: bool| {
                if c {
                    format!(" ({})", t(lang, K::CriticalLower))
                } else {
                    String::new()
                }
            };
            (
                t(lang, K::ChDepChanged),
                format!(
                    "{} → {}: {}{} → {}{}",
                    name_in(new, old, to, lang),
                    name_in(new, old, from, lang),
                    dep_kind(*old_kind, lang),
                    crit(*old_critical),
                    dep_kind(*new_kind, lang),
                    crit(*new_critical)
                ),
            )
        }
        DecisionAdded {
            decision,
            title,
            date,
        } => {
            let head = new
                .decision(decision)
                .map(|d| format!("{} {} ", d.body.code(), d.case))
                .unwrap_or_default();
            (
                t(lang, K::ChDecisionAdded),
                format!("{head}({}): {}", format_date(date, lang), title.get(lang)),
            )
        }
        MilestoneReplaced {
            old_title,
            old: o,
            title,
            new: n,
            ..
        } => (
            t(lang, K::ChMilestoneReplaced),
            format!(
                "{} ({}) → {} ({})",
                q(old_title.get(lang)),
                when_text(o, lang),
                q(title.get(lang)),
                when_text(n, lang)
            ),
        ),
        MeasureWithdrawn { name, standing } => (
            t(lang, K::ChMeasureWithdrawn),
            match (&standing.text, &standing.since) {
                (Some(x), _) => format!("{} — {}", name.get(lang), x.get(lang)),
                (None, Some(since)) => format!("{} ({})", name.get(lang), format_date(since, lang)),
                (None, None) => name.get(lang).to_string(),
            },
        ),
        StandingChanged { old: o, new: n, .. } => {
            let st = |s: &Option<veikart_domain::model::StandingState>| {
                t(
                    lang,
                    s.map(labels::standing).unwrap_or(K::StandingNotStated),
                )
            };
            (
                t(lang, K::ChStandingChanged),
                format!("{} → {}", st(o), st(n)),
            )
        }
    }
}
