"""Claim files for quality tests: the fixture's claim with fields replaced."""

from __future__ import annotations

from typing import Any

import yaml

BASE: dict[str, Any] = {
    "id": "claim-one",
    "statement": "شبكة من الحسابات الوهمية",
    "language": "ar",
    "translations": {"en": "A network of fake accounts"},
    "category": "account-network",
    "claimant": {"label": "A newspaper, citing unnamed sources"},
    "subjects": ["network-leader"],
    "appearances": [{"source": "article-one", "date": "2025-04-09"}],
    "status": "new",
    "verdict": "unverified",
    "created": "2025-04-10T09:00:00+01:00",
    "history": [
        {"time": "2025-04-10T09:00:00+01:00", "actor": "Salma", "action": "created", "to": "new"}
    ],
}


def claim_yaml(**fields: Any) -> str:
    """The fixture's claim with `fields` replaced (a value of None removes the field)."""
    data = {**BASE, **fields}
    data = {k: v for k, v in data.items() if v is not None}
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
