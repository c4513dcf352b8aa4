//! Dates with their real precision.
//!
//! The feed writes a date so that its syntax carries its precision:
//!
//! | text          | precision | covers                         |
//! |---------------|-----------|--------------------------------|
//! | `2027`        | year      | 1 Jan – 31 Dec 2027            |
//! | `2027-H2`     | half-year | 1 Jul – 31 Dec 2027            |
//! | `2023-Q3`     | quarter   | 1 Jul – 30 Sep 2023            |
//! | `2023-06`     | month     | 1 – 30 Jun 2023                |
//! | `2023-05-25`  | day       | that day                       |
//! | `2024/2027`   | period    | from the start of the first to the end of the second |
//! | `2023-høst`   | season (schema 1.1) | 1 Sep – 30 Nov 2023           |
//!
//! Seasons (schema 1.1) follow the meteorological convention, so «i høst» or «våren 2024» can be
//! kept as the paper words them instead of being read as a half-year:
//!
//! | text           | covers                                  |
//! |----------------|-----------------------------------------|
//! | `2024-vinter`  | 1 Dec 2023 – 29 Feb 2024 (the winter that ends in 2024) |
//! | `2024-vår`     | 1 Mar – 31 May 2024                     |
//! | `2024-sommer`  | 1 Jun – 31 Aug 2024 (`sommar` accepted) |
//! | `2024-høst`    | 1 Sep – 30 Nov 2024 (`haust` accepted)  |
//!
//! Season names are case-insensitive. A season sorts by its first day, like every other date
//! (so `2024-vinter` sorts before `2024-Q1`).
//!
//! A date is therefore a *span* of days. Layout draws it as a span unless it is a day.

use std::fmt;

use crate::model::Qualifier;

#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Precision {
    Day,
    Month,
    Quarter,
    /// Schema 1.1: vår, sommer, høst, vinter (three months).
    Season,
    Half,
    Year,
    Period,
}

/// Schema 1.1: the four seasons a date can name.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Season {
    Winter,
    Spring,
    Summer,
    Autumn,
}

impl Season {
    /// Parses a season name: `vinter`, `vår`, `sommer`/`sommar`, `høst`/`haust`.
    pub fn parse(s: &str) -> Option<Season> {
        match s.to_lowercase().as_str() {
            "vinter" => Some(Season::Winter),
            "vår" => Some(Season::Spring),
            "sommer" | "sommar" => Some(Season::Summer),
            "høst" | "haust" => Some(Season::Autumn),
            _ => None,
        }
    }

    /// The season a span stands for, if it is one (its first month).
    pub fn of_start_month(m: u32) -> Option<Season> {
        match m {
            12 => Some(Season::Winter),
            3 => Some(Season::Spring),
            6 => Some(Season::Summer),
            9 => Some(Season::Autumn),
            _ => None,
        }
    }

    /// First and last day of the season that the feed writes as `y-<season>`.
    pub fn span(self, y: i32) -> (Ymd, Ymd) {
        match self {
            Season::Winter => (
                Ymd {
                    y: y - 1,
                    m: 12,
                    d: 1,
                },
                Ymd {
                    y,
                    m: 2,
                    d: days_in_month(y, 2),
                },
            ),
            Season::Spring => (Ymd { y, m: 3, d: 1 }, Ymd { y, m: 5, d: 31 }),
            Season::Summer => (Ymd { y, m: 6, d: 1 }, Ymd { y, m: 8, d: 31 }),
            Season::Autumn => (Ymd { y, m: 9, d: 1 }, Ymd { y, m: 11, d: 30 }),
        }
    }

    /// «høsten», «autumn» … as a label before the year.
    pub fn label(self, lang: crate::text::Lang) -> &'static str {
        use crate::text::Lang::*;
        match (self, lang) {
            (Season::Winter, Nb | Nn) => "vinteren",
            (Season::Spring, Nb | Nn) => "våren",
            (Season::Summer, Nb) => "sommeren",
            (Season::Summer, Nn) => "sommaren",
            (Season::Autumn, Nb) => "høsten",
            (Season::Autumn, Nn) => "hausten",
            (Season::Winter, En) => "winter",
            (Season::Spring, En) => "spring",
            (Season::Summer, En) => "summer",
            (Season::Autumn, En) => "autumn",
        }
    }
}

