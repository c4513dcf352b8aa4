//! The heading of a lane: "Mål 4 – Tilgjengelig informasjon …", an organisation or user group,
//! the prioritised measures, or the rows without any of these.

use veikart_domain::index::Indexed;
use veikart_domain::roadmap::{Grouping, Lane, LaneKind};
use veikart_domain::Lang;

use crate::components::parts::fallback_lang;
use crate::i18n::{t, K};

/// Heading text of a lane.
pub fn lane_title(ix: &Indexed, lane: &Lane, grouping: Grouping, lang: Lang) -> String {
    let f = ix.feed();
    match (&lane.kind, lane.source_index) {
        (LaneKind::Goal { number }, Some(g)) => {
            format!(
                "{} {number} – {}",
                t(lang, K::Goal),
                f.goals[g].name.get(lang)
            )
        }
        (LaneKind::Actor, Some(a)) => f.actors[a].name.get(lang).to_string(),
        (LaneKind::Prioritised, _) => t(lang, K::PrioritisedLane).to_string(),
        _ => t(
            lang,
            match grouping {
                Grouping::Goal => K::NoGoalLane,
                Grouping::Owner => K::NoOwnerLane,
                Grouping::ActorGroup => K::NoGroupLane,
                Grouping::Priority => K::OtherMeasuresLane,
            },
        )
        .to_string(),
    }
}

/// The language of a lane heading's feed text when it is shown in a fallback language.
pub fn lane_lang(ix: &Indexed, lane: &Lane, lang: Lang) -> Option<&'static str> {
    let f = ix.feed();
    match (&lane.kind, lane.source_index) {
        (LaneKind::Goal { .. }, Some(g)) => fallback_lang(&f.goals[g].name, lang),
        (LaneKind::Actor, Some(a)) => fallback_lang(&f.actors[a].name, lang),
        _ => None,
    }
}
