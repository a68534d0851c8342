# The diagnostics of `khutta check` and the Problems screen: a message and a hint for each.
# Keys are `check-` then what the rule found; `-hint` for what to do about it.

## Values: ranges, codes, kinds used as meant.
check-progress-range = progress is {$progress}%; it goes from 0 to 100
check-progress-range-hint = write a whole percentage between 0 and 100
check-negative-line = a budget line of {$amount} is negative
check-negative-line-hint = budget lines are costs; record savings by lowering the line
check-unknown-calendar = `calendar` refers to calendar `{$calendar}`, which plan.ron does not define
check-unknown-calendar-hint = add the calendar to `calendars` in plan.ron, or remove the field to use the country's calendar
check-no-lead = `{$id}` has no lead partner
check-no-lead-hint = set `lead` to the partner that answers for this activity
check-done-unfinished = `{$id}` is done but its progress is {$progress}%
check-done-unfinished-hint = set progress to 100, or change the status
check-planned-progress = `{$id}` is planned (not started) but its progress is {$progress}%
check-planned-progress-hint = set the status to InProgress, or progress to 0
check-negative-amount = the amount {$amount} is negative
check-negative-amount-hint = write the amount the funder provides
check-milestone-duration = milestone `{$id}` has a duration of {$days} working days
check-milestone-duration-hint = a milestone is a point in time: use `Duration(days: 0)`, or make it a Task
check-milestone-span = milestone `{$id}` lasts from {$start} to {$end}
check-milestone-span-hint = a milestone is a point in time: give it the same start and end, or make it a Task
check-group-dates = group `{$id}` has its own dates
check-group-dates-hint = a group spans its children: write `timing: Span`
check-span-not-group = `{$id}` is not a group, so it cannot span children
check-span-not-group-hint = give it `Fixed(start: ..., end: ...)` or `Duration(days: ...)` timing, or make it a Group
check-parent-not-group = parent `{$parent}` is a {$kind}, not a group
check-parent-not-group-hint = make the parent a Group, or choose a group as parent
check-lag-range = `{$id}` has a lag of more than 10,000 working days
check-lag-range-hint = lags and leads are counted in working days; check the number
check-empty-field = `{$field}` has neither Arabic nor English text
check-empty-text-hint = write it in at least one language: `(ar: "...", en: "...")`
check-bad-currency = `{$currency}` is not an ISO 4217 currency code
check-bad-currency-hint = write three capital letters, such as USD, EUR or EGP
check-bad-country = `{$country}` is not an ISO 3166-1 country code
check-bad-country-hint = write two capital letters, such as EG, JO, MA or TN
check-bad-sdg-target = `{$target}` is not an SDG target
check-bad-sdg-target-hint = write the goal and target, such as "11.3" or "16.7"
check-bad-plan-id = `{$id}` is not a valid plan id: {$reason}
check-bad-id-hint = ids are lowercase slugs such as `{$example}`
check-plan-untitled = the plan has no title
check-bad-sdg-goal = there is no Sustainable Development Goal {$goal}
check-bad-sdg-goal-hint = the goals are numbered 1 to 17
check-calendar-twice = calendar `{$calendar}` is defined twice
check-calendar-twice-hint = give one of them another id
check-bad-calendar-id = `{$id}` is not a valid calendar id: {$reason}
check-no-working-day = calendar `{$calendar}` has no working day
check-no-working-day-hint = a weekend has at most six days; Friday-Saturday is `[Fri, Sat]`
check-unknown-default-calendar = `default_calendar` refers to calendar `{$calendar}`, which is not defined
check-unknown-default-calendar-hint = add it to `calendars`, or correct the id

