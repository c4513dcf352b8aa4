//! Fetching the feed: a typed async function, as in the leptos `fetch` example.

use veikart_domain::validate::{load, LoadError, Loaded, DEFAULT_MAX_BYTES};

/// The default feed, shipped in `public/`.
pub const DEFAULT_FEED_URL: &str = "/public/feed.json";

/// Why the feed could not be shown.
#[derive(Clone, Debug, PartialEq)]
pub enum FeedError {
    /// No answer at all (offline, DNS, CORS, aborted).
    Network(String),
    /// An HTTP error status.
    Http(u16),
    /// The body could not be read as a feed.
    Load(LoadError),
}

/// Fetches and validates a feed. Semantic errors are in the returned [`Loaded`]; the caller
/// decides whether they block rendering.
pub async fn fetch_feed(url: String) -> Result<Loaded, FeedError> {
    let resp = gloo_net::http::Request::get(&url)
        .send()
        .await
        .map_err(|e| FeedError::Network(e.to_string()))?;
    if !resp.ok() {
        return Err(FeedError::Http(resp.status()));
    }
    let text = resp
        .text()
        .await
        .map_err(|e| FeedError::Network(e.to_string()))?;
    load(&text, DEFAULT_MAX_BYTES).map_err(FeedError::Load)
}
