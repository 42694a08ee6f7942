"""claimtrack validate, list, show and new."""

from __future__ import annotations

import json
from typing import Any

import click
from pydantic import ValidationError

from ..authoring import add_record, current_user, new_claim_record
from ..models import Actor, ActorKind, Category, Claim, Source, SourceKind, Status
from ..problems import Problem
from ..store import Dataset, plain, render
from . import Context
from .output import fail, open_dataset, table

FORMAT = click.Choice(["text", "json"])


LIST_COLUMNS = ["id", "case", "status", "category", "verdict", "language", "assignee"]


def claim_row(dataset: Dataset, loaded: Any) -> dict[str, Any]:
    claim: Claim = loaded.record
    return {
        "id": claim.id,
        "path": loaded.display,
        "case": loaded.case,
        "status": str(claim.status),
        "category": str(claim.category),
        "verdict": claim.verdict,
        "language": claim.language,
        "assignee": claim.assignee,
        "reviewer": claim.reviewer,
        "statement": claim.statement,
    }


@click.command("list")
@click.option("--status", type=click.Choice([s.value for s in Status]), multiple=True)
@click.option("--category", type=click.Choice([c.value for c in Category]), multiple=True)
@click.option("--case", multiple=True, help="Case folder name.")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
)
@click.pass_obj
def list_claims(
    ctx: Context,
    status: tuple[str, ...],
    category: tuple[str, ...],
    case: tuple[str, ...],
    fmt: str,
) -> None:
    """List the claims, filtered by status, category or case (each option repeatable).

    Files with problems are left out; 'claimtrack validate' lists those.

    \b
    Example:
      claimtrack list --status new --status triaged
      claimtrack list --case fes-meknes-network --format json
    """
    dataset = open_dataset(ctx)
    rows = [
        claim_row(dataset, loaded)
        for loaded in sorted(dataset.claims, key=lambda c: (c.case or "", c.record.id))
        if (not status or loaded.record.status in status)
        and (not category or loaded.record.category in category)
        and (not case or loaded.case in case)
    ]
    table(rows, LIST_COLUMNS, fmt)
    skipped = len({p.path for p in dataset.problems})
    if skipped and fmt == "table":
        files = "1 file has" if skipped == 1 else f"{skipped} files have"
        click.echo(f"({files} problems and may be left out: run 'claimtrack validate')", err=True)


@click.command()
@click.argument("record_id")
@click.option(
    "--format", "fmt", type=click.Choice(["yaml", "json"]), default="yaml", show_default=True
)
@click.pass_obj
def show(ctx: Context, record_id: str, fmt: str) -> None:
    """Show one record (claim, source or actor) by its id.

    \b
    Example:
      claimtrack show network-fake-accounts
      claimtrack show al-assima-2025-04-09-network --format json
    """
    dataset = open_dataset(ctx)
    found = next((r for r in dataset.records() if r.record.id == record_id), None)
    if found is None:
        fail(
            Problem(
                "unknown-id",
                f"no claim, source or actor has the id '{record_id}'; 'claimtrack list' shows ids",
                str(ctx.data),
            )
        )
        return
    if fmt == "json":
        click.echo(json.dumps(plain(found.record), ensure_ascii=False, indent=2))
    else:
        click.echo(f"# {found.display}")
        click.echo(render(found.record).decode("utf-8"), nl=False)


@click.group()
def new() -> None:
    """Create a new claim, source or actor file from options, and print its path."""


def _create(
    ctx: Context,
    record_type: type[Claim | Source | Actor],
    fields: dict[str, Any],
    case: str | None = None,
    by: str | None = None,
) -> None:
    dataset = open_dataset(ctx)
    fields = {k: v for k, v in fields.items() if v not in (None, (), [])}
    try:
        if record_type is Claim:
            record = new_claim_record(fields, by or "unknown")
        else:
            record = record_type.model_validate(fields)
    except ValidationError as exc:
        error = exc.errors(include_url=False)[0]
        option = "--" + str(error["loc"][0]).replace("_", "-") if error["loc"] else "an option"
        fail(Problem("invalid-option", f"{option}: {error['msg']}", str(ctx.data)), 2)
        return
    path = add_record(dataset, record, case)
    click.echo(str(path))