## References, dates, money and cycles.
check-noun-activity = activity
check-noun-partner = partner
check-noun-beneficiary = beneficiary group
check-noun-funding = funding source
check-dangling = `{$field}` refers to {$noun} `{$id}`, which does not exist
check-dangling-near-hint = did you mean `{$near}`? Otherwise create {$path}
check-dangling-hint = correct the id, or create {$path}
check-ref-empty = `{$field}` names no {$noun} yet
check-ref-empty-hint = choose the {$noun} in `{$field}`
check-window-reversed = the planning window ends ({$end}) before it starts ({$start})
check-swap-dates-hint = swap the two dates, or correct the one that is wrong
check-holiday-reversed = holiday {$date} in calendar `{$calendar}` ends before it starts
check-holiday-reversed-hint = `until` is the last day of the holiday and comes on or after `date`
check-activity-reversed = `{$id}` ends on {$end}, before it starts on {$start}
check-activity-reversed-hint = the end date is the last day of the activity and comes on or after the start
check-starts-outside = `{$id}` starts on {$date}, outside the planning window {$from} to {$to}
check-ends-outside = `{$id}` ends on {$date}, outside the planning window {$from} to {$to}
check-not-before-outside = `{$id}` may not start before {$date}, outside the planning window {$from} to {$to}
check-outside-window-hint = move the date into the window, or widen the window in plan.ron
check-availability-reversed = `{$id}` is available until {$end}, before it becomes available on {$start}
check-no-rate = amount in {$currency}, but plan.ron has no exchange rate from {$currency} to {$plan_currency}
check-no-rate-hint = add `ExchangeRate(currency: "{$currency}", rate: "...", date: "YYYY-MM-DD")` to `exchange_rates` in plan.ron
check-rate-not-positive = the exchange rate for {$currency} is {$rate}; a rate must be positive
check-rate-not-positive-hint = write how many units of the plan currency one unit of this currency is worth
check-rate-range = the exchange rate for {$currency} is {$rate}, above the largest khutta accepts ({$max})
check-rate-range-hint = a rate is how many units of the plan currency one unit of this currency is worth; check for added digits
check-earmarked-elsewhere = a budget line draws on `{$funding}`, which is earmarked for other activities
check-earmarked-elsewhere-hint = pay this line from another source, or add `{$id}` to the earmark of `{$funding}`
check-over-allocated = budget lines draw {$drawn} {$currency} on `{$funding}`, which holds {$amount} {$currency} ({$excess} {$currency} too much)
check-over-allocated-hint = move some budget lines to another funding source, or record a larger amount
check-dependency-cycle = dependency cycle: {$cycle}
check-dependency-cycle-hint = an activity cannot wait for itself; remove or reverse one of these dependencies
check-parent-cycle = parent cycle: {$cycle}
check-parent-cycle-hint = a group cannot contain itself; give one of these activities another parent

## Consultation rounds and responses.
check-plural-activity = activities
check-plural-partner = partners
check-plural-beneficiary = beneficiary groups
check-plural-funding = funding sources
check-refers-missing = {$what} {$noun} `{$id}`, which does not exist
check-renamed-near-hint = did you mean `{$near}`? It may have been renamed or deleted
check-renamed-hint = it may have been renamed or deleted; correct the id, or create {$path}
check-empty-text = {$what} has neither Arabic nor English text
check-bad-named-id = {$what} `{$id}` is not a valid id: {$reason}
check-bad-question-id-hint = ids are lowercase slugs such as `priorities` or `q1`
check-what-round-title = the round's title
check-what-question = question
check-what-question-id = question `{$question}`
check-what-question-refers = question `{$question}` refers to
check-what-option-of = an option of `{$question}`
check-what-option = option `{$option}` of question `{$question}`
check-what-scale-label = a scale label of `{$question}`
check-what-organisation = `organisation` is
check-what-answer-picks = the answer to `{$question}` picks
check-question-twice = two questions have the id `{$question}`
check-question-twice-hint = give one of them another id; answers are keyed by question id
check-option-twice = question `{$question}` has two options with the id `{$option}`
check-option-twice-hint = give one of them another id; answers name options by id
check-too-few-options = question `{$question}` ({$kind}) has { $count ->
    [one] {$count} option
    *[other] {$count} options
}; it needs at least two
check-too-few-options-hint = add options, or make it a free-text question
check-bad-max-choices = question `{$question}` allows { $max ->
    [one] {$max} choice
    *[other] {$max} choices
} among {$count} options
check-bad-max-choices-hint = set `max` between 1 and the number of options, or leave it out for no limit
check-zero-items = question `{$question}` allows 0 items to be picked
check-zero-items-hint = set `max` to how many items a participant may pick (at least 1)
check-no-candidates = question `{$question}` asks to pick {$items}, but the plan has none
check-no-candidates-hint = add them to the plan, or name the candidates in `refers_to`
check-organisation-unnamed = the organisation has no name
check-organisation-unnamed-hint = write the organisation's name, or `Partner("id")` for a partner of the plan
check-answered-twice = this participant already answered as `{$first}`: same name, organisation and country
check-answered-twice-hint = keep one of the two responses, or correct the name if they are two people; delete the other file (`{$first}.ron` or this one)
check-response-repeats = this response repeats `{$first}`: no name, and the same organisation, country, role and answers
check-response-repeats-hint = if it was entered twice, delete one of the files; if two people answered alike, nothing needs doing