/// A calendar day, proleptic Gregorian.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Ymd {
    pub y: i32,
    pub m: u32,
    pub d: u32,
}

impl Ymd {
    pub fn new(y: i32, m: u32, d: u32) -> Option<Ymd> {
        ((1..=12).contains(&m) && d >= 1 && d <= days_in_month(y, m)).then_some(Ymd { y, m, d })
    }

    /// Days since 1970-01-01 (negative before). Howard Hinnant's `days_from_civil`.
    pub fn day_number(self) -> i64 {
        let y = i64::from(self.y) - i64::from(self.m <= 2);
        let era = if y >= 0 { y } else { y - 399 } / 400;
        let yoe = y - era * 400;
        let m = i64::from(self.m);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.d) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// Inverse of [`Ymd::day_number`].
    pub fn from_day_number(z: i64) -> Ymd {
        let z = z + 719_468;
        let era = if z >= 0 { z } else { z - 146_096 } / 146_097;
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let y = (yoe + era * 400 + i64::from(m <= 2)) as i32;
        Ymd { y, m, d }
    }
}

impl fmt::Display for Ymd {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.y, self.m, self.d)
    }
}

pub fn is_leap(y: i32) -> bool {
    (y % 4 == 0 && y % 100 != 0) || y % 400 == 0
}

pub fn days_in_month(y: i32, m: u32) -> u32 {
    match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(y) => 29,
        2 => 28,
        _ => 0,
    }
}

/// A parsed date: the first and last day it covers, and how precise it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct DateSpan {
    pub start: Ymd,
    pub end: Ymd,
    pub precision: Precision,
    /// For periods: the precision of the two ends; otherwise equal to `precision`.
    pub start_precision: Precision,
    pub end_precision: Precision,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateError {
    pub input: String,
    pub reason: &'static str,
}

impl fmt::Display for DateError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "«{}» is not a date: {} (expected YYYY, YYYY-H1, YYYY-Q3, YYYY-vår, YYYY-MM, YYYY-MM-DD or START/END)",
            self.input, self.reason
        )
    }
}

fn err(input: &str, reason: &'static str) -> DateError {
    DateError {
        input: input.to_string(),
        reason,
    }
}

fn parse_year(s: &str, input: &str) -> Result<i32, DateError> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err(input, "the year must have four digits"));
    }
    let y = digits_value(s) as i32;
    if !(1900..=2200).contains(&y) {
        return Err(err(input, "the year is outside 1900–2200"));
    }
    Ok(y)
}

fn parse_num(s: &str, len: usize, input: &str, reason: &'static str) -> Result<u32, DateError> {
    if s.len() != len || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(err(input, reason));
    }
    Ok(digits_value(s))
}

/// The value of a short string of ASCII digits (the callers check both), without `str::parse`'s
/// general machinery. Issue 18: a 5 000-measure feed has tens of thousands of dates; with this
/// and [`dash_parts`], its validation takes 8 ms natively instead of 11.
fn digits_value(s: &str) -> u32 {
    s.bytes().fold(0, |v, b| v * 10 + u32::from(b - b'0'))
}

/// `s` split at its first two `-` (an ASCII byte, so never inside a character), and whether
/// there is a third: what `s.split('-')` gives in its first three parts, in one pass over the
/// bytes.
fn dash_parts(s: &str) -> (&str, Option<&str>, Option<&str>, bool) {
    let mut cut = [0usize; 2];
    let mut n = 0;
    for (i, &b) in s.as_bytes().iter().enumerate() {
        if b == b'-' {
            if n == 2 {
                return (
                    &s[..cut[0]],
                    Some(&s[cut[0] + 1..cut[1]]),
                    Some(&s[cut[1] + 1..i]),
                    true,
                );
            }
            cut[n] = i;
            n += 1;
        }
    }
    match n {
        0 => (s, None, None, false),
        1 => (&s[..cut[0]], Some(&s[cut[0] + 1..]), None, false),
        _ => (
            &s[..cut[0]],
            Some(&s[cut[0] + 1..cut[1]]),
            Some(&s[cut[1] + 1..]),
            false,
        ),
    }
}

fn span(start: Ymd, end: Ymd, p: Precision) -> DateSpan {
    DateSpan {
        start,
        end,
        precision: p,
        start_precision: p,
        end_precision: p,
    }
}

