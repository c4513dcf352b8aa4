use leptos::prelude::*;
use veikart::App;

fn main() {
    console_error_panic_hook::set_once();
    // The static "loading" text in index.html is shown until the app takes over.
    if let Some(boot) = document().get_element_by_id("boot") {
        boot.remove();
    }
    leptos::mount::mount_to_body(|| view! { <App/> });
}
