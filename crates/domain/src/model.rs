//! The roadmap feed, schema version 1 (1.0 and the additive minor version 1.1): plain data types
//! that mirror the JSON one to one.
//!
//! Schema 1.1 (issue 16) only adds optional fields (`#[serde(default)]`), so every 1.0 feed reads,
//! validates and renders as before. A 1.0 feed that uses 1.1 fields loads, with the warning
//! `version-feature-mismatch`. What 1.1 adds: feed and item standing (`standing`: proposed, for
//! discussion, adopted, withdrawn), `basis` + `basis_note` on dated and linked facts, named
//! `priority_lists`, feed `terms` (the top-level word, header title and subtitle), undated phase
//! sequences (`order`, `ongoing`) and seasons as a date precision (`2023-høst`), `risks` and
//! `principles`, cost/funding/support assessments, `portfolio` snapshots, more actor roles and
//! dependency kinds, decisions that link to goals, and milestone `replaces`/`target_changed` for an
//! honest version comparison.
//!
//! Conventions (documented for feed editors in the README and in `public/schema/`):
//! - Every id is unique across the whole feed (goals, sub-goals, phases, actors, components,
//!   measures, dependencies, decisions, milestones), so a reference can never be ambiguous.
//! - Dates are strings with their precision in the syntax: `2027`, `2027-H2`, `2027-Q3`,
//!   `2027-06`, `2027-06-15`, or a period `2024/2027` (see [`crate::date`]). They stay strings here
//!   so that an unparseable date is a validation message with a JSON pointer, not a parse failure.
//! - Text is `{ "nb": …, "nn": …, "en": … }`; `nb` is required by validation; display falls back
//!   nb → nn → en.
//! - A dependency reads "`from` depends on `to`": `to` is the prerequisite. Arrows are drawn from
//!   `to` to `from`.
//! - Every record carries `sources`: the document id (from `meta.sources`) and the line range.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

pub use crate::small::SmallStr;

/// The major schema version this build understands.
pub const SUPPORTED_MAJOR: u64 = 1;

/// The newest minor version of [`SUPPORTED_MAJOR`] this build knows the fields of.
pub const KNOWN_MINOR: u64 = 1;

/// A text in bokmål, nynorsk and English. Only `nb` is required (checked by validation).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Text {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nb: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nn: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub en: Option<String>,
}

/// Where a fact comes from: a document listed in `meta.sources` and the lines in it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct SourceRef {
    /// Id of a document in `meta.sources`, e.g. `"000"`.
    pub doc: SmallStr,
    /// Line or line range in that document: `L276` or `L276-L283`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<SmallStr>,
    /// Case number in the council papers, e.g. `20/23`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<SmallStr>,
    /// Short verbatim quote, in the language of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Feed {
    pub meta: Meta,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub goals: Vec<Goal>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub phases: Vec<Phase>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub actors: Vec<Actor>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub components: Vec<Component>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub measures: Vec<Measure>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub dependencies: Vec<Dependency>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub decisions: Vec<Decision>,
    /// Schema 1.1: named, ordered lists such as «De fem prioriterte samhandlingstiltakene». When
    /// a feed has none, [`Feed::priority_lists`] builds one from the 1.0 `measures[].priority`.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::de::tight"
    )]
    pub priority_lists: Vec<PriorityList>,
    /// Schema 1.1: rules that govern the whole roadmap, e.g. «fullføres før det startes utvikling
    /// og innføring av nye nasjonale løsninger».
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::de::tight"
    )]
    pub principles: Vec<Principle>,
    /// Schema 1.1: risks and preconditions of the whole feed (those of one measure sit on it).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::de::tight"
    )]
    pub risks: Vec<Risk>,
    /// Schema 1.1: aggregate state of the portfolio (counts as the papers give them).
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::de::tight"
    )]
    pub portfolio: Vec<PortfolioSnapshot>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Meta {
    /// Semantic version of the feed format, e.g. `1.0.0`. Apps refuse an unknown major version.
    pub schema_version: SmallStr,
    /// Stable id of this version of the feed, e.g. `veikart-2023-05`.
    pub id: SmallStr,
    pub title: Text,
    /// Human label of this version, e.g. "Mai 2023 (NUIT 2/2023)".
    pub version_label: Text,
    /// Date the content describes (`YYYY-MM-DD` or coarser).
    pub published: SmallStr,
    pub publisher: Text,
    /// URL (relative to this feed or absolute http(s)) of the previous version, for comparisons.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous_version: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan_period: Option<PlanPeriod>,
    /// Free text for readers on how the feed was made and what it leaves out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// The source documents every `sources[].doc` refers to.
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceDoc>,
    /// Schema 1.1: whether the feed as a whole is a proposal, up for discussion, adopted or
    /// withdrawn, and which decision made it so. Missing: not stated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standing: Option<Standing>,
    /// Schema 1.1: the feed's own words for the header and the top level of its hierarchy.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub terms: Option<Terms>,
}