fn parse_single(s: &str, input: &str) -> Result<DateSpan, DateError> {
    let (first, second, third, more) = dash_parts(s);
    let y = parse_year(first, input)?;
    if more {
        return Err(err(input, "too many parts"));
    }
    let ymd = |m: u32, d: u32| Ymd { y, m, d };
    match (second, third) {
        (None, None) => Ok(span(ymd(1, 1), ymd(12, 31), Precision::Year)),
        (Some(p), None) if p.chars().count() > 2 && p.chars().all(char::is_alphabetic) => {
            let season = Season::parse(p)
                .ok_or_else(|| err(input, "a season is vår, sommer, høst or vinter"))?;
            let (start, end) = season.span(y);
            Ok(span(start, end, Precision::Season))
        }
        (Some(p), None) if p.starts_with(['H', 'h']) => match &p[1..] {
            "1" => Ok(span(ymd(1, 1), ymd(6, 30), Precision::Half)),
            "2" => Ok(span(ymd(7, 1), ymd(12, 31), Precision::Half)),
            _ => Err(err(input, "a half-year is H1 or H2")),
        },
        (Some(p), None) if p.starts_with(['Q', 'q', 'K', 'k']) => {
            let q: u32 = match &p[1..] {
                "1" => 1,
                "2" => 2,
                "3" => 3,
                "4" => 4,
                _ => return Err(err(input, "a quarter is Q1 to Q4")),
            };
            let m0 = (q - 1) * 3 + 1;
            Ok(span(
                ymd(m0, 1),
                ymd(m0 + 2, days_in_month(y, m0 + 2)),
                Precision::Quarter,
            ))
        }
        (Some(m), None) => {
            let m = parse_num(m, 2, input, "the month must have two digits")?;
            if !(1..=12).contains(&m) {
                return Err(err(input, "the month is outside 01–12"));
            }
            Ok(span(
                ymd(m, 1),
                ymd(m, days_in_month(y, m)),
                Precision::Month,
            ))
        }
        (Some(m), Some(d)) => {
            let m = parse_num(m, 2, input, "the month must have two digits")?;
            let d = parse_num(d, 2, input, "the day must have two digits")?;
            let day = Ymd::new(y, m, d).ok_or_else(|| err(input, "no such day"))?;
            Ok(span(day, day, Precision::Day))
        }
        (None, Some(_)) => Err(err(input, "malformed")),
    }
}

impl DateSpan {
    pub fn parse(input: &str) -> Result<DateSpan, DateError> {
        // Issue 18: a date that starts and ends with an ASCII digit or letter (every date in a
        // valid feed) needs no trimming; `trim` walks it char by char.
        let plain = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
        let s = if plain(input.as_bytes().first()) && plain(input.as_bytes().last()) {
            input
        } else {
            input.trim()
        };
        if s.is_empty() {
            return Err(err(input, "it is empty"));
        }
        if let Some((a, b)) = s.split_once('/') {
            let a = parse_single(a.trim(), input)?;
            let b = parse_single(b.trim(), input)?;
            if b.end < a.start {
                return Err(err(input, "the period ends before it starts"));
            }
            return Ok(DateSpan {
                start: a.start,
                end: b.end,
                precision: Precision::Period,
                start_precision: a.precision,
                end_precision: b.precision,
            });
        }
        parse_single(s, input)
    }

    /// Inclusive length in days.
    pub fn days(&self) -> i64 {
        self.end.day_number() - self.start.day_number() + 1
    }

    /// Whether the date is known to the day, so it can be drawn as a point.
    pub fn is_point(&self) -> bool {
        self.precision == Precision::Day
    }

    /// Day number of the first day covered.
    pub fn first_day(&self) -> i64 {
        self.start.day_number()
    }

    /// Day number of the day *after* the last day covered (exclusive end), for layout.
    pub fn end_exclusive(&self) -> i64 {
        self.end.day_number() + 1
    }

    /// Whether this span lies entirely before `day`.
    pub fn ends_before(&self, day: Ymd) -> bool {
        self.end < day
    }
}

