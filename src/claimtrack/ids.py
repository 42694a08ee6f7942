"""What an id looks like. Kept apart from the models so that light code can use it."""

SLUG_PATTERN = r"^[a-z0-9][a-z0-9-]{1,79}$"
