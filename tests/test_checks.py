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
from claimtrack.workflow.gate import RULES as GATE_RULES

NOW = datetime(2025, 6, 1, 12, 0, tzinfo=UTC)

Files = dict[str, str | bytes | None]
Flat = tuple[str, str, str]


def event(
    time: str, action: str = "status", *, to: str = "", frm: str = "", by: str = "Salma"
) -> str:
    parts = [f"time: '{time}'", f"actor: {by}", f"action: {action}"]
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


def source(source_id: str, kind: str = "article", **fields: str) -> str:
    lines = [f"id: {source_id}", f"kind: {kind}", f"title: Source {source_id}"]
    lines += [f"{k}: {v}" for k, v in fields.items()]
    return "\n".join(lines) + "\n"


def actor(actor_id: str, body: str = "", kind: str = "person") -> str:
    return f"id: {actor_id}\nkind: {kind}\nlabel: someone called {actor_id}\n{body}"


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


# A link with its evidence, to the actor given.
LINK_TO = "links:\n  - {{kind: tied-to, to: {}, evidence: [{{source: article-one, shows: x}}]}}\n"

# A claimant on record, and a second subject.
ON_RECORD = claim().replace("  label: A newspaper", "  actor: al-assima\n  label: A newspaper")
TWO_SUBJECTS = claim().replace("  - network-leader\n", "  - network-leader\n  - page-one\n")
CLAIM = "case-one/claim-one.yaml"

# --- a claim that passes the publication gate -------------------------------------------------

# Two checkers and two editors.
DESK = """\
name: Test desk
languages: [ar, fr, en]
team:
  - {name: Salma, role: checker}
  - {name: Youssef, role: checker}
  - {name: Karim, role: editor}
  - {name: Nadia, role: editor}
"""
# Salma researches the claim and sets its verdict; Karim approves it, then publishes it.
RESEARCHING = (
    CREATED
    + event("2025-04-10T10:00:00+01:00", frm="new", to="triaged")
    + event("2025-04-10T11:00:00+01:00", frm="triaged", to="researching")
)
VERDICT = event("2025-04-10T12:00:00+01:00", "verdict")
SUBMIT = event("2025-04-10T13:00:00+01:00", frm="researching", to="in-review")
APPROVE = event("2025-04-10T14:00:00+01:00", "approve", by="Karim")
PUBLISH = event("2025-04-10T15:00:00+01:00", frm="in-review", to="published", by="Karim")
GATE_HISTORY = RESEARCHING + VERDICT + SUBMIT + APPROVE + PUBLISH
# Exactly the shortest rationale the gate accepts (80 characters).
RATIONALE = "Two papers with different owners report the ruling; the court clerk confirms it."
REPLY = (
    "right_of_reply:\n"
    "  - {actor: network-leader, contacted: '2025-04-10T11:30:00+01:00', channel: phone,"
    " by: Salma, outcome: declined}\n"
)
EVIDENCE = (
    "evidence:\n"
    "  - {source: paper-a, shows: the ruling}\n"
    "  - {source: paper-b, shows: the same ruling}\n"
)
GATE_BODY = (
    "verdict: 'true'\n"
    f"rationale: {RATIONALE}\n"
    f"{EVIDENCE}"
    f"{REPLY}"
    "assignee: Salma\n"
    "reviewer: Karim\n"
    "published: 2025-04-10T15:00:00+01:00\n"
)
ARCHIVE = "https://archive.example.org/"
SHA256 = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"


def published(body: str = GATE_BODY, history: str = GATE_HISTORY, status: str = "published") -> str:
    """The claim of GATE, with its body or history changed."""
    return claim(status=status, body=body, history=history)


# Every source cited is archived, the evidence comes from two publishers, the private subject
# declined to answer, and their name (on record in the actor file) appears in no public text.
GATE: Files = {
    "dataset.yaml": DESK,
    "sources/article-one.yaml": source(
        "article-one", publisher="A newspaper", archive_url=ARCHIVE + "article-one"
    ),
    "sources/paper-a.yaml": source("paper-a", publisher="Paper A", archive_url=ARCHIVE + "a"),
    "sources/paper-b.yaml": source("paper-b", publisher="Paper B", archive_url=ARCHIVE + "b"),
    "actors/network-leader.yaml": actor("network-leader", "name: Hamid Benslimane\n"),
    CLAIM: published(),
}


