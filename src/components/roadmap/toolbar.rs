//! The roadmap's toolbar: layout (timeline, list, table), grouping, time scale and dependency
//! arrows (timeline only), and export. Each choice writes the view state.

use leptos::prelude::*;
use veikart_domain::roadmap::Grouping;
use veikart_domain::timeline::Zoom;
use veikart_domain::view_state::{Layout, LayoutChoice};

use super::export::ExportMenu;
use super::use_roadmap;
use crate::i18n::{labels, tr, use_i18n, K};
use crate::state::{use_app, view_part};

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
    let arrows = view_part(|v| v.arrows);
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
    // The goal grouping in the feed's own word, the priority grouping by the name of the list in
    // use; a feed without priority lists has no priority grouping.
    let lists = ctx.lists;
    let group_label = move |g: Grouping| {
        let lang = i.lang();
        app.feed
            .with(|f| {
                let f = f.as_ref()?;
                match g {
                    Grouping::Goal => Some(f.feed().terms().goal_singular.get(lang).to_string()),
                    Grouping::Priority => {
                        let chosen = ctx.list.get();
                        ctx.index.with(|ix| {
                            let l = ix.as_ref()?.list(chosen.as_deref())?;
                            lists
                                .with(|ls| ls.get(l.position).map(|(n, _)| n.get(lang).to_string()))
                        })
                    }
                    _ => None,
                }
            })
            .unwrap_or_else(|| i.t(labels::grouping(g)).to_string())
    };
    let has_lists = Memo::new(move |_| lists.with(|l| !l.is_empty()));
    let group_choice = move |g: Grouping| {
        let shown = move || g != Grouping::Priority || has_lists.get();
        view! {
            <Show when=shown>
                <button type="button" aria-pressed=move || (ctx.grouping.get() == g).to_string()
                    on:click=move |_| nav.go(|s| s.grouping = g)>
                    {move || group_label(g)}
                </button>
            </Show>
        }
    };
    // A feed with several priority lists: which one the priority grouping and the "only" filter
    // use (`liste=`).
    let list_picker = move || {
        let lang = i.lang();
        let ls = lists.get();
        (ls.len() > 1).then(|| {
            let chosen = ctx.list.get();
            let first_id = ctx.index.with(|ix| {
                ix.as_ref()
                    .and_then(|ix| ix.lists().first().map(|l| l.list.clone()))
            });
            let current = ctx.index.with(|ix| {
                ix.as_ref()
                    .and_then(|ix| ix.list(chosen.as_deref()).map(|l| l.position))
            });
            let ids: Vec<String> = ctx.index.with(|ix| {
                ix.as_ref()
                    .map(|ix| ix.lists().iter().map(|l| l.list.clone()).collect())
                    .unwrap_or_default()
            });
            let opts = ls
                .iter()
                .enumerate()
                .map(|(n, (name, _))| {
                    view! { <option value=n.to_string() selected=current == Some(n)>{name.get(lang).to_string()}</option> }
                })
                .collect_view();
            view! {
                <label class="list-pick">
                    <span>{i.t(K::PriorityListLabel)}</span>
                    <select on:change=move |ev| {
                        let n: usize = event_target_value(&ev).parse().unwrap_or(0);
                        let id = ids.get(n).cloned();
                        let list = id.filter(|id| Some(id) != first_id.as_ref());
                        nav.go(move |s| s.list = list);
                    }>{opts}</select>
                </label>
            }
        })
    };
    let zoom_choice = move |z: Zoom, label: K| {
        view! {
            <Choice label
                pressed=view_part(move |v| v.zoom == z).into()
                on_pick=Callback::new(move |_| nav.go(|s| s.zoom = z))/>
        }
    };
    let timeline = move || ctx.layout.get() == Layout::Timeline;
    view! {
        <div class="toolbar">
            <Seg label=K::Layout>{Layout::ALL.map(layout_choice).collect_view()}</Seg>
            <Seg label=K::GroupBy>{Grouping::ALL.map(group_choice).collect_view()}</Seg>
            {list_picker}
            <Show when=timeline>
                <Seg label=K::Zoom>
                    {zoom_choice(Zoom::Years, K::ZoomYears)}
                    {zoom_choice(Zoom::Quarters, K::ZoomQuarters)}
                </Seg>
                <label class="check">
                    <input type="checkbox" prop:checked=arrows
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
