//! Veikart: the Leptos client-side app. Thin components over `veikart_domain`.
//!
//! - `app`: the shell and the routes;
//! - `state/`: the view state in the URL, feed loading, the comparison, the clock;
//! - `components/`: the views, with `parts` shared by all;
//! - `i18n/`: every UI string in bokmål, nynorsk and English;
//! - `hooks`: DOM measuring; `format`: dates through `Intl`; `download`: files to save;
//!   `panic_view`: what a panic shows.

pub mod app;
pub mod components;
pub mod download;
pub mod format;
pub mod hooks;
pub mod i18n;
pub mod panic_view;
pub mod sheet;
pub mod state;

pub use app::App;
