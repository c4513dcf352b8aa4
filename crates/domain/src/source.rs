//! Where the feed may come from. `?feed=` takes a same-origin absolute path (`/bench/feed.json`)
//! or an `http(s)` URL whose origin is on the allow-list (`<meta name="veikart-feed-origins">` in
//! `index.html`); anything
//! else is refused with a reason the app shows (never silently replaced by another feed).

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SourceError {
    /// An `http(s)` URL whose origin is not on the allow-list.
    NotAllowed { origin: String },
    /// Not a same-origin path and not an `http(s)` URL (or one with suspicious characters).
    Malformed,
}

fn clean(s: &str) -> bool {
    s.len() <= 2048
        && !s
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control())
}

/// The origin (`scheme://host[:port]`, lower case) of an absolute `http(s)` URL, if it is one.
/// URLs with credentials (`user@host`) have no origin here.
pub fn origin_of(url: &str) -> Option<String> {
    let lower = url.to_ascii_lowercase();
    let (scheme, rest) = if let Some(r) = lower.strip_prefix("https://") {
        ("https", r)
    } else if let Some(r) = lower.strip_prefix("http://") {
        ("http", r)
    } else {
        return None;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    if authority.is_empty() || authority.contains('@') {
        return None;
    }
    let default_port = if scheme == "https" { ":443" } else { ":80" };
    let authority = authority.strip_suffix(default_port).unwrap_or(authority);
    Some(format!("{scheme}://{authority}"))
}

/// The URL to fetch for a `?feed=` value (`None` = the default feed at `default`).
pub fn feed_source(
    param: Option<&str>,
    default: &str,
    allowed_origins: &[String],
) -> Result<String, SourceError> {
    let Some(p) = param.map(str::trim).filter(|p| !p.is_empty()) else {
        return Ok(default.to_string());
    };
    if !clean(p) {
        return Err(SourceError::Malformed);
    }
    if p.starts_with('/') && !p.starts_with("//") {
        return Ok(p.to_string());
    }
    let origin = origin_of(p).ok_or(SourceError::Malformed)?;
    let allowed = allowed_origins
        .iter()
        .filter_map(|o| origin_of(o.trim_end_matches('/')))
        .any(|o| o == origin);
    if allowed {
        Ok(p.to_string())
    } else {
        Err(SourceError::NotAllowed { origin })
    }
}

/// The URL to fetch for a comparison: `link` (the `sammenlign=` value, or the feed's
/// `previous_version` link for `forrige`) resolved against the URL of the feed being shown, then
/// held to the same rules as `?feed=` — a path on this site or an allow-listed origin. So a
/// comparison can never reach a source the feed itself could not.
pub fn compare_source(
    link: &str,
    current_feed_url: &str,
    allowed_origins: &[String],
) -> Result<String, SourceError> {
    let resolved =
        crate::diff::resolve_link(current_feed_url, link).ok_or(SourceError::Malformed)?;
    feed_source(Some(&resolved), current_feed_url, allowed_origins)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comparisons_follow_the_feed_rules() {
        let allow = vec!["https://www.ehelse.no".to_string()];
        assert_eq!(
            compare_source("feeds/2021.json", D, &allow),
            Ok("/public/feeds/2021.json".into())
        );
        assert_eq!(
            compare_source("/old/feed.json", D, &allow),
            Ok("/old/feed.json".into())
        );
        assert_eq!(
            compare_source("https://evil.example/f.json", D, &allow),
            Err(SourceError::NotAllowed {
                origin: "https://evil.example".into()
            })
        );
        assert_eq!(
            compare_source("https://www.ehelse.no/v/f.json", D, &allow),
            Ok("https://www.ehelse.no/v/f.json".into())
        );
        // relative to a feed on an allowed origin: stays there
        assert_eq!(
            compare_source("older.json", "https://www.ehelse.no/v/feed.json", &allow),
            Ok("https://www.ehelse.no/v/older.json".into())
        );
        assert_eq!(
            compare_source("javascript:alert(1)", D, &allow),
            Err(SourceError::Malformed)
        );
    }

    const D: &str = "/public/feed.json";

    #[test]
    fn default_and_same_origin_paths() {
        assert_eq!(feed_source(None, D, &[]), Ok(D.into()));
        assert_eq!(feed_source(Some("  "), D, &[]), Ok(D.into()));
        assert_eq!(
            feed_source(Some("/bench/feed-5000.json"), D, &[]),
            Ok("/bench/feed-5000.json".into())
        );
    }

    #[test]
    fn allow_listed_origins_only() {
        let allow = vec![
            "https://www.ehelse.no".to_string(),
            "http://127.0.0.1:8181/".to_string(),
        ];
        assert_eq!(
            feed_source(Some("https://www.ehelse.no/veikart/feed.json"), D, &allow),
            Ok("https://www.ehelse.no/veikart/feed.json".into())
        );
        assert_eq!(
            feed_source(Some("HTTPS://WWW.EHELSE.NO:443/x.json"), D, &allow),
            Ok("HTTPS://WWW.EHELSE.NO:443/x.json".into())
        );
        assert_eq!(
            feed_source(Some("http://127.0.0.1:8181/f.json"), D, &allow),
            Ok("http://127.0.0.1:8181/f.json".into())
        );
        assert_eq!(
            feed_source(Some("https://evil.example/feed.json"), D, &allow),
            Err(SourceError::NotAllowed {
                origin: "https://evil.example".into()
            })
        );
        // a look-alike host, another port, credentials
        assert!(feed_source(Some("https://www.ehelse.no.evil.example/f.json"), D, &allow).is_err());
        assert!(feed_source(Some("http://127.0.0.1:8182/f.json"), D, &allow).is_err());
        assert_eq!(
            feed_source(Some("https://www.ehelse.no@evil.example/f.json"), D, &allow),
            Err(SourceError::Malformed)
        );
    }

    #[test]
    fn malformed_values_are_refused() {
        for bad in [
            "//evil.example/feed.json",
            "/\\evil.example/feed.json",
            "/\t/evil.example",
            "javascript:alert(1)",
            "data:application/json,{}",
            "feed.json",
            "ftp://www.ehelse.no/f.json",
        ] {
            assert_eq!(
                feed_source(Some(bad), D, &["https://www.ehelse.no".into()]),
                Err(SourceError::Malformed),
                "{bad:?}"
            );
        }
    }
}
