pub mod ambitions;
pub mod changes;
pub mod council;
pub mod detail;
pub mod graph;
pub mod roadmap;
