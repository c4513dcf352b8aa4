fn main() {
    let old = veikart_domain::load(
        &std::fs::read_to_string("public/feeds/2021.json").unwrap(),
        usize::MAX,
    )
    .unwrap();
    let new = veikart_domain::load(
        &std::fs::read_to_string("public/feed.json").unwrap(),
        usize::MAX,
    )
    .unwrap();
    let d = veikart_domain::diff::diff(&old.feed, &new.feed);
    for c in d.changes.iter().take(40) {
        println!(
            "{:?} | {:?}",
            c.measure,
            format!("{:?}", c.kind)
                .chars()
                .take(160)
                .collect::<String>()
        );
    }
    println!("total {}", d.changes.len());
}
