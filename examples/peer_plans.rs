//! Writes a khutta plan as a TaskJuggler project and as a utf8proj project, for
//! `scripts/bench-peers`: `peer_plans PLAN_DIR OUT_STEM` writes `OUT_STEM.tjp` and
//! `OUT_STEM.proj`.
//!
//! Both files keep the plan's shape: the same activities under the same groups, the same
//! durations in working days, the same dependencies with their types and lags, milestones, and
//! the same weekends and holidays, as far as each peer can say them. What a peer cannot say is
//! mapped as follows (and repeated in the script's header, where the figures are read):
//!
//! - TaskJuggler: each calendar becomes a shift (its weekend and holidays) assigned to the tasks
//!   that use it, and a duration becomes `length` (working days of that shift). A task
//!   depends by its start only, so finish-to-finish becomes finish-to-start and
//!   start-to-finish becomes start-to-start, which are later (never earlier) than the khutta
//!   link; a gap cannot be negative, so a lead becomes no lag; a gap counts working days of
//!   the project's working hours (the plan's default calendar), not of the task's shift. Two
//!   links to the same predecessor become one (TaskJuggler takes one): the end-based one, with
//!   its largest gap.
//! - utf8proj: one calendar schedules every task, so each activity is placed on the plan's
//!   default calendar whatever its country; types and lags (leads too) are kept.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::PathBuf;
use std::process::ExitCode;

use khutta::model::{Activity, ActivityKind, Calendar, DependencyKind, Id, Plan, Timing, Weekday};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().collect();
    let (Some(dir), Some(stem)) = (args.get(1), args.get(2)) else {
        eprintln!("usage: peer_plans PLAN_DIR OUT_STEM");
        return ExitCode::from(2);
    };
    let loaded = match khutta::store::load(&PathBuf::from(dir)) {
        Ok(l) => l,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let plan = Shape::of(&loaded.plan);
    for (ext, text) in [("tjp", plan.taskjuggler()), ("proj", plan.utf8proj())] {
        if let Err(e) = std::fs::write(format!("{stem}.{ext}"), text) {
            eprintln!("error: {stem}.{ext}: {e}");
            return ExitCode::from(1);
        }
    }
    ExitCode::SUCCESS
}

const DAYS: [(Weekday, &str, &str); 7] = [
    (Weekday::Mon, "mon", "mon"),
    (Weekday::Tue, "tue", "tue"),
    (Weekday::Wed, "wed", "wed"),
    (Weekday::Thu, "thu", "thu"),
    (Weekday::Fri, "fri", "fri"),
    (Weekday::Sat, "sat", "sat"),
    (Weekday::Sun, "sun", "sun"),
];

/// The plan as both peers need it: children by parent, full paths, each activity's calendar.
struct Shape<'a> {
    plan: &'a Plan,
    children: BTreeMap<Option<&'a Id>, Vec<&'a Activity>>,
    default: Option<&'a Calendar>,
}

/// An identifier both peers accept (letters, digits, underscores).
fn ident(id: &Id) -> String {
    id.as_str()
        .replace(|c: char| !c.is_ascii_alphanumeric(), "_")
}

fn quoted(s: &str) -> String {
    format!("\"{}\"", s.replace('\\', "\\\\").replace('"', "\\\""))
}

impl<'a> Shape<'a> {
    fn of(plan: &'a Plan) -> Shape<'a> {
        let mut children: BTreeMap<Option<&Id>, Vec<&Activity>> = BTreeMap::new();
        for a in plan.activities.values() {
            let parent = a
                .parent
                .as_ref()
                .filter(|p| plan.activities.contains_key(*p));
            children.entry(parent).or_default().push(a);
        }
        let default = plan
            .meta
            .default_calendar
            .as_ref()
            .and_then(|d| plan.meta.calendars.iter().find(|c| &c.id == d));
        Shape {
            plan,
            children,
            default,
        }
    }

    /// The dotted path from the top of the outline, as both peers refer to nested tasks.
    fn path(&self, id: &Id) -> String {
        let mut parts = vec![ident(id)];
        let mut at = self.plan.activities.get(id).and_then(|a| a.parent.as_ref());
        while let Some(p) = at.filter(|p| self.plan.activities.contains_key(*p)) {
            parts.push(ident(p));
            at = self.plan.activities.get(p).and_then(|a| a.parent.as_ref());
        }
        parts.reverse();
        parts.join(".")
    }

    /// The calendar khutta schedules `a` on: its own, its country's, or the plan's default.
    fn calendar(&self, a: &Activity) -> Option<&'a Calendar> {
        let cals = &self.plan.meta.calendars;
        a.calendar
            .as_ref()
            .and_then(|c| cals.iter().find(|k| &k.id == c))
            .or_else(|| {
                let country = &a.location.as_ref()?.country;
                cals.iter().find(|k| k.countries.contains(country))
            })
            .or(self.default)
    }

