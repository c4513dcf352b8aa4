//! Loading a feed: parse errors with their JSON path, then semantic checks collected into a
//! list, each with a JSON pointer and a severity. Errors block rendering; warnings do not.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::fmt;

use serde::Deserialize;

use crate::date::DateSpan;
use crate::graph::DepGraph;
use crate::model::*;

/// Default upper limit of a feed's size in bytes.
pub const DEFAULT_MAX_BYTES: usize = 5 * 1024 * 1024;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Severity {
    Error,
    Warning,
}

/// Every semantic rule, with a stable code (used in fixtures' file names and in messages).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Rule {
    UnsupportedSchemaVersion,
    EmptyFeed,
    DuplicateId,
    DanglingReference,
    UnknownPhase,
    UnknownActor,
    UnknownGoal,
    UnknownSource,
    DependencyCycle,
    HierarchyCycle,
    SelfDependency,
    EndBeforeStart,
    MissingNb,
    UnparseableDate,
    InvalidPriority,
    InvalidColor,
    UnsafeUrl,
    InvalidScore,
    MissingSources,
    InvalidLineRef,
    RoleKindMismatch,
    InferredWithoutNote,
    PostponedNotLater,
}

impl Rule {
    pub const ALL: [Rule; 23] = [
        Rule::UnsupportedSchemaVersion,
        Rule::EmptyFeed,
        Rule::DuplicateId,
        Rule::DanglingReference,
        Rule::UnknownPhase,
        Rule::UnknownActor,
        Rule::UnknownGoal,
        Rule::UnknownSource,
        Rule::DependencyCycle,
        Rule::HierarchyCycle,
        Rule::SelfDependency,
        Rule::EndBeforeStart,
        Rule::MissingNb,
        Rule::UnparseableDate,
        Rule::InvalidPriority,
        Rule::InvalidColor,
        Rule::UnsafeUrl,
        Rule::InvalidScore,
        Rule::MissingSources,
        Rule::InvalidLineRef,
        Rule::RoleKindMismatch,
        Rule::InferredWithoutNote,
        Rule::PostponedNotLater,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Rule::UnsupportedSchemaVersion => "unsupported-schema-version",
            Rule::EmptyFeed => "empty-feed",
            Rule::DuplicateId => "duplicate-id",
            Rule::DanglingReference => "dangling-reference",
            Rule::UnknownPhase => "unknown-phase",
            Rule::UnknownActor => "unknown-actor",
            Rule::UnknownGoal => "unknown-goal",
            Rule::UnknownSource => "unknown-source",
            Rule::DependencyCycle => "dependency-cycle",
            Rule::HierarchyCycle => "hierarchy-cycle",
            Rule::SelfDependency => "self-dependency",
            Rule::EndBeforeStart => "end-before-start",
            Rule::MissingNb => "missing-nb",
            Rule::UnparseableDate => "unparseable-date",
            Rule::InvalidPriority => "invalid-priority",
            Rule::InvalidColor => "invalid-color",
            Rule::UnsafeUrl => "unsafe-url",
            Rule::InvalidScore => "invalid-score",
            Rule::MissingSources => "missing-sources",
            Rule::InvalidLineRef => "invalid-line-ref",
            Rule::RoleKindMismatch => "role-kind-mismatch",
            Rule::InferredWithoutNote => "inferred-without-note",
            Rule::PostponedNotLater => "postponed-not-later",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Rule::MissingSources
            | Rule::InvalidLineRef
            | Rule::RoleKindMismatch
            | Rule::InferredWithoutNote
            | Rule::PostponedNotLater => Severity::Warning,
            _ => Severity::Error,
        }
    }
}

/// One finding of the semantic checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Issue {
    pub rule: Rule,
    pub severity: Severity,
    /// RFC 6901 JSON pointer to the offending value, e.g. `/measures/3/phases/0/end`.
    pub pointer: String,
    /// What is wrong, in English, naming the offending value.
    pub message: String,
}

impl fmt::Display for Issue {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sev = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{sev}[{}] {}: {}",
            self.rule.code(),
            if self.pointer.is_empty() {
                "/"
            } else {
                &self.pointer
            },
            self.message
        )
    }
}

