//! Any byte string through `load` (parse + validate) must give `Ok` or a `LoadError`, never a
//! panic; a usable feed must also survive what the views compute from it.
#![no_main]

use libfuzzer_sys::fuzz_target;
use veikart_domain::date::Ymd;
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
        }
    }
});
