"""parse: one file's bytes become plain data, or exactly one problem with its place.

Every hostile or broken input of the foundation issue is here at the byte level; the same
inputs inside a whole dataset are in test_dataset.py.
"""

from __future__ import annotations

import time
import tracemalloc
from pathlib import Path

import pytest

from claimtrack.store.parse import MAX_FILE_BYTES, locate, parse

PATH = "claims/case-one/claim-one.yaml"


def refused(raw: bytes) -> tuple[str, int | None, int | None, str]:
    data, problem = parse(raw, PATH)
    assert data is None, f"expected a problem, got data {data!r}"
    assert problem is not None
    assert problem.path == PATH
    assert problem.severity == "error"
    return problem.code, problem.line, problem.column, problem.message


def accepted(raw: bytes) -> dict:
    data, problem = parse(raw, PATH)
    assert problem is None, problem
    assert isinstance(data, dict)
    return data


def billion_laughs(levels: int) -> bytes:
    lines = [b'l0: &l0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, levels):
        refs = ", ".join(f"*l{i - 1}" for _ in range(9)).encode()
        lines.append(f"l{i}: &l{i} [".encode() + refs + b"]")
    return b"\n".join(lines) + b"\n"


# --- syntax and shape ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "line", "column"),
    [
        (b"id: claim-one\n  bad: indent\n", 2, 6),
        (b"id: claim-one\nstatement: [unclosed\n", 3, 1),
        (b"id: claim-one\nstatement: 'unclosed\n", 3, 1),
        (b"id: claim-one\n- item\n", 2, 1),
        (b"id: [a, b\n", 2, 1),
        (b"? [a, b]\n: 1\n", 1, 3),  # a list as a key
        (b"%FOO bar\n---\nid: a\n", 1, 5),  # unknown directive
    ],
)
def test_yaml_syntax_error_is_one_problem_at_its_place(raw: bytes, line: int, column: int) -> None:
    code, got_line, got_column, message = refused(raw)
    assert (code, got_line, got_column) == ("yaml-syntax", line, column)
    assert message.endswith("fix the YAML syntax at this place")


@pytest.mark.parametrize(
    "raw",
    [
        b"",
        b"\n",
        b"   \n\t\n",
        b"\xef\xbb\xbf",
        b"# only a comment\n",
        b"# one\n\n# two\n",
        b"---\n",
    ],
)
def test_empty_file_or_only_comments(raw: bytes) -> None:
    code, _, _, message = refused(raw)
    assert code == "empty-file"
    assert "write the record or delete it" in message


@pytest.mark.parametrize(
    ("raw", "holds"),
    [
        (b"- id: claim-one\n- id: claim-two\n", "a list"),
        (b"[a, b]\n", "a list"),
        (b"claim-one\n", "a single value"),
        (b"42\n", "a single value"),
        (b"'id: claim-one'\n", "a single value"),
        (b"true\n", "a single value"),
    ],
)
def test_a_list_or_scalar_at_the_root(raw: bytes, holds: str) -> None:
    code, line, column, message = refused(raw)
    assert (code, line, column) == ("not-a-mapping", 1, 1)
    assert f"the file holds {holds}" in message
    assert "a record is a mapping of fields" in message


@pytest.mark.parametrize(
    ("raw", "key", "line", "column"),
    [
        (b"id: claim-one\nstatus: new\nid: claim-two\n", "id", 3, 1),
        (b"id: a\nclaimant:\n  label: x\n  actor: y\n  label: z\n", "label", 5, 3),
        (b"id: a\nevidence:\n  - {source: s, source: t}\n", "source", 3, 17),
        (b"translations: {en: a, fr: b, en: c}\n", "en", 1, 30),
    ],
)
def test_duplicate_key_points_at_the_second(raw: bytes, key: str, line: int, column: int) -> None:
    code, got_line, got_column, message = refused(raw)
    assert (code, got_line, got_column) == ("duplicate-key", line, column)
    assert f"the key '{key}' appears twice" in message
    assert "keep one of them" in message