/// Why a feed could not be loaded at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LoadError {
    Empty,
    TooLarge {
        bytes: usize,
        limit: usize,
    },
    /// Not JSON at all (syntax), with 1-based line and column.
    Syntax {
        line: usize,
        column: usize,
        message: String,
    },
    /// JSON, but a value has the wrong type or a required field is missing.
    Shape {
        path: String,
        line: usize,
        column: usize,
        message: String,
    },
    UnsupportedVersion {
        found: String,
        supported: u64,
    },
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LoadError::Empty => write!(f, "the feed is empty"),
            LoadError::TooLarge { bytes, limit } => {
                write!(f, "the feed is {bytes} bytes, over the limit of {limit} bytes")
            }
            LoadError::Syntax {
                line,
                column,
                message,
            } => write!(
                f,
                "the feed is not valid JSON (line {line}, column {column}): {message}"
            ),
            LoadError::Shape {
                path,
                line,
                column,
                message,
            } => write!(
                f,
                "wrong value at {path} (line {line}, column {column}): {message}"
            ),
            LoadError::UnsupportedVersion { found, supported } => write!(
                f,
                "schema version «{found}» is not supported; this app reads major version {supported}"
            ),
        }
    }
}

/// The major version of a `schema_version` string such as `1.2.0`.
pub fn schema_major(version: &str) -> Option<u64> {
    let mut parts = version.trim().split('.');
    let major = parts.next()?.parse().ok()?;
    let rest: Vec<&str> = parts.collect();
    (rest.len() == 2 && rest.iter().all(|p| p.parse::<u64>().is_ok())).then_some(major)
}

#[derive(Deserialize)]
struct VersionProbe {
    meta: MetaProbe,
}
#[derive(Deserialize)]
struct MetaProbe {
    schema_version: String,
}

fn strip_serde_location(msg: &str) -> String {
    // serde_json appends " at line X column Y"; we report those separately.
    match msg.rfind(" at line ") {
        Some(i) => msg[..i].to_string(),
        None => msg.to_string(),
    }
}

/// Parses a feed. Checks size and schema major version first, so a newer feed gets a clear
/// message rather than a confusing type error.
pub fn parse_feed(text: &str, max_bytes: usize) -> Result<Feed, LoadError> {
    // A byte-order mark (Windows editors) is not an error.
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.len() > max_bytes {
        return Err(LoadError::TooLarge {
            bytes: text.len(),
            limit: max_bytes,
        });
    }
    if text.trim().is_empty() {
        return Err(LoadError::Empty);
    }
    let unsupported = |v: &str| {
        (schema_major(v) != Some(SUPPORTED_MAJOR)).then(|| LoadError::UnsupportedVersion {
            found: v.to_string(),
            supported: SUPPORTED_MAJOR,
        })
    };
    // Issue 9: one plain parse. The version probe (a second pass) runs only for a feed that fails
    // it, so a newer feed still gets the version message rather than a type error; the JSON path
    // of a type error is found from its position (`json_path`), not tracked during the parse.
    match serde_json::from_str::<Feed>(text) {
        Ok(feed) => match unsupported(&feed.meta.schema_version) {
            Some(e) => Err(e),
            None => Ok(feed),
        },
        Err(inner) => {
            if let Ok(probe) = serde_json::from_str::<VersionProbe>(text) {
                if let Some(e) = unsupported(&probe.meta.schema_version) {
                    return Err(e);
                }
            }
            let (line, column) = (inner.line(), inner.column());
            let message = strip_serde_location(&inner.to_string());
            if inner.is_syntax() || inner.is_eof() {
                Err(LoadError::Syntax {
                    line,
                    column,
                    message,
                })
            } else {
                let path = crate::json_path::path_at(text, line, column);
                Err(LoadError::Shape {
                    path: if path == "." { "/".into() } else { path },
                    line,
                    column,
                    message,
                })
            }
        }
    }
}

