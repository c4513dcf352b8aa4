//! Lookups built once per loaded feed: id → index maps for every kind of record, the children
//! of each measure, and the publication date parsed. Views look things up here instead of
//! scanning the feed (`find(|m| m.id == id)`) or rebuilding maps of their own.

use std::collections::HashMap;

use crate::date::{DateSpan, Ymd};
use crate::model::{Actor, Component, Decision, Feed, Goal, Measure, Phase, SourceDoc};
use crate::roadmap::measure_label;
use crate::text::Lang;
use crate::validate::Loaded;

/// Id → position maps and the measure tree of one feed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FeedIndex {
    measures: IdMap<String, usize>,
    actors: IdMap<String, usize>,
    goals: IdMap<String, usize>,
    phases: IdMap<String, usize>,
    components: IdMap<String, usize>,
    decisions: IdMap<String, usize>,
    sources: IdMap<String, usize>,
    /// Per measure: its sub-measures, in feed order.
    children: Vec<Vec<usize>>,
    /// The feed's publication date (its last day when given as a month or year).
    published: Option<Ymd>,
}

fn map<T>(items: &[T], id: impl Fn(&T) -> &str) -> IdMap<String, usize> {
    let mut m = id_map(items.len());
    for (i, x) in items.iter().enumerate() {
        // The first record wins on a duplicate id (validation reports the duplicate).
        m.entry(id(x).to_string()).or_insert(i);
    }
    m
}

impl FeedIndex {
    pub fn new(feed: &Feed) -> FeedIndex {
        let measures = map(&feed.measures, |m| &m.id);
        let mut children = vec![Vec::new(); feed.measures.len()];
        for (i, m) in feed.measures.iter().enumerate() {
            if let Some(&p) = m.parent.as_deref().and_then(|p| measures.get(p)) {
                if p != i {
                    children[p].push(i);
                }
            }
        }
        FeedIndex {
            actors: map(&feed.actors, |a| &a.id),
            goals: map(&feed.goals, |g| &g.id),
            phases: map(&feed.phases, |p| &p.id),
            components: map(&feed.components, |c| &c.id),
            decisions: map(&feed.decisions, |d| &d.id),
            sources: map(&feed.meta.sources, |s| &s.id),
            children,
            published: DateSpan::parse(&feed.meta.published).ok().map(|d| d.end),
            measures,
        }
    }

    pub fn measure_index(&self, id: &str) -> Option<usize> {
        self.measures.get(id).copied()
    }
    pub fn actor_index(&self, id: &str) -> Option<usize> {
        self.actors.get(id).copied()
    }
    pub fn goal_index(&self, id: &str) -> Option<usize> {
        self.goals.get(id).copied()
    }
    pub fn phase_index(&self, id: &str) -> Option<usize> {
        self.phases.get(id).copied()
    }
    pub fn component_index(&self, id: &str) -> Option<usize> {
        self.components.get(id).copied()
    }
    pub fn decision_index(&self, id: &str) -> Option<usize> {
        self.decisions.get(id).copied()
    }
    pub fn source_index(&self, id: &str) -> Option<usize> {
        self.sources.get(id).copied()
    }
    /// Sub-measures of measure `i`, in feed order (empty for an unknown index).
    pub fn children(&self, i: usize) -> &[usize] {
        self.children.get(i).map(Vec::as_slice).unwrap_or(&[])
    }
    pub fn published(&self) -> Option<Ymd> {
        self.published
    }
}

/// A usable feed with its index: what every view reads.
#[derive(Clone, Debug)]
pub struct Indexed {
    pub loaded: Loaded,
    pub ix: FeedIndex,
}

impl Indexed {
    pub fn new(loaded: Loaded) -> Indexed {
        let ix = FeedIndex::new(&loaded.feed);
        Indexed { loaded, ix }
    }
    pub fn feed(&self) -> &Feed {
        &self.loaded.feed
    }
    pub fn measure(&self, id: &str) -> Option<&Measure> {
        self.ix
            .measure_index(id)
            .map(|i| &self.loaded.feed.measures[i])
    }
    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.ix.actor_index(id).map(|i| &self.loaded.feed.actors[i])
    }
    pub fn goal(&self, id: &str) -> Option<&Goal> {
        self.ix.goal_index(id).map(|i| &self.loaded.feed.goals[i])
    }
    pub fn phase(&self, id: &str) -> Option<&Phase> {
        self.ix.phase_index(id).map(|i| &self.loaded.feed.phases[i])
    }
    pub fn component(&self, id: &str) -> Option<&Component> {
        self.ix
            .component_index(id)
            .map(|i| &self.loaded.feed.components[i])
    }
    pub fn decision(&self, id: &str) -> Option<&Decision> {
        self.ix
            .decision_index(id)
            .map(|i| &self.loaded.feed.decisions[i])
    }
    pub fn source_doc(&self, id: &str) -> Option<&SourceDoc> {
        self.ix
            .source_index(id)
            .map(|i| &self.loaded.feed.meta.sources[i])
    }
    /// The actor's name in `lang`, or the id when the feed does not define it.
    pub fn actor_name(&self, id: &str, lang: Lang) -> String {
        self.actor(id)
            .map(|a| a.name.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    }
    /// The phase's name in `lang`, or the id when the feed does not define it.
    pub fn phase_name(&self, id: &str, lang: Lang) -> String {
        self.phase(id)
            .map(|p| p.name.get(lang).to_string())
            .unwrap_or_else(|| id.to_string())
    }
    /// "PLL – Pasientens legemiddelliste" for a measure, the name for a component, the id else.
    pub fn node_label(&self, id: &str, lang: Lang) -> String {
        self.measure(id)
            .map(|m| measure_label(m, lang))
            .or_else(|| self.component(id).map(|c| c.name.get(lang).to_string()))
            .unwrap_or_else(|| id.to_string())
    }
}

