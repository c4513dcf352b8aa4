//! The roadmap feed, schema version 1: plain data types that mirror the JSON one to one.
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

/// The major schema version this build understands.
pub const SUPPORTED_MAJOR: u64 = 1;

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
    pub doc: String,
    /// Line or line range in that document: `L276` or `L276-L283`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lines: Option<String>,
    /// Case number in the council papers, e.g. `20/23`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case: Option<String>,
    /// Short verbatim quote, in the language of the document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub quote: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Feed {
    pub meta: Meta,
    #[serde(default)]
    pub goals: Vec<Goal>,
    #[serde(default)]
    pub phases: Vec<Phase>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub components: Vec<Component>,
    #[serde(default)]
    pub measures: Vec<Measure>,
    #[serde(default)]
    pub dependencies: Vec<Dependency>,
    #[serde(default)]
    pub decisions: Vec<Decision>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Meta {
    /// Semantic version of the feed format, e.g. `1.0.0`. Apps refuse an unknown major version.
    pub schema_version: String,
    /// Stable id of this version of the feed, e.g. `veikart-2023-05`.
    pub id: String,
    pub title: Text,
    /// Human label of this version, e.g. "Mai 2023 (NUIT 2/2023)".
    pub version_label: Text,
    /// Date the content describes (`YYYY-MM-DD` or coarser).
    pub published: String,
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
    #[serde(default)]
    pub sources: Vec<SourceDoc>,
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
    pub id: String,
    pub title: Text,
    pub kind: SourceKind,
    /// Council body, e.g. `NUIT`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub body: Option<Body>,
    /// Meeting number, e.g. `2/2023`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// http(s) link, only for documents that are public on the web.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Goal {
    pub id: String,
    /// 1 to 5 for the strategic goals of Nasjonal e-helsestrategi.
    pub number: u32,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default)]
    pub sub_goals: Vec<SubGoal>,
    #[serde(default)]
    pub sources: Vec<SourceRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct SubGoal {
    pub id: String,
    pub name: Text,
    #[serde(default)]
    pub sources: Vec<SourceRef>,
}

/// A phase of the value chain (verdikjede), e.g. utprøving, innføring.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Phase {
    pub id: String,
    pub name: Text,
    /// `#rrggbb`.
    pub color: String,
    #[serde(default)]
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
    pub id: String,
    pub kind: ActorKind,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// Id of a containing organisation (an HF's RHF), if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    #[serde(default)]
    pub sources: Vec<SourceRef>,
}

/// Shared infrastructure measures depend on: kjernejournal, HelseID, SFM …
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Component {
    pub id: String,
    pub name: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Actor id of the organisation that runs it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub operator: Option<String>,
    #[serde(default)]
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

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct GoalLink {
    /// Id of a goal.
    pub goal: String,
    /// Id of one of that goal's sub-goals, if known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sub_goal: Option<String>,
    #[serde(default)]
    pub basis: Basis,
    /// Why the link holds (required in practice for `inferred`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(default)]
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
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct ActorRole {
    pub actor: String,
    pub role: Role,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(default)]
    pub sources: Vec<SourceRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct PhasePeriod {
    /// Id of a phase.
    pub phase: String,
    pub start: String,
    /// Missing end: open-ended (still going on, or end unknown).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(default)]
    pub sources: Vec<SourceRef>,
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
    pub id: String,
    pub title: Text,
    pub date: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qualifier: Option<Qualifier>,
    #[serde(default)]
    pub kind: MilestoneKind,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_date: Option<String>,
    /// The date as the source words it ("høsten 2023"), shown beside the computed one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date_text: Option<Text>,
    #[serde(default)]
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
    pub unit: Option<String>,
    pub text: Text,
    #[serde(default)]
    pub sources: Vec<SourceRef>,
}

/// A known starting value (utgangspunkt).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Baseline {
    /// Date of the measurement, as precise as known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    pub metric: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    pub text: Text,
    #[serde(default)]
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
    pub as_of: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rag: Option<Rag>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risk: Option<Rag>,
    pub lifecycle: Lifecycle,
    /// Actor id of whoever reported it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reported_by: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    #[serde(default)]
    pub sources: Vec<SourceRef>,
}

/// One cell of the "Resultat og nytte" matrix: the benefit for an actor group, scored `+` … `+++++`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Benefit {
    pub actor_group: String,
    /// Number of plus signs, 1–5; a range such as `+/++` is given as `score` 1 and `score_max` 2.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub score_max: Option<u8>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<Text>,
    #[serde(default)]
    pub sources: Vec<SourceRef>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Measure {
    pub id: String,
    /// Id of the area or programme this is a sub-measure of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    pub name: Text,
    /// Code used in the papers: `PLL`, `KI-2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// Other names the papers use for the same measure.
    #[serde(default)]
    pub aliases: Vec<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    /// Agreed rank 1–5 of the five prioritised collaboration measures.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<u8>,
    /// The main strategic goal.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub goal: Option<GoalLink>,
    #[serde(default)]
    pub other_goals: Vec<GoalLink>,
    /// Programme it runs in, e.g. "Program digital samhandling".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<Text>,
    #[serde(default)]
    pub actors: Vec<ActorRole>,
    #[serde(default)]
    pub phases: Vec<PhasePeriod>,
    #[serde(default)]
    pub milestones: Vec<Milestone>,
    #[serde(default)]
    pub ambitions: Vec<Ambition>,
    #[serde(default)]
    pub baselines: Vec<Baseline>,
    /// Status snapshots, any order; the newest `as_of` is the current one.
    #[serde(default)]
    pub status: Vec<Status>,
    #[serde(default)]
    pub benefits: Vec<Benefit>,
    #[serde(default)]
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
}

impl DependencyKind {
    /// Whether the kind orders its ends in time (and so must be acyclic).
    pub fn is_ordering(self) -> bool {
        matches!(self, DependencyKind::Requires | DependencyKind::BuildsOn)
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, JsonSchema)]
pub struct Dependency {
    pub id: String,
    /// The dependent: a measure or component id.
    pub from: String,
    /// The prerequisite: a measure or component id.
    pub to: String,
    pub kind: DependencyKind,
    #[serde(default)]
    pub critical: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<Text>,
    #[serde(default)]
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
    pub id: String,
    pub body: Body,
    /// Case number, e.g. `20/23`.
    pub case: String,
    /// Meeting number, e.g. `2/2023`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub meeting: Option<String>,
    pub date: String,
    /// Sakstype: Godkjenning, Orientering, Drøfting, Anbefaling …
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub case_type: Option<Text>,
    pub state: DecisionState,
    pub title: Text,
    pub text: Text,
    /// Measure (or component) ids the decision concerns.
    #[serde(default)]
    pub measures: Vec<String>,
    #[serde(default)]
    pub sources: Vec<SourceRef>,
}

/// The JSON Schema of the feed (draft 2020-12), pretty-printed, as shipped in `public/schema/`.
pub fn json_schema_string() -> String {
    let mut schema = schemars::schema_for!(Feed);
    schema.insert(
        "description".into(),
        "Veikart roadmap feed, schema version 1. Generated from the Rust types in crates/domain/src/model.rs; do not edit by hand.".into(),
    );
    serde_json::to_string_pretty(&schema).expect("a schema always serialises")
}
