//! Inferred facts (schema 1.1 `basis: inferred` + `basis_note`, and the 1.0 goal link's `basis` +
//! `note`): which facts about a measure the feed's editors inferred rather than read in a source,
//! and why. The views mark each where it is shown; the CSV export lists them in one column.

use crate::model::{Basis, Feed, Text};
use crate::text::Lang;

/// What kind of fact was inferred.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum FactKind {
    GoalLink,
    Milestone,
    Phase,
    Role,
    Status,
    Dependency,
    Decision,
    Cost,
    Support,
    Funding,
    Standing,
    Risk,
    Rank,
}

impl FactKind {
    /// The word for the kind, for the CSV export (the app words it through its string table).
    pub fn word(self, lang: Lang) -> &'static str {
        use FactKind::*;
        match (self, lang) {
            (GoalLink, Lang::En) => "Goal",
            (GoalLink, _) => "Mål",
            (Milestone, Lang::En) => "Milestone",
            (Milestone, _) => "Milepæl",
            (Phase, Lang::En) => "Phase",
            (Phase, _) => "Fase",
            (Role, Lang::En) => "Role",
            (Role, _) => "Rolle",
            (Status, _) => "Status",
            (Dependency, Lang::En) => "Dependency",
            (Dependency, Lang::Nn) => "Avhengnad",
            (Dependency, Lang::Nb) => "Avhengighet",
            (Decision, Lang::En) => "Decision date",
            (Decision, _) => "Vedtaksdato",
            (Cost, Lang::En) => "Cost",
            (Cost, _) => "Kostnad",
            (Support, Lang::En) => "Support",
            (Support, _) => "Støtte",
            (Funding, Lang::En) => "Funding",
            (Funding, _) => "Finansiering",
            (Standing, Lang::En) => "Standing",
            (Standing, Lang::Nn) => "Handsamingsstatus",
            (Standing, Lang::Nb) => "Behandlingsstatus",
            (Risk, Lang::En) => "Risk",
            (Risk, _) => "Risiko",
            (Rank, Lang::En) => "Rank",
            (Rank, _) => "Rangering",
        }
    }
}

/// One inferred fact: its kind, what it is about (a milestone's title, an actor's id, the other
/// end of a dependency …) and the editors' note.
#[derive(Clone, Debug, PartialEq)]
pub struct Inferred<'f> {
    pub kind: FactKind,
    pub about: String,
    pub note: Option<&'f Text>,
}

/// Every inferred fact about measure `mi`, in a fixed order: goal link, standing, phases,
/// milestones, roles, status, cost, support, funding, risks, its ranks, dependencies either way,
/// dates of decisions that concern it.
pub fn inferred_of_measure(feed: &Feed, mi: usize, lang: Lang) -> Vec<Inferred<'_>> {
    let Some(m) = feed.measures.get(mi) else {
        return vec![];
    };
    let mut out: Vec<Inferred<'_>> = Vec::new();
    fn add<'f>(
        out: &mut Vec<Inferred<'f>>,
        kind: FactKind,
        basis: Basis,
        about: String,
        note: Option<&'f Text>,
    ) {
        if basis == Basis::Inferred {
            out.push(Inferred { kind, about, note });
        }
    }
    let mut push = |kind, basis, about, note| add(&mut out, kind, basis, about, note);
    for g in m.goal.iter().chain(&m.other_goals) {
        let about = feed
            .goals
            .iter()
            .find(|x| x.id == g.goal)
            .map(|x| x.name.get(lang).to_string())
            .unwrap_or_else(|| g.goal.to_string());
        push(FactKind::GoalLink, g.basis, about, g.note.as_ref());
    }
    if let Some(s) = &m.standing {
        push(
            FactKind::Standing,
            s.basis,
            String::new(),
            s.basis_note.as_ref(),
        );
    }
    for p in &m.phases {
        let name = crate::roadmap::phase_name(feed, &p.phase, lang);
        push(FactKind::Phase, p.basis, name, p.basis_note.as_ref());
    }
    for ms in &m.milestones {
        push(
            FactKind::Milestone,
            ms.basis,
            ms.title.get(lang).to_string(),
            ms.basis_note.as_ref(),
        );
    }
    for r in &m.actors {
        let who = crate::roadmap::actor_name(feed, &r.actor, lang);
        push(FactKind::Role, r.basis, who, r.basis_note.as_ref());
    }
    for s in &m.status {
        push(
            FactKind::Status,
            s.basis,
            s.as_of.to_string(),
            s.basis_note.as_ref(),
        );
    }
    if let Some(c) = &m.cost {
        push(
            FactKind::Cost,
            c.basis,
            String::new(),
            c.basis_note.as_ref(),
        );
    }
    if let Some(c) = &m.support {
        push(
            FactKind::Support,
            c.basis,
            String::new(),
            c.basis_note.as_ref(),
        );
    }
    if let Some(c) = &m.funding {
        push(
            FactKind::Funding,
            c.basis,
            String::new(),
            c.basis_note.as_ref(),
        );
    }
    for r in &m.risks {
        push(
            FactKind::Risk,
            r.basis,
            r.description.get(lang).to_string(),
            r.basis_note.as_ref(),
        );
    }
    for l in &feed.priority_lists {
        for it in l.items.iter().filter(|it| it.item == m.id) {
            push(
                FactKind::Rank,
                it.basis,
                l.name.get(lang).to_string(),
                it.basis_note.as_ref(),
            );
        }
    }
    for d in &feed.dependencies {
        let other = if d.from == m.id {
            &d.to
        } else if d.to == m.id {
            &d.from
        } else {
            continue;
        };
        let label =
            crate::roadmap::node_label(feed, other, lang).unwrap_or_else(|| other.to_string());
        push(FactKind::Dependency, d.basis, label, d.basis_note.as_ref());
    }
    for d in feed.decisions.iter().filter(|d| d.measures.contains(&m.id)) {
        push(
            FactKind::Decision,
            d.basis,
            format!("{} {}", d.body.code(), d.case),
            d.basis_note.as_ref(),
        );
    }
    out
}

