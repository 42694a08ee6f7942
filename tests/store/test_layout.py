"""layout: which record files a dataset folder holds, where a record belongs, and what is
refused before any file is read (symbolic links out of the dataset, odd names, odd files)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from claimtrack.problems import ClaimtrackError, Severity
from claimtrack.store import DatasetNotFound, load, record_path, scan


def listed(root: Path) -> list[tuple[str, str, str | None]]:
    return [(f.kind, f.rel, f.case) for f in scan(root).files]


def found(root: Path) -> list[tuple[str, str, Severity]]:
    """The problems of a scan as (code, path inside the dataset, severity)."""
    return [(p.code, os.path.relpath(p.path, root), p.severity) for p in scan(root).problems]


def test_scan_lists_every_record_file_with_its_kind_and_case(make_dataset) -> None:
    root = make_dataset({"case-two/claim-two.yaml": "id: claim-two\n"})
    assert listed(root) == [
        ("dataset", "dataset.yaml", None),
        ("actor", "actors/network-leader.yaml", None),
        ("claim", "case-one/claim-one.yaml", "case-one"),
        ("claim", "case-two/claim-two.yaml", "case-two"),
        ("source", "sources/article-one.yaml", None),
    ]
    assert found(root) == []


def test_scan_records_size_and_modification_time(make_dataset) -> None:
    root = make_dataset()
    path = root / "case-one/claim-one.yaml"
    os.utime(path, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    entry = next(f for f in scan(root).files if f.rel == "case-one/claim-one.yaml")
    assert (entry.size, entry.mtime_ns) == (path.stat().st_size, 1_700_000_000_000_000_000)


@pytest.mark.parametrize("make", ["missing", "file"])
def test_no_dataset_folder(tmp_path: Path, make: str) -> None:
    root = tmp_path / "claims"
    if make == "file":
        root.write_text("not a folder\n")
    with pytest.raises(DatasetNotFound, match="--data DIR or CLAIMTRACK_DATA"):
        scan(root)
    with pytest.raises(DatasetNotFound):
        load(root)


def test_missing_settings_is_a_problem_and_the_rest_is_listed(make_dataset) -> None:
    root = make_dataset({"dataset.yaml": None})
    assert found(root) == [("missing-settings", "dataset.yaml", Severity.ERROR)]
    assert "add one with the newsroom's name" in scan(root).problems[0].message
    assert len(listed(root)) == 3


def test_files_that_are_not_records_are_left_alone(make_dataset) -> None:
    root = make_dataset(
        {
            "README.md": "# our claims\n",
            "quality.yaml": "expectations: []\n",
            ".gitignore": "*.tmp\n",
            ".hidden/secret.yaml": "id: x\n",
            "case-one/.draft.yaml": "id: x\n",
            "case-one/notes.txt": "notes\n",
            "case-one/photo.jpg": b"\xff\xd8\xff",
        }
    )
    assert found(root) == []
    assert [rel for _, rel, _ in listed(root)] == [
        "dataset.yaml",
        "actors/network-leader.yaml",
        "case-one/claim-one.yaml",
        "sources/article-one.yaml",
    ]


def test_misplaced_files_and_folders_are_warnings(make_dataset) -> None:
    root = make_dataset(
        {
            "stray-claim.yaml": "id: stray-claim\n",
            "case-one/claim-two.yml": "id: claim-two\n",
            "case-one/nested/claim-three.yaml": "id: claim-three\n",
        }
    )
    assert found(root) == [
        ("wrong-extension", "case-one/claim-two.yml", Severity.WARNING),
        ("misplaced-folder", "case-one/nested", Severity.WARNING),
        ("misplaced-file", "stray-claim.yaml", Severity.WARNING),
    ]
    messages = {p.code: p.message for p in scan(root).problems}
    assert "rename this file to claim-two.yaml" in messages["wrong-extension"]
    assert "claims/<case>/<id>.yaml" in messages["misplaced-file"]
    assert "case-one/claim-one.yaml" in [rel for _, rel, _ in listed(root)]


@pytest.mark.parametrize("case", ["Case One", "..hidden-not", "café", "x", "a_b", "-lead"])
def test_a_case_folder_that_is_not_an_id(make_dataset, case: str) -> None:
    root = make_dataset({f"{case}/claim-two.yaml": "id: claim-two\n"})
    problems = [p for p in scan(root).problems if p.code == "bad-case-name"]
    if case.startswith("."):  # hidden folders are skipped, not reported
        assert problems == []
    else:
        assert [os.path.relpath(p.path, root) for p in problems] == [case]
        assert "rename it with a-z, 0-9 and '-'" in problems[0].message
    assert all(f.case != case for f in scan(root).files)


# --- symbolic links ------------------------------------------------------------------------------


def test_a_symlinked_file_outside_the_dataset_is_refused(make_dataset, tmp_path: Path) -> None:
    root = make_dataset()
    outside = tmp_path / "elsewhere" / "secret.yaml"
    outside.parent.mkdir()
    outside.write_text("id: secret\n")
    (root / "case-one/secret.yaml").symlink_to(outside)
    (root / "sources/passwd.yaml").symlink_to("/etc/passwd")
    assert found(root) == [
        ("symlink-outside", "case-one/secret.yaml", Severity.ERROR),
        ("symlink-outside", "sources/passwd.yaml", Severity.ERROR),
    ]
    assert "copy the file in instead" in scan(root).problems[0].message
    assert len(listed(root)) == 4


def test_a_relative_symlink_that_climbs_out_is_refused(make_dataset, tmp_path: Path) -> None:
    root = make_dataset()
    (tmp_path / "outside.yaml").write_text("id: outside\n")
    (root / "case-one/outside.yaml").symlink_to(Path("../../outside.yaml"))
    assert found(root) == [("symlink-outside", "case-one/outside.yaml", Severity.ERROR)]


@pytest.mark.parametrize("name", ["case-two", "sources", "actors"])
def test_a_symlinked_folder_outside_the_dataset_is_refused(
    make_dataset, tmp_path: Path, name: str
) -> None:
    root = make_dataset()
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (outside / "thing.yaml").write_text("id: thing\n")
    target = root / name
    if target.exists():
        for child in target.iterdir():
            child.unlink()
        target.rmdir()
    target.symlink_to(outside, target_is_directory=True)
    assert found(root) == [("symlink-outside", name, Severity.ERROR)]
    assert all("thing" not in rel for _, rel, _ in listed(root))


def test_symlinked_settings_outside_the_dataset_are_refused(make_dataset, tmp_path: Path) -> None:
    root = make_dataset({"dataset.yaml": None})
    (tmp_path / "settings.yaml").write_text("name: elsewhere\nlanguages: [en]\n")
    (root / "dataset.yaml").symlink_to(tmp_path / "settings.yaml")
    assert found(root) == [("symlink-outside", "dataset.yaml", Severity.ERROR)]


def test_a_symlink_inside_the_dataset_is_followed(make_dataset) -> None:
    root = make_dataset()
    (root / "case-two").mkdir()
    (root / "case-two/claim-one.yaml").symlink_to(root / "case-one/claim-one.yaml")
    assert found(root) == []
    assert ("claim", "case-two/claim-one.yaml", "case-two") in listed(root)


def test_a_dataset_reached_through_a_symlink_is_inside_itself(make_dataset, tmp_path) -> None:
    root = make_dataset()
    link = tmp_path / "link-to-claims"
    link.symlink_to(root, target_is_directory=True)
    (root / "case-one/alias.yaml").symlink_to(root / "case-one/claim-one.yaml")
    assert found(link) == []
    assert len(listed(link)) == 5


def test_a_dangling_symlink_is_one_problem(make_dataset, tmp_path: Path) -> None:
    root = make_dataset()
    (root / "case-one/gone.yaml").symlink_to(root / "case-one/nowhere.yaml")
    (root / "case-one/gone-out.yaml").symlink_to(tmp_path / "nowhere.yaml")
    assert found(root) == [
        ("symlink-outside", "case-one/gone-out.yaml", Severity.ERROR),
        ("unreadable-file", "case-one/gone.yaml", Severity.ERROR),
    ]


# --- files that are not regular files ------------------------------------------------------------


def test_a_folder_named_like_a_record(make_dataset) -> None:
    root = make_dataset()
    (root / "case-one/folder.yaml").mkdir()
    assert found(root) == [("not-a-file", "case-one/folder.yaml", Severity.ERROR)]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes")
def test_a_named_pipe_named_like_a_record_does_not_block(make_dataset) -> None:
    root = make_dataset()
    os.mkfifo(root / "case-one/pipe.yaml")
    result: list = []
    worker = threading.Thread(target=lambda: result.append(load(root, use_cache=False)))
    worker.daemon = True
    worker.start()
    worker.join(timeout=5)
    assert result, "loading a dataset with a named pipe in it blocked"
    dataset = result[0]
    assert [(p.code, os.path.relpath(p.path, root)) for p in dataset.problems] == [
        ("not-a-file", "case-one/pipe.yaml")
    ]
    assert len(dataset.claims) == 1


# --- where a record belongs ----------------------------------------------------------------------


def test_record_path_for_each_kind(tmp_path: Path) -> None:
    root = tmp_path / "claims"
    assert record_path(root, "source", "article-one") == root / "sources/article-one.yaml"
    assert record_path(root, "actor", "network-leader") == root / "actors/network-leader.yaml"
    assert record_path(root, "claim", "claim-one", "case-one") == root / "case-one/claim-one.yaml"
    assert record_path(root, "dataset", "") == root / "dataset.yaml"


def test_record_path_needs_a_case_for_a_claim(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="case folder"):
        record_path(tmp_path, "claim", "claim-one")


@pytest.mark.parametrize(
    "record_id", ["../etc/passwd", "a/b", "..", "/abs", "claim-one\n", "Claim", "claim\u202eone"]
)
@pytest.mark.parametrize("kind", ["claim", "source", "actor"])
def test_record_path_refuses_an_id_that_could_leave_the_dataset(
    tmp_path: Path, kind: str, record_id: str
) -> None:
    with pytest.raises(ClaimtrackError) as caught:
        record_path(tmp_path, kind, record_id, "case-one")  # type: ignore[arg-type]
    assert caught.value.problem.code == "bad-id"
    assert "a-z, 0-9 and '-'" in caught.value.problem.message


@pytest.mark.parametrize(
    "case", ["../outside", "a/b", "..", "/tmp", "Case One", "sources", "actors", "case\n"]
)
def test_record_path_refuses_a_case_that_is_not_a_folder_name(tmp_path: Path, case: str) -> None:
    with pytest.raises(ClaimtrackError) as caught:
        record_path(tmp_path, "claim", "claim-one", case)
    assert caught.value.problem.code == "bad-case-name"
    assert "cannot be a case folder" in caught.value.problem.message
