//! Everything the URL says about what the reader sees — view, layout, grouping, zoom, filters,
//! comparison, selection, language — as one typed value. The app reads it in one place and
//! writes it in one place; links are built from it, so no link can drop part of the state.
//!
//! URL form (Norwegian keys, since people read and share these links):
//! `/` or `/tiltak/ID` or `/tilgjengelighet`, with the query keys
//! `visning` (`avhengigheter`, `ambisjoner`, `for-oss`, `endringer`, `rad`, `risiko`),
//! `sammenlign` (`forrige` or a URL), `organ` (`NUIT` …), `aktor`, `gruppering`, `liste` (the
//! priority list in use), `uttatt` (show withdrawn measures), `oppsett`, `zoom`, `piler`,
//! `apne` / `lukk` (comma-separated ids), the filter's keys (`org`, `brukergruppe`, `mal`,
//! `status`, `fase`, `prioritert`, `q`, `fra`, `til`), `lang`, `embed` and `feed`.
//! Default values are left out, so the plain roadmap is `/`.

use std::collections::BTreeSet;

use crate::council::BODIES;
use crate::filter::{self, Filter};
use crate::model::Body;
use crate::roadmap::Grouping;
use crate::text::Lang;
use crate::timeline::Zoom;

/// Which view of the feed is shown (`visning=`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum View {
    /// The roadmap: timeline, list or table (no key).
    #[default]
    Roadmap,
    Graph,
    Ambitions,
    Lens,
    Changes,
    Council,
    /// Schema 1.1: risks and preconditions (a matrix when the feed scores them).
    Risks,
}

impl View {
    pub const ALL: [View; 7] = [
        View::Roadmap,
        View::Graph,
        View::Ambitions,
        View::Risks,
        View::Lens,
        View::Changes,
        View::Council,
    ];
    pub fn key(self) -> &'static str {
        match self {
            View::Roadmap => "",
            View::Graph => "avhengigheter",
            View::Ambitions => "ambisjoner",
            View::Lens => "for-oss",
            View::Changes => "endringer",
            View::Council => "rad",
            View::Risks => "risiko",
        }
    }
    pub fn from_key(s: &str) -> Option<View> {
        View::ALL.into_iter().find(|v| v.key() == s)
    }
}

/// The layout of the roadmap view (`oppsett=`). `Auto` is the timeline on wide screens and the
/// list on narrow ones.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum LayoutChoice {
    #[default]
    Auto,
    Timeline,
    List,
    Table,
}

/// A layout as drawn.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Layout {
    Timeline,
    List,
    Table,
}

impl Layout {
    pub const ALL: [Layout; 3] = [Layout::Timeline, Layout::List, Layout::Table];
}

impl LayoutChoice {
    pub fn key(self) -> &'static str {
        match self {
            LayoutChoice::Auto => "",
            LayoutChoice::Timeline => "tidslinje",
            LayoutChoice::List => "liste",
            LayoutChoice::Table => "tabell",
        }
    }
    pub fn from_key(s: &str) -> Option<LayoutChoice> {
        [
            LayoutChoice::Timeline,
            LayoutChoice::List,
            LayoutChoice::Table,
        ]
        .into_iter()
        .find(|l| l.key() == s)
    }
    /// The layout drawn on a screen that is narrow or not.
    pub fn resolve(self, narrow: bool) -> Layout {
        match self {
            LayoutChoice::Auto if narrow => Layout::List,
            LayoutChoice::Auto | LayoutChoice::Timeline => Layout::Timeline,
            LayoutChoice::List => Layout::List,
            LayoutChoice::Table => Layout::Table,
        }
    }
    /// The choice that draws `layout`: `Auto` when that is what the screen gives anyway, so
    /// a link made on a phone still opens as a timeline on a desktop unless chosen.
    pub fn choose(layout: Layout, narrow: bool) -> LayoutChoice {
        if LayoutChoice::Auto.resolve(narrow) == layout {
            return LayoutChoice::Auto;
        }
        match layout {
            Layout::Timeline => LayoutChoice::Timeline,
            Layout::List => LayoutChoice::List,
            Layout::Table => LayoutChoice::Table,
        }
    }
}

