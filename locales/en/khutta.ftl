# khutta's user interface in English.
#
# Every message here must also exist in ../ar/khutta.ftl with the same variables (a test
# checks). Counts use plural selectors; English has the categories `one` and `other`.

## Languages

lang-ar = Arabic
lang-en = English

## Screens of the TUI

screen-overview = Overview
screen-activities = Activities
screen-partners = Partners
screen-beneficiaries = Beneficiaries
screen-funding = Funding
screen-gantt = Gantt
screen-problems = Problems
screen-consultations = Consultations
screen-history = History
screen-review = Review

## Kinds of entity

entity-activity = Activity
entity-partner = Partner
entity-beneficiary = Beneficiary group
entity-funding = Funding source

## Field labels (one per field of the plan's model)

field-format = Format version
field-id = Id
field-title = Title
field-summary = Summary
field-window = Planning window
field-currency = Currency
field-exchange-rates = Exchange rates
field-calendars = Calendars
field-default-calendar = Default calendar
field-sdg-goals = SDG goals
field-sdg-targets = SDG targets
field-countries = Countries
field-cities = Cities
field-start = Start
field-end = End
field-rate = Rate
field-date = Date
field-source = Source
field-country = Country
field-city = City
field-name = Name
field-weekend = Weekend
field-holidays = Holidays
field-until = Until
field-description = Description
field-kind = Kind
field-parent = Group
field-timing = Timing
field-days = Working days
field-not-before = Not before
field-dependencies = Dependencies
field-activity = Activity
field-lag = Lag (working days)
field-status = Status
field-progress = Progress
field-lead = Lead partner
field-partners = Partners
field-partner = Partner
field-role = Role
field-beneficiaries = Beneficiary groups
field-location = Location
field-calendar = Calendar
field-budget = Budget
field-category = Category
field-amount = Amount
field-funding = Funding source
field-note = Note
field-outputs = Outputs
field-tags = Tags
field-size = Estimated size
field-funder = Funder
field-available = Available
field-earmarked = Earmarked for
field-conditions = Conditions
field-acronym = Acronym
field-roles = Roles
field-website = Website
field-iati-ref = IATI identifier
field-contact = Contact
field-email = E-mail
field-phone = Telephone

## Values of the plan's enumerations

timing-fixed = Fixed dates
timing-duration = Duration
timing-span = Spans its activities

activity-kind-task = Task
activity-kind-milestone = Milestone
activity-kind-group = Group

status-planned = Planned
status-in-progress = In progress
status-done = Done
status-on-hold = On hold
status-cancelled = Cancelled
flag-late = Late
flag-at-risk = At risk
flag-started-late = Not started
tui-overview-today = today
tui-overview-late = late
tui-overview-late-none = nothing is late
tui-overview-next = next milestones
tui-overview-ahead = critical ahead
tui-gantt-legend = █ done  ▄ to do  ▓ critical  ░ slack  ◆ milestone  │ today { $today }

dependency-fs = Finish to start
dependency-ss = Start to start
dependency-ff = Finish to finish
dependency-sf = Start to finish

role-funding = Funding
role-accountable = Accountable
role-extending = Extending
role-implementing = Implementing

org-type-government = Government
org-type-local-government = Local government
org-type-other-public-sector = Other public sector
org-type-international-ngo = International NGO
org-type-national-ngo = National NGO
org-type-regional-ngo = Regional NGO
org-type-partner-country-ngo = Partner country NGO
org-type-public-private-partnership = Public-private partnership
org-type-multilateral = Multilateral
org-type-foundation = Foundation
org-type-private-sector = Private sector
org-type-academic = Academic or research institution
org-type-other = Other

beneficiary-kind-city-government = City government
beneficiary-kind-national-institution = National institution
beneficiary-kind-civil-society = Civil society
beneficiary-kind-citizens = Citizens
beneficiary-kind-academia = Academia
beneficiary-kind-private-sector = Private sector
beneficiary-kind-youth = Youth
beneficiary-kind-women = Women
beneficiary-kind-other = Other

funding-status-pipeline = Pipeline
funding-status-pledged = Pledged
funding-status-committed = Committed
funding-status-disbursed = Disbursed

