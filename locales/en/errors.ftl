# Errors: of the repository, of the store, of edits and of values typed into forms, with their hints.

# How a command reports an error, on standard error.
error-line = error: {$message}
error-hint = hint: {$hint}
warning-line = warning: {$message}
# A command's output could not be made (a serialiser's own words follow).
output-internal = khutta could not write its output: {$reason}

## The plan folder.
store-not-a-plan = `{$path}` is not a khutta plan: it has no plan.ron
store-io = {$path}: {$detail}
store-serialize = cannot write {$path} as RON: {$detail}
store-meta-unreadable = plan.ron could not be read; fix it before saving so that nothing in it is lost
store-round-not-saved = consultation round `{$round}` is not saved yet (there is no {$path})
store-changed-on-disk = `{$path}` was changed on disk since khutta read it; it is left as it is

## The plan in git.
repo-not-a-repository = `{$path}` is not inside a git repository
repo-not-a-repository-hint = create one with `khutta init DIR --from PLAN`
repo-not-set-up = this repository is not set up for khutta
repo-not-set-up-hint = run `khutta git-setup` in a clone of a plan repository; to start a repository from this plan, run `khutta init DIR --from PLAN`
repo-no-identity = git does not know who you are: user.name and user.email are not set
repo-no-identity-hint = set them once: git config --global user.name "Your Name" && git config --global user.email you@example.org
repo-nothing-to-commit = nothing to commit: the plan's files are as in the last commit
repo-already-a-plan = `{$path}` already holds a plan
repo-already-a-plan-hint = choose an empty or new folder
repo-no-plan-at = there is no plan at {$rev}
repo-no-such-revision = `{$rev}` is not a commit, branch or tag of this repository
repo-revision-unreadable = {$rev}: {$path}:{$line}:{$col}: {$problem}
repo-merge-in-progress = a merge is in progress: resolve its conflicts, or abort it
repo-merge-in-progress-hint = see them with `khutta merge`, settle each with `khutta merge --take ours|theirs N` or in the TUI, then `khutta merge --continue`; or `khutta merge --abort`
repo-no-merge = there is no merge in progress
repo-conflicts-left = {$count} conflicts are left to resolve
repo-cannot-resolve = cannot resolve: {$detail}
repo-file-conflicts = files outside the plan conflict: {$files}
repo-file-conflicts-hint = merge these files with git itself (git merge), then sync again
repo-hand-edits = these files were changed by hand while the merge waited, in the same fields this step changes: {$files}; nothing was written
repo-hand-edits-hint = settle those conflicts by editing the fields yourself, or put the files back as the merge wrote them (`khutta merge` lists what it wrote), then try again
repo-no-such-operation = there is no operation {$number} in the log
repo-no-such-operation-hint = `khutta op log` lists the operations with their numbers
repo-uncommitted = the plan has changes that are not committed
repo-uncommitted-hint = commit them first: khutta commit -m "what changed"
repo-detached-head = HEAD is not on a branch, so there is nothing to sync
repo-detached-head-hint = switch to the plan's branch first, such as `git switch main`
repo-no-remote = there is no remote `{$remote}`
repo-no-remote-hint = add one: git remote add origin URL
repo-network = cannot reach `{$remote}`: {$detail}
repo-network-hint = nothing was lost: your commits are still here; sync again when the remote is reachable
repo-auth = `{$remote}` refused: {$detail}
repo-auth-hint = add your key to ssh-agent (ssh-add; a key with a passphrase belongs there), or set up git's credential helper for this host, in the clone or globally; nothing was lost, and khutta stores no credential
repo-rejected = the server refused to update {$refname}: {$detail}
repo-rejected-hint = nothing was lost; ask the repository's maintainers about the server's rule
repo-push-raced = the remote moved while pushing
repo-remote-keeps-moving = `{$remote}` kept moving while khutta pushed; try again in a moment
repo-remote-keeps-moving-hint = nothing was lost: what came in is merged here; sync again in a moment
repo-cancelled = the sync was cancelled
repo-cancelled-hint = nothing was lost: each step (fetch, merge, push) either finished or did not start; sync again to finish
repo-timed-out = `{$remote}` said nothing for {$seconds} s, so the sync stopped
repo-timed-out-hint = nothing was lost; check the network and the server, then sync again (on a slow link, wait longer with KHUTTA_NET_TIMEOUT=SECONDS)
repo-host-key = `{$remote}` cannot be trusted yet: its SSH host key is not in ~/.ssh/known_hosts ({$detail})
repo-host-key-hint = check the server's key with its administrators, then connect once with `ssh` to record it in ~/.ssh/known_hosts (the only file khutta reads host keys from); nothing was lost
repo-revision-hint = a plan file in that commit cannot be read: fix it in a new commit (`khutta check` names the problem), then try again
repo-local-failure-hint = nothing was sent; `khutta op log` lists what khutta changed in the plan's files, and `khutta op undo` puts them back
repo-io = {$path}: {$detail}
repo-git = git: {$detail}
repo-baseline-exists = there is already a baseline `{$name}`
repo-baseline-exists-hint = choose another name, or replace it with `khutta baseline {$name} --force`
repo-bad-baseline-name = `{$name}` cannot be a baseline name
repo-bad-baseline-name-hint = use letters, digits, dots, dashes and slashes, such as `2026-q1` or `donor/approved`
repo-no-such-activity = there is no activity `{$id}` at {$rev}
repo-no-such-activity-hint = an activity renamed since is blamed by its new id; `khutta log --activity ID` lists its commits
repo-no-such-field = activities have no field `{$field}`; they have: {$known}
repo-signing-not-ssh = git is set to sign commits with {$format} (gpg.format), and khutta signs only with SSH keys; nothing was committed
repo-signing-not-ssh-hint = set `git config gpg.format ssh` and `git config user.signingkey ~/.ssh/id_ed25519.pub`, or commit with git itself
repo-signing-no-key = git is set to sign commits with SSH (commit.gpgsign), but user.signingkey names no key; nothing was committed
repo-signing-no-key-hint = name the key: `git config user.signingkey ~/.ssh/id_ed25519.pub` (a public key whose private half ssh-agent holds, or the private key file)
repo-signing-failed = {$program} could not sign the commit: {$detail}; nothing was committed
repo-signing-failed-hint = check that user.signingkey names your key and that ssh-agent holds it (`ssh-add -l`), or turn signing off with `git config commit.gpgsign false`
repo-signing-key-locked = the signing key {$path} is locked by a passphrase and ssh-agent does not hold it; nothing was committed
repo-signing-key-locked-hint = add it to the agent once (`ssh-add {$path}`), then commit again
repo-hook-input = this is not a line git gives a hook: `{$line}`
repo-hook-input-hint = `khutta guard pre-receive` reads `OLD NEW REF` lines on its standard input, and `khutta guard update` takes REF OLD NEW as arguments; git passes them when it runs the hook

