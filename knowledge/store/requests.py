"""The curators' queue in SQLite: requests grouped by claim and the people who filed them."""

from __future__ import annotations

from collections.abc import Sequence
from contextlib import AbstractAsyncContextManager
from datetime import date
from typing import Any

from knowledge.errors import RequestNotFound
from knowledge.model import Request, Requester, RequestKind, Verdict
from knowledge.store.connection import Database
from knowledge.store.meta import kb_version
from knowledge.store.rows import now as _now

_REQUEST = (
    "r.id, r.kind, r.claim, r.verdict, r.reference_date, r.status, r.opened_at, r.outcome,"
    " (SELECT count(*) FROM request_askers a WHERE a.request_id = r.id"
    " AND a.told_at IS NULL),"
    " (SELECT max(asked_at) FROM request_askers a WHERE a.request_id = r.id)"
)


def _request(row: Sequence[Any], reasons: tuple[str, ...] = ()) -> Request:
    return Request(
        id=row[0],
        kind=RequestKind(row[1]),
        claim=row[2],
        verdict=Verdict(row[3]),
        reference_date=date.fromisoformat(row[4]) if row[4] else None,
        status=row[5],
        opened_at=row[6],
        outcome=row[7],
        count=row[8],
        last_asked=row[9],
        reasons=reasons,
    )