/// Escapes one JSON-pointer token.
fn tok(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

struct Ctx<'f> {
    issues: Vec<Issue>,
    // HashMaps for the two big lookups (every id; measures by id): issue 9, faster at scale.
    ids: HashMap<&'f str, String>,
    source_docs: BTreeSet<&'f str>,
}

impl<'f> Ctx<'f> {
    fn push(&mut self, rule: Rule, pointer: String, message: String) {
        self.issues.push(Issue {
            rule,
            severity: rule.severity(),
            pointer,
            message,
        });
    }

    fn id(&mut self, id: &'f str, pointer: String) {
        if let Some(first) = self.ids.get(id) {
            let msg = format!("id «{id}» is used twice (first at {first})");
            self.push(Rule::DuplicateId, pointer, msg);
        } else {
            self.ids.insert(id, pointer);
        }
    }

    fn text(&mut self, t: &Text, pointer: String) {
        if !t.has_nb() {
            self.push(
                Rule::MissingNb,
                pointer,
                "text has no bokmål (nb) version".into(),
            );
        }
    }

    fn opt_text(&mut self, t: &Option<Text>, pointer: String) {
        if let Some(t) = t {
            self.text(t, pointer);
        }
    }

    fn date(&mut self, d: &str, pointer: String) -> Option<DateSpan> {
        match DateSpan::parse(d) {
            Ok(s) => Some(s),
            Err(e) => {
                self.push(Rule::UnparseableDate, pointer, e.to_string());
                None
            }
        }
    }

    fn sources(&mut self, sources: &[SourceRef], pointer: &str, what: &str) {
        if sources.is_empty() {
            self.push(
                Rule::MissingSources,
                format!("{pointer}/sources"),
                format!("{what} names no source"),
            );
        }
        for (i, s) in sources.iter().enumerate() {
            // built only when there is something to report (issue 9: validation speed)
            let p = || format!("{pointer}/sources/{i}");
            if !self.source_docs.contains(s.doc.as_str()) {
                self.push(
                    Rule::UnknownSource,
                    format!("{}/doc", p()),
                    format!("source document «{}» is not listed in /meta/sources", s.doc),
                );
            }
            if let Some(lines) = &s.lines {
                if !valid_line_ref(lines) {
                    self.push(
                        Rule::InvalidLineRef,
                        format!("{}/lines", p()),
                        format!("«{lines}» is not a line reference like L276 or L276-L283"),
                    );
                }
            }
        }
    }

    fn url(&mut self, url: &str, pointer: String, allow_relative: bool) {
        let lower = url.trim().to_ascii_lowercase();
        let ok = http_link(url).is_some()
            || (allow_relative && !lower.contains(':') && !lower.starts_with("//"));
        if !ok {
            self.push(
                Rule::UnsafeUrl,
                pointer,
                format!("«{url}» is not an http(s) link"),
            );
        }
    }
}

/// A link from the feed that may become an `href`: only absolute `http://` or `https://` URLs
/// (trimmed). Components must pass every feed URL through this; `javascript:`, `data:` and the
/// like give `None` (and the validator reports them as `unsafe-url`).
pub fn http_link(url: &str) -> Option<&str> {
    let u = url.trim();
    let lower = u.get(..8).unwrap_or(u).to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://"))
        .then_some(u)
        .filter(|u| !u.chars().any(|c| c.is_control()))
}

/// `L276` or `L276-L283` (second number not smaller).
pub fn valid_line_ref(s: &str) -> bool {
    fn num(p: &str) -> Option<u32> {
        let d = p.strip_prefix('L')?;
        (!d.is_empty() && d.bytes().all(|b| b.is_ascii_digit()))
            .then(|| d.parse().ok())
            .flatten()
    }
    match s.split_once('-') {
        None => num(s).is_some(),
        Some((a, b)) => matches!((num(a), num(b)), (Some(x), Some(y)) if x <= y),
    }
}

fn valid_color(c: &str) -> bool {
    c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit())
}

