//! Where the plan stands on its status date: which activities are late, at risk or not
//! started when they should have been, and what each group's children add up to. The status
//! date is a parameter (`KHUTTA_TODAY` or the clock, read by the caller), never read here.

use super::{Entry, Schedule, Shape};
use crate::model::{Activity, ActivityKind, Amount, Currency, Id, Plan, Status};
use chrono::NaiveDate;
use std::collections::{BTreeMap, HashMap};

/// What is wrong with an activity's timing on the status date, worst first.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Flag {
    /// Its latest finish has passed and it is not done: the plan's finish moves.
    Late,
    /// Its planned (earliest) finish has passed and it is not done: it is eating its slack.
    AtRisk,
    /// Its planned start has passed and it has not started.
    StartedLate,
}

impl Flag {
    /// The message key of the flag's short name.
    pub fn key(self) -> &'static str {
        match self {
            Flag::Late => "flag-late",
            Flag::AtRisk => "flag-at-risk",
            Flag::StartedLate => "flag-started-late",
        }
    }
}

/// The flag of a task or milestone on `today`; groups are judged by their children, and
/// what is done, cancelled or on a cycle has none.
pub fn flag(a: &Activity, e: &Entry, today: NaiveDate) -> Option<Flag> {
    if e.cancelled || e.shape == Shape::Group || matches!(a.status, Status::Done) {
        return None;
    }
    let d = e.dates?;
    if d.late_finish < today {
        Some(Flag::Late)
    } else if d.early_finish < today {
        Some(Flag::AtRisk)
    } else if d.early_start < today && a.status == Status::Planned {
        Some(Flag::StartedLate)
    } else {
        None
    }
}

/// What a group's activities add up to.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Rollup {
    /// Done when every child is, under way once any is started or done, on hold when every
    /// open child is, cancelled when every child is.
    pub status: Status,
    /// Progress weighted by working days (a milestone weighs one day), 0 to 100.
    pub progress: u8,
    /// The budget lines of the group and everything under it, per currency.
    pub budget: BTreeMap<Currency, Amount>,
    /// The worst flag of anything under it.
    pub flag: Option<Flag>,
}

#[derive(Default)]
struct Tally {
    weight: i64,
    done: i64,
    open: usize,
    on_hold: usize,
    started: usize,
    finished: usize,
    cancelled: usize,
    budget: BTreeMap<Currency, Amount>,
    flag: Option<Flag>,
}

impl Tally {
    fn status(&self) -> Status {
        if self.open + self.finished == 0 {
            return if self.cancelled > 0 {
                Status::Cancelled
            } else {
                Status::Planned
            };
        }
        if self.open == 0 {
            Status::Done
        } else if self.started + self.finished > 0 {
            Status::InProgress
        } else if self.on_hold == self.open {
            Status::OnHold
        } else {
            Status::Planned
        }
    }
}

/// The roll-up of every group of `plan`, by id.
pub fn rollups(plan: &Plan, schedule: &Schedule, today: NaiveDate) -> HashMap<Id, Rollup> {
    let acts: Vec<&Activity> = plan.activities.values().collect();
    rollups_with(plan, schedule, today, &parents(&acts))
}