# --- tags: never constructed, never executed -----------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "shown", "line", "column"),
    [
        (
            b"id: !!python/object/apply:os.system ['true']\n",
            "!!python/object/apply:os.system",
            1,
            5,
        ),
        (b"!!python/object/apply:os.system ['true']\n", "!!python/object/apply:os.system", 1, 1),
        (b"id: a\nx: !!python/name:os.system ''\n", "!!python/name:os.system", 2, 4),
        (b"x: !!python/object/new:pathlib.Path [a]\n", "!!python/object/new:pathlib.Path", 1, 4),
        (b"x: !!python/tuple [a]\n", "!!python/tuple", 1, 4),
        (b"id: !!str claim-one\n", "!!str", 1, 5),
        (b"id: !!binary aGVsbG8=\n", "!!binary", 1, 5),
        (b"claimant: !!map {label: x}\n", "!!map", 1, 11),
        (b"subjects: !!set {a, b}\n", "!!set", 1, 11),
        (b"created: !!timestamp 2025-04-09\n", "!!timestamp", 1, 10),
        (b"id: !local claim-one\n", "!local", 1, 5),
        (b"id: ! claim-one\n", "!", 1, 5),  # the non-specific tag too
        (b"subjects: ! [a, b]\n", "!", 1, 11),
        (b"id: !<tag:yaml.org,2002:str> claim-one\n", "!!str", 1, 5),
        (
            b"%TAG !e! tag:example.com,2000:\n---\nid: !e!thing x\n",
            "tag:example.com,2000:thing",
            3,
            5,
        ),
        (
            b"id: a\nstatus: new\nnote: |\n  text\nz: !!python/object:os.system {}\n",
            "!!python",
            5,
            4,
        ),
    ],
)
def test_yaml_tags_of_any_kind_are_refused(raw: bytes, shown: str, line: int, column: int) -> None:
    code, got_line, got_column, message = refused(raw)
    assert (code, got_line, got_column) == ("yaml-tag", line, column)
    assert shown in message
    assert "remove the tag and write the plain value" in message


def test_a_python_tag_executes_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    attempts = [
        f"id: !!python/object/apply:os.system ['touch {marker}']\n",
        f"id: !!python/object/apply:subprocess.call [[touch, {marker}]]\n",
        f"x: !!python/object/apply:builtins.open ['{marker}', 'w']\n",
        f"!!python/object/new:builtins.open ['{marker}', 'w']\n",
        "x: !!python/object/apply:pathlib.Path.touch\n"
        f"  - !!python/object/apply:pathlib.Path ['{marker}']\n",
    ]
    for text in attempts:
        code, *_ = refused(text.encode())
        assert code == "yaml-tag"
    assert not marker.exists()


def test_exclamation_marks_ampersands_and_stars_in_text_are_fine() -> None:
    data = accepted(
        b"statement: 'Wow! A & B * C'\nquote: \"*not an alias* &not-an-anchor\"\n"
        b"note: he said it! twice & more\nother: a*b\n"
    )
    assert data["statement"] == "Wow! A & B * C"
    assert data["quote"] == "*not an alias* &not-an-anchor"
    assert data["note"] == "he said it! twice & more"


# --- anchors, aliases, merge keys ----------------------------------------------------------------


def test_billion_laughs_is_refused_fast_and_in_bounded_memory() -> None:
    raw = billion_laughs(30)  # 9**30 strings if it were expanded
    tracemalloc.start()
    started = time.perf_counter()
    try:
        code, line, column, message = refused(raw)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert (code, line, column) == ("yaml-alias", 1, 5)
    assert "anchors and aliases (&name, *name) are not allowed" in message
    assert "write the value out in full" in message
    assert elapsed < 1.0
    assert peak < 5 * 1024 * 1024


@pytest.mark.parametrize(
    ("raw", "line", "column"),
    [
        (b"a: &x\n  <<: *x\n", 1, 4),  # a merge key that merges itself
        (b"a: &a {x: 1}\nb: &b\n  <<: [*a, *b]\n", 1, 4),
        (b"- &loop [*loop]\n", 1, 3),  # a list that contains itself
        (b"id: claim-one\nsubjects: *nothing\n", 2, 11),  # an alias alone
        (b"id: claim-one\nsubjects: &s [a]\n", 2, 11),  # an anchor alone
    ],
)
def test_anchors_aliases_and_merge_loops_are_refused(raw: bytes, line: int, column: int) -> None:
    started = time.perf_counter()
    assert refused(raw)[:3] == ("yaml-alias", line, column)
    assert time.perf_counter() - started < 1.0


def test_a_merge_key_without_anchors_is_an_ordinary_key() -> None:
    # No merge semantics: the models then report '<<' as an unknown field (test_records.py).
    assert accepted(b"<<: {id: x}\nid: claim-one\n") == {"<<": {"id": "x"}, "id": "claim-one"}


