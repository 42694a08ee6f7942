"""Run the suite with Great Expectations: an ephemeral context, one pandas data asset per frame,
one expectation suite and one checkpoint per frame. Offline and quiet: no usage statistics,
no progress bars, no GX warnings or log lines for the user."""

from __future__ import annotations

import contextlib
import importlib
import io
import logging
import numbers
import os
import sys
import types
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from ..frames import Frames
from ..problems import Severity
from .report import MAX_EXAMPLES, Example, Outcome, QualityReport
from .suite import Check, expectation_classes

_GX_SEVERITY = {Severity.ERROR: "critical", Severity.WARNING: "warning"}
_SITE = "claimtrack"


def _prepare_environment() -> None:
    """Before great_expectations is imported: no analytics, and no tqdm bars anywhere."""
    os.environ["GX_ANALYTICS_ENABLED"] = "false"
    os.environ.setdefault("TQDM_DISABLE", "1")


class _Deferred(types.ModuleType):
    """Stands for a module until one of its attributes is used, then imports it."""

    def __getattr__(self, attribute: str) -> Any:
        module = importlib.import_module(self.__name__)
        self.__dict__.update(module.__dict__)
        return getattr(module, attribute)


@contextlib.contextmanager
def _stand_in(name: str, value: Any) -> Iterator[None]:
    """`sys.modules[name]` is `value` while GX is imported, unless `name` is already there."""
    if name in sys.modules:
        yield
        return
    sys.modules[name] = value
    try:
        yield
    finally:
        if sys.modules.get(name) is value:
            del sys.modules[name]


def import_gx() -> Any:
    """Import GX for a short command. Two optional imports cost more than half of its import
    time and serve nothing here: altair, imported at the top of one expectation for charts that
    claimtrack never renders, gets a stand-in that imports it on first use; rfc3987_syntax,
    which jsonschema tries in order to check the 'iri' format and which compiles a grammar on
    import, is reported missing (jsonschema then skips that one format)."""
    _prepare_environment()
    with _stand_in("altair", _Deferred("altair")), _stand_in("rfc3987_syntax", None):
        import great_expectations

    return great_expectations


@contextlib.contextmanager
def quiet() -> Iterator[None]:
    """Great Expectations' warnings, log records and stray prints stay out of the user's way."""
    logger = logging.getLogger("great_expectations")
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.CRITICAL + 1)
    logger.propagate = False
    sink = io.StringIO()
    try:
        with (
            warnings.catch_warnings(),
            contextlib.redirect_stdout(sink),
            contextlib.redirect_stderr(sink),
        ):
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
        logger.propagate = propagate


def run(frames: Frames, checks: list[Check], docs: Path | None = None) -> QualityReport:
    """Run `checks` on `frames`; with `docs`, also write the Data Docs site into that folder."""
    with quiet():
        gx = import_gx()
        from great_expectations.data_context.types.base import ProgressBarsConfig

        context = gx.get_context(mode="ephemeral")
        context.variables.progress_bars = ProgressBarsConfig(globally=False)
        if docs is not None:
            context.add_data_docs_site(
                site_name=_SITE,
                site_config={
                    "class_name": "SiteBuilder",
                    "store_backend": {
                        "class_name": "TupleFilesystemStoreBackend",
                        "base_directory": str(docs.resolve()),
                    },
                    "site_index_builder": {"class_name": "DefaultSiteIndexBuilder"},
                },
            )
        source = context.data_sources.add_pandas("claimtrack")
        report = QualityReport(frames={n: len(frames.get(n)) for n in Frames.names()})
        for name in Frames.names():
            mine = [c for c in checks if c.frame == name]
            if mine:
                report.outcomes += _run_frame(gx, context, source, name, frames.get(name), mine,
                                              docs is not None)  # fmt: skip
        if docs is not None:
            context.build_data_docs(site_names=[_SITE])
    order = {n: i for i, n in enumerate(Frames.names())}
    report.outcomes.sort(key=lambda o: (order[o.frame], o.name))
    return report


def _run_frame(
    gx: Any, context: Any, source: Any, name: str, frame: Any, checks: list[Check], docs: bool
) -> list[Outcome]:
    asset = source.add_dataframe_asset(name)
    batch = asset.add_batch_definition_whole_dataframe(name)
    suite = context.suites.add(gx.ExpectationSuite(name=name))
    classes = expectation_classes()
    for check in checks:
        suite.add_expectation(
            classes[check.type](
                **check.kwargs,
                description=check.description,
                severity=_GX_SEVERITY[check.severity],
                meta={"claimtrack": check.name, "severity": str(check.severity)},
            )
        )
    definition = context.validation_definitions.add(
        gx.ValidationDefinition(name=name, data=batch, suite=suite)
    )
    actions = [gx.checkpoint.UpdateDataDocsAction(name="docs", site_names=[_SITE])] if docs else []
    checkpoint = context.checkpoints.add(
        gx.Checkpoint(
            name=name,
            validation_definitions=[definition],
            actions=actions,
            result_format={
                "result_format": "SUMMARY",
                "partial_unexpected_count": MAX_EXAMPLES,
                "return_unexpected_index_query": False,
            },
        )
    )
    result = checkpoint.run(batch_parameters={"dataframe": frame})
    by_name = {c.name: c for c in checks}
    outcomes = []
    for validation in result.run_results.values():
        for item in validation.results:
            check = by_name[item.expectation_config.meta["claimtrack"]]
            outcomes.append(_outcome(check, item, frame))
    return outcomes


def _outcome(check: Check, item: Any, frame: Any) -> Outcome:
    """The outcome of one expectation; example rows come back as positions in the frame (GX
    looks up named index columns one cell at a time, seconds on 10,000 rows)."""
    info = item.exception_info or {}
    raised = info.get("raised_exception") if isinstance(info, dict) else None
    exception = None
    if raised:
        message = str(info.get("exception_message") or "").strip().splitlines()
        exception = message[0] if message else "Great Expectations could not run this expectation"
    result = item.result or {}
    examples: list[Example] = []
    ids, paths = frame["id"], frame["path"]
    for row in result.get("partial_unexpected_index_list") or []:
        if not isinstance(row, numbers.Integral) or not 0 <= row < len(frame):
            continue
        example = Example(str(ids.iat[row]), str(paths.iat[row]))
        if example not in examples:
            examples.append(example)
        if len(examples) == MAX_EXAMPLES:
            break
    failing = int(result.get("unexpected_count") or 0)
    return Outcome(
        name=check.name,
        frame=check.frame,
        columns=check.columns,
        type=check.type,
        severity=check.severity,
        description=check.description,
        success=bool(item.success) and not raised,
        failing=failing,
        rows=len(frame),
        examples=examples,
        exception=exception,
    )
