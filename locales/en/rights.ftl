## Who may change what: governance.ron's rules, khutta verify, the TUI's locks.

## Why a change is refused.
rights-unknown-person = {$email} is not a person of governance.ron, so may change nothing
rights-coordinators-plan = only a coordinator may change the plan's own fields (plan.ron)
rights-coordinators-consultations = only a coordinator may change consultation rounds and responses
rights-rules-need-coordinator = only a coordinator may change the rules (governance.ron)
rights-not-granted = no grant of `{$partner}` allows this change
rights-funder-only = this touches the money of `{$funder}`, which changes only with its agreement (a person of `{$funder}` or a coordinator)
