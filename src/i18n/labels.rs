//! The words for the feed's enums and the app's choices: one function per enum, each returning
//! a key of the string table.

use veikart_domain::diff::Category;
use veikart_domain::filter::Facet;
use veikart_domain::model::{
    Body, DecisionState, DependencyKind, FundingState, Level, Lifecycle, Rag, RiskCategory,
    RiskKind, Role, StandingState,
};
use veikart_domain::roadmap::Grouping;
use veikart_domain::view_state::{Layout, View};
use veikart_domain::Lang;

use super::K;

pub fn rag(r: Rag) -> K {
    match r {
        Rag::Green => K::RagGreen,
        Rag::Yellow => K::RagYellow,
        Rag::Red => K::RagRed,
    }
}

pub fn lifecycle(l: Lifecycle) -> K {
    match l {
        Lifecycle::Candidate => K::LcCandidate,
        Lifecycle::NotStarted => K::LcNotStarted,
        Lifecycle::Active => K::LcActive,
        Lifecycle::Paused => K::LcPaused,
        Lifecycle::Finished => K::LcFinished,
    }
}

pub fn role(r: Role) -> K {
    match r {
        Role::Owner => K::RoleOwner,
        Role::Responsible => K::RoleResponsible,
        Role::Coordinating => K::RoleCoordinating,
        Role::Operator => K::RoleOperator,
        Role::Participant => K::RoleParticipant,
        Role::SharesData => K::RoleSharesData,
        Role::Affected => K::RoleAffected,
        Role::Commissions => K::RoleCommissions,
        Role::Appoints => K::RoleAppoints,
        Role::ProposedOwner => K::RoleProposedOwner,
    }
}

pub fn body(b: Body) -> K {
    match b {
        Body::Nuit => K::BodyNuit,
        Body::Nufa => K::BodyNufa,
        Body::Nehs => K::BodyNehs,
        Body::Nehr => K::BodyNehr,
    }
}

pub fn standing(s: StandingState) -> K {
    match s {
        StandingState::Proposed => K::StandingProposed,
        StandingState::ForDiscussion => K::StandingForDiscussion,
        StandingState::Adopted => K::StandingAdopted,
        StandingState::Withdrawn => K::StandingWithdrawn,
    }
}

pub fn decision_state(s: DecisionState) -> K {
    match s {
        DecisionState::Proposed => K::Proposed,
        DecisionState::Adopted => K::Adopted,
    }
}

pub fn dependency_kind(k: DependencyKind) -> K {
    match k {
        DependencyKind::Requires => K::DepRequires,
        DependencyKind::BuildsOn => K::DepBuildsOn,
        DependencyKind::Competes => K::DepCompetes,
        DependencyKind::Mutual => K::DepMutual,
        DependencyKind::SeenTogether => K::DepSeenTogether,
    }
}

pub fn category(c: Category) -> K {
    match c {
        Category::Measures => K::CatMeasures,
        Category::Dates => K::CatDates,
        Category::Phases => K::CatPhases,
        Category::Ambitions => K::CatAmbitions,
        Category::Status => K::CatStatus,
        Category::Dependencies => K::CatDependencies,
        Category::Decisions => K::CatDecisions,
    }
}

pub fn facet(f: Facet) -> K {
    match f {
        Facet::Organisation => K::FilterOrg,
        Facet::ActorGroup => K::FilterGroup,
        Facet::Goal => K::FilterGoal,
        Facet::Status => K::FilterStatus,
        Facet::Phase => K::FilterPhase,
    }
}

pub fn grouping(g: Grouping) -> K {
    match g {
        Grouping::Goal => K::ByGoal,
        Grouping::Owner => K::ByOwner,
        Grouping::ActorGroup => K::ByActorGroup,
        // the feed's list name is shown instead (`toolbar`); this is the word without a feed
        Grouping::Priority => K::Priority,
    }
}

pub fn layout(l: Layout) -> K {
    match l {
        Layout::Timeline => K::LayoutTimeline,
        Layout::List => K::LayoutList,
        Layout::Table => K::LayoutTable,
    }
}

pub fn view(v: View) -> K {
    match v {
        View::Roadmap => K::ViewTimeline,
        View::Graph => K::ViewGraph,
        View::Ambitions => K::ViewAmbitions,
        View::Lens => K::ViewLens,
        View::Changes => K::ViewChanges,
        View::Council => K::ViewCouncil,
        View::Risks => K::ViewRisks,
    }
}

/// The banner's words for a feed's standing.
pub fn banner(s: StandingState) -> K {
    match s {
        StandingState::Proposed => K::BannerProposed,
        StandingState::ForDiscussion => K::BannerForDiscussion,
        StandingState::Adopted => K::BannerAdopted,
        StandingState::Withdrawn => K::BannerWithdrawn,
    }
}

pub fn risk_kind(k: RiskKind) -> K {
    match k {
        RiskKind::Risk => K::RiskKindRisk,
        RiskKind::Precondition => K::RiskKindPrecondition,
    }
}

pub fn risk_category(c: Option<RiskCategory>) -> K {
    match c {
        Some(RiskCategory::Funding) => K::RiskCatFunding,
        Some(RiskCategory::Capacity) => K::RiskCatCapacity,
        Some(RiskCategory::Technology) => K::RiskCatTechnology,
        Some(RiskCategory::Adoption) => K::RiskCatAdoption,
        Some(RiskCategory::Coordination) => K::RiskCatCoordination,
        Some(RiskCategory::Legal) => K::RiskCatLegal,
        Some(RiskCategory::Governance) => K::RiskCatGovernance,
        Some(RiskCategory::Other) => K::RiskCatOther,
        None => K::RiskCatNone,
    }
}

pub fn level(l: Level) -> K {
    match l {
        Level::Low => K::LevelLow,
        Level::LowMedium => K::LevelLowMedium,
        Level::Medium => K::LevelMedium,
        Level::MediumHigh => K::LevelMediumHigh,
        Level::High => K::LevelHigh,
    }
}

pub fn funding(f: FundingState) -> K {
    match f {
        FundingState::Unfunded => K::FundUnfunded,
        FundingState::Partial => K::FundPartial,
        FundingState::Funded => K::FundFunded,
        FundingState::Earmarked => K::FundEarmarked,
        FundingState::CoFinanced => K::FundCoFinanced,
    }
}

/// A language's own name, for the language switch.
pub fn language(l: Lang) -> K {
    match l {
        Lang::Nb => K::LanguageNb,
        Lang::Nn => K::LanguageNn,
        Lang::En => K::LanguageEn,
    }
}