    fn title(a: &Activity) -> String {
        quoted(
            a.title
                .en
                .as_deref()
                .or(a.title.ar.as_deref())
                .unwrap_or(""),
        )
    }

    fn is_group(&self, a: &Activity) -> bool {
        a.kind == ActivityKind::Group || self.children.contains_key(&Some(&a.id))
    }

    fn taskjuggler(&self) -> String {
        let m = &self.plan.meta;
        let mut s = String::new();
        let _ = writeln!(
            s,
            "project {} {} {} - {} {{\n  timezone \"UTC\"\n  timeformat \"%Y-%m-%d\"",
            ident(&m.id),
            quoted(m.title.en.as_deref().unwrap_or("plan")),
            m.window.start,
            // TaskJuggler's years end at 2035.
            m.window
                .end
                .min(chrono::NaiveDate::from_ymd_opt(2035, 12, 31).unwrap_or_default()),
        );
        if let Some(cal) = self.default {
            s.push_str(&tj_hours(cal, "  "));
        }
        s.push_str("}\n");
        if let Some(cal) = self.default {
            s.push_str(&tj_leaves(cal, ""));
        }
        for cal in &m.calendars {
            let _ = writeln!(s, "shift {} {} {{", ident(&cal.id), quoted(&ident(&cal.id)));
            s.push_str(&tj_hours(cal, "  "));
            s.push_str(&tj_leaves(cal, "  "));
            s.push_str("}\n");
        }
        self.tj_tasks(None, 0, &mut s);
        // The schedule as output: every task's dates, so that `tj3` writes what khutta prints.
        s.push_str(
            "taskreport schedule \"schedule\" {\n  formats csv\n  columns id, start, end\n}\n",
        );
        s
    }

    fn tj_tasks(&self, parent: Option<&Id>, depth: usize, s: &mut String) {
        let pad = "  ".repeat(depth);
        for a in self.children.get(&parent).into_iter().flatten() {
            let _ = writeln!(s, "{pad}task {} {} {{", ident(&a.id), Self::title(a));
            if self.is_group(a) {
                self.tj_tasks(Some(&a.id), depth + 1, s);
            } else {
                let days = days_of(a);
                if a.kind == ActivityKind::Milestone || days == 0 {
                    let _ = writeln!(s, "{pad}  milestone");
                } else {
                    let _ = writeln!(s, "{pad}  length {days}d");
                    if let Some(cal) = self.calendar(a) {
                        let _ = writeln!(s, "{pad}  shifts {}", ident(&cal.id));
                    }
                }
                if a.dependencies.is_empty() {
                    let _ = writeln!(s, "{pad}  start {}", self.plan.meta.window.start);
                }
                // TaskJuggler takes one link per predecessor: of two, the end-based one (it
                // places the task later), with its largest gap.
                let mut links: BTreeMap<&Id, (bool, i32)> = BTreeMap::new();
                for d in &a.dependencies {
                    // A milestone's start is its end; TaskJuggler 3.7 calls a link to a
                    // milestone's start a loop, so the link is made to its end.
                    let to_milestone = self
                        .plan
                        .activities
                        .get(&d.activity)
                        .is_some_and(|p| !self.is_group(p) && days_of(p) == 0);
                    let on_start = !to_milestone
                        && matches!(
                            d.kind,
                            DependencyKind::StartToStart | DependencyKind::StartToFinish
                        );
                    let lag = d.lag.max(0);
                    let link = links.entry(&d.activity).or_insert((on_start, lag));
                    *link = match (link.0, on_start) {
                        (true, false) => (false, lag),
                        (false, true) => *link,
                        _ => (on_start, link.1.max(lag)),
                    };
                }
                for (to, (on_start, lag)) in links {
                    let mut opts = Vec::new();
                    if on_start {
                        opts.push("onstart".to_string());
                    }
                    if lag > 0 {
                        opts.push(format!("gaplength {lag}d"));
                    }
                    let opts = if opts.is_empty() {
                        String::new()
                    } else {
                        format!(" {{ {} }}", opts.join(" "))
                    };
                    let _ = writeln!(s, "{pad}  depends {}{opts}", self.path(to));
                }
            }
            let _ = writeln!(s, "{pad}}}");
        }
    }

