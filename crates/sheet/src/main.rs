//! `veikart-sheet`: the roadmap feed as a spreadsheet and back (issue 17).
//!
//! ```text
//! veikart-sheet export FEED.json OUT.xlsx
//! veikart-sheet import IN.xlsx OUT.json [--lang nb|nn|en]
//! veikart-sheet check IN.xlsx [--lang nb|nn|en]
//! ```
//! `import` writes OUT.json only when the workbook has no errors (warnings are printed and do not
//! stop it); `check` does the same checks and writes nothing. Every problem names the sheet, the
//! cell and the column header. Without `--lang`, each line is printed in bokmål and then in
//! English. Exit codes: 0 OK, 1 errors in the input, 2 bad usage or an unreadable/unwritable file.

use std::path::Path;
use std::process::ExitCode;

use veikart_domain::validate::{load, DEFAULT_MAX_BYTES};
use veikart_domain::{messages, Lang, Severity};
use veikart_sheet::export::export_workbook;
use veikart_sheet::{import_workbook, Finding};

const USAGE: &str = "usage:
  veikart-sheet export FEED.json OUT.xlsx
  veikart-sheet import IN.xlsx OUT.json [--lang nb|nn|en]
  veikart-sheet check IN.xlsx [--lang nb|nn|en]";

fn main() -> ExitCode {
    let mut args: Vec<String> = std::env::args().skip(1).collect();
    let mut langs = vec![Lang::Nb, Lang::En];
    if let Some(i) = args.iter().position(|a| a == "--lang") {
        let l = match args.get(i + 1).map(String::as_str) {
            Some("nb") => Lang::Nb,
            Some("nn") => Lang::Nn,
            Some("en") => Lang::En,
            _ => {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            }
        };
        langs = vec![l];
        args.drain(i..i + 2);
    }
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["export", feed, out] => export(feed, out),
        ["import", input, out] => import(input, Some(out), &langs),
        ["check", input] => import(input, None, &langs),
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn export(feed: &str, out: &str) -> ExitCode {
    let text = match std::fs::read_to_string(feed) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{feed}: cannot read the file: {e}");
            return ExitCode::from(2);
        }
    };
    let loaded = match load(&text, DEFAULT_MAX_BYTES) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("{feed}: {}", messages::load_error(Lang::Nb, &e));
            eprintln!("{feed}: {}", messages::load_error(Lang::En, &e));
            return ExitCode::from(1);
        }
    };
    let bytes = match export_workbook(&loaded.feed) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{feed}: kan ikke eksporteres / cannot be exported: {e}");
            return ExitCode::from(1);
        }
    };
    if let Err(e) = write_atomically(Path::new(out), &bytes) {
        eprintln!("{out}: cannot write the file: {e}");
        return ExitCode::from(2);
    }
    let f = &loaded.feed;
    println!(
        "{out}: {} tiltak, {} milepæler, {} avhengigheter, {} vedtak ({} byte)",
        f.measures.len(),
        f.measures.iter().map(|m| m.milestones.len()).sum::<usize>(),
        f.dependencies.len(),
        f.decisions.len(),
        bytes.len()
    );
    ExitCode::SUCCESS
}

fn print(file: &str, findings: &[Finding], langs: &[Lang]) {
    for f in findings {
        let sev = match f.severity {
            Severity::Error => "",
            Severity::Warning => "(merknad/note) ",
        };
        for (i, l) in langs.iter().enumerate() {
            let indent = if i == 0 { "" } else { "  " };
            println!("{indent}{file}: {sev}{}", f.line(*l));
        }
    }
}

fn import(input: &str, out: Option<&str>, langs: &[Lang]) -> ExitCode {
    let bytes = match std::fs::read(input) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{input}: cannot read the file: {e}");
            return ExitCode::from(2);
        }
    };
    let imported = match import_workbook(&bytes) {
        Ok(i) => i,
        Err(findings) => {
            print(input, &findings, langs);
            summary(
                input,
                findings
                    .iter()
                    .filter(|f| f.severity == Severity::Error)
                    .count(),
                langs,
            );
            return ExitCode::from(1);
        }
    };
    print(input, &imported.findings, langs);
    let errors = imported.errors().count();
    if errors > 0 {
        summary(input, errors, langs);
        return ExitCode::from(1);
    }
    if let Some(out) = out {
        if let Err(e) = write_atomically(Path::new(out), imported.json.as_bytes()) {
            eprintln!("{out}: cannot write the file: {e}");
            return ExitCode::from(2);
        }
        let f = &imported.feed;
        println!(
            "{out}: OK — {} tiltak, {} milepæler, {} avhengigheter, {} vedtak",
            f.measures.len(),
            f.measures.iter().map(|m| m.milestones.len()).sum::<usize>(),
            f.dependencies.len(),
            f.decisions.len()
        );
    } else {
        println!("{input}: OK");
    }
    ExitCode::SUCCESS
}

fn summary(input: &str, errors: usize, langs: &[Lang]) {
    for l in langs {
        let line = match l {
            Lang::Nb => format!("{errors} feil; ingen fil er skrevet."),
            Lang::Nn => format!("{errors} feil; inga fil er skriven."),
            Lang::En => format!("{errors} error(s); no file was written."),
        };
        println!("{input}: {line}");
    }
}

/// Writes to a temporary file beside the target, then renames it, so a reader never sees half a
/// file and a failed write leaves the old one.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    std::fs::write(&tmp, bytes)?;
    std::fs::rename(&tmp, path)
}
