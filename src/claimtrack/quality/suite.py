"""The expectation suite: the default checks on the frames, and the newsroom's quality.yaml.

A check is one Great Expectations expectation on one frame, with a stable name, a severity
(error or warning) and a short description for people. The default suite covers what a single
file cannot show; `claims/quality.yaml` adds expectations, or tunes or turns off default ones:

    stuck_days: 21                       # optional: the desk-health threshold (default 30)
    expectations:
      - name: statement-length           # a default check: change its arguments or severity
        kwargs: {min_value: 20, max_value: 600}
        severity: error
      - name: source-unused
        enabled: false                   # turn a default check off
      - name: claims-have-reviewer       # a new check
        type: expect_column_values_to_not_be_null
        frame: claims
        column: reviewer
        severity: warning
        description: Every claim has a reviewer
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from ..frames import Frames
from ..models import Status
from ..problems import Problem, Severity
from ..store.parse import locate, parse

QUALITY_FILE = "quality.yaml"
DEFAULT_STUCK_DAYS = 30
STATEMENT_BOUNDS = (10, 2000)
_TOP_KEYS = ("stuck_days", "expectations")
_ENTRY_KEYS = ("name", "type", "frame", "column", "kwargs", "severity", "description", "enabled")
_COLUMN_KWARGS = ("column", "column_A", "column_B")


@dataclass(frozen=True)
class Check:
    name: str
    frame: str
    type: str  # the Great Expectations expectation type: expect_column_values_to_be_unique
    kwargs: dict[str, Any]
    severity: Severity
    description: str
    custom: bool = False

    @property
    def columns(self) -> list[str]:
        found = [self.kwargs[k] for k in _COLUMN_KWARGS if k in self.kwargs]
        return [str(c) for c in [*found, *self.kwargs.get("column_list", [])]]


@dataclass
class Suite:
    checks: list[Check] = field(default_factory=list)
    stuck_days: int = DEFAULT_STUCK_DAYS
    problems: list[Problem] = field(default_factory=list)


E, W = Severity.ERROR, Severity.WARNING


def default_checks(frames: Frames, stuck_days: int = DEFAULT_STUCK_DAYS) -> list[Check]:
    """The default suite. Value sets come from the dataset: its languages and verdict scale."""
    in_set = "expect_column_values_to_be_in_set"
    later = "expect_column_pair_values_a_to_be_greater_than_b"
    pair = {"or_equal": True, "ignore_row_if": "either_value_is_missing"}
    statuses = [s.value for s in Status]
    languages = sorted({tag.split("-")[0].lower() for tag in frames.languages})
    low, high = STATEMENT_BOUNDS
    checks = [
        Check("ids-unique", "records", "expect_column_values_to_be_unique", {"column": "id"}, E,
              "Every id names one record across claims, sources and actors"),
        Check("status-in-workflow", "claims", in_set,
              {"column": "status", "value_set": statuses}, E,
              "Every claim's status is a step of the workflow"),
        Check("verdict-on-scale", "claims", in_set,
              {"column": "verdict", "value_set": list(frames.verdicts)}, E,
              "Every verdict is a label of the verdict scale in use"),
        Check("four-eyes", "claims", in_set, {"column": "four_eyes", "value_set": [True]}, E,
              "A published claim has a reviewer who is not its assignee"),
        Check("evidence-preserved", "evidence", in_set,
              {"column": "source_preserved", "value_set": [True]}, W,
              "Every evidence item cites a source with an archive URL or a sha256 of a copy "
              "(the publication gate requires it; during research it is a reminder)"),
        Check("appeared-before-created", "claims", later,
              {"column_A": "created", "column_B": "appeared", **pair}, E,
              "A claim is created on or after the day it first appeared"),
        Check("created-before-published", "claims", later,
              {"column_A": "published", "column_B": "created", **pair}, E,
              "A claim is published on or after its creation"),
        Check("published-before-updated", "claims", later,
              {"column_A": "updated", "column_B": "published", **pair}, E,
              "A claim's last update is on or after its publication (publishing updates it)"),
        Check("created-before-updated", "claims", later,
              {"column_A": "updated", "column_B": "created", **pair}, E,
              "A claim's last update is on or after its creation"),
        Check("language-of-dataset", "claims", in_set,
              {"column": "language_base", "value_set": languages}, W,
              "A claim's language is one of the dataset's languages (ar-MA counts as ar)"),
        Check("statement-length", "claims", "expect_column_values_to_be_between",
              {"column": "statement_length", "min_value": low, "max_value": high}, W,
              f"A statement has {low} to {high} characters: a shorter one is a fragment, a "
              "longer one holds several claims"),
        Check("statement-unique", "claims", "expect_column_values_to_be_unique",
              {"column": "normalised"}, E,
              "No two claims have the same normalised statement: merge them into one"),
        Check("stuck-in-work", "claims", "expect_column_values_to_be_between",
              {"column": "days_in_work", "max_value": stuck_days}, W,
              f"No claim stays in researching or in-review longer than {stuck_days} days"),
        Check("assignee-past-triage", "claims", in_set,
              {"column": "unassigned_past_triage", "value_set": [False]}, W,
              "A claim past triage (researching, in-review, published) has an assignee"),
        Check("source-unused", "sources", "expect_column_values_to_be_between",
              {"column": "n_citing", "min_value": 1}, W,
              "Every source is cited by a claim or an actor link"),
    ]  # fmt: skip
    if not languages:  # no dataset.yaml (validate reports it): no languages to compare with
        checks = [c for c in checks if c.name != "language-of-dataset"]
    return checks


def expectation_classes() -> dict[str, type]:
    """Great Expectations' expectation classes by type (expect_column_values_to_be_unique)."""
    from .runner import import_gx

    gx = import_gx()
    from great_expectations.expectations.expectation import Expectation

    found = {}
    for name in dir(gx.expectations):
        cls = getattr(gx.expectations, name)
        if isinstance(cls, type) and issubclass(cls, Expectation):
            kind = getattr(cls, "expectation_type", None)
            if isinstance(kind, str) and kind.startswith("expect_"):
                found[kind] = cls
    return found


