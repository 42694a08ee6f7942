"""The default suite: for each expectation, a dataset that fails it (with the failing record ids)
and one that passes it."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pandas as pd
import pytest

from claimtrack import frames
from claimtrack.quality import check_dataset, default_checks
from claimtrack.quality.runner import run
from claimtrack.store import load
from tests.quality.helpers import claim_yaml

NOW = datetime(2025, 6, 1, tzinfo=UTC)
CLAIM = "case-one/claim-one.yaml"
ARCHIVED = (
    "id: article-one\nkind: article\ntitle: An article\npublisher: A newspaper\n"
    "url: https://news.example.org/one\npublished: 2025-04-09\n"
    "archive_url: https://web.archive.org/web/2025/https://news.example.org/one\n"
)
EVIDENCE = [{"source": "article-one", "shows": "it reports the network"}]
RATIONALE = "The court ruling and the company filing both show the cheques were refused. " * 2


def published(**fields: Any) -> str:
    base = {
        "status": "published",
        "verdict": "false",
        "rationale": RATIONALE,
        "assignee": "Salma",
        "reviewer": "Karim",
        "updated": "2025-04-20T10:00:00+00:00",
        "published": "2025-04-20T10:00:00+00:00",
    }
    return claim_yaml(**{**base, **fields})


def researching(since: str, **fields: Any) -> str:
    history = [
        {"time": "2025-04-10T09:00:00+01:00", "actor": "Salma", "action": "created", "to": "new"},
        {"time": since, "actor": "Salma", "action": "start-research", "from": "triaged",
         "to": "researching"},
    ]  # fmt: skip
    return claim_yaml(**{"status": "researching", "history": history, "updated": since, **fields})


# name: (files that fail it, failing ids, files that pass it)
CASES: dict[str, tuple[dict[str, str], set[str], dict[str, str]]] = {
    "ids-unique": (
        {"sources/claim-one.yaml": ARCHIVED.replace("article-one", "claim-one")},
        {"claim-one"},
        {"sources/article-two.yaml": ARCHIVED.replace("article-one", "article-two")},
    ),
    "verdict-on-scale": (
        {CLAIM: claim_yaml(verdict="made-up")},
        {"claim-one"},
        {CLAIM: claim_yaml(verdict="unproven")},
    ),
    "four-eyes": (
        {CLAIM: published(reviewer="Salma"), "sources/article-one.yaml": ARCHIVED},
        {"claim-one"},
        {CLAIM: published(), "sources/article-one.yaml": ARCHIVED},
    ),
    "evidence-preserved": (
        {CLAIM: claim_yaml(evidence=EVIDENCE)},
        {"claim-one"},
        {CLAIM: claim_yaml(evidence=EVIDENCE), "sources/article-one.yaml": ARCHIVED},
    ),
    "appeared-before-created": (
        {CLAIM: claim_yaml(appearances=[{"source": "article-one", "date": "2025-04-20"}])},
        {"claim-one"},
        {CLAIM: claim_yaml(appearances=[{"source": "article-one", "date": "2025-04-10"}])},
    ),
    "created-before-published": (
        {
            CLAIM: published(
                created="2025-04-25T10:00:00+00:00", updated="2025-04-26T10:00:00+00:00"
            )
        },
        {"claim-one"},
        {CLAIM: published()},
    ),
    "published-before-updated": (
        {CLAIM: published(updated="2025-04-19T10:00:00+00:00")},
        {"claim-one"},
        {CLAIM: published(updated="2025-04-21T10:00:00+00:00")},
    ),
    "created-before-updated": (
        {CLAIM: claim_yaml(updated="2025-04-09T10:00:00+01:00")},
        {"claim-one"},
        {CLAIM: claim_yaml(updated="2025-04-11T10:00:00+01:00")},
    ),
    "language-of-dataset": (
        {CLAIM: claim_yaml(language="es")},
        {"claim-one"},
        {CLAIM: claim_yaml(language="ar-MA")},
    ),
    "statement-length": (
        {CLAIM: claim_yaml(statement="شبكة")},
        {"claim-one"},
        {CLAIM: claim_yaml(statement="شبكة وهمية")},
    ),
    "statement-unique": (
        # The same words with short vowels, tatweel and punctuation: the same normalised key.
        {
            "case-one/claim-two.yaml": claim_yaml(
                id="claim-two", statement="شَبكـة من الحسابات الوهمية!"
            )
        },
        {"claim-one", "claim-two"},
        {
            "case-one/claim-two.yaml": claim_yaml(
                id="claim-two", statement="شبكة من الحسابات الحقيقية"
            )
        },
    ),
    "stuck-in-work": (
        {CLAIM: researching("2025-04-20T10:00:00+00:00", assignee="Salma")},
        {"claim-one"},
        {CLAIM: researching("2025-05-20T10:00:00+00:00", assignee="Salma")},
    ),
    "assignee-past-triage": (
        {CLAIM: researching("2025-05-20T10:00:00+00:00")},
        {"claim-one"},
        {CLAIM: claim_yaml(status="triaged", updated="2025-04-11T10:00:00+01:00")},
    ),
    "source-unused": (
        {"sources/article-two.yaml": ARCHIVED.replace("article-one", "article-two")},
        {"article-two"},
        {
            CLAIM: claim_yaml(evidence=[{"source": "article-two", "shows": "it reports it"}]),
            "sources/article-two.yaml": ARCHIVED.replace("article-one", "article-two"),
        },
    ),
}


def outcome(root, name: str):
    report, problems = check_dataset(root, now=NOW)
    assert problems == []
    assert report is not None
    return report, next(o for o in report.outcomes if o.name == name)


def test_the_cases_cover_the_default_suite(make_dataset) -> None:
    names = {c.name for c in default_checks(frames.build(load(make_dataset()), NOW))}
    assert names == {*CASES, "status-in-workflow"}  # status: below, a model allows no other


def test_the_fixture_dataset_passes_every_expectation(make_dataset) -> None:
    report, problems = check_dataset(make_dataset(), now=NOW)
    assert problems == [] and report is not None
    assert [o.name for o in report.failed] == []
    assert report.ok
    assert len(report.outcomes) == 15


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_dataset_that_fails_it(make_dataset, name: str) -> None:
    files, ids, _ = CASES[name]
    report, found = outcome(make_dataset(files), name)
    assert not found.success
    assert {e.id for e in found.examples} == ids
    assert found.failing >= len(ids)
    assert all(e.path.endswith(".yaml") for e in found.examples)
    assert report.ok == (found.severity == "warning" or len(report.failed) == 0)


@pytest.mark.parametrize("name", sorted(CASES))
def test_a_dataset_that_passes_it(make_dataset, name: str) -> None:
    _, _, files = CASES[name]
    _, found = outcome(make_dataset(files), name)
    assert found.success, found
    assert found.failing == 0 and found.examples == []


def test_status_outside_the_workflow_fails(make_dataset) -> None:
    """The model refuses an unknown status in a file; frames built elsewhere may hold one."""
    built = frames.build(load(make_dataset()), NOW)
    built.claims["status"] = pd.Categorical(["archived"], categories=["new", "archived"])
    checks = [c for c in default_checks(built) if c.name == "status-in-workflow"]
    report = run(built, checks)
    assert [(o.name, [e.id for e in o.examples]) for o in report.failed] == [
        ("status-in-workflow", ["claim-one"])
    ]


def test_stuck_days_is_configurable(make_dataset) -> None:
    root = make_dataset({CLAIM: researching("2025-05-20T10:00:00+00:00", assignee="Salma")})
    report, _ = check_dataset(root, now=NOW, stuck_days=5)
    assert report is not None
    assert [o.name for o in report.failed] == ["stuck-in-work"]
    assert report.stuck_days == 5
    assert report.ok  # a warning


def test_without_settings_the_language_check_is_left_out(make_dataset) -> None:
    report, problems = check_dataset(make_dataset({"dataset.yaml": None}), now=NOW)
    assert problems == [] and report is not None
    assert "language-of-dataset" not in {o.name for o in report.outcomes}
    assert report.failed == []
