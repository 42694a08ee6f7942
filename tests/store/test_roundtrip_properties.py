"""Round-trip properties: whatever a claim holds, writing it and reading it back gives the same
claim, and opening and saving a file without a change leaves its bytes as they were."""

from __future__ import annotations

import tempfile
import unicodedata
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claimtrack.models import (
    Appearance,
    Category,
    Claim,
    Claimant,
    Correction,
    Event,
    Evidence,
    Note,
    ReplyAttempt,
    ReplyChannel,
    ReplyOutcome,
    Status,
)
from claimtrack.models.common import CONTROL
from claimtrack.store import open_document, render, save_document
from claimtrack.store.parse import parse
from claimtrack.store.records import validate

SETTINGS = settings(
    max_examples=80,
    deadline=None,
    database=None,  # nothing written into the working directory
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)

# Texts a YAML writer must quote, or that a YAML reader might take for something else.
TRICKY = [
    "no",
    "yes",
    "No",
    "off",
    "on",
    "y",
    "n",
    "true",
    "False",
    "TRUE",
    "null",
    "Null",
    "~",
    "1.0",
    "1",
    "-1",
    "+1",
    "0",
    "012",
    "09",
    "0o17",
    "0x1F",
    "1e3",
    ".5",
    "+.5",
    "-.5",
    ".inf",
    "-.inf",
    ".nan",
    "1_000",
    "1:20",
    "2025-04-09",
    "2025-04-10T09:00:00+01:00",
    "2025-04-10 09:00",
    "=",
    "<<",
    "-",
    "--",
    "---",
    "...",
    "?",
    ":",
    "- item",
    "? key",
    "key: value",
    "a: b",
    "# comment",
    "text # not a comment",
    "a#b",
    "'quoted'",
    '"double"',
    "it's",
    'say "hi"',
    "&anchor",
    "*alias",
    "!tag",
    "!!str",
    "%TAG",
    "@mention",
    "`code`",
    "|",
    ">",
    "{a: 1}",
    "[a, b]",
    "a, b",
    "[",
    "}",
    " leading space",
    "trailing space ",
    "  both  ",
    "\ttab",
    "tab\t",
    "line one\nline two",
    "ends with newline\n",
    "\nstarts with newline",
    "two\n\nparagraphs",
    "trailing spaces  \nnext",
    "line\n  indented",
    "\\backslash",
    "شبكة من الحسابات الوهمية",
    "شيكات بدون رصيد: 3",
    "« un réseau » de faux comptes",
    "L'élu de Fès-Meknès",
    "Œuvre, naïve, déjà",
    "ﻻ",
    "a\u200fb",
    "x" * 300,
]

ARABIC = st.characters(min_codepoint=0x0600, max_codepoint=0x06FF)
FRENCH = st.sampled_from("abcdefghijklmnopqrstuvwxyzéèêëàâçîïôûùüÿœæÉÈÀÇŒ«» ’'")
ASCII = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
SPECIAL = st.sampled_from(
    ["\n", "\t", " ", "#", ": ", "'", '"', "-", "\\", "\u200f", "\u00a0", "\ufeff"]
)
ANY = st.characters(blacklist_categories=("Cc", "Cs"))  # the models refuse control characters


def _is_text(value: str) -> bool:
    """What the models accept as a text: not blank, no control characters."""
    return bool(value.strip()) and not CONTROL.search(value)


def mixed(characters) -> st.SearchStrategy[str]:
    """Texts of one script, with the punctuation and white space YAML cares about."""
    return st.lists(st.one_of(characters, SPECIAL), min_size=1, max_size=30).map("".join)


texts = st.one_of(
    st.sampled_from(TRICKY),
    mixed(ARABIC),
    mixed(FRENCH),
    mixed(ASCII),
    st.text(ANY, min_size=1, max_size=20),
    st.lists(st.sampled_from(TRICKY), min_size=2, max_size=3).map(" ".join),
).filter(_is_text)

slugs = st.from_regex(r"\A[a-z0-9][a-z0-9-]{1,20}\Z")
languages = st.sampled_from(["ar", "fr", "en", "ar-MA", "fr-CA", "es-419", "zh-Hant-TW", "ber"])
zones = st.sampled_from(
    [
        UTC,
        timezone(timedelta(hours=1)),
        timezone(timedelta(hours=-3, minutes=-30)),
        timezone(timedelta(hours=5, minutes=45)),
    ]
)
moments = st.builds(
    lambda moment, zone: moment.replace(tzinfo=zone),
    st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2030, 12, 31)),
    zones,
)
days = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))


