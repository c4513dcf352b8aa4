//! The roadmap view: lanes (by goal, owner, user group or priority), a row per measure, as a
//! timeline, a list of cards or a table. This container computes the view model once per state
//! (`veikart_domain::view_model`) and provides it to the parts:
//! `filters/` (search, facets, chips), `toolbar`, `legend`, `export`, `cards`, `table` and
//! `timeline/` (axis, lanes, rows, bars, markers, arrows, today line, ghost marks, keys).

pub mod cards;
pub mod export;
pub mod filters;
pub mod lane;
pub mod legend;
pub mod table;
pub mod timeline;
pub mod toolbar;

use std::collections::BTreeSet;
use std::sync::Arc;

use leptos::prelude::*;
use veikart_domain::filter::{self, FilterResult};
use veikart_domain::graph::DepGraph;
use veikart_domain::index::Indexed;
use veikart_domain::model::Text;
use veikart_domain::roadmap::Grouping;
use veikart_domain::timeline::{year_range_of, Scale};
use veikart_domain::view_model::{RoadmapModel, Rows};
use veikart_domain::view_state::{Layout, ViewState};

use crate::components::standing::WithdrawnNote;
use crate::hooks::use_element_width;
use crate::i18n::{tr, use_i18n, K};
use crate::state::{use_app, view_part, AppState};

/// The view model with the feed it was computed from (so a row never reads one feed's layout
/// with another feed's measures).
pub struct Drawn {
    pub feed: Arc<Indexed>,
    pub model: RoadmapModel,
}

impl PartialEq for Drawn {
    fn eq(&self, other: &Self) -> bool {
        // lanes and rows are made anew only when they change (`rows` in `RoadmapCtx::new`)
        Arc::ptr_eq(&self.feed, &other.feed)
            && Arc::ptr_eq(&self.model.lanes, &other.model.lanes)
            && Arc::ptr_eq(&self.model.layout, &other.model.layout)
            && self.model.scale == other.model.scale
    }
}

fn arc_changed<T>(a: Option<&Option<Arc<T>>>, b: Option<&Option<Arc<T>>>) -> bool {
    match (a.and_then(Option::as_ref), b.and_then(Option::as_ref)) {
        (Some(a), Some(b)) => !Arc::ptr_eq(a, b),
        (None, None) => a.is_none() != b.is_none(),
        _ => true,
    }
}

/// What the parts of the roadmap read.
#[derive(Clone, Copy)]
pub struct RoadmapCtx {
    pub drawn: Memo<Option<Arc<Drawn>>>,
    /// The drawn model's scale (changes with the zoom and the width only).
    pub scale: Memo<Option<Scale>>,
    /// The feed shown (and drawn); changes only when another feed is loaded (rows rebuild
    /// their content only then).
    pub feed: Memo<Option<Arc<Indexed>>>,
    pub result: Memo<Option<Arc<FilterResult>>>,
    /// The search index, with the feed's priority lists and withdrawn measures.
    pub index: Memo<Option<Arc<filter::Index>>>,
    /// The priority list chosen in the view state (`liste=`; `None`: the first).
    pub list: ReadSignal<Option<String>>,
    /// Name and rank label of each of the feed's priority lists (once per feed).
    pub lists: Memo<Vec<(Text, Text)>>,
    /// Rows a filter opens to show a matching sub-measure.
    pub forced: Memo<BTreeSet<String>>,
    pub expanded: Memo<BTreeSet<String>>,
    pub grouping: ReadSignal<Grouping>,
    pub layout: Memo<Layout>,
    /// The selected measure's id (`valgt=`).
    pub selected: ReadSignal<Option<String>>,
    /// Measures related (by dependency, either way) to the selected one.
    pub related: Memo<Option<BTreeSet<String>>>,
    nav: crate::state::Nav,
}

