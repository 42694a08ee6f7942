"""edit: open a record, change it, save it. Comments, key order and quoting survive; a save that
changes nothing writes nothing; writes are atomic and never overwrite someone else's change."""

from __future__ import annotations

import difflib
import os
import stat
from contextlib import nullcontext
from datetime import UTC, datetime
from pathlib import Path

import pytest

from claimtrack.models import Claim, Evidence, Note, Source, Status
from claimtrack.problems import ClaimtrackError
from claimtrack.store import create_document, load, open_document, render, save_document

from .helpers import check

CLAIM = "case-one/claim-one.yaml"
NOON = datetime(2025, 4, 12, 12, 0, tzinfo=UTC)

# A hand-written claim with comments, an unusual key order and quoting the user chose.
HANDWRITTEN = """\
# Claim 3 of the Al Assima article (9 April 2025).
id: claim-one   # the file name
category: account-network
statement: "شبكة من الحسابات الوهمية"
language: 'ar'
translations:
  # checked by Karim
  en: 'A network of fake accounts'
  fr: "Un réseau de faux comptes"
claimant: {label: 'A newspaper, citing unnamed sources'}
subjects: [network-leader]

# where it appeared
appearances:
  - source: article-one
    quote: "« شبكة »"
    date: 2025-04-09
status: new
verdict: unverified
created: 2025-04-10T09:00:00+01:00
history:
  - time: 2025-04-10T09:00:00+01:00
    actor: Salma
    action: created
    to: new   # first event
"""


@pytest.fixture
def handwritten(make_dataset) -> Path:
    return make_dataset({CLAIM: HANDWRITTEN}) / CLAIM


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), lineterm="", n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


def temporary_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith(".") or "tmp" in p.name)


# --- comments, order and quoting survive ---------------------------------------------------------


def test_an_edit_keeps_comments_order_and_quoting(handwritten: Path) -> None:
    document = open_document(handwritten, "claim")
    record = document.record.model_copy(
        update={"assignee": "Salma", "status": Status.TRIAGED, "rationale": "Needs the court file."}
    )
    save_document(document, record)
    after = handwritten.read_text(encoding="utf-8")
    assert changed_lines(HANDWRITTEN, after) == [
        "-status: new",
        "+status: triaged",
        "+rationale: Needs the court file.",
        "+assignee: Salma",
    ]
    reloaded, problems = check("claim", after)
    assert problems == []
    assert reloaded == record


def test_changing_a_quoted_value_changes_only_that_line(handwritten: Path) -> None:
    document = open_document(handwritten, "claim")
    translations = {**document.record.translations, "en": "A network of fake profiles"}
    save_document(document, document.record.model_copy(update={"translations": translations}))
    assert changed_lines(HANDWRITTEN, handwritten.read_text(encoding="utf-8")) == [
        "-  en: 'A network of fake accounts'",
        "+  en: 'A network of fake profiles'",
    ]


def test_adding_and_removing_list_items(handwritten: Path) -> None:
    document = open_document(handwritten, "claim")
    evidence = [Evidence(source="article-one", shows="The article names the network.")]
    document = save_document(document, document.record.model_copy(update={"evidence": evidence}))
    after = handwritten.read_text(encoding="utf-8")
    assert changed_lines(HANDWRITTEN, after) == [
        "+evidence:",
        "+  - source: article-one",
        "+    shows: The article names the network.",
    ]
    save_document(document, document.record.model_copy(update={"evidence": []}))
    assert handwritten.read_text(encoding="utf-8") == HANDWRITTEN


def test_multi_line_text_is_written_as_a_block(handwritten: Path) -> None:
    document = open_document(handwritten, "claim")
    rationale = "First line.\nSecond line: with a colon.\n# not a comment"
    save_document(document, document.record.model_copy(update={"rationale": rationale}))
    after = handwritten.read_text(encoding="utf-8")
    block = "rationale: |-\n  First line.\n  Second line: with a colon.\n  # not a comment\n"
    assert block in after
    reloaded, problems = check("claim", after)
    assert problems == [] and reloaded.rationale == rationale


def test_texts_that_look_like_other_types_stay_texts(handwritten: Path) -> None:
    document = open_document(handwritten, "claim")
    tricky = {"en": "no", "fr": "2025-04-09", "ar": "null"}
    record = document.record.model_copy(update={"translations": tricky, "assignee": "1.0"})
    save_document(document, record)
    reloaded, problems = check("claim", handwritten.read_text(encoding="utf-8"))
    assert problems == []
    assert reloaded.translations == tricky
    assert reloaded.assignee == "1.0"


