//! A schedule kept with the network it was computed on, so that an edit of activities' own
//! timing is scheduled again without building the network again.
//!
//! Building the network (hashing every id, the graph, its topological order, the calendars)
//! is most of what scheduling a large plan costs. It depends only on the plan file, the
//! activities' ids, kinds, parents and dependencies; an edit that changes none of those (a
//! duration, fixed dates, a status, a calendar) changes only what each activity needs of the
//! passes, which is one value per activity. The passes then run again over the same network,
//! so the result is the one a full run gives (a property test in `document` holds it to that).

use super::Schedule;
use super::calendar::{Calendars, day};
use super::cpm::{self, Inputs};
use super::graph::Network;
use crate::model::{Activity, Plan};

/// The network of a plan, ready to schedule again.
#[derive(Clone, Debug)]
pub struct Scheduler {
    cals: Calendars,
    inputs: Inputs,
    net: Network,
}

impl Scheduler {
    /// Builds the network of `plan` and schedules it.
    pub fn new(plan: &Plan) -> (Scheduler, Schedule) {
        let cals = Calendars::new(plan);
        let inputs = cpm::inputs(plan, &cals);
        let net = Network::new(&inputs);
        let schedule = cpm::passes(plan, &cals, &inputs, &net);
        (Scheduler { cals, inputs, net }, schedule)
    }

    /// Schedules `plan` again after the activities in `changed` (each with its position in
    /// the plan's id order) changed, none of them in its id, kind, parent or dependencies,
    /// and nothing else in the plan changed. `None` when what they need of the passes is as
    /// before: the schedule stands as it is.
    pub fn reschedule(&mut self, plan: &Plan, changed: &[(usize, &Activity)]) -> Option<Schedule> {
        let window = day(plan.meta.window.start);
        let mut moved = false;
        for &(i, a) in changed {
            let act = cpm::act(a, &self.cals, window);
            let Some(slot) = self.inputs.acts.get_mut(i) else {
                // Not the plan this network was built from: build it again.
                let (again, schedule) = Scheduler::new(plan);
                *self = again;
                return Some(schedule);
            };
            if *slot != act {
                *slot = act;
                moved = true;
            }
        }
        moved.then(|| cpm::passes(plan, &self.cals, &self.inputs, &self.net))
    }
}
