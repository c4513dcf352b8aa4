//! Filtering: facets (organisation, actor group, goal, status, phase, prioritised), free-text
//! search that ignores case and diacritics, and a time window. OR within a facet, AND across
//! facets. Counts per option follow the usual faceted-search rule: an option's count is the
//! number of measures that would match if that option were chosen in its facet, with every
//! *other* facet as it is. The URL form of a filter lives here too, so a permalink round-trips.

use std::collections::{BTreeMap, BTreeSet};

use crate::index::{id_map, IdMap};
use crate::model::{ActorKind, Feed, Measure};
use crate::priority::{self, Membership};
use crate::roadmap::{current_status, lifecycle_key};
use crate::timeline::{measure_spans, year_hull};

/// Lowercases and strips diacritics, so "prove" finds "Prøvesvar" and "sami" finds "sámi".
/// Norwegian letters fold the way people type them without a Norwegian keyboard: æ→ae, ø→o, å→a.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        for lc in c.to_lowercase() {
            let folded: &str = match lc {
                'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => "a",
                'æ' => "ae",
                'ç' | 'ć' | 'č' => "c",
                'ď' | 'đ' | 'ð' => "d",
                'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ė' | 'ę' | 'ě' => "e",
                'ì' | 'í' | 'î' | 'ï' | 'ī' | 'į' => "i",
                'ł' => "l",
                'ñ' | 'ń' | 'ň' | 'ŋ' => "n",
                'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ő' => "o",
                'œ' => "oe",
                'ř' => "r",
                'ś' | 'š' | 'ş' => "s",
                'ß' => "ss",
                'ť' | 'ŧ' => "t",
                'þ' => "th",
                'ù' | 'ú' | 'û' | 'ü' | 'ū' | 'ů' | 'ű' => "u",
                'ý' | 'ÿ' => "y",
                'ź' | 'ż' | 'ž' => "z",
                // combining marks (a decomposed "å" is "a" + U+030A)
                '\u{300}'..='\u{36f}' => "",
                _ => {
                    out.push(lc);
                    continue;
                }
            };
            out.push_str(folded);
        }
    }
    out
}

/// The facets, in the order the filter panel shows them.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Facet {
    Organisation,
    ActorGroup,
    Goal,
    Status,
    Phase,
}

impl Facet {
    pub const ALL: [Facet; 5] = [
        Facet::Organisation,
        Facet::ActorGroup,
        Facet::Goal,
        Facet::Status,
        Facet::Phase,
    ];
    /// URL query key.
    pub fn key(self) -> &'static str {
        match self {
            Facet::Organisation => "org",
            Facet::ActorGroup => "brukergruppe",
            Facet::Goal => "mal",
            Facet::Status => "status",
            Facet::Phase => "fase",
        }
    }
    fn bit(self) -> u8 {
        1 << (self as u8)
    }
}

/// Value of the status facet for a measure without any status.
pub const STATUS_UNKNOWN: &str = "ukjent";

/// A filter. The empty filter matches everything.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    pub selected: BTreeMap<Facet, BTreeSet<String>>,
    /// Only the measures in the priority list in use (see [`Scope::list`] and
    /// `crate::priority`); ignored when the feed has no list.
    pub prioritised_only: bool,
    /// Free text as typed (folded when matching).
    pub text: String,
    /// Inclusive years: a measure matches when any of its dated content overlaps the window.
    pub from_year: Option<i32>,
    pub to_year: Option<i32>,
}

/// URL keys besides the facets.
pub const KEY_TEXT: &str = "q";
pub const KEY_PRIORITISED: &str = "prioritert";
pub const KEY_FROM: &str = "fra";
pub const KEY_TO: &str = "til";

/// Every query key the filter owns (so the app can clear them in one go).
pub fn query_keys() -> Vec<&'static str> {
    let mut v: Vec<&'static str> = Facet::ALL.iter().map(|f| f.key()).collect();
    v.extend([KEY_TEXT, KEY_PRIORITISED, KEY_FROM, KEY_TO]);
    v
}

impl Filter {
    pub fn is_empty(&self) -> bool {
        self.selected.values().all(BTreeSet::is_empty)
            && !self.prioritised_only
            && self.text.trim().is_empty()
            && self.from_year.is_none()
            && self.to_year.is_none()
    }

    pub fn values(&self, facet: Facet) -> impl Iterator<Item = &str> {
        self.selected
            .get(&facet)
            .into_iter()
            .flat_map(|s| s.iter().map(String::as_str))
    }

    pub fn has(&self, facet: Facet, value: &str) -> bool {
        self.selected.get(&facet).is_some_and(|s| s.contains(value))
    }

