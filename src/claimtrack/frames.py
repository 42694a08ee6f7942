"""The loaded dataset as pandas DataFrames: the one input of quality, the dashboard and notebooks.

`build(dataset)` returns `Frames`, seven tables with explicit dtypes: text is `string`, enums
are categoricals (with every allowed value as a category, in workflow or model order), moments
are timezone-aware datetimes in UTC, counts are int64 and flags are bool. A day written without
a time (an appearance date, a source's publication day) counts as 00:00 UTC that day.

Every frame has `id` and `path`: the record a row belongs to and its file as the user gave the
dataset, so that any failing row can be traced to the file to edit.

No private data goes into a frame: actors appear by `label` (never `name` or `handle`), and
free texts (research notes, history notes, quotes) stay out; the statement is present only as
its length and its matching key (`normalised`, see claimtrack.text).

records   one row per record of any kind
    id, kind (claim|source|actor), path
claims    one row per claim
    id, case, path, status, category, verdict, language, language_base (the primary language
    subtag: ar for ar-MA), assignee, reviewer,
    created, updated, published, appeared (first appearance date),
    status_since (time of the history event that set the current status, else created),
    days_in_status (days from status_since to `now`),
    days_in_work (days_in_status for claims in researching or in-review, else null),
    n_sources (distinct sources in evidence and appearances), n_evidence, n_subjects,
    reply_state (none|pending|answered|declined|no-answer: the latest attempt's outcome),
    statement_length (characters), normalised (the statement's matching key),
    four_eyes (false only for a published claim whose reviewer is missing or is its assignee),
    unassigned_past_triage (true for a claim in researching, in-review or published without an
    assignee)
sources   one row per source
    id, path, kind, publisher, language, published, accessed, has_url,
    archived (archive_url or sha256 recorded), n_claims (claims citing it in evidence or
    appearances), n_links (actor links citing it), n_citing (n_claims + n_links)
evidence  one row per evidence item of a claim (claim × source)
    id (the claim), path (the claim's file), status, position, source, source_found,
    source_kind, source_preserved (the source exists and is archived or hashed)
history   one row per history event
    id (the claim), path, position, time, actor (a team member), action, from, to
actors    one row per actor
    id, path, kind, label, public_figure, private, platform, n_links, n_subject_of
links     one row per link between actors
    id (the actor the link is written in), path, kind, to, to_found, confidence, n_evidence
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, time
from typing import TYPE_CHECKING, Any

import pandas as pd

from .models import ActorKind, Category, Confidence, LinkKind, ReplyOutcome, SourceKind, Status
from .text import normalise
from .verdicts import effective_scale

if TYPE_CHECKING:
    from .store import Dataset

TEXT = "string"
DATETIME = pd.DatetimeTZDtype("ns", "UTC")
# Statuses in which a claim has been through triage and needs someone working on it.
PAST_TRIAGE = frozenset({Status.RESEARCHING, Status.IN_REVIEW, Status.PUBLISHED})
IN_WORK = frozenset({Status.RESEARCHING, Status.IN_REVIEW})
REPLY_STATES = ["none", *(o.value for o in ReplyOutcome)]


@dataclass
class Frames:
    records: pd.DataFrame
    claims: pd.DataFrame
    sources: pd.DataFrame
    evidence: pd.DataFrame
    history: pd.DataFrame
    actors: pd.DataFrame
    links: pd.DataFrame
    languages: list[str]  # the dataset's publication languages
    verdicts: list[str]  # the ids of the verdict scale in use
    now: datetime

    @classmethod
    def names(cls) -> list[str]:
        return [f.name for f in fields(cls) if f.type == "pd.DataFrame"]

    def get(self, name: str) -> pd.DataFrame:
        if name not in self.names():
            raise KeyError(name)
        frame: pd.DataFrame = getattr(self, name)
        return frame


def _utc(value: date | datetime | None) -> datetime | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.astimezone(UTC)
    return datetime.combine(value, time(0), UTC)


def _category(values: list[Any], allowed: list[str]) -> pd.Categorical:
    """A categorical with every allowed value, plus any other value seen (kept, not lost)."""
    seen = [v for v in dict.fromkeys(str(v) for v in values if v is not None) if v not in allowed]
    return pd.Categorical(
        [None if v is None else str(v) for v in values], categories=[*allowed, *sorted(seen)]
    )


def _frame(rows: dict[str, list[Any]], dtypes: dict[str, Any]) -> pd.DataFrame:
    columns = {}
    for name, dtype in dtypes.items():
        values = rows[name]
        if isinstance(dtype, list):  # the allowed values of a categorical
            columns[name] = _category(values, dtype)
        elif dtype is DATETIME:
            columns[name] = pd.DatetimeIndex(pd.to_datetime(values, utc=True), dtype=DATETIME).array
        else:
            columns[name] = pd.array(values, dtype=dtype)
    return pd.DataFrame(columns, index=pd.RangeIndex(len(next(iter(rows.values()), []))))


def _values(enum: Any) -> list[str]:
    return [e.value for e in enum]


def build(dataset: Dataset, now: datetime | None = None) -> Frames:
    """The frames of a loaded dataset; `now` (default: the current time) is the reference of
    days_in_status."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    settings = dataset.settings
    verdicts = [label.id for label in effective_scale(settings).labels]
    sources = {s.record.id: s.record for s in dataset.sources}
    actor_ids = {a.record.id for a in dataset.actors}
    claims = _claims(dataset, now, verdicts)
    evidence = _evidence(dataset, sources)
    history = _history(dataset)
    actors, links = _actors(dataset, actor_ids)
    return Frames(
        records=_records(dataset),
        claims=claims,
        sources=_sources(dataset),
        evidence=evidence,
        history=history,
        actors=actors,
        links=links,
        languages=list(settings.languages) if settings else [],
        verdicts=verdicts,
        now=now,
    )


