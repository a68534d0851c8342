# Errors: of the repository, of the store, of edits and of values typed into forms, with their hints.

# Text that is already in the reader's language.
said-plain = {$text}
# How a command reports an error, on standard error.
error-line = error: {$message}
error-hint = hint: {$hint}
error-bug-hint = this is a bug in khutta; please report it
