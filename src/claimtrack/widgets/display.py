"""HTML fragments shared by the widgets: every text is escaped, every fragment that may mix
Arabic and Latin text carries dir="auto", and problems read the same everywhere."""

from __future__ import annotations

from collections.abc import Iterable
from html import escape

from ..problems import Problem, Severity

ICONS = {Severity.ERROR: "✖", Severity.WARNING: "⚠"}
COLOURS = {Severity.ERROR: "#b00020", Severity.WARNING: "#8a5a00"}


def text(value: object, tag: str = "span", lang: str | None = None) -> str:
    """`value` as escaped text in an element that takes its direction from its content."""
    language = f' lang="{escape(lang)}"' if lang else ""
    return f'<{tag} dir="auto"{language}>{escape(str(value))}</{tag}>'


def excerpt(value: str, limit: int = 120) -> str:
    """The start of a long text, cut at a word, for tables."""
    value = " ".join(value.split())
    if len(value) <= limit:
        return value
    cut = value[:limit].rsplit(" ", 1)[0] or value[:limit]
    return cut + "…"


def problem_html(problem: Problem) -> str:
    where = problem.field or problem.path
    place = f" <code>{escape(where)}</code>" if where else ""
    return (
        f'<div class="ct-problem ct-{problem.severity}" '
        f'style="color:{COLOURS[problem.severity]}">'
        f"{ICONS[problem.severity]} <b>{escape(problem.code)}</b>{place}: "
        f'<span dir="auto">{escape(problem.message)}</span></div>'
    )


def problems_html(problems: Iterable[Problem]) -> str:
    return "".join(problem_html(p) for p in problems)


def message_html(kind: str, message: str) -> str:
    """A one-line status message: kind is 'ok', 'error' or 'info'."""
    colour = {"ok": "#1b5e20", "error": "#b00020", "info": "#333"}.get(kind, "#333")
    return f'<div class="ct-message ct-{kind}" style="color:{colour}">{text(message)}</div>'


def table_html(header: list[str], rows: Iterable[list[str]], raw: bool = False) -> str:
    """A small table; cells are escaped unless `raw` (cells already built with `text`)."""
    head = "".join(f"<th>{escape(h)}</th>" for h in header)
    body = "".join(
        "<tr>" + "".join(f"<td>{c if raw else text(c)}</td>" for c in row) + "</tr>" for row in rows
    )
    return f'<table class="ct-table"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'
