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

/// `public/feed.json`: the feed Veikart ships.
pub fn shipped() -> Feed {
    crate::load(
        include_str!("../../../public/feed.json"),
        crate::validate::DEFAULT_MAX_BYTES,
    )
    .unwrap()
    .feed
}

/// `public/feeds/2021.json`: the earlier version the change list compares with.
pub fn of_2021() -> Feed {
    crate::load(
        include_str!("../../../public/feeds/2021.json"),
        crate::validate::DEFAULT_MAX_BYTES,
    )
    .unwrap()
    .feed
}

/// The index of the measure `id` in `f` (panics when there is none).
pub fn idx(f: &Feed, id: &str) -> usize {
    f.measures.iter().position(|m| m.id == id).unwrap()
}