    /// Adds or removes one option.
    pub fn toggle(&mut self, facet: Facet, value: &str) {
        let set = self.selected.entry(facet).or_default();
        if !set.remove(value) {
            set.insert(value.to_string());
        }
        if set.is_empty() {
            self.selected.remove(&facet);
        }
    }

    /// Reads a filter from URL query pairs; unknown keys are ignored, as are malformed years.
    /// Multi-valued facets are comma-separated (`org=NHN,KS`).
    pub fn from_query<'a>(pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Filter {
        let mut f = Filter::default();
        for (k, v) in pairs {
            if let Some(facet) = Facet::ALL.into_iter().find(|f| f.key() == k) {
                let set = f.selected.entry(facet).or_default();
                set.extend(
                    v.split(',')
                        .map(str::trim)
                        .filter(|s| !s.is_empty())
                        .map(String::from),
                );
                if set.is_empty() {
                    f.selected.remove(&facet);
                }
            } else if k == KEY_TEXT {
                f.text = v.to_string();
            } else if k == KEY_PRIORITISED {
                f.prioritised_only = v == "1";
            } else if k == KEY_FROM {
                f.from_year = v.trim().parse().ok();
            } else if k == KEY_TO {
                f.to_year = v.trim().parse().ok();
            }
        }
        f
    }

    /// The query pairs for this filter, in a stable order (empty parts are left out).
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut out = Vec::new();
        for facet in Facet::ALL {
            if let Some(set) = self.selected.get(&facet).filter(|s| !s.is_empty()) {
                out.push((
                    facet.key(),
                    set.iter().cloned().collect::<Vec<_>>().join(","),
                ));
            }
        }
        if self.prioritised_only {
            out.push((KEY_PRIORITISED, "1".into()));
        }
        if !self.text.trim().is_empty() {
            out.push((KEY_TEXT, self.text.clone()));
        }
        if let Some(y) = self.from_year {
            out.push((KEY_FROM, y.to_string()));
        }
        if let Some(y) = self.to_year {
            out.push((KEY_TO, y.to_string()));
        }
        out
    }
}

/// The options of a facet in the order the filter panel lists them: the organisations and
/// user groups that take part in some measure (alphabetical in `lang`), the goals by number,
/// every lifecycle and "unknown", the phases in feed order.
pub fn options(feed: &Feed, facet: Facet, lang: crate::text::Lang) -> Vec<String> {
    match facet {
        Facet::Organisation | Facet::ActorGroup => {
            let want = if facet == Facet::Organisation {
                ActorKind::Organisation
            } else {
                ActorKind::ActorGroup
            };
            let used: BTreeSet<&str> = crate::sort::set_of(
                feed.measures
                    .iter()
                    .flat_map(|m| m.actors.iter().map(|r| r.actor.as_str())),
            );
            let mut v: Vec<(String, String)> = feed
                .actors
                .iter()
                .filter(|a| a.kind == want && used.contains(a.id.as_str()))
                .map(|a| (a.name.get(lang).to_lowercase(), a.id.to_string()))
                .collect();
            crate::sort::sort(&mut v);
            v.into_iter().map(|(_, id)| id).collect()
        }
        Facet::Goal => {
            let mut g: Vec<_> = feed
                .goals
                .iter()
                .map(|g| (g.number, g.id.to_string()))
                .collect();
            crate::sort::sort(&mut g);
            g.into_iter().map(|(_, id)| id).collect()
        }
        Facet::Status => crate::roadmap::LIFECYCLES
            .iter()
            .map(|l| lifecycle_key(*l).to_string())
            .chain([STATUS_UNKNOWN.to_string()])
            .collect(),
        Facet::Phase => feed.phases.iter().map(|p| p.id.to_string()).collect(),
    }
}

/// The years the time window offers: from the first to the last year of any dated content.
/// Parses every date; the app takes them from its [`Index`] ([`Index::window_years`]).
pub fn window_years(feed: &Feed) -> Vec<i32> {
    years_between(crate::timeline::dated_years(feed))
}

/// Every year from the first to the last of a span (none without one).
fn years_between(span: Option<(i32, i32)>) -> Vec<i32> {
    span.map_or_else(Vec::new, |(lo, hi)| (lo..=hi).collect())
}