## Edits.
edit-missing = there is no {$noun} `{$id}`
edit-exists = {$noun} `{$id}` already exists
edit-stale = the plan changed since this edit was made
edit-outdated = `{$path}` changed on disk since, in the same field ({$fields}): settle it by hand
edit-no-round = there is no consultation round `{$round}`
edit-round-exists = consultation round `{$round}` already exists
edit-no-response = round `{$round}` has no response from participant `{$participant}`
edit-question-exists = the round already has a question `{$question}`
edit-no-question = the round has no question `{$question}`

## Values typed into a form or a CSV cell.
value-not-amount = {$text} is not a decimal amount (write it like 150000 or 1500.50)
value-not-currency = {$text} is not an ISO 4217 currency code (three capital letters, such as USD)
value-not-country = {$text} is not an ISO 3166-1 alpha-2 country code (such as EG or MA)
value-not-date = {$text} is not a date: write it as YYYY-MM-DD, a real calendar day
value-not-whole = {$text} is not a whole number
value-out-of-range = {$value} is out of range: {$min} to {$max}
value-amount-range = an amount is at most { $max }, either way
value-not-one-of = {$text} is not one of: {$allowed}
value-not-email = {$text} is not an e-mail address
value-not-json = not valid JSON: {$reason}

## The TUI's forms.
form-wrong-kind = wrong kind of entity
form-item-gone = that item is gone
form-fixed-dates = write fixed dates as `Fixed START END`, the end not before the start
form-fixed-unscheduled = this activity has no dates to fix yet: give it a duration and a start first
form-rate-needed = write the currency and its rate in the plan's currency, like `JOD 1.41`
form-no-such-row = this row cannot be edited here
form-round-not-status = `{$value}` is not a status of a round
form-round-not-aspect = `{$value}` is not an aspect of the plan
form-round-kind-id = write `{$word}` as kind/id, like activities/{$word}
form-round-no-option = the question has no option {$number}
form-not-edited-directly = this row is not edited directly
form-dates-fixed-only = only fixed timing has dates
form-days-duration-only = only a duration has days
form-not-before-duration-only = only a duration has a start limit
form-country-first = set the country first
form-depends-on-itself = an activity cannot depend on itself
form-already-depends = `{$id}` already depends on `{$other}`
form-negative-line = a budget line is a cost and cannot be negative
form-rate-range = a rate must be above zero and at most { $max }
form-not-an-entity-folder = `{$folder}` is not one of activities, partners, beneficiaries, funding
form-not-a-max = `{$text}` is not a whole number from 0 to 255
form-no-question-selected = no question is selected
form-not-a-question-kind = `{$text}` is not a kind of question
form-max-needed = write how many may be picked
form-no-options = this kind of question has no options