/// What to compare the feed with (`sammenlign=`).
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Compare {
    #[default]
    Off,
    /// The feed's own `meta.previous_version` link (`forrige`).
    Previous,
    /// Another feed, as written in the URL (checked by the feed-source rules before fetching).
    Url(String),
}

/// The `sammenlign=` value for the previous version.
pub const COMPARE_PREVIOUS: &str = "forrige";

impl Compare {
    fn from_value(v: &str) -> Compare {
        let v = v.trim();
        if v.is_empty() {
            Compare::Off
        } else if v == COMPARE_PREVIOUS {
            Compare::Previous
        } else {
            Compare::Url(v.to_string())
        }
    }
    fn value(&self) -> Option<String> {
        match self {
            Compare::Off => None,
            Compare::Previous => Some(COMPARE_PREVIOUS.to_string()),
            Compare::Url(u) => Some(u.clone()),
        }
    }
    pub fn is_on(&self) -> bool {
        *self != Compare::Off
    }
}

/// The page (path) under the app's root.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub enum Page {
    #[default]
    Roadmap,
    /// `/tiltak/ID`: the detail panel of a measure, over the current view.
    Measure(String),
    /// `/tilgjengelighet`: the accessibility statement.
    Statement,
}

pub const PATH_MEASURE: &str = "/tiltak/";
pub const PATH_STATEMENT: &str = "/tilgjengelighet";

/// The whole state of the reader's view, as the URL holds it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ViewState {
    pub page: Page,
    pub view: View,
    pub layout: LayoutChoice,
    pub grouping: Grouping,
    /// The priority list in use (`liste=`, a list id): the priority grouping and the "only
    /// prioritised" filter follow it. `None`: the feed's first list.
    pub list: Option<String>,
    /// Show measures taken out of the roadmap (`uttatt=1`), greyed; hidden by default.
    pub withdrawn: bool,
    pub zoom: Zoom,
    /// Dependency arrows on the timeline (`piler=1`).
    pub arrows: bool,
    /// Rows the reader opened (`apne`) and closed (`lukk`; wins over a filter that opens a row
    /// to show a matching sub-measure).
    pub open: BTreeSet<String>,
    pub closed: BTreeSet<String>,
    pub filter: Filter,
    pub compare: Compare,
    /// The council body shown in the council view (`organ=`).
    pub body: Option<Body>,
    /// The actor of the actor lens (`aktor=`).
    pub actor: Option<String>,
    pub lang: Lang,
    /// Embedded in another page (`embed=1`): no app chrome.
    pub embed: bool,
    /// Another feed source (`feed=`), checked by the feed-source rules.
    pub feed: Option<String>,
}

fn ids(v: &str) -> BTreeSet<String> {
    crate::sort::set_of(
        v.split(',')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from),
    )
}

fn join(s: &BTreeSet<String>) -> String {
    s.iter().cloned().collect::<Vec<_>>().join(",")
}

/// Percent-decodes a path segment or query value (`+` stays `+`: paths, not forms).
pub fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' && i + 2 < b.len() {
            if let (Some(h), Some(l)) = (hex(b[i + 1]), hex(b[i + 2])) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Percent-encodes a query value or path segment: everything but unreserved characters and the
/// few that stay readable in a shared link (`,` between ids, `/` and `:` in a feed URL).
pub fn percent_encode(s: &str, keep: &[u8]) -> String {
    let mut out = String::with_capacity(s.len());
    for &c in s.as_bytes() {
        if c.is_ascii_alphanumeric() || b"-._~".contains(&c) || keep.contains(&c) {
            out.push(c as char);
        } else {
            out.push('%');
            out.push(char::from(b"0123456789ABCDEF"[(c >> 4) as usize]));
            out.push(char::from(b"0123456789ABCDEF"[(c & 15) as usize]));
        }
    }
    out
}

