//! Loading a feed: parse errors with their JSON path, then semantic checks collected into a
//! list, each with a JSON pointer and a severity. Errors block rendering; warnings do not.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use serde::Deserialize;

use crate::date::{DateSpan, Precision};
use crate::index::{id_map, IdMap, IdSet};
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
    /// Schema 1.1: a milestone's `replaces` names itself or a milestone still in this feed.
    InvalidReplaces,
    /// Schema 1.1: undated phase without `order` or `ongoing`, or an `order` used twice.
    InvalidPhaseOrder,
    /// Schema 1.1: a risk's likelihood or consequence outside 1–5.
    InvalidRiskScale,
    /// Schema 1.1: an inferred fact (`basis: inferred`) without a `basis_note`.
    BasisWithoutNote,
    /// A feed that declares schema 1.0 uses schema 1.1 fields.
    VersionFeatureMismatch,
}

impl Rule {
    pub const ALL: [Rule; 28] = [
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
        Rule::InvalidReplaces,
        Rule::InvalidPhaseOrder,
        Rule::InvalidRiskScale,
        Rule::BasisWithoutNote,
        Rule::VersionFeatureMismatch,
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
            Rule::InvalidReplaces => "invalid-replaces",
            Rule::InvalidPhaseOrder => "invalid-phase-order",
            Rule::InvalidRiskScale => "invalid-risk-scale",
            Rule::BasisWithoutNote => "basis-without-note",
            Rule::VersionFeatureMismatch => "version-feature-mismatch",
        }
    }

    pub fn severity(self) -> Severity {
        match self {
            Rule::MissingSources
            | Rule::InvalidLineRef
            | Rule::RoleKindMismatch
            | Rule::InferredWithoutNote
            | Rule::PostponedNotLater
            | Rule::BasisWithoutNote
            | Rule::VersionFeatureMismatch => Severity::Warning,
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
/// Escapes one JSON-pointer token.
fn tok(s: &str) -> String {
    s.replace('~', "~0").replace('/', "~1")
}

/// One step of a JSON pointer: an object key (always a field name of the schema, so never in
/// need of escaping) or an array index.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Seg {
    Key(&'static str),
    Idx(usize),
}

/// A lazy JSON pointer (issue 16): a chain of borrowed segments on the stack, rendered to text
/// only when an issue is reported. Checking a field that passes costs no allocation.
#[derive(Clone, Copy)]
struct Ptr<'a> {
    parent: Option<&'a Ptr<'a>>,
    seg: Option<Seg>,
}

const ROOT: Ptr<'static> = Ptr {
    parent: None,
    seg: None,
};

impl<'a> Ptr<'a> {
    fn key(&'a self, k: &'static str) -> Ptr<'a> {
        Ptr {
            parent: Some(self),
            seg: Some(Seg::Key(k)),
        }
    }
    fn idx(&'a self, i: usize) -> Ptr<'a> {
        Ptr {
            parent: Some(self),
            seg: Some(Seg::Idx(i)),
        }
    }
    fn write(&self, out: &mut String) {
        if let Some(p) = self.parent {
            p.write(out);
        }
        match self.seg {
            Some(Seg::Key(k)) => {
                out.push('/');
                out.push_str(k);
            }
            Some(Seg::Idx(i)) => {
                out.push('/');
                out.push_str(&i.to_string());
            }
            None => {}
        }
    }
    /// The pointer as RFC 6901 text, e.g. `/measures/3/phases/0/end` (the root is empty).
    fn render(&self) -> String {
        let mut s = String::new();
        self.write(&mut s);
        s
    }
    /// A copy that outlives the stack frame (for the first place an id was seen).
    fn to_loc(self) -> Loc {
        let mut segs = [Seg::Idx(0); LOC_DEPTH];
        let mut n = 0;
        let mut cur = Some(&self);
        let mut rev = [Seg::Idx(0); LOC_DEPTH];
        while let Some(p) = cur {
            if let Some(s) = p.seg {
                if n < LOC_DEPTH {
                    rev[n] = s;
                }
                n += 1;
            }
            cur = p.parent;
        }
        let n = n.min(LOC_DEPTH);
        for i in 0..n {
            segs[i] = rev[n - 1 - i];
        }
        Loc { segs, len: n }
    }
}

const LOC_DEPTH: usize = 6;

/// An owned, allocation-free copy of a short pointer (ids sit at most 5 steps deep).
#[derive(Clone, Copy)]
struct Loc {
    segs: [Seg; LOC_DEPTH],
    len: usize,
}

impl fmt::Display for Loc {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for s in &self.segs[..self.len] {
            match s {
                Seg::Key(k) => write!(f, "/{k}")?,
                Seg::Idx(i) => write!(f, "/{i}")?,
            }
        }
        Ok(())
    }
}

struct Ctx<'f> {
    issues: Vec<Issue>,
    // Every id → where it was first seen (an index into `locs`). Issue 18: a fast hasher, sized
    // up front, and a 4-byte value, so the table neither rehashes nor moves 150-byte entries.
    ids: IdMap<&'f str, u32>,
    locs: Vec<Loc>,
    source_docs: IdSet<&'f str>,
    /// The feed declares a 1.0.x schema: 1.1 fields are then noted (first one only).
    declares_1_0: bool,
    first_1_1: Option<(String, &'static str)>,
}

impl<'f> Ctx<'f> {
    fn push(&mut self, rule: Rule, pointer: &Ptr<'_>, message: String) {
        self.push_at(rule, pointer.render(), message);
    }

    fn push_at(&mut self, rule: Rule, pointer: String, message: String) {
        self.issues.push(Issue {
            rule,
            severity: rule.severity(),
            pointer,
            message,
        });
    }

    /// Notes that the feed uses a schema 1.1 field (reported once, for a feed declaring 1.0).
    fn uses_1_1(&mut self, p: &Ptr<'_>, what: &'static str) {
        if self.declares_1_0 && self.first_1_1.is_none() {
            self.first_1_1 = Some((p.render(), what));
        }
    }

    fn id(&mut self, id: &'f str, pointer: &Ptr<'_>) {
        match self.ids.entry(id) {
            std::collections::hash_map::Entry::Occupied(first) => {
                let first = self.locs[*first.get() as usize];
                let msg = format!("id «{id}» is used twice (first at {first})");
                self.push(Rule::DuplicateId, pointer, msg);
            }
            std::collections::hash_map::Entry::Vacant(v) => {
                v.insert(self.locs.len() as u32);
                self.locs.push(pointer.to_loc());
            }
        }
    }