def load_suite(root: Path, frames: Frames, stuck_days: int | None = None) -> Suite:
    """The default suite tuned by `root/quality.yaml` when there is one; `stuck_days` (from the
    command line) wins over the file's. Problems in the file are returned, not raised."""
    path = root / QUALITY_FILE
    display = str(path)
    data: Any = {}
    raw = b""
    if path.is_file():
        try:
            raw = path.read_bytes()
        except OSError as exc:
            return Suite(problems=[Problem("unreadable-file", f"cannot read: {exc}", display)])
        data, problem = parse(raw, display)
        if problem:
            return Suite(problems=[problem])
    reader = _Reader(raw, display, frames)
    file_days = reader.top(data)
    days = stuck_days or file_days or DEFAULT_STUCK_DAYS
    checks = default_checks(frames, days)
    if not reader.problems and isinstance(data, dict):
        checks = reader.entries(data.get("expectations") or [], checks)
    return Suite(checks, days, reader.problems)


class _Reader:
    def __init__(self, raw: bytes, display: str, frames: Frames):
        self.raw, self.display, self.frames = raw, display, frames
        self.problems: list[Problem] = []

    def problem(self, code: str, message: str, *where: str | int) -> None:
        line, column = locate(self.raw, where) if self.raw else (None, None)
        pointer = "/" + "/".join(str(w) for w in where) if where else ""
        self.problems.append(Problem(code, message, self.display, line, column, pointer))

    def top(self, data: Any) -> int | None:
        if not isinstance(data, dict):
            self.problem(
                "wrong-type", "quality.yaml must be a mapping with 'stuck_days' and 'expectations'"
            )
            return None
        for key in data:
            if key not in _TOP_KEYS:
                self.problem("unknown-field", _unknown("field", key, _TOP_KEYS), key)
        days = data.get("stuck_days")
        if days is not None and (isinstance(days, bool) or not isinstance(days, int) or days < 1):
            self.problem("invalid-value", "'stuck_days' must be a whole number of days, 1 or more",
                         "stuck_days")  # fmt: skip
            days = None
        if not isinstance(data.get("expectations") or [], list):
            self.problem("wrong-type", "'expectations' must be a list of mappings", "expectations")
        return days

    def entries(self, entries: list[Any], checks: list[Check]) -> list[Check]:
        by_name = {c.name: c for c in checks}
        classes = expectation_classes()
        result = dict(by_name)
        for index, entry in enumerate(entries):
            where = ("expectations", index)
            if not isinstance(entry, dict):
                self.problem("wrong-type", "each expectation must be a mapping", *where)
                continue
            unknown = [k for k in entry if k not in _ENTRY_KEYS]
            for key in unknown:
                self.problem("unknown-field", _unknown("field", key, _ENTRY_KEYS), *where, key)
            if unknown:
                continue
            name = entry.get("name")
            if name in by_name:
                check = self.tune(by_name[name], entry, where)
            else:
                check = self.new(entry, where, classes)
            if check is None:
                continue
            if check.name in result and check.name not in by_name:
                self.problem("duplicate-name", f"the name '{check.name}' is used twice", *where)
                continue
            if entry.get("enabled", True) is False:
                result.pop(check.name, None)
            elif self.arguments(check, classes, where):
                result[check.name] = check
        return list(result.values())

    def tune(self, base: Check, entry: dict[str, Any], where: tuple[Any, ...]) -> Check | None:
        for key in ("type", "frame", "column"):
            if key in entry and entry[key] != getattr(base, key, base.kwargs.get(key)):
                self.problem(
                    "invalid-value",
                    f"'{base.name}' is a default check: its {key} cannot change; give a new name "
                    "to add another expectation",
                    *where,
                    key,
                )
                return None
        severity = self.severity(entry, where, base.severity)
        kwargs = entry.get("kwargs", {})
        if severity is None or not self.mapping(kwargs, where):
            return None
        description = entry.get("description", base.description)
        return replace(base, kwargs={**base.kwargs, **kwargs}, severity=severity,
                       description=str(description))  # fmt: skip

    def new(
        self, entry: dict[str, Any], where: tuple[Any, ...], classes: dict[str, type]
    ) -> Check | None:
        kind, frame = entry.get("type"), entry.get("frame")
        for key in ("type", "frame"):
            if key not in entry:
                name = entry.get("name")
                hint = (
                    f"'{name}' is not a default check ({', '.join(_DEFAULT_NAMES)}); "
                    if name
                    else ""
                )
                self.problem(
                    "missing-field", f"{hint}a new expectation needs '{key}'", *where
                )  # fmt: skip
                return None
        if kind not in classes:
            self.problem("unknown-expectation", _unknown("expectation type", kind, classes),
                         *where, "type")  # fmt: skip
            return None
        if frame not in Frames.names():
            self.problem("unknown-frame", _unknown("frame", frame, Frames.names()),
                         *where, "frame")  # fmt: skip
            return None
        severity = self.severity(entry, where, Severity.ERROR)
        kwargs = entry.get("kwargs", {})
        if severity is None or not self.mapping(kwargs, where):
            return None
        if "column" in entry:
            kwargs = {**kwargs, "column": entry["column"]}
        column = kwargs.get("column", "")
        name = entry.get("name") or f"{frame}-{kind}-{column}".rstrip("-")
        description = entry.get("description") or kind.replace("_", " ")
        return Check(str(name), frame, kind, kwargs, severity, str(description), custom=True)

    def severity(
        self, entry: dict[str, Any], where: tuple[Any, ...], default: Severity
    ) -> Severity | None:
        value = entry.get("severity", default)
        if value not in {s.value for s in Severity}:
            self.problem("invalid-value", f"severity '{value}' is not 'error' or 'warning'",
                         *where, "severity")  # fmt: skip
            return None
        return Severity(value)

    def mapping(self, kwargs: Any, where: tuple[Any, ...]) -> bool:
        if not isinstance(kwargs, dict):
            self.problem("wrong-type", "'kwargs' must be a mapping of argument names to values",
                         *where, "kwargs")  # fmt: skip
            return False
        return True

    def arguments(self, check: Check, classes: dict[str, type], where: tuple[Any, ...]) -> bool:
        """The columns exist in the frame and Great Expectations accepts the arguments."""
        frame = self.frames.get(check.frame)
        for column in check.columns:
            if column not in frame.columns:
                at = "column" if check.kwargs.get("column") == column else "kwargs"
                self.problem("unknown-column",
                             _unknown(f"column of the {check.frame} frame", column, frame.columns),
                             *where, at)  # fmt: skip
                return False
        try:
            classes[check.type](**check.kwargs)
        except Exception as exc:  # GX raises pydantic and its own errors: report, do not crash
            first = str(exc).strip().splitlines()
            detail = " ".join(first[:3]) if first else type(exc).__name__
            self.problem("bad-expectation-arguments",
                         f"{check.type} does not accept these arguments: {detail}",
                         *where)  # fmt: skip
            return False
        return True


_DEFAULT_NAMES = [
    "ids-unique",
    "status-in-workflow",
    "verdict-on-scale",
    "four-eyes",
    "evidence-preserved",
    "appeared-before-created",
    "created-before-published",
    "published-before-updated",
    "created-before-updated",
    "language-of-dataset",
    "statement-length",
    "statement-unique",
    "stuck-in-work",
    "assignee-past-triage",
    "source-unused",
]


def _unknown(what: str, value: Any, known: Any) -> str:
    names = [str(k) for k in known]
    close = difflib.get_close_matches(str(value), names, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else ""
    if not close and len(names) <= 40:
        hint = f"; known: {', '.join(names)}"
    return f"unknown {what} '{value}'{hint}"
