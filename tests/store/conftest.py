"""Fixtures of the store tests (the shared ones are in tests/conftest.py)."""

from __future__ import annotations

import pytest


@pytest.fixture
def defaults(make_dataset) -> dict[str, str]:
    """The texts make_dataset() writes by default, keyed by path inside the dataset."""
    root = make_dataset(name="defaults")
    return {
        str(p.relative_to(root)): p.read_text(encoding="utf-8")
        for p in sorted(root.rglob("*.yaml"))
    }