## Answers.
check-unknown-question = an answer to `{$question}`, which is not a question of round `{$round}`
check-unknown-question-hint = correct the question id, or remove the answer (the question may have been renamed or deleted)
check-several-answers = several answers to `{$question}`, a single-choice question
check-wrong-answer-kind = `{$question}` is a {$kind} question, answered with {$answer}
check-wrong-answer-kind-hint = answer it as `{$expected}(...)`, or change the question's kind
check-unknown-option = `{$option}` is not an option of `{$question}`
check-unknown-option-hint = use one of: {$options}
check-too-many-choices = {$count} choices for `{$question}`, which allows at most {$max}
check-too-many-choices-hint = keep the choices the participant gave first, up to the limit
check-rating-range = a rating of {$rating} for `{$question}`; ratings go from {$min} to {$max}
check-rating-range-hint = write a whole number from {$min} to {$max}
check-not-a-candidate = `{$id}` is not one of the {$items} `{$question}` offers
check-not-a-candidate-hint = pick among the items the question names in `refers_to`
check-too-many-items = {$count} items picked for `{$question}`, which allows at most {$max}
check-too-many-items-hint = keep the items the participant gave first, up to the limit
check-ranking-repeats = the ranking for `{$question}` repeats {$repeated}
check-ranking-leaves-out = the ranking for `{$question}` leaves out {$missing}
check-ranking-repeats-and-leaves-out = the ranking for `{$question}` repeats {$repeated} and leaves out {$missing}
check-ranking-hint = rank every option exactly once: {$options}