/// [`rollups`], given the position of each activity's parent (see [`parents`]).
pub fn rollups_with(
    plan: &Plan,
    schedule: &Schedule,
    today: NaiveDate,
    parent: &[Option<usize>],
) -> HashMap<Id, Rollup> {
    // Made again after every edit: activities by position, each parent looked up once,
    // groups' tallies by position.
    let acts: Vec<&Activity> = plan.activities.values().collect();
    if parent.len() != acts.len() {
        return rollups(plan, schedule, today);
    }
    let mut tallies: rustc_hash::FxHashMap<usize, Tally> = rustc_hash::FxHashMap::default();
    let entries = &schedule.entries;
    for (i, a) in acts.iter().enumerate() {
        let own_budget = a.budget.iter().map(|b| (&b.currency, b.amount));
        // A group's own budget lines count for it and the groups above it.
        let leaf = a.kind != ActivityKind::Group;
        let entry = entries.get(i);
        let weight = entry.and_then(|e| e.dates).map_or(1, |d| d.duration.max(1));
        let f = entry.and_then(|e| flag(a, e, today));
        let mut up = if leaf { parent[i] } else { Some(i) };
        // A parent chain that loops (a plan the check refuses) ends after every activity.
        let mut steps = acts.len();
        while let Some(g) = up {
            if steps == 0 {
                break;
            }
            steps -= 1;
            let t = tallies.entry(g).or_default();
            for (c, v) in own_budget.clone() {
                let sum = t.budget.entry(c.clone()).or_insert(Amount::ZERO);
                *sum = sum.checked_add(v).unwrap_or(*sum);
            }
            if leaf {
                t.flag = match (t.flag, f) {
                    (Some(x), Some(y)) => Some(x.min(y)),
                    (x, y) => x.or(y),
                };
                match a.status {
                    Status::Cancelled => t.cancelled += 1,
                    Status::Done => {
                        t.finished += 1;
                        t.weight += weight;
                        t.done += weight * 100;
                    }
                    s => {
                        t.open += 1;
                        t.weight += weight;
                        t.done += weight * i64::from(a.progress.min(100));
                        match s {
                            Status::InProgress => t.started += 1,
                            Status::OnHold => t.on_hold += 1,
                            _ => {}
                        }
                    }
                }
            }
            up = parent[g];
        }
    }
    tallies
        .into_iter()
        .filter(|(g, _)| acts[*g].kind == ActivityKind::Group)
        .map(|(g, t)| {
            let id = &acts[g].id;
            let progress = if t.weight > 0 {
                u8::try_from((t.done / t.weight).clamp(0, 100)).unwrap_or(100)
            } else {
                0
            };
            let rollup = Rollup {
                status: t.status(),
                progress,
                budget: t.budget.clone(),
                flag: t.flag,
            };
            (id.clone(), rollup)
        })
        .collect()
}

/// The position of each activity's parent among `acts` (which are in id order), when it
/// exists.
pub fn parents(acts: &[&Activity]) -> Vec<Option<usize>> {
    acts.iter()
        .map(|a| {
            let p = a.parent.as_ref()?;
            acts.binary_search_by(|x| x.id.cmp(p)).ok()
        })
        .collect()
}

/// The activities that still decide the finish: critical, neither done nor cancelled, in the
/// order of their earliest start (the critical path from the status date to the finish).
pub fn critical_ahead<'a>(plan: &'a Plan, schedule: &Schedule) -> Vec<&'a Id> {
    let mut ahead: Vec<(NaiveDate, &Id)> = plan
        .activities
        .values()
        .zip(&schedule.entries)
        .filter(|(a, e)| {
            a.kind != ActivityKind::Group
                && !matches!(a.status, Status::Done | Status::Cancelled)
                && !e.cancelled
        })
        .filter_map(|(a, e)| {
            e.dates
                .filter(|d| d.critical)
                .map(|d| (d.early_start, &a.id))
        })
        .collect();
    ahead.sort();
    ahead.into_iter().map(|(_, id)| id).collect()
}

/// The next milestones not yet reached, soonest first: (id, planned date).
pub fn next_milestones<'a>(
    plan: &'a Plan,
    schedule: &Schedule,
    today: NaiveDate,
) -> Vec<(&'a Id, NaiveDate)> {
    let mut next: Vec<(NaiveDate, &Id)> = plan
        .activities
        .values()
        .zip(&schedule.entries)
        .filter(|(a, e)| {
            a.kind == ActivityKind::Milestone
                && !matches!(a.status, Status::Done | Status::Cancelled)
                && !e.cancelled
        })
        .filter_map(|(a, e)| e.dates.map(|d| (d.early_finish, &a.id)))
        .filter(|(d, _)| *d >= today)
        .collect();
    next.sort();
    next.into_iter().map(|(d, id)| (id, d)).collect()
}

#[cfg(test)]
mod tests;