/// Schema 1.1: the words a feed uses, so the app does not assume "Mål" and a fixed title.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct Terms {
    /// The word for one top-level item (`goals[]`): «Mål», «Innsatsområde» … Default «Mål».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal_singular: Option<Text>,
    /// The plural: «Mål», «Innsatsområder» … Default «Mål».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal_plural: Option<Text>,
    /// Title in the app header. Default: `meta.title`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    /// Subtitle in the app header. Default: none.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub subtitle: Option<Text>,
}

/// Schema 1.1: where a proposal stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StandingState {
    /// Proposed (forslag), not yet discussed or decided.
    Proposed,
    /// Put forward for discussion (til drøfting), explicitly not a decision.
    ForDiscussion,
    /// Adopted (vedtatt, besluttet).
    Adopted,
    /// Withdrawn or taken out (tatt ut).
    Withdrawn,
}

/// Schema 1.1: the standing of the feed or of one item, with the decision that changed it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Standing {
    pub state: StandingState,
    /// Id of the decision (in `decisions`) that put it in this state, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<SmallStr>,
    /// Since when (any date precision).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<SmallStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    #[serde(default, skip_serializing_if = "Basis::is_stated")]
    pub basis: Basis,
    /// Why an inferred standing holds (expected whenever `basis` is `inferred`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis_note: Option<Text>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

/// Schema 1.1: a named, ordered list defined by the feed. Ranks are unique within a list; items
/// are goal, sub-goal or measure ids (a measure with sub-measures is an area).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PriorityList {
    pub id: SmallStr,
    /// The list's name as the UI shows it, e.g. «De fem prioriterte samhandlingstiltakene».
    pub name: Text,
    /// Short label for a rank badge, e.g. «Prioritet». Default: the app's word for priority.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rank_label: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(deserialize_with = "crate::de::tight")]
    pub items: Vec<RankedItem>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standing: Option<Standing>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

/// Schema 1.1: one entry of a priority list.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct RankedItem {
    /// 1 is first. Unique within the list.
    pub rank: u32,
    /// Id of a goal, sub-goal or measure.
    pub item: SmallStr,
    #[serde(default, skip_serializing_if = "Basis::is_stated")]
    pub basis: Basis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis_note: Option<Text>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

/// Schema 1.1: a rule that governs the roadmap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Principle {
    pub id: SmallStr,
    pub text: Text,
    /// Ids of the priority lists, goals or measures it applies to (empty: the whole feed).
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub applies_to: Vec<SmallStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standing: Option<Standing>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

/// Schema 1.1: whether an entry is a risk (may happen) or a precondition (must hold).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RiskKind {
    #[default]
    Risk,
    Precondition,
}

/// Schema 1.1: what a risk or precondition is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RiskCategory {
    /// Financing and budget room.
    Funding,
    /// Capacity of the sector, vendors or the operator.
    Capacity,
    /// Technology and integration (e.g. with journal systems).
    Technology,
    /// Adoption and change in the services (innføring, rutineendringer).
    Adoption,
    /// Coordination across actors.
    Coordination,
    /// Legal basis and regulation.
    Legal,
    /// Governance and decision process.
    Governance,
    Other,
}