# --- documents -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "line"),
    [
        (b"id: claim-one\n---\nid: claim-two\n", 2),
        (b"---\nid: claim-one\n...\n---\nid: claim-two\n", 4),
        (b"id: claim-one\n---\n", 2),
    ],
)
def test_several_documents_in_one_file(raw: bytes, line: int) -> None:
    code, got_line, column, message = refused(raw)
    assert (code, got_line, column) == ("multiple-documents", line, 1)
    assert "more than one YAML document" in message
    assert "split it into files" in message


def test_one_document_with_explicit_markers_is_fine() -> None:
    assert accepted(b"---\nid: claim-one\n...\n") == {"id": "claim-one"}
    assert accepted(b"%YAML 1.1\n---\nid: claim-one\n") == {"id": "claim-one"}


# --- encodings and characters --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("raw", "line", "column", "byte"),
    [
        (b"id: claim-one\nstatement: caf\xe9\n", 2, 15, "0xe9"),  # Latin-1
        (b"id: claim-one\nstatement: \xe7a\n", 2, 12, "0xe7"),
        (b"\xff\xfei\x00d\x00:\x00", 1, 1, "0xff"),  # UTF-16 with its BOM
        (b"id: claim-one\nstatement: \xd8\xb4\xd8\n", 2, 13, "0xd8"),  # a cut Arabic letter
        (b"statement: \xed\xa0\x80\n", 1, 12, "0xed"),  # an encoded surrogate
        (b"id: a\x85b\n", 1, 6, "0x85"),  # a bare C1 byte
    ],
)
def test_bytes_that_are_not_utf8(raw: bytes, line: int, column: int, byte: str) -> None:
    code, got_line, got_column, message = refused(raw)
    assert (code, got_line, got_column) == ("not-utf8", line, column)
    assert f"byte {byte} is not UTF-8" in message
    assert "save the file as UTF-8" in message


def test_a_utf8_bom_is_accepted_and_positions_ignore_it() -> None:
    assert accepted("\ufeffid: claim-one\nstatement: شبكة\n".encode()) == {
        "id": "claim-one",
        "statement": "شبكة",
    }
    assert refused(b"\xef\xbb\xbfid: claim-one\n  bad: indent\n")[:3] == ("yaml-syntax", 2, 6)


@pytest.mark.parametrize(
    ("raw", "line", "column"),
    [
        (b"id: claim-one\nstatement: x\x00y\n", 2, 13),  # NUL
        (b"id: claim\x07one\n", 1, 10),  # BEL
        (b"statement: \x1b[31mred\n", 1, 12),  # ESC: terminal escapes
        (b"statement: x\x7f\n", 1, 13),  # DEL
        (b"statement: x\x0b\n", 1, 13),  # vertical tab
        (b"statement: \x0cx\n", 1, 12),  # form feed
        ("statement: x\u009by\n".encode(), 1, 13),  # a C1 control (CSI)
        ("id: claim-one\nstatement: x\u0085y\n".encode(), 2, 13),  # NEL, a line break to YAML
        ("statement: 'x\u0085y'\n".encode(), 1, 14),  # ... silently folded if quoted
        ("id: claim-one\nstatement: x\u2028y\n".encode(), 2, 13),  # line separator
        ('statement: "x\u2029y"\n'.encode(), 1, 14),  # paragraph separator
        ("statement: شبكة\x00\n".encode(), 1, 16),  # columns count characters, not bytes
    ],
)
def test_nul_and_other_control_characters(raw: bytes, line: int, column: int) -> None:
    code, got_line, got_column, message = refused(raw)
    assert (code, got_line, got_column) == ("control-character", line, column)
    assert "remove it" in message


def test_tabs_and_windows_line_endings_are_fine() -> None:
    assert accepted(b"id: claim-one\r\nstatement: a\tb\r\n") == {
        "id": "claim-one",
        "statement": "a\tb",
    }


def test_escaped_control_characters_reach_the_models() -> None:
    # Written as escapes they are valid YAML; the models refuse them (test_records.py).
    assert accepted(b'statement: "x\\0y\\x07"\n') == {"statement": "x\x00y\x07"}


# --- size and depth ------------------------------------------------------------------------------


def test_a_file_over_the_size_cap() -> None:
    raw = b"statement: " + b"x" * MAX_FILE_BYTES + b"\n"
    code, line, column, message = refused(raw)
    assert (code, line, column) == ("file-too-large", None, None)
    assert f"this file has {len(raw):,} bytes, over the {MAX_FILE_BYTES:,} allowed" in message
    assert "cite it by sha256" in message


