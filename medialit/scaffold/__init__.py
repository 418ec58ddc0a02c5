"""``medialit new``: starting a lesson on a document."""
