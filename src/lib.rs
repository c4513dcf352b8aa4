//! Veikart: the Leptos client-side app. Thin components over `veikart_domain`.

pub mod api;
pub mod app;
pub mod components;
pub mod download;
pub mod feed_message;
pub mod format;
pub mod i18n;
pub mod last_good;
pub mod panic_view;

pub use app::App;