/// All semantic checks. The result is sorted: errors first, then by pointer.
pub fn validate(feed: &Feed) -> Vec<Issue> {
    let mut c = Ctx {
        issues: vec![],
        ids: HashMap::new(),
        source_docs: feed.meta.sources.iter().map(|s| s.id.as_str()).collect(),
    };
    check_meta(&mut c, feed);
    collect_ids(&mut c, feed);

    let goals: BTreeMap<&str, &Goal> = feed.goals.iter().map(|g| (g.id.as_str(), g)).collect();
    let phases: BTreeSet<&str> = feed.phases.iter().map(|p| p.id.as_str()).collect();
    let actors: BTreeMap<&str, &Actor> = feed.actors.iter().map(|a| (a.id.as_str(), a)).collect();
    let measures: HashMap<&str, &Measure> =
        feed.measures.iter().map(|m| (m.id.as_str(), m)).collect();
    let components: BTreeSet<&str> = feed.components.iter().map(|x| x.id.as_str()).collect();
    let nodes = |id: &str| measures.contains_key(id) || components.contains(id);

    for (i, g) in feed.goals.iter().enumerate() {
        let p = format!("/goals/{i}");
        c.text(&g.name, format!("{p}/name"));
        c.opt_text(&g.description, format!("{p}/description"));
        c.sources(&g.sources, &p, "goal");
        for (j, s) in g.sub_goals.iter().enumerate() {
            let sp = format!("{p}/sub_goals/{j}");
            c.text(&s.name, format!("{sp}/name"));
            c.sources(&s.sources, &sp, "sub-goal");
        }
    }
    for (i, ph) in feed.phases.iter().enumerate() {
        let p = format!("/phases/{i}");
        c.text(&ph.name, format!("{p}/name"));
        if !valid_color(&ph.color) {
            c.push(
                Rule::InvalidColor,
                format!("{p}/color"),
                format!("«{}» is not a colour like #1f6f8b", ph.color),
            );
        }
    }
    for (i, a) in feed.actors.iter().enumerate() {
        let p = format!("/actors/{i}");
        c.text(&a.name, format!("{p}/name"));
        c.sources(&a.sources, &p, "actor");
        if let Some(parent) = &a.parent {
            if !actors.contains_key(parent.as_str()) {
                c.push(
                    Rule::UnknownActor,
                    format!("{p}/parent"),
                    format!("parent actor «{parent}» does not exist"),
                );
            }
        }
    }
    for (i, x) in feed.components.iter().enumerate() {
        let p = format!("/components/{i}");
        c.text(&x.name, format!("{p}/name"));
        c.opt_text(&x.description, format!("{p}/description"));
        c.sources(&x.sources, &p, "component");
        if let Some(op) = &x.operator {
            if !actors.contains_key(op.as_str()) {
                c.push(
                    Rule::UnknownActor,
                    format!("{p}/operator"),
                    format!("operator «{op}» is not an actor"),
                );
            }
        }
    }

    let mut ranks: BTreeMap<u8, &str> = BTreeMap::new();
    for (i, m) in feed.measures.iter().enumerate() {
        let p = format!("/measures/{i}");
        check_measure(&mut c, m, &p, &goals, &phases, &actors, &measures);
        if let Some(r) = m.priority {
            if !(1..=5).contains(&r) {
                c.push(
                    Rule::InvalidPriority,
                    format!("{p}/priority"),
                    format!("priority {r} is outside 1–5"),
                );
            } else if let Some(other) = ranks.insert(r, &m.id) {
                c.push(
                    Rule::InvalidPriority,
                    format!("{p}/priority"),
                    format!("priority {r} is given to both «{other}» and «{}»", m.id),
                );
            }
        }
    }
    check_hierarchy(&mut c, feed, &measures);

    for (i, d) in feed.dependencies.iter().enumerate() {
        let p = format!("/dependencies/{i}");
        c.opt_text(&d.note, format!("{p}/note"));
        c.sources(&d.sources, &p, "dependency");
        for (field, id) in [("from", &d.from), ("to", &d.to)] {
            if !nodes(id) {
                c.push(
                    Rule::DanglingReference,
                    format!("{p}/{field}"),
                    format!("«{id}» is neither a measure nor a component"),
                );
            }
        }
        if d.from == d.to {
            c.push(
                Rule::SelfDependency,
                p.clone(),
                format!("«{}» depends on itself", d.from),
            );
        }
    }
    let graph = DepGraph::new(&feed.dependencies, true);
    for cycle in graph.cycles() {
        if cycle.len() < 2 {
            continue; // reported as a self-dependency
        }
        let first = &cycle[0];
        let next = &cycle[1];
        let idx = graph
            .prerequisites
            .get(first)
            .and_then(|v| v.iter().find(|(t, _)| t == next))
            .map(|(_, i)| *i)
            .unwrap_or(0);
        let mut shown = cycle.clone();
        shown.push(first.clone());
        c.push(
            Rule::DependencyCycle,
            format!("/dependencies/{idx}"),
            format!("dependencies form a cycle: {}", shown.join(" → ")),
        );
    }

    for (i, d) in feed.decisions.iter().enumerate() {
        let p = format!("/decisions/{i}");
        c.text(&d.title, format!("{p}/title"));
        c.text(&d.text, format!("{p}/text"));
        c.opt_text(&d.case_type, format!("{p}/case_type"));
        c.date(&d.date, format!("{p}/date"));
        c.sources(&d.sources, &p, "decision");
        for (j, m) in d.measures.iter().enumerate() {
            if !nodes(m) {
                c.push(
                    Rule::DanglingReference,
                    format!("{p}/measures/{j}"),
                    format!("decision refers to «{m}», which is neither a measure nor a component"),
                );
            }
        }
    }

    if feed.measures.is_empty() {
        c.push(
            Rule::EmptyFeed,
            "/measures".into(),
            "the feed has no measures".into(),
        );
    }

    let mut issues = c.issues;
    issues.sort_by(|a, b| (a.severity, &a.pointer).cmp(&(b.severity, &b.pointer)));
    issues
}

