"""Where records live in a dataset folder, and which files are there now."""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from pathlib import Path
from stat import S_ISREG
from typing import Literal

from ..ids import SLUG_PATTERN
from ..problems import ClaimtrackError, Problem, Severity

Kind = Literal["claim", "source", "actor", "dataset"]
SETTINGS_FILE = "dataset.yaml"
SOURCES_DIR = "sources"
ACTORS_DIR = "actors"
# Files at the top of a dataset that are not records (read by other parts of claimtrack).
TOP_LEVEL_FILES = {SETTINGS_FILE, "quality.yaml", "README.md", ".gitignore"}
_SLUG = re.compile(SLUG_PATTERN)


class DatasetNotFound(Exception):
    """The dataset folder does not exist or is not a folder."""


@dataclass(frozen=True, slots=True)
class FileEntry:
    kind: Kind
    rel: str  # path inside the dataset, with '/'
    case: str | None
    size: int
    mtime_ns: int


@dataclass
class Inventory:
    root: Path
    files: list[FileEntry] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    def display(self, rel: str) -> str:
        """The path as the user gave the dataset, joined as text (as str(root / rel) would)."""
        base = str(self.root)
        return rel if base == "." else f"{base.rstrip('/')}/{rel}" if base != "/" else f"/{rel}"

    @property
    def fingerprint(self) -> list[tuple[str, int, int]]:
        return [(f.rel, f.size, f.mtime_ns) for f in self.files]


def record_path(root: Path, kind: Kind, record_id: str, case: str | None = None) -> Path:
    """Where a record of this kind and id belongs. Raises ClaimtrackError for an id or a case
    that is not a slug, so that no name can lead outside the dataset."""
    if kind != "dataset" and not _SLUG.fullmatch(record_id):
        raise ClaimtrackError(
            Problem(
                "bad-id",
                f"'{record_id[:80]}' is not a valid id: use 2 to 80 characters a-z, 0-9 and '-'",
                str(root),
            )
        )
    reserved = (SOURCES_DIR, ACTORS_DIR)
    if kind == "claim" and case and (not _SLUG.fullmatch(case) or case in reserved):
        raise ClaimtrackError(
            Problem(
                "bad-case-name",
                f"'{case[:80]}' cannot be a case folder: use 2 to 80 characters a-z, 0-9 and '-', "
                f"other than '{SOURCES_DIR}' and '{ACTORS_DIR}'",
                str(root),
            )
        )
    if kind == "source":
        return root / SOURCES_DIR / f"{record_id}.yaml"
    if kind == "actor":
        return root / ACTORS_DIR / f"{record_id}.yaml"
    if kind == "dataset":
        return root / SETTINGS_FILE
    if not case:
        raise ValueError("a claim needs a case folder")
    return root / case / f"{record_id}.yaml"


def scan(root: Path) -> Inventory:
    """List the record files under `root` with their size and modification time."""
    if not root.is_dir():
        raise DatasetNotFound(
            f"no dataset at '{root}': give the folder that holds dataset.yaml with --data DIR "
            "or CLAIMTRACK_DATA"
        )
    inventory = Inventory(root)
    real_root = os.path.realpath(root)
    settings = root / SETTINGS_FILE
    if settings.is_file():
        _add(
            inventory,
            real_root,
            str(settings),
            settings.is_symlink(),
            "dataset",
            SETTINGS_FILE,
            None,
        )
    else:
        inventory.problems.append(
            Problem(
                "missing-settings",
                "this dataset has no dataset.yaml; add one with the newsroom's name and languages",
                inventory.display(SETTINGS_FILE),
            )
        )
    with os.scandir(root) as entries:
        top = sorted(entries, key=lambda e: e.name)
    for entry in top:
        if entry.name.startswith(".") or entry.name in TOP_LEVEL_FILES:
            continue
        if entry.is_dir():
            kind: Kind = {SOURCES_DIR: "source", ACTORS_DIR: "actor"}.get(entry.name, "claim")  # type: ignore[assignment]
            case = entry.name if kind == "claim" else None
            if case is not None and not _SLUG.fullmatch(case):
                inventory.problems.append(
                    Problem(
                        "bad-case-name",
                        f"the case folder '{case}' is not a valid id; rename it with a-z, 0-9 "
                        "and '-'",
                        inventory.display(case),
                    )
                )
                continue
            _scan_folder(inventory, real_root, Path(entry.path), entry.name, kind, case)
        elif entry.name.endswith((".yaml", ".yml")):
            inventory.problems.append(
                Problem(
                    "misplaced-file",
                    "claims belong in a case folder (claims/<case>/<id>.yaml); move this file",
                    inventory.display(entry.name),
                    severity=Severity.WARNING,
                )
            )
    return inventory


def _scan_folder(
    inventory: Inventory,
    real_root: str,
    folder: Path,
    rel_folder: str,
    kind: Kind,
    case: str | None,
) -> None:
    if not _inside(real_root, folder):
        inventory.problems.append(_outside(inventory, rel_folder))
        return
    with os.scandir(folder) as entries:
        items = sorted(entries, key=lambda e: e.name)
    for entry in items:
        rel = f"{rel_folder}/{entry.name}"
        if entry.name.startswith("."):
            continue
        if entry.name.endswith(".yml"):
            inventory.problems.append(
                Problem(
                    "wrong-extension",
                    f"records end in .yaml; rename this file to {entry.name[:-4]}.yaml",
                    inventory.display(rel),
                    severity=Severity.WARNING,
                )
            )
        elif entry.name.endswith(".yaml"):
            _add(inventory, real_root, entry.path, entry.is_symlink(), kind, rel, case)
        elif entry.is_dir(follow_symlinks=False):
            inventory.problems.append(
                Problem(
                    "misplaced-folder",
                    "records sit one level inside a case folder; move the files in this folder up",
                    inventory.display(rel),
                    severity=Severity.WARNING,
                )
            )


def _add(
    inventory: Inventory,
    real_root: str,
    path: str,
    symlink: bool,
    kind: Kind,
    rel: str,
    case: str | None,
) -> None:
    if symlink and not _inside(real_root, path):
        inventory.problems.append(_outside(inventory, rel))
        return
    try:
        stat = os.stat(path)
    except OSError as exc:
        inventory.problems.append(
            Problem(
                "unreadable-file", f"cannot read this file: {exc.strerror}", inventory.display(rel)
            )
        )
        return
    if not S_ISREG(stat.st_mode):  # a folder, a pipe or a device would fail or block on read
        inventory.problems.append(
            Problem(
                "not-a-file",
                "this is not a regular file (a folder, pipe or device); remove it or rename it "
                "so that it does not end in .yaml",
                inventory.display(rel),
            )
        )
        return
    inventory.files.append(FileEntry(kind, rel, case, stat.st_size, stat.st_mtime_ns))


def _inside(real_root: str, path: Path | str) -> bool:
    real = os.path.realpath(path)
    return real == real_root or real.startswith(real_root + os.sep)


def _outside(inventory: Inventory, rel: str) -> Problem:
    return Problem(
        "symlink-outside",
        "this is a symbolic link to a place outside the dataset; copy the file in instead",
        inventory.display(rel),
    )