def gate(text: str | None = None, files: Files | None = None) -> Files:
    """The publishable dataset, with the claim's text or other files replaced."""
    return {**GATE, CLAIM: text if text is not None else published(), **(files or {})}


def gate_case(name: str, failing: Files, passing: Files, rule: str, says: str) -> Case:
    """A published claim that fails the gate's `rule` (and no other), for the reason the
    message `says`, and one that passes."""
    return Case(
        "published_claims_pass_the_gate",
        name,
        failing,
        [(CLAIM, "/status", f"gate-{rule}")],
        passing,
        says,
    )


# --- verdict scales in dataset.yaml ---------------------------------------------------------


def verdict_label(label_id: str, rating: int | None = None, languages: str = "ar fr en") -> str:
    """One label of a verdict_scale, in the given languages."""
    texts = ", ".join(f"{lang}: {label_id} in {lang}" for lang in languages.split())
    rated = "" if rating is None else f", rating: {rating}"
    return f"    - {{id: {label_id}{rated}, labels: {{{texts}}}}}\n"


# A newsroom's own scale of two verdicts, and the state before any verdict.
OWN_LABELS = verdict_label("accurate", 2) + verdict_label("inaccurate", 1)
UNVERIFIED = verdict_label("unverified")


def scale(labels: str, mode: str = "replace", best: int = 2, worst: int = 1) -> str:
    """dataset.yaml of the desk with a verdict_scale (best and worst only when replacing)."""
    head = f"verdict_scale:\n  mode: {mode}\n"
    if mode == "replace":
        head += f"  best: {best}\n  worst: {worst}\n"
    return DESK + head + "  labels:\n" + labels


# --- one failing and one passing dataset for every rule --------------------------------------


