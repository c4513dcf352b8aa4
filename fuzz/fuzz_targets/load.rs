//! Any byte string through `load` (parse + validate) must give `Ok` or a `LoadError`, never a
//! panic; a usable feed must also survive what the views compute from it. Schema 1.1 (issue 16):
//! priority lists, terms, standing, seasons and undated phases, and the comparison of the feed
//! with itself (no change) and with its 1.0 view (no 1.1 field) are exercised too.
#![no_main]

use libfuzzer_sys::fuzz_target;
use veikart_domain::date::{label, Ymd};
use veikart_domain::diff::{diff, ghosts};
use veikart_domain::validate::validate_against_previous;
use veikart_domain::Lang;
use veikart_domain::graph::{graph_layout, DepGraph};
use veikart_domain::roadmap::{lanes, Grouping};
use veikart_domain::timeline::{bars, markers, Scale, Zoom};
use veikart_domain::validate::load;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    match load(text, 1 << 20) {
        Err(e) => assert!(!e.to_string().is_empty()),
        Ok(loaded) => {
            for issue in &loaded.issues {
                assert!(issue.pointer.starts_with('/'), "{issue}");
                assert!(!issue.to_string().is_empty());
            }
            if !loaded.is_usable() {
                return;
            }
            let feed = &loaded.feed;
            let all: Vec<usize> = (0..feed.measures.len()).collect();
            for g in [Grouping::Goal, Grouping::Owner, Grouping::ActorGroup, Grouping::Priority] {
                let _ = lanes(feed, g, &all);
            }
            let scale = Scale::for_feed(feed, Ymd::new(2026, 11, 23).unwrap(), Zoom::Years);
            for m in &feed.measures {
                let _ = bars(m, &scale);
                let _ = markers(m, &scale);
            }
            let _ = DepGraph::from_feed(feed).cycles();
            let _ = graph_layout(feed);
            // Schema 1.1.
            for l in feed.priority_lists() {
                assert!(l.items.windows(2).all(|w| w[0].rank <= w[1].rank));
            }
            let terms = feed.terms();
            for g in &feed.goals {
                assert!(feed.goal_label(g, Lang::Nb).starts_with(terms.goal_singular.get(Lang::Nb)));
            }
            let fine = |d: Ymd, _| d.to_string();
            for m in &feed.measures {
                let _ = feed.standing_of(m);
                for p in &m.phases {
                    let _ = label(&p.start, Lang::Nn, &fine);
                }
                for ms in &m.milestones {
                    let _ = label(&ms.date, Lang::En, &fine);
                }
                assert!(ghosts(m, m, &scale).is_empty());
            }
            assert!(diff(feed, feed).changes.is_empty(), "a feed differs from itself");
            let _ = validate_against_previous(feed, feed);
        }
    }
});
