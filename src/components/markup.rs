//! Markup written as text, for the parts of a timeline row that are only drawn or read (the
//! track's bars, milestones, ghost marks and undated sequence; the label's code and name, badges
//! and status): the row sets it as the `innerHTML` of an element, so the browser builds the
//! elements in one call instead of one call per element, attribute and text, and there is no
//! reactive node per part. A regroup or a filter at 5 000 measures creates some twenty rows anew
//! (issue 18). Every value is escaped on the way in ([`Markup::attr`], [`Markup::text`]): feed
//! text can never become markup.

use std::fmt::{self, Display, Write};

/// Writes text with `&`, `<`, `>`, `"` and `'` escaped.
struct Escaped<'a>(&'a mut String);

impl Write for Escaped<'_> {
    fn write_str(&mut self, s: &str) -> fmt::Result {
        for c in s.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                '\'' => self.0.push_str("&#39;"),
                c => self.0.push(c),
            }
        }
        Ok(())
    }
}

/// `c` when it is a colour as the feed gives them (`#1f6f8b`, checked by validation), to be
/// written into a `style` attribute; `None` for anything else.
pub fn css_color(c: &str) -> Option<&str> {
    (c.len() == 7 && c.starts_with('#') && c[1..].bytes().all(|b| b.is_ascii_hexdigit()))
        .then_some(c)
}

/// A markup string under construction: `open` a tag, add `attr`s, then `body` (children
/// follow) or `end` (no children); `close` after the children.
#[derive(Default)]
pub struct Markup(String);

impl Markup {
    /// Starts `<tag`.
    pub fn open(&mut self, tag: &str) -> &mut Self {
        self.0.push('<');
        self.0.push_str(tag);
        self
    }

    /// ` name="value"`, the value escaped.
    pub fn attr(&mut self, name: &str, value: impl Display) -> &mut Self {
        self.0.push(' ');
        self.0.push_str(name);
        self.0.push_str("=\"");
        let _ = write!(Escaped(&mut self.0), "{value}");
        self.0.push('"');
        self
    }

    /// The attribute when there is a value.
    pub fn attr_opt(&mut self, name: &str, value: Option<impl Display>) -> &mut Self {
        if let Some(v) = value {
            self.attr(name, v);
        }
        self
    }

    /// Ends the start tag; children follow.
    pub fn body(&mut self) -> &mut Self {
        self.0.push('>');
        self
    }

    /// A milestone's shape, centred on `cy`: a diamond at `x` for a point in time, else a rounded
    /// bar from `x`, `w` wide (the timeline's markers and the comparison's ghost marks).
    pub fn milestone_shape(&mut self, point: bool, x: f64, w: f64, cy: f64, class: &str) {
        if point {
            self.open("path")
                .attr(
                    "d",
                    format_args!(
                        "M{x},{} L{},{cy} L{x},{} L{},{cy} Z",
                        cy - 9.0,
                        x + 9.0,
                        cy + 9.0,
                        x - 9.0
                    ),
                )
                .attr("class", class)
                .end("path");
        } else {
            self.open("rect")
                .attr("x", x)
                .attr("y", cy - 7.0)
                .attr("width", w)
                .attr("height", 14)
                .attr("rx", 7)
                .attr("class", class)
                .end("rect");
        }
    }

    /// Ends an element without children: `></tag>`.
    pub fn end(&mut self, tag: &str) {
        self.0.push_str("></");
        self.0.push_str(tag);
        self.0.push('>');
    }

    /// Text, escaped.
    pub fn text(&mut self, value: impl Display) -> &mut Self {
        let _ = write!(Escaped(&mut self.0), "{value}");
        self
    }

    /// `</tag>`.
    pub fn close(&mut self, tag: &str) -> &mut Self {
        self.0.push_str("</");
        self.0.push_str(tag);
        self.0.push('>');
        self
    }

    pub fn finish(self) -> String {
        self.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_and_attribute_values() {
        let mut m = Markup::default();
        m.open("g")
            .attr("class", "a\"b")
            .attr("data-x", "<script>&'")
            .attr("x", 1.5)
            .body();
        m.open("rect").attr("fill", "#fff").end("rect");
        m.open("title")
            .body()
            .text("<img src=x onerror=alert(1)> & \"'")
            .close("title")
            .close("g");
        assert_eq!(
            m.finish(),
            "<g class=\"a&quot;b\" data-x=\"&lt;script&gt;&amp;&#39;\" x=\"1.5\">\
             <rect fill=\"#fff\"></rect>\
             <title>&lt;img src=x onerror=alert(1)&gt; &amp; &quot;&#39;</title></g>"
        );
    }
}
