//! The backward pass, and the entries that come out of both passes.
//!
//! The same walk, in reverse topological order, answers two questions. With `late` set it
//! pushes each activity's *latest* moments back to what it waits for, starting from the plan
//! finish: that gives latest dates and total slack. Without it, it pushes each activity's
//! *early* moments back: how late a predecessor could be without moving any successor, which
//! is free slack.

use super::calendar::{Calendars, Day};
use super::cpm::{A, Act, F, Forward, INF, P, Points, S, bounds_start, reads_start};
use super::graph::{Link, Network, Node};
use super::{Dates, Entry};
use crate::model::DependencyKind;

/// The moment just after the plan finish (the latest early finish), or `None` if nothing is
/// scheduled.
fn finish_moment(net: &Network, fwd: &Forward) -> Option<Day> {
    net.order
        .iter()
        .filter(|n| matches!(net.graph[**n], Node::Leaf(_) | Node::Span(_)))
        .map(|n| fwd.last[net.graph[*n].activity()] + 1)
        .max()
}

fn lower(slot: &mut Day, v: Day) {
    *slot = (*slot).min(v);
}

/// Runs the backward walk; returns, per activity, the latest start ordinal the bounds allow
/// (compare with `Forward::ord` for slack).
pub(super) fn run(
    net: &Network,
    cals: &Calendars,
    acts: &[Act],
    fwd: &Forward,
    late: bool,
) -> Vec<i64> {
    // Leaves and spans: upper bounds on their start and finish moments. Gates: the least
    // moments of their members, by the same index as the gate's own bounds ([`S`] for task
    // starts, [`F`] for every finish, [`P`] and [`A`] for milestone finishes and starts).
    let mut ub = vec![[INF; 4]; net.graph.node_count()];
    let mut out = vec![0; acts.len()];
    let end = finish_moment(net, fwd).unwrap_or(INF);
    for &node in net.order.iter().rev() {
        let here = ub[node.index()];
        let (y, point) = match net.graph[node] {
            Node::Leaf(i) => {
                let a = &acts[i];
                let cal = cals.get(a.cal);
                let (lsb, lfb) = (here[S], here[F].min(end));
                let n = a.days;
                let ls = (cal.ord(lsb.saturating_add(1)) - 1).min(cal.ord(lfb) - n);
                out[i] = ls;
                let early = fwd.points[node.index()];
                let y = if !late {
                    early
                } else if a.fixed.is_some() {
                    // A fixed activity cannot move later than written.
                    let latest = [cal.nth(ls), cal.nth(ls + n - 1) + 1, INF, INF];
                    [latest[S].min(early[S]), latest[F].min(early[F]), INF, INF]
                } else {
                    [cal.nth(ls), cal.nth(ls + n - 1) + 1, INF, INF]
                };
                (y, a.point)
            }
            Node::Gate(_) => (here, false),
            Node::Span(_) => {
                push_span(net, fwd, node, here, &mut ub);
                continue;
            }
        };
        let gate = matches!(net.graph[node], Node::Gate(_));
        for (_, src, link) in net.incoming(node) {
            if net.cyclic[src.index()] {
                continue;
            }
            let s = src.index();
            match link {
                Link::Dependency { kind, lag, holder } => {
                    let cal = cals.get(acts[holder].cal);
                    let lag = i64::from(lag);
                    let limit = |y: Day, start: bool| {
                        if y >= INF {
                            INF
                        } else if start {
                            cal.latest_before_start(y, lag)
                        } else {
                            cal.latest_before_finish(y, lag)
                        }
                    };
                    // The inverse of the bounds the forward pass drew from this dependency.
                    let x = match kind {
                        DependencyKind::FinishToStart if gate => {
                            limit(y[S], true).min(limit(y[P], false))
                        }
                        DependencyKind::StartToStart if gate => {
                            limit(y[S], true).min(limit(y[A], true))
                        }
                        _ if bounds_start(kind, point) => limit(y[S], true),
                        _ => limit(y[F], false),
                    };
                    let side = if reads_start(kind) { S } else { F };
                    lower(&mut ub[s][side], x);
                }
                Link::Enter if gate => {
                    for k in 0..4 {
                        lower(&mut ub[s][k], y[k]);
                    }
                }
                Link::Enter if point => {
                    lower(&mut ub[s][A], y[S]);
                    lower(&mut ub[s][P], y[F]);
                    lower(&mut ub[s][F], y[F]);
                }
                Link::Enter => {
                    lower(&mut ub[s][S], y[S]);
                    lower(&mut ub[s][F], y[F]);
                }
                Link::Exit | Link::Open => {}
            }
        }
    }
    out
}

