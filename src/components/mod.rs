pub mod ambitions;
pub mod cards;
pub mod detail;
pub mod embed;
pub mod filters;
pub mod graph;
pub mod lens;
pub mod roadmap;
