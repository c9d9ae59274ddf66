"""Document frequencies of index terms, counted by FTS5 and cached until the knowledge base
changes (bounded: a long-running process does not keep every word it was ever asked)."""

from __future__ import annotations

from knowledge.store.connection import Database
from knowledge.store.vocab import Vocabulary

_BATCH = 200  # terms counted in one query


class TermCounts:
    """The statements index's vocabulary over one connection, owned by the store.

    The cached counts are valid for one version of the knowledge base (its `kb_version`, the
    newest statement and this connection's writes); on a change, common terms' counts are kept
    while the index moved by less than `drift` (they are slow to count and barely move).
    """

    def __init__(
        self,
        db: Database,
        *,
        stable_df: int = 500,
        drift: float = 0.05,
        max_terms: int = 200_000,
    ) -> None:
        self._db = db
        self._stable_df = stable_df
        self._drift = drift
        self._max_terms = max_terms
        self._vocab: Vocabulary | None = None

    async def vocabulary(self, terms: set[str]) -> Vocabulary:
        """The current vocabulary, refreshed if the knowledge base changed, covering `terms`."""
        vocab = await self._current()
        missing = [t for t in terms if t not in vocab.frequencies]
        for start in range(0, len(missing), _BATCH):
            await self._count(vocab, missing[start : start + _BATCH])
        return vocab

    async def _current(self) -> Vocabulary:
        version = await self._version()
        vocab = self._vocab
        if vocab is not None and vocab.version == version:
            if len(vocab.frequencies) <= self._max_terms:
                return vocab
            vocab = None  # full: start again rather than grow without bound
        documents, lengths = await self._averages()
        if vocab is None:
            vocab = Vocabulary(version, documents, lengths, counted_at=documents)
        else:
            vocab = vocab.successor(
                version, documents, lengths, stable_df=self._stable_df, drift=self._drift
            )
        self._vocab = vocab
        return vocab

    async def _count(self, vocab: Vocabulary, terms: list[str]) -> None:
        # one equality look-up per term: fts5vocab counts documents by walking posting lists
        sql = " UNION ALL ".join(
            ["SELECT term, doc FROM statements_vocab WHERE term = ?"] * len(terms)
        )
        vocab.frequencies.update(dict.fromkeys(terms, 0))
        for term, doc in await self._db.fetch(sql, terms):
            vocab.frequencies[term] = int(doc)

    async def _version(self) -> tuple[str, int, int]:
        sql = (
            "SELECT (SELECT value FROM meta WHERE key = 'kb_version'),"
            " (SELECT coalesce(max(id), 0) FROM statements)"
        )
        (row,) = await self._db.fetch(sql)  # one trip: it runs before every search
        return (str(row[0]), int(row[1]), self._db.total_changes)

    async def _averages(self) -> tuple[int, tuple[float, float]]:
        """Indexed rows and mean column lengths from FTS5's averages record, read in O(1)."""
        sql = "SELECT block FROM statements_fts_data WHERE id = 1"
        row = next(iter(await self._db.fetch(sql)), None)
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
