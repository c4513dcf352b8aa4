//! Veikart: the Leptos client-side app. Thin components over `veikart_domain`.

pub mod api;
pub mod app;
pub mod components;
pub mod download;
pub mod format;
pub mod i18n;

pub use app::App;
