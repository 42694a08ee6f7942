"""Import of a table of accounts: ids, re-import, dry run, and bad inputs with their lines."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from claimtrack.cli import cli
from claimtrack.network.accounts import account_id, import_accounts
from claimtrack.problems import ClaimtrackError
from claimtrack.store import load
from claimtrack.validation import validate_dataset

TABLE = """\
platform,handle,url,created,notes
Facebook,page.one,https://facebook.example/page.one,2024-11-02,shares the smear posts first
Facebook,@Voice-of-Fes,,2025-01-15T10:00:00+01:00,
WhatsApp,مجموعة فاس,,,an invitation link was seen
"""


def write(tmp_path, text: str | bytes, name: str = "accounts.csv"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def run(root, *args: str):
    return CliRunner().invoke(cli, ["--data", str(root), "network", "import-accounts", *args])


def test_ids_come_from_platform_and_handle() -> None:
    assert account_id("Facebook", "@Voice-of-Fes") == "facebook-voice-of-fes"
    assert account_id("facebook", "voice-of-fes") == "facebook-voice-of-fes"
    assert account_id("Facebook", "page.one") != account_id("Facebook", "page_one")
    arabic = account_id("WhatsApp", "مجموعة فاس")
    assert arabic.startswith("whatsapp-") and len(arabic) <= 80


def test_import_creates_valid_actors_and_a_second_import_nothing(make_dataset, tmp_path) -> None:
    root = make_dataset()
    table = write(tmp_path, TABLE)
    result = run(root, str(table))
    assert result.exit_code == 0, result.output
    assert "3 new, 0 already recorded" in result.output
    dataset = load(root, use_cache=False)
    page = dataset.actor(account_id("Facebook", "page.one")).record
    assert (str(page.kind), page.platform, page.handle) == (
        "social-account",
        "Facebook",
        "page.one",
    )
    assert page.created.isoformat() == "2024-11-02"
    assert validate_dataset(root, use_cache=False).problems == []
    files = sorted((root / "actors").iterdir())
    again = run(root, str(table))
    assert again.exit_code == 0
    assert "0 new, 3 already recorded" in again.output
    assert sorted((root / "actors").iterdir()) == files


def test_a_dry_run_writes_nothing(make_dataset, tmp_path) -> None:
    root = make_dataset()
    result = run(root, str(write(tmp_path, TABLE)), "--dry-run")
    assert result.exit_code == 0
    assert "would create actors/facebook-voice-of-fes.yaml" in result.output
    assert [p.name for p in (root / "actors").iterdir()] == ["network-leader.yaml"]


def test_an_account_recorded_by_hand_is_recognised(make_dataset, tmp_path) -> None:
    by_hand = (
        "id: voice\nkind: social-account\nlabel: a page\nplatform: facebook\nhandle: voice-of-fes\n"
    )
    root = make_dataset({"actors/voice.yaml": by_hand})
    result = import_accounts(load(root, use_cache=False), write(tmp_path, TABLE))
    assert result.existing == ["voice"]
    assert len(result.new) == 2


@pytest.mark.parametrize(
    ("text", "code", "line", "says"),
    [
        ("", "empty-table", None, "empty"),
        ("platform,handle\n", "empty-table", None, "no rows"),
        ("platform,url\nFacebook,https://x.example\n", "missing-column", 1, "handle"),
        ("\ufeffhandle\nx\n", "missing-column", 1, "platform"),
        (b"platform,handle\nFacebook,ok\nFacebook,caf\xe9\n", "not-utf8", 3, "UTF-8"),
    ],
)
def test_bad_tables_are_refused_with_their_line(make_dataset, tmp_path, text, code, line, says):
    root = make_dataset()
    with pytest.raises(ClaimtrackError) as refused:
        import_accounts(load(root, use_cache=False), write(tmp_path, text))
    problem = refused.value.problem
    assert (problem.code, problem.line) == (code, line)
    assert says in problem.message
    result = run(root, str(write(tmp_path, text)))
    assert result.exit_code == 1
    assert code in result.output


def test_bad_rows_are_reported_by_line_and_nothing_is_written(make_dataset, tmp_path) -> None:
    root = make_dataset()
    text = (
        "platform,handle,url,created\n"
        "Facebook,fine,,2025-01-01\n"
        "Facebook,later,,yesterday\n"
        ",nohandle,,\n"
        "Facebook,badurl,javascript:alert(1),\n"
    )
    result = import_accounts(load(root, use_cache=False), write(tmp_path, text))
    found = [(p.code, p.line) for p in result.problems]
    assert found == [("bad-created", 3), ("missing-value", 4), ("bad-url", 5)]
    assert all(f"row {p.line}" in p.message for p in result.problems)
    assert result.written == []
    cli_result = run(root, str(tmp_path / "accounts.csv"))
    assert cli_result.exit_code == 1
    assert "nothing written" in cli_result.output
    assert [p.name for p in (root / "actors").iterdir()] == ["network-leader.yaml"]
