"""Make the Data Docs site that Great Expectations wrote readable offline.

GX's pages load Bootstrap, jQuery, bootstrap-table, Font Awesome and Vega from CDNs, and its
index fills its tables of results with JavaScript from those CDNs: opened from disk without a
network, the index shows no results. So every page loses its remote stylesheets and scripts
(nothing is fetched), the remote logo is replaced by the local copy GX ships in static/, and
the index gets the results as plain HTML (the claimtrack summary: every expectation with its
severity, failing rows, examples and a link to the frame's validation page). The validation
and suite pages are rendered by GX as HTML already, so their text shows without scripts.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

from .report import QualityReport

_REMOTE_SCRIPT = re.compile(r"<script[^>]*\bsrc=\"https?://[^\"]*\"[^>]*>\s*</script>", re.I)
_REMOTE_LINK = re.compile(r"<link[^>]*\bhref=\"https?://[^\"]*\"[^>]*>", re.I)
_REMOTE_IMG = re.compile(r"(<img[^>]*\bsrc=\")https?://[^\"]*logo[^\"]*(\")", re.I)
# Without Bootstrap, GX's fixed footer and its hidden call-to-action cover the text: a little
# local CSS keeps every page readable.
_PAGE_STYLE = """<style>
body{font-family:system-ui,sans-serif;margin:1em}
footer,.fixed-bottom{position:static !important}
.invisible,#ge-cta-footer{display:none}
td,th{padding:.2em .5em;vertical-align:top}
</style>"""
_STYLE = """<style>
#claimtrack-summary{font-family:system-ui,sans-serif;margin:1em;max-width:70em}
#claimtrack-summary table{border-collapse:collapse;width:100%}
#claimtrack-summary th,#claimtrack-summary td{border:1px solid #ccc;padding:.3em;text-align:left;
vertical-align:top}
#claimtrack-summary .error{color:#a00;font-weight:bold}
#claimtrack-summary .warning{color:#a60;font-weight:bold}
#claimtrack-summary .passed{color:#070}
</style>"""


def make_offline(folder: Path, report: QualityReport) -> Path:
    """Strip remote resources from every page, add the summary to the index; returns it."""
    for page in folder.rglob("*.html"):
        depth = len(page.relative_to(folder).parts) - 1
        text = page.read_text(encoding="utf-8")
        text = _REMOTE_SCRIPT.sub("", text)
        text = _REMOTE_LINK.sub("", text)
        text = _REMOTE_IMG.sub(rf"\g<1>{'../' * depth}static/images/logo-long.png\g<2>", text)
        text = text.replace("</head>", f"{_PAGE_STYLE}\n</head>", 1)
        page.write_text(text, encoding="utf-8")
    index = folder / "index.html"
    text = index.read_text(encoding="utf-8")
    summary = _summary(folder, report)
    text = text.replace("</head>", f"{_STYLE}\n</head>", 1)
    text = re.sub(r"(<body[^>]*>)", lambda m: f"{m.group(1)}\n{summary}", text, count=1)
    index.write_text(text, encoding="utf-8")
    return index


def _summary(folder: Path, report: QualityReport) -> str:
    pages = {}
    for page in sorted((folder / "validations").rglob("*.html")):
        suite = page.relative_to(folder / "validations").parts[0]
        pages[suite] = page.relative_to(folder).as_posix()  # the latest run of each frame
    failed = report.failed
    errors = sum(o.severity == "error" for o in failed)
    rows = []
    for o in report.outcomes:
        state = "passed" if o.success else str(o.severity)
        link = pages.get(o.frame)
        frame = f'<a href="{html.escape(link)}">{o.frame}</a>' if link else o.frame
        examples = ", ".join(html.escape(e.id) for e in o.examples)
        rows.append(
            f'<tr><td class="{state}">{"passed" if o.success else "FAILED " + state}</td>'
            f"<td>{html.escape(o.name)}</td><td>{frame}.{html.escape(', '.join(o.columns))}</td>"
            f"<td>{o.failing} of {o.rows}</td><td>{html.escape(o.description)}</td>"
            f"<td>{examples}</td></tr>"
        )
    verdict = "no error-level expectation failed" if report.ok else f"{errors} error(s)"
    return (
        '<section id="claimtrack-summary">'
        "<h1>claimtrack quality</h1>"
        f"<p>{len(report.outcomes)} expectations, {len(failed)} failed: {verdict}. "
        "Each frame's full results are on its validation page (linked).</p>"
        "<table><thead><tr><th>result</th><th>expectation</th><th>frame.column</th>"
        "<th>failing rows</th><th>description</th><th>examples</th></tr></thead><tbody>"
        + "".join(rows)
        + "</tbody></table></section>"
    )