def test_a_file_at_the_size_cap_is_read() -> None:
    head = b"statement: "
    raw = head + b"x" * (MAX_FILE_BYTES - len(head) - 1) + b"\n"
    assert len(raw) == MAX_FILE_BYTES
    assert len(accepted(raw)["statement"]) == MAX_FILE_BYTES - len(head) - 1


@pytest.mark.parametrize(
    "raw",
    [
        b"notes: " + b"[" * 100_000 + b"]" * 100_000 + b"\n",
        b"notes: " + b"{a: " * 50_000 + b"1" + b"}" * 50_000 + b"\n",
        b"".join(b" " * i + b"k:\n" for i in range(1_200)),
        b"- " * 5_000 + b"x\n",
    ],
)
def test_deeply_nested_values_are_refused_fast(raw: bytes) -> None:
    started = time.perf_counter()
    code, line, column, message = refused(raw)
    assert time.perf_counter() - started < 1.0
    assert code == "too-deep"
    assert line is not None and column is not None
    assert "records are at most a few levels deep" in message


def test_nesting_under_the_limit_is_plain_data() -> None:
    data = accepted(b"notes: " + b"[" * 500 + b"]" * 500 + b"\n")
    depth, value = 0, data["notes"]
    while value:
        depth, value = depth + 1, value[0]
    assert depth == 499


@pytest.mark.parametrize("digits", [4_400, 50_000])
def test_a_number_with_too_many_digits(digits: int) -> None:
    code, line, column, message = refused(b"id: claim-one\nstatus: " + b"9" * digits + b"\n")
    assert (code, line, column) == ("yaml-syntax", 2, 9)
    assert f"this number has {digits:,} digits" in message
    assert "put it in quotes" in message


# --- the YAML 1.2 core schema --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("2025-04-09", "2025-04-09"),
        ("2025-04-10T09:00:00+01:00", "2025-04-10T09:00:00+01:00"),
        ("1:20", "1:20"),
        ("1_000", "1_000"),
        ("=", "="),
        ("true", True),
        ("False", False),
        ("null", None),
        ("~", None),
        ("", None),
        ("12", 12),
        ("012", 12),
        ("09", 9),
        ("-0", 0),
        ("+7", 7),
        ("0o17", 15),
        ("0x1F", 31),
        ("1.5", 1.5),
        ("1e3", 1000.0),
        (".5", 0.5),
    ],
)
def test_scalars_follow_the_yaml_1_2_core_schema(text: str, value: object) -> None:
    data = accepted(f"v: {text}\n".encode())
    assert data["v"] == value
    assert type(data["v"]) is type(value)


def test_parsed_data_is_plain_json_types() -> None:
    data = accepted(
        b"id: claim-one\ncreated: 2025-04-10T09:00:00+01:00\nn: 1\nf: 1.5\nb: true\nz: null\n"
        b"l: [a, {k: v}]\n"
    )
    assert data == {
        "id": "claim-one",
        "created": "2025-04-10T09:00:00+01:00",
        "n": 1,
        "f": 1.5,
        "b": True,
        "z": None,
        "l": ["a", {"k": "v"}],
    }


# --- locate: positions for problems found later --------------------------------------------------

LOCATED = b"""\
# comment
id: claim-one
claimant:
  label: A newspaper
evidence:
  - source: article-one
    shows: a
  - source: Bad/..
    shows: b
translations: {en: x, fr: y}
"""


@pytest.mark.parametrize(
    ("field", "on_key", "position"),
    [
        (("id",), False, (2, 5)),
        (("id",), True, (2, 1)),
        (("claimant", "label"), False, (4, 10)),
        (("evidence", 1, "source"), False, (8, 13)),
        (("evidence", 1, "source"), True, (8, 5)),
        (("evidence", 1), False, (8, 5)),
        (("translations", "fr"), False, (10, 27)),
        (("translations", "fr"), True, (10, 23)),
        (("evidence", 7, "source"), False, (6, 3)),  # no such item: the list
        (("claimant", "actor"), False, (4, 3)),  # no such key: the mapping
        ((), False, (2, 1)),
    ],
)
def test_locate_finds_a_field(field: tuple, on_key: bool, position: tuple[int, int]) -> None:
    assert locate(LOCATED, field, on_key=on_key) == position


def test_locate_ignores_a_bom_and_survives_broken_files() -> None:
    assert locate(b"\xef\xbb\xbf" + LOCATED, ("evidence", 1, "source")) == (8, 13)
    assert locate(b"id: [broken\n", ("id",)) == (1, 1)
    assert locate(b"", ("id",)) == (1, 1)
