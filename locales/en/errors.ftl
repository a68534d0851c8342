# Errors: of the repository, of the store, of edits and of values typed into forms, with their hints.

# Text that is already in the reader's language.
said-plain = {$text}
# How a command reports an error, on standard error.
error-line = error: {$message}
error-hint = hint: {$hint}

## The plan folder.
store-not-a-plan = `{$path}` is not a khutta plan: it has no plan.ron
store-io = {$path}: {$detail}
store-serialize = cannot write {$path} as RON: {$detail}
store-meta-unreadable = plan.ron could not be read; fix it before saving so that nothing in it is lost
store-round-not-saved = consultation round `{$round}` is not saved yet (there is no {$path})

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
repo-uncommitted = the plan has changes that are not committed
repo-uncommitted-hint = commit them first: khutta commit -m "what changed"
repo-detached-head = HEAD is not on a branch, so there is nothing to sync
repo-no-remote = there is no remote `{$remote}`
repo-no-remote-hint = add one: git remote add origin URL
repo-network = cannot reach `{$remote}`: {$detail}
repo-network-hint = nothing was lost: your commits are still here; sync again when the remote is reachable
repo-auth = `{$remote}` refused: {$detail}
repo-auth-hint = add your key to ssh-agent (ssh-add), or set up git's credential helper for this host; khutta stores no credential
repo-rejected = the server refused to update {$refname}: {$detail}
repo-rejected-hint = nothing was lost; ask the repository's maintainers about the server's rule
repo-push-raced = the remote moved while pushing
repo-remote-keeps-moving = `{$remote}` kept moving while khutta pushed; try again in a moment
repo-io = {$path}: {$detail}
repo-git = git: {$detail}
repo-baseline-exists = there is already a baseline `{$name}`
repo-baseline-exists-hint = choose another name, or replace it with `khutta baseline {$name} --force`
repo-bad-baseline-name = `{$name}` cannot be a baseline name
repo-bad-baseline-name-hint = use letters, digits, dots, dashes and slashes, such as `2026-q1` or `donor/approved`
repo-no-such-activity = there is no activity `{$id}` at {$rev}
repo-no-such-activity-hint = an activity renamed since is blamed by its new id; `khutta log --activity ID` lists its commits
repo-no-such-field = activities have no field `{$field}`; they have: {$known}
