"""Small helpers shared by the store tests: default file texts and problem look-ups."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from claimtrack.problems import Problem
from claimtrack.store import Dataset
from claimtrack.store.parse import parse
from claimtrack.store.records import Kind, validate

# The claim that conftest's make_dataset() writes, line by line (positions below refer to it).
CLAIM_LINES = {
    "id": 2,
    "statement": 3,
    "language": 4,
    "translations": 5,
    "category": 7,
    "claimant": 8,
    "subjects": 10,
    "appearances": 12,
    "status": 15,
    "verdict": 16,
    "created": 17,
    "history": 18,
}


def problems_in(dataset: Dataset, rel: str) -> list[Problem]:
    """The problems reported for one file of the dataset."""
    wanted = str(dataset.root / rel)
    return [p for p in dataset.problems if p.path == wanted]


def where(problem: Problem) -> tuple[str, str, int | None, int | None]:
    """The flattened location of a problem: (code, field path, line, column)."""
    return (problem.code, problem.field, problem.line, problem.column)


def check(kind: Kind, text: str | bytes, path: str = "x.yaml") -> tuple[Any, list[Problem]]:
    """Parse and validate one file's content the way the store does."""
    raw = text.encode("utf-8") if isinstance(text, str) else text
    data, problem = parse(raw, path)
    if problem:
        return None, [problem]
    return validate(kind, data, path, lambda: raw)


def files_under(root: Path) -> dict[str, bytes]:
    """Every file under `root` (hidden ones included) with its bytes."""
    return {
        str(p.relative_to(root)): p.read_bytes()
        for p in sorted(root.rglob("*"))
        if p.is_file() and not p.is_symlink()
    }
