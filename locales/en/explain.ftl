# `khutta check --explain CODE` and the book's check-code reference (docs/src/reference/check-codes.md).
# One code, four messages: `explain-<code>-title`, `-meaning`, `-example` and `-fix`.
# The table of which code has which keys is `src/check/explain.rs`.

## How an explanation is printed.
explain-severity-error = error: `khutta check` exits 1 while the plan has one
explain-severity-warning = warning: the plan is probably incomplete; `khutta check` still exits 0
explain-severity-exchange = error: `khutta export` or `khutta import` stops and writes nothing
explain-meaning = What it means
explain-example = Example
explain-fix = What to do
explain-list-heading = Every code `khutta check` reports; `khutta check --explain CODE` explains one:
explain-unknown = `{$code}` is not a code `khutta check` reports
explain-unknown-hint = codes look like E027 or W001; `khutta check --explain` lists every one

## Reading a file.
explain-e001-title = a RON syntax error
explain-e001-meaning = The file is not valid RON: a bracket, comma, quote or colon is missing or out of place. A file cut short (inside a string, or with brackets still open) is said to end early, at the place where it ends.
explain-e001-example = `title: Text(en: "Pilot in Tunis"` with no closing bracket, in activities/pilot-tunis.ron.
explain-e001-fix = Correct the syntax at the line and column given, or restore the file with `git checkout -- FILE`.
explain-e002-title = a value of the wrong type, or an invalid value
explain-e002-meaning = A field holds a value of another type than the one it takes (text where a number belongs), or a value of the right type that cannot be, such as a day that is not on the calendar or a name that is not one of the field's values.
explain-e002-example = `progress: "half"`, or `start: "2021-02-30"`.
explain-e002-fix = Write the value as the field takes it: dates as "YYYY-MM-DD" on a real day, named values as one of those the message lists.
explain-e003-title = a field this khutta does not know
explain-e003-meaning = The file holds a field that this khutta does not know: a typo, or a field a newer khutta wrote. It is an error rather than dropped, so that an older khutta never loses what a newer one wrote.
explain-e003-example = `progres: 40` in an activity.
explain-e003-fix = Correct the spelling (the message lists the known fields); if a newer khutta wrote the field, upgrade khutta rather than editing the file.
explain-e004-title = a required field is missing
explain-e004-meaning = A field that has no default is not in the file, so the entity cannot be read.
explain-e004-example = `timing: Fixed(start: "2026-01-05")` with no `end`.
explain-e004-fix = Add the field with its value.
explain-e005-title = the file is not UTF-8
explain-e005-meaning = The file's bytes are not valid UTF-8, often because an editor saved Arabic text as Windows-1256 or ISO-8859-6.
explain-e005-example = A partner file saved by an old editor in the Windows Arabic code page.
explain-e005-fix = Save the file again as UTF-8.
explain-e006-title = the file is larger than 1 MiB
explain-e006-meaning = A plan file holds one entity and is read up to 1 MiB; a larger file is not read at all.
explain-e006-example = A data export copied into activities/ under a .ron name.
explain-e006-fix = Move the file out of the plan folder, or split its content: a plan file holds one entity.
explain-e007-title = plan.ron has a newer format than this khutta reads
explain-e007-meaning = The `format` of plan.ron is newer than the one this khutta reads. The plan is refused as a whole and `fmt` writes nothing, so that an old khutta never loses what a newer one wrote.
explain-e007-example = `format: 2` in plan.ron, opened with a khutta that reads format 1.
explain-e007-fix = Upgrade khutta; nothing was read, so nothing is lost.
explain-e008-title = the file cannot be read
explain-e008-meaning = The operating system refused to read the file: no permission, an I/O error, or a file that went away while it was read.
explain-e008-example = A file in partners/ that only another user may read.
explain-e008-fix = Check that the file exists and that you may read it, then check again.
explain-e009-title = a comment in a plan file
explain-e009-meaning = Every save, merge and `fmt` writes plan files in canonical form, and none of them could keep a comment; rather than lose it quietly, khutta refuses the file where the comment is.
explain-e009-example = `// ask UNDP about the dates` above `timing:` in an activity.
explain-e009-fix = Move the note into a text field (such as `description`) or into a commit message, and delete the comment.

