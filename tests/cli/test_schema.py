"""claimtrack schema: generated JSON Schemas, kept current in the repository."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
from click.testing import CliRunner

from claimtrack.cli import cli
from claimtrack.store.parse import parse

REPO = Path(__file__).resolve().parents[2]


def test_checked_in_schemas_are_current() -> None:
    result = CliRunner().invoke(cli, ["schema", "--check", "--out", str(REPO / "schemas")])
    assert result.exit_code == 0, result.stderr


def test_check_fails_on_stale_schemas(tmp_path: Path) -> None:
    runner = CliRunner()
    assert runner.invoke(cli, ["schema", "--out", str(tmp_path)]).exit_code == 0
    (tmp_path / "claim.schema.json").write_text("{}")
    result = runner.invoke(cli, ["schema", "--check", "--out", str(tmp_path)])
    assert result.exit_code == 1
    assert "claim.schema.json: stale" in result.stderr


def test_schemas_accept_the_shipped_records() -> None:
    for name, pattern in [
        ("claim", "*/*.yaml"),
        ("source", "sources/*.yaml"),
        ("actor", "actors/*.yaml"),
        ("dataset", "dataset.yaml"),
    ]:
        schema = json.loads((REPO / "schemas" / f"{name}.schema.json").read_text())
        files = [
            p
            for p in (REPO / "claims").glob(pattern)
            if name != "claim" or p.parent.name not in ("sources", "actors")
        ]
        assert files, name
        for path in files:
            data, problem = parse(path.read_bytes(), str(path))
            assert problem is None
            jsonschema.validate(data, schema)
