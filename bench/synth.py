"""A synthetic claimtrack dataset: N claims with sources, actors, Arabic and French texts.

Deterministic for a given seed and size. The files look like the ones claimtrack writes (key
order of the models, two-space indents, plain scalars where YAML allows, single quotes
otherwise, literal blocks for multi-line notes), and the dataset validates with no problems.

    python bench/synth.py OUT_DIR [--claims 10000] [--seed 7] [--verify]
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import re
import shutil
import sys
import time
import unicodedata
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from words import (
    ACTOR_KINDS,
    AMOUNTS,
    CATEGORIES,
    CHECKERS,
    CLAIMANTS,
    EDITORS,
    FRAMES,
    NOTES,
    PLACES,
    PUBLISHERS,
    RATIONALES,
    SHOWS,
    SOURCE_KINDS,
    SUBJECTS,
    VERDICT_SCALE,
)

from claimtrack.checks.network import LINK_ENDS
from claimtrack.models import ActorKind

STAMP_FILE = ".synth-stamp"  # a dotfile: claimtrack and the floor both skip it
ZONES = [timezone(timedelta(hours=1)), UTC, timezone(timedelta(hours=2))]
START = datetime(2023, 1, 1, 8, tzinfo=UTC)
SPAN_DAYS = 900  # claims created from January 2023 to mid-2025: everything lies in the past
# Status → the steps of the workflow that reach it, after 'created' (see claimtrack.workflow).
RESEARCH = ["triage", "assign", "start-research"]
REVIEW = [*RESEARCH, "reply", "verdict", "submit"]
PATHS: dict[str, list[list[str]]] = {
    "new": [[]],
    "triaged": [["triage"]],
    "rejected": [["reject"], ["triage", "reject"]],
    "researching": [RESEARCH, [*RESEARCH, "verdict"]],
    "in-review": [REVIEW, [*REVIEW, "send-back", "verdict", "submit"]],
    "published": [
        [*REVIEW, "approve", "publish"],
        [*REVIEW, "send-back", "verdict", "submit", "approve", "publish"],
        [*REVIEW, "approve", "publish", "correct", "verdict", "submit", "approve", "publish"],
    ],
}
MOVES = {  # step → (from, to, by an editor)
    "triage": ("new", "triaged", False),
    "start-research": ("triaged", "researching", False),
    "submit": ("researching", "in-review", False),
    "send-back": ("in-review", "researching", True),
    "publish": ("in-review", "published", True),
    "correct": ("published", "researching", True),
}
STATUS_WEIGHTS = {
    "new": 30,
    "triaged": 20,
    "researching": 25,
    "in-review": 10,
    "published": 10,
    "rejected": 5,
}
PRIMARY = {"court-record", "official-statement", "company-filing"}
FIELD_ORDER = [  # the Claim model's order, which claimtrack writes
    *("id", "statement", "language", "translations", "category", "claimant", "subjects"),
    *("appearances", "status", "verdict", "rationale", "evidence", "right_of_reply"),
    *("assignee", "reviewer", "created", "updated", "published", "notes", "history"),
    "corrections",
]
MONEY = {"bad-cheques", "tender-brokering", "extortion", "fraud", "corruption"}
HARAKAT = "\u064e\u064f\u0650\u0652"  # fatha, damma, kasra, sukun
_PLAIN = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n\t]*$")
# Plain scalars that a YAML loader would not read as text (YAML 1.2 core, and 1.1 booleans).
_NOT_TEXT = re.compile(
    r"^(?:~|null|true|false|yes|no|on|off|y|n|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-f]+"
    r"|[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:e[-+]?[0-9]+)?|[-+]?\.inf|\.nan)$",
    re.IGNORECASE,
)


# --- YAML text, as claimtrack's writer lays it out ------------------------------------------


def scalar(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    text = str(value)
    if (
        _PLAIN.match(text)
        and ": " not in text
        and " #" not in text
        and not text.endswith((":", " "))
        and not _NOT_TEXT.match(text)
    ):
        return text
    return "'" + text.replace("'", "''") + "'"


def mapping(data: dict[str, Any], indent: int = 0) -> list[str]:
    pad = " " * indent
    lines: list[str] = []
    for key, value in data.items():
        if isinstance(value, dict):
            lines.append(f"{pad}{key}:")
            lines += mapping(value, indent + 2)
        elif isinstance(value, list):
            lines.append(f"{pad}{key}:")
            for item in value:
                if isinstance(item, dict):
                    sub = mapping(item, indent + 4)
                    sub[0] = f"{pad}  - {sub[0][indent + 4 :]}"
                    lines += sub
                else:
                    lines.append(f"{pad}  - {scalar(item)}")
        elif isinstance(value, str) and "\n" in value:
            lines.append(f"{pad}{key}: |-")
            lines += [f"{pad}  {line}" if line else "" for line in value.split("\n")]
        else:
            lines.append(f"{pad}{key}: {scalar(value)}")
    return lines


def dump(data: dict[str, Any]) -> str:
    return "\n".join(mapping(data)) + "\n"


# --- texts ----------------------------------------------------------------------------------


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def vocalise(rng: random.Random, text: str) -> str:
    """Add short-vowel marks to some Arabic letters, as some articles and quotes have them."""
    out = []
    for char in text:
        out.append(char)
        if "\u0621" <= char <= "\u064a" and rng.random() < 0.35:
            out.append(rng.choice(HARAKAT))
    return "".join(out)


def sentence(rng: random.Random, category: str) -> dict[str, str]:
    """A statement in Arabic, French and English, built from parallel phrases."""
    subject = rng.choice(SUBJECTS)
    verb = rng.choice(CATEGORIES[category])
    place = rng.choice(PLACES)
    frame = rng.choice(FRAMES)
    parts = {
        lang: f"{subject[i]} {verb[i]} {place[i]}" for i, lang in enumerate(("ar", "fr", "en"))
    }
    if category in MONEY and rng.random() < 0.6:
        amount = rng.choice(AMOUNTS)
        figure = f"{rng.randrange(20, 900) * 1000:,}".replace(",", " ")
        for i, lang in enumerate(("ar", "fr", "en")):
            parts[lang] += " " + amount[i].format(n=figure)
    texts = {}
    for i, lang in enumerate(("ar", "fr", "en")):
        body = parts[lang]
        texts[lang] = frame[i].format(body) if frame[i] else body[0].upper() + body[1:]
    texts["ar"] = texts["ar"] + "."
    texts["fr"] = texts["fr"] + "."
    texts["en"] = texts["en"] + "."
    return texts


# --- records --------------------------------------------------------------------------------


class Clock:
    """Moments moving forward from a start, written with a zone, never in the future."""

    def __init__(self, rng: random.Random, start: datetime):
        self.rng = rng
        self.now = start
        self.zone = rng.choice(ZONES)

    def advance(self, low_hours: float = 1, high_hours: float = 24 * 12) -> str:
        self.now += timedelta(minutes=int(self.rng.uniform(low_hours, high_hours) * 60))
        return self.stamp()

    def stamp(self) -> str:
        return self.now.astimezone(self.zone).isoformat()


def settings() -> dict[str, Any]:
    return {
        "name": "Desk synthétique / مكتب التحقق",
        "url": "https://desk.example.org",
        "contact": "verification@desk.example.org",
        "languages": ["ar", "fr", "en"],
        "team": [{"name": n, "role": "checker"} for n in CHECKERS]
        + [{"name": n, "role": "editor"} for n in EDITORS],
        "verdict_scale": VERDICT_SCALE,
        "methodology": {
            "fr": "Chaque allégation est vérifiée auprès de deux sources indépendantes.",
            "en": "Every allegation is checked against two independent sources.",
        },
    }


def source(rng: random.Random, index: int) -> dict[str, Any]:
    name, slug, lang, domain = rng.choice(PUBLISHERS)
    kind = rng.choice(SOURCE_KINDS)
    day = (START + timedelta(days=rng.randrange(SPAN_DAYS))).date()
    text = sentence(rng, rng.choice(list(CATEGORIES)))[lang]
    sid = f"{slug}-{day.isoformat()}-{index:06d}"
    url = f"https://{domain}/{day.year}/{day.month:02d}/{sid}"
    record: dict[str, Any] = {
        "id": sid,
        "kind": kind,
        "title": nfc(text.rstrip(".")),
        "publisher": name,
        "url": url,
        "language": lang,
        "published": day.isoformat(),
        "accessed": Clock(rng, START + timedelta(days=SPAN_DAYS + 30)).advance(1, 24 * 60),
        "archive_url": f"https://web.archive.org/web/{day.strftime('%Y%m%d')}120000/{url}",
        "sha256": hashlib.sha256(sid.encode()).hexdigest(),
    }
    if rng.random() < 0.2:
        record["notes"] = "Copie conservée dans le coffre documentaire de la rédaction."
    return record


# Link kinds the generator uses; which actors each may join comes from claimtrack itself.
SYNTH_LINKS = {"operates", "member-of", "promotes", "attacks", "tied-to"}


def actor(
    rng: random.Random,
    index: int,
    earlier: list[str],
    source_ids: list[str],
    kinds: dict[str, str],
) -> dict[str, Any]:
    kind, slug, labels = rng.choice(ACTOR_KINDS)
    record: dict[str, Any] = {
        "id": f"{slug}-{index:06d}",
        "kind": kind,
        "label": rng.choice(labels),
    }
    if kind == "public-official":
        record["public_figure"] = True
    if kind in ("social-account", "messaging-group"):
        platform = "Facebook" if kind == "social-account" else "WhatsApp"
        record["platform"] = platform
        record["handle"] = f"@groupe.{index:06d}"
        if platform == "Facebook":
            record["url"] = f"https://www.facebook.example/{index:06d}"
        record["created"] = (START + timedelta(days=rng.randrange(SPAN_DAYS))).date().isoformat()
    if earlier and rng.random() < 0.5:
        links: dict[tuple[str, str], dict[str, Any]] = {}
        for _ in range(rng.randint(1, 3)):
            target = rng.choice(earlier)
            fitting = [
                str(kind)
                for kind, (starts, ends) in LINK_ENDS.items()
                if kind in SYNTH_LINKS
                and ActorKind(record["kind"]) in starts
                and ActorKind(kinds[target]) in ends
            ]
            if not fitting:
                continue
            link: dict[str, Any] = {
                "kind": rng.choice(sorted(fitting)),
                "to": target,
                "confidence": rng.choice(["confirmed", "likely", "suspected"]),
                "evidence": [{"source": rng.choice(source_ids), "shows": rng.choice(SHOWS)}],
            }
            links.setdefault((link["kind"], target), link)  # the same link once
        if links:
            record["links"] = list(links.values())
    return record


def claim(
    rng: random.Random, index: int, actors: list[dict[str, Any]], sources: list[dict[str, Any]]
) -> dict[str, Any]:
    category = rng.choice(list(CATEGORIES))
    status = rng.choices(list(STATUS_WEIGHTS), weights=list(STATUS_WEIGHTS.values()))[0]
    texts = sentence(rng, category)
    language = rng.choices(["ar", "fr", "ar-MA"], weights=[6, 3, 1])[0]
    base = language.split("-")[0]
    statement = texts[base]
    if base == "ar" and rng.random() < 0.3:
        statement = vocalise(rng, statement)
    clock = Clock(rng, START + timedelta(days=rng.randrange(SPAN_DAYS), minutes=rng.randrange(600)))
    appeared = (clock.now - timedelta(days=rng.randrange(1, 20))).date().isoformat()
    created = clock.stamp()
    checker, editor = rng.choice(CHECKERS), rng.choice(EDITORS)
    subjects = rng.sample(actors, rng.randint(1, 3))
    claimant_name, claimant_actor = rng.choice(CLAIMANTS)
    record: dict[str, Any] = {
        "id": f"{category}-{index:06d}",
        "statement": nfc(statement),
        "language": language,
        "translations": {lang: nfc(texts[lang]) for lang in ("ar", "fr", "en") if lang != base},
        "category": category,
        "claimant": {"label": claimant_name},
    }
    if claimant_actor:
        record["claimant"]["actor"] = rng.choice(actors)["id"]
    record["subjects"] = [s["id"] for s in subjects]
    record["appearances"] = [
        {"source": rng.choice(sources)["id"], "quote": nfc(statement), "date": appeared}
        for _ in range(rng.randint(1, 2))
    ]
    record["status"] = status
    record["verdict"] = "unverified"
    if status == "rejected":
        record["rationale"] = "Allégation invérifiable et sans intérêt public suffisant."
    if status in ("researching", "in-review", "published"):
        record["evidence"] = _evidence(rng, sources, status != "researching")
    steps = rng.choice(PATHS[status])
    history = [{"time": created, "actor": checker, "action": "created", "to": "new"}]
    state = "new"
    for step in steps:
        event: dict[str, Any] = {"time": clock.advance(), "actor": checker, "action": step}
        if step in MOVES:
            before, state, by_editor = MOVES[step]
            event |= {"actor": editor if by_editor else checker, "from": before, "to": state}
        if step == "reject":
            event |= {"from": state, "to": "rejected", "note": "Pas d'intérêt public."}
            state = "rejected"
        elif step == "assign":
            event["note"] = f"assigned to {checker}"
        elif step == "send-back":
            event["note"] = "Il manque la réponse de la personne mise en cause."
        elif step == "verdict":
            record["verdict"] = rng.choice([v["id"] for v in VERDICT_SCALE["labels"][:-1]])
            record["rationale"] = rng.choice(RATIONALES)
            record.pop("reviewer", None)
            event["note"] = f"verdict: {record['verdict']}"
        elif step == "approve":
            event["actor"] = record["reviewer"] = editor
        elif step == "correct":
            what, why = "Le montant cité a été corrigé.", "Une erreur de transcription."
            event["note"] = f"correction: {what}"
            record["corrections"] = [
                {"date": event["time"], "by": editor, "what": what, "why": why}
            ]
            record.pop("reviewer", None)
        elif step == "reply":
            record["right_of_reply"] = []
            for subject in subjects:
                reply = _reply(rng, subject["id"], clock.advance(1, 48), clock, checker)
                record["right_of_reply"].append(reply)
                note = f"{subject['id']}: {reply['outcome']}"
                history.append({**event, "time": reply["contacted"], "action": "right-of-reply"})
                history[-1]["note"] = note
            continue
        history.append(event)
    if "assign" in steps:
        record["assignee"] = checker
    record["created"] = created
    if len(history) > 1:
        record["updated"] = history[-1]["time"]
    if status == "published":
        record["published"] = history[-1]["time"]
    if status != "new" and rng.random() < 0.4:
        record["notes"] = [{"time": history[1]["time"], "by": checker, "text": rng.choice(NOTES)}]
    record["history"] = history
    # Fields set by a late step go back to the models' order; empty ones are left out.
    return {k: record[k] for k in FIELD_ORDER if record.get(k) not in (None, [])}


def _evidence(
    rng: random.Random, sources: list[dict[str, Any]], enough: bool
) -> list[dict[str, Any]]:
    """Evidence; `enough` for the publication gate: two publishers, or a primary document."""
    while True:
        chosen = rng.sample(sources, rng.randint(2, 4) if enough else rng.randint(0, 3))
        primary = any(s["kind"] in PRIMARY for s in chosen)
        if not enough or primary or len({s["publisher"] for s in chosen}) > 1:
            return [{"source": s["id"], "shows": rng.choice(SHOWS)} for s in chosen]


def _reply(
    rng: random.Random, actor_id: str, contacted: str, clock: Clock, by: str
) -> dict[str, Any]:
    outcome = rng.choice(["answered", "declined", "no-answer"])
    reply: dict[str, Any] = {
        "actor": actor_id,
        "contacted": contacted,
        "channel": rng.choice(["email", "phone", "letter", "messaging"]),
        "by": by,
        "outcome": outcome,
        "deadline": (clock.now + timedelta(days=3)).astimezone(clock.zone).isoformat(),
    }
    if outcome == "answered":
        reply["summary"] = "La personne conteste les faits et annonce une plainte en diffamation."
    return reply


# --- the dataset ----------------------------------------------------------------------------


def records(claims: int, seed: int) -> Iterator[tuple[str, dict[str, Any]]]:
    """(relative path, data) of every file of the dataset."""
    rng = random.Random(seed)
    yield "dataset.yaml", settings()
    sources = [source(rng, i) for i in range(max(2, claims // 2))]
    source_ids = [s["id"] for s in sources]
    for record in sources:
        yield f"sources/{record['id']}.yaml", record
    actors: list[dict[str, Any]] = []
    actor_ids: list[str] = []
    kinds: dict[str, str] = {}
    for i in range(max(3, claims // 5)):
        record = actor(rng, i, actor_ids, source_ids, kinds)
        actor_ids.append(record["id"])
        kinds[record["id"]] = record["kind"]
        actors.append(record)
        yield f"actors/{record['id']}.yaml", record
    for i in range(claims):
        case = f"case-{i // 100:04d}-{PLACES[(i // 100) % len(PLACES)][3]}"
        record = claim(rng, i, actors, sources)
        yield f"{case}/{record['id']}.yaml", record


def stamp(claims: int, seed: int) -> str:
    here = Path(__file__).resolve().parent
    code = b"".join((here / name).read_bytes() for name in ("synth.py", "words.py"))
    return f"{claims} {seed} {hashlib.sha256(code).hexdigest()[:16]}\n"


def generate(out: Path, claims: int = 10_000, seed: int = 7, verify: bool = False) -> int:
    """Write the dataset into `out` (emptied first), unless it is already there. Returns files."""
    wanted = stamp(claims, seed)
    marker = out / STAMP_FILE
    if marker.is_file() and marker.read_text() == wanted:
        return sum(1 for _ in out.rglob("*.yaml"))
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    check = _verifier() if verify else None
    made: set[Path] = set()
    # Files as from a checkout made an hour ago: older than any cache's racy-write window.
    then = time.time() - 3600
    count = 0
    for rel, data in records(claims, seed):
        path = out / rel
        if path.parent not in made:
            path.parent.mkdir(parents=True, exist_ok=True)
            made.add(path.parent)
        text = dump(data)
        if check:
            check(text, data, rel)
        path.write_text(text, encoding="utf-8")
        os.utime(path, (then, then))
        count += 1
    marker.write_text(wanted)
    return count


def _verifier() -> Any:
    """Parse every file with claimtrack's own loader and compare with the data written."""
    from claimtrack.store.parse import parse

    def check(text: str, data: dict[str, Any], rel: str) -> None:
        parsed, problem = parse(text.encode("utf-8"), rel)
        if problem or parsed != data:
            raise SystemExit(f"{rel}: the YAML written does not read back as written\n{text}")

    return check


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--claims", type=int, default=10_000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--verify", action="store_true", help="read every file back (slower)")
    args = parser.parse_args()
    began = time.perf_counter()
    files = generate(args.out, args.claims, args.seed, args.verify)
    print(f"{files} files in {args.out} ({time.perf_counter() - began:.1f} s)", file=sys.stderr)


if __name__ == "__main__":
    main()
