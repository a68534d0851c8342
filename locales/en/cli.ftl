# The output of the commands: schedule, log, sync, commit, init, git-setup, blame, baseline, fmt, merge.
#
# Every message here must also exist in ../ar/cli.ftl with the same variables (a test checks).
# Ids, dates, paths, git refs and commands in backquotes stay as they are in every language.

## khutta schedule: the table's headings, kinds and flags, then the totals below it

schedule-col-activity = activity
schedule-col-kind = kind
schedule-col-start = start
schedule-col-finish = finish
schedule-col-late-start = late start
schedule-col-late-end = late end
schedule-col-days = days
schedule-col-slack = slack
schedule-col-free = free
schedule-col-flags = flags
schedule-kind-task = task
schedule-kind-milestone = milestone
schedule-kind-group = group
schedule-flag-critical = critical
schedule-flag-fixed = fixed
schedule-flag-cancelled = cancelled
schedule-flag-late = late
schedule-unscheduled = unscheduled: on a dependency cycle
schedule-start = start
schedule-finish = finish
schedule-today = today
schedule-critical = critical
schedule-conflicts = conflicts
schedule-cycle = cycle
schedule-finish-after-window = { $finish } (after the window ends on { $end })
schedule-finish-none = none: nothing could be scheduled
schedule-more-paths = (more critical paths than shown)
schedule-conflicts-count = { $count ->
    [one] 1 fixed date cannot hold; `khutta check` names them
   *[other] { $count } fixed dates cannot hold; `khutta check` names them
}
schedule-unreadable = { $count ->
    [one] note: 1 problem reading the plan; the schedule covers what could be read (run `khutta check`)
   *[other] note: { $count } problems reading the plan; the schedule covers what could be read (run `khutta check`)
}

## Today's date (schedule, gantt, init)

today-not-a-date = KHUTTA_TODAY is { $value }, which is not a date: { $error }
today-not-a-date-hint = write it as YYYY-MM-DD, or unset it to use the system clock

## khutta blame

blame-not-an-id = `{ $id }` is not an activity id: { $reason }
blame-not-an-id-hint = activity ids are lowercase slugs such as `pilot-tunis`
blame-working-copy-unreadable = warning: { $problem }; blaming the last commit only
# Where a file cannot be read: the location as editors read it, then why.
blame-at = { $path }:{ $line }:{ $col }: { $message }
blame-uncommitted = uncommitted
blame-working-tree = (working tree)
blame-none = (none)
