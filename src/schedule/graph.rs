//! The dependency network in petgraph: what waits for what, groups included.
//!
//! A task or milestone is one node. A group is two: its *gate*, which its own dependencies
//! point into and which every child waits for (so that a group's dependencies constrain all of
//! its children), and its *span*, which waits for every child (so that a dependency on a group
//! is a dependency on the span of its children). Edges run from what comes first to what waits.

use super::Shape;
use super::cpm::Inputs;
use crate::model::DependencyKind;
use petgraph::Direction;
use petgraph::algo::kosaraju_scc;
use petgraph::graph::{DiGraph, EdgeIndex, NodeIndex};

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
    /// lag).
    Dependency {
        kind: DependencyKind,
        lag: i32,
        holder: usize,
    },
    /// A group's gate to one of its children (a child's leaf or gate).
    Enter,
    /// A child (its leaf or span) to its group's span.
    Exit,
    /// A group's gate to its own span, which places an empty group.
    Open,
}

/// The network of a plan, with a topological order of every node not on a cycle.
#[derive(Clone, Debug)]
pub(crate) struct Network {
    /// The graph.
    pub graph: DiGraph<Node, Link, u32>,
    /// Whether each node lies on a cycle (such nodes get no dates).
    pub cyclic: Vec<bool>,
    /// Every node not on a cycle, each after everything it waits for.
    pub order: Vec<NodeIndex>,
}

impl Network {
    /// Builds the network from the flattened plan. Dependencies and parents naming missing
    /// activities are already left out (`check` reports them); a parent that is not a group
    /// is ignored.
    pub(crate) fn new(inputs: &Inputs) -> Network {
        let n = inputs.acts.len();
        // Exactly what is added below: a gate and a span per group with the edge between
        // them, an enter and an exit edge per member of a group, one edge per dependency. A
        // short estimate doubles the edge list as it grows, which on a large plan is the
        // largest allocation of the whole open (18 MB at 100,000 activities).
        let group = |i: usize| inputs.acts[i].shape == Shape::Group;
        let groups = (0..n).filter(|&i| group(i)).count();
        let members = inputs
            .parent
            .iter()
            .filter(|p| p.is_some_and(|p| group(p as usize)))
            .count();
        let mut graph =
            DiGraph::with_capacity(n + groups, groups + 2 * members + inputs.deps.len());
        let mut entry = Vec::with_capacity(n);
        let mut exit = Vec::with_capacity(n);
        for (i, a) in inputs.acts.iter().enumerate() {
            if a.shape == Shape::Group {
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
        for (i, p) in inputs.parent.iter().enumerate() {
            if let Some(p) = p.map(|p| p as usize)
                && inputs.acts[p].shape == Shape::Group
            {
                graph.add_edge(entry[p], entry[i], Link::Enter);
                graph.add_edge(exit[i], exit[p], Link::Exit);
            }
        }
        for d in &inputs.deps {
            let link = Link::Dependency {
                kind: d.kind,
                lag: d.lag,
                holder: d.holder as usize,
            };
            graph.add_edge(exit[d.pred as usize], entry[d.holder as usize], link);
        }
        // Cycles are rare: order everything first, and look for cycles only when some node
        // could not be ordered.
        let mut cyclic = vec![false; graph.node_count()];
        let mut order = topological_order(&graph, &cyclic);
        if order.len() < graph.node_count() {
            cyclic = cyclic_nodes(&graph);
            order = topological_order(&graph, &cyclic);
        }
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
    // A stack rather than a queue: following a chain as far as it goes keeps each step near
    // the one before in memory, which matters for plans of a hundred thousand activities.
    let mut ready: Vec<NodeIndex> = graph
        .node_indices()
        .rev()
        .filter(|n| !cyclic[n.index()] && waiting[n.index()] == 0)
        .collect();
    let mut order = Vec::with_capacity(graph.node_count());
    while let Some(n) = ready.pop() {
        order.push(n);
        for m in graph.neighbors_directed(n, Direction::Outgoing) {
            let m_i = m.index();
            if cyclic[m_i] {
                continue;
            }
            // A node appears once per parallel edge among neighbours, matching `waiting`.
            waiting[m_i] = waiting[m_i].saturating_sub(1);
            if waiting[m_i] == 0 {
                ready.push(m);
            }
        }
    }
    order
}
