pub mod ambitions;
pub mod detail;
pub mod feed_status;
pub mod graph;
pub mod roadmap;