class RequestTable:
    """Queries and changes of the `requests` and `request_askers` tables (one transaction each)."""

    def __init__(self, db: Database) -> None:
        self._db = db

    def transaction(self) -> AbstractAsyncContextManager[None]:
        """One turn at the write connection (the store's): reads and writes in it are one
        all-or-nothing step, e.g. finding the request a new ask joins and filing it."""
        return self._db.transaction()

    async def kb_version(self) -> int:
        """The knowledge base's version, which requests are re-checked against."""
        return await kb_version(self._db)

    async def _all(self, sql: str, params: Sequence[Any] = ()) -> list[Any]:
        return list(await self._db.fetch(sql, params))

    async def _one(self, sql: str, params: Sequence[Any] = ()) -> Any:
        return next(iter(await self._all(sql, params)), None)

    async def similar_open(
        self, kind: RequestKind, verdict: Verdict, terms: Sequence[str], *, limit: int = 20
    ) -> list[tuple[int, str]]:
        """Open requests of this kind and verdict sharing words with `terms`: (id, claim)."""
        if not terms:
            return []
        match = " OR ".join('"' + t.replace('"', '""') + '"' for t in dict.fromkeys(terms))
        return await self._all(
            "SELECT r.id, r.claim FROM (SELECT rowid, rank FROM requests_fts"
            " WHERE requests_fts MATCH ? ORDER BY rank LIMIT ?) AS hit"
            " JOIN requests r ON r.id = hit.rowid"
            " WHERE r.status = 'open' AND r.kind = ? AND r.verdict = ? ORDER BY hit.rank"
            " LIMIT ?",
            (match, limit * 5, str(kind), str(verdict), limit),
        )

    async def open_count(self) -> int:
        (count,) = await self._one("SELECT count(*) FROM requests WHERE status = 'open'")
        return int(count)

    async def open_of(self, user_id: int) -> int:
        """How many open requests this person has filed."""
        (count,) = await self._one(
            "SELECT count(*) FROM request_askers a JOIN requests r ON r.id = a.request_id"
            " WHERE a.user_id = ? AND r.status = 'open'",
            (user_id,),
        )
        return int(count)

    async def file(
        self, found: int | None, values: dict[str, Any], who: Requester, reason: str | None
    ) -> tuple[int, bool]:
        """Add `who` to request `found` (or a new one made of `values`), in one transaction.
        Returns the request id and whether this person had already filed it."""
        async with self._db.transaction():
            if found is None:
                names = ", ".join(values)
                cursor = await self._db.execute(
                    f"INSERT INTO requests ({names}, opened_at)"
                    f" VALUES ({', '.join('?' * len(values))}, ?)",
                    [*values.values(), _now()],
                )
                assert cursor.lastrowid is not None
                found = cursor.lastrowid
            cursor = await self._db.execute(
                "INSERT INTO request_askers"
                " (request_id, user_id, chat_id, asked_at, reason, language)"
                " VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                (found, who.user_id, who.chat_id, _now(), reason, who.language),
            )
            return found, cursor.rowcount == 0

    async def get(self, request_id: int, *, reasons: int = 5) -> Request:
        row = await self._one(f"SELECT {_REQUEST} FROM requests r WHERE r.id = ?", (request_id,))
        if row is None:
            raise RequestNotFound(request_id)
        found = await self._all(
            "SELECT reason FROM request_askers WHERE request_id = ? AND reason IS NOT NULL"
            " ORDER BY asked_at DESC LIMIT ?",
            (request_id, reasons),
        )
        return _request(row, tuple(r[0] for r in found))

    async def most_asked(self, kind: RequestKind, *, limit: int) -> list[Request]:
        """Open requests of `kind`, the most filed first (then the oldest)."""
        rows = await self._all(
            f"SELECT {_REQUEST} FROM requests r WHERE r.status = 'open' AND r.kind = ?"
            " ORDER BY 9 DESC, r.id LIMIT ?",
            (str(kind), limit),
        )
        return [_request(row) for row in rows]

    async def stale(self, version: int, *, limit: int) -> list[Request]:
        """Open requests not yet checked against knowledge-base version `version`."""
        rows = await self._all(
            f"SELECT {_REQUEST} FROM requests r WHERE r.status = 'open'"
            " AND r.checked_version < ? ORDER BY 9 DESC, r.id LIMIT ?",
            (version, limit),
        )
        return [_request(row) for row in rows]

    async def mark_checked(self, ids: Sequence[int], version: int) -> None:
        if not ids:
            return
        async with self._db.transaction():
            await self._db.executemany(
                "UPDATE requests SET checked_version = ? WHERE id = ?", [(version, i) for i in ids]
            )

    async def close(
        self, request_id: int, status: str, outcome: str, by: str, *, version: int = -1
    ) -> tuple[Requester, ...]:
        """Close an open request (checked against knowledge-base `version`); returns who filed
        it, to be told once. Those told an answer are remembered until the request expires, to
        be told a correction; those of a dismissed request are forgotten."""
        async with self._db.transaction():
            row = await self._one("SELECT status FROM requests WHERE id = ?", (request_id,))
            if row is None or row[0] != "open":
                raise RequestNotFound(request_id, closed=row is not None)
            recipients = await self.told(request_id, waiting=True)
            if status == "answered":
                await self._db.execute(
                    "UPDATE request_askers SET told_at = ? WHERE request_id = ?",
                    (_now(), request_id),
                )
            else:
                await self._db.execute(
                    "DELETE FROM request_askers WHERE request_id = ?", (request_id,)
                )
            await self._db.execute(
                "UPDATE requests SET status = ?, outcome = ?, closed_at = ?, closed_by = ?,"
                " checked_version = ? WHERE id = ?",
                (status, outcome, _now(), by, version, request_id),
            )
        return recipients

    async def told(self, request_id: int, *, waiting: bool = False) -> tuple[Requester, ...]:
        """Who filed a request: those still waiting, or (by default) those told its answer."""
        rows = await self._all(
            "SELECT user_id, chat_id, language FROM request_askers WHERE request_id = ?"
            f" AND told_at IS {'' if waiting else 'NOT '}NULL ORDER BY asked_at",
            (request_id,),
        )
        return tuple(Requester(user_id=r[0], chat_id=r[1], language=r[2]) for r in rows)

    async def answered_stale(self, version: int, *, limit: int) -> list[Request]:
        """Answered requests whose askers are remembered, not yet re-checked against
        knowledge-base `version` (their answer may have been undone or corrected since)."""
        rows = await self._all(
            f"SELECT {_REQUEST} FROM requests r WHERE r.status = 'answered'"
            " AND r.checked_version < ? AND EXISTS (SELECT 1 FROM request_askers a"
            " WHERE a.request_id = r.id AND a.told_at IS NOT NULL) ORDER BY r.id LIMIT ?",
            (version, limit),
        )
        return [_request(row) for row in rows]

    async def correct(self, request_id: int, outcome: str, version: int) -> None:
        """Record the verdict an answered request's askers were told in a correction."""
        async with self._db.transaction():
            await self._db.execute(
                "UPDATE requests SET outcome = ?, checked_version = ? WHERE id = ?",
                (outcome, version, request_id),
            )

    async def prune(self, before: str) -> int:
        """Forget filings made before `before` (ISO time), then requests nobody waits for
        and closed ones older than that; returns how many filings were forgotten."""
        async with self._db.transaction():
            cursor = await self._db.execute(
                "DELETE FROM request_askers WHERE asked_at < ?", (before,)
            )
            await self._db.execute(
                "DELETE FROM requests WHERE (status = 'open' AND NOT EXISTS (SELECT 1 FROM"
                " request_askers a WHERE a.request_id = requests.id))"
                " OR (status <> 'open' AND closed_at < ?)",
                (before,),
            )
        return cursor.rowcount
