"""One HTTP GET pinned to a vetted address, reading at most the allowed bytes and content types."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from dataclasses import dataclass

import httpx

from ..errors import FetchFailed
from .decoding import content_coding, decode_body
from .limits import FetchLimits, readable_size

REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True, slots=True)
class Page:
    """A downloaded body with its media type (lower case, no parameters) and declared charset."""

    media_type: str
    charset: str | None
    body: bytes


@dataclass(frozen=True, slots=True)
class Answer:
    """What one GET returned: a redirect target, or a page."""

    location: str | None = None
    page: Page | None = None


async def get_pinned(
    client: httpx.AsyncClient, url: httpx.URL, addresses: list[str], *, limits: FetchLimits
) -> Answer:
    """GET `url` from the first of `addresses` that accepts a connection.

    The request goes to the IP itself while the Host header and the TLS server name (SNI and
    certificate check) stay those of the URL, so DNS cannot change between check and connect.
    """
    failure: httpx.TransportError | None = None
    for address in addresses:
        try:
            return await _get_from(client, url, address, limits)
        except (httpx.ConnectError, httpx.ConnectTimeout) as error:
            failure = error
        except httpx.HTTPError as error:
            raise FetchFailed(str(url), _transport_reason(error, limits)) from error
    if failure is None:
        raise FetchFailed(str(url), f"the host {url.host} has no usable address")
    raise FetchFailed(str(url), _transport_reason(failure, limits)) from failure


async def _get_from(
    client: httpx.AsyncClient, url: httpx.URL, address: str, limits: FetchLimits
) -> Answer:
    response = await client.send(_pinned_request(client, url, address), stream=True)
    try:
        return await _read_answer(str(url), response, limits)
    finally:
        await response.aclose()


def _pinned_request(client: httpx.AsyncClient, url: httpx.URL, address: str) -> httpx.Request:
    target = httpx.URL(scheme=url.scheme, host=address, port=url.port, raw_path=url.raw_path)
    extensions = {"sni_hostname": url.raw_host.decode("ascii")} if url.scheme == "https" else {}
    return client.build_request(
        "GET", target, headers={"Host": url.netloc.decode("ascii")}, extensions=extensions
    )


async def _read_answer(url: str, response: httpx.Response, limits: FetchLimits) -> Answer:
    if response.status_code in REDIRECT_STATUSES and "location" in response.headers:
        return Answer(location=response.headers["location"])
    if not 200 <= response.status_code < 300:
        phrase = f" {response.reason_phrase}" if response.reason_phrase else ""
        raise FetchFailed(url, f"the server answered HTTP {response.status_code}{phrase}")
    media_type = _media_type(url, response, limits)
    coding = content_coding(url, response.headers.get("content-encoding", ""))
    raw = await _read_limited(url, response, limits.max_bytes)
    # Decompressed in a thread, never past max_bytes, within the caller's total timeout.
    body = await asyncio.to_thread(decode_body, url, raw, coding, max_bytes=limits.max_bytes)
    return Answer(page=Page(media_type, response.charset_encoding, body))


def _media_type(url: str, response: httpx.Response, limits: FetchLimits) -> str:
    declared: str = response.headers.get("content-type", "")
    media_type = declared.split(";", 1)[0].strip().lower()
    if media_type not in limits.content_types:
        shown = media_type or "of no declared type"
        allowed = " and ".join(sorted(limits.content_types))
        raise FetchFailed(url, f"the link is {shown}, not an article (only {allowed} are read)")
    return media_type


async def _read_limited(url: str, response: httpx.Response, max_bytes: int) -> bytes:
    too_big = f"the page is larger than {readable_size(max_bytes)}"
    declared = response.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > max_bytes:
        raise FetchFailed(url, too_big)
    body = bytearray()
    async for chunk in _raw_chunks(response):
        body += chunk
        if len(body) > max_bytes:
            raise FetchFailed(url, too_big)
    return bytes(body)


async def _raw_chunks(response: httpx.Response) -> AsyncIterator[bytes]:
    """The body as sent (httpx would decompress it without a bound), or as built in memory
    by a mock transport, which reads it already."""
    if response.is_stream_consumed:
        yield response.content
        return
    async for chunk in response.aiter_raw():
        yield chunk


def _transport_reason(error: httpx.HTTPError, limits: FetchLimits) -> str:
    if isinstance(error, httpx.ConnectTimeout):
        return f"the server did not accept a connection within {limits.connect_timeout:g} s"
    if isinstance(error, httpx.ConnectError) and "CERTIFICATE_VERIFY_FAILED" in str(error):
        return "the site's TLS certificate is not valid"
    if isinstance(error, httpx.ConnectError):
        return "could not connect to the server"
    if isinstance(error, httpx.TimeoutException):
        return f"the page took longer than {limits.total_timeout:g} s to download"
    return f"the server's answer could not be read ({type(error).__name__})"
