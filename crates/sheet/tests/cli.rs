//! The command line: exit codes, both languages, and no output file when there are errors.

mod common;

use std::path::PathBuf;
use std::process::Command;

use common::*;

fn bin() -> Command {
    Command::new(env!("CARGO_BIN_EXE_veikart-sheet"))
}

fn tmp(name: &str) -> PathBuf {
    let d = std::env::temp_dir().join(format!("veikart-sheet-cli-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d.join(name)
}

#[test]
fn export_then_import_writes_the_same_feed() {
    let xlsx = tmp("ok.xlsx");
    let json = tmp("ok.json");
    let feed_path = root().join("public/feed.json");
    let out = bin()
        .arg("export")
        .arg(&feed_path)
        .arg(&xlsx)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = bin().arg("import").arg(&xlsx).arg(&json).output().unwrap();
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let back = feed(&std::fs::read_to_string(&json).unwrap());
    assert_eq!(value(&back), value(&feed(&read("public/feed.json"))));
    let out = bin().arg("check").arg(&xlsx).output().unwrap();
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn errors_exit_1_in_both_languages_and_write_nothing() {
    let f = feed(&read("public/feed.json"));
    let mut book = Book::read(&export(&f));
    book.sheet("Milepæler").set(1, "dato", C::s("2027-13"));
    let xlsx = tmp("bad.xlsx");
    std::fs::write(&xlsx, book.write()).unwrap();
    let json = tmp("bad.json");
    let _ = std::fs::remove_file(&json);

    let out = bin().arg("import").arg(&xlsx).arg(&json).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert!(!json.exists(), "no output file on errors");
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(
        stdout.contains("Milepæler!D2 (dato): «2027-13» er ikke en gyldig dato"),
        "{stdout}"
    );
    assert!(
        stdout.contains("Milepæler!D2 (dato): «2027-13» is not a valid date"),
        "{stdout}"
    );
    assert!(stdout.contains("1 feil; ingen fil er skrevet."), "{stdout}");

    let out = bin()
        .arg("import")
        .arg(&xlsx)
        .arg(&json)
        .args(["--lang", "en"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(1));
    let stdout = String::from_utf8(out.stdout).unwrap();
    assert!(stdout.contains("is not a valid date"), "{stdout}");
    assert!(!stdout.contains("er ikke en gyldig dato"), "{stdout}");
    assert!(!json.exists());
}

#[test]
fn an_existing_output_file_is_left_alone_on_errors() {
    let f = feed(&read("public/feed.json"));
    let mut book = Book::read(&export(&f));
    book.sheet("Tiltak").set(1, "prioritet", C::s("høy"));
    let xlsx = tmp("bad2.xlsx");
    std::fs::write(&xlsx, book.write()).unwrap();
    let json = tmp("keep.json");
    std::fs::write(&json, "old").unwrap();
    let out = bin().arg("import").arg(&xlsx).arg(&json).output().unwrap();
    assert_eq!(out.status.code(), Some(1));
    assert_eq!(std::fs::read_to_string(&json).unwrap(), "old");
}

#[test]
fn bad_usage_exits_2() {
    assert_eq!(bin().output().unwrap().status.code(), Some(2));
    assert_eq!(
        bin()
            .args(["import", "a.xlsx"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        bin()
            .args(["check", "a.xlsx", "--lang", "de"])
            .output()
            .unwrap()
            .status
            .code(),
        Some(2)
    );
}
