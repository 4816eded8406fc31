"""The rules engine: a generic evaluator of the bundled, versioned rule pack."""
