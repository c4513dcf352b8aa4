//! Prints the JSON Schema of the feed, generated from the Rust types.
//! `cargo run -q -p veikart-domain --bin veikart-schema > public/schema/feed-v1.schema.json`

fn main() {
    println!("{}", veikart_domain::model::json_schema_string());
}
