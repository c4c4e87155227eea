"""Errors the build reports to the user: one clear message, no traceback."""


class BuildError(Exception):
    """`str(error)` is the whole message: what went wrong, where, and how to fix it."""
