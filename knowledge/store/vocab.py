"""Term statistics for ranking: document frequencies, index size and BM25 weights (counted
by the store, TermCounts in terms.py; read by retrieval)."""

from __future__ import annotations

import math
from dataclasses import dataclass, field

_IDF_FLOOR = 0.05


@dataclass(slots=True)
class Vocabulary:
    """Term statistics valid for one knowledge-base version (the store counts them)."""

    version: tuple[str, int, int]
    documents: int
    mean_lengths: tuple[float, float]  # mean terms per statement text, per title
    frequencies: dict[str, int] = field(default_factory=dict)
    counted_at: int = 0  # rows indexed when the oldest cached frequency was counted
    _weights: dict[str, float] = field(default_factory=dict)

    def successor(
        self,
        version: tuple[str, int, int],
        documents: int,
        mean_lengths: tuple[float, float],
        *,
        stable_df: int,
        drift: float,
    ) -> Vocabulary:
        """The vocabulary after a change: common terms' counts are kept while the index grew
        or shrank by less than `drift`; they are slow to count and barely move, while rare
        terms (including ones a new statement just introduced) are counted afresh."""
        base = self.counted_at or self.documents
        if abs(documents - base) > drift * max(base, 1):
            return Vocabulary(version, documents, mean_lengths, counted_at=documents)
        kept = {t: df for t, df in self.frequencies.items() if df >= stable_df}
        return Vocabulary(version, documents, mean_lengths, kept, counted_at=base)

    def idf(self, term: str) -> float:
        """Robertson-Sparck Jones weight as in FTS5's bm25(), floored for terms in most rows."""
        weight = self._weights.get(term)
        if weight is None:
            df = self.frequencies.get(term, 0)
            weight = max(_IDF_FLOOR, math.log((self.documents - df + 0.5) / (df + 0.5)))
            self._weights[term] = weight
        return weight
