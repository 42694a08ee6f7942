"""schema.org ClaimReview for a published claim, and the DataFeed of all of them.

Fields follow Google's ClaimReview documentation: claimReviewed (under 75 characters, cut
with an ellipsis; the whole statement is on the page), reviewRating with alternateName in
the page's language and ratingValue, bestRating and worstRating from the verdict scale, url,
author (the newsroom), datePublished, and itemReviewed as a Claim with its author (the
claimant's public label, never a private name), datePublished, appearance and
firstAppearance, plus inLanguage. `claimreview.schema.json` holds these requirements.
"""

from __future__ import annotations

import json
from datetime import date, datetime
from functools import lru_cache
from typing import Any
from urllib.parse import urlsplit

from ..models import ActorKind, Appearance, Claim
from ..verdicts import find, label_text
from .context import Context

MAX_REVIEWED = 74  # "under 75 characters"
PERSON_KINDS = {ActorKind.PERSON, ActorKind.PUBLIC_OFFICIAL}


@lru_cache(maxsize=65536)
def is_web(url: str | None) -> bool:
    """Only http and https addresses become links (the models refuse others; checked again)."""
    if not url:
        return False
    parts = urlsplit(url)
    return parts.scheme.lower() in ("http", "https") and bool(parts.hostname)


def shorten(text: str, limit: int = MAX_REVIEWED) -> str:
    """`text` on one line, cut at a word boundary with an ellipsis when longer than `limit`."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1]
    space = cut.rfind(" ")
    if space > limit // 2:
        cut = cut[:space]
    return cut.rstrip(" ,;:.-،؛") + "…"


def statement_in(claim: Claim, language: str) -> str:
    """The statement in `language`: the original, or a translation, else the original."""
    if claim.language == language or claim.language.split("-")[0] == language.split("-")[0]:
        return claim.statement
    return (
        claim.translations.get(language)
        or claim.translations.get(language.split("-")[0])
        or claim.statement
    )


def iso(value: date | datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _creative_work(context: Context, appearance: Appearance) -> dict[str, Any] | None:
    source = context.source(appearance.source)
    if source is None or not is_web(source.url):
        return None
    work: dict[str, Any] = {"@type": "CreativeWork", "url": source.url, "headline": source.title}
    if source.publisher:
        work["publisher"] = {"@type": "Organization", "name": source.publisher}
    published = appearance.date or source.published
    if published is not None:
        work["datePublished"] = iso(published)
    return work


def _first_day(claim: Claim, context: Context) -> date | datetime | None:
    days = [a.date for a in claim.appearances if a.date is not None]
    if not days:
        sources = (context.source(a.source) for a in claim.appearances)
        days = [s.published for s in sources if s is not None and s.published is not None]
    return min(days, key=_sort_key) if days else None


def _sort_key(value: date | datetime) -> str:
    return value.isoformat()


def claim_review(context: Context, claim: Claim, language: str) -> dict[str, Any]:
    """The ClaimReview of one published claim, for its page in `language`."""
    settings = context.settings
    author: dict[str, Any] = {"@type": "Organization", "name": settings.name}
    if settings.url:
        author["url"] = settings.url
    rating: dict[str, Any] = {
        "@type": "Rating",
        "alternateName": label_text(context.scale, claim.verdict, language),
    }
    label = find(context.scale, claim.verdict)
    scale = context.scale
    if label is not None and label.rating is not None and scale.best is not None:
        rating.update(ratingValue=label.rating, bestRating=scale.best, worstRating=scale.worst)
    claimant = context.actor(claim.claimant.actor) if claim.claimant.actor else None
    kind = "Person" if claimant is not None and claimant.kind in PERSON_KINDS else "Organization"
    item: dict[str, Any] = {
        "@type": "Claim",
        "author": {"@type": kind, "name": claim.claimant.label},
    }
    first = _first_day(claim, context)
    if first is not None:
        item["datePublished"] = iso(first)
    works = [w for a in claim.appearances if (w := _creative_work(context, a)) is not None]
    if works:
        item["appearance"] = works
        dated = [w for w in works if "datePublished" in w]
        item["firstAppearance"] = (
            min(dated, key=lambda w: w["datePublished"]) if dated else works[0]
        )
    review: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": context.claim_url(language, claim.id),
        "claimReviewed": shorten(statement_in(claim, language)),
        "inLanguage": language,
        "author": author,
        "datePublished": iso(claim.published),
        "reviewRating": rating,
        "itemReviewed": item,
    }
    if claim.updated is not None and claim.updated != claim.published:
        review["dateModified"] = iso(claim.updated)
    return review


def review_json(context: Context, claim: Claim, language: str) -> str:
    """The ClaimReview as JSON for a script block and the feed (computed once per run)."""
    key = (claim.id, language)
    found = context.reviews.get(key)
    if found is None:
        found = context.reviews[key] = script_json(claim_review(context, claim, language))
    return found


def feed_text(context: Context, languages: tuple[str, ...] | None = None) -> str:
    """Every published claim's ClaimReview in each language, as a schema.org DataFeed: one
    object per line, in the order of the site (newest first, then by language)."""
    languages = languages or context.languages
    start, end = feed_frame(context)
    elements = ",\n".join(
        review_json(context, loaded.record, language)
        for loaded in context.claims
        for language in languages
    )
    return f"{start}{elements}{end}"


def feed_frame(context: Context) -> tuple[str, str]:
    """The DataFeed's text before its first object and after its last one."""
    head: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "DataFeed",
        "name": f"{context.settings.name}: ClaimReview",
        "url": context.base_url + "claimreview.json",
    }
    moments = [
        moment
        for loaded in context.claims
        if (moment := loaded.record.updated or loaded.record.published) is not None
    ]
    if moments:  # the newest change in the data, never the time of the run
        head["dateModified"] = max(moments).isoformat()
    opening = script_json(head)[:-1]  # without its closing brace
    return f'{opening},"dataFeedElement":[\n', "\n]}\n"


def script_json(value: dict[str, Any]) -> str:
    """JSON for a <script type="application/ld+json"> block: '<', '>' and '&' are written as
    \\u escapes, so no text (a statement with '</script>' in it) can close the block."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
