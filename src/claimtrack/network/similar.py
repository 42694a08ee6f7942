"""Near-duplicate texts: texts whose sets of words overlap by at least a threshold (Jaccard
similarity) count as one shared object, so that a smear text posted with a word changed is
still the same text.

Candidates come from MinHash signatures in bands (locality-sensitive hashing): two texts are
compared only when one band of their signatures is equal, never every text with every other.
Candidates are then checked with their exact Jaccard similarity, and texts joined by a check
form one group (a chain of near-duplicates is one object). Within a band's bucket a text is
checked against the bucket's first text and the one before it, not every other text.
Pure Python: meant for tables of up to some hundred thousand distinct texts.
"""

from __future__ import annotations

import random
import zlib
from collections import defaultdict

from ..problems import ClaimtrackError, Problem
from .detect import Posts

BANDS, ROWS = 16, 4  # 64 hashes; a pair at similarity 0.7 is a candidate with p ~ 0.99
_PRIME = (1 << 61) - 1
_rng = random.Random(20250409)
_PERMUTATIONS = [(_rng.randrange(1, _PRIME), _rng.randrange(_PRIME)) for _ in range(BANDS * ROWS)]


def _words(text: str) -> frozenset[int]:
    return frozenset(zlib.crc32(word.encode()) for word in text.split())


def _signature(words: frozenset[int]) -> list[int]:
    return [min((a * w + b) % _PRIME for w in words) for a, b in _PERMUTATIONS]


def groups(texts: list[str], threshold: float) -> list[int]:
    """For each text, the index of the first text of its group of near-duplicates."""
    words = [_words(text) for text in texts]
    parent = list(range(len(texts)))

    def root(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    buckets: dict[tuple[int, tuple[int, ...]], list[int]] = defaultdict(list)
    for index, tokens in enumerate(words):
        if not tokens:
            continue
        signature = _signature(tokens)
        for band in range(BANDS):
            buckets[(band, tuple(signature[band * ROWS : (band + 1) * ROWS]))].append(index)

    def join_if_similar(a: int, b: int) -> bool:
        if root(a) == root(b):
            return True
        x, y = words[a], words[b]
        if len(x & y) / len(x | y) >= threshold:
            ra, rb = root(a), root(b)
            parent[max(ra, rb)] = min(ra, rb)
            return True
        return False

    # Within a bucket, each text is checked against the bucket's first text, else against the
    # one before it: linear in the bucket's size, even when thousands of copies share a band.
    for members in buckets.values():
        for position in range(1, len(members)):
            current = members[position]
            if not join_if_similar(members[0], current) and position > 1:
                join_if_similar(members[position - 1], current)
    return [root(i) for i in range(len(texts))]


def merge_near_duplicates(posts: Posts, threshold: float) -> int:
    """Make near-duplicate texts one object in `posts`; returns how many texts were merged."""
    if posts.kind != "text":
        raise ClaimtrackError(
            Problem("bad-option", "a similarity threshold applies to text objects only")
        )
    if not 0 < threshold <= 1:
        raise ClaimtrackError(Problem("bad-option", "the similarity is between 0 and 1, e.g. 0.8"))
    representative = groups(posts.objects, threshold)
    posts.obj = [representative[o] for o in posts.obj]
    return sum(1 for i, r in enumerate(representative) if i != r)
