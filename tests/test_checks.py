"""The cross-record checks, through validate_dataset on datasets written to temporary folders.

Every rule in claimtrack.checks.RULES has at least one dataset that fails it and one that
passes it (see CASES); problems are compared as flat tuples (file, field, code).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from claimtrack.checks import RULES, run_checks
from claimtrack.problems import Problem, Report, Severity
from claimtrack.store import DatasetNotFound, load
from claimtrack.validation import OutsideDataset, validate_dataset

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)

Files = dict[str, str | bytes | None]
Flat = tuple[str, str, str]


def event(time: str, action: str = "status", *, to: str = "", frm: str = "") -> str:
    parts = [f"time: '{time}'", "actor: Salma", f"action: {action}"]
    if frm:
        parts.append(f"from: {frm}")
    if to:
        parts.append(f"to: {to}")
    return "  - {" + ", ".join(parts) + "}\n"


CREATED = event("2025-04-10T09:00:00+01:00", "created", to="new")


def claim(
    claim_id: str = "claim-one",
    *,
    status: str = "new",
    body: str = "",
    history: str = CREATED,
    created: str = "2025-04-10T09:00:00+01:00",
) -> str:
    """A claim's YAML; `body` adds top-level lines (each ending in a newline), `history` its
    events ('' for none)."""
    return (
        f"id: {claim_id}\n"
        "statement: شبكة من الحسابات الوهمية\n"
        "language: ar\n"
        "translations:\n"
        "  en: A network of fake accounts\n"
        "category: account-network\n"
        "claimant:\n"
        "  label: A newspaper, citing unnamed sources\n"
        "subjects:\n"
        "  - network-leader\n"
        "appearances:\n"
        "  - source: article-one\n"
        "    date: 2025-04-09\n"
        f"status: {status}\n"
        f"created: {created}\n"
        f"{body}" + (f"history:\n{history}" if history else "")
    )


# Histories that take a claim to review, and on to publication, one step an hour.
TO_IN_REVIEW = (
    CREATED
    + event("2025-04-10T10:00:00+01:00", frm="new", to="triaged")
    + event("2025-04-10T11:00:00+01:00", frm="triaged", to="researching")
    + event("2025-04-10T12:00:00+01:00", frm="researching", to="in-review")
)
TO_PUBLISHED = TO_IN_REVIEW + event("2025-04-10T13:00:00+01:00", frm="in-review", to="published")
PUBLISHED_OK = (
    "verdict: accurate\n"
    "rationale: The court record confirms it.\n"
    "reviewer: Karim\n"
    "published: 2025-04-10T14:00:00+01:00\n"
)


def source(source_id: str, **fields: str) -> str:
    lines = [f"id: {source_id}", "kind: article", f"title: Source {source_id}"]
    lines += [f"{k}: {v}" for k, v in fields.items()]
    return "\n".join(lines) + "\n"


def actor(actor_id: str, body: str = "") -> str:
    return f"id: {actor_id}\nkind: person\nlabel: someone called {actor_id}\n{body}"


def validate(root: Path, *paths: Path | str, now: datetime = NOW) -> Report:
    return validate_dataset(root, paths, now=now)


def flat(root: Path, problems: list[Problem]) -> list[Flat]:
    return [(Path(p.path).relative_to(root).as_posix(), p.field, p.code) for p in problems]


def line_of(text: str, needle: str) -> int:
    """The 1-based number of the only line of `text` that contains `needle`."""
    found = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(found) == 1, (needle, found)
    return found[0]


def column_of(text: str, needle: str) -> int:
    return text.splitlines()[line_of(text, needle) - 1].index(needle) + 1


# A claimant on record, and a second subject.
ON_RECORD = claim().replace("  label: A newspaper", "  actor: al-assima\n  label: A newspaper")
TWO_SUBJECTS = claim().replace("  - network-leader\n", "  - network-leader\n  - page-one\n")

# --- one failing and one passing dataset for every rule --------------------------------------


@dataclass
class Case:
    rule: str
    name: str
    failing: Files
    expected: list[Flat]
    passing: Files = field(default_factory=dict)


CASES = [
    # ids match file names
    Case(
        "ids_match_file_names",
        "claim",
        {"case-one/claim-one.yaml": claim("claim-uno")},
        [("case-one/claim-one.yaml", "/id", "id-mismatch")],
        {"case-one/claim-one.yaml": claim("claim-one")},
    ),
    Case(
        "ids_match_file_names",
        "source",
        {"sources/court-ruling.yaml": source("court-rulings")},
        [("sources/court-ruling.yaml", "/id", "id-mismatch")],
        {"sources/court-ruling.yaml": source("court-ruling")},
    ),
    Case(
        "ids_match_file_names",
        "actor",
        {"actors/page-one.yaml": actor("page-1")},
        [("actors/page-one.yaml", "/id", "id-mismatch")],
        {"actors/page-one.yaml": actor("page-one")},
    ),
    # ids unique across the dataset
    Case(
        "ids_unique",
        "claim in two case folders",
        {"case-two/claim-one.yaml": claim("claim-one")},
        [("case-two/claim-one.yaml", "/id", "duplicate-id")],
        {"case-two/claim-two.yaml": claim("claim-two")},
    ),
    Case(
        "ids_unique",
        "claim and actor",
        {"case-one/network-leader.yaml": claim("network-leader")},
        [("actors/network-leader.yaml", "/id", "duplicate-id")],
        {"case-one/network-leader-claim.yaml": claim("network-leader-claim")},
    ),
    Case(
        "ids_unique",
        "source and actor",
        {"sources/network-leader.yaml": source("network-leader")},
        [("actors/network-leader.yaml", "/id", "duplicate-id")],
        {"sources/network-leader-post.yaml": source("network-leader-post")},
    ),
    # references resolve
    Case(
        "references_resolve",
        "claimant actor",
        {"case-one/claim-one.yaml": ON_RECORD},
        [("case-one/claim-one.yaml", "/claimant/actor", "unknown-actor")],
        {
            "case-one/claim-one.yaml": ON_RECORD,
            "actors/al-assima.yaml": actor("al-assima"),
        },
    ),
    Case(
        "references_resolve",
        "subjects",
        {"case-one/claim-one.yaml": TWO_SUBJECTS},
        [("case-one/claim-one.yaml", "/subjects/1", "unknown-actor")],
        {
            "case-one/claim-one.yaml": TWO_SUBJECTS,
            "actors/page-one.yaml": actor("page-one"),
        },
    ),
    Case(
        "references_resolve",
        "appearance source",
        {"case-one/claim-one.yaml": claim().replace("source: article-one", "source: article-two")},
        [("case-one/claim-one.yaml", "/appearances/0/source", "unknown-source")],
        {
            "case-one/claim-one.yaml": claim().replace(
                "source: article-one", "source: article-two"
            ),
            "sources/article-two.yaml": source("article-two"),
        },
    ),
    Case(
        "references_resolve",
        "evidence source",
        {
            "case-one/claim-one.yaml": claim(
                body="evidence:\n  - {source: court-ruling, shows: x}\n"
            )
        },
        [("case-one/claim-one.yaml", "/evidence/0/source", "unknown-source")],
        {
            "case-one/claim-one.yaml": claim(
                body="evidence:\n  - {source: court-ruling, shows: x}\n"
            ),
            "sources/court-ruling.yaml": source("court-ruling"),
        },
    ),
    Case(
        "references_resolve",
        "right of reply actor",
        {
            "case-one/claim-one.yaml": claim(
                body="right_of_reply:\n  - {actor: cleaning-company, contacted: "
                "'2025-04-11T10:00:00Z', channel: email, by: Salma}\n"
            )
        },
        [("case-one/claim-one.yaml", "/right_of_reply/0/actor", "unknown-actor")],
        {
            "case-one/claim-one.yaml": claim(
                body="right_of_reply:\n  - {actor: network-leader, contacted: "
                "'2025-04-11T10:00:00Z', channel: email, by: Salma}\n"
            )
        },
    ),
    Case(
        "references_resolve",
        "actor link",
        {"actors/page-one.yaml": actor("page-one", "links:\n  - {kind: operates, to: nobody}\n")},
        [("actors/page-one.yaml", "/links/0/to", "unknown-actor")],
        {
            "actors/page-one.yaml": actor(
                "page-one", "links:\n  - {kind: operates, to: network-leader}\n"
            )
        },
    ),
    Case(
        "references_resolve",
        "actor link evidence",
        {
            "actors/page-one.yaml": actor(
                "page-one",
                "links:\n  - kind: operates\n    to: network-leader\n    evidence:\n"
                "      - {source: screenshot, shows: admin list}\n",
            )
        },
        [("actors/page-one.yaml", "/links/0/evidence/0/source", "unknown-source")],
        {
            "actors/page-one.yaml": actor(
                "page-one",
                "links:\n  - kind: operates\n    to: network-leader\n    evidence:\n"
                "      - {source: article-one, shows: admin list}\n",
            )
        },
    ),
    # history is in time order, chains its moves and ends in the status
    Case(
        "history_agrees_with_status",
        "time order",
        {
            "case-one/claim-one.yaml": claim(
                history=CREATED + event("2025-04-10T08:59:00+01:00", "note")
            )
        },
        [("case-one/claim-one.yaml", "/history/1/time", "history-order")],
        {
            # Later in time although earlier on the clock: zones are compared, not digits.
            "case-one/claim-one.yaml": claim(
                history=CREATED + event("2025-04-10T08:30:00+00:00", "note")
            )
        },
    ),
    Case(
        "history_agrees_with_status",
        "from-state chain",
        {
            "case-one/claim-one.yaml": claim(
                status="researching",
                history=CREATED
                + event("2025-04-10T10:00:00+01:00", frm="triaged", to="researching"),
            )
        },
        [("case-one/claim-one.yaml", "/history/1/from", "history-chain")],
        {
            "case-one/claim-one.yaml": claim(
                status="researching",
                history=CREATED
                + event("2025-04-10T10:00:00+01:00", frm="new", to="triaged")
                + event("2025-04-10T11:00:00+01:00", "note")
                + event("2025-04-10T12:00:00+01:00", frm="triaged", to="researching"),
            )
        },
    ),
    Case(
        "history_agrees_with_status",
        "status and last move",
        {
            "case-one/claim-one.yaml": claim(
                status="in-review",
                history=CREATED + event("2025-04-10T10:00:00+01:00", frm="new", to="triaged"),
            )
        },
        [("case-one/claim-one.yaml", "/status", "history-status")],
        {
            "case-one/claim-one.yaml": claim(
                status="triaged",
                history=CREATED + event("2025-04-10T10:00:00+01:00", frm="new", to="triaged"),
            )
        },
    ),
    Case(
        "history_agrees_with_status",
        "status moved without any move in history",
        {"case-one/claim-one.yaml": claim(status="triaged", history="")},
        [("case-one/claim-one.yaml", "/status", "history-status")],
        {"case-one/claim-one.yaml": claim(status="new", history="")},
    ),
    Case(
        "history_agrees_with_status",
        "only notes in history",
        {
            "case-one/claim-one.yaml": claim(
                status="researching", history=event("2025-04-10T09:00:00+01:00", "note")
            )
        },
        [("case-one/claim-one.yaml", "/status", "history-status")],
        {
            "case-one/claim-one.yaml": claim(
                status="new", history=event("2025-04-10T09:00:00+01:00", "note")
            )
        },
    ),
    # a published claim has a verdict, a rationale and a reviewer
    Case(
        "published_claims_are_complete",
        "unverified",
        {
            "case-one/claim-one.yaml": claim(
                status="published",
                history=TO_PUBLISHED,
                body=PUBLISHED_OK.replace("verdict: accurate", "verdict: unverified"),
            )
        },
        [("case-one/claim-one.yaml", "/verdict", "published-without-verdict")],
        {
            "case-one/claim-one.yaml": claim(
                status="published", history=TO_PUBLISHED, body=PUBLISHED_OK
            )
        },
    ),
    Case(
        "published_claims_are_complete",
        "no verdict at all",
        {
            "case-one/claim-one.yaml": claim(
                status="published",
                history=TO_PUBLISHED,
                body=PUBLISHED_OK.replace("verdict: accurate\n", ""),
            )
        },
        [("case-one/claim-one.yaml", "/verdict", "published-without-verdict")],
        # Not published: unverified is the normal state.
        {"case-one/claim-one.yaml": claim(body="reviewer: Karim\n")},
    ),
    Case(
        "published_claims_are_complete",
        "no rationale",
        {
            "case-one/claim-one.yaml": claim(
                status="published",
                history=TO_PUBLISHED,
                body=PUBLISHED_OK.replace("rationale: The court record confirms it.\n", ""),
            )
        },
        [("case-one/claim-one.yaml", "/verdict", "published-without-verdict")],
        {
            "case-one/claim-one.yaml": claim(
                status="in-review",
                history=TO_IN_REVIEW,
                body="verdict: accurate\n",
            )
        },
    ),
    Case(
        "published_claims_are_complete",
        "no reviewer",
        {
            "case-one/claim-one.yaml": claim(
                status="published",
                history=TO_PUBLISHED,
                body=PUBLISHED_OK.replace("reviewer: Karim\n", ""),
            )
        },
        [("case-one/claim-one.yaml", "/status", "published-without-reviewer")],
        {
            "case-one/claim-one.yaml": claim(
                status="published", history=TO_PUBLISHED, body=PUBLISHED_OK
            )
        },
    ),
    # no dates in the future (now is 2025-06-01T12:00Z)
    Case(
        "no_future_dates",
        "claim created",
        {
            "case-one/claim-one.yaml": claim(
                created="2025-06-01T12:00:01Z",
                history=event("2025-06-01T12:00:00Z", "created", to="new"),
            )
        },
        [("case-one/claim-one.yaml", "/created", "future-date")],
        {
            "case-one/claim-one.yaml": claim(
                created="2025-06-01T12:00:00Z",
                history=event("2025-06-01T12:00:00Z", "created", to="new"),
            )
        },
    ),
    Case(
        "no_future_dates",
        "history time",
        # 12:01 UTC is a minute after now; 12:00 UTC is now, which is not the future.
        {
            "case-one/claim-one.yaml": claim(
                history=CREATED + event("2025-06-01T14:00:00+01:59", "note")
            )
        },
        [("case-one/claim-one.yaml", "/history/1/time", "future-date")],
        {
            "case-one/claim-one.yaml": claim(
                history=CREATED + event("2025-06-01T14:00:00+02:00", "note")
            )
        },
    ),
    Case(
        "no_future_dates",
        "appearance day",
        # 2025-06-03 has not begun anywhere on earth at 12:00 UTC on 1 June.
        {"case-one/claim-one.yaml": claim().replace("date: 2025-04-09", "date: 2025-06-03")},
        [("case-one/claim-one.yaml", "/appearances/0/date", "future-date")],
        # ... but 2 June has begun in UTC+14 (Kiribati).
        {"case-one/claim-one.yaml": claim().replace("date: 2025-04-09", "date: 2025-06-02")},
    ),
    Case(
        "no_future_dates",
        "source dates",
        {
            "sources/article-one.yaml": source(
                "article-one", published="2025-07-01", accessed="'2025-06-01T13:00:00Z'"
            )
        },
        [
            ("sources/article-one.yaml", "/published", "future-date"),
            ("sources/article-one.yaml", "/accessed", "future-date"),
        ],
        {
            "sources/article-one.yaml": source(
                "article-one", published="2025-06-01", accessed="'2025-06-01T11:00:00Z'"
            )
        },
    ),
    Case(
        "no_future_dates",
        "actor created",
        {"actors/network-leader.yaml": actor("network-leader", "created: 2026-01-01\n")},
        [("actors/network-leader.yaml", "/created", "future-date")],
        {"actors/network-leader.yaml": actor("network-leader", "created: 2019-01-01\n")},
    ),
    Case(
        "no_future_dates",
        "notes, replies and corrections",
        {
            "case-one/claim-one.yaml": claim(
                body="notes:\n  - {time: '2025-06-02T00:00:00Z', by: Salma, text: x}\n"
                "right_of_reply:\n  - {actor: network-leader, contacted: '2025-06-05T10:00:00Z',"
                " channel: email, by: Salma}\n"
                "corrections:\n  - {date: '2025-07-01T00:00:00Z', by: Karim, what: x, why: y}\n"
            )
        },
        [
            ("case-one/claim-one.yaml", "/notes/0/time", "future-date"),
            ("case-one/claim-one.yaml", "/right_of_reply/0/contacted", "future-date"),
            ("case-one/claim-one.yaml", "/corrections/0/date", "future-date"),
        ],
        {
            # A reply deadline may lie ahead.
            "case-one/claim-one.yaml": claim(
                body="right_of_reply:\n  - {actor: network-leader, contacted: "
                "'2025-05-30T10:00:00Z', channel: email, by: Salma, "
                "deadline: '2025-06-10T18:00:00+01:00'}\n"
            )
        },
    ),
]


def test_every_rule_has_cases() -> None:
    assert {rule.__name__ for rule in RULES} == {case.rule for case in CASES}


def test_the_base_dataset_is_clean(make_dataset) -> None:
    root = make_dataset({"case-one/claim-one.yaml": claim()})
    report = validate(root)
    assert report.problems == []
    assert report.ok
    assert (report.counts.claims, report.counts.sources, report.counts.actors) == (1, 1, 1)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.name}")
def test_rule_fails(make_dataset, case: Case) -> None:
    root = make_dataset({"case-one/claim-one.yaml": claim(), **case.failing})
    report = validate(root)
    assert flat(root, report.problems) == case.expected
    assert not report.ok
    assert all(p.severity is Severity.ERROR and p.message for p in report.problems)
    # The problems come from this rule, and from no other.
    rule = next(r for r in RULES if r.__name__ == case.rule)
    dataset = load(root, use_cache=False)
    assert dataset.problems == []  # every file is valid on its own
    assert sorted(flat(root, list(rule(dataset, NOW)))) == sorted(case.expected)


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.rule}-{c.name}")
def test_rule_passes(make_dataset, case: Case) -> None:
    root = make_dataset({"case-one/claim-one.yaml": claim(), **case.passing})
    report = validate(root)
    assert flat(root, report.problems) == []
    assert report.ok


# --- positions and messages ------------------------------------------------------------------


def test_unknown_source_points_at_its_value(make_dataset) -> None:
    text = claim(
        body="evidence:\n"
        "  - source: article-one\n"
        "    shows: the article\n"
        "  - source: no-such-source\n"
        "    shows: a ruling\n"
    )
    root = make_dataset({"case-one/claim-one.yaml": text})
    [problem] = validate(root).problems
    assert problem.path == str(root / "case-one" / "claim-one.yaml")
    assert (problem.field, problem.code) == ("/evidence/1/source", "unknown-source")
    assert (problem.line, problem.column) == (
        line_of(text, "no-such-source"),
        column_of(text, "no-such-source"),
    )
    assert (problem.line, problem.column) == (19, 13)
    assert "sources/no-such-source.yaml" in problem.message


def test_every_reference_is_checked_with_its_line(make_dataset) -> None:
    text = (
        "id: claim-one\n"
        "statement: x y\n"
        "language: ar\n"
        "category: other\n"
        "claimant: {label: a page, actor: ghost-page}\n"
        "subjects: [network-leader, ghost-leader]\n"
        "appearances:\n"
        "  - source: ghost-article\n"
        "evidence:\n"
        "  - {source: article-one, shows: a}\n"
        "  - {source: ghost-ruling, shows: b}\n"
        "right_of_reply:\n"
        "  - actor: ghost-company\n"
        "    contacted: 2025-04-11T10:00:00Z\n"
        "    channel: phone\n"
        "    by: Salma\n"
        "created: 2025-04-10T09:00:00+01:00\n"
    )
    links = (
        "links:\n"
        "  - kind: member-of\n"
        "    to: ghost-group\n"
        "    evidence:\n"
        "      - {source: article-one, shows: a}\n"
        "      - {source: ghost-screenshot, shows: b}\n"
    )
    actor_text = actor("page-one", links)
    root = make_dataset({"case-one/claim-one.yaml": text, "actors/page-one.yaml": actor_text})
    found = [(Path(p.path).name, p.line, p.field, p.code) for p in validate(root).problems]
    assert found == [
        ("page-one.yaml", line_of(actor_text, "ghost-group"), "/links/0/to", "unknown-actor"),
        (
            "page-one.yaml",
            line_of(actor_text, "ghost-screenshot"),
            "/links/0/evidence/1/source",
            "unknown-source",
        ),
        ("claim-one.yaml", 5, "/claimant/actor", "unknown-actor"),
        ("claim-one.yaml", 6, "/subjects/1", "unknown-actor"),
        ("claim-one.yaml", 8, "/appearances/0/source", "unknown-source"),
        ("claim-one.yaml", 11, "/evidence/1/source", "unknown-source"),
        ("claim-one.yaml", 13, "/right_of_reply/0/actor", "unknown-actor"),
    ]
    subjects = next(p for p in validate(root).problems if p.field == "/subjects/1")
    assert subjects.column == column_of(text, "ghost-leader")


def test_id_problems_point_at_the_id(make_dataset) -> None:
    text = "# a comment first\n" + claim("claim-one")
    root = make_dataset({"case-one/claim-one.yaml": text, "case-two/claim-one.yaml": text})
    [problem] = validate(root).problems
    assert flat(root, [problem]) == [("case-two/claim-one.yaml", "/id", "duplicate-id")]
    assert (problem.line, problem.column) == (2, 5)
    assert str(root / "case-one" / "claim-one.yaml") in problem.message


def test_a_claim_and_an_actor_with_the_same_id_are_reported_once(make_dataset) -> None:
    root = make_dataset({"case-one/network-leader.yaml": claim("network-leader")})
    [problem] = validate(root).problems
    assert problem.code == "duplicate-id"
    assert str(root / "case-one" / "network-leader.yaml") in problem.message


def test_history_problems_point_at_the_event(make_dataset) -> None:
    history = (
        CREATED
        + event("2025-04-10T11:00:00+01:00", frm="new", to="triaged")
        + event("2025-04-10T10:00:00+01:00", frm="new", to="researching")
    )
    text = claim(status="researching", history=history)
    root = make_dataset({"case-one/claim-one.yaml": text})
    problems = validate(root).problems
    assert [(p.line, p.field, p.code) for p in problems] == [
        (line_of(text, "10:00:00+01:00"), "/history/2/time", "history-order"),
        (line_of(text, "10:00:00+01:00"), "/history/2/from", "history-chain"),
    ]
    assert "'triaged'" in problems[1].message


def test_status_problems_point_at_the_status(make_dataset) -> None:
    text = claim(status="rejected")
    root = make_dataset({"case-one/claim-one.yaml": text})
    [problem] = validate(root).problems
    assert (problem.line, problem.field, problem.code) == (
        line_of(text, "status: rejected"),
        "/status",
        "history-status",
    )
    assert "'rejected'" in problem.message and "'new'" in problem.message


def test_a_published_claim_without_anything_has_both_problems(make_dataset) -> None:
    text = claim(status="published", history=TO_PUBLISHED)
    root = make_dataset({"case-one/claim-one.yaml": text})
    assert flat(root, validate(root).problems) == [
        # Sorted by line: a verdict that is not written is reported at the top of the record.
        ("case-one/claim-one.yaml", "/verdict", "published-without-verdict"),
        ("case-one/claim-one.yaml", "/status", "published-without-reviewer"),
    ]


def test_a_missing_verdict_points_at_the_record(make_dataset) -> None:
    text = "# hand-written\n" + claim(status="published", history=TO_PUBLISHED, body=PUBLISHED_OK)
    text = text.replace("verdict: accurate\n", "")
    root = make_dataset({"case-one/claim-one.yaml": text})
    [problem] = validate(root).problems
    assert (problem.field, problem.code, problem.line) == (
        "/verdict",
        "published-without-verdict",
        2,
    )


def test_future_dates_point_at_the_value(make_dataset) -> None:
    text = claim().replace("date: 2025-04-09", "date: 2025-06-03")
    root = make_dataset({"case-one/claim-one.yaml": text})
    [problem] = validate(root).problems
    assert (problem.line, problem.column) == (
        line_of(text, "2025-06-03"),
        column_of(text, "2025-06-03"),
    )
    assert "2025-06-03" in problem.message


def test_the_future_does_not_depend_on_the_zone_now_is_written_in(make_dataset) -> None:
    root = make_dataset(
        {"case-one/claim-one.yaml": claim().replace("date: 2025-04-09", "date: 2025-06-02")}
    )
    for zone in (UTC, timezone(timedelta(hours=-10)), timezone(timedelta(hours=14))):
        assert validate(root, now=NOW.astimezone(zone)).problems == [], zone
    later = NOW + timedelta(days=1)
    for zone in (UTC, timezone(timedelta(hours=-10))):
        assert validate(root, now=later.astimezone(zone)).problems == []
    earlier = NOW - timedelta(hours=12, minutes=1)  # 23:59 UTC on 31 May: 2 June nowhere yet
    for zone in (UTC, timezone(timedelta(hours=-10)), timezone(timedelta(hours=14))):
        assert [p.code for p in validate(root, now=earlier.astimezone(zone)).problems] == [
            "future-date"
        ]


def test_run_checks_uses_the_clock_by_default(make_dataset) -> None:
    root = make_dataset(
        {"actors/network-leader.yaml": actor("network-leader", "created: 2999-01-01\n")}
    )
    dataset = load(root, use_cache=False)
    assert [p.code for p in run_checks(dataset)] == ["future-date"]
    assert run_checks(dataset, datetime(3000, 1, 1, tzinfo=UTC)) == []


# --- validate_dataset: paths, errors ---------------------------------------------------------


@pytest.fixture
def troubled(make_dataset) -> Path:
    """A dataset with one problem in each of three files, in three folders."""
    return make_dataset(
        {
            "case-one/claim-one.yaml": claim().replace("source: article-one", "source: gone"),
            "case-two/claim-two.yaml": claim("claim-deux"),
            "actors/page-one.yaml": actor("page-one", "links:\n  - {kind: attacks, to: nobody}\n"),
        }
    )


ALL = [
    ("actors/page-one.yaml", "/links/0/to", "unknown-actor"),
    ("case-one/claim-one.yaml", "/appearances/0/source", "unknown-source"),
    ("case-two/claim-two.yaml", "/id", "id-mismatch"),
]


def test_without_paths_every_problem_is_reported(troubled: Path) -> None:
    assert flat(troubled, validate(troubled).problems) == ALL


@pytest.mark.parametrize(
    ("paths", "expected"),
    [
        (["case-two"], [ALL[2]]),
        (["case-one/claim-one.yaml"], [ALL[1]]),
        (["case-one/claim-one.yaml", "actors"], [ALL[0], ALL[1]]),
        (["actors/page-one.yaml", "case-two/claim-two.yaml"], [ALL[0], ALL[2]]),
        (["sources"], []),
        (["actors/network-leader.yaml"], []),
        (["."], ALL),
        (["case-two/../case-one"], [ALL[1]]),
    ],
)
def test_paths_keep_only_the_problems_inside_them(
    troubled: Path, paths: list[str], expected: list[Flat]
) -> None:
    report = validate(troubled, *[troubled / p for p in paths])
    assert flat(troubled, report.problems) == expected
    assert report.ok is (not expected)
    assert report.counts.claims == 2  # the whole dataset is still loaded and counted


def test_paths_may_be_relative_to_the_working_directory(
    troubled: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(troubled.parent)
    report = validate(Path(troubled.name), Path(troubled.name) / "case-two")
    assert [(p.field, p.code) for p in report.problems] == [("/id", "id-mismatch")]
    monkeypatch.chdir(troubled / "case-one")
    report = validate(troubled, "claim-one.yaml")
    assert flat(troubled, report.problems) == [ALL[1]]


def test_paths_keep_cross_record_problems_of_the_file_they_are_reported_in(
    make_dataset,
) -> None:
    root = make_dataset({"case-two/claim-one.yaml": claim("claim-one")})
    assert validate(root, root / "case-one").problems == []
    assert flat(root, validate(root, root / "case-two").problems) == [
        ("case-two/claim-one.yaml", "/id", "duplicate-id")
    ]


@pytest.mark.parametrize(
    "outside",
    [
        "..",
        "../elsewhere",
        "../claims-other/case-one",  # shares the dataset's name as a prefix
        "case-one/../../claims-other",
    ],
)
def test_a_path_outside_the_dataset_raises(troubled: Path, outside: str) -> None:
    (troubled.parent / "claims-other" / "case-one").mkdir(parents=True)
    with pytest.raises(OutsideDataset) as info:
        validate(troubled, troubled / "case-one", troubled / outside)
    assert outside in str(info.value)


def test_an_absolute_path_elsewhere_raises(troubled: Path, tmp_path_factory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    with pytest.raises(OutsideDataset):
        validate(troubled, elsewhere)


def test_a_symlink_out_of_the_dataset_is_outside(troubled: Path, tmp_path_factory) -> None:
    elsewhere = tmp_path_factory.mktemp("elsewhere")
    link = troubled.parent / "link-to-elsewhere"
    link.symlink_to(elsewhere, target_is_directory=True)
    with pytest.raises(OutsideDataset):
        validate(troubled, link)


def test_a_missing_dataset_raises(tmp_path: Path) -> None:
    with pytest.raises(DatasetNotFound) as info:
        validate(tmp_path / "nowhere")
    assert "nowhere" in str(info.value)


def test_a_file_is_not_a_dataset(tmp_path: Path) -> None:
    (tmp_path / "dataset.yaml").write_text("name: x\nlanguages: [ar]\n", encoding="utf-8")
    with pytest.raises(DatasetNotFound):
        validate(tmp_path / "dataset.yaml")


def test_the_clock_report_is_the_same_when_cached(troubled: Path) -> None:
    first = validate_dataset(troubled)
    second = validate_dataset(troubled)
    assert flat(troubled, first.problems) == flat(troubled, second.problems) == ALL
    assert first.to_dict() == second.to_dict()
    uncached = validate_dataset(troubled, use_cache=False)
    assert uncached.to_dict() == first.to_dict()


def test_a_year_alone_is_a_bad_date_not_1970(make_dataset) -> None:
    # Numbers used to be read as seconds since 1970, silently.
    text = source("article-one", published="2025")
    root = make_dataset({"sources/article-one.yaml": text})
    # (The claim citing the source reports it unknown, since the source could not be loaded.)
    [problem] = validate(root, root / "sources").problems
    assert flat(root, [problem]) == [("sources/article-one.yaml", "/published", "bad-date")]
    assert problem.line == line_of(text, "published")
    assert "2025-04-09" in problem.message


def test_a_naive_midnight_is_not_taken_for_a_day(make_dataset) -> None:
    text = source("article-one", published="2025-04-09T00:00:00")
    root = make_dataset({"sources/article-one.yaml": text})
    assert [(p.field, p.code) for p in validate(root, root / "sources").problems] == [
        ("/published", "naive-datetime")
    ]