/// Per-measure facts the filter needs, computed once per feed (folding text for 5 000 measures
/// on every keystroke would be wasted work).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Index {
    /// Folded names (all languages), code, id, aliases and description.
    haystack: Vec<String>,
    /// Per facet (in `Facet::ALL` order), the distinct option values; measures refer to them by
    /// index, so a filter change compares small integers instead of strings.
    options: [Vec<String>; 5],
    /// Per measure, per facet: indices into `options`.
    values: Vec<[Vec<u32>; 5]>,
    /// Years covered by any dated content: (first, last).
    years: Vec<Option<(i32, i32)>>,
    /// The feed's priority lists (`crate::priority`), in `Feed::priority_lists()` order.
    lists: Vec<Membership>,
    /// Per measure: taken out of the roadmap (`crate::standing::withdrawn`).
    withdrawn: Vec<bool>,
    /// Per measure, its parent's index (so a filter change walks up without a map).
    parents: Vec<Option<usize>>,
}

/// What the view adds to a filter: which priority list "only prioritised" means (the `liste=`
/// key; `None` or an unknown id: the first), and whether measures taken out of the roadmap are
/// shown (`uttatt=1`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scope<'a> {
    pub list: Option<&'a str>,
    pub withdrawn: bool,
}

/// Appends `t` in every language to the haystack being built, each folded and followed by a
/// newline (what `fold` makes of the text followed by "\n").
fn text_all(t: &crate::model::Text, out: &mut String, memo: &mut FoldMemo) {
    for s in [&t.nb, &t.nn, &t.en].into_iter().flatten() {
        fold_into(s, out, memo);
        out.push('\n');
    }
}

/// What `fold` makes of each non-ASCII character met so far (a feed uses a handful: æ, ø, å,
/// é …), so each is folded once per index, not once per occurrence.
type FoldMemo = Vec<(char, String)>;

/// Appends `fold(s)` to `out` without a new string per text (issue 18): ASCII runs are lowercased
/// in place (`fold` does nothing else to ASCII), every other character goes through `fold` itself
/// (memoised). `fold` works character by character, so folding the pieces is folding the whole.
fn fold_into(s: &str, out: &mut String, memo: &mut FoldMemo) {
    let mut rest = s;
    while !rest.is_empty() {
        let ascii = rest
            .bytes()
            .position(|b| !b.is_ascii())
            .unwrap_or(rest.len());
        let at = out.len();
        out.push_str(&rest[..ascii]);
        out[at..].make_ascii_lowercase();
        rest = &rest[ascii..];
        let mut chars = rest.chars();
        let Some(c) = chars.next() else {
            break;
        };
        match memo.iter().find(|(m, _)| *m == c) {
            Some((_, f)) => out.push_str(f),
            None => {
                let f = fold(&rest[..c.len_utf8()]);
                out.push_str(&f);
                memo.push((c, f));
            }
        }
        rest = chars.as_str();
    }
}

impl Index {
    pub fn new(feed: &Feed) -> Index {
        let n = feed.measures.len();
        let kinds: IdMap<&str, ActorKind> = feed
            .actors
            .iter()
            .map(|a| (a.id.as_str(), a.kind))
            .collect();
        let mut idx = Index {
            haystack: Vec::with_capacity(n),
            options: Default::default(),
            values: Vec::with_capacity(n),
            years: Vec::with_capacity(n),
            lists: Vec::new(),
            withdrawn: Vec::new(),
            parents: Vec::with_capacity(n),
        };
        let mut pos: IdMap<&str, usize> = id_map(n);
        for (i, m) in feed.measures.iter().enumerate() {
            // `collect` into a map: the last measure with an id wins
            pos.insert(m.id.as_str(), i);
        }
        // Per facet, option value → its index in `idx.options` (issue 18: a hash lookup of a
        // borrowed id instead of comparing against every option).
        let mut option_of: [IdMap<&str, u32>; 5] = Default::default();
        let mut memo = FoldMemo::new();
        let mut per_facet = FacetValues::default();
        for m in &feed.measures {
            let mut h = String::with_capacity(haystack_len(m));
            fold_into(&m.id, &mut h, &mut memo);
            h.push('\n');
            if let Some(s) = &m.short_name {
                fold_into(s, &mut h, &mut memo);
                h.push('\n');
            }
            text_all(&m.name, &mut h, &mut memo);
            for a in &m.aliases {
                text_all(a, &mut h, &mut memo);
            }
            if let Some(d) = &m.description {
                text_all(d, &mut h, &mut memo);
            }
            idx.haystack.push(h);
            let mut per: [Vec<u32>; 5] = Default::default();
            facet_values(m, &kinds, &mut per_facet);
            for (fi, vals) in per_facet.iter().enumerate() {
                for &v in vals {
                    let pos = *option_of[fi].entry(v).or_insert_with(|| {
                        idx.options[fi].push(v.to_string());
                        (idx.options[fi].len() - 1) as u32
                    });
                    per[fi].push(pos);
                }
            }
            idx.values.push(per);
            idx.years
                .push(year_hull(measure_spans(m).map(|s| (s.start.y, s.end.y))));
            idx.parents
                .push(m.parent.as_deref().and_then(|p| pos.get(p).copied()));
        }
        idx.lists = Membership::all_in(feed, &|i| idx.parents[i]);
        idx.withdrawn = crate::standing::withdrawn_in(feed, |i| idx.parents[i]);
        idx
    }

