"""One page per checklist step; each renders the state machine and writes the user's edits into it."""