## Importing answers from CSV.
import-no-header = the file has no readable header row: {$detail}
import-missing-column = the header has no `{$column}` column
import-unknown-column = column `{$column}` is not a question of round `{$round}` (questions: {$known})
import-column-twice = column `{$column}` appears twice
import-unreadable-row = unreadable row: {$detail}
import-cell-count = {$cells} cells where the header has {$header}
import-earlier-row = participant `{$participant}` is on an earlier row too
import-already-answered = participant `{$participant}` already answered this round (use --replace to overwrite)
import-in-question = `{$question}`: {$problem}
import-bad-participant = participant {$text}: {$reason}
import-bad-language = language {$text} is neither `ar` nor `en`
import-organisation-blank = the organisation is blank
import-bad-organisation-type = organisation_type {$text} is not an IATI organisation type (such as LocalGovernment or 11)
import-not-an-option = {$text} is not an option (options: {$options})
import-several-answers = several answers to a single-choice question
import-too-many-choices = {$count} choices where at most {$max} are allowed
import-bad-rating = rating {$text} is not a whole number from {$min} to {$max}
import-bad-ranking = a ranking lists each of the {$count} options exactly once, best first
import-not-offered = {$text} is not one of the {$items} offered
import-too-many-items = {$count} items picked where at most {$max} are allowed

## khutta diff.
diff-working-tree-unreadable = the plan in the working tree does not load ({ $count ->
    [one] {$count} problem
    *[other] {$count} problems
} above)
diff-working-tree-unreadable-hint = fix the file, or compare two commits: `khutta diff A B`

## khutta gantt.
gantt-to-before-from = --to {$to} comes before --from {$from}
gantt-to-before-from-hint = give the first day with --from and the last with --to
# The legend under `khutta gantt`: each mark, then the scale.
gantt-legend = {$task} task  {$critical} critical  {$group} group  {$milestone} milestone  {$critical_milestone} critical milestone  {$cancelled} cancelled  {$slack} slack  {$dependency} waits for another  {$today_mark} today {$today}
gantt-legend-scale = scale: one {$scale} per column, {$from} to {$to}
gantt-legend-cycle = ? no dates: on a dependency cycle (see `khutta check`)

## The config file.
config-error = {$path}:{$line}:{$col}: error: {$message}
config-unknown-language = unknown language {$text}; khutta speaks "en" and "ar"
config-unknown-bidi = unknown bidi mode {$text}; use "app" or "terminal"
config-unknown-key = unknown key {$text} (write keys like `ctrl-s`, `q`, `shift-tab`, `f1`)
config-not-used = warning: the config file was not used: {$error}

## The log (KHUTTA_LOG).
log-filter-invalid = KHUTTA_LOG={$value} is not a log filter ({$error}); logging at "info"

## The external editor.
editor-temp-file = cannot pass the text to the editor: {$detail}
editor-terminal = cannot take the terminal back from the editor: {$detail}
editor-exited = {$editor} exited with {$status}; the text was not changed
editor-cannot-run = cannot run {$editor}: {$detail}

