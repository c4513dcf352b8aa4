//! `veikart-check [--previous OLD.json] FILE...`: validates feed files (schema 1.0 and 1.1),
//! prints every problem with its JSON pointer, and exits 0 when every file is free of errors
//! (warnings are printed but do not fail), 1 when any file has an error, 2 on bad usage.
//!
//! With `--previous OLD.json`, each file is also checked against that older version (the one its
//! `meta.previous_version` names): a milestone's `replaces` must name a milestone of it.

use std::process::ExitCode;

use veikart_domain::validate::{load, validate_against_previous, Severity, DEFAULT_MAX_BYTES};

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut previous = None;
    if let Some(i) = args.iter().position(|a| a == "--previous") {
        if i + 1 >= args.len() {
            eprintln!("usage: veikart-check [--previous OLD.json] FEED.json [MORE.json ...]");
            return ExitCode::from(2);
        }
        previous = Some(args.remove(i + 1));
        args.remove(i);
    }
    let files = args;
    if files.is_empty() || files.iter().any(|f| f == "-h" || f == "--help") {
        eprintln!("usage: veikart-check [--previous OLD.json] FEED.json [MORE.json ...]");
        return ExitCode::from(2);
    }
    let old = match &previous {
        None => None,
        Some(p) => match std::fs::read_to_string(p).map(|t| load(&t, DEFAULT_MAX_BYTES)) {
            Ok(Ok(l)) => Some(l.feed),
            Ok(Err(e)) => {
                println!("{p}: error[load] {e}");
                return ExitCode::from(1);
            }
            Err(e) => {
                println!("{p}: error[unreadable] cannot read the file: {e}");
                return ExitCode::from(1);
            }
        },
    };
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
            Ok(mut loaded) => {
                if let Some(old) = &old {
                    loaded
                        .issues
                        .extend(validate_against_previous(old, &loaded.feed));
                }
                for issue in &loaded.issues {
                    println!("{file}: {issue}");
                }
                let errors = loaded
                    .issues
                    .iter()
                    .filter(|i| i.severity == Severity::Error)
                    .count();
                let warnings = loaded.issues.len() - errors;
                let f = &loaded.feed;
                println!(
                    "{file}: {} — {errors} error(s), {warnings} warning(s); schema {}; {} goals, {} measures, {} milestones, {} dependencies, {} decisions",
                    if errors == 0 { "OK" } else { "FAILED" },
                    f.meta.schema_version,
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
