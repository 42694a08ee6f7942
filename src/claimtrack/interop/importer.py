"""Outside fact-checks into records: for each one, a claim in the case folder, marked as
checked elsewhere, and a source record (kind fact-check) for the review page.

Nothing imported becomes this newsroom's verdict: the claim starts in status 'new' with the
verdict 'unverified'; the publisher's rating is kept verbatim in `checked_elsewhere`, with the
label it maps to on the dataset's scale for reference (or none, with a warning). Re-importing
creates nothing: a fact-check whose review URL is already in the dataset is skipped.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Literal

from pydantic import ValidationError

from ..authoring import new_claim_record
from ..models import Claim, Source
from ..problems import Problem, Severity
from ..store import Dataset, create_documents, record_path
from ..verdicts import effective_scale, map_label
from . import claimreview, csv_import, factcheck_api
from .check import OutsideCheck, guess_language

Format = Literal["claimreview", "factcheck-api", "csv"]
FORMATS: tuple[str, ...] = ("claimreview", "factcheck-api", "csv")
DEFAULT_CASE = "checked-elsewhere"


@dataclass
class Planned:
    claim: Claim
    source: Source
    origin: str
    new_source: bool = True  # False: the review page's source is already in the dataset


@dataclass
class ImportResult:
    created: list[Planned] = field(default_factory=list)
    skipped: list[tuple[OutsideCheck, str]] = field(default_factory=list)  # (check, claim id)
    problems: list[Problem] = field(default_factory=list)

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.severity == Severity.ERROR]


def read_inputs(
    paths: Iterable[Path], fmt: Format, mapping: dict[str, str] | None = None
) -> tuple[list[OutsideCheck], list[Problem]]:
    """Every fact-check in the files, and the problems met; never raises on bad content."""
    checks: list[OutsideCheck] = []
    problems: list[Problem] = []
    for path in paths:
        display = str(path)
        try:
            content = Path(path).read_bytes().decode("utf-8")
        except OSError as exc:
            problems.append(Problem("unreadable-file", f"cannot read: {exc.strerror}", display))
            continue
        except UnicodeDecodeError as exc:
            problems.append(
                Problem(
                    "not-utf8",
                    f"this file is not UTF-8 (byte {exc.start}); save it as UTF-8",
                    display,
                )
            )
            continue
        if fmt == "claimreview":
            found, trouble = claimreview.read(content, display)
        elif fmt == "factcheck-api":
            found, trouble = factcheck_api.read(content, display)
        else:
            found, trouble = csv_import.read(content, display, mapping)
        checks += found
        problems += trouble
    return checks, problems


def url_key(url: str) -> str:
    """The review URL as a key: no fragment, no trailing slash, scheme and host in lower case."""
    url = url.strip().split("#", 1)[0]
    scheme, sep, rest = url.partition("://")
    host, slash, tail = rest.partition("/")
    return f"{scheme.lower()}{sep}{host.lower()}{slash}{tail}".rstrip("/")


def known_reviews(dataset: Dataset) -> dict[str, str]:
    """Review URL key -> the id of the claim that already has it."""
    known: dict[str, str] = {}
    for claim in dataset.claims:
        for review in claim.record.checked_elsewhere:
            known[url_key(review.url)] = claim.record.id
    return known


def review_sources(dataset: Dataset) -> dict[str, str]:
    """Review URL key -> the id of a fact-check source with that address (an import stopped
    half-way, or a source added by hand): reused rather than created again."""
    return {
        url_key(loaded.record.url): loaded.record.id
        for loaded in dataset.sources
        if loaded.record.kind == "fact-check" and loaded.record.url
    }


def slug_of(text: str, limit: int = 30) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")
    return slug if len(slug) >= 2 else "fact-check"


def ids_for(check: OutsideCheck) -> tuple[str, str]:
    """(claim id, source id), derived from the publisher and the review URL: the same input
    gives the same ids on every run."""
    digest = hashlib.sha256(url_key(check.review_url).encode()).hexdigest()[:10]
    base = f"{slug_of(check.publisher)}-{digest}"
    return base, f"{base}-review"


def plan(
    dataset: Dataset, checks: list[OutsideCheck], by: str, case: str = DEFAULT_CASE
) -> ImportResult:
    """What importing `checks` would create, what it skips, and the problems; writes nothing."""
    result = ImportResult()
    known = known_reviews(dataset)
    sources = review_sources(dataset)
    taken = {loaded.record.id for loaded in dataset.records()}
    scale = effective_scale(dataset.settings)
    mapped: dict[str, str | None] = {}  # each distinct rating is mapped once

    def to_scale(rating: str) -> str | None:
        if rating not in mapped:
            mapped[rating] = map_label(rating, scale)
        return mapped[rating]

    for check in checks:
        key = url_key(check.review_url)
        if key in known:
            result.skipped.append((check, known[key]))
            continue
        try:
            planned = _records(check, by, to_scale)
        except ValidationError as exc:
            error = exc.errors()[0]
            where = "/" + "/".join(str(step) for step in error["loc"])
            result.problems.append(
                Problem(
                    "invalid-fact-check",
                    f"{error['msg']} (in {check.origin}); skipped",
                    check.origin.split(" ")[0].split(":")[0],
                    field=where,
                )
            )
            continue
        if key in sources:
            planned = _reuse_source(planned, sources[key])
        claim_id, source_id = planned.claim.id, planned.source.id
        if claim_id in taken or (planned.new_source and source_id in taken):
            result.problems.append(
                Problem(
                    "duplicate-id",
                    f"the id '{claim_id}' or '{source_id}' is already used by another record; "
                    f"skipped {check.review_url}",
                    str(dataset.root),
                )
            )
            continue
        review = planned.claim.checked_elsewhere[0]
        if check.rating and review.maps_to is None:
            result.problems.append(
                Problem(
                    "unmapped-rating",
                    f"'{check.rating}' ({check.publisher}) has no clear match on the verdict "
                    "scale; kept verbatim, unmapped",
                    check.origin.split(" ")[0].split(":")[0],
                    field=f"/{claim_id}/checked_elsewhere/0/rating",
                    severity=Severity.WARNING,
                )
            )
        known[key] = claim_id
        taken.update({claim_id, source_id})
        result.created.append(planned)
    return result


def _records(check: OutsideCheck, by: str, to_scale: Callable[[str], str | None]) -> Planned:
    claim_id, source_id = ids_for(check)
    language = check.language or guess_language(check.statement)
    source = Source.model_validate(
        {
            "id": source_id,
            "kind": "fact-check",
            "title": check.title or f"Fact-check by {check.publisher}",
            "publisher": check.publisher,
            "url": check.review_url,
            "language": check.language,
            "published": check.reviewed,
            "notes": "Imported by claimtrack import. "
            + (f"Claim seen at: {' '.join(check.appearances[:5])}" if check.appearances else ""),
        }
    )
    review = {
        "publisher": check.publisher,
        "url": check.review_url,
        "source": source_id,
        "reviewed": check.reviewed,
        "rating": check.rating,
        "maps_to": to_scale(check.rating) if check.rating else None,
    }
    claim = new_claim_record(
        {
            "id": claim_id,
            "statement": check.statement,
            "language": language,
            "category": "other",
            "claimant": {"label": check.claimant or f"unknown (as reported by {check.publisher})"},
            "appearances": [
                {"source": source_id, "quote": check.statement, "date": check.claim_date}
            ],
            "checked_elsewhere": [review],
        },
        by,
    )
    note = f"imported: checked elsewhere by {check.publisher}, {check.review_url}"
    claim.history[0] = claim.history[0].model_copy(update={"note": note[:2000]})
    return Planned(claim, source, check.origin)


def _reuse_source(planned: Planned, source_id: str) -> Planned:
    claim = planned.claim
    review = claim.checked_elsewhere[0].model_copy(update={"source": source_id})
    appearance = claim.appearances[0].model_copy(update={"source": source_id})
    claim = claim.model_copy(update={"checked_elsewhere": [review], "appearances": [appearance]})
    source = planned.source.model_copy(update={"id": source_id})
    return Planned(claim, source, planned.origin, new_source=False)


def import_checks(
    dataset: Dataset,
    checks: list[OutsideCheck],
    by: str,
    case: str = DEFAULT_CASE,
    dry_run: bool = False,
    progress: Callable[[Iterable[Any]], Iterable[Any]] | None = None,
) -> ImportResult:
    """Plan the import, then (unless `dry_run`) write each source and claim through the store."""
    result = plan(dataset, checks, by, case)
    if dry_run:
        return result
    record_path(dataset.root, "claim", "check-case-name", case)  # refuses a bad case name first
    items = progress(result.created) if progress else result.created

    def files() -> Iterable[tuple[Path, Any, Any]]:
        for planned in items:
            if planned.new_source:
                source_path = record_path(dataset.root, "source", planned.source.id)
                yield source_path, "source", planned.source
            claim_path = record_path(dataset.root, "claim", planned.claim.id, case)
            yield claim_path, "claim", planned.claim

    create_documents(files())
    return result
