"""Problems are data: a code, a severity, a location and a message that says how to fix it.

One report type serves the library, the command line and the widgets.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from enum import StrEnum
from typing import Any


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"


@dataclass(frozen=True, slots=True)
class Problem:
    code: str
    message: str
    path: str = ""
    line: int | None = None
    column: int | None = None
    field: str = ""
    severity: Severity = Severity.ERROR

    def at(self, line: int | None, column: int | None) -> Problem:
        return Problem(self.code, self.message, self.path, line, column, self.field, self.severity)

    def to_dict(self) -> dict[str, Any]:
        """The stable JSON shape: path, line, column, field, code, severity, message."""
        return {
            "path": self.path,
            "line": self.line,
            "column": self.column,
            "field": self.field,
            "code": self.code,
            "severity": str(self.severity),
            "message": self.message,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Problem:
        return cls(
            code=data["code"],
            message=data["message"],
            path=data["path"],
            line=data["line"],
            column=data["column"],
            field=data["field"],
            severity=Severity(data["severity"]),
        )

    def sort_key(self) -> tuple[str, int, int, str]:
        return (self.path, self.line or 0, self.column or 0, self.code)


@dataclass
class Counts:
    claims: int = 0
    sources: int = 0
    actors: int = 0
    files: int = 0


@dataclass
class Report:
    problems: list[Problem] = field(default_factory=list)
    counts: Counts = field(default_factory=Counts)

    @property
    def ok(self) -> bool:
        return not any(p.severity == Severity.ERROR for p in self.problems)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == Severity.ERROR]

    @property
    def warnings(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == Severity.WARNING]

    def to_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "problems": [p.to_dict() for p in sorted(self.problems, key=Problem.sort_key)],
            "counts": asdict(self.counts),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Report:
        return cls([Problem.from_dict(p) for p in data["problems"]], Counts(**data["counts"]))


class ClaimtrackError(Exception):
    """Raised by the library for one problem that stops an operation (such as a refused save)."""

    def __init__(self, problem: Problem):
        super().__init__(problem.message)
        self.problem = problem
