"""The outcome of a quality run: one entry per expectation, in a stable shape for JSON."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..problems import Severity

MAX_EXAMPLES = 5


@dataclass(frozen=True)
class Example:
    id: str
    path: str


@dataclass
class Outcome:
    name: str
    frame: str
    columns: list[str]
    type: str
    severity: Severity
    description: str
    success: bool
    failing: int  # rows that fail
    rows: int  # rows checked (the frame's length)
    examples: list[Example] = field(default_factory=list)
    exception: str | None = None  # Great Expectations could not evaluate the expectation

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "frame": self.frame,
            "columns": self.columns,
            "type": self.type,
            "severity": str(self.severity),
            "description": self.description,
            "success": self.success,
            "failing": self.failing,
            "rows": self.rows,
            "examples": [{"id": e.id, "path": e.path} for e in self.examples],
            "exception": self.exception,
        }


@dataclass
class QualityReport:
    outcomes: list[Outcome] = field(default_factory=list)
    frames: dict[str, int] = field(default_factory=dict)  # rows per frame
    stuck_days: int = 0
    unread: int = 0  # files the store could not turn into records: not in the frames
    docs: str | None = None  # the Data Docs index, when written

    @property
    def failed(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.success]

    @property
    def ok(self) -> bool:
        """No error-level expectation failed (warnings do not count)."""
        return not any(o.severity == Severity.ERROR for o in self.failed)

    def to_dict(self) -> dict[str, Any]:
        failed = self.failed
        return {
            "ok": self.ok,
            "counts": {
                "expectations": len(self.outcomes),
                "failed": len(failed),
                "errors": sum(o.severity == Severity.ERROR for o in failed),
                "warnings": sum(o.severity == Severity.WARNING for o in failed),
            },
            "stuck_days": self.stuck_days,
            "unread_files": self.unread,
            "frames": dict(self.frames),
            "expectations": [o.to_dict() for o in self.outcomes],
        }
