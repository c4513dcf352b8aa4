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
                .entry(d.from.to_string())
                .or_default()
                .push((d.to.to_string(), i));
            g.dependents
                .entry(d.to.to_string())
                .or_default()
                .push((d.from.to_string(), i));
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
        let nodes: BTreeSet<&String> =
            crate::sort::set_of(self.prerequisites.keys().chain(self.dependents.keys()));
        let mut mark: BTreeMap<&str, Mark> =
            crate::sort::map_of(nodes.iter().map(|n| (n.as_str(), Mark::New)));
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
            basis: Default::default(),
            basis_note: None,
            id: format!("{from}->{to}").into(),
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

/// What a node of the dependency-graph view stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NodeKind {
    Measure,
    Component,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GraphNode {
    pub id: String,
    pub kind: NodeKind,
    /// Column: 0 holds nodes that depend on nothing; a node sits right of all its prerequisites
    /// (except along a cycle, which is cut).
    pub layer: usize,
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GraphEdge {
    /// Index into `feed.dependencies`.
    pub dependency: usize,
    pub path: String,
    pub critical: bool,
}

#[derive(Clone, Debug, Default, PartialEq)]
pub struct GraphLayout {
    pub nodes: Vec<GraphNode>,
    pub edges: Vec<GraphEdge>,
    pub width: f64,
    pub height: f64,
}

pub const NODE_W: f64 = 200.0;
pub const NODE_H: f64 = 44.0;
const COL_GAP: f64 = 90.0;
const ROW_GAP: f64 = 18.0;
const PAD: f64 = 16.0;

/// Lays out every measure and component that takes part in a dependency: prerequisites to the
/// left, dependents to the right (longest-path layering, cycles cut), nodes in a column ordered
/// by the mean position of their prerequisites to reduce crossings.
pub fn graph_layout(feed: &Feed) -> GraphLayout {
    let is_component = |id: &str| feed.components.iter().any(|c| c.id == id);
    let exists = |id: &str| is_component(id) || feed.measures.iter().any(|m| m.id == id);
    let mut ids: Vec<&str> = Vec::new();
    for d in &feed.dependencies {
        for id in [d.to.as_str(), d.from.as_str()] {
            if exists(id) && !ids.contains(&id) {
                ids.push(id);
            }
        }
    }
    let idx = |id: &str| ids.iter().position(|x| *x == id);
    let edges: Vec<(usize, usize, usize)> = feed
        .dependencies
        .iter()
        .enumerate()
        .filter_map(|(i, d)| Some((idx(&d.to)?, idx(&d.from)?, i)))
        .filter(|(a, b, _)| a != b)
        .collect();
    // Longest path, relaxed at most n times so a cycle cannot loop forever.
    let n = ids.len();
    let mut layer = vec![0usize; n];
    for _ in 0..n {
        let mut changed = false;
        for &(pre, dep, _) in &edges {
            if layer[dep] < layer[pre] + 1 && layer[pre] + 1 < n {
                layer[dep] = layer[pre] + 1;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    let columns = layer.iter().copied().max().map(|m| m + 1).unwrap_or(0);
    let mut order: Vec<Vec<usize>> = vec![Vec::new(); columns];
    // Components first in the first column, then measures; stable by feed order.
    let mut by_kind: Vec<usize> = (0..n).collect();
    crate::sort::sort_by_key(&mut by_kind, |&i| (!is_component(ids[i]), i));
    for i in by_kind {
        order[layer[i]].push(i);
    }
    let mut pos = vec![0.0f64; n];
    for col in order.iter_mut() {
        let bary = |i: usize| {
            let ps: Vec<f64> = edges
                .iter()
                .filter(|(_, d, _)| *d == i)
                .map(|(p, _, _)| pos[*p])
                .collect();
            if ps.is_empty() {
                f64::MAX
            } else {
                ps.iter().sum::<f64>() / ps.len() as f64
            }
        };
        let mut keyed: Vec<(f64, usize)> = col.iter().map(|&i| (bary(i), i)).collect();
        crate::sort::sort_by(&mut keyed, |a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
        *col = keyed.into_iter().map(|(_, i)| i).collect();
        for (r, &i) in col.iter().enumerate() {
            pos[i] = r as f64;
        }
    }
    let rows = order.iter().map(Vec::len).max().unwrap_or(0);
    let mut nodes = Vec::with_capacity(n);
    let mut xy = vec![(0.0, 0.0); n];
    for (c, col) in order.iter().enumerate() {
        for (r, &i) in col.iter().enumerate() {
            let x = PAD + c as f64 * (NODE_W + COL_GAP);
            let y = PAD + r as f64 * (NODE_H + ROW_GAP);
            xy[i] = (x, y);
            nodes.push(GraphNode {
                id: ids[i].to_string(),
                kind: if is_component(ids[i]) {
                    NodeKind::Component
                } else {
                    NodeKind::Measure
                },
                layer: c,
                x,
                y,
            });
        }
    }
    let edges = edges
        .iter()
        .map(|&(pre, dep, di)| {
            let (x0, y0) = (xy[pre].0 + NODE_W, xy[pre].1 + NODE_H / 2.0);
            let (x1, y1) = (xy[dep].0, xy[dep].1 + NODE_H / 2.0);
            let path = if x1 > x0 {
                let mid = (x0 + x1) / 2.0;
                format!("M{x0:.1},{y0:.1} C{mid:.1},{y0:.1} {mid:.1},{y1:.1} {x1:.1},{y1:.1}")
            } else {
                // a back edge (cut cycle): loop below the nodes
                let below = y0.max(y1) + NODE_H;
                format!(
                    "M{x0:.1},{y0:.1} C{:.1},{below:.1} {:.1},{below:.1} {x1:.1},{y1:.1}",
                    x0 + 60.0,
                    x1 - 60.0
                )
            };
            GraphEdge {
                dependency: di,
                path,
                critical: feed.dependencies[di].critical,
            }
        })
        .collect();
    GraphLayout {
        nodes,
        edges,
        width: PAD * 2.0 + columns as f64 * NODE_W + columns.saturating_sub(1) as f64 * COL_GAP,
        height: PAD * 2.0 + rows as f64 * NODE_H + rows.saturating_sub(1) as f64 * ROW_GAP + NODE_H,
    }
}

#[cfg(test)]
mod layout_tests {
    use super::*;
    use crate::model::DependencyKind;

    fn minimal() -> Feed {
        crate::minimal_fixture()
    }

    #[test]
    fn prerequisites_sit_left_of_dependents() {
        let mut f = minimal();
        f.dependencies.push(Dependency {
            basis: Default::default(),
            basis_note: None,
            id: "d2".into(),
            from: "LM-1".into(),
            to: "PLL".into(),
            kind: DependencyKind::BuildsOn,
            critical: false,
            note: None,
            sources: vec![],
        });
        let g = graph_layout(&f);
        let node = |id: &str| g.nodes.iter().find(|n| n.id == id).unwrap();
        assert_eq!(node("kjernejournal").layer, 0);
        assert_eq!(node("kjernejournal").kind, NodeKind::Component);
        assert_eq!(node("PLL").layer, 1);
        assert_eq!(node("LM-1").layer, 2);
        assert!(node("PLL").x > node("kjernejournal").x);
        assert_eq!(g.edges.len(), 2);
        assert!(g.edges.iter().any(|e| e.critical));
        assert!(g.width >= 3.0 * NODE_W);
    }

    #[test]
    fn cycles_terminate_and_are_drawn() {
        let mut f = minimal();
        f.dependencies.push(Dependency {
            basis: Default::default(),
            basis_note: None,
            id: "back".into(),
            from: "kjernejournal".into(),
            to: "PLL".into(),
            kind: DependencyKind::Requires,
            critical: false,
            note: None,
            sources: vec![],
        });
        let g = graph_layout(&f);
        assert_eq!(g.nodes.len(), 2);
        assert_eq!(g.edges.len(), 2);
    }

    #[test]
    fn dangling_ends_are_left_out() {
        let mut f = minimal();
        f.dependencies[0].to = "nowhere".into();
        let g = graph_layout(&f);
        assert!(g.edges.is_empty());
        assert_eq!(g.nodes.len(), 1);
    }
}
