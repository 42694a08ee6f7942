"""Import of outside fact-checks: real ClaimReview markup (tests/fixtures/claimreview, see
SOURCE.txt there), Fact Check Tools responses and CSV."""

from __future__ import annotations

import json
from datetime import date, datetime
from pathlib import Path

from click.testing import CliRunner

from claimtrack.cli import cli
from claimtrack.interop import import_checks, read_inputs
from claimtrack.interop.check import guess_language, text, when
from claimtrack.interop.claimreview import read as read_claimreview
from claimtrack.store import load
from claimtrack.validation import validate_dataset

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "claimreview"
ALL = sorted(p for p in FIXTURES.iterdir() if p.name != "SOURCE.txt")


def fixture(prefix: str) -> Path:
    return next(p for p in ALL if p.name.startswith(prefix))


def one(prefix: str):
    checks, problems = read_inputs([fixture(prefix)], "claimreview")
    assert len(checks) == 1, problems
    return checks[0]


def test_every_fixture_imports_or_yields_a_located_problem() -> None:
    assert len(ALL) == 64
    for path in ALL:
        checks, problems = read_inputs([path], "claimreview")
        assert checks or problems, path.name
        for problem in problems:
            assert problem.path == str(path)
            assert problem.line is not None or problem.field, problem
    checks, problems = read_inputs(ALL, "claimreview")
    assert len(checks) == 62
    assert sorted((Path(p.path).name[:3], p.code) for p in problems) == [
        ("019", "bad-review-url"),
        ("900", "malformed-json-ld"),
    ]


def test_the_malformed_block_is_reported_with_its_line_and_column() -> None:
    _, problems = read_inputs([fixture("900")], "claimreview")
    assert (problems[0].code, problems[0].line, problems[0].column) == ("malformed-json-ld", 6, 29)


def test_quirks_of_real_markup() -> None:
    assert one("013").review_url.startswith("https://aosfatos.org/")  # no scheme, @type a list
    assert one("025").rating == "Falso"  # @type ['ClaimReview']
    assert one("012").statement  # itemReviewed typed 'creativeWork'
    assert one("011").rating == "Incorrect"  # trailing carriage return dropped
    assert isinstance(one("007").reviewed, date)  # AFP: '2020-06-23 20:02', no zone
    assert one("014").publisher  # a Person as author
    assert one("021").rating == "زائف"  # Arabic, decomposed hamza in the statement
    assert "\u0654" not in one("021").statement  # NFC composed the hamza


def test_dates_and_texts_as_publishers_write_them() -> None:
    assert when("2020-03-27T10:46:13+0200") == datetime.fromisoformat("2020-03-27T10:46:13+02:00")
    assert when("2020-06-23 20:02") == date(2020, 6, 23)  # no zone: only the day is kept
    assert when("2022-08-24") == date(2022, 8, 24)
    assert when("") is None and when("yesterday") is None
    assert text("Incorrect \r") == "Incorrect"
    assert text(1) == "1" and text("") is None and text([{"name": "AFP"}]) == "AFP"
    assert guess_language("طائرة عمانية") == "ar" and guess_language("Vidéo truquée") == "und"


def test_html_pages_and_graphs(tmp_path: Path) -> None:
    block = fixture("004").read_text(encoding="utf-8")
    page = (
        '<!DOCTYPE html><html><head>\n<script type=\'application/ld+json\'>{"@type": "Web\n'
        'Page"}</script>\n'
        f'<script type="application/ld+json">{block}</script></head><body></body></html>'
    )
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    checks, problems = read_claimreview(page, str(path))
    assert len(checks) == 1 and checks[0].publisher == "AFP"
    assert [(p.code, p.line) for p in problems] == [("malformed-json-ld", 2)]
    capture = tmp_path / "capture.json"
    relative = fixture("019").read_text(encoding="utf-8")
    html = f'<script type="application/ld+json">{relative}</script>'
    capture.write_text(json.dumps({"url": "https://www.estadao.com.br/x", "page": html}))
    checks, problems = read_inputs([capture], "claimreview")
    assert checks[0].review_url.startswith("https://www.estadao.com.br/estadao-verifica/")


def test_import_creates_claims_never_our_verdict_and_reimport_creates_nothing(
    make_dataset,
) -> None:
    root = make_dataset()
    checks, _ = read_inputs(ALL, "claimreview")
    result = import_checks(load(root), checks, "Salma", "outside")
    assert len(result.created) == 62
    dataset = load(root, use_cache=False)
    imported = [c.record for c in dataset.claims if c.case == "outside"]
    assert len(imported) == 62
    assert all(c.verdict == "unverified" and c.status == "new" for c in imported)
    assert all(c.rationale is None for c in imported)
    arabic = next(c for c in imported if c.checked_elsewhere[0].rating == "زائف")
    assert arabic.checked_elsewhere[0].maps_to == "false" and arabic.language == "ar"
    source = dataset.source(arabic.checked_elsewhere[0].source)
    assert source is not None and source.record.kind == "fact-check"
    assert source.record.url == arabic.checked_elsewhere[0].url
    assert validate_dataset(root).ok
    again = import_checks(load(root), checks, "Salma", "outside")
    assert (len(again.created), len(again.skipped)) == (0, 62)


