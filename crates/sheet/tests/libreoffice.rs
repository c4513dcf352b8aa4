//! A real spreadsheet program opens the workbook and saves it again, and nothing changes.
//! Needs LibreOffice (`soffice`, Debian `libreoffice-calc-nogui`), which CI does not install, so
//! it is ignored by default: `cargo test -p veikart-sheet --test libreoffice -- --ignored`.

mod common;

use common::*;

#[test]
#[ignore = "needs LibreOffice (soffice) on PATH"]
fn a_workbook_saved_again_by_libreoffice_imports_to_the_same_feed() {
    let f = feed(&read("public/feed.json"));
    let dir = std::env::temp_dir().join(format!("veikart-lo-{}", std::process::id()));
    let out = dir.join("out");
    std::fs::create_dir_all(&out).unwrap();
    let src = dir.join("veikart.xlsx");
    std::fs::write(&src, export(&f)).unwrap();
    let status = std::process::Command::new("soffice")
        .args([
            "--headless",
            "--norestore",
            "--convert-to",
            "xlsx:Calc MS Excel 2007 XML",
            "--outdir",
        ])
        .arg(&out)
        .arg(&src)
        .env("HOME", &dir)
        .status()
        .expect("soffice runs");
    assert!(status.success());
    let resaved = std::fs::read(out.join("veikart.xlsx")).expect("LibreOffice wrote the file");
    let back = import_ok(&resaved);
    assert!(
        back.findings.is_empty(),
        "{:?}",
        lines(&back.findings, veikart_sheet::Lang::Nb)
    );
    assert_eq!(value(&back.feed), value(&f));
}
