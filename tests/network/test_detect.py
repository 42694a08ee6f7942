"""Coordinated sharing detection: the planted group is found, organic accounts are not, the
evidence rows are right, bad tables are refused, and --write records suspected links only."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from claimtrack.cli import cli
from claimtrack.network import synth
from claimtrack.network.detect import (
    accounts_in,
    detect,
    object_key,
    precision_recall,
    read_posts,
)
from claimtrack.problems import ClaimtrackError
from claimtrack.store import load
from claimtrack.validation import validate_dataset


def write(tmp_path, text: str | bytes, name: str = "posts.csv"):
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_the_planted_group_is_found_and_organic_accounts_are_not(tmp_path, seed, capsys):
    rows, planted = synth.posts(n_posts=20_000, n_accounts=2_000, group=8, campaigns=20, seed=seed)
    path = tmp_path / "posts.csv"
    synth.write_csv(path, rows)
    found = detect(read_posts(path), window=60, min_repeat=3)
    accounts = accounts_in(found.groups)
    precision, recall = precision_recall(accounts, planted.accounts)
    with capsys.disabled():
        print(f"\nseed {seed}: precision {precision:.2f}, recall {recall:.2f}")
    assert (precision, recall) == (1.0, 1.0)
    assert not accounts & set(planted.organic)
    [group] = found.groups
    assert len(group.edges) == 8 * 7 // 2
    assert all(edge.count >= 20 for edge in group.edges)


def test_a_smaller_repeat_threshold_lets_chance_in(tmp_path) -> None:
    """With min-repeat 1 a single chance co-share is enough: precision falls, recall holds."""
    rows, planted = synth.posts(n_posts=20_000, n_accounts=2_000, seed=1)
    path = tmp_path / "posts.csv"
    synth.write_csv(path, rows)
    found = accounts_in(detect(read_posts(path), window=60, min_repeat=1).groups)
    precision, recall = precision_recall(found, planted.accounts)
    assert recall == 1.0 and precision < 1.0


POSTS = """\
account,platform,time,url
a,Facebook,2025-04-01T10:00:00Z,https://x.example/1
b,Facebook,2025-04-01T10:00:30Z,https://X.example/1/
c,Facebook,2025-04-01T10:05:00Z,https://x.example/1
a,Facebook,2025-04-02T10:00:00Z,https://x.example/2#top
b,Facebook,2025-04-02T11:00:59+01:00,https://x.example/2
a,Facebook,2025-04-03T10:00:00Z,https://x.example/3
a,Facebook,2025-04-03T10:00:10Z,https://x.example/3
"""


def test_pairs_their_count_and_the_lines_behind_them(tmp_path) -> None:
    found = detect(read_posts(write(tmp_path, POSTS)), window=60, min_repeat=2)
    [group] = found.groups
    assert group.accounts == ["Facebook:a", "Facebook:b"]
    [edge] = group.edges
    assert (edge.a, edge.b, edge.count) == ("Facebook:a", "Facebook:b", 2)
    # c came 5 minutes later; a's two posts of link 3 are one account, not a pair.
    assert edge.rows == [(2, 3, "https://x.example/1", 30.0), (5, 6, "https://x.example/2", 59.0)]


def test_texts_are_compared_after_normalisation(tmp_path) -> None:
    text = (
        "account,time,text\n"
        "a,2025-04-01T10:00:00Z,الشركة المنافسة فاسدة!\n"
        "b,2025-04-01T10:00:05Z,الشركه المنافسه فاسده\n"
        "a,2025-04-02T10:00:00Z,Non prouvé\n"
        "b,2025-04-02T10:00:05Z,non PROUVE\n"
    )
    found = detect(read_posts(write(tmp_path, text)), window=10, min_repeat=2)
    assert [g.accounts for g in found.groups] == [["a", "b"]]
    assert object_key("text", "  ") == ""


def test_columns_are_mapped(tmp_path) -> None:
    text = "user,posted,link\na,2025-04-01T10:00:00Z,https://x.example/1\n"
    posts = read_posts(write(tmp_path, text), {"user": "account", "posted": "time", "link": "url"})
    assert (len(posts), posts.kind) == (1, "url")


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("", "empty-table"),
        ("account,time\na,2025-04-01T10:00:00Z\n", "missing-column"),
        ("account,url\na,https://x.example\n", "missing-column"),
        (b"account,time,url\na,2025-04-01T10:00:00Z,https://x.example/caf\xe9\n", "not-utf8"),
    ],
)
def test_bad_tables_are_refused(tmp_path, text, code) -> None:
    with pytest.raises(ClaimtrackError) as refused:
        read_posts(write(tmp_path, text))
    assert refused.value.problem.code == code


def test_bad_times_are_reported_with_their_row(tmp_path, make_dataset) -> None:
    text = (
        "account,time,url\n"
        "a,2025-04-01T10:00:00Z,https://x.example/1\n"
        "b,yesterday,https://x.example/1\n"
        "c,2025-04-01T10:00:00,https://x.example/1\n"
    )
    posts = read_posts(write(tmp_path, text))
    assert [(p.code, p.line) for p in posts.problems] == [("bad-time", 3), ("bad-time", 4)]
    assert "row 3" in posts.problems[0].message
    result = CliRunner().invoke(
        cli, ["--data", str(make_dataset()), "network", "detect", str(tmp_path / "posts.csv")]
    )
    assert result.exit_code == 1
    assert "bad-time" in result.output


ACCOUNTS = "platform,handle\nFacebook,a\nFacebook,b\n"


def test_write_records_suspected_links_between_recorded_accounts(tmp_path, make_dataset):
    root = make_dataset()
    runner = CliRunner()
    imported = runner.invoke(
        cli,
        [
            "--data",
            str(root),
            "network",
            "import-accounts",
            str(write(tmp_path, ACCOUNTS, "a.csv")),
        ],
    )
    assert imported.exit_code == 0, imported.output
    posts = str(write(tmp_path, POSTS))
    args = ["--data", str(root), "network", "detect", posts, "--min-repeat", "2", "--write"]
    result = runner.invoke(cli, [*args, "--by", "Salma"])
    assert result.exit_code == 0, result.output
    assert "recorded: facebook-a tied-to facebook-b (suspected)" in result.output
    dataset = load(root, use_cache=False)
    [link] = dataset.actor("facebook-a").record.links
    assert (str(link.kind), link.to, str(link.confidence)) == ("tied-to", "facebook-b", "suspected")
    source = dataset.source(link.evidence[0].source).record
    assert source.sha256 and "lines 2/3, 5/6" in link.evidence[0].shows
    assert "Salma" in link.note
    assert validate_dataset(root, use_cache=False).problems == []
    again = runner.invoke(cli, [*args, "--by", "Salma"])
    assert "0 suspected links written" in again.output
    assert len(load(root, use_cache=False).actor("facebook-a").record.links) == 1


def test_json_output(tmp_path, make_dataset) -> None:
    result = CliRunner().invoke(
        cli,
        [
            "--data",
            str(make_dataset()),
            "network",
            "detect",
            str(write(tmp_path, POSTS)),
            "--min-repeat",
            "2",
            "--format",
            "json",
        ],
    )
    data = json.loads(result.output)
    [group] = data["groups"]
    assert group["edges"][0]["evidence"][0] == {
        "lines": [2, 3],
        "object": "https://x.example/1",
        "seconds_apart": 30.0,
    }


def test_a_missing_table_is_a_usage_error(tmp_path, make_dataset) -> None:
    root = str(make_dataset())
    for command in ("detect", "import-accounts"):
        result = CliRunner().invoke(cli, ["--data", root, "network", command, "nope.csv"])
        assert result.exit_code == 2


NEAR = """\
account,time,text
a,2025-04-01T10:00:00Z,the competing company cheats the commune in the cleaning tender again
b,2025-04-01T10:00:05Z,the competing company cheats the commune in the cleaning tender once again
a,2025-04-02T10:00:00Z,الشركة المنافسة تغش الجماعة في صفقة النظافة مرة أخرى اليوم
b,2025-04-02T10:00:05Z,الشركه المنافسه تغش الجماعه في صفقه النظافه مره اخرى
c,2025-04-02T10:00:07Z,a completely different post about the weather in fes today
"""


def test_near_duplicate_texts_are_one_object_when_asked(tmp_path, make_dataset) -> None:
    from claimtrack.network.similar import groups, merge_near_duplicates

    path = write(tmp_path, NEAR)
    assert detect(read_posts(path), window=10, min_repeat=2).groups == []
    posts = read_posts(path)
    assert merge_near_duplicates(posts, 0.8) == 2
    found = detect(posts, window=10, min_repeat=2)
    assert [g.accounts for g in found.groups] == [["a", "b"]]
    assert groups(["x y z", "p q r", "x y z w"], 0.7) == [0, 1, 0]
    result = CliRunner().invoke(
        cli,
        [
            "--data",
            str(make_dataset()),
            "network",
            "detect",
            str(path),
            "--window",
            "10",
            "--min-repeat",
            "2",
            "--similarity",
            "0.8",
        ],
    )
    assert result.exit_code == 0, result.output
    assert "a -- b: 2 objects" in result.output


def test_similarity_is_for_texts_only(tmp_path) -> None:
    from claimtrack.network.similar import merge_near_duplicates

    with pytest.raises(ClaimtrackError):
        merge_near_duplicates(read_posts(write(tmp_path, POSTS)), 0.8)