def _records(dataset: Dataset) -> pd.DataFrame:
    rows: dict[str, list[Any]] = {"id": [], "kind": [], "path": []}
    for kind, items in (
        ("claim", dataset.claims),
        ("source", dataset.sources),
        ("actor", dataset.actors),
    ):
        for item in items:
            rows["id"].append(item.record.id)
            rows["kind"].append(kind)
            rows["path"].append(item.display)
    return _frame(rows, {"id": TEXT, "kind": ["claim", "source", "actor"], "path": TEXT})


_CLAIM_COLUMNS: dict[str, Any] = {
    "id": TEXT,
    "case": TEXT,
    "path": TEXT,
    "status": _values(Status),
    "category": _values(Category),
    "verdict": None,  # the scale's ids, set per dataset
    "language": TEXT,
    "language_base": TEXT,
    "assignee": TEXT,
    "reviewer": TEXT,
    "created": DATETIME,
    "updated": DATETIME,
    "published": DATETIME,
    "appeared": DATETIME,
    "status_since": DATETIME,
    "days_in_status": "float64",
    "days_in_work": "float64",
    "n_sources": "int64",
    "n_evidence": "int64",
    "n_subjects": "int64",
    "reply_state": REPLY_STATES,
    "statement_length": "int64",
    "normalised": TEXT,
    "four_eyes": "bool",
    "unassigned_past_triage": "bool",
}


def _claims(dataset: Dataset, now: datetime, verdicts: list[str]) -> pd.DataFrame:
    rows: dict[str, list[Any]] = {name: [] for name in _CLAIM_COLUMNS}
    for item in dataset.claims:
        c = item.record
        since = next((e.time for e in reversed(c.history) if e.to == c.status), None) or next(
            (e.time for e in reversed(c.history) if e.to is not None), c.created
        )
        days = (now - since.astimezone(UTC)).total_seconds() / 86400
        appeared = [_utc(a.date) for a in c.appearances if a.date is not None]
        replies = sorted(c.right_of_reply, key=lambda r: r.contacted)
        status = Status(c.status)
        values = {
            "id": c.id,
            "case": item.case,
            "path": item.display,
            "status": status.value,
            "category": Category(c.category).value,
            "verdict": c.verdict,
            "language": c.language,
            "language_base": c.language.split("-")[0].lower(),
            "assignee": c.assignee,
            "reviewer": c.reviewer,
            "created": _utc(c.created),
            "updated": _utc(c.updated),
            "published": _utc(c.published),
            "appeared": min(appeared) if appeared else None,  # type: ignore[type-var]
            "status_since": _utc(since),
            "days_in_status": days,
            "days_in_work": days if status in IN_WORK else None,
            "n_sources": len({e.source for e in c.evidence} | {a.source for a in c.appearances}),
            "n_evidence": len(c.evidence),
            "n_subjects": len(c.subjects),
            "reply_state": ReplyOutcome(replies[-1].outcome).value if replies else "none",
            "statement_length": len(c.statement),
            "normalised": normalise(c.statement),
            "four_eyes": status != Status.PUBLISHED
            or (c.reviewer is not None and c.reviewer != c.assignee),
            "unassigned_past_triage": status in PAST_TRIAGE and not c.assignee,
        }
        for name, value in values.items():
            rows[name].append(value)
    return _frame(rows, {**_CLAIM_COLUMNS, "verdict": verdicts})


