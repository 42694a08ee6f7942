"""Rules across records. Each rule is a function from the loaded dataset (and the clock) to
problems; the models check one record at a time, everything that needs two records, the team,
the verdict scale or the clock lives here."""

from __future__ import annotations

from datetime import UTC, datetime

from ..problems import Problem
from ..store import Dataset
from .base import Rule, problem
from .editorial import (
    history_agrees_with_status,
    people_are_on_the_team,
    published_claims_pass_the_gate,
    verdicts_on_the_scale,
)
from .network import links_are_sound
from .records import ids_match_file_names, ids_unique, no_future_dates, references_resolve

RULES: list[Rule] = [
    ids_match_file_names,
    ids_unique,
    references_resolve,
    links_are_sound,
    history_agrees_with_status,
    people_are_on_the_team,
    verdicts_on_the_scale,
    published_claims_pass_the_gate,
    no_future_dates,
]


def run_checks(dataset: Dataset, now: datetime | None = None) -> list[Problem]:
    now = now or datetime.now(UTC)
    return [p for rule in RULES for p in rule(dataset, now)]


__all__ = ["RULES", "Rule", "problem", "run_checks"]
