"""The site of the lifecycle case, file by file, against golden copies in golden/.

After a deliberate change to the pages, regenerate them and review the diff:

    CLAIMTRACK_REGENERATE_GOLDEN=1 .venv/bin/pytest tests/publish/test_golden.py
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from .test_site import MANIFEST, run, tree

GOLDEN = Path(__file__).resolve().parent / "golden"


def test_the_site_matches_the_golden_files(published_case: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    run(published_case, "publish", "--out", str(site))
    produced = {rel: data for rel, data in tree(site).items() if rel != MANIFEST}
    if os.environ.get("CLAIMTRACK_REGENERATE_GOLDEN") == "1":
        shutil.rmtree(GOLDEN, ignore_errors=True)
        for rel, data in produced.items():
            (GOLDEN / rel).parent.mkdir(parents=True, exist_ok=True)
            (GOLDEN / rel).write_bytes(data)
    expected = tree(GOLDEN)
    assert sorted(produced) == sorted(expected), "files differ; see the module's docstring"
    for rel, data in produced.items():
        assert data.decode("utf-8") == expected[rel].decode("utf-8"), rel