def test_an_edited_file_still_loads_in_its_dataset(handwritten: Path) -> None:
    document = open_document(handwritten, "claim")
    save_document(document, document.record.model_copy(update={"reviewer": "Karim"}))
    dataset = load(handwritten.parent.parent, use_cache=False)
    assert dataset.problems == []
    assert dataset.claims[0].record.reviewer == "Karim"


# --- a save that changes nothing writes nothing --------------------------------------------------


def test_a_no_op_save_leaves_the_bytes_and_the_file_alone(handwritten: Path) -> None:
    os.utime(handwritten, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    before = handwritten.read_bytes()
    document = open_document(handwritten, "claim")
    assert render(document.record, document.tree) == before
    save_document(document, document.record)
    save_document(document, document.record.model_copy())
    save_document(document, Claim.model_validate(document.record.model_dump()))
    assert handwritten.read_bytes() == before
    assert handwritten.stat().st_mtime_ns == 1_700_000_000_000_000_000


STYLES = {
    "plain": "id: article-one\nkind: article\ntitle: An article\n",
    "comments": (
        "# top\n\nid: article-one   # inline\n\n\nkind: article\ntitle: 'An article'\n# end\n"
    ),
    "flow": '{id: article-one, kind: article, title: "An article"}\n',
    "crlf": "# top\r\n\r\nid: article-one\r\nkind: article\r\ntitle: An article\r\n",
    "bom": "\ufeffid: article-one\nkind: article\ntitle: An article\n",
    "folded": (
        "id: article-one\nkind: article\ntitle: >-\n  A folded\n  title\npublished: 2025-04-09\n"
    ),
    "literal": "id: article-one\nkind: article\ntitle: |\n  A literal\n  title\n",
    "aligned": "id:    article-one\nkind:   article\ntitle:  An article\n",
}


@pytest.mark.parametrize("style", sorted(STYLES))
def test_a_no_op_save_of_any_style_leaves_bytes_unchanged(tmp_path: Path, style: str) -> None:
    text = STYLES[style].encode("utf-8")
    path = tmp_path / "article-one.yaml"
    path.write_bytes(text)
    document = open_document(path, "source")
    save_document(document, document.record)
    assert path.read_bytes() == text
    # An edit and its undo give the same bytes back, except for values aligned in columns:
    # once ruamel writes the file, one space follows each colon.
    original = document.record
    edited = save_document(document, original.model_copy(update={"notes": "checked"}))
    assert b"notes: checked" in path.read_bytes()
    save_document(edited, original)
    if style != "aligned":
        assert path.read_bytes() == text


@pytest.mark.parametrize(
    ("newline", "bom"),
    [("\r\n", ""), ("\n", "\ufeff"), ("\r\n", "\ufeff")],
    ids=["crlf", "bom", "both"],
)
def test_an_edit_keeps_line_endings_and_byte_order_mark(
    handwritten: Path, newline: str, bom: str
) -> None:
    original = bom + HANDWRITTEN.replace("\n", newline)
    handwritten.write_bytes(original.encode("utf-8"))
    document = open_document(handwritten, "claim")
    save_document(document, document.record)
    assert handwritten.read_bytes() == original.encode("utf-8")
    rationale = "First line.\nSecond line."
    save_document(document, document.record.model_copy(update={"rationale": rationale}))
    after = handwritten.read_bytes().decode("utf-8")
    assert after.startswith(bom + "# Claim 3")
    assert after.count("\n") == after.count(newline)
    # (splitlines() takes '\r\n' as one break, so the line ending is checked just above)
    assert changed_lines(original, after) == [
        "+rationale: |-",
        "+  First line.",
        "+  Second line.",
    ]
    reloaded, problems = check("claim", after.encode("utf-8"))
    assert problems == [] and reloaded.rationale == rationale


def test_a_save_returns_the_document_for_the_next_save(handwritten: Path) -> None:
    document = open_document(handwritten, "claim")
    document = save_document(document, document.record.model_copy(update={"assignee": "Salma"}))
    document = save_document(document, document.record.model_copy(update={"reviewer": "Karim"}))
    reloaded = open_document(handwritten, "claim").record
    assert (reloaded.assignee, reloaded.reviewer) == ("Salma", "Karim")
    assert document.original == handwritten.read_bytes()


# --- atomic writes -------------------------------------------------------------------------------


def test_a_save_leaves_no_temporary_file(handwritten: Path) -> None:
    before = sorted(p.name for p in handwritten.parent.iterdir())
    document = open_document(handwritten, "claim")
    save_document(document, document.record.model_copy(update={"assignee": "Salma"}))
    assert sorted(p.name for p in handwritten.parent.iterdir()) == before


@pytest.mark.parametrize("failing", ["replace", "fsync"])
def test_a_failure_during_the_write_leaves_the_old_file(
    handwritten: Path, monkeypatch: pytest.MonkeyPatch, failing: str
) -> None:
    before = handwritten.read_bytes()
    names = sorted(p.name for p in handwritten.parent.iterdir())
    document = open_document(handwritten, "claim")

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, failing, fail)
    with pytest.raises(OSError, match="No space left on device"):
        save_document(document, document.record.model_copy(update={"assignee": "Salma"}))
    monkeypatch.undo()
    assert handwritten.read_bytes() == before
    assert sorted(p.name for p in handwritten.parent.iterdir()) == names
    assert temporary_files(handwritten.parent) == []


