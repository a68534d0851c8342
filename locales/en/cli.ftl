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

## khutta init and khutta git-setup

init-created = created the plan in { $dir }
init-drivers = git merges and diffs its .ron files with khutta (see .gitattributes and `git config --local --list`)
init-next = next: add a remote (git remote add origin URL) and run `khutta sync`
git-setup-done = git in this clone now merges and diffs the plan with khutta
setup-own-path = cannot find khutta's own path: { $error }
diff-external-args = --external takes the 1, 7 or 9 arguments git passes, not {$count}
diff-external-args-hint = let git call it: GIT_EXTERNAL_DIFF="khutta diff --external" git diff
diff-git-at = {$place}: {$message}
diff-git-line-by-line = khutta diff: {$why}; shown line by line
diff-git-no-git = khutta diff: cannot run git diff --no-index: {$error}

## khutta commit

commit-done = { $count ->
    [one] committed { $commit } (1 file)
   *[other] committed { $commit } ({ $count } files)
}

## khutta sync: progress on a terminal, then the outcome

sync-receiving = receiving { $bar } { $done }/{ $total } objects, { $kib } KiB
sync-merging = merging the plan…
sync-sending = sending   { $bar } { $done }/{ $total } objects, { $kib } KiB
sync-retrying = a partner pushed first: fetching again (attempt { $attempt })
sync-up-to-date = up to date with { $remote }
sync-synced = synced with { $remote }: { $did }
sync-merged-theirs = merged their changes
sync-took-theirs = took their changes
sync-sent-yours = sent yours
# What came in, then what went out: "merged their changes, sent yours".
sync-did-both = { $received }, { $sent }
sync-conflicts = { $count ->
    [one] the merge stopped on 1 conflict; nothing was pushed
   *[other] the merge stopped on { $count } conflicts; nothing was pushed
}
sync-conflicts-hint = hint: see them with `khutta merge` or in the TUI's Conflicts screen, then `khutta merge --continue` and sync again
# A line the server sent (a hook's message), as git shows it.
sync-remote = remote: { $line }
sync-baselines-received = baselines taken from { $remote }: { $names }
sync-baselines-sent = baselines sent to { $remote }: { $names }
sync-baseline-differs = warning: baseline `{ $name }` records { $here } here and { $there } on { $remote }; neither was changed
sync-baseline-differs-hint = hint: compare them with `khutta diff { $here } { $there }` and agree with your partners which is right; to take theirs, `git fetch { $remote } +refs/tags/baseline/{ $name }:refs/tags/baseline/{ $name }`; to send yours, `git push --force { $remote } refs/tags/baseline/{ $name }`
# Asked once on the terminal when no stored credential was accepted; what is typed is not shown.
prompt-passphrase = passphrase for { $what }:
prompt-username = user name for { $what }:
prompt-password = password for { $what }:

## khutta merge

merge-aborted = the merge was aborted; the plan is as before it
merge-finished = merged: { $commit }
merge-kept = your own changes to these files were kept: { $files }
merge-not-a-side = { $side } is not a side
merge-not-a-side-hint = use ours, theirs or base
merge-not-a-number = { $number } is not a conflict number
merge-not-a-number-hint = conflicts are numbered from 1, as `khutta merge` lists them
merge-left = { $count ->
    [one] 1 conflict left
   *[other] { $count } conflicts left
}
merge-none = there is no merge in progress
merge-none-hint = `khutta sync` starts one when partners' changes meet yours

## khutta merge-driver, on standard error while git merges

merge-driver-cannot-write = khutta merge-driver: cannot write { $path }: { $error }
merge-driver-line-merge = khutta merge-driver: { $error }; merging { $path } line by line
merge-driver-not-text = { $path } is not UTF-8 text
merge-driver-crashed = khutta's merge failed ({ $error })
merge-driver-kept-ours = khutta merge-driver: git cannot merge { $path } either ({ $error }); your version is kept and the file is left conflicted

## khutta blame

blame-not-an-id = `{ $id }` is not an activity id: { $reason }
blame-not-an-id-hint = activity ids are lowercase slugs such as `pilot-tunis`
blame-working-copy-unreadable = warning: { $problem }; blaming the last commit only
# Where a file cannot be read: the location as editors read it, then why.
blame-at = { $path }:{ $line }:{ $col }: { $message }
blame-uncommitted = uncommitted
blame-working-tree = (working tree)
blame-none = (none)
signature-unsigned = unsigned
signature-known = signed: {$person} ({$partner})
signature-unknown-key = signed by an unknown key {$fingerprint}
signature-bad = bad signature: {$reason}
signature-not-ssh = not an SSH signature; khutta checks SSH signatures only
signature-invalid = {$detail}
signature-no-program = {$program} cannot run: {$detail}