/// Schema 1.1: a coarse level, as papers word it ("lav–middels", "høy").
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Low,
    LowMedium,
    Medium,
    MediumHigh,
    High,
}

/// Schema 1.1: a risk or precondition, of the whole feed or of one measure.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Risk {
    pub id: SmallStr,
    #[serde(default)]
    pub kind: RiskKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub category: Option<RiskCategory>,
    pub description: Text,
    /// 1 (rare) … 5 (almost certain), only where the source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub likelihood: Option<u8>,
    /// 1 (small) … 5 (critical), only where the source gives it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub consequence: Option<u8>,
    /// Overall level where the source words it so ("høy risiko") without a matrix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mitigation: Option<Text>,
    /// Actor id of whoever owns the risk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<SmallStr>,
    /// When the risk was stated (any precision).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub as_of: Option<SmallStr>,
    /// Measure or component ids it concerns (feed-level risks; empty: all).
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub concerns: Vec<SmallStr>,
    #[serde(default, skip_serializing_if = "Basis::is_stated")]
    pub basis: Basis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis_note: Option<Text>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

/// Schema 1.1: a level with its wording, for cost and expected support.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Assessment {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<Level>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    #[serde(default, skip_serializing_if = "Basis::is_stated")]
    pub basis: Basis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis_note: Option<Text>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

/// Schema 1.1: how a measure is funded.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum FundingState {
    /// No funding decided.
    Unfunded,
    /// Some of it funded, or only minimum funding.
    Partial,
    Funded,
    /// Earmarked funds (øremerkede midler).
    Earmarked,
    /// Co-financed by several actors (samfinansiering).
    CoFinanced,
}

/// Schema 1.1: a measure's funding.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Funding {
    pub state: FundingState,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    #[serde(default, skip_serializing_if = "Basis::is_stated")]
    pub basis: Basis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis_note: Option<Text>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

/// Schema 1.1: counts of the portfolio at one time, as the papers give them (unknown: absent).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PortfolioSnapshot {
    pub as_of: SmallStr,
    /// Active measures (aktive tiltak).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub active: Option<u32>,
    /// Measures reporting red status.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub red_status: Option<u32>,
    /// Measures reporting red risk.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub red_risk: Option<u32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub paused: Option<u32>,
    /// Measures closed since the previous report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finished: Option<u32>,
    /// Measures new since the previous report.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub new: Option<u32>,
    pub text: Text,
    /// Actor id of whoever reported it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<SmallStr>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
