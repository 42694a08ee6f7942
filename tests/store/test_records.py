"""records: pydantic's errors become problems a fact-checker can act on: a code, the field path
(/evidence/1/source), the line and column in the file, and a message that says how to fix it."""

from __future__ import annotations

import unicodedata

import pytest

from claimtrack.models import Actor, Claim, DatasetSettings, Source

from .helpers import CLAIM_LINES, check, where

EVIDENCE = """\
evidence:
  - source: article-one
    shows: the article reports it
  - source: {source}
    shows: a second look
"""


@pytest.fixture
def claim(defaults) -> str:
    return defaults["case-one/claim-one.yaml"]


@pytest.fixture
def source(defaults) -> str:
    return defaults["sources/article-one.yaml"]


@pytest.fixture
def actor(defaults) -> str:
    return defaults["actors/network-leader.yaml"]


@pytest.fixture
def settings(defaults) -> str:
    return defaults["dataset.yaml"]


def one(kind, text: str):
    record, problems = check(kind, text)
    assert record is None
    assert len(problems) == 1, [where(p) for p in problems]
    return problems[0]


def test_the_default_files_are_valid(claim, source, actor, settings) -> None:
    for kind, text, model in [
        ("claim", claim, Claim),
        ("source", source, Source),
        ("actor", actor, Actor),
        ("dataset", settings, DatasetSettings),
    ]:
        record, problems = check(kind, text)
        assert problems == []
        assert isinstance(record, model)


# --- unknown fields, with a hint -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("kind", "fixture", "old", "new", "field", "hint"),
    [
        ("claim", "claim", "verdict:", "verdikt:", "/verdikt", "did you mean 'verdict'?"),
        ("claim", "claim", "    date:", "    dat:", "/appearances/0/dat", "did you mean 'date'?"),
        (
            "claim",
            "claim",
            "    actor: Salma",
            "    actor: Salma\n    notes: x",
            "/history/0/notes",
            "did you mean 'note'?",
        ),
        (
            "claim",
            "claim",
            "  label: A",
            "  lable: x\n  label: A",
            "/claimant/lable",
            "did you mean 'label'?",
        ),
        ("source", "source", "publisher:", "pubisher:", "/pubisher", "did you mean 'publisher'?"),
        (
            "actor",
            "actor",
            "label:",
            "public-figure: true\nlabel:",
            "/public-figure",
            "did you mean 'public_figure'?",
        ),
        ("dataset", "settings", "url:", "ulr:", "/ulr", "did you mean 'url'?"),
    ],
)
def test_unknown_field_with_did_you_mean(request, kind, fixture, old, new, field, hint) -> None:
    text = request.getfixturevalue(fixture).replace(old, new, 1)
    _, problems = check(kind, text)
    unknown = [p for p in problems if p.code == "unknown-field"]
    assert [p.field for p in unknown] == [field]
    name = field.rsplit("/", 1)[1]
    assert unknown[0].message == f"unknown field '{name}'; {hint}"
    line = text.splitlines().index(next(x for x in text.splitlines() if f"{name}:" in x)) + 1
    column = text.splitlines()[line - 1].index(name) + 1
    assert (unknown[0].line, unknown[0].column) == (line, column)  # the key itself


def test_a_misspelt_required_field_says_both_what_is_missing_and_what_is_unknown(claim) -> None:
    _, problems = check("claim", claim.replace("category:", "categroy:"))
    assert sorted(where(p) for p in problems) == [
        ("missing-field", "/category", 2, 1),
        ("unknown-field", "/categroy", CLAIM_LINES["category"], 1),
    ]
    messages = {p.code: p.message for p in problems}
    assert messages["missing-field"] == "the field 'category' is required; add it"
    assert messages["unknown-field"] == "unknown field 'categroy'; did you mean 'category'?"


def test_a_far_off_unknown_field_lists_the_known_ones(claim, source) -> None:
    problem = one("claim", claim + "zzz: 1\n")
    assert where(problem) == ("unknown-field", "/zzz", 23, 1)
    assert problem.message.startswith("unknown field 'zzz'; known fields here: id, statement,")
    problem = one("source", source.replace("title: An article\n", "title: x\nqqq: 1\n"))
    assert "known fields here: id, kind, title, publisher, url" in problem.message


def test_a_merge_key_is_just_an_unknown_field(claim) -> None:
    problem = one("claim", claim + "<<: {status: published}\n")
    assert where(problem) == ("unknown-field", "/<<", 23, 1)


# --- missing fields and wrong types --------------------------------------------------------------


def test_missing_field(claim) -> None:
    problem = one("claim", claim.replace("category: account-network\n", ""))
    assert where(problem) == ("missing-field", "/category", 2, 1)
    assert problem.message == "the field 'category' is required; add it"


