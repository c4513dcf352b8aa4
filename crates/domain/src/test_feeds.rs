//! Feeds the unit tests share (one copy instead of one per module).

use crate::model::Feed;

/// `tests/fixtures/feed-1.1-other.json`: a schema-1.1 feed that uses every new field in a way the
/// shipped feed does not (other terminology, a list of three, undated phases, a risk matrix).
pub fn other() -> Feed {
    crate::load(
        include_str!("../../../tests/fixtures/feed-1.1-other.json"),
        crate::validate::DEFAULT_MAX_BYTES,
    )
    .unwrap()
    .feed
}

/// The index of the measure `id` in `f` (panics when there is none).
pub fn idx(f: &Feed, id: &str) -> usize {
    f.measures.iter().position(|m| m.id == id).unwrap()
}