    fn text(&mut self, t: &Text, pointer: &Ptr<'_>) {
        if !t.has_nb() {
            self.push(
                Rule::MissingNb,
                pointer,
                "text has no bokmål (nb) version".into(),
            );
        }
    }

    fn opt_text(&mut self, t: &Option<Text>, pointer: &Ptr<'_>) {
        if let Some(t) = t {
            self.text(t, pointer);
        }
    }

    fn date(&mut self, d: &str, pointer: &Ptr<'_>) -> Option<DateSpan> {
        match DateSpan::parse(d) {
            Ok(s) => {
                if self.declares_1_0
                    && (s.start_precision == Precision::Season
                        || s.end_precision == Precision::Season)
                {
                    self.uses_1_1(pointer, "a season as a date");
                }
                Some(s)
            }
            Err(e) => {
                self.push(Rule::UnparseableDate, pointer, e.to_string());
                None
            }
        }
    }

    fn sources(&mut self, sources: &[SourceRef], pointer: &Ptr<'_>, what: &str) {
        if sources.is_empty() {
            self.push(
                Rule::MissingSources,
                &pointer.key("sources"),
                format!("{what} names no source"),
            );
        }
        self.source_refs(sources, pointer);
    }

    /// Checks the references without asking for at least one.
    fn source_refs(&mut self, sources: &[SourceRef], pointer: &Ptr<'_>) {
        for (i, s) in sources.iter().enumerate() {
            if !self.source_docs.contains(s.doc.as_str()) {
                let p = pointer.key("sources");
                let p = p.idx(i);
                self.push(
                    Rule::UnknownSource,
                    &p.key("doc"),
                    format!("source document «{}» is not listed in /meta/sources", s.doc),
                );
            }
            if let Some(lines) = &s.lines {
                if !valid_line_ref(lines) {
                    let p = pointer.key("sources");
                    let p = p.idx(i);
                    self.push(
                        Rule::InvalidLineRef,
                        &p.key("lines"),
                        format!("«{lines}» is not a line reference like L276 or L276-L283"),
                    );
                }
            }
        }
    }

    /// Schema 1.1: a `basis` and its `basis_note` on a dated or linked fact.
    fn basis(&mut self, basis: Basis, note: &Option<Text>, pointer: &Ptr<'_>, what: &str) {
        if let Some(n) = note {
            self.uses_1_1(pointer, "basis_note");
            self.text(n, &pointer.key("basis_note"));
        }
        if basis == Basis::Inferred {
            self.uses_1_1(pointer, "basis");
            if note.is_none() {
                self.push(
                    Rule::BasisWithoutNote,
                    pointer,
                    format!("an inferred {what} should say why in `basis_note`"),
                );
            }
        }
    }

