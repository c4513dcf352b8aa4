//! `veikart-check FILE...`: validates feed files, prints every problem with its JSON pointer,
//! and exits 0 when every file is free of errors (warnings are printed but do not fail), 1 when
//! any file has an error, 2 on bad usage.

use std::process::ExitCode;

use veikart_domain::validate::{load, DEFAULT_MAX_BYTES};

fn main() -> ExitCode {
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.is_empty() || files.iter().any(|f| f == "-h" || f == "--help") {
        eprintln!("usage: veikart-check FEED.json [MORE.json ...]");
        return ExitCode::from(2);
    }
    let mut failed = 0usize;
    for file in &files {
        let text = match std::fs::read_to_string(file) {
            Ok(t) => t,
            Err(e) => {
                println!("{file}: error[unreadable] cannot read the file: {e}");
                failed += 1;
                continue;
            }
        };
        match load(&text, DEFAULT_MAX_BYTES) {
            Err(e) => {
                println!("{file}: error[load] {e}");
                failed += 1;
            }
            Ok(loaded) => {
                for issue in &loaded.issues {
                    println!("{file}: {issue}");
                }
                let errors = loaded.errors().count();
                let warnings = loaded.warnings().count();
                let f = &loaded.feed;
                println!(
                    "{file}: {} — {errors} error(s), {warnings} warning(s); {} goals, {} measures, {} milestones, {} dependencies, {} decisions",
                    if errors == 0 { "OK" } else { "FAILED" },
                    f.goals.len(),
                    f.measures.len(),
                    f.measures.iter().map(|m| m.milestones.len()).sum::<usize>(),
                    f.dependencies.len(),
                    f.decisions.len(),
                );
                if errors > 0 {
                    failed += 1;
                }
            }
        }
    }
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