    pub fn len(&self) -> usize {
        self.haystack.len()
    }

    pub fn is_empty(&self) -> bool {
        self.haystack.is_empty()
    }

    /// The feed's priority lists.
    pub fn lists(&self) -> &[Membership] {
        &self.lists
    }

    /// The list `id` names, else the first (`None`: the feed has no list).
    pub fn list(&self, id: Option<&str>) -> Option<&Membership> {
        priority::chosen(&self.lists, id)
    }

    /// Whether measure `i` is taken out of the roadmap.
    pub fn is_withdrawn(&self, i: usize) -> bool {
        self.withdrawn.get(i).copied().unwrap_or(false)
    }

    /// The first and last year of any dated content of the feed (`None`: nothing is dated):
    /// what [`window_years`] and [`crate::timeline::year_range`] read from every date, from the
    /// years this index keeps per measure (issue 18: the first view parsed every date three
    /// more times).
    pub fn dated_years(&self) -> Option<(i32, i32)> {
        year_hull(self.years.iter().flatten().copied())
    }

    /// [`window_years`] of the indexed feed.
    pub fn window_years(&self) -> Vec<i32> {
        years_between(self.dated_years())
    }

    /// How many measures are taken out of the roadmap.
    pub fn withdrawn_count(&self) -> usize {
        self.withdrawn.iter().filter(|&&w| w).count()
    }

    /// The selection of each facet as a lookup by option index (`None`: nothing selected).
    fn selection(&self, f: &Filter) -> [Option<Vec<bool>>; 5] {
        let mut out: [Option<Vec<bool>>; 5] = Default::default();
        for facet in Facet::ALL {
            let fi = facet as usize;
            if let Some(sel) = f.selected.get(&facet).filter(|s| !s.is_empty()) {
                out[fi] = Some(self.options[fi].iter().map(|o| sel.contains(o)).collect());
            }
        }
        out
    }

    /// Bit set of the facets measure `i` passes (a facet with nothing selected always passes),
    /// plus bit 7 for the non-facet parts (text, window, prioritised).
    fn pass_mask(
        &self,
        i: usize,
        f: &Filter,
        sel: &[Option<Vec<bool>>; 5],
        needle: &str,
        scope: &Scope,
    ) -> u8 {
        let mut mask = 0u8;
        for facet in Facet::ALL {
            let fi = facet as usize;
            let ok = match &sel[fi] {
                Some(chosen) => self.values[i][fi].iter().any(|&v| chosen[v as usize]),
                None => true,
            };
            if ok {
                mask |= facet.bit();
            }
        }
        let text_ok = needle.is_empty()
            || needle
                .split_whitespace()
                .all(|w| self.haystack[i].contains(w));
        let window_ok = match (f.from_year, f.to_year) {
            (None, None) => true,
            (from, to) => self.years[i].is_some_and(|(a, b)| {
                from.is_none_or(|from| b >= from) && to.is_none_or(|to| a <= to)
            }),
        };
        let prio_ok = !f.prioritised_only || self.list(scope.list).is_none_or(|l| l.contains(i));
        let shown = scope.withdrawn || !self.is_withdrawn(i);
        if text_ok && window_ok && prio_ok && shown {
            mask |= 1 << 7;
        }
        mask
    }
}

const ALL_BITS: u8 = 0b1001_1111;

/// Per facet (in `Facet::ALL` order), one measure's distinct values, sorted.
type FacetValues<'f> = [Vec<&'f str>; 5];

/// A measure's values per facet, sorted and without repeats (into `out`, reused from measure to
/// measure so no set or string is allocated per measure).
fn facet_values<'f>(m: &'f Measure, kinds: &IdMap<&str, ActorKind>, out: &mut FacetValues<'f>) {
    for v in out.iter_mut() {
        v.clear();
    }
    for r in &m.actors {
        let facet = match kinds.get(r.actor.as_str()) {
            Some(ActorKind::Organisation) => Facet::Organisation,
            Some(ActorKind::ActorGroup) => Facet::ActorGroup,
            None => continue,
        };
        out[facet as usize].push(&r.actor);
    }
    let goals = &mut out[Facet::Goal as usize];
    goals.extend(m.goal.iter().map(|g| g.goal.as_str()));
    goals.extend(m.other_goals.iter().map(|g| g.goal.as_str()));
    out[Facet::Status as usize].push(
        current_status(m)
            .map(|s| lifecycle_key(s.lifecycle))
            .unwrap_or(STATUS_UNKNOWN),
    );
    out[Facet::Phase as usize].extend(m.phases.iter().map(|p| p.phase.as_str()));
    for v in out.iter_mut() {
        crate::sort::sort_dedup(v);
    }
}

