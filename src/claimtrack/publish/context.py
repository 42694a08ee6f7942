"""What publish works from: the published claims that pass the gate, newest first, the
languages, the verdict scale and the site's address. Everything else is left out."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlsplit

from ..models import Actor, Claim, DatasetSettings, Source, Status, VerdictScale
from ..problems import Problem, Severity
from ..store import Dataset, Loaded
from ..workflow.gate import evaluate, private_names_in, scale_of
from . import i18n

# A private name about to be published stops the whole run: nothing is written.
PRIVATE_NAME = "private-name-in-output"


@dataclass(frozen=True)
class Context:
    dataset: Dataset
    settings: DatasetSettings
    scale: VerdictScale
    base_url: str  # ends with '/'
    languages: tuple[str, ...]
    claims: tuple[Loaded[Claim], ...]  # published, passing the gate, newest first

    def source(self, source_id: str) -> Source | None:
        loaded = self.dataset.source(source_id)
        return loaded.record if loaded else None

    def actor(self, actor_id: str) -> Actor | None:
        loaded = self.dataset.actor(actor_id)
        return loaded.record if loaded else None

    def claim_path(self, language: str, claim_id: str, ext: str = "html") -> str:
        return f"{language}/claims/{claim_id}.{ext}"

    def claim_url(self, language: str, claim_id: str) -> str:
        return self.base_url + self.claim_path(language, claim_id)


def base_url_of(settings: DatasetSettings | None, given: str | None) -> tuple[str | None, Problem]:
    """The site's address, from --base-url or the dataset's url, with a trailing '/'."""
    url = given or (settings.url if settings else None)
    missing = Problem(
        "no-base-url",
        "publishing needs the address the site will live at, for the ClaimReview urls: give "
        "--base-url https://... or set 'url' in dataset.yaml",
    )
    if not url:
        return None, missing
    parts = urlsplit(url)
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or parts.query:
        return None, Problem(
            "bad-base-url",
            f"'{url[:200]}' is not an http or https address without a query; give the site's "
            "address, such as https://checks.example.org/",
        )
    return (url if url.endswith("/") else url + "/"), missing


def prepare(
    dataset: Dataset,
    base_url: str | None = None,
    languages: tuple[str, ...] | None = None,
    now: datetime | None = None,
) -> tuple[Context | None, list[Problem]]:
    """The context to publish from, and the problems met. None when nothing may be published:
    a file of the dataset cannot be read (it may hold a published claim or a private name),
    there are no settings, or no address for the site."""
    problems = [p for p in dataset.problems if p.severity == Severity.ERROR]
    if problems:
        summary = Problem(
            "dataset-has-errors",
            f"{len(problems)} file problem(s) in the dataset; publish reads the whole dataset, "
            "so fix them first (claimtrack validate lists them)",
            str(dataset.root),
        )
        return None, [*problems, summary]
    settings = dataset.settings
    if settings is None:
        return None, [Problem("no-settings", "the dataset has no dataset.yaml", str(dataset.root))]
    url, problem = base_url_of(settings, base_url)
    if url is None:
        return None, [problem]
    wanted = languages or tuple(settings.languages)
    chosen = tuple(lang for lang in wanted if i18n.supported(lang))
    for lang in wanted:
        if not i18n.supported(lang):
            problems.append(
                Problem(
                    "language-not-published",
                    f"the site has no interface texts in '{lang}' yet (only "
                    f"{', '.join(i18n.SUPPORTED)}); pages in '{lang}' are left out",
                    settings_path(dataset),
                    field="/languages",
                    severity=Severity.WARNING,
                )
            )
    claims = []
    for loaded in dataset.claims:
        if loaded.record.status != Status.PUBLISHED:
            continue
        failed = [r for r in evaluate(dataset, loaded.record, now) if not r.met]
        if failed:
            rules = "; ".join(f"{r.rule}: {r.message}" for r in failed)
            problems.append(
                Problem(
                    "gate-failed",
                    f"'{loaded.record.id}' is marked published but the publication gate "
                    f"refuses it, so it is left out of the site ({rules})",
                    loaded.display,
                    field="/status",
                )
            )
            problems += _private_names(dataset, loaded)
            continue
        claims.append(loaded)
    claims.sort(key=lambda c: c.record.id)
    claims.sort(key=_published, reverse=True)
    context = Context(dataset, settings, scale_of(dataset), url, chosen, tuple(claims))
    return context, problems


def _private_names(dataset: Dataset, loaded: Loaded[Claim]) -> list[Problem]:
    return [
        Problem(
            PRIVATE_NAME,
            f"the name of a private person (shown as '{label}') is in this published claim's "
            f"{field}; write the actor's label instead. Nothing was written",
            loaded.display,
            field=field,
        )
        for field, label in private_names_in(dataset, loaded.record)
    ]


def _published(loaded: Loaded[Claim]) -> float:
    moment = loaded.record.published or loaded.record.updated or loaded.record.created
    return moment.timestamp()


def settings_path(dataset: Dataset) -> str:
    return dataset.settings_display or str(dataset.root / "dataset.yaml")
