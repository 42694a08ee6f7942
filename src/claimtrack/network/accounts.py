"""Import a table of accounts (CSV: platform, handle, url, created, notes; label optional) into
actors of kind social-account, one file each, with an id made of the platform and the handle.

An account already recorded (same id, or same platform and handle) is left as it is, so
importing the same table twice creates nothing new. A table with any error writes nothing.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

from pydantic import ValidationError

from ..authoring import add_record
from ..models import Actor
from ..problems import ClaimtrackError, Problem, Severity
from ..store import Dataset
from .table import read_table

REQUIRED = ("platform", "handle")
OPTIONAL = ("url", "created", "notes", "label")


def account_key(platform: str, handle: str) -> tuple[str, str]:
    """Two spellings of the same account give the same key: case and a leading @ do not count."""
    return platform.strip().casefold(), handle.strip().lstrip("@").casefold()


def account_id(platform: str, handle: str) -> str:
    """A slug from the platform and the handle: facebook-page-one. A handle that does not fit a
    slug as it is (dots, underscores, Arabic letters...) gets a short hash of itself, so that
    page.one and page_one stay two accounts."""
    plat, hand = account_key(platform, handle)
    slug_platform = re.sub(r"[^a-z0-9]+", "-", plat).strip("-") or "account"
    slug_handle = re.sub(r"[^a-z0-9]+", "-", hand).strip("-")
    exact = slug_handle == hand
    if not exact:
        digest = hashlib.sha256(f"{plat}\0{hand}".encode()).hexdigest()[:8]
        slug_handle = f"{slug_handle[:60]}-{digest}".strip("-")
    return f"{slug_platform[:15]}-{slug_handle}"[:80].strip("-")


@dataclass
class AccountImport:
    new: list[Actor] = field(default_factory=list)
    existing: list[str] = field(default_factory=list)  # ids already recorded
    problems: list[Problem] = field(default_factory=list)
    written: list[Path] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not any(p.severity == Severity.ERROR for p in self.problems)


def plan(dataset: Dataset, path: Path) -> AccountImport:
    """What importing the table at `path` would do, without writing anything."""
    table = read_table(path, REQUIRED)
    result = AccountImport()
    known = {
        account_key(a.record.platform, a.record.handle): a.record.id
        for a in dataset.actors
        if a.record.platform and a.record.handle
    }
    ids = {loaded.record.id for loaded in dataset.records()}
    for line, row in table.rows:
        where = {"path": table.display, "line": line}
        platform, handle = row.get("platform", ""), row.get("handle", "")
        empty = [c for c in REQUIRED if not row.get(c)]
        if empty:
            result.problems.append(
                Problem("missing-value", f"row {line}: {' and '.join(empty)} is empty", **where)
            )
            continue
        key = account_key(platform, handle)
        record_id = account_id(platform, handle)
        if key in known or record_id in ids:
            result.existing.append(known.get(key, record_id))
            continue
        fields = {c: row[c] for c in OPTIONAL if row.get(c)}
        fields.setdefault("label", f"the {platform} account {handle}")
        try:
            actor = Actor.model_validate(
                {
                    "id": record_id,
                    "kind": "social-account",
                    "platform": platform,
                    "handle": handle,
                    **fields,
                }
            )
        except ValidationError as exc:
            seen: set[str] = set()
            for error in exc.errors():
                column = str(error["loc"][0]) if error["loc"] else "row"
                if column in seen:  # a date is tried as a moment and as a day: say it once
                    continue
                seen.add(column)
                result.problems.append(
                    Problem(
                        f"bad-{column}" if column in ("created", "url") else "bad-row",
                        f"row {line}, column {column}: {error['msg']}"
                        + (
                            " (write 2025-04-09 or 2025-04-09T22:08:00+01:00)"
                            if column == "created"
                            else ""
                        ),
                        field=f"/{column}",
                        **where,
                    )
                )
            continue
        known[key] = record_id
        ids.add(record_id)
        result.new.append(actor)
    return result


def import_accounts(dataset: Dataset, path: Path, *, dry_run: bool = False) -> AccountImport:
    """Import the table at `path`; nothing is written when it has an error or on a dry run."""
    result = plan(dataset, path)
    if dry_run or not result.ok:
        return result
    for actor in result.new:
        try:
            result.written.append(add_record(dataset, actor))
        except ClaimtrackError as exc:
            result.problems.append(exc.problem)
            break
    return result