/// Room for a measure's haystack (folding keeps ASCII as long and seldom grows the rest).
fn haystack_len(m: &Measure) -> usize {
    let text = |t: &crate::model::Text| t.variants().map(|s| s.len() + 1).sum::<usize>();
    m.id.len()
        + 1
        + m.short_name.as_ref().map_or(0, |s| s.len() + 1)
        + text(&m.name)
        + m.aliases.iter().map(text).sum::<usize>()
        + m.description.as_ref().map_or(0, text)
}

#[cfg(test)]
mod index_tests {
    use super::*;

    #[test]
    fn the_haystack_is_the_folded_text() {
        let mut feed = crate::minimal_fixture();
        let texts = [
            "Prøvesvar og kjernejournal",
            "ÆØÅ æøå Sámi Straße Œuvre İstanbul \u{212a}elvin a\u{30a} Ñandú",
            "plain ASCII, MIXED case 123",
            "",
        ];
        let m = &mut feed.measures[0];
        m.short_name = Some("KJ-Ø".into());
        m.name.nn = Some(texts[1].into());
        m.name.en = Some(texts[2].into());
        m.aliases = vec![
            crate::model::Text::nb(texts[0]),
            crate::model::Text::nb(texts[3]),
        ];
        m.description = Some(crate::model::Text::nb(texts[1]));
        let index = Index::new(&feed);
        for (i, m) in feed.measures.iter().enumerate() {
            // what the index held before issue 18: the texts joined, then folded
            let mut h = String::new();
            h.push_str(&m.id);
            h.push('\n');
            if let Some(s) = &m.short_name {
                h.push_str(s);
                h.push('\n');
            }
            let texts = std::iter::once(&m.name)
                .chain(&m.aliases)
                .chain(&m.description);
            for s in texts.flat_map(|t| t.variants()) {
                h.push_str(s);
                h.push('\n');
            }
            assert_eq!(index.haystack[i], fold(&h));
        }
        assert!(index.haystack[0].contains("\nkj-o\n"));
        assert!(index.haystack[0].contains("\nprovesvar og kjernejournal\n"));
        assert!(index.haystack[0].contains("\naeoa aeoa sami strasse oeuvre "));
    }
}

/// The outcome of applying a filter.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FilterResult {
    /// Measures that match (indices into `feed.measures`, feed order).
    pub matched: Vec<usize>,
    /// What to show: the matches and every ancestor of a match (so a matching sub-measure is
    /// reachable under its parent).
    pub visible: Vec<usize>,
    /// Ancestors shown only because a descendant matches: the view opens them.
    pub opened_for_matches: BTreeSet<usize>,
    /// Per facet, per option: how many measures would match with that option chosen.
    pub counts: BTreeMap<Facet, BTreeMap<String, usize>>,
    /// The measures the filter chooses among: all, less those taken out of the roadmap while
    /// they are hidden.
    pub total: usize,
    /// Measures taken out of the roadmap and hidden (0 while they are shown).
    pub withdrawn_hidden: usize,
}

/// Applies `filter` to the measures of `feed` (whose `index` was built with `Index::new`), with
/// the first priority list and withdrawn measures hidden.
pub fn apply(feed: &Feed, index: &Index, filter: &Filter) -> FilterResult {
    apply_in(feed, index, filter, Scope::default())
}