impl ViewState {
    /// Reads the state from a path (`/`, `/tiltak/PLL`, `/tilgjengelighet`) and the query's
    /// decoded key/value pairs. Unknown keys and malformed values are ignored (the default is
    /// used), so a hand-edited link never breaks the app.
    pub fn from_url<'a>(path: &str, pairs: impl IntoIterator<Item = (&'a str, &'a str)>) -> Self {
        let mut s = ViewState {
            page: page_from_path(path),
            ..ViewState::default()
        };
        let mut filter_pairs = Vec::new();
        let keys = filter::query_keys();
        for (k, v) in pairs {
            match k {
                "visning" => s.view = View::from_key(v).unwrap_or_default(),
                "oppsett" => s.layout = LayoutChoice::from_key(v).unwrap_or_default(),
                "gruppering" => s.grouping = Grouping::from_key(v).unwrap_or_default(),
                "liste" => s.list = Some(v.trim().to_string()).filter(|l| !l.is_empty()),
                "uttatt" => s.withdrawn = v == "1",
                "zoom" => s.zoom = Zoom::from_key(v).unwrap_or_default(),
                "piler" => s.arrows = v == "1",
                "apne" => s.open = ids(v),
                "lukk" => s.closed = ids(v),
                "sammenlign" => s.compare = Compare::from_value(v),
                "organ" => s.body = BODIES.into_iter().find(|b| b.code() == v.trim()),
                "aktor" => s.actor = Some(v.trim().to_string()).filter(|a| !a.is_empty()),
                "lang" => s.lang = Lang::from_tag(v).unwrap_or_default(),
                "embed" => s.embed = v == "1",
                "feed" => s.feed = Some(v.trim().to_string()).filter(|f| !f.is_empty()),
                _ if keys.contains(&k) => filter_pairs.push((k, v)),
                _ => {}
            }
        }
        s.filter = Filter::from_query(filter_pairs);
        s
    }

    /// The query as key/value pairs in a stable order, default values left out.
    pub fn query_pairs(&self) -> Vec<(&'static str, String)> {
        let mut q: Vec<(&'static str, String)> = Vec::new();
        let mut put = |k: &'static str, v: Option<String>| {
            if let Some(v) = v.filter(|v| !v.is_empty()) {
                q.push((k, v));
            }
        };
        put("visning", Some(self.view.key().to_string()));
        put("sammenlign", self.compare.value());
        put("organ", self.body.map(|b| b.code().to_string()));
        put("aktor", self.actor.clone());
        put(
            "gruppering",
            (self.grouping != Grouping::default()).then(|| self.grouping.key().to_string()),
        );
        put("liste", self.list.clone());
        put("uttatt", self.withdrawn.then(|| "1".to_string()));
        put("oppsett", Some(self.layout.key().to_string()));
        put(
            "zoom",
            (self.zoom != Zoom::default()).then(|| self.zoom.key().to_string()),
        );
        put("piler", self.arrows.then(|| "1".to_string()));
        put("apne", Some(join(&self.open)));
        put("lukk", Some(join(&self.closed)));
        for (k, v) in self.filter.to_query() {
            put(k, Some(v));
        }
        put(
            "lang",
            (self.lang != Lang::default()).then(|| self.lang.tag().to_string()),
        );
        put("embed", self.embed.then(|| "1".to_string()));
        put("feed", self.feed.clone());
        q
    }

    /// `?key=value&…` (percent-encoded), or an empty string when everything is default.
    pub fn query_string(&self) -> String {
        let pairs = self.query_pairs();
        if pairs.is_empty() {
            return String::new();
        }
        let mut out = String::from("?");
        for (i, (k, v)) in pairs.iter().enumerate() {
            if i > 0 {
                out.push('&');
            }
            out.push_str(k);
            out.push('=');
            out.push_str(&percent_encode(v, b",/:"));
        }
        out
    }

    pub fn path(&self) -> String {
        match &self.page {
            Page::Roadmap => "/".to_string(),
            Page::Measure(id) => format!("{PATH_MEASURE}{}", percent_encode(id, b"")),
            Page::Statement => PATH_STATEMENT.to_string(),
        }
    }

    /// Path and query: the link to exactly this state.
    pub fn href(&self) -> String {
        format!("{}{}", self.path(), self.query_string())
    }

    /// The same state on another page (every view key is kept, so the language, filters and
    /// grouping survive opening a measure or the statement).
    pub fn on_page(&self, page: Page) -> ViewState {
        ViewState {
            page,
            ..self.clone()
        }
    }

    /// The link to a measure's detail panel over the current view.
    pub fn measure_href(&self, id: &str) -> String {
        self.on_page(Page::Measure(id.to_string())).href()
    }

    /// The link to a view of the roadmap (keeps everything else).
    pub fn view_href(&self, view: View) -> String {
        ViewState {
            page: Page::Roadmap,
            view,
            ..self.clone()
        }
        .href()
    }

    /// The filter's scope in this state: the priority list in use and whether withdrawn
    /// measures are shown.
    pub fn scope(&self) -> crate::filter::Scope<'_> {
        crate::filter::Scope {
            list: self.list.as_deref(),
            withdrawn: self.withdrawn,
        }
    }

    /// The measure whose detail panel is open.
    pub fn selected(&self) -> Option<&str> {
        match &self.page {
            Page::Measure(id) => Some(id),
            _ => None,
        }
    }

    /// The comparison in effect: the change list and the council view compare with the
    /// previous version unless another one is chosen.
    pub fn effective_compare(&self) -> Compare {
        match (&self.compare, self.view) {
            (Compare::Off, View::Changes | View::Council) => Compare::Previous,
            (c, _) => c.clone(),
        }
    }

    /// Rows open in the roadmap: those the reader opened, and those `forced` open (to show a
    /// matching sub-measure), less those the reader closed.
    pub fn expanded(&self, forced: &BTreeSet<String>) -> BTreeSet<String> {
        crate::sort::set_of(
            self.open
                .iter()
                .chain(forced)
                .filter(|id| !self.closed.contains(*id))
                .cloned(),
        )
    }

    /// Opens or closes a row. Closing a row that a filter forces open is remembered in `lukk`;
    /// opening one clears that.
    pub fn toggle_row(&mut self, id: &str, forced: &BTreeSet<String>) {
        if self.expanded(forced).contains(id) {
            self.open.remove(id);
            if forced.contains(id) {
                self.closed.insert(id.to_string());
            }
        } else {
            self.closed.remove(id);
            self.open.insert(id.to_string());
        }
    }
}