## khutta guard
guard-refused = { $count ->
    [one] khutta guard refused the push to {$refs}: 1 change the plan's rules do not allow
   *[other] khutta guard refused the push to {$refs}: {$count} changes the plan's rules do not allow
}
guard-finding = commit {$commit} "{$subject}" by {$author} <{$email}>: {$what}: rule {$rule}: {$why}
guard-entity = {$noun} {$id}
guard-entity-field = {$entity}, field {$field}
guard-file = file {$path}
guard-whole-commit = the commit
guard-branch = branch {$name}
guard-rewrite = { $count ->
    [one] the push takes 1 commit away from the plan's published branch, {$why}
   *[other] the push takes {$count} commits away from the plan's published branch, {$why}
}
guard-rewrite-deleted = it deletes the branch, which no one may do through a push
guard-rewrite-not-coordinator = and only a coordinator's commit may rewrite its history; make the change in new commits on top of it instead
guard-rewrite-unsigned = and governance.ron asks for the commit that rewrites it to be signed by a coordinator's key listed under its author
guard-refused-hint = nothing was changed on the server; undo these changes in new commits (or ask a coordinator to grant them in governance.ron), then push again
guard-signing-required = {$why}, and governance.ron asks for every commit to be signed by a key listed under its author
guard-unsigned = the commit is not signed
guard-signed-by-other = signed by the key of {$person} ({$partner}), not of the author
guard-unverifiable = the signature could not be checked
guard-key-not-listed = {$why}, and governance.ron lists no such key under the commit's author
guard-installed = wrote {$path}: every push is now checked by {$exe}
guard-foreign-hook = {$path} exists and was not written by khutta guard; nothing was written
guard-foreign-hook-hint = chain it yourself (call `khutta guard pre-receive` from it, passing standard input on), use `--update` for git's update hook instead, or replace it with `--force`

## khutta baseline

baseline-recorded = recorded baseline { $name } at { $commit } ({ $summary }); compare with `khutta diff { $name }`
baseline-name-it = name the baseline
baseline-name-it-hint = for example `khutta baseline 2026-q1`
op-none = no operation is recorded yet
op-undone = { $count ->
    [one] the plan's files are as before operation { $number }: 1 file put back ({ $files }); recorded as operation { $op }
   *[other] the plan's files are as before operation { $number }: { $count } files put back ({ $files }); recorded as operation { $op }
}
op-undone-nothing = the plan's files were already as before operation { $number }; recorded as operation { $op }
op-merge-waits-again = the merge waits again, with the choices made before that operation
op-not-recorded = warning: the operation log could not record this: { $error }
commit-left-out = left out (not plan files): { $files }
sync-new-errors = { $count ->
    [one] the plan now has 1 error it did not have before the sync:
   *[other] the plan now has { $count } errors it did not have before the sync:
}

## khutta export and khutta import.
export-progress = { $count } activities: { $step }…
export-step-schedule = scheduling
export-step-write = writing the export
export-unreadable = { $count ->
    [one] note: 1 problem reading the plan; the export covers what could be read (run `khutta check`)
   *[other] note: { $count } problems reading the plan; the export covers what could be read (run `khutta check`)
}
export-no-partner = the plan has no partner `{ $id }`
export-no-partner-hint = the partners are: { $partners }
export-written = wrote { $path }
export-written-files = wrote { $files } into { $path }
export-needs-out = `khutta export { $format }` writes several files and needs a folder
export-needs-out-hint = name one with --out, such as `khutta export { $format } --out exported/`
import-no-csv = { $folder } has neither activities.csv nor budget.csv
import-no-csv-hint = `khutta export csv --out DIR` writes both, to edit and import back
import-refused = { $count ->
    [one] 1 problem: nothing was imported
   *[other] { $count } problems: nothing was imported
}
import-new-errors = { $count ->
    [one] nothing was imported: the plan would have 1 error it does not have now:
   *[other] nothing was imported: the plan would have { $count } errors it does not have now:
}
import-changed-on-disk = these files changed on disk while importing and were left as they are: { $files }
import-wrote = imported into { $plan }: { $files } written
import-would-write = would import into { $plan }: { $files } to write (nothing written: --dry-run)
## khutta export and khutta import (IATI, MS Project XML)
import-plan-created = created the plan {$dir} from {$file}
import-partners-added = { $count ->
    [one] added 1 partner
   *[other] added { $count } partners
}
import-activities-added = { $count ->
    [one] added 1 activity that refers to the file's activity
   *[other] added { $count } activities that refer to the file's activities
}
import-partners-known = already in the plan: {$partners}