## The TUI and the command line.
open-not-a-terminal = standard output is not a terminal, so khutta's screen cannot be drawn
open-not-a-terminal-hint = in scripts and pipes use `khutta summary`, `khutta check` or `khutta gantt`
open-terminal-failed = the terminal failed: {$detail}
error-plan-after-subcommand = the plan folder goes after the subcommand
error-plan-after-subcommand-hint = for example `khutta check PATH`
error-not-a-command = `{$word}` is neither a command nor a plan folder
error-not-a-command-hint = did you mean `khutta {$near}`? (`khutta --help` lists every command)
repo-locked = a lock file is in the way: {$detail}
repo-locked-hint = another git or khutta may be at work in this repository; if none is, one was interrupted and left the lock: delete the `.lock` file named above and try again (nothing else is lost)

## Credentials, and settling a conflict.
auth-tried-agent = ssh-agent as `{$user}`
auth-tried-key = key file {$path}
auth-tried-helper = git's credential helper
auth-tried-default = the system's default credentials
auth-tried-prompt = a password typed in
auth-locked-key = key file {$path} (it has a passphrase, and there is no terminal to ask for it)
auth-declined-key = key file {$path} (no passphrase given)
auth-unreadable-key = key file {$path}, which could not be read: {$detail}
auth-wrong-passphrase = the passphrase given for key file {$path} is not the right one
auth-unsupported = the server asked for a kind of authentication khutta cannot give
auth-failed = authentication failed; tried {$tried}
resolve-no-such-conflict = there is no conflict number {$number}
resolve-missing = {$noun} `{$id}` is no longer in the merged plan
resolve-target-gone = it is no longer in the merged plan
nav-whole-entity = `{$path}` is the whole entity, not a field
nav-not-a-record = `{$path}` goes through something that is not a record
nav-no-keys = `{$path}` uses a key on a list that has none
nav-no-such-item = `{$path}` names an item that does not exist
nav-past-the-end = `{$path}` names a position past the end of the list
nav-through-member = `{$path}` goes through a set member
nav-already-exists = `{$path}` already exists
nav-not-a-list = `{$path}` is not a list
nav-member-only = `{$path}` names a set member, which can only be added or removed
resolve-invalid = the chosen value does not fit `{$path}` of {$target}: {$detail}
resolve-id-changed = its id is `{$id}`; ids change only by renaming
resolve-unit-gone = the file is no longer in the plan
resolve-remove-plan = plan.ron cannot be removed
op-save = save
op-fmt = fmt (canonical form)
op-import = answers imported into { $round }
op-import-files = files of another tool imported ({ $format })
op-commit = commit “{ $message }”
op-sync = sync with { $remote }
op-resolve = conflict settled: { $conflict }
op-merge-commit = merge commit
op-merge-abort = merge abandoned
op-undo = undo of operation { $number }
repo-driver-missing = this clone has no khutta merge driver: git would merge plan files line by line, or keep one side, without a word
repo-driver-gone = this clone's khutta merge driver is { $path }, which is gone: git would fail or merge plan files line by line
repo-driver-other = this clone's khutta merge driver is another khutta ({ $path })
repo-driver-hint = run `khutta git-setup` in this clone (again after moving khutta)
repo-left-out = these files of the plan folder are not plan files and are never committed by khutta: {$files}
resolve-rename-needs-id = write the id to keep, as a string: "pilot-tunis"
resolve-id-taken = the id `{$id}` is taken by another entity
store-not-a-folder = `{$path}` is not a folder (a link, or a file): khutta never writes through it

