//! The committed example workbook (`tests/fixtures/sheet/eksempel.xlsx`) is the shipped feed,
//! exported: it imports without findings and gives exactly `public/feed.json`. When the feed
//! changes, regenerate it with
//! `cargo run -q -p veikart-sheet -- export public/feed.json tests/fixtures/sheet/eksempel.xlsx`.

mod common;

use common::*;

#[test]
fn the_example_workbook_is_the_shipped_feed() {
    let bytes = std::fs::read(root().join("tests/fixtures/sheet/eksempel.xlsx")).expect("example");
    let back = import_ok(&bytes);
    assert!(
        back.findings.is_empty(),
        "{:?}",
        lines(&back.findings, veikart_sheet::Lang::Nb)
    );
    assert_eq!(
        value(&back.feed),
        value(&feed(&read("public/feed.json"))),
        "the example is out of date: regenerate it (see the top of this file)"
    );
}

#[test]
fn the_example_explains_itself_in_les_meg() {
    let bytes = std::fs::read(root().join("tests/fixtures/sheet/eksempel.xlsx")).expect("example");
    let mut book = Book::read(&bytes);
    assert_eq!(book.sheets[0].name, "Les meg");
    let text: String = book
        .sheet("Les meg")
        .rows
        .iter()
        .flatten()
        .map(C::text)
        .collect::<Vec<_>>()
        .join(" ");
    // every sheet and every column header is explained
    for s in veikart_sheet::mapping::all_sheets() {
        assert!(
            text.contains(s.name),
            "Les meg does not mention the sheet {}",
            s.name
        );
        for c in s.cols {
            assert!(
                text.contains(c.header),
                "Les meg does not explain {}/{}",
                s.name,
                c.header
            );
        }
    }
    assert!(text.contains("gjelder"), "the Kilder design is explained");
}
