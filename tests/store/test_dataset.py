"""load: a whole dataset, every record with where it came from, and one problem per broken file,
while every other file is still loaded."""

from __future__ import annotations

import gc
import itertools
import os
import time
import tracemalloc
from pathlib import Path

import pytest

from claimtrack.models import Actor, Claim, DatasetSettings, Source
from claimtrack.store import DatasetNotFound, load, position
from claimtrack.store.parse import MAX_FILE_BYTES

from .helpers import problems_in, where

BAD = "case-one/claim-two.yaml"


def bomb() -> str:
    names = "abcdefghijklmnopqrstuvwxyz"
    lines = ['a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for previous, name in itertools.pairwise(names):
        lines.append(f"{name}: &{name} [" + ", ".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def second_claim(defaults: dict[str, str]) -> str:
    """A valid claim 'claim-two', which each case below breaks in one way."""
    return defaults["case-one/claim-one.yaml"].replace("id: claim-one", "id: claim-two")


def second_source(defaults: dict[str, str]) -> str:
    return defaults["sources/article-one.yaml"].replace("id: article-one", "id: article-two")


# Each hostile or broken input of the foundation issue:
# file, content (from the default texts), code, line, column, field path.
HOSTILE: dict[str, tuple[str, object, str, int | None, int | None, str]] = {
    "yaml syntax error": (BAD, "id: claim-two\n  statement: x\n", "yaml-syntax", 2, 12, ""),
    "unclosed bracket": (BAD, "id: claim-two\nsubjects: [a, b\n", "yaml-syntax", 3, 1, ""),
    "empty file": (BAD, "", "empty-file", None, None, ""),
    "only comments": (BAD, "# to do\n", "empty-file", None, None, ""),
    "list at the root": (BAD, "- id: claim-two\n", "not-a-mapping", 1, 1, ""),
    "scalar at the root": (BAD, "claim-two\n", "not-a-mapping", 1, 1, ""),
    "duplicate key": (
        BAD,
        "id: claim-two\nstatus: new\nstatus: published\n",
        "duplicate-key",
        3,
        1,
        "",
    ),
    "unknown field": (
        BAD,
        lambda d: second_claim(d) + "verdikt: true\n",
        "unknown-field",
        23,
        1,
        "/verdikt",
    ),
    "wrong type": (
        BAD,
        lambda d: second_claim(d).replace("  - network-leader", "  network-leader: x"),
        "wrong-type",
        11,
        3,
        "/subjects",
    ),
    "python tag": (BAD, "id: !!python/object/apply:os.system ['true']\n", "yaml-tag", 1, 5, ""),
    "str tag": (BAD, "id: !!str claim-two\n", "yaml-tag", 1, 5, ""),
    "local tag": (BAD, "id: claim-two\nclaimant: !person {label: x}\n", "yaml-tag", 2, 11, ""),
    "alias bomb": (BAD, bomb(), "yaml-alias", 1, 4, ""),
    "merge-key loop": (BAD, "id: claim-two\nclaimant: &c\n  <<: *c\n", "yaml-alias", 2, 11, ""),
    "several documents": (
        BAD,
        "id: claim-two\n---\nid: claim-three\n",
        "multiple-documents",
        2,
        1,
        "",
    ),
    "not utf-8": (BAD, b"id: claim-two\nstatement: caf\xe9\n", "not-utf8", 2, 15, ""),
    "utf-16": (BAD, "id: claim-two\n".encode("utf-16"), "not-utf8", 1, 1, ""),
    "nul byte": (BAD, b"id: claim-two\nstatement: a\x00b\n", "control-character", 2, 13, ""),
    "escape byte": (BAD, b"id: claim-two\nstatement: \x1b[2J\n", "control-character", 2, 12, ""),
    "next-line character": (
        BAD,
        "id: claim-two\nstatement: a\u0085b\n",
        "control-character",
        2,
        13,
        "",
    ),
    "escaped control character in a text": (
        BAD,
        lambda d: second_claim(d) + 'rationale: "a\\x07b"\n',
        "control-character",
        23,
        12,
        "/rationale",
    ),
    "bidi override in an id": (
        BAD,
        lambda d: second_claim(d).replace("id: claim-two", "id: claim\u202e-two"),
        "invisible-character",
        2,
        5,
        "/id",
    ),
    "zero-width character in an id": (
        BAD,
        lambda d: second_claim(d).replace("  - network-leader", "  - network\u200b-leader"),
        "invisible-character",
        11,
        5,
        "/subjects/0",
    ),
    "over the size cap": (
        BAD,
        b"id: claim-two\nstatement: " + b"x" * MAX_FILE_BYTES,
        "file-too-large",
        None,
        None,
        "",
    ),
    "deeply nested": (
        BAD,
        "id: claim-two\nnotes: " + "[" * 5000 + "]" * 5000 + "\n",
        "too-deep",
        2,
        1007,
        "",
    ),
    "id with a slash": (
        BAD,
        lambda d: second_claim(d).replace("id: claim-two", "id: case-one/claim-two"),
        "bad-id",
        2,
        5,
        "/id",
    ),
    "id with dots": (
        "sources/article-two.yaml",
        lambda d: second_source(d).replace("id: article-two", "id: ../../article-two"),
        "bad-id",
        1,
        5,
        "/id",
    ),
    "javascript url": (
        "sources/article-two.yaml",
        lambda d: second_source(d).replace("https://news.example.org/one", "javascript:alert(1)"),
        "unsafe-url",
        5,
        6,
        "/url",
    ),
    "file url": (
        "actors/account.yaml",
        "id: account\nkind: social-account\nlabel: an account\nurl: file:///etc/passwd\n",
        "unsafe-url",
        4,
        6,
        "/url",
    ),
    "naive datetime": (
        BAD,
        lambda d: second_claim(d).replace(
            "created: 2025-04-10T09:00:00+01:00", "created: 2025-04-10T09:00:00"
        ),
        "naive-datetime",
        17,
        10,
        "/created",
    ),
    "bad language tag": (
        BAD,
        lambda d: second_claim(d).replace("language: ar", "language: arabic"),
        "bad-language",
        4,
        11,
        "/language",
    ),
    "number with too many digits": (
        BAD,
        "id: claim-two\nstatus: " + "9" * 5000 + "\n",
        "yaml-syntax",
        2,
        9,
        "",
    ),
}


# What each message tells the user to do (or what it points at).
SAYS = {
    "yaml syntax error": "fix the YAML syntax at this place",
    "unclosed bracket": "fix the YAML syntax at this place",
    "empty file": "write the record or delete it",
    "only comments": "write the record or delete it",
    "list at the root": "a record is a mapping of fields",
    "scalar at the root": "a record is a mapping of fields",
    "duplicate key": "the key 'status' appears twice in this mapping; keep one of them",
    "unknown field": "unknown field 'verdikt'; did you mean 'verdict'?",
    "wrong type": "'subjects' must be a list, not a mapping",
    "python tag": "remove the tag and write the plain value",
    "str tag": "remove the tag and write the plain value",
    "local tag": "remove the tag and write the plain value",
    "alias bomb": "write the value out in full",
    "merge-key loop": "write the value out in full",
    "several documents": "split it into files",
    "not utf-8": "save the file as UTF-8",
    "utf-16": "save the file as UTF-8",
    "nul byte": "remove it",
    "escape byte": "remove it",
    "next-line character": "remove it",
    "escaped control character in a text": "remove it",
    "bidi override in an id": "retype it with plain letters a-z, digits and hyphens",
    "zero-width character in an id": "retype it with plain letters a-z, digits and hyphens",
    "over the size cap": "cite it by sha256",
    "deeply nested": "records are at most a few levels deep",
    "id with a slash": "use 2 to 80 characters a-z, 0-9 and '-'",
    "id with dots": "no '/', '..'",
    "javascript url": "got 'javascript:'); link to the web page instead",
    "file url": "got 'file:'); link to the web page instead",
    "naive datetime": "add one, as in 2025-04-09T22:08:00+01:00",
    "bad language tag": "use forms such as ar, fr, en, ar-MA",
    "number with too many digits": "put it in quotes",
}


def test_a_clean_dataset(make_dataset) -> None:
    root = make_dataset()
    dataset = load(root)
    assert dataset.problems == []
    assert isinstance(dataset.settings, DatasetSettings)
    assert dataset.settings.name == "Test desk"
    assert dataset.settings_display == str(root / "dataset.yaml")
    assert [type(x.record) for x in dataset.records()] == [Claim, Source, Actor]
    assert (dataset.counts.claims, dataset.counts.sources, dataset.counts.actors) == (1, 1, 1)
    assert dataset.counts.files == 4
    assert dataset.cases == ["case-one"]
    loaded = dataset.claim("claim-one")
    assert loaded is not None
    assert loaded.case == "case-one"
    assert loaded.path == root / "case-one/claim-one.yaml"
    assert loaded.display == str(root / "case-one/claim-one.yaml")
    assert loaded.record.statement == "شبكة من الحسابات الوهمية"
    assert dataset.source("article-one") is not None
    assert dataset.actor("network-leader") is not None
    assert dataset.claim("nothing") is None


def test_load_accepts_a_string_path(make_dataset) -> None:
    root = make_dataset()
    assert load(str(root)).counts.claims == 1


def test_load_from_another_working_directory(make_dataset, monkeypatch, tmp_path) -> None:
    root = make_dataset()
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    relative = os.path.relpath(root, elsewhere)
    dataset = load(relative)
    assert dataset.counts.claims == 1
    assert dataset.claims[0].display == os.path.join(relative, "case-one", "claim-one.yaml")


def test_no_dataset(tmp_path: Path) -> None:
    with pytest.raises(DatasetNotFound):
        load(tmp_path / "nothing-here")


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_bad_input_is_one_problem_and_the_rest_still_loads(
    make_dataset, defaults, name: str
) -> None:
    rel, content, code, line, column, field = HOSTILE[name]
    if callable(content):
        content = content(defaults)
    root = make_dataset(
        {
            rel: content,
            "case-one/claim-three.yaml": second_claim(defaults).replace("claim-two", "claim-three"),
        }
    )
    started = time.perf_counter()
    dataset = load(root, use_cache=False)
    assert time.perf_counter() - started < 1.0
    problems = problems_in(dataset, rel)
    assert [where(p) for p in problems] == [(code, field, line, column)], problems
    assert problems[0].severity == "error"
    assert SAYS[name] in problems[0].message
    assert dataset.problems == problems  # nothing else is wrong
    # Every other file is still loaded.
    assert sorted(c.record.id for c in dataset.claims) == ["claim-one", "claim-three"]
    assert [s.record.id for s in dataset.sources] == ["article-one"]
    assert [a.record.id for a in dataset.actors] == ["network-leader"]
    assert dataset.settings is not None
    assert dataset.counts.files == 6


def test_broken_files_of_every_kind_at_once(make_dataset) -> None:
    root = make_dataset(
        {
            "dataset.yaml": "name: desk\nlanguages: []\n",
            "sources/broken.yaml": "id: broken\nkind: article\ntitle: t\nurl: file:///etc/passwd\n",
            "actors/broken.yaml": "- not a mapping\n",
            "case-two/broken.yaml": b"\xff\xfe",
            "case-two/fine.yaml": None,
        }
    )
    dataset = load(root, use_cache=False)
    assert sorted((os.path.relpath(p.path, root), p.code) for p in dataset.problems) == [
        ("actors/broken.yaml", "not-a-mapping"),
        ("case-two/broken.yaml", "not-utf8"),
        ("dataset.yaml", "invalid-value"),
        ("sources/broken.yaml", "unsafe-url"),
    ]
    assert dataset.settings is None
    assert dataset.counts.claims == dataset.counts.sources == dataset.counts.actors == 1


def test_a_tag_that_would_create_a_file_does_not(make_dataset, tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    root = make_dataset(
        {
            BAD: f"id: !!python/object/apply:os.system ['touch {marker}']\n",
            "sources/evil.yaml": f"!!python/object/apply:builtins.open ['{marker}', 'w']\n",
            "actors/evil.yaml": f"id: !!python/object/new:pathlib.Path ['{marker}']\n",
        }
    )
    dataset = load(root, use_cache=False)
    assert not marker.exists()
    assert sorted(p.code for p in dataset.problems) == ["yaml-tag"] * 3
    assert dataset.counts.claims == 1


def test_an_alias_bomb_finishes_within_a_second_in_bounded_memory(make_dataset) -> None:
    root = make_dataset({f"case-one/bomb-{i}.yaml": bomb() for i in range(20)})
    tracemalloc.start()
    started = time.perf_counter()
    try:
        dataset = load(root, use_cache=False)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 1.0
    assert peak < 20 * 1024 * 1024
    assert [p.code for p in dataset.problems] == ["yaml-alias"] * 20
    assert dataset.counts.claims == 1


def test_a_huge_file_is_refused_without_reading_it(make_dataset) -> None:
    root = make_dataset()
    huge = root / BAD
    with huge.open("wb") as handle:  # sparse: 8 GB that take no room on disk
        handle.truncate(8 * 1024**3)
    tracemalloc.start()
    started = time.perf_counter()
    try:
        dataset = load(root, use_cache=False)
        elapsed = time.perf_counter() - started
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert elapsed < 1.0
    assert peak < 20 * 1024 * 1024
    [problem] = dataset.problems
    assert where(problem) == ("file-too-large", "", None, None)
    assert f"this file has {8 * 1024**3:,} bytes" in problem.message
    assert dataset.counts.claims == 1


def test_symlink_outside_the_dataset_is_not_loaded(make_dataset, tmp_path, defaults) -> None:
    root = make_dataset()
    outside = tmp_path / "private" / "claim-two.yaml"
    outside.parent.mkdir()
    outside.write_text(second_claim(defaults), encoding="utf-8")
    (root / BAD).symlink_to(outside)
    dataset = load(root, use_cache=False)
    assert [where(p) for p in dataset.problems] == [("symlink-outside", "", None, None)]
    assert dataset.problems[0].path == str(root / BAD)
    assert [c.record.id for c in dataset.claims] == ["claim-one"]


def test_an_unreadable_file_is_one_problem(make_dataset, monkeypatch) -> None:
    root = make_dataset({BAD: "id: claim-two\n"})
    read_bytes = Path.read_bytes

    def refuse(path: Path) -> bytes:
        if path.name == "claim-two.yaml":
            raise PermissionError(13, "Permission denied")
        return read_bytes(path)

    monkeypatch.setattr(Path, "read_bytes", refuse)
    dataset = load(root, use_cache=False)
    assert [where(p) for p in dataset.problems] == [("unreadable-file", "", None, None)]
    assert dataset.problems[0].message == "cannot read this file: Permission denied"
    assert dataset.counts.claims == 1


def test_a_bom_is_accepted(make_dataset, defaults) -> None:
    root = make_dataset({BAD: b"\xef\xbb\xbf" + second_claim(defaults).encode()})
    dataset = load(root, use_cache=False)
    assert dataset.problems == []
    assert dataset.claim("claim-two") is not None


def test_problems_of_records_carry_path_line_column_and_field(make_dataset, defaults) -> None:
    text = second_claim(defaults) + (
        "evidence:\n  - source: article-one\n    shows: a\n  - source: Bad/..\n    shows: b\n"
    )
    root = make_dataset({BAD: text})
    [problem] = load(root, use_cache=False).problems
    assert problem.to_dict() == {
        "path": str(root / BAD),
        "line": 26,
        "column": 13,
        "field": "/evidence/1/source",
        "code": "bad-id",
        "severity": "error",
        "message": problem.message,
    }


def test_position_finds_a_field_of_a_loaded_record(make_dataset) -> None:
    dataset = load(make_dataset(), use_cache=False)
    loaded = dataset.claims[0]
    assert position(loaded, ("appearances", 0, "source")) == (13, 13)
    assert position(loaded, ("history", 0, "to")) == (22, 9)
    loaded.path.unlink()
    assert position(loaded, ("id",)) == (None, None)


def test_the_garbage_collector_is_back_on_after_a_load(make_dataset) -> None:
    assert gc.isenabled()
    load(make_dataset({BAD: "- broken\n"}), use_cache=False)
    assert gc.isenabled()


def test_the_shipped_dataset_loads_without_problems(shipped_copy: Path) -> None:
    dataset = load(shipped_copy, use_cache=False)
    assert dataset.problems == []
    assert dataset.settings is not None
    assert dataset.counts.claims >= 8
    assert dataset.counts.files == dataset.counts.claims + dataset.counts.sources + (
        dataset.counts.actors + 1
    )
    for loaded in dataset.claims:
        assert loaded.path.stem == loaded.record.id
        assert loaded.record.language == "ar"
