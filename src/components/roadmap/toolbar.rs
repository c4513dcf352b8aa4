//! The roadmap's toolbar: layout (timeline, list, table), grouping, time scale and dependency
//! arrows (timeline only), and export. Each choice writes the view state.

use leptos::prelude::*;
use veikart_domain::roadmap::Grouping;
use veikart_domain::timeline::Zoom;
use veikart_domain::view_state::{Layout, LayoutChoice};

use super::export::ExportMenu;
use super::use_roadmap;
use crate::i18n::{labels, tr, use_i18n, K};
use crate::state::use_app;

/// A segmented control: a labelled group of buttons, the chosen one pressed.
#[component]
fn Seg(label: K, children: Children) -> impl IntoView {
    let i = use_i18n();
    view! {
        <div class="seg" role="group" aria-label=tr(i, label)>
            <span class="seg-label" aria-hidden="true">{tr(i, label)}</span>
            {children()}
        </div>
    }
}

#[component]
fn Choice(pressed: Signal<bool>, on_pick: Callback<()>, label: K) -> impl IntoView {
    let i = use_i18n();
    view! {
        <button type="button" aria-pressed=move || pressed.get().to_string() on:click=move |_| on_pick.run(())>
            {tr(i, label)}
        </button>
    }
}

#[component]
pub fn Toolbar() -> impl IntoView {
    let app = use_app();
    let ctx = use_roadmap();
    let i = use_i18n();
    let nav = app.nav;
    let layout_choice = move |l: Layout| {
        view! {
            <Choice label=labels::layout(l)
                pressed=Signal::derive(move || ctx.layout.get() == l)
                on_pick=Callback::new(move |_| {
                    let narrow = app.narrow.get_untracked();
                    nav.go(|s| s.layout = LayoutChoice::choose(l, narrow));
                })/>
        }
    };
    let group_choice = move |g: Grouping| {
        view! {
            <Choice label=labels::grouping(g)
                pressed=Signal::derive(move || ctx.grouping.get() == g)
                on_pick=Callback::new(move |_| nav.go(|s| s.grouping = g))/>
        }
    };
    let zoom_choice = move |z: Zoom, label: K| {
        view! {
            <Choice label
                pressed=Memo::new(move |_| app.view.with(|v| v.zoom) == z).into()
                on_pick=Callback::new(move |_| nav.go(|s| s.zoom = z))/>
        }
    };
    let timeline = move || ctx.layout.get() == Layout::Timeline;
    view! {
        <div class="toolbar">
            <Seg label=K::Layout>{Layout::ALL.map(layout_choice).collect_view()}</Seg>
            <Seg label=K::GroupBy>{Grouping::ALL.map(group_choice).collect_view()}</Seg>
            <Show when=timeline>
                <Seg label=K::Zoom>
                    {zoom_choice(Zoom::Years, K::ZoomYears)}
                    {zoom_choice(Zoom::Quarters, K::ZoomQuarters)}
                </Seg>
                <label class="check">
                    <input type="checkbox" prop:checked=move || app.view.with(|v| v.arrows)
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            nav.go(|s| s.arrows = on);
                        }/>
                    {tr(i, K::ShowArrows)}
                </label>
            </Show>
            <ExportMenu/>
        </div>
    }
}
