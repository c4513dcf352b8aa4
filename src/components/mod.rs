pub mod ambitions;
pub mod detail;
pub mod graph;
pub mod roadmap;
