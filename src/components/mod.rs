pub mod detail;
pub mod roadmap;