## khutta import: problems located in a CSV file (codes I001...).
exchange-not-utf8 = the file is not UTF-8 text
exchange-not-utf8-hint = save it from the spreadsheet as "CSV UTF-8"
exchange-unreadable = the file cannot be read as CSV: {$detail}
exchange-unreadable-hint = save it from the spreadsheet as CSV, with commas between cells
exchange-no-header = the file is empty: it has no header row
exchange-missing-column-hint = add the column to the header row; `khutta export csv` writes a complete file to start from
exchange-column-twice-hint = keep one of the two columns
exchange-unknown-column = `{$column}` is not a column of this file
exchange-unknown-column-hint = the columns are: {$known}
exchange-cell-count-hint = look for a stray comma or an unclosed quote in the row
exchange-value-hint = correct the cell; the book's chapter "Exports and imports" says what each column takes
exchange-bad-id = {$text} is not an id: {$reason}
exchange-bad-id-hint = ids are lowercase letters, digits and hyphens, such as pilot-tunis
exchange-date-hint = write dates as YYYY-MM-DD, such as 2026-03-15 (format the column as text in the spreadsheet)
exchange-bad-dependency = {$text} is not a dependency: write ID, ID:SS or ID:FS+2
exchange-bad-partner = {$text} is not a partner with a role: write ID:Implementing
exchange-duplicate-row = activity `{$id}` has a row already, row {$row}
exchange-duplicate-row-hint = keep one row per activity
exchange-new-needs-title = `{$id}` is a new activity and needs a title in title_ar or title_en
exchange-timing-new = `{$id}` is a new activity and needs its timing: start and end, or days
exchange-end-before-start = the end, {$end}, is before the start, {$start}
exchange-timing-not-before = not_before goes with days: it delays an activity placed by its dependencies
exchange-timing-half = start and end go together, and one of them is blank
exchange-timing-mixed = an activity has fixed dates (start and end) or a duration (days), not both
exchange-timing-hint = fixed dates: start and end; placed by its dependencies: days (and not_before); a group's span: the four cells blank
exchange-city-without-country = a city needs its country
exchange-unknown-activity = there is no activity `{$id}` in the plan or in the file
exchange-unknown-partner = there is no partner `{$id}` in the plan
exchange-unknown-beneficiary = there is no beneficiary group `{$id}` in the plan
exchange-unknown-calendar = there is no calendar `{$id}` in the plan
exchange-unknown-funding = there is no funding source `{$id}` in the plan
exchange-unknown-hint = correct the id, or add what it names to the plan first
exchange-blank-cell = the `{$column}` cell is blank
## Exchange files: IATI and MS Project XML (export and import).
iati-no-ref = partner `{$partner}` reports the plan to IATI but has no `iati_ref`: the activity's identifier starts with it
iati-no-ref-hint = add `iati_ref` with the organisation's identifier from the IATI organisation registry (such as `XM-DAC-41120`), or choose another partner with `--reporting-org`
iati-reporting-org-unknown = `--reporting-org {$partner}` names no partner of the plan
iati-reporting-org-none = no partner has the Accountable role, so khutta cannot tell which organisation reports the plan to IATI
iati-reporting-org-several = partner `{$partner}` has the Accountable role, as `{$first}` does: IATI has one reporting organisation
iati-reporting-org-hint = name the reporting partner with `--reporting-org ID`
import-bad-xml = not well-formed XML: {$reason}
import-bad-xml-hint = export the file again from the program that wrote it, or repair it at this place
import-bad-element-hint = correct or remove this element, or check that the format named is the file's
import-not-format = this is not an {$format} file: its top element is `{$element}`
import-mspdi-duplicate-uid = a second task with UID {$uid}
import-mspdi-unknown-task = this link names task UID {$uid}, which the file does not have
import-mspdi-link-type = link type {$code} is none of FF (0), FS (1), SF (2), SS (3)
import-mspdi-percent-lag = a lag given as a percentage of the predecessor's duration; khutta counts lags in working days
import-iati-org-unnamed = an organisation with neither an identifier (`ref`) nor a name
import-iati-no-identifier = an activity without `iati-identifier`
import-iati-no-such-activity = the file has no activity `{$identifier}`
export-no-baseline = no baseline `{$name}` in this plan's repository
export-no-baseline-hint = `khutta baseline --list` lists the baselines
export-cannot-write = cannot write {$path}: {$error}
import-cannot-read = cannot read {$path}: {$error}
import-target-exists = {$path} exists already and is not an empty folder
import-target-exists-hint = give a new folder to `--into`; khutta never writes an import over a plan
import-failed = nothing was imported
import-failed-hint = correct the places shown, or ask the partner for a corrected file
export-failed = nothing was exported
export-failed-hint = correct the places shown and export again
error-plan-twice = two plan folders given: { $first } and { $second }
error-plan-twice-hint = name the plan once, as `-C PLAN` or where the command takes PLAN
