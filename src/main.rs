use leptos::prelude::*;
use veikart::App;
use wasm_bindgen::prelude::wasm_bindgen;

fn main() {
    // A panic shows an error view with a reload button (plain DOM), never a frozen page.
    veikart::panic_view::install();
    // index.html shows a static frame (header, "loading") until the app has a feed or an error
    // to show; the app then takes its place in one frame (`app::reveal`).
    leptos::mount::mount_to_body(|| view! { <App/> });
}

/// Panics on purpose, so the e2e tests (and anyone checking a deployment from the console:
/// `wasmBindings.veikart_simulate_panic()`) can see the panic view of the release build.
#[wasm_bindgen]
pub fn veikart_simulate_panic() {
    panic!("veikart_simulate_panic: a panic on request");
}