budget-category-staff = Staff
budget-category-consultants = Consultants
budget-category-travel = Travel
budget-category-meetings = Meetings
budget-category-training = Training
budget-category-equipment = Equipment
budget-category-communication = Communication
budget-category-grants = Grants
budget-category-evaluation = Evaluation
budget-category-other = Other

weekday-mon = Monday
weekday-tue = Tuesday
weekday-wed = Wednesday
weekday-thu = Thursday
weekday-fri = Friday
weekday-sat = Saturday
weekday-sun = Sunday

## Counts

count-activities = { $count ->
    [one] 1 activity
   *[other] { $count } activities
}
count-milestones = { $count ->
    [one] 1 milestone
   *[other] { $count } milestones
}
count-groups = { $count ->
    [one] 1 group
   *[other] { $count } groups
}
count-partners = { $count ->
    [one] 1 partner
   *[other] { $count } partners
}
count-beneficiaries = { $count ->
    [one] 1 beneficiary group
   *[other] { $count } beneficiary groups
}
count-funding = { $count ->
    [one] 1 funding source
   *[other] { $count } funding sources
}
count-errors = { $count ->
    [one] 1 error
   *[other] { $count } errors
}
count-warnings = { $count ->
    [one] 1 warning
   *[other] { $count } warnings
}
count-files = { $count ->
    [one] 1 file
   *[other] { $count } files
}

## Common messages of the TUI

saved-files = { $count ->
    [0] Nothing to save
    [one] Saved 1 file
   *[other] Saved { $count } files
}

## Command line output

no-problems = no problems
# Two counts joined, such as "2 errors, 1 warning".
counts-pair = { $first }, { $second }
check-summary = { $plan }: { $counts } in { $files }
hint = hint: { $hint }
error = error: { $message }
fmt-would-reformat = would reformat { $path }
fmt-reformatted = reformatted { $path }
summary-plan = plan
summary-window = window
summary-contents = contents
summary-check = check
window-range = { $start } to { $end }
summary-contents-line = { $activities } ({ $milestones }, { $groups }), { $partners }, { $beneficiaries }, { $funding }
error-bug-hint = this is a bug in khutta; please report it
error-not-a-plan-hint = give the path of a plan folder (one holding plan.ron)
error-changed-on-disk-hint = run the command again: it reads the file as it is now
error-no-plan = there is no plan here
error-no-plan-hint = open one with `khutta PATH`, or create one with `khutta init DIR`
error-current-folder = cannot read the current folder: { $error }
error-output = cannot write output: { $error }

## More field labels for the TUI's forms

field-dependency-kind = Dependency type
field-organisation-type = Organisation type
field-beneficiary-kind = Kind of group
field-funding-status = Funding status
field-available-from = Available from
field-available-until = Available until
field-window-start = Plan starts
field-window-end = Plan ends
field-contact-name = Contact person
field-contact-email = Contact e-mail
field-contact-phone = Contact telephone
field-text = Text

## Commands, as named in the help screen

cmd-quit = quit
cmd-save = save
cmd-undo = undo
cmd-redo = redo
cmd-help = help
cmd-next-screen = next screen
cmd-prev-screen = previous screen
cmd-screen-overview = Overview screen
cmd-screen-activities = Activities screen
cmd-screen-partners = Partners screen
cmd-screen-beneficiaries = Beneficiaries screen
cmd-screen-funding = Funding screen
cmd-screen-gantt = Gantt screen
cmd-screen-problems = Problems screen
cmd-up = up
cmd-down = down
cmd-left = left (collapse, earlier)
cmd-right = right (expand, later)
cmd-page-up = page up
cmd-page-down = page down
cmd-top = first row
cmd-bottom = last row
cmd-select = open, edit
cmd-back = back, close
cmd-new = new
cmd-delete = delete
cmd-rename = rename (change the id)
cmd-filter = search by text
cmd-details = show the whole row
cmd-filter-menu = filter by status, partner, country
cmd-sort = sort by the next column
cmd-toggle = expand or collapse
cmd-expand-all = expand all
cmd-collapse-all = collapse all
cmd-external-editor = edit in $EDITOR
cmd-zoom-in = zoom in
cmd-zoom-out = zoom out
cmd-today = go to today
cmd-gantt-start = show the plan's start
cmd-gantt-end = show the plan's finish
cmd-gantt-selected = show the selected bar
cmd-next-milestone = next milestone
cmd-page-left = a screen back in time
cmd-page-right = a screen forward in time
cmd-switch-language = show the other language