def test_missing_field_in_a_list_item_points_at_the_item(claim) -> None:
    text = claim + "evidence:\n  - source: article-one\n"
    problem = one("claim", text)
    assert where(problem) == ("missing-field", "/evidence/0/shows", 24, 5)


@pytest.mark.parametrize(
    ("old", "new", "field", "line", "column", "message"),
    [
        (
            "subjects:\n  - network-leader",
            "subjects: network-leader",
            "/subjects",
            10,
            11,
            "'subjects' must be a list, not the text 'network-leader'",
        ),
        (
            "subjects:\n  - network-leader",
            "subjects: {a: b}",
            "/subjects",
            10,
            11,
            "'subjects' must be a list, not a mapping",
        ),
        (
            "  - network-leader",
            "  - 12",
            "/subjects/0",
            11,
            5,
            "item 0 of 'subjects' must be text, not a number",
        ),
        (
            "statement: شبكة من الحسابات الوهمية",
            "statement: [a, b]",
            "/statement",
            3,
            12,
            "'statement' must be text, not a list",
        ),
        (
            "  en: A network of fake accounts",
            "  en: 1.0",
            "/translations/en",
            6,
            7,
            "'en' must be text, not a number",
        ),
        (
            "  en: A network of fake accounts",
            "  en: true",
            "/translations/en",
            6,
            7,
            "'en' must be text, not true/false",
        ),
        (
            "  en: A network of fake accounts",
            "  en:",
            "/translations/en",
            6,
            6,
            "'en' must be text, not empty",
        ),
        (
            "claimant:\n  label: A newspaper, citing unnamed sources",
            "claimant: A newspaper",
            "/claimant",
            8,
            11,
            "'claimant' must be a mapping of fields, not the text 'A newspaper'",
        ),
        (
            "translations:\n  en: A network of fake accounts",
            "translations: [en]",
            "/translations",
            5,
            15,
            "'translations' must be a mapping of keys to values, not a list",
        ),
        (
            "  - time: 2025-04-10T09:00:00+01:00\n    actor: Salma\n    action: created\n"
            "    to: new\n",
            "  - just text\n",
            "/history/0",
            19,
            5,
            "item 0 of 'history' must be a mapping of fields, not the text 'just text'",
        ),
    ],
)
def test_wrong_types(claim, old, new, field, line, column, message) -> None:
    text = claim.replace(old, new, 1)
    problem = one("claim", text)
    assert where(problem) == ("wrong-type", field, line, column)
    assert problem.message == message


def test_wrong_types_in_other_records(actor, settings) -> None:
    problem = one("actor", actor + "public_figure: maybe\n")
    assert where(problem) == ("wrong-type", "/public_figure", 4, 16)
    assert problem.message == "'public_figure' must be true or false, not the text 'maybe'"
    text = settings + "verdict_scale:\n  best: high\n  worst: 1\n  labels: []\n"
    problem = one("dataset", text)
    assert where(problem) == ("wrong-type", "/verdict_scale/best", 10, 9)
    assert problem.message == "'best' must be a whole number, not the text 'high'"


def test_a_value_not_in_the_list_names_the_allowed_ones(claim) -> None:
    problem = one("claim", claim.replace("category: account-network", "category: acount-network"))
    assert where(problem) == ("invalid-value", "/category", 7, 11)
    assert problem.message.startswith("'acount-network' is not allowed for 'category'; use one of")
    assert "'account-network'" in problem.message
    problem = one("claim", claim.replace("    to: new", "    to: nwe"))
    assert where(problem) == ("invalid-value", "/history/0/to", 22, 9)


def test_a_value_of_the_wrong_form_shows_the_form(source) -> None:
    problem = one("source", source + "sha256: abc\n")
    assert where(problem) == ("invalid-value", "/sha256", 7, 9)
    assert (
        problem.message == "'abc' has the wrong form for 'sha256'; write it to match ^[0-9a-f]{64}$"
    )


def test_a_long_value_is_cut_short_in_the_message(claim) -> None:
    problem = one("claim", claim.replace("status: new", "status: " + "x" * 100_000))
    assert problem.code == "invalid-value"
    assert len(problem.message) < 300
    assert "'" + "x" * 60 + "...'" in problem.message


def test_deeply_nested_value_in_a_field_is_one_problem(claim) -> None:
    problem = one(
        "claim", claim.replace("category: account-network", "category: " + "[" * 900 + "]" * 900)
    )
    assert where(problem) == ("invalid-value", "/category", 7, 11)
    problem = one("claim", claim + "notes: " + "{a: " * 900 + "1" + "}" * 900 + "\n")
    assert where(problem) == ("wrong-type", "/notes", 23, 8)


