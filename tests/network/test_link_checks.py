"""Links between actors: kinds fit, no link to self, evidence cited (claimtrack.checks.network)."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from claimtrack.checks import run_checks
from claimtrack.checks.network import LINK_ENDS
from claimtrack.models.actor import LinkKind
from claimtrack.problems import Severity
from claimtrack.store import load

NOW = datetime(2026, 1, 1, tzinfo=UTC)
EVIDENCE = ", evidence: [{source: article-one, shows: x}]"


def actor(actor_id: str, kind: str, links: str = "") -> str:
    return f"id: {actor_id}\nkind: {kind}\nlabel: the {actor_id}\n" + (
        f"links:\n{links}" if links else ""
    )


def problems(make_dataset, files: dict[str, str]) -> list[tuple[str, str, str]]:
    dataset = load(make_dataset(files), use_cache=False)
    assert dataset.problems == []
    found = run_checks(dataset, NOW)
    return [(p.code, p.field, str(p.severity)) for p in found]


def test_every_link_kind_has_its_ends() -> None:
    assert set(LINK_ENDS) == set(LinkKind)


def test_the_shipped_case_has_sound_links(shipped_copy) -> None:
    dataset = load(shipped_copy, use_cache=False)
    assert [p for p in run_checks(dataset) if p.code.startswith("link")] == []
    # Every link of the shipped case is a suspicion: nothing in the article confirms one.
    links = [link for a in dataset.actors for link in a.record.links]
    assert links and {str(link.confidence) for link in links} == {"suspected"}
    assert all(link.evidence for link in links)


@pytest.mark.parametrize(
    ("start", "kind", "end", "fits"),
    [
        ("person", "operates", "social-account", True),
        ("network", "operates", "messaging-group", True),
        ("person", "operates", "person", False),
        ("social-account", "member-of", "network", True),
        ("person", "member-of", "company", False),
        ("social-account", "admin-of", "messaging-group", True),
        ("person", "employed-by", "company", True),
        ("social-account", "employed-by", "company", False),
        ("person", "same-person-as", "social-account", True),
        ("company", "same-person-as", "person", False),
        ("network", "tied-to", "public-official", True),
    ],
)
def test_the_kind_of_link_fits_the_actors(make_dataset, start, kind, end, fits) -> None:
    found = problems(
        make_dataset,
        {
            "actors/one.yaml": actor("one", start, f"  - {{kind: {kind}, to: two{EVIDENCE}}}\n"),
            "actors/two.yaml": actor("two", end),
        },
    )
    assert found == ([] if fits else [("link-kind-mismatch", "/links/0/kind", "error")])


def test_evidence_is_required_for_strong_links_and_expected_for_leads(make_dataset) -> None:
    links = (
        "  - {kind: tied-to, to: two, confidence: confirmed}\n"
        "  - {kind: attacks, to: two}\n"  # suspected by default
    )
    found = problems(
        make_dataset,
        {
            "actors/one.yaml": actor("one", "person", links),
            "actors/two.yaml": actor("two", "company"),
        },
    )
    assert found == [
        ("link-without-evidence", "/links/0", str(Severity.ERROR)),
        ("link-without-evidence", "/links/1", str(Severity.WARNING)),
    ]


def test_a_link_to_itself_and_a_repeated_link(make_dataset) -> None:
    links = (
        f"  - {{kind: tied-to, to: one{EVIDENCE}}}\n"
        f"  - {{kind: attacks, to: two{EVIDENCE}}}\n"
        f"  - {{kind: attacks, to: two{EVIDENCE}}}\n"
    )
    found = problems(
        make_dataset,
        {
            "actors/one.yaml": actor("one", "person", links),
            "actors/two.yaml": actor("two", "company"),
        },
    )
    assert found == [
        ("link-to-self", "/links/0/to", "error"),
        ("duplicate-link", "/links/2", "warning"),
    ]
