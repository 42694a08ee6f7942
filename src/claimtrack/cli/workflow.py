"""claimtrack status, assign, verdict, review, correct, reply and gate: the editorial workflow."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import click
from pydantic import ValidationError

from ..authoring import current_user, preserve_source
from ..models import ReplyAttempt, ReplyChannel, ReplyOutcome, Status
from ..problems import Problem
from ..workflow import (
    add_evidence,
    add_note,
    apply,
    assign,
    change_status,
    correct,
    evaluate,
    record_reply,
    review,
    set_verdict,
)
from . import Context
from .output import fail, open_dataset

BY = click.option("--by", help="Who acts (default: CLAIMTRACK_USER, then git user.name).")


def _who(by: str | None) -> str:
    who = current_user(by)
    if not who:
        fail(Problem("no-user", "say who you are with --by NAME or CLAIMTRACK_USER"), 2)
    return who  # type: ignore[return-value]


@click.command()
@click.argument("claim_id")
@click.argument("target", type=click.Choice([s.value for s in Status]))
@BY
@click.option("--note", help="Why (required for reject, send-back and reconsider).")
@click.pass_obj
def status(ctx: Context, claim_id: str, target: str, by: str | None, note: str | None) -> None:
    """Move a claim along the workflow; only the moves allowed from its status are accepted.

    \b
    Example:
      claimtrack status bad-cheques triaged --by Salma
      claimtrack status bad-cheques rejected --by Salma --note "not check-worthy: ..."
    """
    who = _who(by)
    dataset = open_dataset(ctx)
    claim = apply(dataset, claim_id, lambda c: change_status(dataset, c, Status(target), who, note))
    click.echo(f"{claim.id}: {claim.history[-1].from_} -> {claim.status}")


@click.command("assign")
@click.argument("claim_id")
@click.argument("name")
@BY
@click.pass_obj
def assign_cmd(ctx: Context, claim_id: str, name: str, by: str | None) -> None:
    """Assign a claim to a team member.

    \b
    Example:
      claimtrack assign bad-cheques Salma --by Karim
    """
    who = _who(by)
    dataset = open_dataset(ctx)
    claim = apply(dataset, claim_id, lambda c: assign(dataset, c, name, who))
    click.echo(f"{claim.id}: assigned to {claim.assignee}")


@click.command()
@click.argument("claim_id")
@click.argument("label")
@click.option("--rationale", required=True, help="Why this verdict, from the evidence.")
@BY
@click.pass_obj
def verdict(ctx: Context, claim_id: str, label: str, rationale: str, by: str | None) -> None:
    """Set a claim's verdict (a label id from the verdict scale) and its rationale.

    \b
    Example:
      claimtrack verdict bad-cheques unproven --rationale "No court record ..." --by Salma
    """
    who = _who(by)
    dataset = open_dataset(ctx)
    claim = apply(dataset, claim_id, lambda c: set_verdict(dataset, c, label, rationale, who))
    click.echo(f"{claim.id}: verdict {claim.verdict}")


@click.command("review")
@click.argument("claim_id")
@click.argument("decision", type=click.Choice(["approve", "send-back"]))
@BY
@click.option("--note", help="What the review found (required to send back).")
@click.pass_obj
def review_cmd(
    ctx: Context, claim_id: str, decision: str, by: str | None, note: str | None
) -> None:
    """An editor approves a claim in review, or sends it back to research.

    \b
    Example:
      claimtrack review bad-cheques approve --by Karim --note "sources hold"
      claimtrack review bad-cheques send-back --by Karim --note "archive the court record"
    """
    who = _who(by)
    dataset = open_dataset(ctx)
    claim = apply(dataset, claim_id, lambda c: review(dataset, c, decision, who, note))  # type: ignore[arg-type]
    click.echo(f"{claim.id}: {decision} by {who}; status {claim.status}")


@click.command("correct")
@click.argument("claim_id")
@BY
@click.option("--note", "what", required=True, help="What changes (public).")
@click.option("--why", required=True, help="Why it changes (public).")
@click.pass_obj
def correct_cmd(ctx: Context, claim_id: str, by: str | None, what: str, why: str) -> None:
    """Reopen a published claim with a public correction; it must pass the gate again.

    \b
    Example:
      claimtrack correct bad-cheques --by Karim --note "date of the ruling" --why "misread"
    """
    who = _who(by)
    dataset = open_dataset(ctx)
    claim = apply(dataset, claim_id, lambda c: correct(dataset, c, who, what, why))
    click.echo(f"{claim.id}: reopened for a correction; status {claim.status}")


@click.command("reply")
@click.argument("claim_id")
@click.argument("actor_id")
@click.option("--channel", required=True, type=click.Choice([c.value for c in ReplyChannel]))
@click.option("--outcome", required=True, type=click.Choice([o.value for o in ReplyOutcome]))
@click.option("--contacted", help="When (ISO 8601 with zone; default now).")
@click.option("--deadline", help="Answer expected by (ISO 8601 with zone).")
@click.option("--summary", help="What they answered, for publication (no private names).")
@BY
@click.pass_obj
def reply_cmd(
    ctx: Context,
    claim_id: str,
    actor_id: str,
    channel: str,
    outcome: str,
    contacted: str | None,
    deadline: str | None,
    summary: str | None,
    by: str | None,
) -> None:
    """Record a right-of-reply attempt to someone the claim is about, and its outcome.

    \b
    Example:
      claimtrack reply bad-cheques network-leader --channel phone --outcome no-answer \\
        --deadline 2025-04-20T18:00:00+01:00 --by Salma
    """
    who = _who(by)
    dataset = open_dataset(ctx)
    try:
        attempt = ReplyAttempt.model_validate(
            {
                "actor": actor_id,
                "contacted": contacted or datetime.now().astimezone(),
                "channel": channel,
                "by": who,
                "outcome": outcome,
                "deadline": deadline,
                "summary": summary,
            }
        )
    except ValueError as exc:
        fail(Problem("invalid-option", str(exc).splitlines()[-1].strip()), 2)
        return
    claim = apply(dataset, claim_id, lambda c: record_reply(dataset, c, attempt, who))
    click.echo(f"{claim.id}: right of reply to {actor_id} recorded ({outcome})")


@click.command()
@click.argument("claim_id")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text")
@click.pass_obj
def gate(ctx: Context, claim_id: str, fmt: str) -> None:
    """List each rule of the publication gate as met or not; exit 1 while any fails.

    \b
    Example:
      claimtrack gate bad-cheques
    """
    dataset = open_dataset(ctx)
    loaded = dataset.claim(claim_id)
    if loaded is None:
        fail(Problem("unknown-claim", f"no claim has the id '{claim_id}'", str(ctx.data)))
        return
    results = evaluate(dataset, loaded.record)
    if fmt == "json":
        import json

        click.echo(
            json.dumps(
                [{"rule": r.rule, "met": r.met, "message": r.message} for r in results],
                ensure_ascii=False,
                indent=2,
            )
        )
    else:
        for r in results:
            click.echo(f"[{'x' if r.met else ' '}] {r.rule}: {r.message}")
    raise SystemExit(0 if all(r.met for r in results) else 1)


@click.command("evidence")
@click.argument("claim_id")
@click.argument("source_id")
@click.option("--shows", required=True, help="What this source shows about the claim.")
@BY
@click.pass_obj
def evidence_cmd(ctx: Context, claim_id: str, source_id: str, shows: str, by: str | None) -> None:
    """Cite a source as evidence for a claim, saying what it shows.

    \b
    Example:
      claimtrack evidence bad-cheques court-ruling-2025-112 \\
        --shows "The ruling convicts the leader of issuing two bad cheques" --by Salma
    """
    who = _who(by)
    dataset = open_dataset(ctx)
    claim = apply(dataset, claim_id, lambda c: add_evidence(dataset, c, source_id, shows, who))
    click.echo(f"{claim.id}: {len(claim.evidence)} evidence items")


@click.command("note")
@click.argument("claim_id")
@click.argument("text")
@BY
@click.pass_obj
def note_cmd(ctx: Context, claim_id: str, text: str, by: str | None) -> None:
    """Add an internal research note to a claim (never published).

    \b
    Example:
      claimtrack note tender-brokering "Asked the commune for the committee minutes" --by Youssef
    """
    who = _who(by)
    dataset = open_dataset(ctx)
    claim = apply(dataset, claim_id, lambda c: add_note(dataset, c, text, who))
    click.echo(f"{claim.id}: {len(claim.notes)} notes")


@click.command("archive")
@click.argument("source_id")
@click.option("--url", "archive_url", help="Address of the archived copy (Wayback, archive.today).")
@click.option(
    "--copy",
    "stored_copy",
    type=click.Path(path_type=Path, exists=True, dir_okay=False),
    help="A stored copy of the document: its sha256 is recorded.",
)
@click.pass_obj
def archive_cmd(
    ctx: Context, source_id: str, archive_url: str | None, stored_copy: Path | None
) -> None:
    """Record a source's archived copy: its address, or the sha256 of a stored file.

    \b
    Example:
      claimtrack archive al-assima-2025-04-09-network --url https://web.archive.org/web/2025/...
      claimtrack archive court-ruling-2025-112 --copy ~/evidence/ruling-112.pdf
    """
    if not (archive_url or stored_copy):
        fail(Problem("invalid-option", "give --url or --copy (or both)"), 2)
    dataset = open_dataset(ctx)
    try:
        source = preserve_source(dataset, source_id, archive_url, stored_copy)
    except ValidationError as exc:
        fail(Problem("invalid-option", f"--url: {exc.errors()[0]['msg']}"), 2)
        return
    click.echo(
        f"{source.id}: archive_url={source.archive_url or '-'} sha256={source.sha256 or '-'}"
    )