/// The qualifier as a prefix for the feed date `date` ("i løpet av 2027 ", "innen " before a
/// day), or nothing. "By" a period is «i løpet av»; "by" a day is a deadline, «innen», as the
/// papers write it («innen 15. desember 2023»).
pub fn qualifier_prefix(q: Option<Qualifier>, date: &str, lang: crate::text::Lang) -> String {
    use crate::text::Lang;
    let Some(q) = q else {
        return String::new();
    };
    let day = DateSpan::parse(date).is_ok_and(|d| d.precision == Precision::Day);
    match (q, lang, day) {
        (Qualifier::By, Lang::Nb | Lang::Nn, true) => "innen ".to_string(),
        _ => format!("{} ", qualifier_label(q, lang)),
    }
}

/// The wording of a qualifier in `lang`, as the papers write it.
pub fn qualifier_label(q: Qualifier, lang: crate::text::Lang) -> &'static str {
    use crate::text::Lang;
    match (q, lang) {
        (Qualifier::By, Lang::En) => "by",
        (Qualifier::By, _) => "i løpet av",
        (Qualifier::From, Lang::En) => "from",
        (Qualifier::From, _) => "fra",
        (Qualifier::Earliest, Lang::En) => "at the earliest",
        (Qualifier::Earliest, _) => "tidligst",
        (Qualifier::Early, Lang::En) => "early",
        (Qualifier::Early, _) => "primo",
        (Qualifier::Mid, Lang::En) => "mid",
        (Qualifier::Mid, _) => "medio",
        (Qualifier::Late, Lang::En) => "late",
        (Qualifier::Late, _) => "ultimo",
        (Qualifier::Tentative, Lang::En) => "tentative",
        (Qualifier::Tentative, Lang::Nb) => "foreløpig",
        (Qualifier::Tentative, Lang::Nn) => "førebels",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `dash_parts` is `split('-')`'s first three parts and whether a fourth follows, for every
    /// string of up to four pieces from a set with empty, multi-byte and dashed ones.
    #[test]
    fn dash_parts_is_split_at_dashes() {
        let pieces = [
            "", "-", "2027", "05", "Q3", "vår", "ø-", "--", " 1", "høst-H2",
        ];
        let mut n = 0;
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    for d in pieces {
                        let s = format!("{a}{b}{c}{d}");
                        let mut split = s.split('-');
                        let want = (
                            split.next().unwrap(),
                            split.next(),
                            split.next(),
                            split.next().is_some(),
                        );
                        assert_eq!(dash_parts(&s), want, "{s:?}");
                        n += 1;
                    }
                }
            }
        }
        assert_eq!(n, 10_000);
        assert_eq!(digits_value("2027"), 2027);
        assert_eq!(digits_value("09"), 9);
    }

    #[test]
    fn by_a_day_is_a_deadline_by_a_period_is_during() {
        use crate::text::Lang;
        let by = Some(Qualifier::By);
        assert_eq!(qualifier_prefix(by, "2023-12-15", Lang::Nb), "innen ");
        assert_eq!(qualifier_prefix(by, "2023-12-15", Lang::Nn), "innen ");
        assert_eq!(qualifier_prefix(by, "2023-12-15", Lang::En), "by ");
        assert_eq!(qualifier_prefix(by, "2027", Lang::Nb), "i løpet av ");
        assert_eq!(qualifier_prefix(by, "2023-06", Lang::Nb), "i løpet av ");
        assert_eq!(qualifier_prefix(None, "2027", Lang::Nb), "");
        assert_eq!(
            qualifier_prefix(Some(Qualifier::Earliest), "2023-12-15", Lang::Nb),
            "tidligst "
        );
    }

    fn p(s: &str) -> DateSpan {
        DateSpan::parse(s).unwrap_or_else(|e| panic!("{e}"))
    }

    #[test]
    fn year_covers_whole_year() {
        let d = p("2027");
        assert_eq!(d.precision, Precision::Year);
        assert_eq!(
            d.start,
            Ymd {
                y: 2027,
                m: 1,
                d: 1
            }
        );
        assert_eq!(
            d.end,
            Ymd {
                y: 2027,
                m: 12,
                d: 31
            }
        );
        assert_eq!(d.days(), 365);
        assert!(!d.is_point());
    }

    #[test]
    fn quarters_and_halves() {
        let q3 = p("2023-Q3");
        assert_eq!((q3.start.m, q3.end.m, q3.end.d), (7, 9, 30));
        assert_eq!(q3.precision, Precision::Quarter);
        let q1 = p("2024-Q1");
        assert_eq!(q1.days(), 31 + 29 + 31, "2024 is a leap year");
        let h2 = p("2023-H2");
        assert_eq!((h2.start.m, h2.end.m), (7, 12));
        assert_eq!(h2.precision, Precision::Half);
        assert_eq!(p("2023-K3"), q3, "Norwegian K for kvartal is accepted");
    }

    #[test]
    fn month_and_day() {
        let m = p("2023-02");
        assert_eq!((m.start.d, m.end.d, m.precision), (1, 28, Precision::Month));
        assert_eq!(p("2024-02").end.d, 29);
        let d = p("2023-05-25");
        assert!(d.is_point());
        assert_eq!(d.days(), 1);
    }

    #[test]
    fn period_keeps_end_precisions() {
        let d = p("2024/2027");
        assert_eq!(d.precision, Precision::Period);
        assert_eq!(
            d.start,
            Ymd {
                y: 2024,
                m: 1,
                d: 1
            }
        );
        assert_eq!(
            d.end,
            Ymd {
                y: 2027,
                m: 12,
                d: 31
            }
        );
        assert_eq!(d.start_precision, Precision::Year);
        let e = p("2023-Q3/2024-06");
        assert_eq!(e.end_precision, Precision::Month);
        assert_eq!(
            e.end,
            Ymd {
                y: 2024,
                m: 6,
                d: 30
            }
        );
    }

    #[test]
    fn seasons_are_three_month_spans_that_sort_by_their_first_day() {
        let h = p("2023-høst");
        assert_eq!(h.precision, Precision::Season);
        assert_eq!(
            (h.start, h.end),
            (
                Ymd {
                    y: 2023,
                    m: 9,
                    d: 1
                },
                Ymd {
                    y: 2023,
                    m: 11,
                    d: 30
                }
            )
        );
        assert_eq!(p("2023-HØST"), h, "case-insensitive");
        assert_eq!(p("2023-haust"), h, "nynorsk");
        let v = p("2024-vår");
        assert_eq!((v.start.m, v.end.m, v.end.d), (3, 5, 31));
        let s = p("2024-sommar");
        assert_eq!((s.start.m, s.end.m), (6, 8));
        let w = p("2024-vinter");
        assert_eq!(
            w.start,
            Ymd {
                y: 2023,
                m: 12,
                d: 1
            }
        );
        assert_eq!(
            w.end,
            Ymd {
                y: 2024,
                m: 2,
                d: 29
            },
            "2024 is a leap year"
        );
        assert_eq!(p("2023-vinter").end.d, 28);
        // sort keys: first day, then last day
        let xs = [
            "2024-høst",
            "2024-Q1",
            "2024-vinter",
            "2024-vår",
            "2023-høst",
            "2024-sommer",
        ]
        .map(|s| (p(s).start, p(s).end, s));
        let mut xs = xs.to_vec();
        crate::sort::sort(&mut xs);
        let order: Vec<&str> = xs.iter().map(|x| x.2).collect();
        assert_eq!(
            order,
            [
                "2023-høst",
                "2024-vinter",
                "2024-Q1",
                "2024-vår",
                "2024-sommer",
                "2024-høst"
            ]
        );
        let per = p("2023-høst/2024-vår");
        assert_eq!(per.precision, Precision::Period);
        assert_eq!(
            (per.start_precision, per.end_precision),
            (Precision::Season, Precision::Season)
        );
        assert!(DateSpan::parse("2024-vår/2023-høst").is_err());
    }

    #[test]
    fn unknown_season_names_are_rejected_with_a_reason() {
        for bad in ["2023-høsten", "2023-autumn", "2023-fall", "2023-vin"] {
            let e = DateSpan::parse(bad).unwrap_err();
            assert_eq!(e.reason, "a season is vår, sommer, høst or vinter", "{bad}");
        }
    }

    #[test]
    fn rejects_bad_dates() {
        for bad in [
            "",
            "23",
            "2023-13",
            "2023-00",
            "2023-02-30",
            "2023-Q5",
            "2023-H3",
            "2023-6",
            "2023/2021",
            "mai 2023",
            "2023-05-25-01",
            "1800",
            "2023-05-5",
        ] {
            assert!(DateSpan::parse(bad).is_err(), "{bad:?} should be rejected");
        }
        let e = DateSpan::parse("2023-13").unwrap_err();
        assert!(e.to_string().contains("2023-13"));
    }

    #[test]
    fn day_numbers_round_trip() {
        assert_eq!(
            Ymd {
                y: 1970,
                m: 1,
                d: 1
            }
            .day_number(),
            0
        );
        assert_eq!(
            Ymd {
                y: 2000,
                m: 3,
                d: 1
            }
            .day_number(),
            11_017
        );
        for z in (-1000..30_000).step_by(37) {
            let d = Ymd::from_day_number(z);
            assert_eq!(d.day_number(), z);
            assert!(Ymd::new(d.y, d.m, d.d).is_some());
        }
    }
}