fn check_meta(c: &mut Ctx<'_>, feed: &Feed) {
    let m = &feed.meta;
    if schema_major(&m.schema_version) != Some(SUPPORTED_MAJOR) {
        c.push(
            Rule::UnsupportedSchemaVersion,
            "/meta/schema_version".into(),
            format!(
                "«{}» is not a supported schema version (major {SUPPORTED_MAJOR}, written as 1.x.y)",
                m.schema_version
            ),
        );
    }
    c.text(&m.title, "/meta/title".into());
    c.text(&m.version_label, "/meta/version_label".into());
    c.text(&m.publisher, "/meta/publisher".into());
    c.opt_text(&m.note, "/meta/note".into());
    c.date(&m.published, "/meta/published".into());
    if let Some(prev) = &m.previous_version {
        c.url(prev, "/meta/previous_version".into(), true);
    }
    if let Some(pp) = m.plan_period {
        if pp.end < pp.start {
            c.push(
                Rule::EndBeforeStart,
                "/meta/plan_period".into(),
                format!(
                    "plan period ends ({}) before it starts ({})",
                    pp.end, pp.start
                ),
            );
        }
    }
    let mut seen = BTreeSet::new();
    for (i, s) in m.sources.iter().enumerate() {
        let p = format!("/meta/sources/{i}");
        if !seen.insert(s.id.as_str()) {
            c.push(
                Rule::DuplicateId,
                format!("{p}/id"),
                format!("source document id «{}» is used twice", s.id),
            );
        }
        c.text(&s.title, format!("{p}/title"));
        if let Some(d) = &s.date {
            c.date(d, format!("{p}/date"));
        }
        if let Some(u) = &s.url {
            c.url(u, format!("{p}/url"), false);
        }
    }
}

