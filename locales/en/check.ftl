# The diagnostics of `khutta check` and the Problems screen: a message and a hint for each.
# Keys are `check-` then what the rule found; `-hint` for what to do about it.