pub struct PlanPeriod {
    pub start: i32,
    pub end: i32,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// Council case papers (saksdokumenter, toppnotater).
    CasePapers,
    /// Minutes (referat, protokoll) with adopted decisions.
    Minutes,
    /// Slide deck of a meeting.
    SlideDeck,
    /// A public page or publication outside the council papers.
    External,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SourceDoc {
    pub id: SmallStr,
    pub title: Text,
    pub kind: SourceKind,
    /// Council body, e.g. `NUIT`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Body>,
    /// Meeting number, e.g. `2/2023`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<SmallStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<SmallStr>,
    /// http(s) link, only for documents that are public on the web.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Goal {
    pub id: SmallStr,
    /// The goal's number (1 to 5 for the strategic goals of Nasjonal e-helsestrategi), shown
    /// after the feed's top-level word (`meta.terms.goal_singular`, default «Mål»).
    pub number: u32,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sub_goals: Vec<SubGoal>,
    /// Schema 1.1.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standing: Option<Standing>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SubGoal {
    pub id: SmallStr,
    pub name: Text,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

/// A phase of the value chain (verdikjede), e.g. utprøving, innføring.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Phase {
    pub id: SmallStr,
    pub name: Text,
    /// `#rrggbb`.
    pub color: SmallStr,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// An organisation that can own or run work (RHF, KS, NHN, a directorate …).
    Organisation,
    /// A user group (brukergruppe): fastleger, legevakt, apotek, innbyggere …
    ActorGroup,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Actor {
    pub id: SmallStr,
    pub kind: ActorKind,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<SmallStr>,
    /// Id of a containing organisation (an HF's RHF), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<SmallStr>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

/// Shared infrastructure measures depend on: kjernejournal, HelseID, SFM …
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Component {
    pub id: SmallStr,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<SmallStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Actor id of the organisation that runs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<SmallStr>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

/// How a link was established: stated in a source, or inferred by the feed's editors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Basis {
    #[default]
    Stated,
    Inferred,
}

impl Basis {
    /// Whether the fact is stated in a source (the default).
    pub fn is_stated(&self) -> bool {
        *self == Basis::Stated
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GoalLink {
    /// Id of a goal.
    pub goal: SmallStr,
    /// Id of one of that goal's sub-goals, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_goal: Option<SmallStr>,
    #[serde(default)]
    pub basis: Basis,
    /// Why the link holds (required in practice for `inferred`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Eier: overall responsible organisation.
    Owner,
    /// Ansvarlig for gjennomføring.
    Responsible,
    /// Koordineringsansvar.
    Coordinating,
    /// Runs the national service (tjenesteleverandør).
    Operator,
    /// Takes part in the work.
    Participant,
    /// Shares data through the solution (e.g. JD-2: legevakt shares documents).
    SharesData,
    /// Affected user group (brukergruppe).
    Affected,
    /// Schema 1.1: commissions the work or gives the assignment (oppdragsgiver, bestiller), e.g.
    /// a ministry's letter of allocation.
    Commissions,
    /// Schema 1.1: appoints the owner or the responsible organisation.
    Appoints,
    /// Schema 1.1: proposed as owner («bør være», «kan være»), not decided.
    ProposedOwner,
}

impl Role {
    /// Roles only an organisation can hold.
    pub fn is_organisational(self) -> bool {
        matches!(
            self,
            Role::Owner | Role::Operator | Role::ProposedOwner | Role::Commissions | Role::Appoints
        )
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ActorRole {
    pub actor: SmallStr,
    pub role: Role,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Schema 1.1: when the role held, e.g. `2020` or `2019/2023` (owners change).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<SmallStr>,
    /// Schema 1.1: stated in a source, or inferred by the editors.
    #[serde(default, skip_serializing_if = "Basis::is_stated")]
    pub basis: Basis,
    /// Schema 1.1: why an inferred role holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis_note: Option<Text>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PhasePeriod {
    /// Id of a phase.
    pub phase: SmallStr,
    /// Start date. Required in 1.0. Schema 1.1: may be missing (empty) when the phase has an
    /// `order` in a known sequence or is `ongoing` with an unknown start.
    #[serde(default, skip_serializing_if = "str::is_empty")]
    pub start: SmallStr,
    /// Missing end: open-ended (still going on, or end unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<SmallStr>,
    /// Schema 1.1: position in the measure's sequence of phases (1 is first), for a sequence
    /// known without dates, e.g. kartlegging → utredning → gjennomføring. Unique per measure.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order: Option<u32>,
    /// Schema 1.1: the phase is under way (pågående); with no `start`, its start is unknown.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ongoing: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Schema 1.1: whether the dates are stated or inferred.
    #[serde(default, skip_serializing_if = "Basis::is_stated")]
    pub basis: Basis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis_note: Option<Text>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

impl PhasePeriod {
    /// Whether the period has a start date (1.1 allows undated, ordered or ongoing phases).
    pub fn is_dated(&self) -> bool {
        !self.start.trim().is_empty()
    }
}

/// How a milestone's date is to be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Qualifier {
    /// "i løpet av", by the end of the period.
    By,
    /// "fra", from the start of the period.
    From,
    /// "tidligst", at the earliest.
    Earliest,
    /// "primo", early in the period.
    Early,
    /// "medio", in the middle of the period.
    Mid,
    /// "ultimo", late in the period.
    Late,
    /// "foreløpig", tentative.
    Tentative,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MilestoneKind {
    #[default]
    Planned,
    Actual,
    /// Moved; `original_date` holds the date it had before.
    Postponed,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Milestone {
    pub id: SmallStr,
    pub title: Text,
    pub date: SmallStr,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    #[serde(default)]
    pub kind: MilestoneKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_date: Option<SmallStr>,
    /// The date as the source words it ("høsten 2023"), shown beside the computed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_text: Option<Text>,
    /// Schema 1.1: whether the date is stated in the source or inferred (a year added to
    /// «29. april», «i høst» read as a season, a date taken from a case number).
    #[serde(default, skip_serializing_if = "Basis::is_stated")]
    pub basis: Basis,
    /// Schema 1.1: why an inferred date holds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis_note: Option<Text>,
    /// Schema 1.1: id of the milestone in the previous version that this one is (same target,
    /// new id). The comparison then matches the two. Must not name a milestone of this feed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub replaces: Option<SmallStr>,
    /// Schema 1.1: with `replaces`, the target itself changed, so the comparison reports
    /// "replaced by a different target" and no slip in months.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub target_changed: bool,
    /// Schema 1.1: standing of this milestone when it differs from the feed's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standing: Option<Box<Standing>>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    /// over
    Gt,
    /// minst
    Gte,
    Eq,
    /// høyst
    Lte,
    /// under
    Lt,
}

/// A target for a year (ambisjonsnivå).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Ambition {
    pub year: i32,
    pub metric: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comparator: Option<Comparator>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    /// `%` or a count unit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<SmallStr>,
    pub text: Text,
    /// Schema 1.1: the value is approximate («omtrent», «over halvparten»).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    /// Schema 1.1: standing of this ambition when it differs from the feed's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standing: Option<Standing>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

/// A known starting value (utgangspunkt).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Baseline {
    /// Date of the measurement, as precise as known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<SmallStr>,
    pub metric: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<SmallStr>,
    pub text: Text,
    /// Schema 1.1: the value is approximate («omtrent en tredjedel»).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub approximate: bool,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Rag {
    Green,
    Yellow,
    Red,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Lifecycle {
    Candidate,
    NotStarted,
    Active,
    Paused,
    Finished,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Status {
    /// When the status was true.
    pub as_of: SmallStr,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rag: Option<Rag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<Rag>,
    pub lifecycle: Lifecycle,
    /// Actor id of whoever reported it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<SmallStr>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    /// Schema 1.1: whether the status is stated or inferred (e.g. a colour read off a slide).
    #[serde(default, skip_serializing_if = "Basis::is_stated")]
    pub basis: Basis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis_note: Option<Text>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

/// One cell of the "Resultat og nytte" matrix: the benefit for an actor group, scored `+` … `+++++`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Benefit {
    pub actor_group: SmallStr,
    /// Number of plus signs, 1–5; a range such as `+/++` is given as `score` 1 and `score_max` 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_max: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Measure {
    pub id: SmallStr,
    /// Id of the area or programme this is a sub-measure of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<SmallStr>,
    pub name: Text,
    /// Code used in the papers: `PLL`, `KI-2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<SmallStr>,
    /// Other names the papers use for the same measure.
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub aliases: Vec<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Agreed rank 1–5 of the five prioritised collaboration measures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u8>,
    /// The main strategic goal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<GoalLink>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub other_goals: Vec<GoalLink>,
    /// Programme it runs in, e.g. "Program digital samhandling".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<Text>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub actors: Vec<ActorRole>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub phases: Vec<PhasePeriod>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub milestones: Vec<Milestone>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub ambitions: Vec<Ambition>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub baselines: Vec<Baseline>,
    /// Status snapshots, any order; the newest `as_of` is the current one.
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub status: Vec<Status>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub benefits: Vec<Benefit>,
    /// Schema 1.1: whether the measure is proposed, for discussion, adopted or withdrawn (taken
    /// out of the roadmap). Missing: as the feed's `meta.standing`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub standing: Option<Box<Standing>>,
    /// Schema 1.1: risks and preconditions of this measure.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::de::tight"
    )]
    pub risks: Vec<Risk>,
    /// Schema 1.1: cost level as the source gives it ("Kost lav–middels").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cost: Option<Box<Assessment>>,
    /// Schema 1.1: funding state ("øremerkede midler", "samfinansiering").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub funding: Option<Box<Funding>>,
    /// Schema 1.1: expected support in the sector ("antatt støtte i sektoren").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub support: Option<Box<Assessment>>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DependencyKind {
    /// `from` cannot be done without `to`.
    Requires,
    /// `from` builds on `to`.
    BuildsOn,
    /// Both compete for the same resources (not an ordering).
    Competes,
    /// Each depends on the other (not an ordering).
    Mutual,
    /// Schema 1.1: to be seen together with («sees i sammenheng med», «prioriteres i sammenheng
    /// med»); not an ordering.
    SeenTogether,
}

impl DependencyKind {
    /// Whether the kind orders its ends in time (and so must be acyclic).
    pub fn is_ordering(self) -> bool {
        matches!(self, DependencyKind::Requires | DependencyKind::BuildsOn)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Dependency {
    pub id: SmallStr,
    /// The dependent: a measure or component id.
    pub from: SmallStr,
    /// The prerequisite: a measure or component id.
    pub to: SmallStr,
    pub kind: DependencyKind,
    #[serde(default)]
    pub critical: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    /// Schema 1.1: whether the link is stated in a source or inferred.
    #[serde(default, skip_serializing_if = "Basis::is_stated")]
    pub basis: Basis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis_note: Option<Text>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum Body {
    /// Nasjonalt utvalg for IT-prioritering (prioriteringsutvalget).
    #[serde(rename = "NUIT")]
    Nuit,
    /// Nasjonalt utvalg for fag og arkitektur (fagutvalget).
    #[serde(rename = "NUFA")]
    Nufa,
    /// Nasjonalt e-helsestyre.
    #[serde(rename = "NEHS")]
    Nehs,
    /// Nasjonalt e-helseråd (successor of NEHS).
    #[serde(rename = "NEHR")]
    Nehr,
}

impl Body {
    pub fn code(self) -> &'static str {
        match self {
            Body::Nuit => "NUIT",
            Body::Nufa => "NUFA",
            Body::Nehs => "NEHS",
            Body::Nehr => "NEHR",
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecisionState {
    /// Forslag til vedtak.
    Proposed,
    /// Vedtak, recorded in minutes.
    Adopted,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Decision {
    pub id: SmallStr,
    pub body: Body,
    /// Case number, e.g. `20/23`.
    pub case: SmallStr,
    /// Meeting number, e.g. `2/2023`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<SmallStr>,
    pub date: SmallStr,
    /// Sakstype: Godkjenning, Orientering, Drøfting, Anbefaling …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_type: Option<Text>,
    pub state: DecisionState,
    pub title: Text,
    pub text: Text,
    /// Measure (or component) ids the decision concerns.
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub measures: Vec<SmallStr>,
    /// Schema 1.1: goal or sub-goal ids the decision concerns.
    #[serde(
        default,
        skip_serializing_if = "Vec::is_empty",
        deserialize_with = "crate::de::tight"
    )]
    pub goals: Vec<SmallStr>,
    /// Schema 1.1: whether `date` is stated or inferred (e.g. taken from a case number).
    #[serde(default, skip_serializing_if = "Basis::is_stated")]
    pub basis: Basis,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub basis_note: Option<Text>,
    #[serde(default, deserialize_with = "crate::de::tight")]
    pub sources: Vec<SourceRef>,
}

/// The JSON Schema of the feed (draft 2020-12), pretty-printed, as shipped in `public/schema/`.
pub fn json_schema_string() -> String {
    let mut schema = schemars::schema_for!(Feed);
    schema.insert(
        "description".into(),
        "Veikart roadmap feed, schema version 1 (1.0 and 1.1; 1.1 only adds optional fields). Generated from the Rust types in crates/domain/src/model.rs; do not edit by hand.".into(),
    );
    serde_json::to_string_pretty(&schema).expect("a schema always serialises")
}

/// What a priority list ranks: resolved from the item id.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum RankedKind {
    Goal,
    SubGoal,
    /// A measure with sub-measures (an area or programme).
    Area,
    Measure,
}

/// One ranked entry of [`ResolvedList`], with the name to show.
#[derive(Clone, Debug, PartialEq)]
pub struct Ranked<'f> {
    pub rank: u32,
    pub id: &'f str,
    pub kind: RankedKind,
    pub name: &'f Text,
    pub basis: Basis,
}

/// A priority list ready for the UI: its label comes from the feed, never from "five".
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedList<'f> {
    /// The list's id; `priority` for the list implied by 1.0 `measures[].priority`.
    pub id: &'f str,
    /// The list's name; for the implied list, [`implied_list_name`].
    pub name: Text,
    /// The word for a rank badge («Prioritet» unless the list says otherwise).
    pub rank_label: Text,
    /// Ranked items, by rank (items whose id resolves to nothing are left out).
    pub items: Vec<Ranked<'f>>,
    /// True for the list built from 1.0 `priority` fields.
    pub implied: bool,
}

/// The name of the list built from 1.0 `measures[].priority` (no count in it).
pub fn implied_list_name() -> Text {
    Text {
        nb: Some("Prioriterte tiltak".into()),
        nn: Some("Prioriterte tiltak".into()),
        en: Some("Prioritised measures".into()),
    }
}

fn default_rank_label() -> Text {
    Text {
        nb: Some("Prioritet".into()),
        nn: Some("Prioritet".into()),
        en: Some("Priority".into()),
    }
}

/// The feed's words, with defaults filled in.
#[derive(Clone, Debug, PartialEq)]
pub struct ResolvedTerms {
    pub goal_singular: Text,
    pub goal_plural: Text,
    pub title: Text,
    pub subtitle: Option<Text>,
}

impl Feed {
    /// Schema 1.1: the feed's priority lists, with labels and ranked items. A feed without
    /// `priority_lists` gets one implied list from 1.0 `measures[].priority` (none if no
    /// measure has a priority). The UI shows these and never assumes a count.
    pub fn priority_lists(&self) -> Vec<ResolvedList<'_>> {
        let index = if self.priority_lists.is_empty() {
            RankIndex::of(
                self,
                self.measures
                    .iter()
                    .filter(|m| m.priority.is_some())
                    .map(|m| m.id.as_str()),
            )
        } else {
            RankIndex::of(
                self,
                self.priority_lists
                    .iter()
                    .flat_map(|l| l.items.iter().map(|it| it.item.as_str())),
            )
        };
        if self.priority_lists.is_empty() {
            let mut items: Vec<Ranked<'_>> = self
                .measures
                .iter()
                .filter_map(|m| {
                    let (kind, name) = index.get(&m.id)?;
                    Some(Ranked {
                        rank: u32::from(m.priority?),
                        id: m.id.as_str(),
                        kind,
                        name,
                        basis: Basis::Stated,
                    })
                })
                .collect();
            if items.is_empty() {
                return vec![];
            }
            crate::sort::sort_by_key(&mut items, |r| r.rank);
            return vec![ResolvedList {
                id: "priority",
                name: implied_list_name(),
                rank_label: default_rank_label(),
                items,
                implied: true,
            }];
        }
        self.priority_lists
            .iter()
            .map(|l| {
                let mut items: Vec<Ranked<'_>> = l
                    .items
                    .iter()
                    .filter_map(|it| {
                        let (kind, name) = index.get(&it.item)?;
                        Some(Ranked {
                            rank: it.rank,
                            id: it.item.as_str(),
                            kind,
                            name,
                            basis: it.basis,
                        })
                    })
                    .collect();
                crate::sort::sort_by_key(&mut items, |r| r.rank);
                ResolvedList {
                    id: l.id.as_str(),
                    name: l.name.clone(),
                    rank_label: l.rank_label.clone().unwrap_or_else(default_rank_label),
                    items,
                    implied: false,
                }
            })
            .collect()
    }

    /// The rank of a measure (or goal) in each priority list that has it: `(list, rank)`.
    pub fn ranks_of(&self, id: &str) -> Vec<(ResolvedList<'_>, u32)> {
        self.priority_lists()
            .into_iter()
            .filter_map(|l| {
                let r = l.items.iter().find(|i| i.id == id)?.rank;
                Some((l, r))
            })
            .collect()
    }

    /// What kind of thing an id names, for priority lists.
    pub fn ranked_kind(&self, id: &str) -> Option<RankedKind> {
        RankIndex::of(self, [id]).get(id).map(|(k, _)| k)
    }

    /// Schema 1.1: the feed's words (`meta.terms`) with the defaults: «Mål»/«Mål»/"Goal(s)" for
    /// the top level, `meta.title` for the header title, no subtitle.
    pub fn terms(&self) -> ResolvedTerms {
        let t = self.meta.terms.clone().unwrap_or_default();
        ResolvedTerms {
            goal_singular: t.goal_singular.unwrap_or_else(|| Text {
                nb: Some("Mål".into()),
                nn: Some("Mål".into()),
                en: Some("Goal".into()),
            }),
            goal_plural: t.goal_plural.unwrap_or_else(|| Text {
                nb: Some("Mål".into()),
                nn: Some("Mål".into()),
                en: Some("Goals".into()),
            }),
            title: t.title.unwrap_or_else(|| self.meta.title.clone()),
            subtitle: t.subtitle,
        }
    }

    /// The label of a top-level item in `lang`: «Mål 3», «Innsatsområde 2», "Goal 3".
    pub fn goal_label(&self, goal: &Goal, lang: crate::text::Lang) -> String {
        format!("{} {}", self.terms().goal_singular.get(lang), goal.number)
    }

    /// Schema 1.1: a measure's standing, falling back to the feed's (`None`: not stated).
    pub fn standing_of<'a>(&'a self, m: &'a Measure) -> Option<&'a Standing> {
        m.standing.as_deref().or(self.meta.standing.as_ref())
    }
}

/// Kind and name of every id a priority list can rank, built once per call (no quadratic scans
/// on large feeds).
struct RankIndex<'f> {
    by_id: crate::index::IdMap<&'f str, (RankedKind, &'f Text)>,
}

impl<'f> RankIndex<'f> {
    /// Kind and name of the `wanted` ids only (the few a priority list ranks): two passes over
    /// the measures, no table of every measure (that table was rebuilt on every call and cost
    /// milliseconds per call at 5 000 measures). A goal or sub-goal wins over a measure with the
    /// same id, and the first of two measures with one id wins, as before.
    fn of(feed: &'f Feed, wanted: impl IntoIterator<Item = &'f str>) -> Self {
        // Issue 18: the fast id hasher (`index::IdMap`); at 5 000 measures every call looks up
        // each measure's id and parent here, in wasm that SipHash showed in the first view's profile.
        let wanted: crate::index::IdSet<&str> = wanted.into_iter().collect();
        let mut by_id = crate::index::id_map(wanted.len());
        if wanted.is_empty() {
            return RankIndex { by_id };
        }
        let areas: crate::index::IdSet<&str> = feed
            .measures
            .iter()
            .filter_map(|m| m.parent.as_deref())
            .filter(|p| wanted.contains(p))
            .collect();
        for m in &feed.measures {
            let id = m.id.as_str();
            if !wanted.contains(id) {
                continue;
            }
            let kind = if areas.contains(id) {
                RankedKind::Area
            } else {
                RankedKind::Measure
            };
            by_id.entry(id).or_insert((kind, &m.name));
        }
        for g in &feed.goals {
            for s in &g.sub_goals {
                if wanted.contains(s.id.as_str()) {
                    by_id.insert(s.id.as_str(), (RankedKind::SubGoal, &s.name));
                }
            }
            if wanted.contains(g.id.as_str()) {
                by_id.insert(g.id.as_str(), (RankedKind::Goal, &g.name));
            }
        }
        RankIndex { by_id }
    }

    fn get(&self, id: &str) -> Option<(RankedKind, &'f Text)> {
        self.by_id.get(id).copied()
    }
}