@dataclass
class Case:
    rule: str
    name: str
    failing: Files
    expected: list[Flat]
    passing: Files = field(default_factory=dict)
    says: str = ""  # a part of a failing problem's message, when the code alone is ambiguous


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
        {"actors/page-one.yaml": actor("page-one", LINK_TO.format("nobody"))},
        [("actors/page-one.yaml", "/links/0/to", "unknown-actor")],
        {"actors/page-one.yaml": actor("page-one", LINK_TO.format("network-leader"))},
    ),
    Case(
        "references_resolve",
        "actor link evidence",
        {
            "actors/page-one.yaml": actor(
                "page-one",
                "links:\n  - kind: tied-to\n    to: network-leader\n    evidence:\n"
                "      - {source: screenshot, shows: admin list}\n",
            )
        },
        [("actors/page-one.yaml", "/links/0/evidence/0/source", "unknown-source")],
        {
            "actors/page-one.yaml": actor(
                "page-one",
                "links:\n  - kind: tied-to\n    to: network-leader\n    evidence:\n"
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
    Case(
        "history_agrees_with_status",
        "a move the workflow does not have",
        {
            CLAIM: claim(
                status="researching",
                history=CREATED
                + event("2025-04-10T10:00:00+01:00", frm="new", to="rejected")
                + event("2025-04-10T11:00:00+01:00", frm="rejected", to="researching"),
            )
        },
        [(CLAIM, "/history/2/to", "history-move")],
        {
            CLAIM: claim(
                status="researching",
                history=CREATED
                + event("2025-04-10T10:00:00+01:00", frm="new", to="rejected")
                + event("2025-04-10T11:00:00+01:00", frm="rejected", to="triaged", by="Karim")
                + event("2025-04-10T12:00:00+01:00", frm="triaged", to="researching"),
            )
        },
    ),
    Case(
        "history_agrees_with_status",
        "published straight from new",
        # Everything the gate asks for is there: only the road to publication is wrong.
        gate(
            published(
                history=CREATED
                + VERDICT
                + APPROVE
                + event("2025-04-10T15:00:00+01:00", frm="new", to="published", by="Karim")
            )
        ),
        [(CLAIM, "/history/3/to", "history-move")],
        GATE,
    ),
    Case(
        "history_agrees_with_status",
        "a published claim reopened other than by a correction",
        gate(
            published(
                status="triaged",
                history=GATE_HISTORY
                + event("2025-04-11T09:00:00+01:00", frm="published", to="triaged", by="Karim"),
            )
        ),
        [(CLAIM, "/history/7/to", "history-move")],
        gate(
            published(
                status="researching",
                history=GATE_HISTORY
                + event(
                    "2025-04-11T09:00:00+01:00",
                    "correct",
                    frm="published",
                    to="researching",
                    by="Karim",
                ),
            )
        ),
    ),
    Case(
        "history_agrees_with_status",
        "a move that does not say where it starts",
        # It starts where the move before it ended: new, from where research cannot begin.
        {
            CLAIM: claim(
                status="researching",
                history=CREATED + event("2025-04-10T10:00:00+01:00", to="researching"),
            )
        },
        [(CLAIM, "/history/1/to", "history-move")],
        {
            CLAIM: claim(
                status="triaged",
                history=CREATED + event("2025-04-10T10:00:00+01:00", to="triaged"),
            )
        },
    ),
    # everyone named as acting on a claim is on the team (Salma and Karim)
    Case(
        "people_are_on_the_team",
        "assignee",
        {CLAIM: claim(body="assignee: Omar\n")},
        [(CLAIM, "/assignee", "not-on-team")],
        {CLAIM: claim(body="assignee: Salma\n")},
    ),
    Case(
        "people_are_on_the_team",
        "reviewer",
        {CLAIM: claim(body="reviewer: Nadia\n")},
        [(CLAIM, "/reviewer", "not-on-team")],
        {CLAIM: claim(body="reviewer: Karim\n")},
    ),
    Case(
        "people_are_on_the_team",
        "history actor",
        {CLAIM: claim(history=CREATED + event("2025-04-10T10:00:00+01:00", "note", by="Omar"))},
        [(CLAIM, "/history/1/actor", "not-on-team")],
        {CLAIM: claim(history=CREATED + event("2025-04-10T10:00:00+01:00", "note", by="Karim"))},
    ),
    Case(
        "people_are_on_the_team",
        "note author",
        {CLAIM: claim(body="notes:\n  - {time: '2025-04-11T10:00:00Z', by: Omar, text: x}\n")},
        [(CLAIM, "/notes/0/by", "not-on-team")],
        {CLAIM: claim(body="notes:\n  - {time: '2025-04-11T10:00:00Z', by: Salma, text: x}\n")},
    ),
    Case(
        "people_are_on_the_team",
        "right of reply attempt",
        {
            CLAIM: claim(
                body="right_of_reply:\n  - {actor: network-leader, contacted: "
                "'2025-04-11T10:00:00Z', channel: email, by: Omar}\n"
            )
        },
        [(CLAIM, "/right_of_reply/0/by", "not-on-team")],
        {
            CLAIM: claim(
                body="right_of_reply:\n  - {actor: network-leader, contacted: "
                "'2025-04-11T10:00:00Z', channel: email, by: Karim}\n"
            )
        },
    ),
    Case(
        "people_are_on_the_team",
        "correction author",
        {
            CLAIM: claim(
                body="corrections:\n  - {date: '2025-04-12T10:00:00Z', by: Omar, what: x, why: y}\n"
            )
        },
        [(CLAIM, "/corrections/0/by", "not-on-team")],
        {
            CLAIM: claim(
                body="corrections:\n"
                "  - {date: '2025-04-12T10:00:00Z', by: Karim, what: x, why: y}\n"
            )
        },
    ),
    Case(
        "people_are_on_the_team",
        "a team of nobody",
        {"dataset.yaml": "name: Test desk\nlanguages: [ar, fr, en]\n"},
        [(CLAIM, "/history/0/actor", "not-on-team")],
        {"dataset.yaml": "name: Test desk\nlanguages: [ar, fr, en]\n", CLAIM: claim(history="")},
    ),
    # the verdict scale is sound, and every verdict is on it
    Case(
        "verdicts_on_the_scale",
        "a verdict not on the default scale",
        {CLAIM: claim(body="verdict: accurate\n")},
        [(CLAIM, "/verdict", "unknown-verdict")],
        # Added to the default scale, next to 'true'.
        {
            "dataset.yaml": scale(verdict_label("accurate", 7), mode="extend"),
            CLAIM: claim(body="verdict: accurate\n"),
        },
    ),
    Case(
        "verdicts_on_the_scale",
        "a default verdict on a scale that replaces the default",
        {
            "dataset.yaml": scale(OWN_LABELS + UNVERIFIED),
            CLAIM: claim(body="verdict: mostly-true\n"),
        },
        [(CLAIM, "/verdict", "unknown-verdict")],
        {
            "dataset.yaml": scale(OWN_LABELS + UNVERIFIED),
            CLAIM: claim(body="verdict: inaccurate\n"),
        },
    ),
    Case(
        "verdicts_on_the_scale",
        "duplicate ids",
        {
            "dataset.yaml": scale(
                verdict_label("accurate", 2) + verdict_label("accurate", 1) + UNVERIFIED
            )
        },
        [("dataset.yaml", "/verdict_scale/labels/1/id", "scale-duplicate-id")],
        {"dataset.yaml": scale(OWN_LABELS + UNVERIFIED)},
    ),
    Case(
        "verdicts_on_the_scale",
        "a label missing in a dataset language",
        {
            "dataset.yaml": scale(
                verdict_label("accurate", 2) + verdict_label("inaccurate", 1, "ar en") + UNVERIFIED
            )
        },
        [("dataset.yaml", "/verdict_scale/labels/1/labels", "scale-missing-label")],
        # A label in French serves a dataset in Canadian French.
        {
            "dataset.yaml": scale(OWN_LABELS + UNVERIFIED).replace(
                "languages: [ar, fr, en]", "languages: [ar, fr-CA, en]"
            )
        },
    ),
    Case(
        "verdicts_on_the_scale",
        "a new label missing in a dataset language when extending",
        {"dataset.yaml": scale(verdict_label("accurate", 7, "en"), mode="extend")},
        [("dataset.yaml", "/verdict_scale/labels/0/labels", "scale-missing-label")],
        # Re-labelling a default label in one language keeps its other languages.
        {"dataset.yaml": scale('    - {id: "true", labels: {en: Correct}}\n', mode="extend")},
    ),
    Case(
        "verdicts_on_the_scale",
        "a dataset language the default scale does not have",
        {"dataset.yaml": DESK.replace("languages: [ar, fr, en]", "languages: [ar, fr, en, es]")},
        # One problem per label of the default scale, at the dataset's languages.
        [("dataset.yaml", "/languages", "scale-missing-label")] * 10,
        {"dataset.yaml": DESK.replace("languages: [ar, fr, en]", "languages: [ar-MA, fr, en]")},
    ),
    Case(
        "verdicts_on_the_scale",
        "ratings out of order",
        {
            "dataset.yaml": scale(
                verdict_label("inaccurate", 1) + verdict_label("accurate", 2) + UNVERIFIED
            )
        },
        [("dataset.yaml", "/verdict_scale/labels/1/rating", "scale-order")],
        # Ties are allowed.
        {
            "dataset.yaml": scale(
                verdict_label("accurate", 2)
                + verdict_label("correct", 2)
                + verdict_label("inaccurate", 1)
                + UNVERIFIED
            )
        },
    ),
    Case(
        "verdicts_on_the_scale",
        "a rating outside the scale",
        {
            "dataset.yaml": scale(
                verdict_label("accurate", 3) + verdict_label("inaccurate", 1) + UNVERIFIED
            )
        },
        [("dataset.yaml", "/verdict_scale/labels/0/rating", "scale-rating-range")],
        {
            "dataset.yaml": scale(
                verdict_label("accurate", 3) + verdict_label("inaccurate", 1) + UNVERIFIED, best=3
            )
        },
    ),
    Case(
        "verdicts_on_the_scale",
        "best not above worst",
        {"dataset.yaml": scale(OWN_LABELS + UNVERIFIED, best=1, worst=2)},
        [("dataset.yaml", "/verdict_scale/best", "scale-bounds")],
        {"dataset.yaml": scale(OWN_LABELS + UNVERIFIED, best=2, worst=1)},
    ),
    Case(
        "verdicts_on_the_scale",
        "no unverified",
        # ... which is every new claim's verdict.
        {"dataset.yaml": scale(OWN_LABELS)},
        [
            (CLAIM, "/verdict", "unknown-verdict"),
            ("dataset.yaml", "/verdict_scale/labels", "scale-no-unverified"),
        ],
        {"dataset.yaml": scale(OWN_LABELS + UNVERIFIED)},
    ),
    Case(
        "verdicts_on_the_scale",
        "unverified with a rating",
        {"dataset.yaml": scale(OWN_LABELS + verdict_label("unverified", 1))},
        [("dataset.yaml", "/verdict_scale/labels/2/rating", "scale-unverified-rated")],
        {"dataset.yaml": scale(OWN_LABELS + UNVERIFIED)},
    ),
    # a published claim passes every rule of the publication gate
    gate_case(
        "verdict unverified",
        gate(published(GATE_BODY.replace("verdict: 'true'", "verdict: unverified"))),
        GATE,
        "verdict-set",
        "other than 'unverified'",
    ),
    gate_case(
        "rationale one character short",
        gate(published(GATE_BODY.replace(RATIONALE, RATIONALE.removesuffix(".")))),
        GATE,
        "verdict-set",
        "at least 80 characters",
    ),
    gate_case(
        "no rationale",
        gate(published(GATE_BODY.replace(f"rationale: {RATIONALE}\n", ""))),
        GATE,
        "verdict-set",
        "at least 80 characters",
    ),
    gate_case(
        "no evidence",
        gate(published(GATE_BODY.replace(EVIDENCE, ""))),
        GATE,
        "evidence-sufficient",
        "two independent sources",
    ),
    gate_case(
        "one secondary source",
        gate(published(GATE_BODY.replace("  - {source: paper-b, shows: the same ruling}\n", ""))),
        # One primary document is enough.
        gate(
            published(
                GATE_BODY.replace("  - {source: paper-b, shows: the same ruling}\n", "").replace(
                    "source: paper-a", "source: ruling"
                )
            ),
            {"sources/ruling.yaml": source("ruling", "court-record", sha256=SHA256)},
        ),
        "evidence-sufficient",
        "two independent sources",
    ),
    gate_case(
        "two sources from one publisher",
        # Publishers are compared with case and punctuation ignored.
        gate(
            files={"sources/paper-b.yaml": source("paper-b", publisher="PAPER A.", sha256=SHA256)}
        ),
        gate(
            files={
                "sources/paper-b.yaml": source(
                    "paper-b", "company-filing", publisher="PAPER A.", sha256=SHA256
                )
            }
        ),
        "evidence-sufficient",
        "different publishers",
    ),
    gate_case(
        "evidence not preserved",
        gate(files={"sources/paper-b.yaml": source("paper-b", publisher="Paper B")}),
        # A stored copy's sha256 is as good as an archive.
        gate(files={"sources/paper-b.yaml": source("paper-b", publisher="Paper B", sha256=SHA256)}),
        "sources-preserved",
        "sha256 of a stored copy: paper-b",
    ),
    gate_case(
        "appearance not preserved",
        gate(files={"sources/article-one.yaml": source("article-one", publisher="A newspaper")}),
        GATE,
        "sources-preserved",
        "sha256 of a stored copy: article-one",
    ),
    gate_case(
        "no reviewer",
        gate(published(GATE_BODY.replace("reviewer: Karim\n", ""))),
        # Still in review, a claim needs no reviewer yet.
        gate(
            published(
                GATE_BODY.replace("reviewer: Karim\n", "").replace(
                    "published: 2025-04-10T15:00:00+01:00\n", ""
                ),
                RESEARCHING + VERDICT + SUBMIT,
                "in-review",
            )
        ),
        "four-eyes",
        "an editor must approve it",
    ),
    gate_case(
        "reviewer is a checker",
        gate(
            published(
                GATE_BODY.replace("reviewer: Karim", "reviewer: Youssef"),
                RESEARCHING + VERDICT + SUBMIT + APPROVE.replace("Karim", "Youssef") + PUBLISH,
            )
        ),
        gate(
            published(
                GATE_BODY.replace("reviewer: Karim", "reviewer: Nadia"),
                RESEARCHING + VERDICT + SUBMIT + APPROVE.replace("Karim", "Nadia") + PUBLISH,
            )
        ),
        "four-eyes",
        "'Youssef' must be an editor",
    ),
    gate_case(
        "reviewer is the assignee",
        gate(published(GATE_BODY.replace("assignee: Salma", "assignee: Karim"))),
        gate(published(GATE_BODY.replace("assignee: Salma", "assignee: Youssef"))),
        "four-eyes",
        "'Karim' also researched the claim or wrote its verdict",
    ),
    gate_case(
        "reviewer wrote the verdict",
        gate(
            published(
                history=RESEARCHING + VERDICT.replace("Salma", "Karim") + SUBMIT + APPROVE + PUBLISH
            )
        ),
        # Another editor may write the verdict.
        gate(
            published(
                history=RESEARCHING + VERDICT.replace("Salma", "Nadia") + SUBMIT + APPROVE + PUBLISH
            )
        ),
        "four-eyes",
        "'Karim' also researched the claim or wrote its verdict",
    ),
    gate_case(
        "approved before the last verdict",
        gate(
            published(
                history=RESEARCHING
                + VERDICT
                + SUBMIT
                + APPROVE
                + event("2025-04-10T14:10:00+01:00", frm="in-review", to="researching", by="Karim")
                + event("2025-04-10T14:20:00+01:00", "verdict")
                + event("2025-04-10T14:30:00+01:00", frm="researching", to="in-review")
                + PUBLISH
            )
        ),
        gate(
            published(
                history=RESEARCHING
                + VERDICT
                + SUBMIT
                + APPROVE
                + event("2025-04-10T14:10:00+01:00", frm="in-review", to="researching", by="Karim")
                + event("2025-04-10T14:20:00+01:00", "verdict")
                + event("2025-04-10T14:30:00+01:00", frm="researching", to="in-review")
                + event("2025-04-10T14:40:00+01:00", "approve", by="Karim")
                + PUBLISH
            )
        ),
        "four-eyes",
        "no approval by 'Karim' is recorded since",
    ),
    gate_case(
        "approved by another editor than the reviewer",
        gate(
            published(
                history=RESEARCHING + VERDICT + SUBMIT + APPROVE.replace("Karim", "Nadia") + PUBLISH
            )
        ),
        GATE,
        "four-eyes",
        "no approval by 'Karim' is recorded since",
    ),
    gate_case(
        "subject never contacted",
        gate(published(GATE_BODY.replace(REPLY, ""))),
        # A public figure is not owed a right of reply by this rule.
        gate(
            published(GATE_BODY.replace(REPLY, "")),
            {"actors/network-leader.yaml": actor("network-leader", "public_figure: true\n")},
        ),
        "right-of-reply",
        "for: network-leader (someone called network-leader)",
    ),
    gate_case(
        "reply pending",
        gate(published(GATE_BODY.replace("outcome: declined", "outcome: pending"))),
        gate(
            published(
                GATE_BODY.replace("outcome: declined", "outcome: answered, summary: They deny it.")
            )
        ),
        "right-of-reply",
        "for: network-leader (someone called network-leader)",
    ),
    gate_case(
        "no answer, deadline not passed",
        gate(
            published(
                GATE_BODY.replace(
                    "outcome: declined", "outcome: no-answer, deadline: '2025-06-01T12:00:01Z'"
                )
            )
        ),
        # Now is 2025-06-01T12:00Z: a deadline that is now has passed.
        gate(
            published(
                GATE_BODY.replace(
                    "outcome: declined", "outcome: no-answer, deadline: '2025-06-01T14:00:00+02:00'"
                )
            )
        ),
        "right-of-reply",
        "by a deadline that has passed",
    ),
    gate_case(
        "a company never contacted",
        gate(
            published().replace(
                "  - network-leader\n", "  - network-leader\n  - cleaning-company\n"
            ),
            {"actors/cleaning-company.yaml": actor("cleaning-company", kind="company")},
        ),
        # An account is not owed a reply.
        gate(
            published().replace(
                "  - network-leader\n", "  - network-leader\n  - cleaning-company\n"
            ),
            {"actors/cleaning-company.yaml": actor("cleaning-company", kind="social-account")},
        ),
        "right-of-reply",
        "for: cleaning-company (someone called cleaning-company)",
    ),
    gate_case(
        "private name in a translation",
        gate(published().replace("  en: A network", "  en: Hamid Benslimane runs a network")),
        # The actor's label is what publication shows.
        gate(
            published().replace(
                "  en: A network", "  en: someone called network-leader runs a network"
            )
        ),
        "no-private-names",
        "appears in /translations/en",
    ),
    gate_case(
        "private name in the rationale, in capitals and with an accent",
        gate(
            published(
                GATE_BODY.replace(RATIONALE, RATIONALE + " HAMID BENSLIMANÉ, asked, declined.")
            )
        ),
        # Internal notes are not published.
        gate(
            published(
                GATE_BODY + "notes:\n  - {time: '2025-04-10T11:40:00+01:00', by: Salma,"
                " text: Hamid Benslimane declined.}\n"
            )
        ),
        "no-private-names",
        "appears in /rationale",
    ),
    gate_case(
        "private name in a reply summary",
        gate(
            published(
                GATE_BODY.replace(
                    "outcome: declined", "outcome: answered, summary: Hamid Benslimane denies it."
                )
            )
        ),
        # A public figure's name may be published.
        gate(
            published(
                GATE_BODY.replace(
                    "outcome: declined", "outcome: answered, summary: Hamid Benslimane denies it."
                )
            ),
            {
                "actors/network-leader.yaml": actor(
                    "network-leader", "name: Hamid Benslimane\npublic_figure: true\n"
                )
            },
        ),
        "no-private-names",
        "appears in /right_of_reply/0/summary",
    ),
    gate_case(
        "private name in the Arabic statement, with short vowels",
        gate(
            published().replace("statement: شبكة", "statement: حَمِيد بنسليمان يدير شبكة"),
            {"actors/network-leader.yaml": actor("network-leader", "name: حميد بنسليمان\n")},
        ),
        # A name is matched as whole words, not inside another word.
        gate(
            published().replace("statement: شبكة", "statement: حميد بنسليمانيين شبكة"),
            {"actors/network-leader.yaml": actor("network-leader", "name: حميد بنسليمان\n")},
        ),
        "no-private-names",
        "appears in /statement",
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
    # links between actors (see also tests/network/test_link_checks.py)
    Case(
        "links_are_sound",
        "kind of link and of actors",
        {
            "actors/network-leader.yaml": actor(
                "network-leader",
                "links:\n  - {kind: employed-by, to: page-one, evidence: [{source: article-one,"
                " shows: x}]}\n",
            ),
            "actors/page-one.yaml": actor("page-one", kind="social-account"),
        },
        [("actors/network-leader.yaml", "/links/0/kind", "link-kind-mismatch")],
        {
            "actors/network-leader.yaml": actor(
                "network-leader",
                "links:\n  - {kind: operates, to: page-one, evidence: [{source: article-one,"
                " shows: x}]}\n",
            ),
            "actors/page-one.yaml": actor("page-one", kind="social-account"),
        },
        "cannot point to 'page-one'",
    ),
    Case(
        "links_are_sound",
        "self and evidence",
        {
            "actors/network-leader.yaml": actor(
                "network-leader",
                "links:\n  - {kind: tied-to, to: network-leader}\n"
                "  - {kind: tied-to, to: page-one, confidence: likely}\n",
            ),
            "actors/page-one.yaml": actor("page-one", kind="social-account"),
        },
        [
            ("actors/network-leader.yaml", "/links/0/to", "link-to-self"),
            ("actors/network-leader.yaml", "/links/1", "link-without-evidence"),
        ],
        {
            "actors/network-leader.yaml": actor(
                "network-leader",
                "links:\n  - {kind: tied-to, to: page-one, confidence: likely, evidence:"
                " [{source: article-one, shows: x}]}\n",
            ),
            "actors/page-one.yaml": actor("page-one", kind="social-account"),
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
    assert any(case.says in p.message for p in report.problems)
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


def test_a_published_claim_without_anything_fails_the_gate_at_its_status(make_dataset) -> None:
    text = claim(status="published", history=TO_PUBLISHED)
    root = make_dataset({CLAIM: text})
    problems = validate(root).problems
    # Every rule of the gate but no-private-names (the subject has no name on record).
    assert flat(root, problems) == [
        (CLAIM, "/status", "gate-evidence-sufficient"),
        (CLAIM, "/status", "gate-four-eyes"),
        (CLAIM, "/status", "gate-right-of-reply"),
        (CLAIM, "/status", "gate-sources-preserved"),
        (CLAIM, "/status", "gate-verdict-set"),
    ]
    assert {(p.line, p.column) for p in problems} == {
        (line_of(text, "status: published"), column_of(text, "status: published") + len("status: "))
    }


def test_gate_problems_say_which_rule_fails_and_how_to_meet_it(make_dataset) -> None:
    text = "# hand-written\n" + published(
        GATE_BODY.replace("verdict: 'true'", "verdict: unverified")
    )
    root = make_dataset(gate(text))
    [problem] = validate(root).problems
    assert (problem.field, problem.code, problem.line) == (
        "/status",
        "gate-verdict-set",
        line_of(text, "status: published"),
    )
    assert "'verdict-set'" in problem.message
    assert "claimtrack verdict" in problem.message
    assert "claimtrack correct" in problem.message


def test_the_gate_problem_does_not_repeat_the_private_name(make_dataset) -> None:
    text = published().replace("  en: A network", "  en: Hamid Benslimane runs a network")
    root = make_dataset(gate(text))
    [problem] = validate(root).problems
    assert (problem.field, problem.code) == ("/status", "gate-no-private-names")
    assert "/translations/en" in problem.message
    assert "someone called network-leader" in problem.message
    assert "Hamid" not in problem.message and "Benslimane" not in problem.message


def test_every_gate_rule_has_a_failing_published_claim() -> None:
    failing = {code for case in CASES for _, _, code in case.expected if code.startswith("gate-")}
    assert failing == {f"gate-{rule}" for rule in GATE_RULES}


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        # A verdict off the scale is an unknown verdict, and the gate refuses it too.
        (
            lambda text: text.replace("verdict: 'true'", "verdict: accurate"),
            [(CLAIM, "/status", "gate-verdict-set"), (CLAIM, "/verdict", "unknown-verdict")],
        ),
        # A reviewer who is not on the team is not an editor on it either.
        (
            lambda text: text.replace("reviewer: Karim", "reviewer: Omar"),
            [(CLAIM, "/status", "gate-four-eyes"), (CLAIM, "/reviewer", "not-on-team")],
        ),
    ],
    ids=["verdict off the scale", "reviewer off the team"],
)
def test_a_published_claim_can_fail_a_rule_and_the_gate(
    make_dataset, change, expected: list[Flat]
) -> None:
    root = make_dataset(gate(change(published())))
    assert flat(root, validate(root).problems) == expected


def test_not_on_team_names_the_team(make_dataset) -> None:
    text = claim(body="assignee: Omar\n")
    root = make_dataset({CLAIM: text})
    [problem] = validate(root).problems
    assert (problem.line, problem.column) == (line_of(text, "Omar"), column_of(text, "Omar"))
    assert "'Omar'" in problem.message and "Karim, Salma" in problem.message


def test_unknown_verdict_lists_the_scale(make_dataset) -> None:
    text = claim(body="verdict: accurate\n")
    root = make_dataset({CLAIM: text})
    [problem] = validate(root).problems
    assert problem.line == line_of(text, "verdict: accurate")
    assert "'accurate'" in problem.message and "mostly-true" in problem.message


def test_history_move_says_which_move(make_dataset) -> None:
    history = CREATED + event("2025-04-10T10:00:00+01:00", frm="new", to="in-review")
    text = claim(status="in-review", history=history)
    root = make_dataset({CLAIM: text})
    [problem] = validate(root).problems
    assert (problem.line, problem.field, problem.code) == (
        line_of(text, "to: in-review"),
        "/history/1/to",
        "history-move",
    )
    assert "'new'" in problem.message and "'in-review'" in problem.message


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
            "actors/page-one.yaml": actor("page-one", LINK_TO.format("nobody")),
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


def test_scale_problems_point_at_their_line(make_dataset) -> None:
    settings = (
        "name: Desk\nlanguages: [ar, fr, en]\nteam:\n  - {name: Salma, role: checker}\n"
        "verdict_scale:\n  mode: extend\n  labels:\n    - id: odd-one\n      rating: 4\n"
        "      labels: {en: Odd}\n"
    )
    root = make_dataset({"dataset.yaml": settings})
    report = validate_dataset(root, now=NOW)
    missing = [p for p in report.problems if p.code == "scale-missing-label"]
    assert [(p.field, p.line) for p in missing] == [("/verdict_scale/labels/0/labels", 10)]