## Files and ids, found while loading.
check-id-empty = an id cannot be empty
check-id-too-long = an id has at most {$max} characters, this one has {$count}
check-id-bad-start = an id starts with a lowercase letter or a digit, not {$char}
check-id-bad-char = an id holds only a-z, 0-9 and '-', not {$char}
check-bad-id = `{$id}` is not a valid id: {$reason}
check-bad-entity-id-hint = ids are lowercase slugs such as `pilot-tunis-2`; rename the file and the id together
check-bad-round-id-hint = ids are lowercase slugs such as `egm-2021`; rename the folder and the id together
check-bad-participant-id-hint = participant ids are lowercase slugs such as `p001`; rename the file and the id together
check-file-mismatch = `{$stem}.ron` holds {$noun} `{$id}`, not `{$stem}`: this file was not loaded
check-file-mismatch-hint = an entity is read from the file named after its id: rename the file to `{$id}.ron`, or change its id to the file's name
check-stray-file = `{$name}` is not a .ron file and is not part of the plan
check-stray-file-hint = move it out of `{$dir}/`, or give it the .ron extension if it is a {$noun}
check-what-not-round-folder = `{$name}` (not a round's folder)
check-what-file = `{$name}`
check-stray-in-round = {$what} is not part of the plan
check-stray-in-round-hint = a round's folder holds `{$round_file}` and a `{$responses}/` folder of .ron files; move anything else out of `{$consultations}/`
check-no-round = { $count ->
    [one] {$count} response file
    *[other] {$count} response files
} but no `{$round_file}`: they were not read
check-no-round-hint = restore `{$round_file}` from git, or move the responses to their round
check-round-folder-mismatch = the round id `{$id}` differs from its folder `{$folder}`: the round and its responses were not loaded
check-round-folder-mismatch-hint = a round's folder is named after its id; rename the folder or change the id so that they match
check-participant-file-mismatch = the participant id `{$id}` differs from the file name `{$stem}.ron`: this response was not loaded
check-participant-file-mismatch-hint = a response's file is named after its participant id; rename the file or change the id

## Reading a file.
check-not-utf8 = the file is not valid UTF-8
check-not-utf8-at = the file is not valid UTF-8 (byte {$byte} at offset {$offset})
check-not-utf8-hint = save the file as UTF-8; Arabic text must be stored as UTF-8, not Windows-1256 or ISO-8859-6
check-in-outer = {" "}in `{$outer}`
check-unknown-field = unknown field `{$found}`{$place}; known fields: {$expected}
check-unknown-field-hint = check the spelling; if a newer khutta wrote this field, upgrade khutta rather than editing the file, so that nothing is lost
check-missing-field = missing field `{$field}`{$place}
check-missing-field-hint = add `{$field}: ...`; `khutta check --help` lists the file format
check-field-twice = field `{$field}` appears twice{$place}
check-field-twice-hint = keep one of the two
check-unknown-variant = `{$found}` is not a valid value{$place}; expected one of: {$expected}
check-unknown-variant-hint = use one of the listed values exactly as written
check-wrong-type = wrong type: {$detail}
check-wrong-type-hint = write the value with the type the field expects
check-early-end = the file ends too early (is it truncated?)
check-early-end-hint = close every open bracket, or restore the file from git
check-syntax = syntax error: {$detail}
check-syntax-hint = the file is not valid RON; compare it with `khutta fmt` output or restore it with `git checkout -- FILE`
check-invalid-date = invalid date ({$detail})
check-invalid-date-hint = write dates as "YYYY-MM-DD" and use a real calendar day
check-parser-says = {$detail}
check-not-plan-file = not a plan file
check-format-newer = this plan uses format {$format}; this khutta reads format {$supported} and older
check-format-newer-hint = upgrade khutta to open this plan; nothing was read, so nothing will be lost
check-unreadable = cannot read the file: {$detail}
check-unreadable-hint = check that the file exists and that you may read it
check-too-large = the file has {$size} bytes; plan files are at most {$max}
check-too-large-hint = a plan file holds one entity; split the content or remove the file if it is not a plan file

## Scheduling.
check-conflict-fall = fall
check-conflict-start = start
check-conflict-end = end
check-conflict-lag = {" "}with a lag of { $days ->
    [one] {$days} working day
    *[other] {$days} working days
}
check-conflict-lead = {" "}with a lead of { $days ->
    [one] {$days} working day
    *[other] {$days} working days
}
check-conflict-group-dependency = the {$kind} dependency of its group `{$group}`
check-conflict-own-dependency = its {$kind} dependency
check-date-conflict = `{$activity}` is fixed to {$what} on {$fixed}, but {$whose} on `{$predecessor}`{$lag} allows {$earliest} at the earliest: { $days ->
    [one] {$days} day
    *[other] {$days} days
} of conflict
check-date-conflict-hint = move the fixed dates { $days ->
    [one] {$days} day
    *[other] {$days} days
} later, finish `{$predecessor}` sooner, or change the dependency
check-group-cycle = dependency cycle through a group: {$cycle}
check-group-cycle-hint = a group spans its children: an activity cannot depend on its own group, nor a group on one of its members

## How a diagnostic is printed.
check-hint = hint: {$hint}

## The RON parser's commonest complaints, as it words them.
check-ron-integer = Expected integer
check-ron-float = Expected float
check-ron-boolean = Expected boolean
check-ron-string = Expected string
check-ron-identifier = Expected identifier
check-ron-option = Expected option
check-ron-unit = Expected unit
check-ron-open = Expected opening `{$bracket}`
check-ron-close = Expected closing `{$bracket}`
check-ron-comma = Expected comma
check-ron-colon = Expected colon
check-ron-string-end = Expected end of string
check-ron-out-of-bounds = Integer is out of bounds
check-ron-trailing = Non-whitespace trailing characters
check-ron-unexpected-char = Unexpected char {$char}
check-what-link = a symbolic link
check-what-folder = a folder
check-what-special = a special file (a FIFO, a socket or a device)
check-what-regular-file = a file
check-not-a-regular-file = `plan.ron` is {$what}, not a file: khutta does not open it
check-not-a-regular-file-hint = put the plan's own `plan.ron` in its place
check-stray-not-a-file = `{$name}` is {$what}, not a plan file: khutta does not open it
check-what-not-a-file = `{$name}` ({$what})
check-folder-not-a-folder = `{$name}` is {$what}, not a folder: nothing in it was read
check-folder-not-a-folder-hint = put a folder of .ron files in the place of `{$name}`
check-comment = a comment: plan files hold no comments, since the next save or merge would drop them
check-comment-hint = move the note into a text field (a description, a note) and delete the comment
check-conflict-markers = conflict markers from a line merge: git merged this file line by line
check-conflict-markers-hint = keep one side between `<<<<<<<` and `>>>>>>>` and delete the markers; to let khutta merge plan files by field from now on, run `khutta git-setup` in this clone
check-renamed-two-ways = `{$from}` was renamed two ways by a line merge: `{$ours}` here and `{$theirs}` on the other side; it is one entity under two ids
check-renamed-two-ways-hint = abandon this merge (`git merge --abort`) and sync with `khutta sync`, which offers both ids to choose from; or delete `{$theirs}` and move its references to the id you keep
check-amount-range = the amount {$amount} is beyond what a plan holds (at most a thousand trillion either way)
check-amount-range-hint = correct the amount: a slip of the keyboard adds digits
check-days-range = a duration of {$days} working days is beyond the longest a plan holds ({$max})
check-days-range-hint = correct the number of working days

## governance.ron: who may change what.
check-gov-unknown-partner = `governance.ron` names the partner `{$partner}`, which the plan does not have
check-gov-unknown-partner-hint = add the partner's file under partners/, or correct the id
check-gov-no-coordinator = `governance.ron` names no coordinator, so nobody could change the rules
check-gov-no-coordinator-hint = list at least one partner under `coordinators`
check-gov-person-twice = the person with the email `{$email}` is listed twice in `governance.ron`
check-gov-person-twice-hint = keep one entry per person, with all of their keys in it
check-gov-bad-key = a key of {$name} is not an SSH public key: `{$key}`
check-gov-bad-key-hint = copy the whole line of the `.pub` file, such as `ssh-ed25519 AAAA... name`
check-gov-bad-pattern = the id pattern `{$pattern}` can match no id: {$char} is neither a slug's character nor `*` or `?`
check-gov-bad-pattern-hint = write the pattern in lowercase letters, digits and `-`, with `*` for any run of characters and `?` for one
check-gov-bad-group = `{$group}` is not a group of activities, so the grant can match nothing
check-gov-bad-group-hint = name an activity of kind Group, and use `group` only in grants of kind Activity
check-gov-unknown-field = {$noun} have no field `{$field}` (their fields: {$expected})
check-gov-unknown-field-hint = correct the field's name, or leave `fields` out to grant every field
check-plural-round = consultation rounds
check-plural-response = responses
check-gov-round-lead = a grant of kind Round cannot say `lead: true`: a round has no lead partner, so the grant can match nothing
check-gov-round-lead-hint = name the rounds with `ids`; `lead` keeps a grant of kind Response to the responses of the partner's own people
