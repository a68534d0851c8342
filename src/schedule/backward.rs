//! The backward pass, and the entries that come out of both passes.
//!
//! The same walk, in reverse topological order, answers two questions. With `late` set it
//! pushes each activity's *latest* moments back to what it waits for, starting from the plan
//! finish: that gives latest dates and total slack. Without it, it pushes each activity's
//! *early* moments back: how late a predecessor could be without moving any successor, which
//! is free slack.

use super::calendar::{Calendars, Day, WorkCalendar};
use super::cpm::{Act, Forward, INF, Points, bounds_start, reads_start};
use super::graph::{Link, Network, Node};
use super::{Dates, Entry};

/// The working days a leaf takes: its duration, or the working days between fixed dates.
fn leaf_days(a: &Act, cal: &WorkCalendar, fwd: &Forward, i: usize) -> i64 {
    match a.fixed {
        Some(_) if !a.point => cal.ord(fwd.last[i] + 1) - fwd.ord[i],
        _ => a.days,
    }
}

/// The point just after the plan finish (the latest early finish), or `None` if nothing is
/// scheduled.
fn finish_point(net: &Network, fwd: &Forward) -> Option<Day> {
    net.order
        .iter()
        .filter(|n| matches!(net.graph[**n], Node::Leaf(_) | Node::Span(_)))
        .map(|n| fwd.last[net.graph[*n].activity()] + 1)
        .max()
}

fn lower(slot: &mut Day, v: Day) {
    *slot = (*slot).min(v);
}

/// Runs the backward walk; returns, per activity, the latest ordinal of its start (of its
/// moment for a milestone) that the bounds allow. Compare with `Forward::ord` for slack.
pub(super) fn run(
    net: &Network,
    cals: &Calendars,
    acts: &[Act],
    fwd: &Forward,
    late: bool,
) -> Vec<i64> {
    let nodes = net.graph.node_count();
    let inf = Points {
        start: INF,
        finish: INF,
        point: INF,
    };
    // Leaves and spans: upper bounds on their start and finish. Gates: the least moments of
    // their members, which bound what the gate's own dependencies may allow.
    let mut ub = vec![inf; nodes];
    let mut out = vec![0; acts.len()];
    let end = finish_point(net, fwd).unwrap_or(INF);
    for &node in net.order.iter().rev() {
        let here = ub[node.index()];
        let y = match net.graph[node] {
            Node::Leaf(i) => {
                let a = &acts[i];
                let cal = cals.get(a.cal);
                let (lsb, lfb) = (here.start, here.finish.min(end));
                let early = fwd.points[node.index()];
                let (k, mut y) = if a.point {
                    let lf = cal.ord(lsb.min(lfb));
                    let p = cal.nth(lf - 1) + 1;
                    let y = Points {
                        start: p,
                        finish: p,
                        point: p,
                    };
                    (lf, y)
                } else {
                    let n = leaf_days(a, cal, fwd, i);
                    let ls = (cal.ord(lsb.saturating_add(1)) - 1).min(cal.ord(lfb) - n);
                    let y = Points {
                        start: cal.nth(ls),
                        finish: cal.nth(ls + n - 1) + 1,
                        point: INF,
                    };
                    (ls, y)
                };
                out[i] = k;
                if !late {
                    y = early;
                } else if a.fixed.is_some() {
                    // A fixed activity cannot move later than written.
                    y.start = y.start.min(early.start);
                    y.finish = y.finish.min(early.finish);
                    if a.point {
                        y.point = y.point.min(early.point);
                    }
                }
                y
            }
            Node::Gate(_) => here,
            Node::Span(_) => {
                push_span(net, fwd, node, here, &mut ub);
                continue;
            }
        };
        let is_point = matches!(net.graph[node], Node::Leaf(i) if acts[i].point);
        for (_, src, link) in net.incoming(node) {
            if net.cyclic[src.index()] {
                continue;
            }
            let s = src.index();
            match link {
                Link::Dependency {
                    kind, lag, holder, ..
                } => {
                    let cal = cals.get(acts[holder].cal);
                    let lag = i64::from(lag);
                    let gate = matches!(net.graph[node], Node::Gate(_));
                    let limit = |y: Day, start: bool| {
                        if y >= INF {
                            INF
                        } else if start {
                            cal.latest_before_start(y, lag)
                        } else {
                            cal.latest_before_finish(y, lag)
                        }
                    };
                    let x = if is_point {
                        limit(y.point, false)
                    } else if bounds_start(kind) && gate {
                        limit(y.start, true).min(limit(y.point, false))
                    } else if bounds_start(kind) {
                        limit(y.start, true)
                    } else {
                        limit(y.finish, false)
                    };
                    if reads_start(kind) {
                        lower(&mut ub[s].start, x);
                    } else {
                        lower(&mut ub[s].finish, x);
                    }
                }
                Link::Enter if is_point => {
                    lower(&mut ub[s].point, y.point);
                    lower(&mut ub[s].finish, y.point);
                }
                Link::Enter => {
                    lower(&mut ub[s].start, y.start);
                    lower(&mut ub[s].finish, y.finish);
                    // Only a gate passes on a bound for milestones; a task has none.
                    if matches!(net.graph[node], Node::Gate(_)) {
                        lower(&mut ub[s].point, y.point);
                    }
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
    let span_start = fwd.points[node.index()].start;
    for (_, src, link) in net.incoming(node) {
        if net.cyclic[src.index()] || link != Link::Exit {
            continue;
        }
        let s = src.index();
        lower(&mut ub[s].finish, here.finish);
        if here.start < INF {
            let offset = fwd.points[s].start - span_start;
            lower(&mut ub[s].start, here.start + offset);
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
                let n = if a.point {
                    0
                } else {
                    leaf_days(a, cal, fwd, i)
                };
                let (ls, lf) = if a.point {
                    let d = cal.nth(late[i] - 1);
                    (d, d)
                } else {
                    let ls = cal.nth(late[i]);
                    (ls, cal.nth(late[i] + n - 1).max(ls))
                };
                let total = late[i] - fwd.ord[i];
                out[i].dates = Some(Dates {
                    early_start: super::calendar::date(first),
                    early_finish: super::calendar::date(last),
                    late_start: super::calendar::date(ls),
                    late_finish: super::calendar::date(lf),
                    duration: n,
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
