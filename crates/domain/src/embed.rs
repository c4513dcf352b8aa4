//! Embedding rules that need no browser: which theme variables a host page may set inside the
//! embedded app (sent by `public/embed.js` with `postMessage`).

/// The custom properties a host may set, all in the app's own `--vk-` namespace.
pub const THEME_VARS: [&str; 12] = [
    "--vk-font",
    "--vk-bg",
    "--vk-surface",
    "--vk-surface-2",
    "--vk-border",
    "--vk-border-subtle",
    "--vk-text",
    "--vk-text-subtle",
    "--vk-accent",
    "--vk-accent-strong",
    "--vk-accent-surface",
    "--vk-focus",
];

/// Whether a host-supplied theme variable may be applied: a known name, and a short value made
/// only of characters that colours, lengths and font lists need. Anything that could load a
/// resource (`url(`, `image-set(`), escape the declaration (`;`, `{`, `}`), or smuggle escapes
/// (`\`) is refused.
pub fn theme_var_ok(name: &str, value: &str) -> bool {
    if !THEME_VARS.contains(&name) {
        return false;
    }
    let v = value.trim();
    if v.is_empty() || v.len() > 120 {
        return false;
    }
    let lower = v.to_ascii_lowercase();
    if lower.contains("url") || lower.contains("image") || lower.contains("expression") {
        return false;
    }
    v.chars().all(|c| {
        c.is_alphanumeric()
            || matches!(
                c,
                ' ' | '#' | '(' | ')' | ',' | '.' | '%' | '-' | '"' | '\'' | '/'
            )
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepts_colours_fonts_and_lengths() {
        assert!(theme_var_ok("--vk-accent", "#005aa3"));
        assert!(theme_var_ok("--vk-accent", "rgb(0, 90, 163)"));
        assert!(theme_var_ok(
            "--vk-font",
            "\"Source Sans Pro\", Arial, sans-serif"
        ));
        assert!(theme_var_ok("--vk-bg", "hsl(210 20% 98% / .9)"));
    }

    #[test]
    fn refuses_unknown_names_and_dangerous_values() {
        assert!(!theme_var_ok("--other", "#fff"));
        assert!(!theme_var_ok("color", "#fff"));
        assert!(!theme_var_ok("--vk-bg", "url(https://evil.example/x.png)"));
        assert!(!theme_var_ok("--vk-bg", "#fff; background: red"));
        assert!(!theme_var_ok("--vk-bg", "} body { display:none"));
        assert!(!theme_var_ok("--vk-bg", "\\75 rl(x)"));
        assert!(!theme_var_ok("--vk-bg", "image-set(\"x.png\" 1x)"));
        assert!(!theme_var_ok("--vk-bg", ""));
        assert!(!theme_var_ok("--vk-bg", &"a".repeat(200)));
    }
}