def test_every_problem_of_a_record_is_reported_once(claim) -> None:
    text = (
        claim.replace("language: ar", "language: arabic")
        .replace("status: new", "status: done")
        .replace("  - network-leader", "  - Network/Leader")
    )
    _, problems = check("claim", text)
    assert sorted(where(p) for p in problems) == [
        ("bad-id", "/subjects/0", 11, 5),
        ("bad-language", "/language", 4, 11),
        ("invalid-value", "/status", 15, 9),
    ]


# --- ids: slugs only -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "bad",
    [
        "../etc/passwd",
        "a/b",
        "..",
        "case-one/../../x",
        "Claim-One",
        "claim one",
        "c",
        "-claim",
        "claim_one",
        "x" * 81,
        "'claim-one\\n'",
        '"claim-one\\n"',
    ],
)
def test_ids_with_slashes_dots_or_other_characters(claim, bad: str) -> None:
    problem = one("claim", claim.replace("id: claim-one", f"id: {bad}"))
    assert where(problem) == ("bad-id", "/id", 2, 5)
    assert "is not a valid id: use 2 to 80 characters a-z, 0-9 and '-'" in problem.message
    assert "no '/', '..'" in problem.message


def test_a_bad_id_deep_in_the_record_points_at_its_place(claim) -> None:
    problem = one("claim", claim + EVIDENCE.format(source="Bad/.."))
    assert where(problem) == ("bad-id", "/evidence/1/source", 26, 13)
    assert problem.message.startswith("'Bad/..' is not a valid id")


@pytest.mark.parametrize(
    "character",
    [
        "\u202e",
        "\u202d",
        "\u2066",
        "\u2067",
        "\u2068",
        "\u2069",
        "\u200f",
        "\u200e",
        "\u200b",
        "\u200c",
        "\u200d",
        "\u2060",
        "\ufeff",
    ],
    ids=lambda c: f"U+{ord(c):04X}",
)
def test_bidi_overrides_and_zero_width_characters_in_ids(claim, character: str) -> None:
    for old, new, field, line, column in [
        ("id: claim-one", f"id: claim{character}-one", "/id", 2, 5),
        ("  - network-leader", f"  - network-{character}leader", "/subjects/0", 11, 5),
    ]:
        problem = one("claim", claim.replace(old, new))
        assert where(problem) == ("invisible-character", field, line, column)
        assert "retype it with plain letters a-z, digits and hyphens" in problem.message
    problem = one("claim", claim + EVIDENCE.format(source=f"article{character}-one"))
    assert where(problem) == ("invisible-character", "/evidence/1/source", 26, 13)


def test_bidi_marks_in_texts_are_kept(claim) -> None:
    # Arabic text may carry direction marks; only ids must be plain.
    text = claim.replace("  en: A network of fake accounts", '  en: "A \u200fnetwork"')
    record, problems = check("claim", text)
    assert problems == []
    assert record.translations["en"] == "A \u200fnetwork"


# --- texts ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "escape", ["\\0", "\\x07", "\\e", "\\x1b[31m", "\\x7f", "\\x9b", "\\N", "\\L", "\\P", "\\u2028"]
)
def test_control_characters_in_texts(claim, escape: str) -> None:
    text = claim.replace("  en: A network of fake accounts", f'  en: "A network{escape}"')
    problem = one("claim", text)
    assert where(problem) == ("control-character", "/translations/en", 6, 7)
    assert problem.message == "this text contains a control character (such as NUL); remove it"


@pytest.mark.parametrize("blank", ["''", "'   '", '"\\t"'])
def test_empty_texts(claim, blank: str) -> None:
    problem = one(
        "claim", claim.replace("  label: A newspaper, citing unnamed sources", f"  label: {blank}")
    )
    assert where(problem) == ("empty-text", "/claimant/label", 9, 10)
    assert "write it or remove the field" in problem.message


def test_texts_are_stored_nfc(claim) -> None:
    decomposed = unicodedata.normalize("NFD", "Un réseau de faux comptes")
    record, problems = check(
        "claim", claim.replace("  en: A network of fake accounts", f"  fr: {decomposed}")
    )
    assert problems == []
    assert record.translations["fr"] == unicodedata.normalize("NFC", decomposed)


