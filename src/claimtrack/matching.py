"""Similar claims: which claims say the same thing, in the same words or across a translation.

Each claim is read as texts by language: its statement (under the primary tag of its
language: ar-MA is ar) and each translation. Texts are compared after `text.normalise`
(Arabic spelling, diacritics, case, accents and punctuation ignored), with rapidfuzz's
token_sort_ratio (0-100, word order ignored), and only within one language, so a claim's
Arabic statement meets another's Arabic statement or Arabic translation. A pair scores the
best of its languages.

`similar` compares one claim with every other (one vectorised pass per language).
`duplicates` does not compare every pair: identical keys are grouped first, then texts are
compared only within blocks that share one of their two rarest words; near-duplicates share
most words, so they share those too.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .models import Claim
from .text import normalise

RARE_KEYS = 2  # blocking keys per text: its rarest words
MAX_BLOCK = 4000  # a word shared by more distinct texts than this does not block
BAND = 64  # rows scored per call within a block


@dataclass(frozen=True)
class Match:
    """Two claims and how close they are: a score from 0 to 100 and where it was found."""

    a: str
    b: str
    score: float
    language: str
    via: str  # statement~statement, statement~translation or translation~translation


def matching_key(text: str) -> str:
    """The normalised words of `text` in sorted order: rapidfuzz's plain ratio on two such
    keys is token_sort_ratio, computed several times faster."""
    return " ".join(sorted(normalise(text).split()))


def texts_of(claim: Claim) -> dict[str, tuple[str, str]]:
    """Language -> (matching key, 'statement' or 'translation')."""
    found: dict[str, tuple[str, str]] = {}
    for tag, text in claim.translations.items():
        key = matching_key(text)
        if key:
            found[tag.split("-")[0].lower()] = (key, "translation")
    key = matching_key(claim.statement)
    if key:
        found[claim.language.split("-")[0].lower()] = (key, "statement")
    return found


def _scorer():  # type: ignore[no-untyped-def]
    from rapidfuzz import fuzz

    return fuzz.ratio  # on keys whose words are sorted: token_sort_ratio


def _via(kind_a: str, kind_b: str) -> str:
    if kind_a == kind_b:
        return f"{kind_a}~{kind_b}"
    return "statement~translation"


def similar(
    claim: Claim,
    others: Iterable[Claim],
    top: int = 5,
    texts: Callable[[Claim], dict[str, tuple[str, str]]] = texts_of,
) -> list[Match]:
    """The `top` claims closest to `claim`, best first (the claim itself left out).

    `texts` reads a claim's texts (`texts_of`); a caller that compares many times against the
    same claims passes a memoised one."""
    from rapidfuzz import process

    mine = texts(claim)
    pool: dict[str, list[tuple[str, str, str]]] = defaultdict(list)  # language -> (id, key, kind)
    for other in others:
        if other.id == claim.id:
            continue
        for language, (key, kind) in texts(other).items():
            if language in mine:
                pool[language].append((other.id, key, kind))
    best: dict[str, Match] = {}
    for language, entries in pool.items():
        key, kind = mine[language]
        scores = process.cdist(
            [key], [e[1] for e in entries], scorer=_scorer(), processor=None, workers=-1
        )[0]
        for (other_id, _, other_kind), score in zip(entries, scores, strict=True):
            match = Match(claim.id, other_id, float(score), language, _via(kind, other_kind))
            if other_id not in best or match.score > best[other_id].score:
                best[other_id] = match
    return sorted(best.values(), key=lambda m: (-m.score, m.b))[:top]


def duplicates(claims: Iterable[Claim], threshold: float = 90) -> list[Match]:
    """Candidate duplicate pairs with a score of at least `threshold`, best first."""
    # language -> normalised text -> [(claim id, kind)]
    by_language: dict[str, dict[str, list[tuple[str, str]]]] = defaultdict(dict)
    for claim in claims:
        for language, (key, kind) in texts_of(claim).items():
            by_language[language].setdefault(key, []).append((claim.id, kind))
    # (first id, second id) -> (score, language, kind of first, kind of second)
    best: dict[tuple[str, str], tuple[float, str, str, str]] = {}

    def offer(a: tuple[str, str], b: tuple[str, str], score: float, language: str) -> None:
        if a[0] == b[0]:
            return
        if b[0] < a[0]:
            a, b = b, a
        pair = (a[0], b[0])
        known = best.get(pair)
        if known is None or score > known[0]:
            best[pair] = (score, language, a[1], b[1])

    for language, groups in by_language.items():
        for owners in groups.values():  # identical keys: 100
            for i, a in enumerate(owners):
                for b in owners[i + 1 :]:
                    offer(a, b, 100.0, language)
        keys = list(groups)
        for i, j, score in candidate_scores(keys, threshold):
            for a in groups[keys[i]]:
                for b in groups[keys[j]]:
                    offer(a, b, score, language)
    matches = [
        Match(first, second, score, language, _via(kind_a, kind_b))
        for (first, second), (score, language, kind_a, kind_b) in best.items()
    ]
    return sorted(matches, key=lambda m: (-m.score, m.a, m.b))


def candidate_scores(keys: list[str], threshold: float) -> Iterable[tuple[int, int, float]]:
    """(i, j, score) for distinct keys i < j that share a blocking word and score at least
    `threshold`; each pair once."""
    from rapidfuzz import process

    words = [set(key.split()) for key in keys]
    frequency: dict[str, int] = defaultdict(int)
    for found in words:
        for word in found:
            frequency[word] += 1
    blocks: dict[str, list[int]] = defaultdict(list)
    for index, found in enumerate(words):
        for word in sorted(found, key=lambda w: (frequency[w], w))[:RARE_KEYS]:
            blocks[word].append(index)
    seen: set[tuple[int, int]] = set()
    scorer = _scorer()
    for members in blocks.values():
        if len(members) < 2 or len(members) > MAX_BLOCK:
            continue
        texts = [keys[m] for m in members]
        # The upper triangle only, a band of rows at a time: each pair is scored once.
        for start in range(0, len(texts) - 1, BAND):
            rows_texts = texts[start : start + BAND]
            matrix = process.cdist(
                rows_texts,
                texts[start:],
                scorer=scorer,
                processor=None,
                score_cutoff=threshold,
                workers=-1,
            )
            rows, columns = (matrix >= max(threshold, 1e-9)).nonzero()
            for r, c in zip(rows.tolist(), columns.tolist(), strict=True):
                if c > r:
                    pair = (members[start + r], members[start + c])
                    if pair not in seen:
                        seen.add(pair)
                        yield pair[0], pair[1], float(matrix[r, c])


def all_pairs(claims: Iterable[Claim], threshold: float = 90) -> int:
    """Every pair compared in each language (no blocking, no grouping): the baseline that
    `duplicates` is measured against. Returns the number of pairs at or above `threshold`."""
    from rapidfuzz import process

    by_language: dict[str, list[str]] = defaultdict(list)
    for claim in claims:
        for language, (key, _) in texts_of(claim).items():
            by_language[language].append(key)
    count = 0
    for keys in by_language.values():
        matrix = process.cdist(
            keys, keys, scorer=_scorer(), processor=None, score_cutoff=threshold, workers=-1
        )
        count += int(((matrix >= threshold).sum() - len(keys)) // 2)
    return count
