"""Errors the CLI turns into one line on stderr and exit code 2, and the one-line notes that are not errors."""

import importlib
import sys


def say(message: str) -> None:
    """A note for the user (progress, a warning) on stderr, one line, as every aligner line starts."""
    print(f"aligner: {message}", file=sys.stderr)


class AlignerError(Exception):
    """A problem with the user's input or options, never a bug: exit code 2."""


def require(modules: tuple[str, ...], task: str, install: str) -> None:
    """Fail before any work when a package ``task`` needs is missing; ``install`` may name it as ``{module}``."""
    for module in modules:
        try:
            importlib.import_module(module)
        except ImportError:
            raise AlignerError(f"{task} needs {module}: {install.format(module=module)}") from None
