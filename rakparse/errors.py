"""One exception family; each class carries the exit code the CLI gives for it.

The library raises these and never prints or exits; ``cli.py`` has the one handler
that turns them into ``rakparse: error: FILE: what; what to do`` and an exit code.
"""

from __future__ import annotations

import enum


class ExitCode(enum.IntEnum):
    """Exit codes of the output contract."""

    OK = 0
    INVALID = 1  # input read, but the result is invalid (or has warnings with --strict)
    USAGE = 2  # usage error, unreadable or unsupported input


class RakparseError(Exception):
    """Base of every error rakparse reports to users.

    ``what`` says what went wrong, ``fix`` what the user can do about it, and
    ``path`` names the file (or ``-`` for standard input) when there is one.
    """

    exit_code = ExitCode.USAGE

    def __init__(self, what: str, fix: str = "", path: str | None = None) -> None:
        super().__init__(what)
        self.what = what
        self.fix = fix
        self.path = path

    def one_line(self) -> str:
        """The message as the CLI prints it, without the ``rakparse: error:`` prefix."""
        text = f"{self.path}: {self.what}" if self.path else self.what
        if self.fix:
            text += f"; {self.fix}"
        return " ".join(text.split())


class InputError(RakparseError):
    """The input cannot be read: missing, empty, binary, undecodable, unsupported."""


class NoTableError(RakparseError):
    """The input was read but holds no RAK table."""


class UsageError(RakparseError):
    """A bad option or option value (unknown format, bad vocabulary file...)."""


class OutputError(RakparseError):
    """The output cannot be written (missing folder, no permission...)."""


class InvalidResultError(RakparseError):
    """The result does not satisfy the schema or the semantic rules."""

    exit_code = ExitCode.INVALID


class DependencyError(RakparseError):
    """An external program (Tesseract) or optional package is missing."""
