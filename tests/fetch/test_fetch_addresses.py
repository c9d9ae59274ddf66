"""The public-address guard: refusals after resolution and on redirects, and pinned connections."""

from __future__ import annotations

import ipaddress

import httpx
import pytest
from fetch_server import FakeResolver, LocalServer, article_html, html_reply

from knowledge.errors import FetchFailed
from knowledge.fetch import FetchLimits, fetch_article, is_public_address, system_resolver

PUBLIC_IP = "93.184.216.34"
PRIVATE_ADDRESSES = [
    pytest.param("127.0.0.1", id="loopback"),
    pytest.param("10.0.0.1", id="private-10"),
    pytest.param("192.168.1.1", id="private-192"),
    pytest.param("169.254.169.254", id="link-local-metadata"),
    pytest.param("::1", id="ipv6-loopback"),
    pytest.param("fd00::1", id="ipv6-unique-local"),
    pytest.param("::ffff:127.0.0.1", id="ipv4-mapped-loopback"),
]
STRICT = FetchLimits(connect_timeout=1.0, total_timeout=2.0)


class PublicSite:
    """A stand-in for a public web server (no real network): records what reaches it."""

    def __init__(self, pages: dict[str, httpx.Response]) -> None:
        self.pages = pages
        self.requests: list[httpx.Request] = []

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self._answer)

    def _answer(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        return self.pages.get(request.url.path, httpx.Response(404))


def _article_response() -> httpx.Response:
    return httpx.Response(200, headers={"Content-Type": "text/html"}, content=article_html())


@pytest.mark.parametrize(
    ("address", "public"),
    [
        pytest.param(PUBLIC_IP, True, id="public-v4"),
        pytest.param("2606:4700:4700::1111", True, id="public-v6"),
        pytest.param("127.0.0.1", False, id="loopback"),
        pytest.param("10.0.0.1", False, id="private"),
        pytest.param("100.64.0.1", False, id="carrier-grade-nat"),
        pytest.param("169.254.169.254", False, id="link-local"),
        pytest.param("224.0.0.1", False, id="multicast"),
        pytest.param("233.252.0.1", False, id="multicast-global-scope"),
        pytest.param("240.0.0.1", False, id="reserved"),
        pytest.param("0.0.0.0", False, id="unspecified"),
        pytest.param("::", False, id="v6-unspecified"),
        pytest.param("fe80::1", False, id="v6-link-local"),
        pytest.param("ff02::1", False, id="v6-multicast"),
        pytest.param("::ffff:10.0.0.1", False, id="ipv4-mapped-private"),
        pytest.param("2002:a00:1::", False, id="6to4-of-private"),
        pytest.param("64:ff9b::7f00:1", False, id="nat64-of-loopback"),
    ],
)
def test_is_public_address(address: str, public: bool) -> None:
    assert is_public_address(ipaddress.ip_address(address)) is public


@pytest.mark.parametrize("address", PRIVATE_ADDRESSES)
async def test_a_name_resolving_to_a_private_address_is_refused(address: str) -> None:
    site = PublicSite({"/a": _article_response()})
    resolver = FakeResolver({"news.example": [address]})

    with pytest.raises(FetchFailed, match="private or local network") as caught:
        await fetch_article(
            "http://news.example/a", limits=STRICT, resolver=resolver, transport=site.transport()
        )

    assert "news.example" in caught.value.reason
    assert site.requests == []


@pytest.mark.parametrize("address", PRIVATE_ADDRESSES)
async def test_a_redirect_to_a_private_address_is_refused(address: str) -> None:
    site = PublicSite(
        {"/a": httpx.Response(302, headers={"Location": "http://intranet.example/admin"})}
    )
    resolver = FakeResolver({"news.example": [PUBLIC_IP], "intranet.example": [address]})

    with pytest.raises(FetchFailed, match="intranet.example is on a private or local network"):
        await fetch_article(
            "http://news.example/a", limits=STRICT, resolver=resolver, transport=site.transport()
        )

    assert [str(r.url) for r in site.requests] == [f"http://{PUBLIC_IP}/a"]


async def test_one_private_address_among_public_ones_is_enough_to_refuse() -> None:
    resolver = FakeResolver({"news.example": [PUBLIC_IP, "10.0.0.1"]})
    site = PublicSite({"/a": _article_response()})

    with pytest.raises(FetchFailed, match=r"private or local network \(10\.0\.0\.1\)"):
        await fetch_article(
            "http://news.example/a", limits=STRICT, resolver=resolver, transport=site.transport()
        )
    assert site.requests == []


@pytest.mark.parametrize(
    "path", ["/news/nato", "/redirect"], ids=["direct", "via-redirect-from-public"]
)
async def test_literal_private_hosts_are_refused_without_a_request(
    local_server: LocalServer, path: str
) -> None:
    local_server.routes["/news/nato"] = html_reply(article_html())
    site = PublicSite(
        {"/redirect": httpx.Response(302, headers={"Location": local_server.url("/news/nato")})}
    )
    resolver = FakeResolver({"news.example": [PUBLIC_IP]})
    url = local_server.url(path) if path == "/news/nato" else "http://news.example/redirect"

    with pytest.raises(FetchFailed, match=r"127\.0\.0\.1 is on a private or local network"):
        await fetch_article(url, limits=STRICT, resolver=resolver, transport=site.transport())
    assert local_server.hits["/news/nato"] == 0


@pytest.mark.parametrize("url", ["http://[::1]/a", "http://[fd00::1]:8080/a", "http://0.0.0.0/"])
async def test_literal_ipv6_and_unspecified_hosts_are_refused(url: str) -> None:
    site = PublicSite({})
    with pytest.raises(FetchFailed, match="private or local network"):
        await fetch_article(
            url, limits=STRICT, resolver=FakeResolver({}), transport=site.transport()
        )
    assert site.requests == []


async def test_allow_private_lifts_the_check(local_server: LocalServer) -> None:
    local_server.routes["/news/nato"] = html_reply(article_html())
    resolver = FakeResolver({"intranet.example": ["127.0.0.1"]})
    limits = FetchLimits(connect_timeout=1.0, total_timeout=2.0, allow_private=True)

    article = await fetch_article(
        local_server.url("/news/nato", host="intranet.example"), limits=limits, resolver=resolver
    )
    assert article.site == "Example News"


@pytest.mark.parametrize("scheme", ["http", "https"])
async def test_request_is_pinned_to_the_vetted_address(scheme: str) -> None:
    site = PublicSite({"/a": _article_response()})
    resolver = FakeResolver({"news.example": [PUBLIC_IP]})

    article = await fetch_article(
        f"{scheme}://news.example/a", limits=STRICT, resolver=resolver, transport=site.transport()
    )

    (request,) = site.requests
    assert request.url.host == PUBLIC_IP
    assert request.headers["Host"] == "news.example"
    assert request.extensions.get("sni_hostname") == ("news.example" if scheme == "https" else None)
    assert article.final_url == f"{scheme}://news.example/a"
    assert resolver.calls["news.example"] == 1


async def test_system_resolver_answers_for_localhost() -> None:
    addresses = await system_resolver("localhost")
    assert addresses
    assert all(not is_public_address(ipaddress.ip_address(a)) for a in addresses)


class FlakyNetwork:
    """Refuses or times out connections to some addresses; serves the article on the others."""

    def __init__(self, failures: dict[str, httpx.TransportError]) -> None:
        self.failures = failures
        self.tried: list[str] = []

    def transport(self) -> httpx.MockTransport:
        return httpx.MockTransport(self._answer)

    def _answer(self, request: httpx.Request) -> httpx.Response:
        self.tried.append(request.url.host)
        if request.url.host in self.failures:
            raise self.failures[request.url.host]
        return _article_response()


async def test_the_next_vetted_address_is_tried_when_one_refuses() -> None:
    network = FlakyNetwork({PUBLIC_IP: httpx.ConnectError("refused")})
    resolver = FakeResolver({"news.example": [PUBLIC_IP, "2606:4700:4700::1111"]})

    article = await fetch_article(
        "https://news.example/a", limits=STRICT, resolver=resolver, transport=network.transport()
    )

    assert network.tried == [PUBLIC_IP, "2606:4700:4700::1111"]
    assert article.site == "Example News"


async def test_connect_timeout_is_reported() -> None:
    network = FlakyNetwork({PUBLIC_IP: httpx.ConnectTimeout("timed out")})
    resolver = FakeResolver({"news.example": [PUBLIC_IP]})

    with pytest.raises(FetchFailed) as caught:
        await fetch_article(
            "https://news.example/a",
            limits=STRICT,
            resolver=resolver,
            transport=network.transport(),
        )
    assert caught.value.reason == "the server did not accept a connection within 1 s"
