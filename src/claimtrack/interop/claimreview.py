"""schema.org ClaimReview in JSON-LD: a single object, a list, an @graph container, a feed or
API response that holds ClaimReview objects anywhere inside, or an HTML page with
<script type="application/ld+json"> blocks.

Real markup is messy, and each quirk below is met in published pages: @type given as a list,
no @context, ratings as strings, numbers, empty strings or absent, dates without 'T' or with
'+0200', itemReviewed typed Claim or CreativeWork in any case, a trailing carriage return in
a rating, a Person (or a list of them) as author, decomposed Arabic hamza, and blocks that are
not valid JSON (reported with their line and column; the other blocks are still read).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import replace
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

from ..problems import Problem, Severity
from .check import OutsideCheck, text, when

MAX_DEPTH = 40
Block = tuple[Any, str, str | None]  # a JSON value, where it was found, the page's url


class _Scripts(HTMLParser):
    """Collects the text of each <script type="application/ld+json"> with its start line."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.blocks: list[tuple[int, int, str]] = []  # (line, column, text)
        self._current: list[str] | None = None
        self._start = (1, 0)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        kind = (dict(attrs).get("type") or "").split(";")[0].strip().lower()
        if tag == "script" and kind == "application/ld+json":
            self._current = []
            line, column = self.getpos()
            text_of_tag = self.get_starttag_text() or ""
            self._start = (line, column + len(text_of_tag))

    def handle_data(self, data: str) -> None:
        if self._current is not None:
            self._current.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._current is not None:
            self.blocks.append((*self._start, "".join(self._current)))
            self._current = None


def json_ld_blocks(content: str, path: str) -> tuple[list[Block], list[Problem]]:
    """The JSON values in a file: the file itself when it is JSON, or each ld+json block of an
    HTML page (also a page inside a JSON {"url": ..., "page": "<html>..."} capture). Each
    value comes with a label of where it was found."""
    stripped = content.lstrip("\ufeff \t\r\n")
    if stripped.startswith("<"):
        return _html_blocks(content, path)
    value, problem = _loads(content, path, 1, 0)
    if problem:
        return [], [problem]
    if isinstance(value, dict) and isinstance(value.get("page"), str) and "@type" not in value:
        blocks, problems = _html_blocks(value["page"], f"{path} (page)")
        base = value.get("url") if isinstance(value.get("url"), str) else None
        return [(block, label, base) for block, label, _ in blocks], problems
    return [(value, "", None)], []


def _html_blocks(page: str, path: str) -> tuple[list[Block], list[Problem]]:
    parser = _Scripts()
    parser.feed(page)
    parser.close()
    found: list[Block] = []
    problems: list[Problem] = []
    for index, (line, column, block) in enumerate(parser.blocks):
        value, problem = _loads(block, path, line, column)
        if problem:
            problems.append(problem)
        else:
            found.append((value, f"script {index + 1} ", None))
    return found, problems


def _loads(content: str, path: str, line: int, column: int) -> tuple[Any, Problem | None]:
    try:
        return json.loads(content), None
    except json.JSONDecodeError as exc:
        at_line = line + exc.lineno - 1
        at_column = (column + exc.colno) if exc.lineno == 1 else exc.colno
        return None, Problem(
            "malformed-json-ld",
            f"this JSON-LD is not valid JSON ({exc.msg}); the publisher's markup is broken, "
            "so this block is skipped and the rest of the input is imported",
            path,
            at_line,
            at_column,
        )


def types_of(node: dict[str, Any]) -> set[str]:
    kind = node.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {str(k).rsplit("/", 1)[-1].lower() for k in kinds if k}


def claim_reviews(value: Any, pointer: str = "", depth: int = 0) -> Iterator[tuple[dict, str]]:
    """Every ClaimReview object anywhere in a JSON value, with its JSON pointer."""
    if depth > MAX_DEPTH:
        return
    if isinstance(value, dict):
        if "claimreview" in types_of(value):
            yield value, pointer or "/"
            return
        for key, item in value.items():
            yield from claim_reviews(item, f"{pointer}/{key}", depth + 1)
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from claim_reviews(item, f"{pointer}/{index}", depth + 1)


