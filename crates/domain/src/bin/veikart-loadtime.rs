//! `veikart-loadtime FEED.json [RUNS]`: times `parse_feed` and `validate` (the two halves of
//! `load`, which the app runs on every feed) natively, RUNS times (default 15, after one
//! untimed warm-up), and prints the medians in milliseconds. Build it with `--release` for
//! numbers worth comparing; `scripts/bench.sh` does.

use std::process::ExitCode;
use std::time::Instant;

use veikart_domain::validate::{parse_feed, validate, DEFAULT_MAX_BYTES};

fn median(mut xs: Vec<f64>) -> f64 {
    xs.sort_by(f64::total_cmp);
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
    let mut issues = 0;
    for run in 0..=runs {
        let t0 = Instant::now();
        let feed = match parse_feed(&text, DEFAULT_MAX_BYTES) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("{file}: {e}");
                return ExitCode::from(1);
            }
        };
        let t1 = Instant::now();
        issues = validate(&feed).len();
        let t2 = Instant::now();
        if run > 0 {
            parse.push((t1 - t0).as_secs_f64() * 1e3);
            check.push((t2 - t1).as_secs_f64() * 1e3);
            total.push((t2 - t0).as_secs_f64() * 1e3);
        }
    }
    println!(
        "{file}: {} bytes, {issues} issue(s); median of {runs}: parse {:.2} ms, validate {:.2} ms, parse+validate {:.2} ms",
        text.len(),
        median(parse),
        median(check),
        median(total)
    );
    ExitCode::SUCCESS
}
