"""Document frequencies of index terms, read from FTS5 and cached per connection."""

from __future__ import annotations

import math
import weakref
from dataclasses import dataclass, field

import aiosqlite

_VOCAB_BATCH = 200
_IDF_FLOOR = 0.05
_STABLE_DF = 500  # counts at least this high survive a change of the knowledge base ...
_STABLE_DRIFT = 0.05  # ... until the number of indexed statements moved by this share


@dataclass(slots=True)
class Vocabulary:
    """Per-connection term statistics valid for one knowledge-base version."""

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


_CACHE: weakref.WeakKeyDictionary[aiosqlite.Connection, Vocabulary] = weakref.WeakKeyDictionary()


async def vocabulary(conn: aiosqlite.Connection, terms: set[str]) -> Vocabulary:
    """The connection's vocabulary, refreshed when the knowledge base changed, covering `terms`."""
    version = await _version(conn)
    vocab = _CACHE.get(conn)
    if vocab is None or vocab.version != version:
        documents, lengths = await _averages(conn)
        if vocab is None:
            vocab = Vocabulary(version, documents, lengths, counted_at=documents)
        else:
            vocab = vocab.successor(
                version, documents, lengths, stable_df=_STABLE_DF, drift=_STABLE_DRIFT
            )
        _CACHE[conn] = vocab
    missing = [t for t in terms if t not in vocab.frequencies]
    for start in range(0, len(missing), _VOCAB_BATCH):
        await _load(conn, vocab, missing[start : start + _VOCAB_BATCH])
    return vocab


async def _load(conn: aiosqlite.Connection, vocab: Vocabulary, terms: list[str]) -> None:
    # one equality look-up per term: fts5vocab counts documents by walking posting lists
    sql = " UNION ALL ".join(["SELECT term, doc FROM statements_vocab WHERE term = ?"] * len(terms))
    vocab.frequencies.update(dict.fromkeys(terms, 0))
    for term, doc in await conn.execute_fetchall(sql, terms):
        vocab.frequencies[term] = int(doc)


async def _version(conn: aiosqlite.Connection) -> tuple[str, int, int]:
    sql = (
        "SELECT (SELECT value FROM meta WHERE key = 'kb_version'),"
        " (SELECT coalesce(max(id), 0) FROM statements)"
    )
    (row,) = await conn.execute_fetchall(sql)  # one trip: it runs before every search
    return (str(row[0]), int(row[1]), conn.total_changes)


async def _averages(conn: aiosqlite.Connection) -> tuple[int, tuple[float, float]]:
    """Indexed rows and mean column lengths from FTS5's averages record, read in O(1)."""
    async with conn.execute("SELECT block FROM statements_fts_data WHERE id = 1") as cursor:
        row = await cursor.fetchone()
    values = _varints(bytes(row[0])) if row is not None and row[0] else []
    if len(values) < 3 or values[0] == 0:
        return (values[0] if values else 0), (10.0, 10.0)
    rows = values[0]
    return rows, (max(values[1] / rows, 1.0), max(values[2] / rows, 1.0))


def _varints(data: bytes) -> list[int]:
    """Decode a run of SQLite big-endian base-128 varints (at most 9 bytes each)."""
    values: list[int] = []
    value, used = 0, 0
    for byte in data:
        used += 1
        if used == 9:
            values.append((value << 8) | byte)
            value, used = 0, 0
            continue
        value = (value << 7) | (byte & 0x7F)
        if not byte & 0x80:
            values.append(value)
            value, used = 0, 0
    return values