## Column headings

col-id = id
col-title = title
col-start = start
col-finish = finish
col-status = status
col-lead = lead
col-slack = slack
col-name = name
col-acronym = acronym
col-type = type
col-country = country
col-kind = kind
col-place = place
col-size = size
col-funder = funder
col-amount = amount
col-used = used
col-left = left
col-code = code
col-file = file
col-message = problem
col-hint = hint

## The TUI

tui-saved = saved
tui-unsaved = ● unsaved
tui-problem-counts = { $errors }E { $warnings }W
tui-keys-hint = ? help   q quit   ctrl-s save
tui-too-small = The terminal is { $width }×{ $height }; khutta needs at least { $min_width }×{ $min_height }. Make it larger, or press q to quit.
tui-read-only = plan.ron could not be read: the plan is open read-only (see Problems)
tui-cannot-save-read-only = cannot save: plan.ron could not be read, and saving could lose what it holds
tui-nothing-to-save = nothing to save
tui-saving = saving…
tui-saved-files = { $count ->
    [one] saved: 1 file written
   *[other] saved: { $count } files written
}
tui-save-failed = save failed, nothing was lost: { $error }
tui-undone = undone
tui-redone = redone
tui-nothing-to-undo = nothing to undo
tui-nothing-to-redo = nothing to redo
tui-cannot = cannot: { $error }
tui-changed = changed (unsaved)
tui-not-changed = not changed: { $error }
tui-not-applied = not applied: { $error }
tui-unchanged = unchanged: the value is as it was
tui-sorted-by = sorted by { $column }
tui-move-to-list = move to a list (dependencies, partners, budget, outputs) to add to it
tui-editor-failed = the external editor failed: { $error }
tui-cannot-open = { $path } cannot be opened here: fix it in the file
tui-recovered = { $count ->
    [one] recovered 1 unsaved change; save to keep it
   *[other] recovered { $count } unsaved changes; save to keep them
}
tui-recovery-discarded = the recovered edits were discarded
tui-recovery-failed = could not write the recovery file { $error }
tui-config-error = The config file has a problem and its settings were not used:
tui-empty = nothing here yet: press n to add one
tui-empty-filter = nothing matches the filter (esc clears it)
tui-filter-on = filter on: { $shown } of { $total } activities shown (f changes it, esc clears it)
tui-form-help = enter edit   a add   d delete   r rename   e $EDITOR   esc back
tui-form-item = item { $number }
tui-editor-hint = enter applies, esc cancels
tui-editor-none = (none)
tui-editor-new-id = id of the new entry
tui-editor-rename = new id
tui-editor-filter = filter
tui-quit-unsaved = There are unsaved changes.
tui-quit-keys = s save and quit   d discard and quit   esc stay
tui-delete-question = Delete { $what } `{ $id }`?
tui-delete-unreferenced = Nothing refers to it.
tui-delete-references = { $count ->
    [one] 1 reference will be left dangling:
   *[other] { $count } references will be left dangling:
}
tui-delete-more = … and { $count } more
tui-delete-keys = y delete   esc keep
tui-recover-question = { $count ->
    [one] A previous session left unsaved changes to 1 file:
   *[other] A previous session left unsaved changes to { $count } files:
}
tui-recover-when = The last of them was made on { $when }.
tui-recover-keys = r recover   d discard
tui-filter-status = s status:  { $value }
tui-filter-partner = p partner: { $value }
tui-filter-country = c country: { $value }
tui-filter-any = any
tui-filter-keys = x clear   esc close
tui-any-key = any key closes this
tui-help-title = Keys: { $screen }
tui-help-close = esc closes this
tui-overview-edit = enter: edit the plan's title, window, currency and exchange rates
tui-overview-window = window
tui-overview-contents = contents
tui-overview-check = check
tui-overview-finish = finish
tui-overview-budget = budget
tui-overview-secured = secured
tui-overview-expected = expected
tui-overview-problems = { $errors } errors, { $warnings } warnings (see Problems, 7)
tui-overview-warnings = { $warnings ->
    [one] 1 warning
   *[other] { $warnings } warnings
}

