## Who may change what: governance.ron's rules, khutta verify, the TUI's locks.

## Why a change is refused.
rights-unknown-person = {$email} is not a person of governance.ron, so may change nothing
rights-coordinators-plan = only a coordinator may change the plan's own fields (plan.ron)
rights-rules-need-coordinator = only a coordinator may change the rules (governance.ron)
rights-not-granted = no grant of `{$partner}` allows this change
rights-funder-only = this touches the money of `{$funder}`, which changes only with its agreement (a person of `{$funder}` or a coordinator)

## khutta verify.
verify-commit = {$commit} {$author} <{$email}>: {$summary}
verify-breach-field = {$noun} `{$id}`, field {$field}: {$why}
verify-breach-entity = {$noun} `{$id}` added or removed: {$why}
verify-breach-entity-any = {$noun} `{$id}`: {$why}
verify-breach-plan = plan.ron, field {$field}: {$why}
verify-breach-file = {$file}: {$why}
verify-breach-rules = governance.ron: {$why}
verify-sig-unsigned = not signed, and the rules require every commit to be signed
verify-sig-unverifiable = signed, but no signature checker ran, and the rules require signatures
verify-sig-bad = the signature does not verify
verify-sig-unknown-key = signed by a key not listed for its author in governance.ron: {$key}
verify-check = check fails after this commit (errors it brought: {$new}; errors from before: {$kept})
verify-check-error = {$path}: error[{$code}]: {$message}
verify-summary = commits verified: {$walked}; with findings: {$flagged}