def test_factcheck_api_and_csv(make_dataset, tmp_path: Path) -> None:
    response = {
        "claims": [
            {
                "text": "Une vidéo montre des pilotes qui manifestent",
                "claimant": "Facebook users",
                "claimDate": "2022-06-26T00:00:00Z",
                "claimReview": [
                    {
                        "publisher": {"name": "AFP Factuel", "site": "factuel.afp.com"},
                        "url": "https://factuel.afp.com/x",
                        "title": "Non, ...",
                        "reviewDate": "2022-06-30T10:00:00Z",
                        "textualRating": "Faux",
                        "languageCode": "fr",
                    },
                    {"publisher": {"name": "Nobody"}},
                ],
            },
            "not an object",
        ]
    }
    api = tmp_path / "api.json"
    api.write_text(json.dumps(response), encoding="utf-8")
    checks, problems = read_inputs([api], "factcheck-api")
    assert [(c.language, c.rating) for c in checks] == [("fr", "Faux")]
    assert sorted(p.field for p in problems) == ["/claims/0/claimReview/1", "/claims/1"]
    sheet = tmp_path / "sheet.csv"
    sheet.write_text(
        "Claim,Link,Outlet,Verdict\n"
        "شيكات بدون رصيد,https://misbar.example/a,Misbar,زائف\n"
        ",https://misbar.example/b,Misbar,\n",
        encoding="utf-8",
    )
    mapping = {"Claim": "statement", "Link": "review_url", "Outlet": "publisher"}
    mapping["Verdict"] = "rating"
    checks, problems = read_inputs([sheet], "csv", mapping)
    assert [c.statement for c in checks] == ["شيكات بدون رصيد"]
    assert [(p.code, p.line) for p in problems] == [("incomplete-row", 3)]
    _, problems = read_inputs([sheet], "csv")
    assert problems[0].code == "csv-header"


def test_cli_import_dry_run_then_import(make_dataset) -> None:
    root = make_dataset()
    runner = CliRunner()
    files = [str(fixture("021")), str(fixture("004"))]
    dry = runner.invoke(cli, ["--data", str(root), "import", *files, "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "would create 2 claims" in dry.output
    assert not (root / "checked-elsewhere").exists()
    done = runner.invoke(cli, ["--data", str(root), "import", *files, "--by", "Salma", "-q"])
    assert done.exit_code == 0 and "created 2 claims" in done.output
    assert len(list((root / "checked-elsewhere").glob("*.yaml"))) == 2
    again = runner.invoke(cli, ["--data", str(root), "import", *files])
    assert "created 0 claims" in again.output and "2 already in the dataset" in again.output
    bad = runner.invoke(cli, ["--data", str(root), "import", str(fixture("900"))])
    assert bad.exit_code == 1 and "malformed-json-ld" in bad.output


def test_a_bad_map_option_is_a_usage_error(make_dataset) -> None:
    result = CliRunner().invoke(
        cli, ["--data", str(make_dataset()), "import", str(fixture("021")), "--map", "x=nothing"]
    )
    assert result.exit_code == 2


def test_no_progress_bar_off_a_terminal_and_quiet_lists_nothing(make_dataset) -> None:
    root = make_dataset()
    result = CliRunner().invoke(
        cli, ["--data", str(root), "import", str(fixture("021")), "--by", "Salma", "--quiet"]
    )
    assert result.exit_code == 0
    assert "it/s" not in result.output and "created " not in result.output.splitlines()[0][:8]
    assert result.output.count("\n") == 1  # the summary line only


def test_an_unknown_member_cannot_import(make_dataset) -> None:
    root = make_dataset()
    result = CliRunner().invoke(
        cli, ["--data", str(root), "import", str(fixture("021")), "--by", "Nobody"]
    )
    assert result.exit_code == 1 and "not-on-team" in result.output
    assert not (root / "checked-elsewhere").exists()


def test_a_non_utf8_file_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    bad = tmp_path / "latin1.json"
    bad.write_bytes('{"claimReviewed": "caf\xe9"}'.encode("latin-1"))
    checks, problems = read_inputs([bad, tmp_path / "missing.json"], "claimreview")
    assert not checks
    assert [p.code for p in problems] == ["not-utf8", "unreadable-file"]


def test_more_quirks_each_from_a_real_file() -> None:
    africa = one("011")  # '2020-03-27T10:46:13+0200': a zone without its colon
    assert isinstance(africa.reviewed, datetime) and africa.reviewed.utcoffset().seconds == 7200
    assert "@context" not in fixture("027").read_text(encoding="utf-8")
    assert one("027").publisher == "Newtral"  # no @context at all
    assert one("012").rating  # ratingValue a number, itemReviewed typed 'creativeWork'
    assert one("016").rating and one("017").rating  # ratingValue absent: the text is kept


def test_an_import_stopped_half_way_is_completed_by_running_it_again(make_dataset) -> None:
    root = make_dataset()
    checks, _ = read_inputs([fixture("021")], "claimreview")
    planned = import_checks(load(root), checks, "Salma", dry_run=True).created[0]
    source_path = root / "sources" / f"{planned.source.id}.yaml"
    from claimtrack.store import create_documents

    create_documents([(source_path, "source", planned.source)])  # the claim never written
    result = import_checks(load(root), checks, "Salma")
    assert [(p.claim.id, p.new_source) for p in result.created] == [(planned.claim.id, False)]
    assert validate_dataset(root).ok
