//! The heading of a lane: "Mål 4 – Tilgjengelig informasjon …" (in the feed's own word for its
//! top level), an organisation or user group, the priority list in use, or the rows without any
//! of these.

use veikart_domain::index::Indexed;
use veikart_domain::model::Text;
use veikart_domain::roadmap::{Grouping, Lane, LaneKind};
use veikart_domain::Lang;

use crate::components::parts::fallback_lang;
use crate::i18n::{t, tf, K};

/// A term as it reads inside a sentence: «Innsatsområde» → «innsatsområde» (an acronym such
/// as «KI» stays as it is).
pub fn in_sentence(term: &str) -> String {
    let mut c = term.chars();
    match (c.next(), c.next()) {
        (Some(first), Some(second)) if first.is_uppercase() && !second.is_uppercase() => {
            first.to_lowercase().chain(term.chars().skip(1)).collect()
        }
        _ => term.to_string(),
    }
}

/// Heading text of a lane: «Mål 4 – …» or «Innsatsområde 2 – …» in the feed's own word, an
/// organisation or user group, the name of the priority list in use, or the rows without any.
/// `lists` are the names and rank labels of the feed's priority lists (`RoadmapCtx::lists`,
/// worked out once per feed: `Feed::priority_lists` ranks every measure on each call).
pub fn lane_title(
    ix: &Indexed,
    lists: &[(Text, Text)],
    lane: &Lane,
    grouping: Grouping,
    lang: Lang,
) -> String {
    let f = ix.feed();
    match (&lane.kind, lane.source_index) {
        (LaneKind::Goal { .. }, Some(g)) => {
            let goal = &f.goals[g];
            format!("{} – {}", f.goal_label(goal, lang), goal.name.get(lang))
        }
        (LaneKind::Actor, Some(a)) => f.actors[a].name.get(lang).to_string(),
        (LaneKind::Prioritised, Some(l)) => lists
            .get(l)
            .map(|(name, _)| name.get(lang).to_string())
            .unwrap_or_default(),
        _ => {
            // a feed without priority lists is grouped by goal even when priority is asked for
            let grouping = match grouping {
                Grouping::Priority if lists.is_empty() => Grouping::Goal,
                g => g,
            };
            match grouping {
                Grouping::Goal => tf(
                    lang,
                    K::NoGoalLaneOf,
                    &[("goal", &in_sentence(f.terms().goal_singular.get(lang)))],
                ),
                Grouping::Owner => t(lang, K::NoOwnerLane).to_string(),
                Grouping::ActorGroup => t(lang, K::NoGroupLane).to_string(),
                Grouping::Priority => t(lang, K::OtherMeasuresLane).to_string(),
            }
        }
    }
}

/// The language of a lane heading's feed text when it is shown in a fallback language.
pub fn lane_lang(
    ix: &Indexed,
    lists: &[(Text, Text)],
    lane: &Lane,
    lang: Lang,
) -> Option<&'static str> {
    let f = ix.feed();
    match (&lane.kind, lane.source_index) {
        (LaneKind::Goal { .. }, Some(g)) => fallback_lang(&f.goals[g].name, lang),
        (LaneKind::Actor, Some(a)) => fallback_lang(&f.actors[a].name, lang),
        (LaneKind::Prioritised, Some(l)) => lists.get(l).and_then(|(n, _)| fallback_lang(n, lang)),
        _ => None,
    }
}
