# The HTML report (`khutta export html`): its headings, columns and legend, and the errors of
# `khutta export`.

html-title = plan report
html-gantt = Gantt chart
report-activities = Activities
html-budget = Budget and funding
report-consultations = Consultation results
report-plan-id = Plan
report-window = Planning window
report-start = Start
report-finish = Finish
report-today = Today
report-critical-path = Critical path
report-conflicts = Date conflicts
report-cycle = Dependency cycle
report-legend-task = task
report-legend-critical = critical
report-legend-group = group
report-legend-milestone = milestone
report-legend-slack = slack
report-legend-link = dependency
report-legend-today = today
report-col-id = Id
report-col-title = Activity
report-col-lead = Lead
report-col-start = Start
report-col-finish = Finish
report-col-days = Working days
report-col-status = Status
report-col-slack = Slack
report-col-total = Total in the plan's currency
report-col-by-currency = By currency
report-budgeted = Budgeted cost
report-secured = Funding secured (committed, disbursed)
report-expected = Funding expected (pipeline, pledged)
report-secured-share = Share of the budget secured
report-funding-sources = Funding sources
report-no-funding = The plan has no funding sources.
report-col-source = Source
report-col-funder = Funder
report-col-amount = Amount
report-col-drawn = Drawn by budget lines
report-col-left = Left
report-col-lines = Lines
report-lines-of = Budget lines drawing on { $source }
html-unfunded = Budget lines without a funding source
report-col-activity = Activity
report-col-category = Category
report-no-consultations = The plan has no consultation rounds.
export-cannot-write-hint = check that the folder exists and that you may write to it
exchange-problems = { $count ->
    [one] one problem in the file
   *[other] { $count } problems in the file
}