## Ids and files.
explain-e010-title = an id that is not a lowercase slug
explain-e010-meaning = Ids name files and appear in references, so they are lowercase slugs: a lowercase letter or a digit, then lowercase letters, digits and hyphens, at most 64 characters. This holds for entities, rounds, questions, options and participants.
explain-e010-example = `id: "Pilot_Tunis"`.
explain-e010-fix = Change the id and the file's name together, such as `pilot-tunis`; `r` in the TUI also changes every reference.
explain-e011-title = an id that differs from its file's name
explain-e011-meaning = An entity is read from the file named after its id. A file whose name is not the id it holds (a misnamed copy) is not loaded, and a save never writes over it. The same holds for a round and its folder, and a participant and their response file.
explain-e011-example = activities/pilot-tunis-2.ron holding `id: "pilot-tunis"`.
explain-e011-fix = Rename the file after the id it holds, or change the id to the file's name.
explain-e012-title = two entities with the same id
explain-e012-meaning = Two entities of one kind, two questions of a round or two options of one question have the same id, so references and answers cannot tell them apart.
explain-e012-example = Two options `yes` in one question.
explain-e012-fix = Give one of them another id.
explain-e013-title = one entity under two ids
explain-e013-meaning = Both sides of a plain `git` merge renamed the same entity, to different ids (git's rename/rename conflict, read from the index), so the plan would hold it twice.
explain-e013-example = You renamed `pilot-tunis` to `pilot-tunis-city`, a partner renamed it to `tunis-pilot`, and `git merge` brought both.
explain-e013-fix = Keep one id: delete the other file and `git add` both paths. `khutta sync` offers the three ids as a conflict instead.

## References, dates and money.
explain-e020-title = a reference to something that does not exist
explain-e020-meaning = A field names an activity, partner, beneficiary group, funding source or calendar that the plan does not have, often after a rename or a delete. In consultations: a question's `refers_to`, a picked item, or a response's partner organisation.
explain-e020-example = `lead: "escwa1"` when there is no partners/escwa1.ron.
explain-e020-fix = Correct the id (the hint offers a close one), or create what it refers to.
explain-e021-title = a dependency or parent cycle
explain-e021-meaning = Activities wait for each other in a circle, or groups contain each other, so no schedule exists; the cycle is named in full (`a -> b -> c -> a`) and its activities have no dates.
explain-e021-example = `report` depends on `review`, which depends on `report`.
explain-e021-fix = Remove or reverse one of the dependencies, or give one of the activities another parent.
explain-e022-title = an end date before its start date
explain-e022-meaning = A period ends before it begins: an activity's fixed dates, the planning window, a holiday or a funding source's availability. Dates are inclusive, so the start and the end may be the same day.
explain-e022-example = `timing: Fixed(start: "2026-05-10", end: "2026-04-30")`.
explain-e022-fix = Swap the two dates, or correct the one that is wrong.
explain-e023-title = a date outside the planning window
explain-e023-meaning = An activity starts, ends or may not start before a date outside the window that plan.ron sets.
explain-e023-example = An activity fixed to 2028 in a plan whose window ends on 2027-12-31.
explain-e023-fix = Move the date into the window, or widen the window in plan.ron.
explain-e024-title = money in a currency that has no exchange rate
explain-e024-meaning = An amount is in a currency for which plan.ron has no exchange rate, so it cannot be converted into the plan currency for totals and funding coverage.
explain-e024-example = A budget line in JOD when `exchange_rates` lists only EUR and EGP.
explain-e024-fix = Add `ExchangeRate(currency: "JOD", rate: "...", date: "YYYY-MM-DD")` to `exchange_rates` in plan.ron.
explain-e025-title = a funding source allocated beyond its amount, or outside its earmark
explain-e025-meaning = Budget lines draw more on a funding source than it holds, or draw on a source earmarked for other activities.
explain-e025-example = Budget lines drawing 120,000 USD on a source of 100,000 USD.
explain-e025-fix = Move some budget lines to another source, record a larger amount, or add the activity to the source's earmark.
explain-e026-title = text with neither Arabic nor English
explain-e026-meaning = Every text is bilingual, `Text(ar: "...", en: "...")`, and needs at least one of the two; so do the questions and options of a consultation.
explain-e026-example = `title: Text(ar: "", en: "")`.
explain-e026-fix = Write the text in at least one language.
explain-e027-title = a value out of range or malformed
explain-e027-meaning = A value is outside the range khutta accepts, or not written as its kind requires: progress outside 0 to 100, a currency that is not ISO 4217, a country that is not ISO 3166-1, an unknown SDG target, a calendar without a working day, an exchange rate not above zero or above a billion, an amount beyond a thousand trillion, a duration or lag beyond 10,000 working days. One table of ranges serves `check`, the forms and the importers.
explain-e027-example = `progress: 150`, or `country: "Egypt"` where `"EG"` belongs.
explain-e027-fix = Write a value within the range, in the form the message names.
explain-e028-title = a kind used against its meaning
explain-e028-meaning = What an activity holds does not fit its kind: a milestone with a duration or a span of days, a group with dates of its own, `Span` timing on an activity that is not a group, a parent that is not a group.
explain-e028-example = A milestone with `timing: Duration(days: 5)`.
explain-e028-fix = Change the kind or the field: a milestone is a point in time, and a group spans its children (`timing: Span`).
explain-e030-title = a fixed date that a dependency makes impossible
explain-e030-meaning = An activity fixed to dates cannot keep a dependency: its predecessor, with the lag, allows it to start or finish only later. The message says by how many days.
explain-e030-example = `launch` fixed to 2026-03-01 and waiting (FS) for `approval`, which finishes on 2026-03-10.
explain-e030-fix = Move the fixed dates later, finish the predecessor sooner, or change the dependency.

## Consultations.
explain-e040-title = an answer to a question the round does not have
explain-e040-meaning = A response answers a question id that its round does not have, usually because the question was renamed or deleted after answers came in.
explain-e040-example = An answer keyed `q9` in a round that has no question `q9`.
explain-e040-fix = Correct the question id, or remove the answer.
explain-e041-title = an answer naming an option or item the question does not offer
explain-e041-meaning = A choice names an option the question does not have, or a plan-items answer picks an item the question does not offer.
explain-e041-example = `Choice("maybe")` for a question whose options are `yes` and `no`.
explain-e041-fix = Use one of the question's options (the hint lists them), or pick among the items its `refers_to` names.
explain-e042-title = a rating outside 1 to 5
explain-e042-meaning = A rating is outside the question's scale, which runs from 1 to 5.
explain-e042-example = `Rating(7)`.
explain-e042-fix = Write a whole number from 1 to 5.
explain-e043-title = a ranking that does not list every option exactly once
explain-e043-meaning = A ranking repeats an option or leaves one out.
explain-e043-example = `Ranking(["cost", "time", "cost"])` for the options cost, time and quality.
explain-e043-fix = Rank every option exactly once.
explain-e044-title = an answer of the wrong kind for its question
explain-e044-meaning = The answer does not match its question: several answers to a single-choice question, an answer of another kind, or more choices or picks than the question's `max` allows.
explain-e044-example = `Choices(["a", "b"])` for a single-choice question.
explain-e044-fix = Answer as the question's kind asks, within its limit, or change the question's kind.
explain-e045-title = a duplicate participant
explain-e045-meaning = Two responses of one round have the same name (ignoring case and spacing), organisation and country: one person answered twice. A participant's id names their file, so this is how a duplicate shows.
explain-e045-example = p003.ron and p011.ron, both from Nadia at the municipality of Amman, JO.
explain-e045-fix = Keep one of the two responses and delete the other file, or correct the name if they are two people.
explain-e046-title = a question that cannot be answered as designed
explain-e046-meaning = A question leaves nothing to answer: a choice or ranking with fewer than two options, a plan-items question with nothing to pick, or a `max` of 0 or beyond the number of options.
explain-e046-example = A single-choice question with one option.
explain-e046-fix = Add options, set `max` within range, or make it a free-text question.
explain-e047-title = response files in a folder that has no round.ron
explain-e047-meaning = A consultation folder holds response files but no `round.ron`, so the responses cannot be read against their questions.
explain-e047-example = consultations/egm-2021/responses/ after round.ron was deleted.
explain-e047-fix = Restore `round.ron` from git, or move the responses to their round.
explain-e048-title = conflict markers that a line merge left in a plan file
explain-e048-meaning = The file holds `<<<<<<<`, `=======` and `>>>>>>>` lines: git merged plan files line by line because this clone's merge driver is not set up.
explain-e048-example = `git pull` in a clone where `khutta git-setup` never ran.
explain-e048-fix = Keep the right value between the markers, delete the markers and `git add` the file; run `khutta git-setup` so that the next merge is khutta's, field by field.

## Exchange files: `khutta export` and `khutta import`.
explain-e070-title = an organisation an IATI export must identify has no IATI identifier
explain-e070-meaning = IATI names the organisation that publishes an activity by its organisation identifier, and the activity's own identifier starts with it. The partner chosen as the reporting organisation has no `iati_ref`, so `khutta export iati` writes nothing.
explain-e070-example = `khutta export iati` on a plan whose accountable partner, ESCWA, has no `iati_ref`.
explain-e070-fix = Add `iati_ref` to that partner's file with its identifier from the IATI organisation registry (such as `XM-DAC-41120`), or name another partner with `--reporting-org`.
explain-e071-title = no partner, or more than one, can report the plan to IATI
explain-e071-meaning = The reporting organisation of an IATI export is the partner named with `--reporting-org`, else the one partner with the Accountable role. The plan has none, or several, or `--reporting-org` names no partner.
explain-e071-example = Two partners both hold the Accountable role and no `--reporting-org` is given.
explain-e071-fix = Give `--reporting-org` with the partner's id, or keep the Accountable role on one partner.
explain-e072-title = an imported file that is not well-formed XML
explain-e072-meaning = The file given to `khutta import` stops being XML at the place shown (an unclosed element, a bad character, a truncated file), so nothing is imported.
explain-e072-example = An MS Project file cut short by a failed download.
explain-e072-fix = Export the file again from the program that wrote it, or repair the XML at the place shown.
explain-e073-title = an imported file that is not what its format says
explain-e073-meaning = The file is XML, but an element the format needs is missing or holds a value khutta cannot read (an IATI file with no activity, an organisation with no name, an MS Project task whose link names no task or whose lag is a percentage).
explain-e073-example = `khutta import mspdi` on an IATI file, or on a project whose link points to a deleted task.
explain-e073-fix = Check that the format named matches the file, and correct or remove the element shown.

## Warnings.
explain-w001-title = an activity with no lead partner
explain-w001-meaning = No partner answers for the activity.
explain-w001-example = A task without `lead`.
explain-w001-fix = Set `lead` to the partner that answers for it.
explain-w002-title = a file in a plan folder that is not part of the plan
explain-w002-meaning = A plan folder holds something khutta does not read as a plan file: a file without the .ron extension, or a link, FIFO or folder where a plan file belongs. Links are never followed, and nothing is written through them.
explain-w002-example = activities/notes.txt, or a response file that is a link to /dev/stdin.
explain-w002-fix = Move it out of the plan folder, or give it the .ron extension if it is a plan file.
explain-w003-title = status and progress that disagree
explain-w003-meaning = An activity is done with progress below 100%, or planned (not started) with progress above 0%.
explain-w003-example = `status: Done` with `progress: 70`.
explain-w003-fix = Set the progress to match, or change the status.
explain-w004-title = probably one response entered twice
explain-w004-meaning = Two responses without a name come from the same organisation, country and role, with the same answers: probably one paper form entered twice, though two colleagues may answer alike.
explain-w004-example = Two unnamed responses from the same ministry in EG, with the same role and answers.
explain-w004-fix = If it was entered twice, delete one of the files; if two people answered alike, nothing needs doing.
