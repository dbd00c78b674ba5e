"""Near-duplicate articles: syndicated copies and lightly edited versions.

MinHash signatures of word 5-shingles estimate Jaccard similarity; an LSH
index (bands of rows) finds candidate copies without comparing every pair.
One story from five outlets becomes one article with five copies.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

NUM_PERM = 64
# 32 bands of 2 rows: pairs above ~0.4 similarity almost surely share a band (P = 0.9999 at 0.5),
# so the threshold (settings.near_duplicate_threshold, 0.5) decides, not the index.
BANDS, ROWS = 32, 2
SHINGLE = 5
_PRIME = np.uint64((1 << 61) - 1)
_rng = np.random.default_rng(20240410)
_A = _rng.integers(1, (1 << 61) - 1, size=NUM_PERM, dtype=np.uint64)
_B = _rng.integers(0, (1 << 61) - 1, size=NUM_PERM, dtype=np.uint64)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def shingles(text: str) -> set[int]:
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE:
        grams = [" ".join(words)] if words else []
    else:
        grams = [" ".join(words[i:i + SHINGLE]) for i in range(len(words) - SHINGLE + 1)]
    return {int.from_bytes(hashlib.blake2b(g.encode(), digest_size=8).digest(), "little") >> 4 for g in grams}


def signature(text: str) -> list[int]:
    hashes = np.fromiter(shingles(text), dtype=np.uint64)
    if hashes.size == 0:
        return [0] * NUM_PERM
    # (a*x + b) mod p, in 64-bit with wrap-around: good enough mixing for MinHash
    values = (hashes[:, None] * _A[None, :] + _B[None, :]) % _PRIME
    return [int(v) & 0xFFFFFFFF for v in values.min(axis=0)]


def similarity(a: list[int], b: list[int]) -> float:
    if not a or not b:
        return 0.0
    return sum(x == y for x, y in zip(a, b)) / min(len(a), len(b))


class NearDuplicateIndex:
    def __init__(self):
        self.buckets: dict[tuple[int, tuple[int, ...]], list[str]] = {}
        self.signatures: dict[str, list[int]] = {}

    def add(self, article_id: str, sig: list[int]) -> None:
        self.signatures[article_id] = sig
        for band in range(BANDS):
            key = (band, tuple(sig[band * ROWS:(band + 1) * ROWS]))
            self.buckets.setdefault(key, []).append(article_id)

    def best_match(self, sig: list[int], threshold: float, exclude: str | None = None) -> tuple[str, float] | None:
        candidates: set[str] = set()
        for band in range(BANDS):
            candidates.update(self.buckets.get((band, tuple(sig[band * ROWS:(band + 1) * ROWS])), ()))
        candidates.discard(exclude)
        best = None
        for cid in sorted(candidates):
            sim = similarity(sig, self.signatures[cid])
            if sim >= threshold and (best is None or sim > best[1]):
                best = (cid, sim)
        return best