## Git in the TUI

screen-conflicts = Conflicts
cmd-screen-history = History screen
cmd-screen-conflicts = Conflicts screen
cmd-commit = commit the saved plan
cmd-sync = sync with partners (fetch, merge, send)
cmd-cancel-sync = cancel the running sync
cmd-take-ours = keep our value
cmd-take-theirs = take their value
cmd-take-base = go back to the common value
cmd-finish-merge = make the merge commit
cmd-abort-merge = abandon the merge
col-commit = commit
col-date = date
col-author = author
col-commit-message = message
col-changes = what changed
tui-save-first = save first (ctrl-s): git works on the saved plan
tui-nothing-to-commit = nothing to commit: the saved plan is as in the last commit
tui-merge-first = a merge is waiting: settle its conflicts first (screen C)
tui-syncing = syncing… (esc cancels)
tui-sync-cancelling = cancelling the sync at its next step…
tui-committed = { $count ->
    [one] committed 1 file
   *[other] committed { $count } files
}
tui-sync-up-to-date = up to date with partners
tui-synced = synced with partners
tui-sync-conflicts = { $count ->
    [one] the merge stopped on 1 conflict: settle it on the Conflicts screen (C)
   *[other] the merge stopped on { $count } conflicts: settle them on the Conflicts screen (C)
}
tui-conflicts-left = { $count ->
    [0] no conflict left: press M to make the merge commit
    [one] 1 conflict left
   *[other] { $count } conflicts left
}
tui-merged = merged: the merge commit is made; sync to send it
tui-merge-aborted = the merge was abandoned; the plan is as before it
tui-merge-kept = { $message }; your own changes to { $files } were kept
tui-sync-receiving = syncing: receiving { $done }/{ $total }
tui-sync-merging = syncing: merging the plan
tui-sync-sending = syncing: sending { $done }/{ $total }
tui-sync-retrying = syncing: a partner sent first, trying again ({ $attempt })
tui-sync-server = syncing: remote: { $line }
# The outcome of a sync, then the last thing the server said to a person (a hook's message).
tui-sync-server-said = { $status } — remote: { $line }
tui-sync-baselines-received = baselines taken: { $names }
tui-sync-baselines-sent = baselines sent: { $names }
tui-sync-baseline-differs = baseline { $name } differs on the server; neither was changed (see khutta sync)
tui-commit-title = commit message: what changed and why
tui-commit-empty = write what changed
tui-conflict-value = your value (JSON)
tui-no-history = no commit has touched the plan yet
tui-no-merge = no merge is waiting
tui-merge-title = merging { $label }: { $count } left
tui-side-base = base
tui-side-ours = ours
tui-side-theirs = theirs
tui-conflicts-help = o ours   t theirs   b base   enter its form   v a value (JSON)   M merge commit   A abandon
tui-help-move = ↑ ↓ j k  pgup pgdn ctrl-b ctrl-f  g G home end: move
tui-gantt-scale = one column per { $scale }
tui-scale-day = day
tui-scale-week = week
tui-scale-month = month
tui-scale-quarter = quarter