impl RoadmapCtx {
    fn new(app: AppState, width: Signal<f64>) -> RoadmapCtx {
        let feed = app.feed;
        // The parts of the view state read here are signals of their own (`view_part`): a
        // regroup does not touch what reads only the filter, and the reverse.
        let filter = view_part(|v| v.filter.clone());
        // Once per feed: the search index (every date parsed once) and the axis years.
        let index = Memo::new_with_compare(
            move |_| feed.with(|f| f.as_ref().map(|f| Arc::new(filter::Index::new(f.feed())))),
            arc_changed,
        );
        // From the index's years per measure: no date parsed again.
        let years = Memo::new(move |_| {
            let dated = index.with(|ix| ix.as_ref().and_then(|ix| ix.dated_years()));
            feed.with(|f| {
                f.as_ref()
                    .map(|f| year_range_of(f.feed(), dated, app.clock.today()))
            })
        });
        let list = view_part(|v| v.list.clone());
        let withdrawn = view_part(|v| v.withdrawn);
        let lists = Memo::new(move |_| {
            feed.with(|f| {
                f.as_ref()
                    .map(|f| {
                        f.feed()
                            .priority_lists()
                            .into_iter()
                            .map(|l| (l.name, l.rank_label))
                            .collect()
                    })
                    .unwrap_or_default()
            })
        });
        let result = Memo::new_with_compare(
            move |_| {
                let f = feed.get()?;
                let index = index.get()?;
                let (list, withdrawn) = (list.get(), withdrawn.get());
                let scope = filter::Scope {
                    list: list.as_deref(),
                    withdrawn,
                };
                Some(Arc::new(
                    filter.with(|flt| filter::apply_in(f.feed(), &index, flt, scope)),
                ))
            },
            |a, b| match (a.and_then(Option::as_ref), b.and_then(Option::as_ref)) {
                (Some(a), Some(b)) => a != b,
                (a, b) => a.is_none() != b.is_none(),
            },
        );
        let forced = Memo::new(move |_| {
            let (Some(f), Some(res)) = (feed.get(), result.get()) else {
                return BTreeSet::new();
            };
            veikart_domain::sort::set_of(
                res.opened_for_matches
                    .iter()
                    .map(|&i| f.feed().measures[i].id.to_string()),
            )
        });
        // the rows the reader opened and closed, alone (what `ViewState::expanded` reads)
        let opened = view_part(|v| ViewState {
            open: v.open.clone(),
            closed: v.closed.clone(),
            ..ViewState::default()
        });
        let expanded = Memo::new(move |_| forced.with(|fo| opened.with(|o| o.expanded(fo))));
        let grouping = view_part(|v| v.grouping);
        let choice = view_part(|v| v.layout);
        let layout = Memo::new(move |_| choice.get().resolve(app.narrow.get()));
        let zoom = view_part(|v| v.zoom);
        // Lanes and rows: made anew on a filter, regroup, list or opened-row change, kept on a
        // zoom or width change (which only rescales).
        let rows = Memo::new_with_compare(
            move |_| {
                let f = feed.get()?;
                let res = result.get()?;
                let filtering = !filter.with(|f| f.is_empty());
                let grouping = grouping.get();
                let ix = index.get()?;
                let chosen = list.get();
                let rows = expanded.with(|open| {
                    Rows::build(
                        &f,
                        &res,
                        filtering,
                        grouping,
                        ix.list(chosen.as_deref()),
                        open,
                    )
                });
                Some((f, Arc::new(rows)))
            },
            |a, b| match (a.and_then(Option::as_ref), b.and_then(Option::as_ref)) {
                (Some(a), Some(b)) => !Arc::ptr_eq(&a.0, &b.0) || !Arc::ptr_eq(&a.1, &b.1),
                (a, b) => a.is_none() != b.is_none(),
            },
        );
        // The scale, from the feed's years, the zoom and the width alone: a regroup or a filter
        // does not touch it, nor the bars and milestones that read it.
        let scale = Memo::new(move |_| {
            let (first, last) = years.get()?;
            Some(Scale::new(first, last, zoom.get()).fit(width.get()))
        });
        let drawn = Memo::new(move |_| {
            let scale = scale.get()?;
            // The timeline waits for its width (measured in the effect right after the section
            // is mounted, before the first paint): its rows are then drawn once, to scale,
            // instead of once at width 0 and again — and the measuring layout stays small.
            if width.get() <= 0.0 && layout.get() == Layout::Timeline {
                return None;
            }
            rows.with(|r| {
                let (f, rows) = r.as_ref()?;
                Some(Arc::new(Drawn {
                    feed: f.clone(),
                    model: RoadmapModel {
                        lanes: rows.lanes.clone(),
                        layout: rows.layout.clone(),
                        scale,
                    },
                }))
            })
        });
        // Not read from `drawn` (which changes on every regroup and filter): the rows' content
        // is then not checked on those.
        let drawn_feed = Memo::new_with_compare(move |_| feed.get(), arc_changed);
        // The dependency graph is built only while a measure is selected.
        let selected = view_part(|v| v.selected().map(str::to_string));
        let related = Memo::new(move |_| {
            let id = selected.get()?;
            feed.with(|f| {
                let graph = DepGraph::from_feed(f.as_ref()?.feed());
                let mut s = graph.upstream(&id);
                s.extend(graph.downstream(&id));
                Some(s)
            })
        });
        RoadmapCtx {
            drawn,
            scale,
            feed: drawn_feed,
            result,
            index,
            list,
            lists,
            forced,
            expanded,
            grouping,
            layout,
            selected,
            related,
            nav: app.nav,
        }
    }

