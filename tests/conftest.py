"""Shared fixtures: every test works on its own copy of a dataset, with its own cache folder,
from any working directory."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHIPPED = REPO / "claims"
SHARED = REPO.parent / "shared"

SETTINGS = """\
name: Test desk
url: https://desk.example.org
languages: [ar, fr, en]
team:
  - name: Salma
    role: checker
  - name: Karim
    role: editor
"""

SOURCE = """\
id: article-one
kind: article
title: An article
publisher: A newspaper
url: https://news.example.org/one
published: 2025-04-09
"""

ACTOR = """\
id: network-leader
kind: person
label: the leader of the network
"""

CLAIM = """\
# A claim written by hand; this comment must survive edits.
id: claim-one
statement: شبكة من الحسابات الوهمية
language: ar
translations:
  en: A network of fake accounts
category: account-network
claimant:
  label: A newspaper, citing unnamed sources
subjects:
  - network-leader
appearances:
  - source: article-one
    date: 2025-04-09
status: new
verdict: unverified
created: 2025-04-10T09:00:00+01:00
history:
  - time: 2025-04-10T09:00:00+01:00
    actor: Salma
    action: created
    to: new
"""


@pytest.fixture(autouse=True)
def _isolated(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """No test reads or writes the user's cache, or depends on who runs it."""
    monkeypatch.setenv("CLAIMTRACK_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.setenv("CLAIMTRACK_USER", "Salma")
    monkeypatch.delenv("CLAIMTRACK_DATA", raising=False)


DatasetFactory = Callable[..., Path]


@pytest.fixture
def make_dataset(tmp_path: Path) -> DatasetFactory:
    """Build a small valid dataset in a temporary folder; `files` adds or replaces files.

    make_dataset() gives dataset.yaml, one source, one actor and one claim in case 'case-one';
    make_dataset({"case-one/claim-one.yaml": "..."}) replaces a file; a value of None removes it.
    Values may be str or bytes.
    """

    def build(files: dict[str, str | bytes | None] | None = None, name: str = "claims") -> Path:
        root = tmp_path / name
        content: dict[str, str | bytes | None] = {
            "dataset.yaml": SETTINGS,
            "sources/article-one.yaml": SOURCE,
            "actors/network-leader.yaml": ACTOR,
            "case-one/claim-one.yaml": CLAIM,
        }
        content.update(files or {})
        for rel, text in content.items():
            path = root / rel
            if text is None:
                if path.exists():
                    path.unlink()
                continue
            path.parent.mkdir(parents=True, exist_ok=True)
            if isinstance(text, bytes):
                path.write_bytes(text)
            else:
                path.write_text(text, encoding="utf-8")
        return root

    return build


@pytest.fixture
def shipped_copy(tmp_path: Path) -> Path:
    """A temporary copy of the shipped dataset in claims/."""
    target = tmp_path / "claims"
    shutil.copytree(SHIPPED, target)
    return target