fn collect_ids<'f>(c: &mut Ctx<'f>, feed: &'f Feed) {
    for (i, g) in feed.goals.iter().enumerate() {
        c.id(&g.id, format!("/goals/{i}/id"));
        for (j, s) in g.sub_goals.iter().enumerate() {
            c.id(&s.id, format!("/goals/{i}/sub_goals/{j}/id"));
        }
    }
    for (i, x) in feed.phases.iter().enumerate() {
        c.id(&x.id, format!("/phases/{i}/id"));
    }
    for (i, x) in feed.actors.iter().enumerate() {
        c.id(&x.id, format!("/actors/{i}/id"));
    }
    for (i, x) in feed.components.iter().enumerate() {
        c.id(&x.id, format!("/components/{i}/id"));
    }
    for (i, m) in feed.measures.iter().enumerate() {
        c.id(&m.id, format!("/measures/{i}/id"));
        for (j, ms) in m.milestones.iter().enumerate() {
            c.id(&ms.id, format!("/measures/{i}/milestones/{j}/id"));
        }
    }
    for (i, x) in feed.dependencies.iter().enumerate() {
        c.id(&x.id, format!("/dependencies/{i}/id"));
    }
    for (i, x) in feed.decisions.iter().enumerate() {
        c.id(&x.id, format!("/decisions/{i}/id"));
    }
}

fn check_goal_link(c: &mut Ctx<'_>, link: &GoalLink, p: String, goals: &BTreeMap<&str, &Goal>) {
    match goals.get(link.goal.as_str()) {
        None => c.push(
            Rule::UnknownGoal,
            format!("{p}/goal"),
            format!("goal «{}» does not exist", link.goal),
        ),
        Some(g) => {
            if let Some(sg) = &link.sub_goal {
                if !g.sub_goals.iter().any(|s| &s.id == sg) {
                    c.push(
                        Rule::UnknownGoal,
                        format!("{p}/sub_goal"),
                        format!("sub-goal «{sg}» is not a sub-goal of «{}»", g.id),
                    );
                }
            }
        }
    }
    c.opt_text(&link.note, format!("{p}/note"));
    if link.basis == Basis::Inferred && link.note.is_none() {
        c.push(
            Rule::InferredWithoutNote,
            p,
            "an inferred goal link should say why in `note`".into(),
        );
    } else if link.basis == Basis::Stated {
        c.sources(&link.sources, &p, "stated goal link");
    }
}

