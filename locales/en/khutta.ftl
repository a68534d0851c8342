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
screen-help = Help
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

severity-error = error
severity-warning = warning

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
unsaved-changes = Unsaved changes
quit-confirm = There are unsaved changes. Quit without saving?
answer-yes = Yes
answer-no = No
save-failed = Could not save: { $error }

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
error-no-plan = there is no plan here
error-no-plan-hint = open one with `khutta PATH`, or create one with `khutta init DIR`
error-current-folder = cannot read the current folder: { $error }
error-output = cannot write output: { $error }