def read(content: str, path: str) -> tuple[list[OutsideCheck], list[Problem]]:
    """The fact-checks in one ClaimReview input, and the problems met reading it."""
    blocks, problems = json_ld_blocks(content, path)
    checks: list[OutsideCheck] = []
    for value, label, base in blocks:
        for node, pointer in claim_reviews(value):
            origin = f"{path} {label}{pointer}".rstrip()
            check, problem = from_claim_review(node, origin, pointer, base)
            if check:
                checks.append(check)
            if problem:
                problems.append(replace(problem, path=path))
    if not checks and not problems:
        problems.append(
            Problem(
                "no-claim-review",
                "no ClaimReview found in this file (looked in JSON-LD objects, lists, @graph "
                'and <script type="application/ld+json"> blocks)',
                path,
                severity=Severity.WARNING,
            )
        )
    return checks, problems


def from_claim_review(
    node: dict[str, Any], origin: str, pointer: str, base: str | None = None
) -> tuple[OutsideCheck | None, Problem | None]:
    """One ClaimReview as an OutsideCheck, or the problem that keeps it out."""
    statement = text(node.get("claimReviewed"))
    url = text(node.get("url"))
    item = node.get("itemReviewed") if isinstance(node.get("itemReviewed"), dict) else {}
    if not statement:
        statement = text(item.get("name")) or text(item.get("text"))
    author = node.get("author")
    publisher = text(node.get("publisher")) or text(author)
    missing = [
        name
        for name, value in (("claimReviewed", statement), ("url", url), ("author", publisher))
        if not value
    ]
    if missing:
        return None, Problem(
            "incomplete-claim-review",
            f"this ClaimReview has no {', '.join(missing)}; it is skipped (a fact-check is "
            "imported only with its statement, its address and who published it)",
            field=pointer,
        )
    url = absolute(url, base)  # type: ignore[arg-type]
    if not url.lower().startswith(("http://", "https://")):
        return None, Problem(
            "bad-review-url",
            f"the review address '{url[:200]}' is relative and the page's own address is not "
            "known, so the fact-check cannot be keyed; skipped (import the captured page "
            "instead, or add the address by hand)",
            field=pointer,
        )
    if not text(node.get("publisher")) and "person" in _author_types(author):
        publisher = _host(url) or publisher  # a journalist is not the publisher
    rating_node = node.get("reviewRating")
    rating_node = rating_node[0] if isinstance(rating_node, list) and rating_node else rating_node
    rating = None
    if isinstance(rating_node, dict):
        rating = text(rating_node.get("alternateName")) or text(rating_node.get("name"))
    appearances = _appearances(item)
    claimant = text(item.get("author")) if item else None
    site = None
    if isinstance(author, dict):
        site = text(author.get("url"))
    return OutsideCheck(
        statement=statement,  # type: ignore[arg-type]
        review_url=url,  # type: ignore[arg-type]
        publisher=publisher,  # type: ignore[arg-type]
        origin=origin,
        rating=rating,
        reviewed=when(node.get("datePublished")),
        title=text(node.get("headline")) or text(node.get("name")),
        claimant=claimant,
        claim_date=when(item.get("datePublished")) if item else None,
        language=text(node.get("inLanguage")),
        publisher_site=site,
        appearances=appearances,
    ), None


_HOST_LIKE = re.compile(r"^[a-z0-9-]+(\.[a-z0-9-]+)+(/|$)", re.IGNORECASE)


def absolute(url: str, base: str | None) -> str:
    """An address as publishers write it: 'aosfatos.org/noticias/...' lacks its scheme; '/x/'
    is relative to the page (known when the input is a captured page with its url)."""
    if url.lower().startswith(("http://", "https://")):
        return url
    if url.startswith("//"):
        return f"https:{url}"
    if _HOST_LIKE.match(url):
        return f"https://{url}"
    if base and base.lower().startswith(("http://", "https://")):
        return urljoin(base, url)
    return url


def _host(url: str) -> str | None:
    host = urlsplit(url).hostname or ""
    return host.removeprefix("www.") or None


def _author_types(author: Any) -> set[str]:
    authors = author if isinstance(author, list) else [author]
    return set().union(*(types_of(a) for a in authors if isinstance(a, dict)))


def _appearances(item: dict[str, Any]) -> list[str]:
    found = []
    listed = item.get("appearance") or item.get("firstAppearance") or []
    for entry in listed if isinstance(listed, list) else [listed]:
        url = text(entry.get("url")) if isinstance(entry, dict) else text(entry)
        if url:
            found.append(url)
    if not found and text(item.get("url")):
        found.append(text(item.get("url")))  # type: ignore[arg-type]
    return found
