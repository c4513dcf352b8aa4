//! The views. Each reads the app state (`crate::state`) and the i18n (`crate::i18n`); the
//! domain computes, the components bind.

pub mod ambitions;
pub mod changes;
pub mod council;
pub mod detail;
pub mod embed;
pub mod feed_status;
pub mod graph;
pub mod lens;
pub mod local_file;
pub mod markup;
pub mod parts;
pub mod risks;
pub mod roadmap;
pub mod standing;
pub mod statement;