fn check_measure(
    c: &mut Ctx<'_>,
    m: &Measure,
    p: &str,
    goals: &BTreeMap<&str, &Goal>,
    phases: &BTreeSet<&str>,
    actors: &BTreeMap<&str, &Actor>,
    measures: &HashMap<&str, &Measure>,
) {
    c.text(&m.name, format!("{p}/name"));
    c.opt_text(&m.description, format!("{p}/description"));
    c.opt_text(&m.programme, format!("{p}/programme"));
    for (i, a) in m.aliases.iter().enumerate() {
        c.text(a, format!("{p}/aliases/{i}"));
    }
    c.sources(&m.sources, p, "measure");
    if let Some(parent) = &m.parent {
        if !measures.contains_key(parent.as_str()) {
            c.push(
                Rule::DanglingReference,
                format!("{p}/parent"),
                format!("parent measure «{parent}» does not exist"),
            );
        }
    }
    if let Some(g) = &m.goal {
        check_goal_link(c, g, format!("{p}/goal"), goals);
    }
    for (i, g) in m.other_goals.iter().enumerate() {
        check_goal_link(c, g, format!("{p}/other_goals/{i}"), goals);
    }
    for (i, r) in m.actors.iter().enumerate() {
        let rp = format!("{p}/actors/{i}");
        c.opt_text(&r.note, format!("{rp}/note"));
        match actors.get(r.actor.as_str()) {
            None => c.push(
                Rule::UnknownActor,
                format!("{rp}/actor"),
                format!("actor «{}» does not exist", r.actor),
            ),
            Some(a) => {
                if a.kind == ActorKind::ActorGroup && matches!(r.role, Role::Owner | Role::Operator)
                {
                    c.push(
                        Rule::RoleKindMismatch,
                        format!("{rp}/role"),
                        format!(
                            "«{}» is an actor group; owners and operators are organisations",
                            r.actor
                        ),
                    );
                }
            }
        }
    }
    for (i, ph) in m.phases.iter().enumerate() {
        let pp = format!("{p}/phases/{i}");
        if !phases.contains(ph.phase.as_str()) {
            c.push(
                Rule::UnknownPhase,
                format!("{pp}/phase"),
                format!("phase «{}» does not exist", ph.phase),
            );
        }
        c.opt_text(&ph.note, format!("{pp}/note"));
        c.sources(&ph.sources, &pp, "phase period");
        let start = c.date(&ph.start, format!("{pp}/start"));
        let end = ph.end.as_ref().and_then(|e| c.date(e, format!("{pp}/end")));
        if let (Some(s), Some(e)) = (start, end) {
            if e.end < s.start {
                c.push(
                    Rule::EndBeforeStart,
                    format!("{pp}/end"),
                    format!(
                        "ends ({}) before it starts ({})",
                        ph.end.as_deref().unwrap_or(""),
                        ph.start
                    ),
                );
            }
        }
    }
    for (i, ms) in m.milestones.iter().enumerate() {
        let mp = format!("{p}/milestones/{i}");
        c.text(&ms.title, format!("{mp}/title"));
        c.opt_text(&ms.date_text, format!("{mp}/date_text"));
        c.sources(&ms.sources, &mp, "milestone");
        let date = c.date(&ms.date, format!("{mp}/date"));
        if let Some(orig) = &ms.original_date {
            let o = c.date(orig, format!("{mp}/original_date"));
            if let (Some(d), Some(o)) = (date, o) {
                if ms.kind == MilestoneKind::Postponed && d.start <= o.start {
                    c.push(
                        Rule::PostponedNotLater,
                        format!("{mp}/date"),
                        format!("postponed to {} which is not later than {}", ms.date, orig),
                    );
                }
            }
        }
    }
    for (i, a) in m.ambitions.iter().enumerate() {
        let ap = format!("{p}/ambitions/{i}");
        c.text(&a.metric, format!("{ap}/metric"));
        c.text(&a.text, format!("{ap}/text"));
        c.sources(&a.sources, &ap, "ambition");
    }
    for (i, b) in m.baselines.iter().enumerate() {
        let bp = format!("{p}/baselines/{i}");
        c.text(&b.metric, format!("{bp}/metric"));
        c.text(&b.text, format!("{bp}/text"));
        if let Some(d) = &b.date {
            c.date(d, format!("{bp}/date"));
        }
        c.sources(&b.sources, &bp, "baseline");
    }
    for (i, s) in m.status.iter().enumerate() {
        let sp = format!("{p}/status/{i}");
        c.date(&s.as_of, format!("{sp}/as_of"));
        c.opt_text(&s.text, format!("{sp}/text"));
        c.sources(&s.sources, &sp, "status");
        if let Some(r) = &s.reported_by {
            if !actors.contains_key(r.as_str()) {
                c.push(
                    Rule::UnknownActor,
                    format!("{sp}/reported_by"),
                    format!("reporter «{r}» is not an actor"),
                );
            }
        }
    }
    for (i, b) in m.benefits.iter().enumerate() {
        let bp = format!("{p}/benefits/{i}");
        c.opt_text(&b.text, format!("{bp}/text"));
        c.sources(&b.sources, &bp, "benefit");
        match actors.get(b.actor_group.as_str()) {
            None => c.push(
                Rule::UnknownActor,
                format!("{bp}/actor_group"),
                format!("actor group «{}» does not exist", b.actor_group),
            ),
            Some(a) if a.kind != ActorKind::ActorGroup => c.push(
                Rule::RoleKindMismatch,
                format!("{bp}/actor_group"),
                format!("«{}» is an organisation, not an actor group", b.actor_group),
            ),
            Some(_) => {}
        }
        let bad = match (b.score, b.score_max) {
            (Some(s), _) if !(1..=5).contains(&s) => true,
            (Some(s), Some(mx)) => !(1..=5).contains(&mx) || mx < s,
            (None, Some(_)) => true,
            _ => false,
        };
        if bad {
            c.push(Rule::InvalidScore, format!("{bp}/score"), {
                let show = |v: Option<u8>| v.map_or("none".to_string(), |v| v.to_string());
                let range = match b.score_max {
                    Some(_) => format!("{}–{}", show(b.score), show(b.score_max)),
                    None => show(b.score),
                };
                format!("score {range} is not a range within + … +++++ (1–5)")
            });
        }
    }
}

