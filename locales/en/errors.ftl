# Errors: of the repository, of the store, of edits and of values typed into forms, with their hints.
