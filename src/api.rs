//! Fetching the feed: a typed async function, as in the leptos `fetch` example.

use veikart_domain::validate::{parse_feed, validate, LoadError, Loaded, DEFAULT_MAX_BYTES};

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
    load_timed(&text).map_err(FeedError::Load)
}

// --- issue 9: feed source and load timing for the benchmark (kept apart from the fetch code) ---

/// The feed to load for a `?feed=` value: only a same-origin absolute path such as
/// `/bench/feed-5000.json` is accepted; anything else (another origin, `//host`, a scheme,
/// backslashes or control characters, which browsers may turn into `//`) falls back to the
/// default feed. Allow-listed other origins are a separate feature (issue 5).
pub fn feed_url(param: Option<&str>) -> String {
    match param {
        Some(p)
            if p.starts_with('/')
                && !p.starts_with("//")
                && p.len() <= 512
                && !p
                    .chars()
                    .any(|c| c == '\\' || c.is_whitespace() || c.is_control()) =>
        {
            p.to_string()
        }
        _ => DEFAULT_FEED_URL.to_string(),
    }
}

/// `validate::load`, with `performance.measure` entries `veikart:parse` and `veikart:validate`
/// (read by `scripts/bench.mjs`).
fn load_timed(text: &str) -> Result<Loaded, LoadError> {
    let perf = web_sys::window().and_then(|w| w.performance());
    let mark = |name: &str| {
        if let Some(p) = &perf {
            let _ = p.mark(name);
        }
    };
    mark("veikart:parse-start");
    let feed = parse_feed(text, DEFAULT_MAX_BYTES)?;
    mark("veikart:parse-end");
    let issues = validate(&feed);
    mark("veikart:validate-end");
    if let Some(p) = &perf {
        let _ = p.measure_with_start_mark_and_end_mark(
            "veikart:parse",
            "veikart:parse-start",
            "veikart:parse-end",
        );
        let _ = p.measure_with_start_mark_and_end_mark(
            "veikart:validate",
            "veikart:parse-end",
            "veikart:validate-end",
        );
    }
    Ok(Loaded { feed, issues })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_same_origin_paths_are_feed_sources() {
        assert_eq!(feed_url(None), DEFAULT_FEED_URL);
        assert_eq!(
            feed_url(Some("/bench/feed-5000.json")),
            "/bench/feed-5000.json"
        );
        for bad in [
            "https://evil.example/feed.json",
            "//evil.example/feed.json",
            "/\\evil.example/feed.json",
            "/\t/evil.example",
            "javascript:alert(1)",
            "feed.json",
            "",
        ] {
            assert_eq!(feed_url(Some(bad)), DEFAULT_FEED_URL, "{bad:?}");
        }
    }
}
