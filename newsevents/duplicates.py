"""Near-duplicate articles: syndicated copies and updated versions of one report.

Each article gets a MinHash signature (datasketch) of its word 3-grams. Signatures are cut into
LSH bands (the band count and width datasketch's ``MinHashLSH`` chooses, for a threshold a margin
below ours); an
article's band keys are stored, indexed, so the candidates of a new article are the stored ones
sharing a band, found without reading the others. A candidate whose estimated Jaccard similarity
reaches ``duplicate_threshold`` is linked as a near-duplicate. Links are symmetric and stored once
per pair, so they do not depend on which article came first.

A near-duplicate is still stored and coded; incidents list it as a copy of the report it repeats
and do not count it as another report.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
from functools import cache
from typing import TYPE_CHECKING, Any

import numpy as np

if TYPE_CHECKING:
    from datasketch import MinHash

__all__ = ["NUM_PERM", "bands", "link_duplicates", "signature", "similarity"]

NUM_PERM = 128
SHINGLE = 3
SCHEME = "affine32"
"""datasketch's hashing scheme, named so stored signatures stay comparable across versions."""
_WORD = re.compile(r"\w+")


def signature(text: str) -> MinHash:
    """MinHash of the article's lower-cased word 3-grams (the words themselves if fewer)."""
    words = _WORD.findall(text.lower())
    grams = {" ".join(words[i : i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    sig = _datasketch().MinHash(
        num_perm=NUM_PERM, seed=1, permutations=_permutations(), scheme=SCHEME
    )
    sig.update_batch([g.encode("utf-8") for g in grams])
    return sig


def similarity(a: MinHash, b: MinHash) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(a.jaccard(b))


LSH_MARGIN = 0.2
"""Bands are cut for a threshold this much lower than the duplicate threshold: datasketch's bands
for 0.8 find a pair of similarity 0.8 only about half the time, those for 0.6 nearly always
(0.99), and every candidate is then checked against the real threshold."""


@cache
def _ranges(threshold: float) -> tuple[tuple[int, int], ...]:
    lsh = _datasketch().MinHashLSH(threshold=max(0.1, threshold - LSH_MARGIN), num_perm=NUM_PERM)
    return tuple((int(start), int(end)) for start, end in lsh.hashranges)


def bands(sig: MinHash, threshold: float) -> list[tuple[int, str]]:
    """(band number, key) pairs: two signatures sharing one are LSH candidates."""
    values = sig.hashvalues
    return [
        (n, hashlib.blake2b(values[start:end].tobytes(), digest_size=8).hexdigest())
        for n, (start, end) in enumerate(_ranges(threshold))
    ]


def _load(blob: bytes) -> MinHash:
    values = np.frombuffer(blob, dtype=np.uint64)
    return _datasketch().MinHash(
        num_perm=NUM_PERM, seed=1, hashvalues=values, permutations=_permutations(), scheme=SCHEME
    )


@cache
def _permutations() -> Any:
    """The hash permutations of our seed, drawn once (datasketch draws them per signature)."""
    return _datasketch().MinHash(num_perm=NUM_PERM, seed=1, scheme=SCHEME).permutations


@cache
def _datasketch() -> Any:
    """datasketch, imported on first use: it imports scipy, half a second that every command
    and every import of newsevents (the gazetteer's one-second load budget among them) would
    otherwise pay, though only storing an article needs it."""
    import datasketch

    return datasketch


def link_duplicates(
    conn: sqlite3.Connection, article_id: str, text: str, threshold: float
) -> list[tuple[str, float]]:
    """Store the article's signature and bands; link and return its near-duplicates."""
    sig = signature(text)
    keys = bands(sig, threshold)
    found: list[tuple[str, float]] = []
    for other in sorted(_candidates(conn, keys, article_id)):
        row = conn.execute(
            "SELECT minhash FROM article_signatures WHERE article_id = ?", (other,)
        ).fetchone()
        score = similarity(sig, _load(row[0]))
        if score >= threshold:
            found.append((other, score))
    conn.execute(
        "INSERT INTO article_signatures (article_id, minhash) VALUES (?, ?)",
        (article_id, sig.hashvalues.astype(np.uint64).tobytes()),
    )
    conn.executemany(
        "INSERT INTO article_bands (band, key, article_id) VALUES (?, ?, ?)",
        [(n, key, article_id) for n, key in keys],
    )
    conn.executemany(
        "INSERT OR IGNORE INTO duplicates (a, b, similarity) VALUES (?, ?, ?)",
        [(*sorted((article_id, other)), round(score, 3)) for other, score in found],
    )
    return found


def _candidates(conn: sqlite3.Connection, keys: list[tuple[int, str]], article_id: str) -> set[str]:
    found: set[str] = set()
    for n, key in keys:
        rows = conn.execute(
            "SELECT article_id FROM article_bands WHERE band = ? AND key = ?", (n, key)
        )
        found.update(row[0] for row in rows)
    found.discard(article_id)
    return found
