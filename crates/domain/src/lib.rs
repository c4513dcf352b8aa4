//! Veikart's domain: the roadmap feed and everything computed from it, in plain Rust with no
//! browser types, tested natively. Components in the app only bind signals to these values.

pub mod basis;
pub mod charts;
pub mod council;
pub mod date;
mod de;
pub mod diff;
pub mod embed;
pub mod export;
pub mod filter;
pub mod graph;
pub mod index;
pub mod json_path;
pub mod lens;
pub mod messages;
pub mod model;
pub mod priority;
pub mod risk;
pub mod roadmap;
pub mod small;
pub mod sort;
pub mod source;
pub mod standing;
pub mod text;
pub mod timeline;
pub mod validate;
pub mod view_model;
pub mod view_state;

#[cfg(test)]
mod test_feeds;

pub use model::Feed;
pub use text::Lang;
pub use validate::{load, parse_feed, validate, Issue, LoadError, Loaded, Rule, Severity};

/// The small valid feed the unit tests share (tests/fixtures/minimal.json).
#[cfg(test)]
pub(crate) fn minimal_fixture() -> Feed {
    load(
        include_str!("../../../tests/fixtures/minimal.json"),
        validate::DEFAULT_MAX_BYTES,
    )
    .expect("minimal fixture loads")
    .feed
}