/// A human label for a feed date in `lang`. Year, half-year and quarter are worded here; month
/// and day go through `fine` (the app passes the browser's `Intl.DateTimeFormat`, so no month
/// names are hand-written). Periods join their two ends with an en dash. Unparseable input is
/// returned as it is.
pub fn label(
    input: &str,
    lang: crate::text::Lang,
    fine: &dyn Fn(Ymd, Precision) -> String,
) -> String {
    fn one(
        s: &str,
        lang: crate::text::Lang,
        fine: &dyn Fn(Ymd, Precision) -> String,
    ) -> Option<String> {
        use crate::text::Lang;
        let d = DateSpan::parse(s).ok()?;
        Some(match d.precision {
            Precision::Year => d.start.y.to_string(),
            Precision::Half => {
                let h = if d.start.m == 1 { 1 } else { 2 };
                match lang {
                    Lang::En => format!("H{h} {}", d.start.y),
                    _ => format!("{h}. halvår {}", d.start.y),
                }
            }
            Precision::Quarter => {
                let q = (d.start.m - 1) / 3 + 1;
                match lang {
                    Lang::En => format!("Q{q} {}", d.start.y),
                    _ => format!("{q}. kvartal {}", d.start.y),
                }
            }
            Precision::Season => {
                let season = Season::of_start_month(d.start.m)?;
                format!("{} {}", season.label(lang), d.end.y)
            }
            Precision::Month | Precision::Day => fine(d.start, d.precision),
            Precision::Period => return None,
        })
    }
    match input.split_once('/') {
        Some((a, b)) if DateSpan::parse(input).is_ok() => {
            match (one(a.trim(), lang, fine), one(b.trim(), lang, fine)) {
                (Some(a), Some(b)) => format!("{a}–{b}"),
                _ => input.to_string(),
            }
        }
        _ => one(input, lang, fine).unwrap_or_else(|| input.to_string()),
    }
}