    fn url(&mut self, url: &str, pointer: &Ptr<'_>, allow_relative: bool) {
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
    let declares_1_0 = schema_minor(&feed.meta.schema_version) == Some(0);
    let n_ids = id_count(feed);
    let mut c = Ctx {
        issues: vec![],
        ids: id_map(n_ids),
        locs: Vec::with_capacity(n_ids),
        source_docs: feed.meta.sources.iter().map(|s| s.id.as_str()).collect(),
        declares_1_0,
        first_1_1: None,
    };
    check_meta(&mut c, feed);
    collect_ids(&mut c, feed);

    // Issue 18: hash lookups with the fast hasher (a BTreeMap compares strings at every level).
    // Collected in feed order like before, so the last record of a duplicate id wins as it did.
    let goals: IdMap<&str, &Goal> = feed.goals.iter().map(|g| (g.id.as_str(), g)).collect();
    let sub_goals: IdSet<&str> = feed
        .goals
        .iter()
        .flat_map(|g| g.sub_goals.iter().map(|s| s.id.as_str()))
        .collect();
    let phases: IdSet<&str> = feed.phases.iter().map(|p| p.id.as_str()).collect();
    let actors: IdMap<&str, &Actor> = feed.actors.iter().map(|a| (a.id.as_str(), a)).collect();
    let mut measures: IdMap<&str, &Measure> = id_map(feed.measures.len());
    measures.extend(feed.measures.iter().map(|m| (m.id.as_str(), m)));
    let components: IdSet<&str> = feed.components.iter().map(|x| x.id.as_str()).collect();
    let decisions: IdSet<&str> = feed.decisions.iter().map(|d| d.id.as_str()).collect();
    // Every milestone id, built on the first `replaces` (issue 18: most feeds have none, and
    // hashing 5 000 ids for nothing costs a millisecond).
    let milestones = std::cell::OnceCell::new();
    let nodes = |id: &str| measures.contains_key(id) || components.contains(id);
    let refs = Refs {
        goals: &goals,
        phases: &phases,
        actors: &actors,
        measures: &measures,
        decisions: &decisions,
        milestones: &milestones,
        measures_in_order: &feed.measures,
        components: &components,
    };

    if let Some(s) = &feed.meta.standing {
        let p = ROOT.key("meta");
        check_standing(&mut c, s, &p.key("standing"), &decisions);
    }

    let goals_p = ROOT.key("goals");
    for (i, g) in feed.goals.iter().enumerate() {
        let p = goals_p.idx(i);
        c.text(&g.name, &p.key("name"));
        c.opt_text(&g.description, &p.key("description"));
        c.sources(&g.sources, &p, "goal");
        if let Some(s) = &g.standing {
            check_standing(&mut c, s, &p.key("standing"), &decisions);
        }
        let sp = p.key("sub_goals");
        for (j, s) in g.sub_goals.iter().enumerate() {
            let sp = sp.idx(j);
            c.text(&s.name, &sp.key("name"));
            c.sources(&s.sources, &sp, "sub-goal");
        }
    }
    let phases_p = ROOT.key("phases");
    for (i, ph) in feed.phases.iter().enumerate() {
        let p = phases_p.idx(i);
        c.text(&ph.name, &p.key("name"));
        if !valid_color(&ph.color) {
            c.push(
                Rule::InvalidColor,
                &p.key("color"),
                format!("«{}» is not a colour like #1f6f8b", ph.color),
            );
        }
    }
    let actors_p = ROOT.key("actors");
    for (i, a) in feed.actors.iter().enumerate() {
        let p = actors_p.idx(i);
        c.text(&a.name, &p.key("name"));
        c.sources(&a.sources, &p, "actor");
        if let Some(parent) = &a.parent {
            if !actors.contains_key(parent.as_str()) {
                c.push(
                    Rule::UnknownActor,
                    &p.key("parent"),
                    format!("parent actor «{parent}» does not exist"),
                );
            }
        }
    }
    let comp_p = ROOT.key("components");
    for (i, x) in feed.components.iter().enumerate() {
        let p = comp_p.idx(i);
        c.text(&x.name, &p.key("name"));
        c.opt_text(&x.description, &p.key("description"));
        c.sources(&x.sources, &p, "component");
        if let Some(op) = &x.operator {
            if !actors.contains_key(op.as_str()) {
                c.push(
                    Rule::UnknownActor,
                    &p.key("operator"),
                    format!("operator «{op}» is not an actor"),
                );
            }
        }
    }

    // 1.0 ranks 1–5 on measures; with 1.1 priority lists, `priority` is only required to be a
    // unique rank from 1 (the lists carry the ranking).
    let max_rank: u8 = if feed.priority_lists.is_empty() {
        5
    } else {
        u8::MAX
    };
    let mut ranks: BTreeMap<u8, &str> = BTreeMap::new();
    let measures_p = ROOT.key("measures");
    for (i, m) in feed.measures.iter().enumerate() {
        let p = measures_p.idx(i);
        check_measure(&mut c, m, &p, &refs);
        if let Some(r) = m.priority {
            if !(1..=max_rank).contains(&r) {
                let msg = if max_rank == 5 {
                    format!("priority {r} is outside 1–5")
                } else {
                    format!("priority {r}; ranks start at 1")
                };
                c.push(Rule::InvalidPriority, &p.key("priority"), msg);
            } else if let Some(other) = ranks.insert(r, &m.id) {
                c.push(
                    Rule::InvalidPriority,
                    &p.key("priority"),
                    format!("priority {r} is given to both «{other}» and «{}»", m.id),
                );
            }
        }
    }
    check_hierarchy(&mut c, feed, &measures);

    let deps_p = ROOT.key("dependencies");
    for (i, d) in feed.dependencies.iter().enumerate() {
        let p = deps_p.idx(i);
        c.opt_text(&d.note, &p.key("note"));
        c.sources(&d.sources, &p, "dependency");
        c.basis(d.basis, &d.basis_note, &p, "dependency");
        if d.kind == DependencyKind::SeenTogether {
            c.uses_1_1(&p.key("kind"), "dependency kind seen_together");
        }
        for (field, id) in [("from", &d.from), ("to", &d.to)] {
            if !nodes(id) {
                c.push(
                    Rule::DanglingReference,
                    &p.key(field),
                    format!("«{id}» is neither a measure nor a component"),
                );
            }
        }
        if d.from == d.to {
            c.push(
                Rule::SelfDependency,
                &p,
                format!("«{}» depends on itself", d.from),
            );
        }
    }
    for (cycle, idx) in dep_cycles(&feed.dependencies) {
        if cycle.len() < 2 {
            continue; // reported as a self-dependency
        }
        let mut shown = cycle.clone();
        shown.push(cycle[0]);
        c.push(
            Rule::DependencyCycle,
            &deps_p.idx(idx),
            format!("dependencies form a cycle: {}", shown.join(" → ")),
        );
    }

    let dec_p = ROOT.key("decisions");
    for (i, d) in feed.decisions.iter().enumerate() {
        let p = dec_p.idx(i);
        c.text(&d.title, &p.key("title"));
        c.text(&d.text, &p.key("text"));
        c.opt_text(&d.case_type, &p.key("case_type"));
        c.date(&d.date, &p.key("date"));
        c.sources(&d.sources, &p, "decision");
        c.basis(d.basis, &d.basis_note, &p, "decision date");
        let mp = p.key("measures");
        for (j, m) in d.measures.iter().enumerate() {
            if !nodes(m) {
                c.push(
                    Rule::DanglingReference,
                    &mp.idx(j),
                    format!("decision refers to «{m}», which is neither a measure nor a component"),
                );
            }
        }
        let gp = p.key("goals");
        for (j, g) in d.goals.iter().enumerate() {
            c.uses_1_1(&gp, "decision goals");
            if !goals.contains_key(g.as_str()) && !sub_goals.contains(g.as_str()) {
                c.push(
                    Rule::DanglingReference,
                    &gp.idx(j),
                    format!("decision refers to «{g}», which is neither a goal nor a sub-goal"),
                );
            }
        }
    }

    // Schema 1.1: priority lists, principles, feed risks, portfolio.
    let lists_p = ROOT.key("priority_lists");
    for (i, l) in feed.priority_lists.iter().enumerate() {
        let p = lists_p.idx(i);
        c.uses_1_1(&p, "priority_lists");
        c.text(&l.name, &p.key("name"));
        c.opt_text(&l.rank_label, &p.key("rank_label"));
        c.opt_text(&l.description, &p.key("description"));
        c.sources(&l.sources, &p, "priority list");
        if let Some(s) = &l.standing {
            check_standing(&mut c, s, &p.key("standing"), &decisions);
        }
        let mut by_rank: BTreeMap<u32, &str> = BTreeMap::new();
        let mut seen: BTreeSet<&str> = BTreeSet::new();
        let ip = p.key("items");
        for (j, it) in l.items.iter().enumerate() {
            let q = ip.idx(j);
            let known = goals.contains_key(it.item.as_str())
                || sub_goals.contains(it.item.as_str())
                || measures.contains_key(it.item.as_str());
            if !known {
                c.push(
                    Rule::DanglingReference,
                    &q.key("item"),
                    format!(
                        "priority list item «{}» is neither a goal, a sub-goal nor a measure",
                        it.item
                    ),
                );
            }
            if it.rank == 0 {
                c.push(
                    Rule::InvalidPriority,
                    &q.key("rank"),
                    format!("rank 0 for «{}»; ranks start at 1", it.item),
                );
            } else if let Some(other) = by_rank.insert(it.rank, &it.item) {
                c.push(
                    Rule::InvalidPriority,
                    &q.key("rank"),
                    format!(
                        "rank {} is given to both «{other}» and «{}» in this list",
                        it.rank, it.item
                    ),
                );
            }
            if !seen.insert(&it.item) {
                c.push(
                    Rule::InvalidPriority,
                    &q.key("item"),
                    format!("«{}» is ranked twice in this list", it.item),
                );
            }
            c.basis(it.basis, &it.basis_note, &q, "rank");
            c.source_refs(&it.sources, &q);
        }
    }
    let pr_p = ROOT.key("principles");
    for (i, x) in feed.principles.iter().enumerate() {
        let p = pr_p.idx(i);
        c.uses_1_1(&p, "principles");
        c.text(&x.text, &p.key("text"));
        c.sources(&x.sources, &p, "principle");
        if let Some(s) = &x.standing {
            check_standing(&mut c, s, &p.key("standing"), &decisions);
        }
        let ap = p.key("applies_to");
        for (j, id) in x.applies_to.iter().enumerate() {
            let known = feed.priority_lists.iter().any(|l| &l.id == id)
                || goals.contains_key(id.as_str())
                || sub_goals.contains(id.as_str())
                || nodes(id);
            if !known {
                c.push(
                    Rule::DanglingReference,
                    &ap.idx(j),
                    format!("principle applies to «{id}», which is not a priority list, goal, measure or component"),
                );
            }
        }
    }
    let risks_p = ROOT.key("risks");
    for (i, r) in feed.risks.iter().enumerate() {
        let p = risks_p.idx(i);
        c.uses_1_1(&p, "risks");
        check_risk(&mut c, r, &p, &refs);
    }
    let port_p = ROOT.key("portfolio");
    for (i, s) in feed.portfolio.iter().enumerate() {
        let p = port_p.idx(i);
        c.uses_1_1(&p, "portfolio");
        c.date(&s.as_of, &p.key("as_of"));
        c.text(&s.text, &p.key("text"));
        c.sources(&s.sources, &p, "portfolio snapshot");
        if let Some(r) = &s.reported_by {
            if !actors.contains_key(r.as_str()) {
                c.push(
                    Rule::UnknownActor,
                    &p.key("reported_by"),
                    format!("reporter «{r}» is not an actor"),
                );
            }
        }
    }

    if feed.measures.is_empty() {
        c.push(
            Rule::EmptyFeed,
            &measures_p,
            "the feed has no measures".into(),
        );
    }

    if let Some((at, what)) = c.first_1_1.take() {
        c.push_at(
            Rule::VersionFeatureMismatch,
            "/meta/schema_version".into(),
            format!(
                "the feed declares schema «{}» but uses {what} (schema 1.1) at {at}; declare 1.1.0",
                feed.meta.schema_version
            ),
        );
    }

    let mut issues = c.issues;
    crate::sort::sort_by(&mut issues, |a, b| {
        (a.severity, &a.pointer).cmp(&(b.severity, &b.pointer))
    });
    issues
}

/// The cycles of the ordering dependencies (requires, builds on), each with the index of the
/// dependency that leaves its first node for its second (0 for a one-node cycle): exactly
/// `DepGraph::new(deps, true).cycles()` in the same order (issue 18: node numbers and one edge
/// array instead of maps of owned strings; the test below holds the two together). Nodes are
/// numbered in id order, so the DFS visits roots in the same order, a cycle's smallest number is
/// its smallest id, and sorting by numbers sorts like the `BTreeSet<Vec<String>>` there.
fn dep_cycles(deps: &[Dependency]) -> Vec<(Vec<&str>, usize)> {
    let ordering = || {
        deps.iter()
            .enumerate()
            .filter(|(_, d)| d.kind.is_ordering())
    };
    // Each id once (a hash set), then sorted: at 5 000 measures 7 944 ends are 4 452 ids, and
    // sorting strings is most of what this function costs in wasm (issue 18).
    let mut seen: IdSet<&str> = IdSet::default();
    let mut names: Vec<&str> = ordering()
        .flat_map(|(_, d)| [d.from.as_str(), d.to.as_str()])
        .filter(|s| seen.insert(s))
        .collect();
    if names.is_empty() {
        return vec![];
    }
    crate::sort::sort(&mut names);
    let n = names.len();
    let mut num: IdMap<&str, u32> = id_map(n);
    num.extend(names.iter().enumerate().map(|(k, s)| (*s, k as u32)));
    // Edges by source node, each node's in dependency order (a counting sort is stable).
    let edges: Vec<(u32, u32, usize)> = ordering()
        .map(|(i, d)| (num[d.from.as_str()], num[d.to.as_str()], i))
        .collect();
    let mut start = vec![0usize; n + 1];
    for e in &edges {
        start[e.0 as usize + 1] += 1;
    }
    for k in 0..n {
        start[k + 1] += start[k];
    }
    let mut fill = start.clone();
    let mut out = vec![(0u32, 0usize); edges.len()];
    for &(f, t, i) in &edges {
        out[fill[f as usize]] = (t, i);
        fill[f as usize] += 1;
    }
    let children = |v: u32| &out[start[v as usize]..start[v as usize + 1]];

    const NEW: u8 = 0;
    const ON_STACK: u8 = 1;
    const DONE: u8 = 2;
    let mut mark = vec![NEW; n];
    let mut found: Vec<Vec<u32>> = vec![];
    // Iterative DFS: (node, next child); the stack is the path.
    let mut stack: Vec<(u32, usize)> = vec![];
    for root in 0..n as u32 {
        if mark[root as usize] != NEW {
            continue;
        }
        mark[root as usize] = ON_STACK;
        stack.push((root, 0));
        while let Some(&mut (node, ref mut next)) = stack.last_mut() {
            if let Some(&(child, _)) = children(node).get(*next) {
                *next += 1;
                match mark[child as usize] {
                    NEW => {
                        mark[child as usize] = ON_STACK;
                        stack.push((child, 0));
                    }
                    ON_STACK => {
                        let pos = stack.iter().position(|p| p.0 == child).unwrap_or(0);
                        let mut cyc: Vec<u32> = stack[pos..].iter().map(|p| p.0).collect();
                        let min = (0..cyc.len()).min_by_key(|&k| cyc[k]).unwrap_or(0);
                        cyc.rotate_left(min);
                        found.push(cyc);
                    }
                    _ => {}
                }
            } else {
                mark[node as usize] = DONE;
                stack.pop();
            }
        }
    }
    crate::sort::sort_dedup(&mut found);
    found
        .into_iter()
        .map(|cyc| {
            let idx = match cyc[..] {
                [first, next, ..] => children(first)
                    .iter()
                    .find(|(t, _)| *t == next)
                    .map_or(0, |(_, i)| *i),
                _ => 0,
            };
            (cyc.iter().map(|&k| names[k as usize]).collect(), idx)
        })
        .collect()
}

/// Every milestone id of the feed.
fn all_milestones(measures: &[Measure]) -> IdSet<&str> {
    let mut set = IdSet::with_capacity_and_hasher(
        measures.iter().map(|m| m.milestones.len()).sum(),
        Default::default(),
    );
    set.extend(
        measures
            .iter()
            .flat_map(|m| m.milestones.iter().map(|ms| ms.id.as_str())),
    );
    set
}

/// The lookups the per-record checks share.
struct Refs<'a, 'f> {
    goals: &'a IdMap<&'f str, &'f Goal>,
    phases: &'a IdSet<&'f str>,
    actors: &'a IdMap<&'f str, &'f Actor>,
    measures: &'a IdMap<&'f str, &'f Measure>,
    decisions: &'a IdSet<&'f str>,
    milestones: &'a std::cell::OnceCell<IdSet<&'f str>>,
    /// `feed.measures` (for `milestones`).
    measures_in_order: &'f [Measure],
    components: &'a IdSet<&'f str>,
}

/// The minor version of a `schema_version` such as `1.1.0`.
pub fn schema_minor(version: &str) -> Option<u64> {
    schema_major(version)?;
    version.trim().split('.').nth(1)?.parse().ok()
}

fn check_standing(c: &mut Ctx<'_>, s: &Standing, p: &Ptr<'_>, decisions: &IdSet<&str>) {
    c.uses_1_1(p, "standing");
    c.opt_text(&s.text, &p.key("text"));
    if let Some(d) = &s.since {
        c.date(d, &p.key("since"));
    }
    if let Some(d) = &s.decision {
        if !decisions.contains(d.as_str()) {
            c.push(
                Rule::DanglingReference,
                &p.key("decision"),
                format!("standing refers to decision «{d}», which does not exist"),
            );
        }
    }
    c.basis(s.basis, &s.basis_note, p, "standing");
    c.sources(&s.sources, p, "standing");
}

fn check_scale(c: &mut Ctx<'_>, v: Option<u8>, p: &Ptr<'_>, what: &str) {
    if let Some(v) = v {
        if !(1..=5).contains(&v) {
            c.push(
                Rule::InvalidRiskScale,
                p,
                format!("{what} {v} is outside the scale 1–5"),
            );
        }
    }
}

fn check_risk(c: &mut Ctx<'_>, r: &Risk, p: &Ptr<'_>, refs: &Refs<'_, '_>) {
    c.text(&r.description, &p.key("description"));
    c.opt_text(&r.mitigation, &p.key("mitigation"));
    check_scale(c, r.likelihood, &p.key("likelihood"), "likelihood");
    check_scale(c, r.consequence, &p.key("consequence"), "consequence");
    if let Some(o) = &r.owner {
        if !refs.actors.contains_key(o.as_str()) {
            c.push(
                Rule::UnknownActor,
                &p.key("owner"),
                format!("risk owner «{o}» is not an actor"),
            );
        }
    }
    if let Some(d) = &r.as_of {
        c.date(d, &p.key("as_of"));
    }
    let cp = p.key("concerns");
    for (j, id) in r.concerns.iter().enumerate() {
        if !refs.measures.contains_key(id.as_str()) && !refs.components.contains(id.as_str()) {
            c.push(
                Rule::DanglingReference,
                &cp.idx(j),
                format!("risk concerns «{id}», which is neither a measure nor a component"),
            );
        }
    }
    c.basis(r.basis, &r.basis_note, p, "risk");
    let what = match r.kind {
        RiskKind::Risk => "risk",
        RiskKind::Precondition => "precondition",
    };
    c.sources(&r.sources, p, what);
}

fn check_assessment(c: &mut Ctx<'_>, a: &Assessment, p: &Ptr<'_>, what: &str) {
    c.uses_1_1(p, "cost or support");
    c.opt_text(&a.text, &p.key("text"));
    c.basis(a.basis, &a.basis_note, p, what);
    c.sources(&a.sources, p, what);
}

fn check_meta(c: &mut Ctx<'_>, feed: &Feed) {
    let m = &feed.meta;
    let mp = ROOT.key("meta");
    if schema_major(&m.schema_version) != Some(SUPPORTED_MAJOR) {
        c.push(
            Rule::UnsupportedSchemaVersion,
            &mp.key("schema_version"),
            format!(
                "«{}» is not a supported schema version (major {SUPPORTED_MAJOR}, written as 1.x.y)",
                m.schema_version
            ),
        );
    }
    c.text(&m.title, &mp.key("title"));
    c.text(&m.version_label, &mp.key("version_label"));
    c.text(&m.publisher, &mp.key("publisher"));
    c.opt_text(&m.note, &mp.key("note"));
    c.date(&m.published, &mp.key("published"));
    if let Some(prev) = &m.previous_version {
        c.url(prev, &mp.key("previous_version"), true);
    }
    if let Some(pp) = m.plan_period {
        if pp.end < pp.start {
            c.push(
                Rule::EndBeforeStart,
                &mp.key("plan_period"),
                format!(
                    "plan period ends ({}) before it starts ({})",
                    pp.end, pp.start
                ),
            );
        }
    }
    if let Some(t) = &m.terms {
        let tp = mp.key("terms");
        c.uses_1_1(&tp, "terms");
        c.opt_text(&t.goal_singular, &tp.key("goal_singular"));
        c.opt_text(&t.goal_plural, &tp.key("goal_plural"));
        c.opt_text(&t.title, &tp.key("title"));
        c.opt_text(&t.subtitle, &tp.key("subtitle"));
    }
    let mut seen = BTreeSet::new();
    let sp = mp.key("sources");
    for (i, s) in m.sources.iter().enumerate() {
        let p = sp.idx(i);
        if !seen.insert(s.id.as_str()) {
            c.push(
                Rule::DuplicateId,
                &p.key("id"),
                format!("source document id «{}» is used twice", s.id),
            );
        }
        c.text(&s.title, &p.key("title"));
        if let Some(d) = &s.date {
            c.date(d, &p.key("date"));
        }
        if let Some(u) = &s.url {
            c.url(u, &p.key("url"), false);
        }
    }
}

/// How many ids `collect_ids` visits (to size its table once).
fn id_count(feed: &Feed) -> usize {
    feed.goals
        .iter()
        .map(|g| 1 + g.sub_goals.len())
        .sum::<usize>()
        + feed.phases.len()
        + feed.actors.len()
        + feed.components.len()
        + feed
            .measures
            .iter()
            .map(|m| 1 + m.milestones.len() + m.risks.len())
            .sum::<usize>()
        + feed.dependencies.len()
        + feed.decisions.len()
        + feed.priority_lists.len()
        + feed.principles.len()
        + feed.risks.len()
}

fn collect_ids<'f>(c: &mut Ctx<'f>, feed: &'f Feed) {
    let gp = ROOT.key("goals");
    for (i, g) in feed.goals.iter().enumerate() {
        let p = gp.idx(i);
        c.id(&g.id, &p.key("id"));
        let sp = p.key("sub_goals");
        for (j, s) in g.sub_goals.iter().enumerate() {
            c.id(&s.id, &sp.idx(j).key("id"));
        }
    }
    for (key, ids) in [
        (
            "phases",
            feed.phases
                .iter()
                .map(|x| x.id.as_str())
                .collect::<Vec<_>>(),
        ),
        (
            "actors",
            feed.actors.iter().map(|x| x.id.as_str()).collect(),
        ),
        (
            "components",
            feed.components.iter().map(|x| x.id.as_str()).collect(),
        ),
    ] {
        let p = ROOT.key(key);
        for (i, id) in ids.into_iter().enumerate() {
            c.id(id, &p.idx(i).key("id"));
        }
    }
    let mp = ROOT.key("measures");
    for (i, m) in feed.measures.iter().enumerate() {
        let p = mp.idx(i);
        c.id(&m.id, &p.key("id"));
        let msp = p.key("milestones");
        for (j, ms) in m.milestones.iter().enumerate() {
            c.id(&ms.id, &msp.idx(j).key("id"));
        }
        let rp = p.key("risks");
        for (j, r) in m.risks.iter().enumerate() {
            c.id(&r.id, &rp.idx(j).key("id"));
        }
    }
    let dp = ROOT.key("dependencies");
    for (i, x) in feed.dependencies.iter().enumerate() {
        c.id(&x.id, &dp.idx(i).key("id"));
    }
    let dp = ROOT.key("decisions");
    for (i, x) in feed.decisions.iter().enumerate() {
        c.id(&x.id, &dp.idx(i).key("id"));
    }
    let lp = ROOT.key("priority_lists");
    for (i, x) in feed.priority_lists.iter().enumerate() {
        c.id(&x.id, &lp.idx(i).key("id"));
    }
    let pp = ROOT.key("principles");
    for (i, x) in feed.principles.iter().enumerate() {
        c.id(&x.id, &pp.idx(i).key("id"));
    }
    let rp = ROOT.key("risks");
    for (i, x) in feed.risks.iter().enumerate() {
        c.id(&x.id, &rp.idx(i).key("id"));
    }
}

