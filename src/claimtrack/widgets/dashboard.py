"""The desk dashboard: counts by status, verdict and category, how long claims have been in
their status, throughput per week, and the quality checks of `claimtrack quality`.

Everything is computed from `claimtrack.frames` (the same tables quality checks), so the
dashboard shows no private data: actors are not in it at all, claims by id only.
"""

from __future__ import annotations

import importlib.util
from typing import Any

import ipywidgets as widgets
import pandas as pd

from ..frames import Frames, build
from ..models import Status
from ..problems import ClaimtrackError, Problem
from ..verdicts import label_text
from ..workflow.gate import scale_of
from .charts import new_figure, png
from .display import problems_html, table_html, text
from .session import Desk

STATUS_ORDER = [s.value for s in Status]
TABLE_WEEKS = 12
RIGHT_TO_LEFT = {"ar", "fa", "he", "ur", "ps", "yi", "dv", "ckb"}
CHARTS = ("status", "verdict", "category", "ageing", "throughput")


def counts_of(frames: Frames) -> dict[str, dict[str, int]]:
    """Claims per status, verdict and category (values with no claim left out)."""
    claims = frames.claims
    result: dict[str, dict[str, int]] = {}
    for column in ("status", "verdict", "category"):
        counted = claims[column].value_counts(sort=False)
        result[column] = {str(k): int(v) for k, v in counted.items() if v}
    return result


def ageing_of(frames: Frames) -> pd.DataFrame:
    """Per status: claims, and the median and longest days since they entered it."""
    claims = frames.claims
    if claims.empty:
        return pd.DataFrame(columns=["status", "claims", "median_days", "max_days"])
    grouped = claims.groupby("status", observed=True)["days_in_status"]
    table = pd.DataFrame(
        {
            "claims": grouped.size(),
            "median_days": grouped.median().round(1),
            "max_days": grouped.max().round(1),
        }
    ).reset_index()
    table["status"] = table["status"].astype(str)
    table["order"] = table["status"].map(
        lambda s: STATUS_ORDER.index(s) if s in STATUS_ORDER else 99
    )
    return table.sort_values("order").drop(columns="order").reset_index(drop=True)


def throughput_of(frames: Frames) -> pd.DataFrame:
    """Per ISO week (2025-W15): moves along the workflow, and claims published."""
    history = frames.history
    moves = history[history["to"].notna() & (history["action"] != "created")]
    if moves.empty:
        return pd.DataFrame(columns=["week", "moved", "published"])
    iso = moves["time"].dt.isocalendar()
    week = iso["year"].astype(str) + "-W" + iso["week"].astype(str).str.zfill(2)
    table = pd.DataFrame(
        {"week": week.to_numpy(), "published": (moves["to"] == "published").to_numpy()}
    )
    grouped = table.groupby("week")
    return (
        pd.DataFrame({"moved": grouped.size(), "published": grouped["published"].sum()})
        .astype("int64")
        .reset_index()
        .sort_values("week")
        .reset_index(drop=True)
    )