#[cfg(test)]
mod label_tests {
    use super::*;
    use crate::text::Lang;

    fn iso(d: Ymd, p: Precision) -> String {
        match p {
            Precision::Month => format!("{:02}/{}", d.m, d.y),
            _ => d.to_string(),
        }
    }

    #[test]
    fn labels_per_precision() {
        assert_eq!(label("2027", Lang::Nb, &iso), "2027");
        assert_eq!(label("2023-Q3", Lang::Nb, &iso), "3. kvartal 2023");
        assert_eq!(label("2023-Q3", Lang::En, &iso), "Q3 2023");
        assert_eq!(label("2023-H2", Lang::Nn, &iso), "2. halvår 2023");
        assert_eq!(label("2023-06", Lang::Nb, &iso), "06/2023");
        assert_eq!(label("2023-05-25", Lang::Nb, &iso), "2023-05-25");
        assert_eq!(label("2024/2027", Lang::Nb, &iso), "2024–2027");
        assert_eq!(label("2023-Q3/2024-06", Lang::En, &iso), "Q3 2023–06/2024");
        assert_eq!(label("høsten 2023", Lang::Nb, &iso), "høsten 2023");
        assert_eq!(label("2023-høst", Lang::Nb, &iso), "høsten 2023");
        assert_eq!(label("2023-haust", Lang::Nn, &iso), "hausten 2023");
        assert_eq!(label("2024-vinter", Lang::En, &iso), "winter 2024");
        assert_eq!(label("2024-vår/2025", Lang::Nb, &iso), "våren 2024–2025");
    }
}