/// Applies `filter` in a view's `scope`. Withdrawn measures are hidden unless the scope shows
/// them (they are counted in `withdrawn_hidden`). A sub-measure that is in the list only
/// through its area does not open the area when the list is the only criterion: the area's row
/// already says what was ranked, and opening all five areas would bury the list.
pub fn apply_in(feed: &Feed, index: &Index, filter: &Filter, scope: Scope) -> FilterResult {
    let n = feed.measures.len().min(index.len());
    let needle = fold(filter.text.trim());
    let sel = index.selection(filter);
    let masks: Vec<u8> = (0..n)
        .map(|i| index.pass_mask(i, filter, &sel, &needle, &scope))
        .collect();
    let withdrawn_hidden = if scope.withdrawn {
        0
    } else {
        index.withdrawn_count()
    };
    let list = index.list(scope.list);
    let list_only = filter.prioritised_only
        && list.is_some()
        && Filter {
            prioritised_only: false,
            ..filter.clone()
        }
        .is_empty();
    let matched: Vec<usize> = (0..n).filter(|&i| masks[i] == ALL_BITS).collect();

    let mut counts: BTreeMap<Facet, BTreeMap<String, usize>> = BTreeMap::new();
    for facet in Facet::ALL {
        let fi = facet as usize;
        let others = ALL_BITS & !facet.bit();
        let mut c = vec![0usize; index.options[fi].len()];
        for (mask, values) in masks.iter().zip(&index.values) {
            if mask & others == others {
                for &v in &values[fi] {
                    c[v as usize] += 1;
                }
            }
        }
        counts.insert(
            facet,
            crate::sort::map_of(index.options[fi].iter().cloned().zip(c)),
        );
    }

    let mut visible: BTreeSet<usize> = crate::sort::set_of(matched.iter().copied());
    let mut opened = BTreeSet::new();
    for &i in &matched {
        if list_only && list.is_some_and(|l| l.only_via_area(i)) {
            continue;
        }
        let mut cur = i;
        // depth guard: a hierarchy cycle (reported by validation) is never followed forever
        for _ in 0..16 {
            let Some(p) = index.parents.get(cur).copied().flatten() else {
                break;
            };
            visible.insert(p);
            opened.insert(p);
            cur = p;
        }
    }
    let opened_for_matches = if filter.is_empty() {
        BTreeSet::new()
    } else {
        opened
    };
    FilterResult {
        matched,
        visible: visible.into_iter().collect(),
        opened_for_matches,
        counts,
        total: n - withdrawn_hidden,
        withdrawn_hidden,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_feeds::other;

    #[test]
    fn options_list_what_the_feed_uses() {
        let f = feed();
        let mut orgs = options(&f, Facet::Organisation, crate::text::Lang::Nb);
        orgs.extend(options(&f, Facet::ActorGroup, crate::text::Lang::Nb));
        assert!(!orgs.is_empty());
        for id in &orgs {
            assert!(f
                .measures
                .iter()
                .any(|m| m.actors.iter().any(|r| &r.actor == id)));
        }
        assert_eq!(
            options(&f, Facet::Phase, crate::text::Lang::Nb).len(),
            f.phases.len()
        );
        assert_eq!(
            options(&f, Facet::Status, crate::text::Lang::Nb)
                .last()
                .map(String::as_str),
            Some(STATUS_UNKNOWN)
        );
        let years = window_years(&f);
        assert!(years.windows(2).all(|w| w[1] == w[0] + 1) && !years.is_empty());
    }

    fn feed() -> Feed {
        crate::minimal_fixture()
    }

    #[test]
    fn the_index_years_are_the_ones_read_from_every_date() {
        use crate::date::Ymd;
        use crate::timeline::{year_range, year_range_of};
        // nothing dated; and a date only an ambition gives, and one that does not parse
        let mut undated = feed();
        for m in &mut undated.measures {
            m.phases.clear();
            m.milestones.clear();
            m.ambitions.clear();
        }
        let mut odd = undated.clone();
        odd.measures[0].phases = feed().measures[0].phases.clone();
        odd.measures[0].phases[0].start = "2041-13".into();
        odd.measures[1].milestones = feed().measures[0].milestones.clone();
        let mut far = odd.clone();
        far.measures[0].phases[0].start = "2019".into();
        let feeds = [
            crate::test_feeds::shipped(),
            crate::test_feeds::of_2021(),
            other(),
            feed(),
            undated,
            odd,
            far,
        ];
        let mut seen = BTreeSet::new();
        for f in &feeds {
            let idx = Index::new(f);
            assert_eq!(idx.window_years(), window_years(f), "{}", f.meta.id);
            seen.insert(idx.dated_years());
            for today in [(2026, 12, 2), (1990, 1, 1), (2090, 6, 30)] {
                let today = Ymd::new(today.0, today.1, today.2).unwrap();
                assert_eq!(
                    year_range_of(f, idx.dated_years(), today),
                    year_range(f, today),
                    "{} {today:?}",
                    f.meta.id
                );
            }
        }
        assert!(
            seen.contains(&None),
            "a feed with nothing dated is among them"
        );
        assert!(seen.len() >= 4, "{seen:?}");
    }

    #[test]
    fn fold_ignores_case_and_diacritics() {
        assert_eq!(fold("Prøvesvar"), "provesvar");
        assert_eq!(fold("ÆRLIG Åpen"), "aerlig apen");
        assert_eq!(fold("Sámi čállin"), "sami callin");
        assert_eq!(fold("a\u{30a}"), "a");
        assert!(fold("Pasientens prøvesvar").contains(&fold("prove")));
    }

    #[test]
    fn empty_filter_matches_everything() {
        let f = feed();
        let idx = Index::new(&f);
        let r = apply(&f, &idx, &Filter::default());
        assert_eq!(r.matched.len(), f.measures.len());
        assert!(r.opened_for_matches.is_empty());
    }

    #[test]
    fn text_search_finds_ids_and_names_without_diacritics() {
        let f = feed();
        let idx = Index::new(&f);
        let pll = f.measures.iter().position(|m| m.id == "PLL").unwrap();
        let by_id = Filter {
            text: "pll".into(),
            ..Filter::default()
        };
        assert!(apply(&f, &idx, &by_id).matched.contains(&pll));
        let name = fold(f.measures[pll].name.get(crate::Lang::Nb));
        let word = name.split_whitespace().last().unwrap().to_string();
        let by_name = Filter {
            text: word.to_uppercase(),
            ..Filter::default()
        };
        assert!(apply(&f, &idx, &by_name).matched.contains(&pll));
        let nothing = Filter {
            text: "zzzz-no-such-thing".into(),
            ..Filter::default()
        };
        assert!(apply(&f, &idx, &nothing).matched.is_empty());
    }

    #[test]
    fn or_within_a_facet_and_across_facets() {
        let f = feed();
        let idx = Index::new(&f);
        let goals: Vec<String> = f.goals.iter().map(|g| g.id.to_string()).collect();
        let count_for = |sel: &[&str]| {
            let mut flt = Filter::default();
            for s in sel {
                flt.toggle(Facet::Goal, s);
            }
            apply(&f, &idx, &flt).matched.len()
        };
        let each: usize = goals.iter().map(|g| count_for(&[g.as_str()])).sum();
        let all: Vec<&str> = goals.iter().map(String::as_str).collect();
        // main and other goals can overlap, so OR is at most the sum and at least the largest
        let or = count_for(&all);
        assert!(or <= each);
        assert!(
            or >= goals
                .iter()
                .map(|g| count_for(&[g.as_str()]))
                .max()
                .unwrap()
        );
        // AND across facets: adding a text that matches nothing empties the result
        let mut flt = Filter::default();
        flt.toggle(Facet::Goal, &goals[0]);
        flt.text = "zzzz".into();
        assert!(apply(&f, &idx, &flt).matched.is_empty());
    }

    #[test]
    fn counts_ignore_their_own_facet() {
        let f = feed();
        let idx = Index::new(&f);
        let mut flt = Filter::default();
        let g0 = f.goals[0].id.clone();
        flt.toggle(Facet::Goal, &g0);
        let r = apply(&f, &idx, &flt);
        let all = apply(&f, &idx, &Filter::default());
        // goal counts are unaffected by the goal selection itself
        assert_eq!(r.counts[&Facet::Goal], all.counts[&Facet::Goal]);
        // the chosen option's count equals the number of matches
        assert_eq!(
            r.counts[&Facet::Goal]
                .get(g0.as_str())
                .copied()
                .unwrap_or(0),
            r.matched.len()
        );
    }

    #[test]
    fn a_matching_child_shows_and_opens_its_parent() {
        let f = feed();
        let idx = Index::new(&f);
        let (ci, child) = f
            .measures
            .iter()
            .enumerate()
            .find(|(_, m)| m.parent.is_some())
            .expect("fixture has a sub-measure");
        let parent = f
            .measures
            .iter()
            .position(|m| Some(m.id.as_str()) == child.parent.as_deref())
            .unwrap();
        let flt = Filter {
            text: child.id.to_string(),
            ..Filter::default()
        };
        let r = apply(&f, &idx, &flt);
        assert!(r.matched.contains(&ci));
        assert!(r.visible.contains(&parent));
        assert!(r.opened_for_matches.contains(&parent));
    }

    #[test]
    fn time_window_and_prioritised() {
        let f = feed();
        let idx = Index::new(&f);
        let far = Filter {
            from_year: Some(2090),
            ..Filter::default()
        };
        assert!(apply(&f, &idx, &far).matched.is_empty());
        let wide = Filter {
            from_year: Some(1990),
            to_year: Some(2090),
            ..Filter::default()
        };
        let dated = (0..f.measures.len())
            .filter(|&i| measure_spans(&f.measures[i]).next().is_some())
            .count();
        assert_eq!(apply(&f, &idx, &wide).matched.len(), dated);
        let prio = Filter {
            prioritised_only: true,
            ..Filter::default()
        };
        let r = apply(&f, &idx, &prio);
        // PLL (priority 1) and its sub-measure LM-1, which is in the list through its area;
        // the area is not opened for it (the list is the only criterion).
        let ids: Vec<&str> = r
            .matched
            .iter()
            .map(|&i| f.measures[i].id.as_str())
            .collect();
        assert_eq!(ids, vec!["PLL", "LM-1"]);
        assert!(r.opened_for_matches.is_empty());
        // with a search as well, a matching sub-measure opens its area as usual
        let both = Filter {
            prioritised_only: true,
            text: "LM-1".into(),
            ..Filter::default()
        };
        let r = apply(&f, &idx, &both);
        assert_eq!(r.matched, vec![1]);
        assert!(r.opened_for_matches.contains(&0));
    }

    fn ids(f: &Feed, r: &FilterResult) -> Vec<String> {
        r.matched
            .iter()
            .map(|&i| f.measures[i].id.to_string())
            .collect()
    }

    #[test]
    fn only_prioritised_follows_the_chosen_list() {
        let f = other();
        let idx = Index::new(&f);
        let prio = Filter {
            prioritised_only: true,
            ..Filter::default()
        };
        // the first list: three measures
        let first = apply_in(&f, &idx, &prio, Scope::default());
        assert_eq!(ids(&f, &first), vec!["ALFA", "GAMMA", "DELTA"]);
        // the list of areas: the measures under the two ranked areas
        let areas = Scope {
            list: Some("omraader"),
            ..Scope::default()
        };
        assert_eq!(
            ids(&f, &apply_in(&f, &idx, &prio, areas)),
            vec!["ALFA", "BETA", "GAMMA"]
        );
        // an unknown list id means the first list
        let unknown = Scope {
            list: Some("nope"),
            ..Scope::default()
        };
        assert_eq!(apply_in(&f, &idx, &prio, unknown).matched, first.matched);
    }

    #[test]
    fn a_feed_without_lists_ignores_only_prioritised() {
        let mut f = crate::minimal_fixture();
        for m in &mut f.measures {
            m.priority = None;
        }
        let idx = Index::new(&f);
        assert!(idx.lists().is_empty() && idx.list(None).is_none());
        let prio = Filter {
            prioritised_only: true,
            ..Filter::default()
        };
        assert_eq!(apply(&f, &idx, &prio).matched.len(), f.measures.len());
    }

    #[test]
    fn withdrawn_measures_are_hidden_counted_and_shown_on_request() {
        let f = other();
        let idx = Index::new(&f);
        let hidden = apply(&f, &idx, &Filter::default());
        assert!(!ids(&f, &hidden).contains(&"EPSILON".to_string()));
        assert_eq!(hidden.withdrawn_hidden, 1);
        assert_eq!(idx.withdrawn_count(), 1);
        assert_eq!(Index::new(&feed()).withdrawn_count(), 0);
        assert_eq!(hidden.total, f.measures.len() - 1);
        assert_eq!(hidden.matched.len(), hidden.total);
        // hidden measures count in no facet either
        let goal3 = hidden.counts[&Facet::Goal].get("omr-3").copied();
        assert_eq!(goal3, Some(1), "DELTA only, not EPSILON");
        let shown = apply_in(
            &f,
            &idx,
            &Filter::default(),
            Scope {
                withdrawn: true,
                ..Scope::default()
            },
        );
        assert!(ids(&f, &shown).contains(&"EPSILON".to_string()));
        assert_eq!((shown.withdrawn_hidden, shown.total), (0, f.measures.len()));
    }

    #[test]
    fn query_round_trip() {
        let mut flt = Filter::default();
        flt.toggle(Facet::Organisation, "NHN");
        flt.toggle(Facet::Organisation, "KS");
        flt.toggle(Facet::Phase, "pilot");
        flt.prioritised_only = true;
        flt.text = "prøve svar".into();
        flt.from_year = Some(2024);
        flt.to_year = Some(2027);
        let q = flt.to_query();
        assert_eq!(q[0], ("org", "KS,NHN".to_string()));
        let back = Filter::from_query(q.iter().map(|(k, v)| (*k, v.as_str())));
        assert_eq!(back, flt);
        // junk is ignored, not fatal
        let junk = Filter::from_query([("fra", "tjue"), ("org", ",,"), ("x", "y")]);
        assert!(junk.is_empty());
        // toggling off removes the facet entirely
        flt.toggle(Facet::Phase, "pilot");
        assert!(!flt.selected.contains_key(&Facet::Phase));
    }
}