# --- URLs ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("url", "scheme"),
    [
        ("javascript:alert(1)", "javascript:"),
        ("JavaScript:alert(document.cookie)", "javascript:"),
        ("file:///etc/passwd", "file:"),
        ("file://server/share/doc.pdf", "file:"),
        ("data:text/html,<script>alert(1)</script>", "data:"),
        ("ftp://example.org/x", "ftp:"),
        ("//news.example.org/one", "no scheme:"),
        ("news.example.org/one", "no scheme:"),
    ],
)
def test_javascript_file_and_other_urls_are_refused(source, url: str, scheme: str) -> None:
    problem = one("source", source.replace("https://news.example.org/one", f"'{url}'"))
    assert where(problem) == ("unsafe-url", "/url", 5, 6)
    assert problem.message == (
        f"only http and https links are allowed (got '{scheme}'); link to the web page instead"
    )


@pytest.mark.parametrize("url", ["https://", "http:///path", "'https://news.example.org/a b'"])
def test_incomplete_urls(source, url: str) -> None:
    problem = one("source", source.replace("https://news.example.org/one", url))
    assert where(problem) == ("bad-url", "/url", 5, 6)
    assert "is not a complete web address" in problem.message


def test_unsafe_urls_are_refused_in_every_url_field(source, actor, settings) -> None:
    problem = one("source", source + "archive_url: javascript:alert(1)\n")
    assert where(problem) == ("unsafe-url", "/archive_url", 7, 14)
    problem = one("actor", actor + "url: file:///etc/passwd\n")
    assert where(problem) == ("unsafe-url", "/url", 4, 6)
    problem = one("dataset", settings.replace("https://desk.example.org", "javascript:x"))
    assert where(problem) == ("unsafe-url", "/url", 2, 6)


# --- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value", ["2025-04-10T09:00:00", "2025-04-10 09:00:00", "2025-04-10T09:00", "2025-04-10"]
)
def test_naive_datetimes_are_refused(claim, value: str) -> None:
    problem = one("claim", claim.replace("created: 2025-04-10T09:00:00+01:00", f"created: {value}"))
    assert where(problem) == ("naive-datetime", "/created", 17, 10)
    assert problem.message == (
        f"'{value}' has no time zone; add one, as in 2025-04-09T22:08:00+01:00"
    )


def test_a_naive_datetime_in_the_history(claim) -> None:
    problem = one(
        "claim",
        claim.replace("  - time: 2025-04-10T09:00:00+01:00", "  - time: 2025-04-10T09:00:00"),
    )
    assert where(problem) == ("naive-datetime", "/history/0/time", 19, 11)


@pytest.mark.parametrize(
    "value", ["2025-04-10T09:00:00Z", "2025-04-10T09:00:00-03:30", "2025-04-10T09:00:00.123+00:00"]
)
def test_datetimes_with_a_zone_are_accepted(claim, value: str) -> None:
    record, problems = check(
        "claim", claim.replace("created: 2025-04-10T09:00:00+01:00", f"created: {value}")
    )
    assert problems == []
    assert record.created.tzinfo is not None


@pytest.mark.parametrize("value", ["2025-13-45", "2025-02-30", "yesterday", "9 April 2025"])
def test_dates_that_are_not_dates(source, value: str) -> None:
    problem = one("source", source.replace("published: 2025-04-09", f"published: {value}"))
    assert where(problem) == ("bad-date", "/published", 6, 12)
    assert "is not a valid date; write a date (2025-04-09)" in problem.message


# --- language tags -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "tag", ["arabic", "a", "ar_MA", "en-", "fr--FR", "'e n'", "'ar\\n'", "x-klingon-very-long-tag"]
)
def test_bad_language_tags(claim, tag: str) -> None:
    problem = one("claim", claim.replace("language: ar", f"language: {tag}"))
    assert where(problem) == ("bad-language", "/language", 4, 11)
    assert "is not a BCP 47 language tag; use forms such as ar, fr, en, ar-MA" in problem.message


def test_a_bad_language_tag_as_a_translation_key_points_at_the_key(claim) -> None:
    problem = one("claim", claim.replace("  en: A network", "  english: A network"))
    assert where(problem) == ("bad-language", "/translations/english", 6, 3)


def test_bad_language_tags_in_sources_and_settings(source, settings) -> None:
    problem = one("source", source + "language: 12\n")
    assert where(problem) == ("wrong-type", "/language", 7, 11)
    problem = one("dataset", settings.replace("[ar, fr, en]", "[ar, 'f r']"))
    assert where(problem) == ("bad-language", "/languages/1", 3, 17)


@pytest.mark.parametrize("tag", ["ar", "fr", "en", "ar-MA", "fr-CA", "es-419", "zh-Hant-TW", "ber"])
def test_good_language_tags(claim, tag: str) -> None:
    record, problems = check("claim", claim.replace("language: ar", f"language: {tag}"))
    assert problems == []
    assert record.language == tag
