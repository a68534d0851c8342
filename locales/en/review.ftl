# The text of a review: `khutta diff`, its money and schedule tables, and the Review screen;
# and the conflict report of a merge (`khutta merge`, the merge driver).
#
# Every message here must also exist in ../ar/review.ftl with the same variables (a test
# checks). Ids, field paths, values and dates are passed in as they are; only the words around
# them are here. Messages starting `review-md-` are Markdown.

## The changes

review-no-changes = no changes
review-md-no-changes = No changes.
review-md-title = Plan changes
# Between the items of a list: counts, ids.
review-list-separator = {", "}

# The head of each kind's section.
review-kind-activity = activities
review-kind-partner = partners
review-kind-beneficiary = beneficiaries
review-kind-funding = funding

review-count-added = { $count } added
review-count-removed = { $count } removed
review-count-renamed = { $count } renamed
review-count-changed = { $count } changed

# The word before an entity's id (in bold in Markdown).
review-added = added
review-removed = removed
review-changed = changed
review-renamed = renamed { $from } -> { $to } ({ $follow })
review-md-renamed = **renamed** { $from } → { $to } ({ $follow })
# How many entities that referred to a renamed one now refer to its new id.
review-follow = { $count ->
    [0] nothing referred to it
    [one] 1 entity referring to it follows
   *[other] { $count } entities referring to it follow
}

# A field that had no value, or has none now.
review-none = (none)
# An item added to or removed from a list.
review-item-added = added { $value }
review-item-removed = removed { $value }

## Money

review-money = money (converted to the plan currency at each revision's rates)
review-md-money = Money
review-md-money-note = Converted to the plan currency at each revision's rates.
review-money-budget = budget by activity
review-money-sources = funding by source
review-money-funders = funding by funder
# What the budget lines of all activities draw on each funding source.
review-money-draws = drawn from each funding source
review-money-activity = activity
review-money-source = source
review-money-funder = funder
review-money-before = before
review-money-after = after
review-money-before-in = before { $currency }
review-money-after-in = after { $currency }
review-money-change = change
review-money-total = (total)
# The row of the budget lines that name no funding source.
review-money-no-source = (no source)
# An amount that cannot be converted (a rate is missing, or the plan currency changed).
review-money-unknown = n/a

## The schedule

review-schedule = schedule (dates move in calendar days, durations in working days; + is later or longer)
review-md-schedule = Schedule
review-md-schedule-note = Dates move in calendar days, durations in working days; + is later or longer.
review-schedule-activities = activities
review-schedule-milestones = milestones moved
review-column-activity = activity
review-column-start = start
review-column-finish = finish
review-column-duration = duration
review-column-milestone = milestone
review-column-date = date
review-unscheduled = (unscheduled)
review-was = { $id } (was { $old })
review-became-critical = became critical: { $ids }
review-no-longer-critical = no longer critical: { $ids }
review-md-became-critical = Became critical: { $ids }
review-md-no-longer-critical = No longer critical: { $ids }
review-plan-finish = plan finish: { $finish }
review-md-plan-finish = Plan finish: { $finish }
review-nothing-scheduled = (nothing scheduled)
review-finish-unchanged = { $dates } (unchanged)
# How far the plan finish moved: `$sign` is +, - or nothing, `$days` a count.
review-finish-moved = { $dates } ({ $sign }{ $days } { $days ->
    [one] day
   *[other] days
})
# Between the old and the new value in Markdown prose (the tables keep →).
review-md-arrow = →

## Problems introduced and fixed

# `khutta check` on both sides: what the change brings, and what it mends.
review-problems-introduced = { $count ->
    [one] problem introduced (1)
   *[other] problems introduced ({ $count })
}
review-problems-fixed = { $count ->
    [one] problem fixed (1)
   *[other] problems fixed ({ $count })
}
review-md-problems = Problems
review-md-problems-note = What `khutta check` reports after the change and not before (introduced), and before and not after (fixed).
review-md-introduced = Introduced ({ $count })
review-md-fixed = Fixed ({ $count })

## Authors of the commits of a range

review-authors = authors ({ $count ->
    [one] 1 commit
   *[other] { $count } commits
})
review-md-authors = Authors ({ $count ->
    [one] 1 commit
   *[other] { $count } commits
})
# One author: `$who` is the name and address, `$commits` how many commits, `$files` the plan
# files they changed.
review-author = { $who }: { $commits } ({ $files })
review-author-commits = { $count ->
    [one] 1 commit
   *[other] { $count } commits
}
# Once commit signatures are checked: how many of the author's commits verify.
review-author-signatures = signatures: { $verified } of { $checked } verified

## A pull-request comment (`khutta review BASE..HEAD`)

# The title; `$range` is what the user named, as code.
review-comment-title = Plan review { $range }
# Between the parts of one line of the summary.
review-comment-separator = {"; "}
review-comment-changes = Changes: { $what }
review-comment-moved = { $count ->
    [one] 1 activity or milestone moved
   *[other] { $count } activities and milestones moved
}
# `$amounts` is the budget before and after, with an arrow between them.
review-comment-budget = Budget: { $amounts } { $currency } ({ $change })
# `$sources` lists each funding source with the change in what its lines draw.
review-comment-draws = Drawn from funding sources: { $sources } { $currency }
review-comment-problems = Problems: { $introduced } introduced, { $fixed } fixed
review-comment-commits = { $commits ->
    [one] 1 commit
   *[other] { $commits } commits
} by { $authors ->
    [one] 1 author
   *[other] { $authors } authors
}
# The folded list of every change, under the summary.
review-comment-all-changes = Every change

## Conflicts of a merge

review-conflicts = { $count ->
    [0] no conflicts
    [one] 1 conflict
   *[other] { $count } conflicts
}
review-conflict-field = field
review-conflict-delete-modify = delete/modify
review-conflict-add-add = add/add
review-conflict-semantic = semantic
review-conflict-rename-rename = rename/rename
# A whole entity on one side, next to the base.
review-conflict-present = present
review-conflict-absent = absent
review-conflict-deleted = deleted
review-conflict-added = added
review-conflict-unchanged = unchanged
review-conflict-changed = changed { $fields }
# The value the merged plan holds.
review-conflict-kept = (kept)
# `khutta merge` while a merge is stopped at conflicts.
review-merging = merging { $label }: { $count ->
    [one] 1 conflict
   *[other] { $count } conflicts
}
review-merge-none-left = no conflict is left: run `khutta merge --continue`
# The merge driver, run by git.
review-merge-driver = khutta: { $count ->
    [one] 1 conflict
   *[other] { $count } conflicts
} in { $path } (the file keeps your values there):
review-merge-driver-replayed = khutta: { $count ->
    [one] 1 conflict
   *[other] { $count } conflicts
} in { $path } while your commit is replayed (the file keeps the values of the commit being replayed, yours; "theirs" below is what you are rebasing onto):
review-merge-driver-stashed = khutta: { $count ->
    [one] 1 conflict
   *[other] { $count } conflicts
} in { $path } (the file keeps your stashed values; "theirs" below is what was committed meanwhile):
# What to do about a semantic conflict; the spaces line the hint up under the values.
review-conflict-hint = hint:    { $hint }