    fn utf8proj(&self) -> String {
        let m = &self.plan.meta;
        let mut s = String::new();
        let _ = writeln!(
            s,
            "project {} {{\n  start: {}",
            quoted(m.title.en.as_deref().unwrap_or("plan")),
            m.window.start
        );
        if let Some(cal) = self.default {
            let _ = writeln!(s, "  calendar: {}", ident(&cal.id));
        }
        s.push_str("}\n");
        if let Some(cal) = self.default {
            let days: Vec<&str> = DAYS
                .iter()
                .filter(|(d, _, _)| !cal.weekend.contains(d))
                .map(|(_, name, _)| *name)
                .collect();
            let _ = writeln!(
                s,
                "calendar {} {{\n  working_hours: 09:00-12:00, 13:00-18:00\n  working_days: {}",
                quoted(&ident(&cal.id)),
                days.join(", ")
            );
            for h in &cal.holidays {
                let name = quoted(h.name.en.as_deref().unwrap_or("holiday"));
                match h.until {
                    Some(u) => writeln!(s, "  holiday {name} {}..{u}", h.date),
                    None => writeln!(s, "  holiday {name} {}", h.date),
                }
                .ok();
            }
            s.push_str("}\n");
        }
        self.proj_tasks(None, 0, &mut s);
        s
    }

    fn proj_tasks(&self, parent: Option<&Id>, depth: usize, s: &mut String) {
        let pad = "  ".repeat(depth);
        for a in self.children.get(&parent).into_iter().flatten() {
            let milestone = a.kind == ActivityKind::Milestone;
            let word = if milestone { "milestone" } else { "task" };
            let _ = writeln!(s, "{pad}{word} {} {} {{", ident(&a.id), Self::title(a));
            if self.is_group(a) {
                self.proj_tasks(Some(&a.id), depth + 1, s);
            } else if !milestone {
                let _ = writeln!(s, "{pad}  duration: {}d", days_of(a));
            }
            let deps: Vec<String> = a
                .dependencies
                .iter()
                .map(|d| {
                    let kind = match d.kind {
                        DependencyKind::FinishToStart => "",
                        DependencyKind::StartToStart => " SS",
                        DependencyKind::FinishToFinish => " FF",
                        DependencyKind::StartToFinish => " SF",
                    };
                    let lag = match d.lag {
                        0 => String::new(),
                        l if l > 0 => format!(" +{l}d"),
                        l => format!(" -{}d", -l),
                    };
                    format!("{}{kind}{lag}", self.path(&d.activity))
                })
                .collect();
            if !deps.is_empty() {
                let _ = writeln!(s, "{pad}  depends: {}", deps.join(", "));
            }
            let _ = writeln!(s, "{pad}}}");
        }
    }
}

/// Working days of a task (0 for a milestone).
fn days_of(a: &Activity) -> u32 {
    match a.timing {
        _ if a.kind == ActivityKind::Milestone => 0,
        Timing::Duration { days, .. } => days,
        Timing::Fixed { start, end } => (end - start).num_days() as u32 + 1,
        Timing::Span => 0,
    }
}

/// A calendar's working week as TaskJuggler working hours (8 hours a day, TaskJuggler's day).
fn tj_hours(cal: &Calendar, pad: &str) -> String {
    let mut s = String::new();
    for (d, name, _) in DAYS {
        if cal.weekend.contains(&d) {
            let _ = writeln!(s, "{pad}workinghours {name} off");
        } else {
            let _ = writeln!(s, "{pad}workinghours {name} 9:00 - 12:00, 13:00 - 18:00");
        }
    }
    s
}

/// A calendar's holidays as TaskJuggler leaves (end exclusive, hence the day after `until`).
fn tj_leaves(cal: &Calendar, pad: &str) -> String {
    let mut s = String::new();
    for h in &cal.holidays {
        let last = h.until.unwrap_or(h.date);
        let _ = writeln!(
            s,
            "{pad}leaves holiday {} {} - {}",
            quoted(h.name.en.as_deref().unwrap_or("holiday")),
            h.date,
            last.succ_opt().unwrap_or(last)
        );
    }
    s
}
