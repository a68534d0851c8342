# The output of the commands: schedule, log, sync, commit, init, git-setup, blame, baseline, fmt, merge.