fn page_from_path(path: &str) -> Page {
    let p = path.trim_end_matches('/');
    if let Some((_, id)) = p.rsplit_once(PATH_MEASURE) {
        let id = percent_decode(id);
        if !id.is_empty() && !id.contains('/') {
            return Page::Measure(id);
        }
    }
    if p.ends_with(PATH_STATEMENT) {
        return Page::Statement;
    }
    Page::Roadmap
}

/// Splits a raw query string (`?a=b&c=d`, percent-encoded) into decoded pairs.
pub fn parse_query(q: &str) -> Vec<(String, String)> {
    q.trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap_or((p, ""));
            (
                percent_decode(&k.replace('+', " ")),
                percent_decode(&v.replace('+', " ")),
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::filter::Facet;

    fn parse(url: &str) -> ViewState {
        let (path, q) = url.split_once('?').unwrap_or((url, ""));
        let pairs = parse_query(q);
        ViewState::from_url(path, pairs.iter().map(|(k, v)| (k.as_str(), v.as_str())))
    }

    #[test]
    fn the_plain_roadmap_is_the_root() {
        let s = parse("/");
        assert_eq!(s, ViewState::default());
        assert_eq!(s.href(), "/");
    }

    #[test]
    fn reads_every_key() {
        let s = parse(
            "/tiltak/KI-2?visning=rad&sammenlign=forrige&organ=NUFA&aktor=fastleger&gruppering=prioritet\
             &liste=topp-tre&uttatt=1&oppsett=tabell&zoom=kvartal&piler=1&apne=PLL,KI&lukk=DHO&org=NHN,KS&q=pr%C3%B8ve%20svar\
             &prioritert=1&fra=2024&til=2027&lang=nn&embed=1&feed=/x/feed.json",
        );
        assert_eq!(s.page, Page::Measure("KI-2".into()));
        assert_eq!(s.view, View::Council);
        assert_eq!(s.compare, Compare::Previous);
        assert_eq!(s.body, Some(Body::Nufa));
        assert_eq!(s.actor.as_deref(), Some("fastleger"));
        assert_eq!(s.grouping, Grouping::Priority);
        assert_eq!(s.list.as_deref(), Some("topp-tre"));
        assert!(s.withdrawn);
        assert_eq!(s.scope().list, Some("topp-tre"));
        assert!(s.scope().withdrawn);
        assert_eq!(s.layout, LayoutChoice::Table);
        assert_eq!(s.zoom, Zoom::Quarters);
        assert!(s.arrows && s.embed && s.filter.prioritised_only);
        assert_eq!(s.open, ids("KI,PLL"));
        assert_eq!(s.closed, ids("DHO"));
        assert!(s.filter.has(Facet::Organisation, "KS"));
        assert_eq!(s.filter.text, "prøve svar");
        assert_eq!(
            (s.filter.from_year, s.filter.to_year),
            (Some(2024), Some(2027))
        );
        assert_eq!(s.lang, Lang::Nn);
        assert_eq!(s.feed.as_deref(), Some("/x/feed.json"));
        assert_eq!(s.selected(), Some("KI-2"));
    }

    #[test]
    fn every_view_has_its_key_and_the_risk_view_is_risiko() {
        for v in View::ALL {
            assert_eq!(View::from_key(v.key()), Some(v));
        }
        let s = parse("/?visning=risiko&liste=omraader");
        assert_eq!(s.view, View::Risks);
        assert_eq!(s.href(), "/?visning=risiko&liste=omraader");
        assert_eq!(parse("/?uttatt=1").href(), "/?uttatt=1");
    }

    #[test]
    fn bad_values_fall_back_to_defaults() {
        let s = parse(
            "/?visning=nope&oppsett=3&gruppering=x&zoom=y&organ=ABC&lang=de&piler=yes&liste=&uttatt=ja",
        );
        assert_eq!(s, ViewState::default());
    }

    #[test]
    fn the_statement_and_encoded_ids() {
        assert_eq!(parse("/tilgjengelighet?lang=en").page, Page::Statement);
        let s = parse("/tiltak/a%20b%C3%B8");
        assert_eq!(s.page, Page::Measure("a bø".into()));
        assert_eq!(s.path(), "/tiltak/a%20b%C3%B8");
        assert_eq!(parse("/tiltak/").page, Page::Roadmap);
    }

    #[test]
    fn links_to_a_measure_keep_the_whole_state() {
        let s = parse("/?lang=en&q=deling&gruppering=eier");
        assert_eq!(
            s.measure_href("PLL"),
            "/tiltak/PLL?gruppering=eier&q=deling&lang=en"
        );
        assert_eq!(parse(&s.measure_href("PLL")).lang, Lang::En);
    }

    #[test]
    fn the_change_list_and_council_compare_by_default() {
        assert_eq!(
            parse("/?visning=endringer").effective_compare(),
            Compare::Previous
        );
        assert_eq!(
            parse("/?visning=rad").effective_compare(),
            Compare::Previous
        );
        assert_eq!(parse("/").effective_compare(), Compare::Off);
        assert_eq!(
            parse("/?visning=endringer&sammenlign=/old.json").effective_compare(),
            Compare::Url("/old.json".into())
        );
    }

    #[test]
    fn toggling_a_forced_row_remembers_the_close() {
        let forced = ids("PLL");
        let mut s = ViewState::default();
        assert!(s.expanded(&forced).contains("PLL"));
        s.toggle_row("PLL", &forced);
        assert!(!s.expanded(&forced).contains("PLL"));
        assert_eq!(s.closed, ids("PLL"));
        s.toggle_row("PLL", &forced);
        assert!(s.expanded(&forced).contains("PLL") && s.closed.is_empty());
        s.toggle_row("KI", &forced);
        assert_eq!(s.open, ids("KI,PLL"));
    }

    #[test]
    fn layout_choice_keeps_auto_when_the_screen_gives_it() {
        assert_eq!(LayoutChoice::choose(Layout::List, true), LayoutChoice::Auto);
        assert_eq!(
            LayoutChoice::choose(Layout::List, false),
            LayoutChoice::List
        );
        assert_eq!(
            LayoutChoice::choose(Layout::Timeline, true),
            LayoutChoice::Timeline
        );
        assert_eq!(LayoutChoice::Auto.resolve(true), Layout::List);
        assert_eq!(LayoutChoice::Table.resolve(true), Layout::Table);
    }

    /// A small deterministic generator (no external crates): many states, each must survive
    /// URL → state → URL → state unchanged, whatever the text in it.
    #[test]
    fn round_trips_through_the_url() {
        let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
        let mut next = move |n: u64| {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed % n
        };
        let words = [
            "PLL",
            "KI-2",
            "a b",
            "ø/å",
            "x,y",
            "50 %",
            "&=?#",
            "æ+ø",
            "https://e.no/f.json",
            "\"'<>",
        ];
        for _ in 0..2000 {
            let mut s = ViewState {
                page: match next(3) {
                    0 => Page::Roadmap,
                    1 => Page::Statement,
                    _ => Page::Measure(words[next(10) as usize].replace(['/', ','], "-")),
                },
                view: View::ALL[next(7) as usize],
                layout: [
                    LayoutChoice::Auto,
                    LayoutChoice::Timeline,
                    LayoutChoice::List,
                    LayoutChoice::Table,
                ][next(4) as usize],
                grouping: Grouping::ALL[next(4) as usize],
                list: (next(2) == 0).then(|| words[next(10) as usize].trim().to_string()),
                withdrawn: next(2) == 0,
                zoom: if next(2) == 0 {
                    Zoom::Years
                } else {
                    Zoom::Quarters
                },
                arrows: next(2) == 0,
                compare: match next(3) {
                    0 => Compare::Off,
                    1 => Compare::Previous,
                    _ => Compare::Url(words[next(10) as usize].trim().to_string()),
                },
                body: [None, Some(Body::Nuit), Some(Body::Nehr)][next(3) as usize],
                actor: (next(2) == 0).then(|| words[next(10) as usize].trim().to_string()),
                lang: Lang::ALL[next(3) as usize],
                embed: next(2) == 0,
                feed: (next(3) == 0).then(|| words[next(10) as usize].trim().to_string()),
                ..ViewState::default()
            };
            for _ in 0..next(3) {
                s.open.insert(words[next(10) as usize].replace(',', ";"));
                s.closed.insert(words[next(10) as usize].replace(',', ";"));
            }
            for _ in 0..next(4) {
                let facet = Facet::ALL[next(5) as usize];
                s.filter
                    .toggle(facet, &words[next(10) as usize].replace(',', ";"));
            }
            s.filter.text = if next(2) == 0 {
                words[next(10) as usize].to_string()
            } else {
                String::new()
            };
            s.filter.prioritised_only = next(2) == 0;
            s.filter.from_year = (next(2) == 0).then(|| 2020 + next(10) as i32);
            s.filter.to_year = (next(2) == 0).then(|| 2025 + next(10) as i32);
            // Values the URL cannot hold as such are normalised on the way in; compare the
            // normalised state with itself after a second trip.
            let once = parse(&s.href());
            let twice = parse(&once.href());
            assert_eq!(once, twice, "{}", s.href());
            assert_eq!(once.href(), twice.href());
            // Nothing meaningful is lost: every part of the generated state is still there.
            assert_eq!(once.page, s.page, "{}", s.href());
            assert_eq!(
                (
                    once.view,
                    once.layout,
                    once.grouping,
                    once.zoom,
                    once.arrows
                ),
                (s.view, s.layout, s.grouping, s.zoom, s.arrows)
            );
            assert_eq!(
                (once.body, once.lang, once.embed),
                (s.body, s.lang, s.embed)
            );
            assert_eq!(once.open, s.open);
            assert_eq!(once.filter.selected, s.filter.selected);
            assert_eq!(once.actor, s.actor.filter(|a| !a.is_empty()));
            assert_eq!(once.list, s.list.filter(|l| !l.is_empty()));
            assert_eq!(once.withdrawn, s.withdrawn);
        }
    }
}