    /// The rank of measure `mi` in the list in use, with the list's position: only when the
    /// measure is ranked in its own right (an item, or under a ranked goal), not as a
    /// sub-measure of a ranked area. Tracked.
    pub fn rank(self, mi: usize) -> Option<(u32, usize)> {
        let chosen = self.list.get();
        self.index.with(|ix| {
            let l = ix.as_ref()?.list(chosen.as_deref())?;
            (!l.only_via_area(mi)).then_some(())?;
            Some((l.rank(mi)?, l.position))
        })
    }

    /// "Prioritet 2 i «De fem prioriterte samhandlingstiltakene»" for a rank badge. Tracked.
    pub fn rank_title(self, rank: u32, position: usize, lang: veikart_domain::Lang) -> String {
        self.lists.with(|ls| {
            ls.get(position)
                .map(|(name, label)| {
                    crate::i18n::tf(
                        lang,
                        K::RankIn,
                        &[
                            ("label", &label.get(lang)),
                            ("rank", &rank),
                            ("list", &name.get(lang)),
                        ],
                    )
                })
                .unwrap_or_default()
        })
    }

    /// Whether measure `mi` is taken out of the roadmap. Tracked.
    pub fn is_withdrawn(self, mi: usize) -> bool {
        self.index
            .with(|ix| ix.as_ref().is_some_and(|ix| ix.is_withdrawn(mi)))
    }

    /// Opens or closes a row (one history entry).
    pub fn toggle(self, id: &str) {
        let forced = self.forced.get_untracked();
        let id = id.to_string();
        self.nav.go(move |s| s.toggle_row(&id, &forced));
    }
}

pub fn use_roadmap() -> RoadmapCtx {
    expect_context::<RoadmapCtx>()
}

#[component]
pub fn RoadmapView() -> impl IntoView {
    let app = use_app();
    let i = use_i18n();
    let section = NodeRef::<leptos::html::Section>::new();
    let width = use_element_width(section, Some("--label-w"));
    let ctx = RoadmapCtx::new(app, width);
    provide_context(ctx);
    mark_first_paint(ctx.drawn);
    let is_timeline = move || ctx.layout.get() == Layout::Timeline;
    view! {
        <section class="roadmap" aria-labelledby="roadmap-title" node_ref=section>
            <h2 id="roadmap-title" class="visually-hidden">{tr(i, K::Measures)}</h2>
            <filters::FilterBar/>
            <WithdrawnNote/>
            <toolbar::Toolbar/>
            <Show when=is_timeline><legend::Legend/></Show>
            {move || match ctx.layout.get() {
                Layout::Timeline => view! { <timeline::Timeline/> }.into_any(),
                Layout::List => view! { <cards::Cards/> }.into_any(),
                Layout::Table => view! { <table::RoadmapTable/> }.into_any(),
            }}
        </section>
    }
}

/// Marks the first roadmap paint for the benchmark (once, in the frame after it was drawn).
fn mark_first_paint(drawn: Memo<Option<Arc<Drawn>>>) {
    Effect::new(move |done: Option<bool>| {
        if done == Some(true) || drawn.with(Option::is_none) {
            return done.unwrap_or(false);
        }
        request_animation_frame(|| {
            if let Some(p) = window().performance() {
                let _ = p.mark("veikart:first-roadmap-paint");
            }
        });
        true
    });
}