## Consultations: rounds, designer, collect mode, results, and the section on forms
cmd-screen-consultations = Consultations screen
cmd-collect = collect a participant's answers
cmd-consult-results = results of the round
cmd-move-up = move the question earlier
cmd-move-down = move the question later
cmd-cycle-country = count one country (next)
cmd-cycle-org-type = count one organisation type (next)
cmd-toggle-anonymise = anonymise the results, or name who answered again
col-questions = Questions
col-responses = Responses
round-status-draft = draft
round-status-open = open
round-status-closed = closed
tui-new-round = Id of the new round
tui-no-rounds = No consultation rounds yet. Press n to add one.
tui-rounds-help = { $count ->
    [one] { $count } round
   *[other] { $count } rounds
} · Enter design · i collect answers · R results · n new round · d delete
design-title = Title
design-status = Status
design-date = Date
design-id = Id
design-text = Question
design-help = Note
design-kind = Kind
design-aspect = Informs
design-item = Items picked
design-max = At most
design-low = 1 means
design-high = 5 means
design-refers-to = About
design-option = Option { $number }
question-kind-singlechoice = single choice
question-kind-multiplechoice = multiple choice
question-kind-rating = rating 1-5
question-kind-ranking = ranking
question-kind-freetext = free text
question-kind-planitems = pick among plan items
aspect-activities = activities
aspect-timeline = timeline
aspect-beneficiaries = beneficiaries
aspect-partners = partners
aspect-funding = funding
tui-design-title = Round { $round } · { $count ->
    [one] { $count } question
   *[other] { $count } questions
}
tui-design-round-row = Round
tui-design-preview = Preview ({ $lang })
tui-design-help = Enter fields · n add · d delete · K/J move · L preview language · i collect · R results · Esc back
tui-design-fields-help = Enter edit · n add an option · d delete the option · Esc back to the questions
collect-participant = Participant id
collect-language = Language
collect-organisation = Organisation
collect-country = Country
collect-role = Role
collect-name = Name (optional)
collect-org-type = Organisation type
collect-org-type-none = (a partner's own, or not given)
tui-collect-who = Who is answering? (an existing participant id resumes their answers)
tui-collect-help-who = ↑↓ field · type to fill · ←→ language or type · Enter start · Esc leave
tui-collect-help-single = ↑↓ choose · Enter answer · PgUp/PgDn previous/next · Esc leave (answers are saved)
tui-collect-help-multiple = ↑↓ move · Space tick · Enter answer · PgUp/PgDn previous/next · Esc leave
tui-collect-help-rating = 1-5 or ↑↓ · Enter answer · PgUp/PgDn previous/next · Esc leave
tui-collect-help-ranking = Space ranks the next, or takes it back · Enter answer · PgUp/PgDn · Esc leave
tui-collect-help-text = type the answer · Enter save · PgUp/PgDn previous/next · Esc leave
tui-collect-help-done = Enter next participant · Esc leave
tui-collect-progress = Question { $number } of { $count } · { $aspect }
tui-collect-done = Thank you: { $count } of { $total ->
    [one] { $total } question
   *[other] { $total } questions
} answered, every answer saved.
tui-collect-resumed = Resuming { $participant }
tui-collect-need-organisation = Write the organisation: a partner's id or a name
tui-collect-at-most = At most { $max } may be chosen
tui-collect-rank-all = Rank every option before going on
tui-collect-saved = Saved { $path }
tui-collect-not-saved = The answer was not saved: { $error }
tui-results-title = Results
tui-results-who = { $shown } of { $total } respondents · country: { $country } · organisation type: { $kind }
tui-results-question = { $id } · { $aspect } · { $answered } answered
tui-results-mean = mean { $mean }
tui-results-borda = Borda count: of { $count } options, first place earns { $points ->
    [one] { $points } point
   *[other] { $points } points
}, last 0
tui-results-points = { $points ->
    [one] { $points } point
   *[other] { $points } points
}, { $first } first
tui-results-help = ↑↓ scroll · f country · o organisation type · A anonymise · L language · Esc back
tui-results-anonymised = anonymised
tui-about-heading = Consultations about this item
tui-about-draft = { $round } (draft)
tui-about-picked = { $round }: picked by { $picks } of { $answered }
tui-about-answered = { $round }: { $answered } answered
tui-round-has-answers = Round { $round } holds { $count ->
    [one] { $count } response
   *[other] { $count } responses
}: remove its folder with git if it must go

## The Review screen
cmd-screen-review = Review screen
cmd-review-old = compare from the selected revision
cmd-review-new = compare to the selected revision
tui-review-sides = from { $old }  to { $new }  (o: from here · n: to here · pgup pgdn ← →: scroll)
tui-review-working = the working plan
tui-review-baseline = baseline { $name }
tui-review-loading = reading the revisions…
tui-pick-no-match = Nothing matches what you typed: correct it, or Esc to leave the field as it was
tui-collect-not-open = Round { $round } is { $status }, not open: the answers are saved all the same; open it in the designer if it should take answers

## khutta consult, on the command line
consult-no-rounds-hint = this plan has no rounds yet (consultations/<round>/round.ron)
consult-rounds-hint = rounds: { $rounds }
consult-country-hint = for example --country EG
consult-not-org-type = { $text } is not an organisation type
consult-one-of-hint = one of: { $allowed }
consult-results-incomplete = { $count ->
    [one] warning: { $count } error in this round's files; answers it concerns are not counted (see `khutta check`)
   *[other] warning: { $count } errors in this round's files; answers they concern are not counted (see `khutta check`)
}
consult-csv-not-utf8 = { $path } is not UTF-8
consult-csv-not-utf8-hint = export the CSV as UTF-8 (spreadsheets offer "CSV UTF-8")
consult-header-hint = the header row is `{ $header }` (see `khutta consult template { $round }`)
consult-import-row = { $file }: row { $row }: { $reason }
consult-responses = { $count ->
    [one] { $count } response
   *[other] { $count } responses
}
consult-rows-refused = { $count ->
    [one] { $count } row refused
   *[other] { $count } rows refused
}
consult-would-import = { $count ->
   *[other] would import { $responses } into { $folder }, { $refused }
}
consult-imported = { $count ->
   *[other] imported { $responses } into { $folder }, { $refused }
}

## Months on a chart's axis (short, for narrow columns)
month-1 = Jan
month-2 = Feb
month-3 = Mar
month-4 = Apr
month-5 = May
month-6 = Jun
month-7 = Jul
month-8 = Aug
month-9 = Sep
month-10 = Oct
month-11 = Nov
month-12 = Dec

## What a commit changed, in one line (khutta log, the History screen)
list-separator = {"; "}
summary-line = { $parts }
summary-plan-fields = plan ({ $fields })
summary-added = + { $noun } { $id }
summary-removed = - { $noun } { $id }
summary-renamed = { $noun } { $from } -> { $to }
summary-changed = { $id } ({ $fields })
summary-no-change = no change to the plan
summary-plan-begins = the plan { $id } begins
summary-files = { $count } files
summary-round-design = round
summary-responses = { $count ->
    [one] { $count } response
   *[other] { $count } responses
}
summary-consultation = consultation { $round } ({ $what })

## A round's results as text and Markdown (khutta consult results)
results-about = { $aspect }, { $kind }, { $answered } answered
results-countries = countries: { $list }
results-types = organisation types: { $list }
results-respondents = { $count ->
    [one] { $count } respondent
   *[other] { $count } respondents
}
results-respondents-of = { $count } of { $total } respondents ({ $filters })
results-anonymised = { $who }, anonymised
results-count = count
results-share = share
results-rating = rating
results-rank = rank
results-points = Borda points
results-first = first places
results-md-mean = Mean: { $mean }.
tui-save-waits = { $count ->
    [one] nothing saved: 1 file waits for its conflicts to be settled (C)
   *[other] nothing saved: { $count } files wait for their conflicts to be settled (C)
}
tui-save-changed-on-disk = { $count ->
    [one] 1 file changed on disk since it was read and was not written ({ $files }): reading it to merge, then saving again
   *[other] { $count } files changed on disk since they were read and were not written ({ $files }): reading them to merge, then saving again
}
tui-changed-on-disk = changed on disk: { $files }
tui-merged-from-disk = changed on disk and merged with your unsaved edits: { $files }
tui-disk-conflicts = { $count ->
    [one] 1 conflict with your unsaved edits: settle it on the Conflicts screen (C)
   *[other] { $count } conflicts with your unsaved edits: settle them on the Conflicts screen (C)
}
tui-and-more = { $count } more
tui-changed-by = (by { $names })
tui-watch-failed = changes on disk are not watched ({ $error }): a save still never writes over them
tui-recovery-unreadable = The recovery file of unsaved edits could not be read: { $error }
tui-disk-conflicts-title = { $count ->
    [one] your unsaved edits and the disk: 1 conflict
   *[other] your unsaved edits and the disk: { $count } conflicts
}
tui-disk-conflicts-left = { $count ->
    [0] no conflict with the disk left: save (ctrl-s) to write the files
    [one] 1 conflict with the disk left
   *[other] { $count } conflicts with the disk left
}
tui-conflict-disk = unsaved/disk
tui-oplog-failed = saved, but the operation log could not record it: { $error }
col-operation = op
col-operation-what = what
col-files = files
tui-no-operations = no operation is recorded yet · O commits
tui-operations-help = U put the files back as before the selected operation · O commits
tui-undo-operation-question = Put the plan's files back as they were before operation { $number } ({ $what })? Later changes to those files are taken back too; unsaved edits are kept.
tui-undo-operation-keys = y put back   esc keep as it is
tui-operation-undone = { $count ->
    [one] the files are as before operation { $number }: 1 file put back
   *[other] the files are as before operation { $number }: { $count } files put back
}
cmd-operations = operations / commits
cmd-undo-operation = put the files back as before the operation
tui-new-errors = { $count ->
    [one] 1 new error came with it (7 Problems)
   *[other] { $count } new errors came with it (7 Problems)
}
cmd-edit-value = write a value of your own (JSON)
error-not-a-folder-hint = put a real folder of plan files in its place

## khutta export markdown: the status report.
report-title = Status report: {$plan}
report-as-of = As of {$date}.
report-summary = Summary
report-summary-activities = Activities: {$count} ({$done} done, {$active} in progress, {$planned} planned, {$held} on hold, {$cancelled} cancelled)
report-summary-window = Planning window: {$start} to {$end}
report-summary-finish = Scheduled finish: {$date}
report-summary-critical = Critical path: {$path}
report-late = Late work
report-late-none = Nothing is late.
report-next = Next milestones
report-next-none = No milestone is ahead.
report-budget = Budget by funding source
report-gantt = Gantt chart
report-gantt-other = Outside any group
report-unfunded = No funding source
report-column-id = Id
report-column-activity = Activity
report-column-due = Due by
report-column-status = Status
report-column-progress = Progress
report-column-date = Date
report-column-milestone = Milestone
report-column-funding = Funding source
report-column-currency = Currency
report-column-amount = Amount
report-column-budgeted = Budgeted

## Export and import from the TUI (E, I)

cmd-export = export the plan
cmd-import = import a file
tui-export-title = Export as
tui-import-title = Import from
tui-export-html = HTML report (one file, opens in any browser)
tui-export-markdown = Markdown report with a Mermaid Gantt chart
tui-export-csv = CSV: activities, budget lines and partners (a folder)
tui-export-ics = iCalendar: milestones and activities
tui-export-iati = IATI 2.03 activity XML
tui-export-mspdi = MS Project XML
tui-import-csv = CSV: activities and budget lines (a file or a folder)
tui-import-iati = IATI activity file: its organisations become partners
tui-export-path = Write to (a file; for CSV a folder)
tui-import-path = Read from (a file; for CSV a file or a folder)
tui-exchange-no-path = type where, a path
tui-exporting = exporting…
tui-importing = reading the file…
tui-exported = wrote { $files } to { $path }
tui-exchange-more = { $count ->
    [one] and one more problem
   *[other] and { $count } more problems
}
tui-import-stale = the plan changed while the file was read: nothing was imported; import again
tui-import-nothing = the file brings nothing the plan does not already hold
tui-imported = { $count ->
    [one] imported: one file of the plan changed (unsaved; u undoes it)
   *[other] imported: { $count } files of the plan changed (unsaved; u undoes them all)
}
tui-export-reporter = Published by (the partner whose IATI identifier reports)

## Searching the Partners, Beneficiaries and Funding lists (/)

tui-editor-search = search
tui-search-on = search on: { $shown } of { $total } shown (/ changes it, esc clears it)
tui-search-none = nothing matches the search (esc clears it)

## What the person at the keyboard may change, under governance.ron

tui-rights-refused = not yours to change: { $why }
tui-rights-coordinator = you: { $name } ({ $partner }, coordinator)
tui-rights-partner = you: { $name } ({ $partner })
tui-rights-unknown = you: { $email }, not in governance.ron: the server refuses what you commit
