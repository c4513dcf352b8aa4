//! `veikart-loadtime FEED.json [RUNS]`: times `parse_feed` and `validate` (the two halves of
//! `load`, which the app runs on every feed) natively, RUNS times (default 15, after one
//! untimed warm-up), and prints the medians in milliseconds. Build it with `--release` for
//! numbers worth comparing; `scripts/bench.sh` does. A second line times the view-model steps
//! the timeline recomputes on a regroup or zoom change (what the browser numbers include). A
//! third line gives the fastest run of parse, validate and the filter index, a fourth (Linux)
//! their median thread CPU time: both steadier than the wall-clock median on a busy machine.

use std::process::ExitCode;
use std::time::Instant;

use veikart_domain::date::Ymd;
use veikart_domain::graph::DepGraph;
use veikart_domain::roadmap::{children, lanes, lanes_in, Grouping};
use veikart_domain::timeline::{RowLayout, Scale, Zoom};
use veikart_domain::validate::{parse_feed, validate, DEFAULT_MAX_BYTES};

/// CPU time of this thread in milliseconds (64-bit Linux): unlike the wall clock, it does not count the
/// time another process had the core, so numbers taken on a busy machine stay comparable.
#[cfg(all(target_os = "linux", target_pointer_width = "64"))]
fn cpu_ms() -> Option<f64> {
    #[repr(C)]
    struct Timespec {
        tv_sec: i64,
        tv_nsec: i64,
    }
    extern "C" {
        fn clock_gettime(clock: i32, ts: *mut Timespec) -> i32;
    }
    const CLOCK_THREAD_CPUTIME_ID: i32 = 3;
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `ts` is a valid, writable timespec (64-bit Linux layout); the call only writes it.
    let rc = unsafe { clock_gettime(CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    (rc == 0).then(|| ts.tv_sec as f64 * 1e3 + ts.tv_nsec as f64 / 1e6)
}

#[cfg(not(all(target_os = "linux", target_pointer_width = "64")))]
fn cpu_ms() -> Option<f64> {
    None
}

fn median(mut xs: Vec<f64>) -> f64 {
    veikart_domain::sort::sort_by(&mut xs, f64::total_cmp);
    let n = xs.len();
    if n % 2 == 1 {
        xs[n / 2]
    } else {
        (xs[n / 2 - 1] + xs[n / 2]) / 2.0
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let runs = match args.get(1).map(|r| r.parse::<usize>()) {
        None => 15,
        Some(Ok(r)) if r > 0 => r,
        _ => 0,
    };
    let (Some(file), true) = (args.first(), runs > 0) else {
        eprintln!("usage: veikart-loadtime FEED.json [RUNS]");
        return ExitCode::from(2);
    };
    let text = match std::fs::read_to_string(file) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{file}: {e}");
            return ExitCode::from(1);
        }
    };
    let (mut parse, mut check, mut total) = (vec![], vec![], vec![]);
    let (mut cpu_parse, mut cpu_check) = (vec![], vec![]);
    let mut issues = 0;
    for run in 0..=runs {
        let c0 = cpu_ms();
        let t0 = Instant::now();
        let feed = match parse_feed(&text, DEFAULT_MAX_BYTES) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("{file}: {e}");
                return ExitCode::from(1);
            }
        };
        let t1 = Instant::now();
        let c1 = cpu_ms();
        issues = validate(&feed).len();
        let t2 = Instant::now();
        let c2 = cpu_ms();
        if let (true, Some(c0), Some(c1), Some(c2)) = (run > 0, c0, c1, c2) {
            cpu_parse.push(c1 - c0);
            cpu_check.push(c2 - c1);
        }
        if run > 0 {
            parse.push((t1 - t0).as_secs_f64() * 1e3);
            check.push((t2 - t1).as_secs_f64() * 1e3);
            total.push((t2 - t0).as_secs_f64() * 1e3);
        }
    }
    let fastest = |xs: &[f64]| xs.iter().copied().fold(f64::INFINITY, f64::min);
    let mins = (fastest(&parse), fastest(&check), fastest(&total));
    println!(
        "{file}: {} bytes, {issues} issue(s); median of {runs}: parse {:.2} ms, validate {:.2} ms, parse+validate {:.2} ms",
        text.len(),
        median(parse),
        median(check),
        median(total)
    );
    // The view model of the timeline (src/components/roadmap.rs), per step.
    let feed = parse_feed(&text, DEFAULT_MAX_BYTES).expect("parsed above");
    let all: Vec<usize> = (0..feed.measures.len()).collect();
    let today = Ymd {
        y: 2026,
        m: 11,
        d: 22,
    };
    let time = |f: &dyn Fn()| {
        median(
            (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    f();
                    t.elapsed().as_secs_f64() * 1e3
                })
                .collect(),
        )
    };
    // As the app: the sub-measures from the feed index (built once per feed), the first list.
    let fix = veikart_domain::index::FeedIndex::new(&feed);
    let kids = |i: usize| fix.children(i);
    let lists = veikart_domain::priority::Membership::all(&feed);
    let t_lanes: Vec<String> = Grouping::ALL
        .into_iter()
        .map(|g| {
            let ms = time(&|| {
                std::hint::black_box(lanes_in(&feed, g, &all, lists.first(), &kids));
            });
            format!("{} {ms:.2}", g.key())
        })
        .collect();
    let l = lanes(&feed, Grouping::Goal, &all);
    let kids = children(&feed);
    let t_layout = time(&|| {
        let kids = children(&feed);
        std::hint::black_box(RowLayout::new(&feed, &l, &kids, &|_| false));
    });
    let _ = kids;
    let t_scale = time(&|| {
        std::hint::black_box(Scale::for_feed(&feed, today, Zoom::Years));
    });
    let t_graph = time(&|| {
        std::hint::black_box(DepGraph::from_feed(&feed));
    });
    // Filtering (src/components/filters.rs): the search index once per feed, then one apply per
    // change, with a search text and with a facet selected.
    let (mut t_indexes, mut cpu_index) = (vec![], vec![]);
    for _ in 0..runs {
        let c = cpu_ms();
        let t = Instant::now();
        std::hint::black_box(veikart_domain::filter::Index::new(&feed));
        t_indexes.push(t.elapsed().as_secs_f64() * 1e3);
        if let (Some(c), Some(d)) = (c, cpu_ms()) {
            cpu_index.push(d - c);
        }
    }
    let min_index = fastest(&t_indexes);
    let t_index = median(t_indexes);
    let index = veikart_domain::filter::Index::new(&feed);
    let text_filter = veikart_domain::filter::Filter {
        text: "t001".into(),
        ..Default::default()
    };
    let t_text = time(&|| {
        std::hint::black_box(veikart_domain::filter::apply(&feed, &index, &text_filter));
    });
    let mut facet_filter = veikart_domain::filter::Filter::default();
    if let Some(g) = feed.goals.first() {
        facet_filter.toggle(veikart_domain::filter::Facet::Goal, &g.id);
    }
    let t_facet = time(&|| {
        std::hint::black_box(veikart_domain::filter::apply(&feed, &index, &facet_filter));
    });
    println!(
        "{file}: view model, median ms: lanes by {}; children + row layout {t_layout:.2}; scale {t_scale:.2}; dependency graph {t_graph:.2}; filter index {t_index:.2}, filter apply (text) {t_text:.2}, (goal facet) {t_facet:.2}",
        t_lanes.join(", ")
    );
    // The fastest run of each (less disturbed by other work on a busy machine than the median).
    println!(
        "{file}: fastest of {runs}: parse {:.2} ms, validate {:.2} ms, parse+validate {:.2} ms, filter index {min_index:.2} ms",
        mins.0, mins.1, mins.2
    );
    if !cpu_index.is_empty() {
        let (p, v) = (median(cpu_parse), median(cpu_check));
        println!(
            "{file}: thread CPU time, median of {runs}: parse {p:.2} ms, validate {v:.2} ms, parse+validate {:.2} ms, filter index {:.2} ms",
            p + v,
            median(cpu_index)
        );
    }
    ExitCode::SUCCESS
}