fn check_goal_link(c: &mut Ctx<'_>, link: &GoalLink, p: &Ptr<'_>, goals: &IdMap<&str, &Goal>) {
    match goals.get(link.goal.as_str()) {
        None => c.push(
            Rule::UnknownGoal,
            &p.key("goal"),
            format!("goal «{}» does not exist", link.goal),
        ),
        Some(g) => {
            if let Some(sg) = &link.sub_goal {
                if !g.sub_goals.iter().any(|s| &s.id == sg) {
                    c.push(
                        Rule::UnknownGoal,
                        &p.key("sub_goal"),
                        format!("sub-goal «{sg}» is not a sub-goal of «{}»", g.id),
                    );
                }
            }
        }
    }
    c.opt_text(&link.note, &p.key("note"));
    if link.basis == Basis::Inferred && link.note.is_none() {
        c.push(
            Rule::InferredWithoutNote,
            p,
            "an inferred goal link should say why in `note`".into(),
        );
    } else if link.basis == Basis::Stated {
        c.sources(&link.sources, p, "stated goal link");
    }
}

fn check_measure(c: &mut Ctx<'_>, m: &Measure, p: &Ptr<'_>, refs: &Refs<'_, '_>) {
    c.text(&m.name, &p.key("name"));
    c.opt_text(&m.description, &p.key("description"));
    c.opt_text(&m.programme, &p.key("programme"));
    let ap = p.key("aliases");
    for (i, a) in m.aliases.iter().enumerate() {
        c.text(a, &ap.idx(i));
    }
    c.sources(&m.sources, p, "measure");
    if let Some(parent) = &m.parent {
        if !refs.measures.contains_key(parent.as_str()) {
            c.push(
                Rule::DanglingReference,
                &p.key("parent"),
                format!("parent measure «{parent}» does not exist"),
            );
        }
    }
    if let Some(g) = &m.goal {
        check_goal_link(c, g, &p.key("goal"), refs.goals);
    }
    let op = p.key("other_goals");
    for (i, g) in m.other_goals.iter().enumerate() {
        check_goal_link(c, g, &op.idx(i), refs.goals);
    }
    if let Some(s) = &m.standing {
        check_standing(c, s, &p.key("standing"), refs.decisions);
    }
    let rsp = p.key("risks");
    for (i, r) in m.risks.iter().enumerate() {
        let rp = rsp.idx(i);
        c.uses_1_1(&rp, "risks");
        check_risk(c, r, &rp, refs);
    }
    if let Some(a) = &m.cost {
        check_assessment(c, a, &p.key("cost"), "cost");
    }
    if let Some(a) = &m.support {
        check_assessment(c, a, &p.key("support"), "expected support");
    }
    if let Some(f) = &m.funding {
        let fp = p.key("funding");
        c.uses_1_1(&fp, "funding");
        c.opt_text(&f.text, &fp.key("text"));
        c.basis(f.basis, &f.basis_note, &fp, "funding");
        c.sources(&f.sources, &fp, "funding");
    }
    let acp = p.key("actors");
    for (i, r) in m.actors.iter().enumerate() {
        let rp = acp.idx(i);
        c.opt_text(&r.note, &rp.key("note"));
        c.basis(r.basis, &r.basis_note, &rp, "role");
        if let Some(period) = &r.period {
            c.uses_1_1(&rp.key("period"), "role period");
            c.date(period, &rp.key("period"));
        }
        if matches!(
            r.role,
            Role::Commissions | Role::Appoints | Role::ProposedOwner
        ) {
            c.uses_1_1(&rp.key("role"), "a schema 1.1 role");
        }
        match refs.actors.get(r.actor.as_str()) {
            None => c.push(
                Rule::UnknownActor,
                &rp.key("actor"),
                format!("actor «{}» does not exist", r.actor),
            ),
            Some(a) => {
                if a.kind == ActorKind::ActorGroup && r.role.is_organisational() {
                    let msg = if matches!(r.role, Role::Owner | Role::Operator) {
                        format!(
                            "«{}» is an actor group; owners and operators are organisations",
                            r.actor
                        )
                    } else {
                        format!(
                            "«{}» is an actor group; only organisations commission, appoint or are proposed as owners",
                            r.actor
                        )
                    };
                    c.push(Rule::RoleKindMismatch, &rp.key("role"), msg);
                }
            }
        }
    }
    let php = p.key("phases");
    let mut orders: BTreeMap<u32, usize> = BTreeMap::new();
    for (i, ph) in m.phases.iter().enumerate() {
        let pp = php.idx(i);
        if !refs.phases.contains(ph.phase.as_str()) {
            c.push(
                Rule::UnknownPhase,
                &pp.key("phase"),
                format!("phase «{}» does not exist", ph.phase),
            );
        }
        c.opt_text(&ph.note, &pp.key("note"));
        c.sources(&ph.sources, &pp, "phase period");
        c.basis(ph.basis, &ph.basis_note, &pp, "phase period");
        if ph.ongoing {
            c.uses_1_1(&pp.key("ongoing"), "ongoing");
        }
        if let Some(o) = ph.order {
            c.uses_1_1(&pp.key("order"), "order");
            if o == 0 {
                c.push(
                    Rule::InvalidPhaseOrder,
                    &pp.key("order"),
                    "order 0; the first phase of a sequence is 1".into(),
                );
            } else if let Some(first) = orders.insert(o, i) {
                c.push(
                    Rule::InvalidPhaseOrder,
                    &pp.key("order"),
                    format!("order {o} is also given to {}", php.idx(first).render()),
                );
            }
        }
        if !ph.is_dated() {
            c.uses_1_1(&pp, "a phase without a start");
            if ph.order.is_none() && !ph.ongoing {
                c.push(
                    Rule::InvalidPhaseOrder,
                    &pp.key("start"),
                    "no start date, no `order` and not `ongoing`: the phase cannot be placed"
                        .into(),
                );
            }
            if let Some(e) = &ph.end {
                c.date(e, &pp.key("end"));
            }
            continue;
        }
        let start = c.date(&ph.start, &pp.key("start"));
        let end = ph.end.as_ref().and_then(|e| c.date(e, &pp.key("end")));
        if let (Some(s), Some(e)) = (start, end) {
            if e.end < s.start {
                c.push(
                    Rule::EndBeforeStart,
                    &pp.key("end"),
                    format!(
                        "ends ({}) before it starts ({})",
                        ph.end.as_deref().unwrap_or(""),
                        ph.start
                    ),
                );
            }
        }
    }
    let msp = p.key("milestones");
    for (i, ms) in m.milestones.iter().enumerate() {
        let mp = msp.idx(i);
        c.text(&ms.title, &mp.key("title"));
        c.opt_text(&ms.date_text, &mp.key("date_text"));
        c.sources(&ms.sources, &mp, "milestone");
        c.basis(ms.basis, &ms.basis_note, &mp, "date");
        if let Some(s) = &ms.standing {
            check_standing(c, s, &mp.key("standing"), refs.decisions);
        }
        if let Some(r) = &ms.replaces {
            let rp = mp.key("replaces");
            c.uses_1_1(&rp, "replaces");
            if r == &ms.id {
                c.push(
                    Rule::InvalidReplaces,
                    &rp,
                    format!("milestone «{r}» replaces itself"),
                );
            } else if refs
                .milestones
                .get_or_init(|| all_milestones(refs.measures_in_order))
                .contains(r.as_str())
            {
                c.push(
                    Rule::InvalidReplaces,
                    &rp,
                    format!("«{r}» is a milestone of this feed; `replaces` names a milestone of the previous version"),
                );
            }
        } else if ms.target_changed {
            c.push(
                Rule::InvalidReplaces,
                &mp.key("target_changed"),
                "`target_changed` says which older milestone changed target only together with `replaces`".into(),
            );
        }
        let date = c.date(&ms.date, &mp.key("date"));
        if let Some(orig) = &ms.original_date {
            let o = c.date(orig, &mp.key("original_date"));
            if let (Some(d), Some(o)) = (date, o) {
                if ms.kind == MilestoneKind::Postponed && d.start <= o.start {
                    c.push(
                        Rule::PostponedNotLater,
                        &mp.key("date"),
                        format!("postponed to {} which is not later than {}", ms.date, orig),
                    );
                }
            }
        }
    }
    let amp = p.key("ambitions");
    for (i, a) in m.ambitions.iter().enumerate() {
        let ap = amp.idx(i);
        c.text(&a.metric, &ap.key("metric"));
        c.text(&a.text, &ap.key("text"));
        c.sources(&a.sources, &ap, "ambition");
        if a.approximate {
            c.uses_1_1(&ap.key("approximate"), "approximate");
        }
        if let Some(s) = &a.standing {
            check_standing(c, s, &ap.key("standing"), refs.decisions);
        }
    }
    let bsp = p.key("baselines");
    for (i, b) in m.baselines.iter().enumerate() {
        let bp = bsp.idx(i);
        c.text(&b.metric, &bp.key("metric"));
        c.text(&b.text, &bp.key("text"));
        if let Some(d) = &b.date {
            c.date(d, &bp.key("date"));
        }
        if b.approximate {
            c.uses_1_1(&bp.key("approximate"), "approximate");
        }
        c.sources(&b.sources, &bp, "baseline");
    }
    let stp = p.key("status");
    for (i, s) in m.status.iter().enumerate() {
        let sp = stp.idx(i);
        c.date(&s.as_of, &sp.key("as_of"));
        c.opt_text(&s.text, &sp.key("text"));
        c.sources(&s.sources, &sp, "status");
        c.basis(s.basis, &s.basis_note, &sp, "status");
        if let Some(r) = &s.reported_by {
            if !refs.actors.contains_key(r.as_str()) {
                c.push(
                    Rule::UnknownActor,
                    &sp.key("reported_by"),
                    format!("reporter «{r}» is not an actor"),
                );
            }
        }
    }
    let bnp = p.key("benefits");
    for (i, b) in m.benefits.iter().enumerate() {
        let bp = bnp.idx(i);
        c.opt_text(&b.text, &bp.key("text"));
        c.sources(&b.sources, &bp, "benefit");
        match refs.actors.get(b.actor_group.as_str()) {
            None => c.push(
                Rule::UnknownActor,
                &bp.key("actor_group"),
                format!("actor group «{}» does not exist", b.actor_group),
            ),
            Some(a) if a.kind != ActorKind::ActorGroup => c.push(
                Rule::RoleKindMismatch,
                &bp.key("actor_group"),
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
            c.push(Rule::InvalidScore, &bp.key("score"), {
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

fn check_hierarchy(c: &mut Ctx<'_>, feed: &Feed, measures: &IdMap<&str, &Measure>) {
    let mp = ROOT.key("measures");
    // Issue 18: one set for every walk (cleared, not reallocated); most measures have no parent
    // and never touch it.
    let mut seen: IdSet<&str> = IdSet::default();
    for (i, m) in feed.measures.iter().enumerate() {
        let Some(mut parent) = m.parent.as_deref().and_then(|p| measures.get(p)) else {
            continue;
        };
        seen.clear();
        seen.insert(m.id.as_str());
        loop {
            if !seen.insert(parent.id.as_str()) {
                c.push(
                    Rule::HierarchyCycle,
                    &mp.idx(i).key("parent"),
                    format!("«{}» is (indirectly) its own parent", m.id),
                );
                break;
            }
            match parent.parent.as_deref().and_then(|p| measures.get(p)) {
                Some(next) => parent = next,
                None => break,
            }
        }
    }
}

/// Schema 1.1: checks of a feed against the previous version it is compared with: a milestone's
/// `replaces` must name a milestone of that version (`dangling-reference` otherwise). The
/// `veikart-check --previous OLD.json` command and the comparison view run it.
pub fn validate_against_previous(old: &Feed, new: &Feed) -> Vec<Issue> {
    let old_ms: BTreeSet<&str> = old
        .measures
        .iter()
        .flat_map(|m| m.milestones.iter().map(|x| x.id.as_str()))
        .collect();
    let mut out = vec![];
    for (i, m) in new.measures.iter().enumerate() {
        for (j, ms) in m.milestones.iter().enumerate() {
            if let Some(r) = &ms.replaces {
                if !old_ms.contains(r.as_str()) {
                    out.push(Issue {
                        rule: Rule::DanglingReference,
                        severity: Rule::DanglingReference.severity(),
                        pointer: format!("/measures/{i}/milestones/{j}/replaces"),
                        message: format!(
                            "«{r}» is not a milestone of the previous version «{}»",
                            old.meta.id
                        ),
                    });
                }
            }
        }
    }
    out
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
    fn lazy_pointers_render_like_the_strings_they_replace() {
        let m = ROOT.key("measures");
        let i = m.idx(12);
        let ph = i.key("phases");
        let j = ph.idx(0);
        let end = j.key("end");
        assert_eq!(end.render(), "/measures/12/phases/0/end");
        assert_eq!(end.to_loc().to_string(), "/measures/12/phases/0/end");
        assert_eq!(ROOT.render(), "");
        assert_eq!(
            ROOT.key("meta").key("schema_version").render(),
            "/meta/schema_version"
        );
    }

    #[test]
    fn schema_minor_and_the_1_0_feature_warning() {
        assert_eq!(schema_minor("1.1.0"), Some(1));
        assert_eq!(schema_minor("1.0.3"), Some(0));
        assert_eq!(schema_minor("1.1"), None);
        let mut f = crate::minimal_fixture();
        assert!(validate(&f).is_empty(), "minimal is clean");
        // A season is a 1.1 date: fine for 1.1, a warning for a feed that declares 1.0.
        f.measures[0].milestones[0].date = "2027-høst".into();
        let issues = validate(&f);
        assert_eq!(issues.len(), 1, "{issues:#?}");
        assert_eq!(issues[0].rule, Rule::VersionFeatureMismatch);
        assert_eq!(issues[0].severity, Severity::Warning);
        assert!(
            issues[0]
                .message
                .contains("a season as a date (schema 1.1) at /measures/0/milestones/0/date"),
            "{}",
            issues[0].message
        );
        f.meta.schema_version = "1.1.0".into();
        assert!(validate(&f).is_empty());
        // A later minor version is read as far as this build knows it, without a warning.
        f.meta.schema_version = "1.7.0".into();
        assert!(validate(&f).is_empty());
    }

    #[test]
    fn a_milestone_cannot_replace_itself() {
        let mut f = crate::minimal_fixture();
        f.meta.schema_version = "1.1.0".into();
        let id = f.measures[0].milestones[0].id.clone();
        f.measures[0].milestones[0].replaces = Some(id);
        let issues = validate(&f);
        assert_eq!(issues.len(), 1, "{issues:#?}");
        assert_eq!(issues[0].rule, Rule::InvalidReplaces);
        assert_eq!(issues[0].pointer, "/measures/0/milestones/0/replaces");
        assert_eq!(issues[0].message, "milestone «PLL-m2027» replaces itself");
    }

    #[test]
    fn with_priority_lists_the_old_rank_is_not_capped_at_five() {
        let mut f = crate::minimal_fixture();
        f.measures[0].priority = Some(7);
        let issues = validate(&f);
        assert_eq!(issues.len(), 1);
        assert_eq!(issues[0].message, "priority 7 is outside 1–5");
        f.meta.schema_version = "1.1.0".into();
        f.priority_lists.push(PriorityList {
            id: "liste".into(),
            name: Text {
                nb: Some("Liste".into()),
                ..Text::default()
            },
            rank_label: None,
            description: None,
            items: vec![RankedItem {
                rank: 7,
                item: "PLL".into(),
                basis: Basis::Stated,
                basis_note: None,
                sources: vec![],
            }],
            standing: None,
            sources: f.measures[0].sources.clone(),
        });
        assert!(validate(&f).is_empty(), "{:#?}", validate(&f));
    }

    #[test]
    fn dependency_cycles_match_the_graph() {
        use crate::graph::DepGraph;
        // Small random graphs (a fixed linear congruential sequence), dense enough for many
        // overlapping cycles, self-loops, repeated edges and non-ordering kinds.
        let mut x: u64 = 0x2545_f491_4f6c_dd1d;
        let mut next = |m: u64| {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            (x >> 33) % m
        };
        let mut seen_cycles = 0;
        for round in 0..300 {
            let nodes = 2 + next(9);
            let edges = next(3 * nodes + 1);
            let deps: Vec<Dependency> = (0..edges)
                .map(|i| Dependency {
                    id: format!("d{i}").into(),
                    from: format!("n{}", next(nodes)).into(),
                    to: format!("n{}", next(nodes)).into(),
                    kind: match next(5) {
                        0 => DependencyKind::Competes,
                        1 => DependencyKind::BuildsOn,
                        2 => DependencyKind::SeenTogether,
                        _ => DependencyKind::Requires,
                    },
                    critical: false,
                    note: None,
                    basis: Basis::Stated,
                    basis_note: None,
                    sources: vec![],
                })
                .collect();
            let g = DepGraph::new(&deps, true);
            let want: Vec<(Vec<String>, usize)> = g
                .cycles()
                .into_iter()
                .map(|cycle| {
                    let idx = match &cycle[..] {
                        [first, next, ..] => g
                            .prerequisites
                            .get(first)
                            .and_then(|v| v.iter().find(|(t, _)| t == next))
                            .map_or(0, |(_, i)| *i),
                        _ => 0,
                    };
                    (cycle, idx)
                })
                .collect();
            let got: Vec<(Vec<String>, usize)> = dep_cycles(&deps)
                .into_iter()
                .map(|(c, i)| (c.into_iter().map(String::from).collect(), i))
                .collect();
            assert_eq!(got, want, "round {round}: {deps:?}");
            seen_cycles += want.len();
        }
        assert!(seen_cycles > 100, "{seen_cycles}");
    }

    #[test]
    fn every_rule_has_a_distinct_code() {
        let codes: BTreeSet<_> = Rule::ALL.iter().map(|r| r.code()).collect();
        assert_eq!(codes.len(), Rule::ALL.len());
    }
}
