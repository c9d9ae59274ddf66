"""Compressed pages: one gzip or deflate layer is decoded within the size cap; bombs are refused."""

from __future__ import annotations

import gzip
import tracemalloc
import zlib

import pytest
from fetch_server import LocalServer, Reply, article_html

from knowledge.errors import FetchFailed
from knowledge.fetch import FetchLimits, fetch_article

HTML = {"Content-Type": "text/html; charset=utf-8"}


def _gzip_of_zeros(megabytes: int) -> bytes:
    """gzip of `megabytes` MB of zeros, built a megabyte at a time (about 1 kB per MB)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    chunk = bytes(1_000_000)
    return b"".join(packer.compress(chunk) for _ in range(megabytes)) + packer.flush()


def _page(body: bytes, encoding: str) -> Reply:
    return Reply(200, {**HTML, "Content-Encoding": encoding}, body)


async def test_a_gzipped_page_is_decoded(
    local_server: LocalServer, open_limits: FetchLimits
) -> None:
    local_server.routes["/news"] = _page(gzip.compress(article_html()), "gzip")
    article = await fetch_article(local_server.url("/news"), limits=open_limits)
    assert "Minsk Agreement" in article.text


async def test_raw_deflate_is_decoded(local_server: LocalServer, open_limits: FetchLimits) -> None:
    packer = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    local_server.routes["/news"] = _page(
        packer.compress(article_html()) + packer.flush(), "deflate"
    )
    article = await fetch_article(local_server.url("/news"), limits=open_limits)
    assert "Minsk Agreement" in article.text


@pytest.mark.timeout(60)
async def test_double_gzip_bomb_is_refused(
    local_server: LocalServer, open_limits: FetchLimits
) -> None:
    bomb = gzip.compress(_gzip_of_zeros(500))  # 500 MB inside two layers, about 1 kB sent
    local_server.routes["/bomb"] = _page(bomb, "gzip, gzip")
    with pytest.raises(FetchFailed, match="compressed more than once") as caught:
        await fetch_article(local_server.url("/bomb"), limits=open_limits)
    assert "\n" not in str(caught.value)


@pytest.mark.timeout(60)
async def test_gzip_bomb_stops_at_the_size_cap(local_server: LocalServer) -> None:
    limits = FetchLimits(
        connect_timeout=1.0, total_timeout=5.0, allow_private=True, max_bytes=1_000_000
    )
    local_server.routes["/bomb"] = _page(_gzip_of_zeros(300), "gzip")
    tracemalloc.start()
    try:
        with pytest.raises(FetchFailed, match="larger than 1 MB once decompressed"):
            await fetch_article(local_server.url("/bomb"), limits=limits)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 20_000_000  # a few copies of the 1 MB cap, not the 300 MB inside


@pytest.mark.parametrize(
    "encoding", [pytest.param("br", id="brotli"), pytest.param("zstd", id="zstd")]
)
async def test_other_encodings_are_refused(
    local_server: LocalServer, open_limits: FetchLimits, encoding: str
) -> None:
    local_server.routes["/page"] = _page(b"\x00" * 100, encoding)
    with pytest.raises(FetchFailed, match="not gzip"):
        await fetch_article(local_server.url("/page"), limits=open_limits)


async def test_damaged_gzip_is_a_clear_failure(
    local_server: LocalServer, open_limits: FetchLimits
) -> None:
    local_server.routes["/page"] = _page(b"\x1f\x8b\x08\x00garbage", "gzip")
    with pytest.raises(FetchFailed, match="compressed data is damaged"):
        await fetch_article(local_server.url("/page"), limits=open_limits)