/// Passes a group's bounds to its children: every child must finish by the group's latest
/// finish, and a bound on the group's start moves each child by as much as the group.
fn push_span(
    net: &Network,
    fwd: &Forward,
    node: petgraph::graph::NodeIndex,
    here: Points,
    ub: &mut [Points],
) {
    let span_start = fwd.points[node.index()][S];
    for (_, src, link) in net.incoming(node) {
        if net.cyclic[src.index()] || link != Link::Exit {
            continue;
        }
        let s = src.index();
        lower(&mut ub[s][F], here[F]);
        if here[S] < INF {
            let offset = fwd.points[s][S] - span_start;
            lower(&mut ub[s][S], here[S] + offset);
        }
    }
}

/// The entry of every activity from both passes: `late` and `free` are what [`run`] returned
/// with and without `late`.
pub(super) fn entries(
    net: &Network,
    cals: &Calendars,
    acts: &[Act],
    fwd: &Forward,
    late: &[i64],
    free: &[i64],
) -> Vec<Entry> {
    let mut out: Vec<Entry> = acts
        .iter()
        .map(|act| Entry {
            shape: act.shape,
            cancelled: act.cancelled,
            fixed: act.fixed.is_some(),
            calendar: cals.id(act.cal).map(|_| act.cal),
            dates: None,
        })
        .collect();
    for &node in &net.order {
        match net.graph[node] {
            Node::Leaf(i) => {
                let a = &acts[i];
                let cal = cals.get(a.cal);
                let (first, last) = (fwd.first[i], fwd.last[i]);
                let n = a.days;
                let ls = cal.nth(late[i]);
                let (ls, lf) = if a.point {
                    (ls, ls)
                } else {
                    (ls, cal.nth(late[i] + n - 1).max(ls))
                };
                let total = late[i] - fwd.ord[i];
                out[i].dates = Some(Dates {
                    early_start: super::calendar::date(first),
                    early_finish: super::calendar::date(last),
                    late_start: super::calendar::date(ls),
                    late_finish: super::calendar::date(lf),
                    duration: if a.point { 0 } else { n },
                    total_slack: total,
                    free_slack: (free[i] - fwd.ord[i]).min(total),
                    critical: !a.cancelled && total <= 0,
                });
            }
            Node::Span(g) => out[g].dates = Some(group_dates(net, cals, acts, fwd, node, g, &out)),
            Node::Gate(_) => {}
        }
    }
    out
}

/// A group's dates: its span, the latest dates of its children, and their least slack.
/// A group with no scheduled child keeps its early dates as its latest, with no slack.
fn group_dates(
    net: &Network,
    cals: &Calendars,
    acts: &[Act],
    fwd: &Forward,
    node: petgraph::graph::NodeIndex,
    g: usize,
    out: &[Entry],
) -> Dates {
    let (first, last) = (fwd.first[g], fwd.last[g]);
    let cal = cals.get(acts[g].cal);
    let early_start = super::calendar::date(first);
    let early_finish = super::calendar::date(last);
    let mut late: Option<(chrono::NaiveDate, chrono::NaiveDate)> = None;
    let mut slack: Option<(i64, i64)> = None;
    let mut critical = false;
    for (_, src, link) in net.incoming(node) {
        if link != Link::Exit || net.cyclic[src.index()] {
            continue;
        }
        let c = net.graph[src].activity();
        let Some(cd) = out[c].dates else { continue };
        late = Some(match late {
            Some((s, f)) => (s.min(cd.late_start), f.max(cd.late_finish)),
            None => (cd.late_start, cd.late_finish),
        });
        if out[c].cancelled {
            continue;
        }
        slack = Some(match slack {
            Some((t, f)) => (t.min(cd.total_slack), f.min(cd.free_slack)),
            None => (cd.total_slack, cd.free_slack),
        });
        critical |= cd.critical;
    }
    let (late_start, late_finish) = late.unwrap_or((early_start, early_finish));
    let (total_slack, free_slack) = slack.unwrap_or((0, 0));
    Dates {
        early_start,
        early_finish,
        late_start,
        late_finish,
        duration: if late.is_some() {
            (cal.ord(last + 1) - cal.ord(first)).max(0)
        } else {
            0
        },
        total_slack,
        free_slack,
        critical,
    }
}