/// A fast, non-cryptographic hasher for the maps built once per loaded feed (issue 18): ids are
/// short strings from the feed itself, so SipHash's protection against chosen keys buys nothing
/// and costs a third of validation. Eight bytes per step: rotate, xor, multiply; the last step
/// spreads the high bits down (hashbrown takes its control byte from the top seven bits and its
/// bucket from the low ones).
#[derive(Clone, Copy, Default)]
pub struct IdHasher(u64);

const MUL: u64 = 0x9e37_79b9_7f4a_7c15;

impl IdHasher {
    #[inline]
    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(26) ^ w).wrapping_mul(MUL);
    }
}

impl std::hash::Hasher for IdHasher {
    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().unwrap_or_default()));
        }
        // The last 1–7 bytes as one word, read as two (possibly overlapping) halves so no
        // buffer is copied; the length keeps "ab" and "abab"-like tails apart.
        let rest = chunks.remainder();
        let n = rest.len();
        let tail = match n {
            0 => return,
            1..=3 => {
                u64::from(rest[0]) | u64::from(rest[n / 2]) << 8 | u64::from(rest[n - 1]) << 16
            }
            _ => {
                let lo = u32::from_le_bytes([rest[0], rest[1], rest[2], rest[3]]);
                let hi = u32::from_le_bytes([rest[n - 4], rest[n - 3], rest[n - 2], rest[n - 1]]);
                u64::from(lo) | u64::from(hi) << 32
            }
        };
        self.add(tail ^ ((n as u64) << 59));
    }
    #[inline]
    fn write_u8(&mut self, i: u8) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u32(&mut self, i: u32) {
        self.add(u64::from(i));
    }
    #[inline]
    fn write_u64(&mut self, i: u64) {
        self.add(i);
    }
    #[inline]
    fn write_usize(&mut self, i: usize) {
        self.add(i as u64);
    }
    #[inline]
    fn finish(&self) -> u64 {
        let h = self.0;
        h ^ (h >> 29) ^ (h >> 47)
    }
}

/// `BuildHasher` of [`IdHasher`].
pub type IdBuild = std::hash::BuildHasherDefault<IdHasher>;
/// A `HashMap` keyed by feed ids, with [`IdHasher`].
pub type IdMap<K, V> = HashMap<K, V, IdBuild>;
/// A `HashSet` of feed ids, with [`IdHasher`].
pub type IdSet<K> = std::collections::HashSet<K, IdBuild>;

/// An empty [`IdMap`] with room for `n` entries.
pub fn id_map<K, V>(n: usize) -> IdMap<K, V> {
    HashMap::with_capacity_and_hasher(n, IdBuild::default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_kind_of_record_and_the_tree() {
        let f = crate::minimal_fixture();
        let ix = Indexed::new(Loaded {
            feed: f.clone(),
            issues: vec![],
        });
        for (i, m) in f.measures.iter().enumerate() {
            assert_eq!(ix.ix.measure_index(&m.id), Some(i));
            assert_eq!(ix.measure(&m.id).map(|x| &x.id), Some(&m.id));
            if let Some(p) = &m.parent {
                let pi = ix.ix.measure_index(p).unwrap();
                assert!(ix.ix.children(pi).contains(&i), "{} under {p}", m.id);
            }
        }
        let kids: usize = (0..f.measures.len()).map(|i| ix.ix.children(i).len()).sum();
        assert_eq!(
            kids,
            f.measures.iter().filter(|m| m.parent.is_some()).count()
        );
        for a in &f.actors {
            assert_eq!(ix.actor_name(&a.id, Lang::Nb), a.name.get(Lang::Nb));
        }
        for p in &f.phases {
            assert_eq!(ix.phase_name(&p.id, Lang::En), p.name.get(Lang::En));
        }
        assert_eq!(ix.actor_name("nobody", Lang::Nb), "nobody");
        assert!(ix.measure("nope").is_none());
        assert!(ix.ix.children(10_000).is_empty());
        assert_eq!(
            ix.ix.published(),
            DateSpan::parse(&f.meta.published).ok().map(|d| d.end)
        );
    }
}