def test_a_save_keeps_the_file_permissions(handwritten: Path) -> None:
    handwritten.chmod(0o640)
    document = open_document(handwritten, "claim")
    save_document(document, document.record.model_copy(update={"assignee": "Salma"}))
    assert stat.S_IMODE(handwritten.stat().st_mode) == 0o640


# --- never over someone else's change ------------------------------------------------------------


def test_a_save_refuses_when_the_file_changed_after_it_was_opened(handwritten: Path) -> None:
    document = open_document(handwritten, "claim")
    theirs = HANDWRITTEN.replace("status: new", "status: triaged")
    handwritten.write_text(theirs, encoding="utf-8")
    with pytest.raises(ClaimtrackError) as caught:
        save_document(document, document.record.model_copy(update={"assignee": "Salma"}))
    problem = caught.value.problem
    assert problem.code == "stale-file"
    assert problem.path == str(handwritten)
    assert "changed on disk after it was opened" in problem.message
    assert "reload it, apply your change again, then save" in problem.message
    assert handwritten.read_text(encoding="utf-8") == theirs


def test_a_save_refuses_when_the_file_was_deleted_after_it_was_opened(handwritten) -> None:
    document = open_document(handwritten, "claim")
    handwritten.unlink()
    with pytest.raises(ClaimtrackError) as caught:
        save_document(document, document.record.model_copy(update={"assignee": "Salma"}))
    assert caught.value.problem.code == "stale-file"
    assert not handwritten.exists()


def test_a_touched_but_unchanged_file_can_still_be_saved(handwritten: Path) -> None:
    document = open_document(handwritten, "claim")
    handwritten.touch()
    save_document(document, document.record.model_copy(update={"assignee": "Salma"}))
    assert "assignee: Salma" in handwritten.read_text(encoding="utf-8")


# --- saves never write a record the store would refuse -------------------------------------------


@pytest.mark.parametrize(
    ("update", "code", "field"),
    [
        ({"id": "../outside"}, "bad-id", "/id"),
        ({"status": "done"}, "invalid-value", "/status"),
        ({"language": "arabic!"}, "bad-language", "/language"),
        ({"rationale": "bell\x07"}, "control-character", "/rationale"),
        ({"subjects": ["network\u202eleader"]}, "invisible-character", "/subjects/0"),
        ({"created": datetime(2025, 4, 10, 9, 0)}, "naive-datetime", "/created"),
    ],
)
def test_a_save_refuses_a_record_that_would_not_load(
    handwritten: Path, update: dict, code: str, field: str
) -> None:
    document = open_document(handwritten, "claim")
    expected_warning = pytest.warns(UserWarning) if "status" in update else nullcontext()
    with expected_warning:  # pydantic warns when it serializes the wrong type
        bad = document.record.model_copy(update=update)  # model_copy does not validate
        with pytest.raises(ClaimtrackError) as caught:
            save_document(document, bad)
    assert (caught.value.problem.code, caught.value.problem.field) == (code, field)
    assert caught.value.problem.message.startswith("not saved: ")
    assert handwritten.read_text(encoding="utf-8") == HANDWRITTEN


# --- opening -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("content", "code"),
    [
        (b"id: !!python/object/apply:os.system ['true']\n", "yaml-tag"),
        (b"a: &a [1]\nb: *a\n", "yaml-alias"),
        (b"id: claim-one\nid: claim-two\n", "duplicate-key"),
        (b"\xff\xfe", "not-utf8"),
        (b"", "empty-file"),
        (b"id: claim-one\n", "missing-field"),
    ],
)
def test_opening_a_broken_file_raises_its_problem(tmp_path: Path, content: bytes, code) -> None:
    path = tmp_path / "claim-one.yaml"
    path.write_bytes(content)
    with pytest.raises(ClaimtrackError) as caught:
        open_document(path, "claim", display="claims/case-one/claim-one.yaml")
    assert caught.value.problem.code == code
    assert caught.value.problem.path == "claims/case-one/claim-one.yaml"