def optional(strategy):
    return st.none() | strategy


appearances = st.builds(
    Appearance, source=slugs, quote=optional(texts), date=optional(st.one_of(days, moments))
)
evidence = st.builds(Evidence, source=slugs, shows=texts)
replies = st.builds(
    ReplyAttempt,
    actor=slugs,
    contacted=moments,
    channel=st.sampled_from(ReplyChannel),
    by=texts,
    outcome=st.sampled_from(ReplyOutcome),
    deadline=optional(moments),
    summary=optional(texts),
)
events = st.builds(
    Event,
    time=moments,
    actor=texts,
    action=st.from_regex(r"\A[a-z][a-z-]{1,15}\Z"),
    from_=optional(st.sampled_from(Status)),
    to=optional(st.sampled_from(Status)),
    note=optional(texts),
)
notes = st.builds(Note, time=moments, by=texts, text=texts)
corrections = st.builds(Correction, date=moments, by=texts, what=texts, why=texts)


def small_lists(strategy, size: int = 3):
    return st.lists(strategy, max_size=size)


claims = st.builds(
    Claim,
    id=slugs,
    statement=texts,
    language=languages,
    translations=st.dictionaries(languages, texts, max_size=3),
    category=st.sampled_from(Category),
    claimant=st.builds(Claimant, label=texts, actor=optional(slugs)),
    subjects=small_lists(slugs),
    appearances=small_lists(appearances, 2),
    status=st.sampled_from(Status),
    verdict=slugs,
    rationale=optional(texts),
    evidence=small_lists(evidence, 2),
    right_of_reply=small_lists(replies, 2),
    assignee=optional(texts),
    reviewer=optional(texts),
    created=moments,
    updated=optional(moments),
    published=optional(moments),
    notes=small_lists(notes, 2),
    history=small_lists(events, 3),
    corrections=small_lists(corrections, 1),
)


def reload(content: bytes) -> Claim:
    data, problem = parse(content, "claim.yaml")
    assert problem is None, (problem, content.decode())
    record, problems = validate("claim", data, "claim.yaml", lambda: content)
    assert problems == [], (problems, content.decode())
    return record


@SETTINGS
@given(claims)
def test_render_then_load_gives_the_same_claim(claim: Claim) -> None:
    content = render(claim)
    assert reload(content) == claim
    assert render(reload(content)) == content  # and writing it again is stable


@SETTINGS
@given(texts)
def test_texts_come_back_exactly(text: str) -> None:
    claim = Claim(
        id="claim-one",
        statement=text,
        language="ar",
        category=Category.OTHER,
        claimant=Claimant(label=text),
        created=datetime(2025, 4, 10, 9, tzinfo=UTC),
        translations={"fr": text, "en": text},
    )
    again = reload(render(claim))
    assert again.statement == unicodedata.normalize("NFC", text)
    assert again == claim


@settings(SETTINGS, max_examples=50)
@given(claims)
def test_open_and_save_without_a_change_leaves_the_bytes(claim: Claim) -> None:
    content = render(claim)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{claim.id}.yaml"
        path.write_bytes(content)
        document = open_document(path, "claim")
        assert document.record == claim
        assert render(document.record, document.tree) == content
        save_document(document, document.record)
        save_document(document, document.record.model_copy(deep=True))
        assert path.read_bytes() == content


@settings(SETTINGS, max_examples=50)
@given(claims, optional(texts), small_lists(evidence, 2))
def test_an_edit_saves_exactly_the_new_claim_and_keeps_comments(
    claim: Claim, assignee: str | None, new_evidence: list[Evidence]
) -> None:
    comment = "# a comment the checker wrote\n"
    content = comment.encode() + render(claim)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"{claim.id}.yaml"
        path.write_bytes(content)
        document = open_document(path, "claim")
        edited = document.record.model_copy(update={"assignee": assignee, "evidence": new_evidence})
        save_document(document, edited)
        saved = path.read_bytes()
    assert saved.startswith(comment.encode())
    assert reload(saved) == edited