fn check_hierarchy(c: &mut Ctx<'_>, feed: &Feed, measures: &HashMap<&str, &Measure>) {
    for (i, m) in feed.measures.iter().enumerate() {
        let mut seen = BTreeSet::new();
        let mut cur = m;
        seen.insert(cur.id.as_str());
        while let Some(parent) = cur.parent.as_deref().and_then(|p| measures.get(p)) {
            if !seen.insert(parent.id.as_str()) {
                c.push(
                    Rule::HierarchyCycle,
                    format!("/measures/{i}/parent"),
                    format!("«{}» is (indirectly) its own parent", m.id),
                );
                break;
            }
            cur = parent;
        }
    }
}

/// Everything a loaded feed carries: the feed and its findings.
#[derive(Clone, Debug)]
pub struct Loaded {
    pub feed: Feed,
    pub issues: Vec<Issue>,
}

impl Loaded {
    pub fn errors(&self) -> impl Iterator<Item = &Issue> {
        self.issues.iter().filter(|i| i.severity == Severity::Error)
    }
    pub fn warnings(&self) -> impl Iterator<Item = &Issue> {
        self.issues
            .iter()
            .filter(|i| i.severity == Severity::Warning)
    }
    pub fn is_usable(&self) -> bool {
        self.errors().next().is_none()
    }
}

/// Parse and validate.
pub fn load(text: &str, max_bytes: usize) -> Result<Loaded, LoadError> {
    let feed = parse_feed(text, max_bytes)?;
    let issues = validate(&feed);
    Ok(Loaded { feed, issues })
}

/// JSON-pointer token escaping, exposed for callers that build pointers.
pub fn pointer_token(s: &str) -> String {
    tok(s)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn schema_major_parses_semver_only() {
        assert_eq!(schema_major("1.0.0"), Some(1));
        assert_eq!(schema_major("2.3.1"), Some(2));
        assert_eq!(schema_major("1.0"), None);
        assert_eq!(schema_major("v1.0.0"), None);
        assert_eq!(schema_major(""), None);
    }

    #[test]
    fn line_refs() {
        assert!(valid_line_ref("L276"));
        assert!(valid_line_ref("L276-L283"));
        assert!(!valid_line_ref("L283-L276"));
        assert!(!valid_line_ref("276"));
        assert!(!valid_line_ref("L"));
    }

    #[test]
    fn trailing_characters_are_a_syntax_error() {
        let min = include_str!("../../../tests/fixtures/minimal.json");
        let text = format!("{min}\n}}\n");
        match parse_feed(&text, DEFAULT_MAX_BYTES) {
            Err(LoadError::Syntax { message, line, .. }) => {
                assert_eq!(message, "trailing characters");
                assert_eq!(
                    line,
                    text.lines().count(),
                    "the stray brace is on the last line"
                );
            }
            other => panic!("{other:?}"),
        }
        let bom = format!("\u{feff}{min}");
        assert!(parse_feed(&bom, DEFAULT_MAX_BYTES).is_ok());
    }

    #[test]
    fn only_http_links_pass() {
        assert_eq!(
            http_link(" https://ehelse.no/x "),
            Some("https://ehelse.no/x")
        );
        assert_eq!(http_link("HTTP://example.org"), Some("HTTP://example.org"));
        assert_eq!(http_link("javascript:alert(1)"), None);
        assert_eq!(http_link("JaVaScRiPt:alert(1)"), None);
        assert_eq!(http_link("data:text/html,<script>"), None);
        assert_eq!(http_link("//evil.example"), None);
        assert_eq!(http_link("https://a\nb"), None);
        assert_eq!(http_link("https://a\u{0}b"), None);
        assert_eq!(http_link("ht"), None);
    }

    #[test]
    fn pointer_tokens_escape() {
        assert_eq!(pointer_token("a/b~c"), "a~1b~0c");
    }

    #[test]
    fn every_rule_has_a_distinct_code() {
        let codes: BTreeSet<_> = Rule::ALL.iter().map(|r| r.code()).collect();
        assert_eq!(codes.len(), Rule::ALL.len());
    }
}
