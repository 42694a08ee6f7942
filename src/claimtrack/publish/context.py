"""What publish works from: the published claims that pass the gate, newest first, the
languages, the verdict scale and the site's address. Everything else is left out."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from urllib.parse import urlsplit

from ..models import Actor, Claim, DatasetSettings, Source, Status, VerdictScale
from ..problems import Problem, Severity
from ..store import Dataset, Loaded
from ..workflow.gate import RULES, scale_of
from . import i18n
from .privacy import PRIVATE_NAME, Scanner, at_field, settings_path

# The gate's rules; its name rule is met by the self-check's stricter search (see privacy.py).
NAME_RULE = "no-private-names"


@dataclass(frozen=True)
class Context:
    dataset: Dataset
    settings: DatasetSettings
    scale: VerdictScale
    base_url: str  # ends with '/'
    languages: tuple[str, ...]
    claims: tuple[Loaded[Claim], ...]  # published, passing the gate, newest first
    scanner: Scanner
    sources: dict[str, Source] = field(default_factory=dict, compare=False)
    actors: dict[str, Actor] = field(default_factory=dict, compare=False)
    # Each claim's ClaimReview JSON by (claim id, language): the page and the feed share it.
    reviews: dict[tuple[str, str], str] = field(default_factory=dict, compare=False)
    # Each claim's line in the lists by (claim id, language), around the path to the language
    # folder (see site.entry_line).
    lines: dict[tuple[str, str], tuple[str, str]] = field(default_factory=dict, compare=False)

    def source(self, source_id: str) -> Source | None:
        return self.sources.get(source_id)

    def actor(self, actor_id: str) -> Actor | None:
        return self.actors.get(actor_id)

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
    passed_before: Callable[[Context, Loaded[Claim]], bool] | None = None,
) -> tuple[Context | None, list[Problem]]:
    """The context to publish from, and the problems met. None when nothing may be published:
    a file of the dataset cannot be read (it may hold a published claim or a private name),
    there are no settings, or no address for the site.

    `passed_before(context, claim)` (publish, see write.py) is true for a claim that passed
    the gate in an earlier run, made from the same inputs (the claim, what it cites, the
    settings, the private names), at a time no later than `now`: the gate is not run again
    for it, since it would pass again (its one rule that reads the clock, a right-of-reply
    deadline that has passed, stays met as time goes on)."""
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
    scanner = Scanner(dataset)
    now = now or datetime.now(UTC)
    context = Context(dataset, settings, scale_of(dataset), url, chosen, (), scanner)
    for loaded_source in dataset.sources:  # the first of duplicate ids, as the store does
        context.sources.setdefault(loaded_source.record.id, loaded_source.record)
    for loaded_actor in dataset.actors:
        context.actors.setdefault(loaded_actor.record.id, loaded_actor.record)
    for loaded in dataset.claims:
        claim = loaded.record
        if claim.status != Status.PUBLISHED:
            continue
        if passed_before is not None and passed_before(context, loaded):
            claims.append(loaded)
            continue
        failed = [
            f"{name}: {message}"
            for name, rule in RULES.items()
            if name != NAME_RULE and (message := rule(dataset, claim, now))
        ]
        names = scanner.in_claim(claim)
        if names:
            failed.append(f"{NAME_RULE}: a private person's name appears in the claim")
        if failed:
            refused = Problem(
                "gate-failed",
                f"'{claim.id}' is marked published but the publication gate refuses it, "
                f"so it is left out of the site ({'; '.join(failed)})",
                loaded.display,
                field="/status",
            )
            problems.append(at_field(refused, loaded))
            problems += [
                at_field(
                    Problem(
                        PRIVATE_NAME,
                        f"the name of '{name.actor.id}', a private person, is in this "
                        f"published claim's {field}; write the actor's label instead "
                        f"('{name.actor.label}'). Nothing was written",
                        loaded.display,
                        field=field,
                    ),
                    loaded,
                )
                for field, name in names
            ]
            continue
        claims.append(loaded)
    claims.sort(key=lambda c: c.record.id)
    claims.sort(key=_published, reverse=True)
    return replace(context, claims=tuple(claims)), problems


def _published(loaded: Loaded[Claim]) -> float:
    moment = loaded.record.published or loaded.record.updated or loaded.record.created
    return moment.timestamp()
