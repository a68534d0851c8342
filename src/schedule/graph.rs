//! The dependency network in petgraph: what waits for what, groups included.
//!
//! A task or milestone is one node. A group is two: its *gate*, which its own dependencies
//! point into and which every child waits for (so that a group's dependencies constrain all of
//! its children), and its *span*, which waits for every child (so that a dependency on a group
//! is a dependency on the span of its children). Edges run from what comes first to what waits.

use crate::model::{ActivityKind, DependencyKind, Plan};
use petgraph::Direction;
use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};
use std::collections::VecDeque;

/// What a node stands for; the number is the activity's position in the plan's id order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Node {
    /// A task or milestone.
    Leaf(usize),
    /// The gate of a group: the constraints its children inherit.
    Gate(usize),
    /// The span of a group: from its first child's start to its last child's finish.
    Span(usize),
}

impl Node {
    /// The activity the node belongs to.
    pub(crate) fn activity(self) -> usize {
        match self {
            Node::Leaf(i) | Node::Gate(i) | Node::Span(i) => i,
        }
    }
}

/// Why one node waits for another.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Link {
    /// A dependency written in the plan, held by activity `holder` (whose calendar counts the
    /// lag); `index` is its position in the holder's `dependencies`.
    Dependency {
        kind: DependencyKind,
        lag: i32,
        holder: usize,
        index: usize,
    },
    /// A group's gate to one of its children (a child's leaf or gate).
    Enter,
    /// A child (its leaf or span) to its group's span.
    Exit,
    /// A group's gate to its own span, which places an empty group.
    Open,
}

/// The network of a plan, with a topological order of every node not on a cycle.
#[derive(Debug)]
pub(crate) struct Network {
    /// The graph.
    pub graph: DiGraph<Node, Link, u32>,
    /// Whether each node lies on a cycle (such nodes get no dates).
    pub cyclic: Vec<bool>,
    /// Every node not on a cycle, each after everything it waits for.
    pub order: Vec<NodeIndex>,
}

/// Whether an activity of this kind is scheduled as a group.
fn is_group(kind: ActivityKind) -> bool {
    kind == ActivityKind::Group
}

impl Network {
    /// Builds the network of `plan`. Dependencies and parents naming missing activities are
    /// left out (`check` reports them); a parent that is not a group is ignored.
    pub(crate) fn new(plan: &Plan) -> Network {
        let ids: Vec<&str> = plan.activities.keys().map(|id| id.as_str()).collect();
        let position = |id: &str| ids.binary_search(&id).ok();
        let n = ids.len();
        let mut graph = DiGraph::with_capacity(n + n / 8, n * 2);
        let mut entry = Vec::with_capacity(n);
        let mut exit = Vec::with_capacity(n);
        let kinds: Vec<ActivityKind> = plan.activities.values().map(|a| a.kind).collect();
        for (i, kind) in kinds.iter().enumerate() {
            if is_group(*kind) {
                let gate = graph.add_node(Node::Gate(i));
                let span = graph.add_node(Node::Span(i));
                graph.add_edge(gate, span, Link::Open);
                entry.push(gate);
                exit.push(span);
            } else {
                let leaf = graph.add_node(Node::Leaf(i));
                entry.push(leaf);
                exit.push(leaf);
            }
        }
        for (i, a) in plan.activities.values().enumerate() {
            if let Some(p) = a.parent.as_ref().and_then(|p| position(p.as_str()))
                && is_group(kinds[p])
            {
                graph.add_edge(entry[p], entry[i], Link::Enter);
                graph.add_edge(exit[i], exit[p], Link::Exit);
            }
            for (index, d) in a.dependencies.iter().enumerate() {
                if let Some(p) = position(d.activity.as_str()) {
                    let link = Link::Dependency {
                        kind: d.kind,
                        lag: d.lag,
                        holder: i,
                        index,
                    };
                    graph.add_edge(exit[p], entry[i], link);
                }
            }
        }
        let cyclic = cyclic_nodes(&graph);
        let order = topological_order(&graph, &cyclic);
        Network {
            graph,
            cyclic,
            order,
        }
    }

    /// The edges into `node`, with their source.
    pub(crate) fn incoming(
        &self,
        node: NodeIndex,
    ) -> impl Iterator<Item = (EdgeIndex, NodeIndex, Link)> + '_ {
        use petgraph::visit::EdgeRef;
        self.graph
            .edges_directed(node, Direction::Incoming)
            .map(|e| (e.id(), e.source(), *e.weight()))
    }

    /// The edges out of `node`, with their target.
    pub(crate) fn outgoing(
        &self,
        node: NodeIndex,
    ) -> impl Iterator<Item = (EdgeIndex, NodeIndex, Link)> + '_ {
        use petgraph::visit::EdgeRef;
        self.graph
            .edges_directed(node, Direction::Outgoing)
            .map(|e| (e.id(), e.target(), *e.weight()))
    }

    /// Whether any node lies on a cycle.
    pub(crate) fn has_cycles(&self) -> bool {
        self.cyclic.iter().any(|c| *c)
    }

    /// The strongly connected components with a cycle, as node lists.
    pub(crate) fn cyclic_components(&self) -> Vec<Vec<NodeIndex>> {
        kosaraju_scc(&self.graph)
            .into_iter()
            .filter(|scc| scc.iter().any(|n| self.cyclic[n.index()]))
            .collect()
    }
}

/// Marks every node that lies on a cycle (a component of two or more, or a self-loop).
/// Kosaraju's algorithm in petgraph is iterative, so a long chain cannot exhaust the stack.
fn cyclic_nodes(graph: &DiGraph<Node, Link, u32>) -> Vec<bool> {
    let mut cyclic = vec![false; graph.node_count()];
    for scc in kosaraju_scc(graph) {
        let on_cycle = scc.len() > 1 || graph.contains_edge(scc[0], scc[0]);
        if on_cycle {
            for n in scc {
                cyclic[n.index()] = true;
            }
        }
    }
    cyclic
}

/// Kahn's algorithm over the nodes not on a cycle: what remains once cycles are taken out is
/// acyclic, so every such node is ordered, including those downstream of a cycle.
fn topological_order(graph: &DiGraph<Node, Link, u32>, cyclic: &[bool]) -> Vec<NodeIndex> {
    let mut waiting = vec![0u32; graph.node_count()];
    for e in graph.raw_edges() {
        if !cyclic[e.source().index()] && !cyclic[e.target().index()] {
            waiting[e.target().index()] += 1;
        }
    }
    let mut ready: VecDeque<NodeIndex> = graph
        .node_indices()
        .filter(|n| !cyclic[n.index()] && waiting[n.index()] == 0)
        .collect();
    let mut order = Vec::with_capacity(graph.node_count());
    while let Some(n) = ready.pop_front() {
        order.push(n);
        for m in graph.neighbors_directed(n, Direction::Outgoing) {
            let m_i = m.index();
            if cyclic[m_i] {
                continue;
            }
            // A node appears once per parallel edge among neighbours, matching `waiting`.
            waiting[m_i] = waiting[m_i].saturating_sub(1);
            if waiting[m_i] == 0 {
                ready.push_back(m);
            }
        }
    }
    order
}