def test_opening_executes_nothing(tmp_path: Path) -> None:
    marker = tmp_path / "pwned"
    path = tmp_path / "claim-one.yaml"
    path.write_text(f"id: !!python/object/apply:os.system ['touch {marker}']\n")
    with pytest.raises(ClaimtrackError):
        open_document(path, "claim")
    assert not marker.exists()


def test_opening_a_huge_file_does_not_read_it(tmp_path: Path) -> None:
    path = tmp_path / "claim-one.yaml"
    with path.open("wb") as handle:
        handle.truncate(8 * 1024**3)
    with pytest.raises(ClaimtrackError) as caught:
        open_document(path, "claim")
    assert caught.value.problem.code == "file-too-large"


def test_opening_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ClaimtrackError) as caught:
        open_document(tmp_path / "nothing.yaml", "claim")
    assert caught.value.problem.code == "unreadable-file"
    assert "No such file or directory" in caught.value.problem.message


# --- creating ------------------------------------------------------------------------------------


def new_source() -> Source:
    return Source(
        id="article-two",
        kind="article",
        title="Un article : « le réseau »",
        url="https://news.example.org/two",
        published="2025-04-09",
    )


def test_create_writes_a_record_that_loads_back(make_dataset) -> None:
    root = make_dataset()
    path = root / "sources/article-two.yaml"
    document = create_document(path, "source", new_source())
    assert path.read_bytes() == document.original
    assert path.read_text(encoding="utf-8") == (
        "id: article-two\n"
        "kind: article\n"
        "title: 'Un article : « le réseau »'\n"
        "url: https://news.example.org/two\n"
        "published: 2025-04-09\n"
    )
    dataset = load(root, use_cache=False)
    assert dataset.problems == []
    assert dataset.source("article-two").record == new_source()
    assert temporary_files(path.parent) == []


def test_create_writes_fields_in_model_order_without_empty_ones(tmp_path: Path) -> None:
    claim = Claim(
        id="claim-two",
        statement="Un chèque sans provision",
        language="fr",
        category="bad-cheques",
        claimant={"label": "unnamed sources"},
        created=datetime(2025, 4, 10, 8, 0, tzinfo=UTC),
    )
    path = tmp_path / "case-one/claim-two.yaml"
    create_document(path, "claim", claim)
    assert path.read_text(encoding="utf-8") == (
        "id: claim-two\n"
        "statement: Un chèque sans provision\n"
        "language: fr\n"
        "category: bad-cheques\n"
        "claimant:\n"
        "  label: unnamed sources\n"
        "status: new\n"
        "verdict: unverified\n"
        "created: 2025-04-10T08:00:00+00:00\n"
    )


def test_create_refuses_to_overwrite(make_dataset) -> None:
    root = make_dataset()
    path = root / "sources/article-one.yaml"
    before = path.read_bytes()
    with pytest.raises(ClaimtrackError) as caught:
        create_document(path, "source", new_source())
    assert caught.value.problem.code == "file-exists"
    assert "choose another id, or edit that record instead" in caught.value.problem.message
    assert path.read_bytes() == before


def test_create_makes_the_case_folder(make_dataset) -> None:
    root = make_dataset()
    path = root / "case-new/claim-one.yaml"
    record = load(root, use_cache=False).claims[0].record
    create_document(path, "claim", record)
    assert load(root, use_cache=False).cases == ["case-new", "case-one"]


def test_create_refuses_an_invalid_record_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "sources/article-two.yaml"
    bad = new_source().model_copy(update={"url": "javascript:alert(1)"})
    with pytest.raises(ClaimtrackError) as caught:
        create_document(path, "source", bad)
    assert caught.value.problem.code == "unsafe-url"
    assert not path.exists()


def test_every_shipped_record_saves_back_byte_for_byte(shipped_copy: Path) -> None:
    dataset = load(shipped_copy, use_cache=False)
    kinds = {"Claim": "claim", "Source": "source", "Actor": "actor"}
    for loaded in dataset.records():
        before = loaded.path.read_bytes()
        document = open_document(loaded.path, kinds[type(loaded.record).__name__])
        assert render(document.record, document.tree) == before, loaded.display
        save_document(document, document.record.model_copy(deep=True))
        assert loaded.path.read_bytes() == before


def test_an_edit_of_a_shipped_claim_changes_only_its_lines(shipped_copy: Path) -> None:
    for loaded in load(shipped_copy, use_cache=False).claims:
        before = loaded.path.read_text(encoding="utf-8")
        document = open_document(loaded.path, "claim")
        notes = [*document.record.notes, Note(time=NOON, by="Salma", text="Called the court.")]
        save_document(document, document.record.model_copy(update={"notes": notes}))
        added = changed_lines(before, loaded.path.read_text(encoding="utf-8"))
        assert all(line.startswith("+") for line in added), added
        assert "+    text: Called the court." in added