class Dashboard(widgets.VBox):
    """The desk at a glance; `refresh()` recomputes it (also after every save on the desk)."""

    def __init__(self, desk: Desk) -> None:
        self.desk = desk
        self.counts: dict[str, dict[str, int]] = {}
        self.ageing = pd.DataFrame()
        self.throughput = pd.DataFrame()
        self.charts: dict[str, bytes] = {}
        self.quality_results: list[dict[str, Any]] = []
        self.quality_problems: list[Any] = []
        self.summary = widgets.HTML()
        self.images = {
            name: widgets.Image(
                format="png",
                layout=widgets.Layout(max_width="840px" if name == "throughput" else "420px"),
            )
            for name in CHARTS
        }
        self.tables = widgets.HTML()
        self.refresh_button = widgets.Button(description="Refresh", icon="refresh")
        self.refresh_button.add_class("ct-refresh")
        self.refresh_button.on_click(lambda _: self.reload())
        self.quality_button = widgets.Button(
            description="Run quality checks", icon="check-square-o", button_style="info"
        )
        self.quality_button.add_class("ct-run-quality")
        self.quality_button.on_click(lambda _: self.run_quality())
        self.quality_status = widgets.HTML(
            "<i>Quality checks (Great Expectations) have not run in this session.</i>"
        )
        self.quality_table = widgets.HTML()
        super().__init__(
            [
                widgets.HBox([self.refresh_button, self.quality_button]),
                self.summary,
                widgets.HBox([self.images["status"], self.images["verdict"]]),
                widgets.HBox([self.images["category"], self.images["ageing"]]),
                self.images["throughput"],
                self.tables,
                self.quality_status,
                self.quality_table,
            ]
        )
        self.add_class("ct-dashboard")
        desk.on_reload(self.refresh)
        self.refresh()

    def reload(self) -> None:
        """Read the dataset again (files edited elsewhere), then redraw."""
        self.desk.reload()

    def refresh(self) -> None:
        frames = build(self.desk.dataset)
        scale = scale_of(self.desk.dataset)
        language = self.desk.language
        self.counts = counts_of(frames)
        self.ageing = ageing_of(frames)
        self.throughput = throughput_of(frames)
        total = len(frames.claims)
        self.summary.value = (
            f"<b>{total} claims</b> in {text(self.desk.root.name, 'code')}; "
            f"{self.counts['status'].get('published', 0)} published, "
            f"{sum(self.counts['status'].get(s, 0) for s in ('researching', 'in-review'))} "
            "in research or review"
        )
        # Matplotlib draws Arabic letters unjoined and left to right: charts of a desk working
        # in a right-to-left language label verdicts in English.
        chart_language = "en" if language.split("-")[0] in RIGHT_TO_LEFT else language
        verdicts = {
            label_text(scale, k, chart_language): v for k, v in self.counts["verdict"].items()
        }
        statuses = {s: self.counts["status"].get(s, 0) for s in STATUS_ORDER}
        self.charts = {
            "status": self._bars(statuses, "Claims by status"),
            "verdict": self._bars(verdicts, "Claims by verdict"),
            "category": self._bars(self.counts["category"], "Claims by category"),
            "ageing": self._ageing_chart(),
            "throughput": self._throughput_chart(),
        }
        for name, image in self.images.items():
            image.value = self.charts[name]
        self.tables.value = (
            "<b>Days in the current status</b>"
            + table_html(
                ["status", "claims", "median days", "longest"],
                [
                    [r.status, str(r.claims), f"{r.median_days:g}", f"{r.max_days:g}"]
                    for r in self.ageing.itertuples()
                ],
            )
            + f"<b>Throughput per ISO week</b> (the latest {TABLE_WEEKS} with moves)"
            + table_html(
                ["week", "moves", "published"],
                [
                    [r.week, str(r.moved), str(r.published)]
                    for r in self.throughput.tail(TABLE_WEEKS).itertuples()
                ],
            )
        )

    def run_quality(self) -> list[dict[str, Any]]:
        """Run the dataset's quality suite (Great Expectations: a few seconds) and show it."""
        if importlib.util.find_spec("great_expectations") is None:
            problem = Problem(
                "missing-extra",
                "the quality checks need the 'quality' extra: pip install 'claimtrack[quality]'",
            )
            self.quality_problems, self.quality_results = [problem], []
            self.quality_status.value = problems_html([problem])
            return self.quality_results
        self.quality_status.value = "<i>Running the quality checks (Great Expectations)…</i>"
        self.quality_button.disabled = True
        try:
            from ..quality import check_dataset

            report, problems = check_dataset(self.desk.dataset)
        except ClaimtrackError as exc:
            report, problems = None, [exc.problem]
        finally:
            self.quality_button.disabled = False
        self.quality_problems = problems
        if report is None:
            self.quality_results = []
            self.quality_status.value = "<b>The quality checks could not run</b>" + problems_html(
                problems
            )
            self.quality_table.value = ""
            return self.quality_results
        self.quality_results = [
            {
                "expectation": o.name,
                "frame": o.frame,
                "columns": ", ".join(o.columns),
                "severity": str(o.severity),
                "success": o.success,
                "failing": o.failing,
                "rows": o.rows,
                "description": o.description,
                "examples": ", ".join(e.id for e in o.examples),
            }
            for o in report.outcomes
        ]
        failed = report.failed
        errors = sum(o.severity == "error" for o in failed)
        self.quality_status.value = (
            f"<b>Quality</b>: {len(report.outcomes)} expectations, {len(failed)} failed "
            f"({errors} errors, {len(failed) - errors} warnings)"
            + (
                f"; {report.unread} files left out: run claimtrack validate"
                if report.unread
                else ""
            )
        )
        ordered = sorted(self.quality_results, key=lambda r: (r["success"], r["severity"]))
        self.quality_table.value = table_html(
            ["expectation", "table", "severity", "success", "failing", "what it checks", "e.g."],
            [
                [
                    r["expectation"],
                    f"{r['frame']}.{r['columns']}",
                    r["severity"],
                    "✓" if r["success"] else "✗",
                    f"{r['failing']} of {r['rows']}",
                    r["description"],
                    r["examples"],
                ]
                for r in ordered
            ],
        )
        return self.quality_results

    # Charts ----------------------------------------------------------------------------

    def _bars(self, values: dict[str, int], title: str) -> bytes:
        figure, axes = new_figure()
        labels = list(values)
        axes.barh(labels[::-1], [values[k] for k in labels][::-1], color="#4c72b0")
        axes.set_title(title)
        axes.set_xlabel("claims")
        axes.xaxis.get_major_locator().set_params(integer=True)
        return png(figure)

    def _ageing_chart(self) -> bytes:
        figure, axes = new_figure()
        if self.ageing.empty:
            axes.text(0.5, 0.5, "no claims", ha="center", va="center")
        else:
            statuses = list(self.ageing["status"])[::-1]
            axes.barh(statuses, list(self.ageing["max_days"])[::-1], color="#dd8452", label="max")
            axes.barh(
                statuses, list(self.ageing["median_days"])[::-1], color="#c44e52", label="median"
            )
            axes.legend(loc="lower right")
        axes.set_title("Days in the current status")
        axes.set_xlabel("days")
        return png(figure)

    def _throughput_chart(self) -> bytes:
        figure, axes = new_figure(width=8)
        if self.throughput.empty:
            axes.text(0.5, 0.5, "no moves yet", ha="center", va="center")
        else:
            weeks = list(self.throughput["week"])
            axes.bar(weeks, list(self.throughput["moved"]), color="#8c8c8c", label="moves")
            axes.bar(weeks, list(self.throughput["published"]), color="#55a868", label="published")
            axes.legend()
            step = max(1, len(weeks) // 12)  # at most a dozen week labels
            axes.set_xticks(range(0, len(weeks), step), weeks[::step])
            axes.tick_params(axis="x", rotation=45)
        axes.set_title("Throughput per ISO week")
        axes.set_ylabel("claims")
        return png(figure)
