//! The dependency graph: prerequisites, dependents, and cycles (reported, never looped over).

use std::collections::{BTreeMap, BTreeSet};

use crate::model::{Dependency, Feed};

/// Directed edges "from depends on to", indexed both ways. Node ids are measure or component ids.
#[derive(Clone, Debug, Default)]
pub struct DepGraph {
    /// id → ids it depends on (its prerequisites), with the dependency index.
    pub prerequisites: BTreeMap<String, Vec<(String, usize)>>,
    /// id → ids that depend on it.
    pub dependents: BTreeMap<String, Vec<(String, usize)>>,
}

impl DepGraph {
    /// Builds the graph from all dependencies (`ordering_only` keeps requires/builds-on only).
    pub fn new(deps: &[Dependency], ordering_only: bool) -> DepGraph {
        let mut g = DepGraph::default();
        for (i, d) in deps.iter().enumerate() {
            if ordering_only && !d.kind.is_ordering() {
                continue;
            }
            g.prerequisites
                .entry(d.from.clone())
                .or_default()
                .push((d.to.clone(), i));
            g.dependents
                .entry(d.to.clone())
                .or_default()
                .push((d.from.clone(), i));
        }
        g
    }

    pub fn from_feed(feed: &Feed) -> DepGraph {
        DepGraph::new(&feed.dependencies, false)
    }

    fn closure(map: &BTreeMap<String, Vec<(String, usize)>>, start: &str) -> BTreeSet<String> {
        let mut seen = BTreeSet::new();
        let mut stack = vec![start.to_string()];
        while let Some(n) = stack.pop() {
            for (m, _) in map.get(&n).map(Vec::as_slice).unwrap_or(&[]) {
                if m != start && seen.insert(m.clone()) {
                    stack.push(m.clone());
                }
            }
        }
        seen
    }

    /// Everything `id` depends on, directly or indirectly. Terminates on cycles.
    pub fn upstream(&self, id: &str) -> BTreeSet<String> {
        Self::closure(&self.prerequisites, id)
    }

    /// Everything that depends on `id`, directly or indirectly. Terminates on cycles.
    pub fn downstream(&self, id: &str) -> BTreeSet<String> {
        Self::closure(&self.dependents, id)
    }

    /// Every elementary cycle found by a depth-first search, each as the list of ids along it
    /// (first id not repeated), each reported once (rotated to start at its smallest id).
    pub fn cycles(&self) -> Vec<Vec<String>> {
        #[derive(Clone, Copy, PartialEq)]
        enum Mark {
            New,
            OnStack,
            Done,
        }
        let nodes: BTreeSet<&String> = self
            .prerequisites
            .keys()
            .chain(self.dependents.keys())
            .collect();
        let mut mark: BTreeMap<&str, Mark> =
            nodes.iter().map(|n| (n.as_str(), Mark::New)).collect();
        let mut found: BTreeSet<Vec<String>> = BTreeSet::new();
        for &root in &nodes {
            if mark[root.as_str()] != Mark::New {
                continue;
            }
            // Iterative DFS: stack of (node, next child index); `path` mirrors the stack.
            let mut stack: Vec<(&str, usize)> = vec![(root.as_str(), 0)];
            let mut path: Vec<&str> = vec![root.as_str()];
            mark.insert(root.as_str(), Mark::OnStack);
            while let Some(&mut (node, ref mut next)) = stack.last_mut() {
                let children = self
                    .prerequisites
                    .get(node)
                    .map(Vec::as_slice)
                    .unwrap_or(&[]);
                if let Some((child, _)) = children.get(*next) {
                    *next += 1;
                    match mark.get(child.as_str()).copied().unwrap_or(Mark::Done) {
                        Mark::New => {
                            mark.insert(child.as_str(), Mark::OnStack);
                            stack.push((child.as_str(), 0));
                            path.push(child.as_str());
                        }
                        Mark::OnStack => {
                            let pos = path.iter().position(|p| *p == child.as_str()).unwrap_or(0);
                            let mut cyc: Vec<String> =
                                path[pos..].iter().map(|s| s.to_string()).collect();
                            let min = cyc
                                .iter()
                                .enumerate()
                                .min_by(|a, b| a.1.cmp(b.1))
                                .map(|(i, _)| i)
                                .unwrap_or(0);
                            cyc.rotate_left(min);
                            found.insert(cyc);
                        }
                        Mark::Done => {}
                    }
                } else {
                    mark.insert(node, Mark::Done);
                    stack.pop();
                    path.pop();
                }
            }
        }
        found.into_iter().collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::DependencyKind;

    fn dep(from: &str, to: &str, kind: DependencyKind) -> Dependency {
        Dependency {
            id: format!("{from}->{to}"),
            from: from.into(),
            to: to.into(),
            kind,
            critical: false,
            note: None,
            sources: vec![],
        }
    }

    #[test]
    fn closures_both_ways() {
        use DependencyKind::*;
        let deps = vec![
            dep("KI-2", "KI", BuildsOn),
            dep("KI", "kjernejournal", Requires),
            dep("PLL", "kjernejournal", Requires),
        ];
        let g = DepGraph::new(&deps, false);
        let up: Vec<_> = g.upstream("KI-2").into_iter().collect();
        assert_eq!(up, vec!["KI", "kjernejournal"]);
        let down: Vec<_> = g.downstream("kjernejournal").into_iter().collect();
        assert_eq!(down, vec!["KI", "KI-2", "PLL"]);
        assert!(g.cycles().is_empty());
    }

    #[test]
    fn finds_cycle_once_and_terminates() {
        use DependencyKind::*;
        let deps = vec![
            dep("A", "B", Requires),
            dep("B", "C", Requires),
            dep("C", "A", BuildsOn),
            dep("C", "D", Requires),
        ];
        let g = DepGraph::new(&deps, true);
        assert_eq!(
            g.cycles(),
            vec![vec!["A".to_string(), "B".into(), "C".into()]]
        );
        // closures terminate and exclude the start node
        assert_eq!(g.upstream("A").len(), 3);
        assert!(!g.upstream("A").contains("A"));
    }

    #[test]
    fn mutual_is_not_an_ordering_cycle() {
        use DependencyKind::*;
        let deps = vec![dep("A", "B", Mutual), dep("B", "A", Mutual)];
        assert!(DepGraph::new(&deps, true).cycles().is_empty());
        assert_eq!(DepGraph::new(&deps, false).cycles().len(), 1);
    }

    #[test]
    fn self_loop_is_a_cycle() {
        let deps = vec![dep("A", "A", DependencyKind::Requires)];
        assert_eq!(
            DepGraph::new(&deps, true).cycles(),
            vec![vec!["A".to_string()]]
        );
    }
}
