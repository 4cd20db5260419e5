"""Errors the CLI turns into one line on stderr and exit code 2."""


class AlignerError(Exception):
    """A problem with the user's input or options, never a bug: exit code 2."""
