# The text of a review: `khutta diff`, its money and schedule tables, and the Review screen.