/// The inferred facts as one line: "Milepæl «Utprøving starter»: Året er lagt til | …".
pub fn line(facts: &[Inferred], lang: Lang) -> String {
    facts
        .iter()
        .map(|f| {
            let mut s = f.kind.word(lang).to_string();
            if !f.about.is_empty() {
                s.push_str(&format!(" «{}»", f.about));
            }
            if let Some(n) = f.note {
                s.push_str(": ");
                s.push_str(n.get(lang));
            }
            s
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_feeds::{idx, other};

    #[test]
    fn inferred_facts_of_a_measure_with_their_notes() {
        let f = other();
        let gamma = inferred_of_measure(&f, idx(&f, "GAMMA"), Lang::Nb);
        assert_eq!(gamma.len(), 1);
        assert_eq!(gamma[0].kind, FactKind::Milestone);
        assert_eq!(gamma[0].about, "Utprøving starter");
        assert_eq!(
            line(&gamma, Lang::Nb),
            "Milepæl «Utprøving starter»: Året er lagt til i testen"
        );
        // ALFA: the inferred expected support
        let alfa = inferred_of_measure(&f, idx(&f, "ALFA"), Lang::En);
        assert_eq!(line(&alfa, Lang::En), "Support: Test assumption");
        // BETA: a decision whose date is inferred
        let beta = inferred_of_measure(&f, idx(&f, "BETA"), Lang::Nb);
        assert_eq!(
            line(&beta, Lang::Nb),
            "Vedtaksdato «NUIT 99/26»: Dato oppdiktet"
        );
        assert!(inferred_of_measure(&f, idx(&f, "DELTA"), Lang::Nb).is_empty());
        assert!(inferred_of_measure(&f, 999, Lang::Nb).is_empty());
    }

    #[test]
    fn the_goal_link_of_1_0_counts_and_stated_facts_do_not() {
        let f = crate::minimal_fixture();
        // minimal: PLL's goal link is inferred («Antatt»)
        let pll = inferred_of_measure(&f, 0, Lang::Nb);
        assert_eq!(pll.len(), 1);
        assert_eq!(pll[0].kind, FactKind::GoalLink);
        let goal = f.goals[0].name.get(Lang::Nb);
        assert_eq!(line(&pll, Lang::Nb), format!("Mål «{goal}»: Antatt"));
        let mut g = f.clone();
        g.measures[0].goal.as_mut().unwrap().basis = Basis::Stated;
        assert!(inferred_of_measure(&g, 0, Lang::Nb).is_empty());
    }
}
