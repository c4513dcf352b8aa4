//! Tilgjengelighetserklæring (`/tilgjengelighet`): how the app meets WCAG 2.1 AA, how that is
//! tested, and the known gaps — stated plainly, in the three UI languages.

use leptos::prelude::*;
use veikart_domain::view_state::Page;

use crate::i18n::{tr, use_i18n, K};
use crate::state::use_app;

#[component]
pub fn Statement() -> impl IntoView {
    let app = use_app();
    let i = use_i18n();
    let item = move |k: K| view! { <li>{tr(i, k)}</li> };
    view! {
        <article class="statement">
            <h2>{tr(i, K::A11yStatement)}</h2>
            <p>{tr(i, K::StIntro)}</p>
            <h3>{tr(i, K::StTestedHeading)}</h3>
            <ul>{[K::StTested1, K::StTested2, K::StTested3, K::StTested4].map(item).collect_view()}</ul>
            <h3>{tr(i, K::StGapsHeading)}</h3>
            <ul>{[K::StGap1, K::StGap2, K::StGap3, K::StGap4].map(item).collect_view()}</ul>
            <p><a href=move || app.view.with(|v| v.on_page(Page::Roadmap).href()) data-noscroll="">{tr(i, K::StBack)}</a></p>
        </article>
    }
}
