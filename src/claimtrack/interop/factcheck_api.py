"""The JSON returned by Google's Fact Check Tools API (claims:search), saved to a file:

    {"claims": [{"text", "claimant", "claimDate", "languageCode"?,
                 "claimReview": [{"publisher": {"name", "site"}, "url", "title",
                                  "reviewDate", "textualRating", "languageCode"}]}],
     "nextPageToken": ...}

Each claimReview of each claim is one OutsideCheck. Several saved pages may be given as
several files (or as a list of responses in one file).
"""

from __future__ import annotations

import json
from typing import Any

from ..problems import Problem
from .check import OutsideCheck, text, when


def read(content: str, path: str) -> tuple[list[OutsideCheck], list[Problem]]:
    try:
        data = json.loads(content)
    except json.JSONDecodeError as exc:
        return [], [
            Problem(
                "malformed-json",
                f"this file is not valid JSON ({exc.msg}); save the API response again",
                path,
                exc.lineno,
                exc.colno,
            )
        ]
    pages = data if isinstance(data, list) else [data]
    checks: list[OutsideCheck] = []
    problems: list[Problem] = []
    for page_index, page in enumerate(pages):
        prefix = f"/{page_index}" if isinstance(data, list) else ""
        claims = page.get("claims") if isinstance(page, dict) else None
        if not isinstance(claims, list):
            problems.append(
                Problem(
                    "not-factcheck-api",
                    "no 'claims' list here: this is not a Fact Check Tools claims:search "
                    "response (for ClaimReview markup use --format claimreview)",
                    path,
                    field=prefix or "/",
                )
            )
            continue
        for i, claim in enumerate(claims):
            found, trouble = _claim(claim, path, f"{prefix}/claims/{i}")
            checks += found
            problems += trouble
    return checks, problems


def _claim(claim: Any, path: str, pointer: str) -> tuple[list[OutsideCheck], list[Problem]]:
    if not isinstance(claim, dict):
        return [], [Problem("bad-item", "this item is not an object; skipped", path, field=pointer)]
    statement = text(claim.get("text"))
    reviews = claim.get("claimReview")
    checks: list[OutsideCheck] = []
    problems: list[Problem] = []
    for j, review in enumerate(reviews if isinstance(reviews, list) else []):
        where = f"{pointer}/claimReview/{j}"
        review = review if isinstance(review, dict) else {}
        publisher = review.get("publisher") if isinstance(review.get("publisher"), dict) else {}
        name = text(publisher.get("name")) or text(publisher.get("site"))
        url = text(review.get("url"))
        missing = [n for n, v in (("text", statement), ("url", url), ("publisher", name)) if not v]
        if missing:
            problems.append(
                Problem(
                    "incomplete-fact-check",
                    f"this fact-check has no {', '.join(missing)}; skipped",
                    path,
                    field=where,
                )
            )
            continue
        checks.append(
            OutsideCheck(
                statement=statement,  # type: ignore[arg-type]
                review_url=url,  # type: ignore[arg-type]
                publisher=name,  # type: ignore[arg-type]
                origin=f"{path} {where}",
                rating=text(review.get("textualRating")),
                reviewed=when(review.get("reviewDate")),
                title=text(review.get("title")),
                claimant=text(claim.get("claimant")),
                claim_date=when(claim.get("claimDate")),
                language=text(review.get("languageCode")) or text(claim.get("languageCode")),
                publisher_site=text(publisher.get("site")),
            )
        )
    if not checks and not problems:
        problems.append(
            Problem("no-review", "this claim has no claimReview; skipped", path, field=pointer)
        )
    return checks, problems