@new.command("claim")
@click.option(
    "--case", required=True, help="Case folder (created if new), e.g. fes-meknes-network."
)
@click.option("--id", "record_id", required=True, help="Id and file name, e.g. bad-cheques.")
@click.option("--statement", required=True, help="The claim verbatim, in its language.")
@click.option("--language", required=True, help="BCP 47 tag of the statement, e.g. ar.")
@click.option("--category", required=True, type=click.Choice([c.value for c in Category]))
@click.option("--claimant", required=True, help="Who makes the claim, e.g. 'unnamed sources'.")
@click.option("--subject", "subjects", multiple=True, help="Actor id the claim is about.")
@click.option("--source", "source_id", help="Source id where the claim appeared.")
@click.option("--translation", "translations", multiple=True, help="LANG=TEXT, repeatable.")
@click.option("--by", help="Who creates it (default: CLAIMTRACK_USER, then git user.name).")
@click.pass_obj
def new_claim(
    ctx: Context,
    case: str,
    record_id: str,
    statement: str,
    language: str,
    category: str,
    claimant: str,
    subjects: tuple[str, ...],
    source_id: str | None,
    translations: tuple[str, ...],
    by: str | None,
) -> None:
    """Create a claim in status 'new'.

    \b
    Example:
      claimtrack new claim --case fes-meknes-network --id tender-brokering \\
        --statement "..." --language ar --category tender-brokering \\
        --claimant "Al Assima, citing unnamed sources" --source al-assima-2025-04-09-network
    """
    who = current_user(by)
    if not who:
        fail(Problem("no-user", "say who you are with --by NAME or CLAIMTRACK_USER", ""), 2)
    pairs = {}
    for item in translations:
        lang, sep, text = item.partition("=")
        if not sep:
            fail(Problem("invalid-option", f"--translation '{item}': write LANG=TEXT", ""), 2)
        pairs[lang.strip()] = text.strip()
    fields = {
        "id": record_id,
        "statement": statement,
        "language": language,
        "translations": pairs,
        "category": category,
        "claimant": {"label": claimant},
        "subjects": list(subjects),
        "appearances": [{"source": source_id}] if source_id else [],
    }
    _create(ctx, Claim, fields, case=case, by=who)


@new.command("source")
@click.option("--id", "record_id", required=True)
@click.option("--kind", required=True, type=click.Choice([k.value for k in SourceKind]))
@click.option("--title", required=True)
@click.option("--url")
@click.option("--publisher")
@click.option("--language")
@click.option("--published", help="Date or date-time with zone.")
@click.option("--accessed", help="Date or date-time with zone.")
@click.option("--archive-url", help="Archived copy of the page.")
@click.option("--sha256", help="SHA-256 of the stored copy.")
@click.pass_obj
def new_source(ctx: Context, record_id: str, **fields: Any) -> None:
    """Create a source: a cited document.

    \b
    Example:
      claimtrack new source --id court-ruling-2025-112 --kind court-record \\
        --title "Ruling 112/2025" --publisher "Fes commercial court" --published 2025-05-02
    """
    _create(ctx, Source, {"id": record_id, **fields})


@new.command("actor")
@click.option("--id", "record_id", required=True)
@click.option("--kind", required=True, type=click.Choice([k.value for k in ActorKind]))
@click.option("--label", required=True, help="Public description, e.g. 'a cleaning contractor'.")
@click.option("--name", help="Private name: kept in the dataset, never published.")
@click.option(
    "--public-figure", is_flag=True, default=None, help="A public figure, named in public."
)
@click.option("--platform")
@click.option("--handle")
@click.option("--url")
@click.pass_obj
def new_actor(ctx: Context, record_id: str, **fields: Any) -> None:
    """Create an actor: a person, organisation, company, account or group.

    \b
    Example:
      claimtrack new actor --id cleaning-contractor --kind company \\
        --label "a cleaning-services company in the region"
    """
    _create(ctx, Actor, {"id": record_id, **fields})