def _sources(dataset: Dataset) -> pd.DataFrame:
    by_claims: Counter[str] = Counter()
    for item in dataset.claims:
        c = item.record
        for source in {e.source for e in c.evidence} | {a.source for a in c.appearances}:
            by_claims[source] += 1
    by_links: Counter[str] = Counter()
    for item in dataset.actors:
        for link in item.record.links:
            for source in {e.source for e in link.evidence}:
                by_links[source] += 1
    columns: dict[str, Any] = {
        "id": TEXT,
        "path": TEXT,
        "kind": _values(SourceKind),
        "publisher": TEXT,
        "language": TEXT,
        "published": DATETIME,
        "accessed": DATETIME,
        "has_url": "bool",
        "archived": "bool",
        "n_claims": "int64",
        "n_links": "int64",
        "n_citing": "int64",
    }
    rows: dict[str, list[Any]] = {name: [] for name in columns}
    for item in dataset.sources:
        s = item.record
        values = {
            "id": s.id,
            "path": item.display,
            "kind": SourceKind(s.kind).value,
            "publisher": s.publisher,
            "language": s.language,
            "published": _utc(s.published),
            "accessed": _utc(s.accessed),
            "has_url": s.url is not None,
            "archived": bool(s.archive_url or s.sha256),
            "n_claims": by_claims[s.id],
            "n_links": by_links[s.id],
            "n_citing": by_claims[s.id] + by_links[s.id],
        }
        for name, value in values.items():
            rows[name].append(value)
    return _frame(rows, columns)


def _evidence(dataset: Dataset, sources: dict[str, Any]) -> pd.DataFrame:
    columns: dict[str, Any] = {
        "id": TEXT,
        "path": TEXT,
        "status": _values(Status),
        "position": "int64",
        "source": TEXT,
        "source_found": "bool",
        "source_kind": _values(SourceKind),
        "source_preserved": "bool",
    }
    rows: dict[str, list[Any]] = {name: [] for name in columns}
    for item in dataset.claims:
        c = item.record
        for position, evidence in enumerate(c.evidence):
            source = sources.get(evidence.source)
            values = {
                "id": c.id,
                "path": item.display,
                "status": Status(c.status).value,
                "position": position,
                "source": evidence.source,
                "source_found": source is not None,
                "source_kind": SourceKind(source.kind).value if source else None,
                "source_preserved": bool(source and (source.archive_url or source.sha256)),
            }
            for name, value in values.items():
                rows[name].append(value)
    return _frame(rows, columns)


def _history(dataset: Dataset) -> pd.DataFrame:
    columns: dict[str, Any] = {
        "id": TEXT,
        "path": TEXT,
        "position": "int64",
        "time": DATETIME,
        "actor": TEXT,
        "action": TEXT,
        "from": _values(Status),
        "to": _values(Status),
    }
    rows: dict[str, list[Any]] = {name: [] for name in columns}
    for item in dataset.claims:
        for position, event in enumerate(item.record.history):
            values = {
                "id": item.record.id,
                "path": item.display,
                "position": position,
                "time": _utc(event.time),
                "actor": event.actor,
                "action": event.action,
                "from": event.from_.value if event.from_ else None,
                "to": event.to.value if event.to else None,
            }
            for name, value in values.items():
                rows[name].append(value)
    return _frame(rows, columns)


def _actors(dataset: Dataset, actor_ids: set[str]) -> tuple[pd.DataFrame, pd.DataFrame]:
    subject_of: Counter[str] = Counter()
    for item in dataset.claims:
        for subject in set(item.record.subjects):
            subject_of[subject] += 1
    actor_columns: dict[str, Any] = {
        "id": TEXT,
        "path": TEXT,
        "kind": _values(ActorKind),
        "label": TEXT,
        "public_figure": "bool",
        "private": "bool",
        "platform": TEXT,
        "n_links": "int64",
        "n_subject_of": "int64",
    }
    link_columns: dict[str, Any] = {
        "id": TEXT,
        "path": TEXT,
        "kind": _values(LinkKind),
        "to": TEXT,
        "to_found": "bool",
        "confidence": _values(Confidence),
        "n_evidence": "int64",
    }
    actors: dict[str, list[Any]] = {name: [] for name in actor_columns}
    links: dict[str, list[Any]] = {name: [] for name in link_columns}
    for item in dataset.actors:
        a = item.record
        values = {
            "id": a.id,
            "path": item.display,
            "kind": ActorKind(a.kind).value,
            "label": a.label,
            "public_figure": a.public_figure,
            "private": a.is_private,
            "platform": a.platform,
            "n_links": len(a.links),
            "n_subject_of": subject_of[a.id],
        }
        for name, value in values.items():
            actors[name].append(value)
        for link in a.links:
            link_values = {
                "id": a.id,
                "path": item.display,
                "kind": LinkKind(link.kind).value,
                "to": link.to,
                "to_found": link.to in actor_ids,
                "confidence": Confidence(link.confidence).value,
                "n_evidence": len(link.evidence),
            }
            for name, value in link_values.items():
                links[name].append(value)
    return _frame(actors, actor_columns), _frame(links, link_columns)
