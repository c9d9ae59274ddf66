"""fetch_article against a local server: extraction, limits and their one-line reasons."""

from __future__ import annotations

import gzip
from datetime import date

import pytest
from fetch_server import FakeResolver, LocalServer, Reply, article_html, html_reply, redirect

from knowledge.errors import FetchFailed
from knowledge.fetch import Article, FetchLimits, fetch_article

PLAIN_TEXT = ("A plain text bulletin about the NATO visit to Seoul. " * 8).encode()


async def test_article_page_is_extracted_with_title_site_and_date(
    local_server: LocalServer, open_limits: FetchLimits
) -> None:
    local_server.routes["/news/nato"] = html_reply(article_html())
    url = local_server.url("/news/nato")

    article = await fetch_article(url, limits=open_limits)

    assert article.url == article.final_url == url
    assert article.title is not None and "Stoltenberg" not in article.title
    assert "NATO secretary general urges South Korea" in article.title
    assert article.site == "Example News"
    assert article.published == date(2023, 1, 30)
    assert "statement released Tuesday during a visit to Seoul" in article.text
    assert "Minsk Agreement" in article.text
    assert "Copyright" not in article.text


async def test_redirects_are_followed_and_final_url_reported(
    local_server: LocalServer, open_limits: FetchLimits
) -> None:
    local_server.routes["/short"] = redirect("/moved")
    local_server.routes["/moved"] = redirect(local_server.url("/news/nato"), status=301)
    local_server.routes["/news/nato"] = html_reply(article_html())

    article = await fetch_article(local_server.url("/short"), limits=open_limits)

    assert article.url == local_server.url("/short")
    assert article.final_url == local_server.url("/news/nato")
    assert article.published == date(2023, 1, 30)


async def test_plain_text_is_served_as_is(
    local_server: LocalServer, open_limits: FetchLimits
) -> None:
    local_server.routes["/bulletin.txt"] = Reply(
        200, {"Content-Type": "text/plain; charset=utf-8"}, PLAIN_TEXT
    )

    article = await fetch_article(local_server.url("/bulletin.txt"), limits=open_limits)

    assert article.text == PLAIN_TEXT.decode().strip()
    assert (article.title, article.published, article.site) == (None, None, "127.0.0.1")


async def test_connection_goes_to_the_resolved_address_with_the_host_name_kept(
    local_server: LocalServer, open_limits: FetchLimits
) -> None:
    local_server.routes["/news/nato"] = html_reply(article_html())
    resolver = FakeResolver({"news.example": ["127.0.0.1"]})
    url = local_server.url("/news/nato", host="news.example")

    article = await fetch_article(url, limits=open_limits, resolver=resolver)

    assert article.final_url == url
    assert local_server.hosts == [f"news.example:{local_server.port}"]
    assert resolver.calls["news.example"] == 1


def _slow_page() -> Reply:
    lines = b"".join(b"<p>still loading the article, one line at a time</p>\n" for _ in range(60))
    return Reply(200, {"Content-Type": "text/html"}, lines, trickle=0.05)


FAILURES = [
    pytest.param(
        "/big",
        html_reply(b"<p>" + b"x" * 5000 + b"</p>", **{"Content-Length": "5007"}),
        "larger than 4 kB",
        id="oversized",
    ),
    pytest.param(
        "/big-undeclared",
        Reply(200, {"Content-Type": "text/html"}, b"<p>" + b"y" * 20_000 + b"</p>"),
        "larger than 4 kB",
        id="oversized-without-length",
    ),
    pytest.param(
        "/bomb",
        Reply(
            200,
            {"Content-Type": "text/html", "Content-Encoding": "gzip"},
            gzip.compress(b"<p>" + b"z" * 200_000 + b"</p>"),
        ),
        "larger than 4 kB",
        id="compressed-bomb",
    ),
    pytest.param("/slow", _slow_page(), "took longer than 0.5 s", id="slow-trickle"),
    pytest.param(
        "/paper.pdf",
        Reply(200, {"Content-Type": "application/pdf"}, b"%PDF-1.7\n"),
        "application/pdf, not an article",
        id="pdf",
    ),
    pytest.param(
        "/gone", Reply(404, {"Content-Type": "text/html"}), "HTTP 404 Not Found", id="404"
    ),
    pytest.param(
        "/boom", Reply(503, {"Content-Type": "text/html"}), "HTTP 503 Service Unavailable", id="503"
    ),
    pytest.param("/loop-a", redirect("/loop-b"), "redirects in a loop", id="redirect-loop"),
    pytest.param(
        "/paywall",
        html_reply(b"<html><title>Members only</title><p>Subscribe to read.</p></html>"),
        "no article text found",
        id="paywall",
    ),
    pytest.param(
        "/untyped", Reply(200, {}, b"<p>hello</p>"), "of no declared type", id="no-content-type"
    ),
]


@pytest.mark.parametrize(("path", "reply", "reason"), FAILURES)
async def test_failures_have_a_clear_one_line_reason(
    local_server: LocalServer, path: str, reply: Reply, reason: str
) -> None:
    local_server.routes[path] = reply
    local_server.routes["/loop-b"] = redirect("/loop-a")
    limits = FetchLimits(total_timeout=0.5, max_bytes=4_000, allow_private=True)
    url = local_server.url(path)

    with pytest.raises(FetchFailed) as caught:
        await fetch_article(url, limits=limits)

    assert caught.value.url == url
    assert reason in caught.value.reason
    assert str(caught.value) == f"Could not check {url}: {caught.value.reason}"
    assert "\n" not in str(caught.value)


async def test_too_many_redirects(local_server: LocalServer) -> None:
    for step in range(4):
        local_server.routes[f"/hop/{step}"] = redirect(f"/hop/{step + 1}")
    local_server.routes["/hop/4"] = html_reply(article_html())
    limits = FetchLimits(max_redirects=3, allow_private=True)

    with pytest.raises(FetchFailed, match="redirects more than 3 times"):
        await fetch_article(local_server.url("/hop/0"), limits=limits)
    assert local_server.hits["/hop/4"] == 0

    article = await fetch_article(
        local_server.url("/hop/0"), limits=FetchLimits(allow_private=True)
    )
    assert article.final_url == local_server.url("/hop/4")


async def test_nothing_listening_is_a_connection_failure(open_limits: FetchLimits) -> None:
    with pytest.raises(FetchFailed, match="could not connect to the server"):
        await fetch_article("http://127.0.0.1:9/", limits=open_limits)


async def test_unknown_host(open_limits: FetchLimits) -> None:
    resolver = FakeResolver({})
    with pytest.raises(FetchFailed, match="the host nowhere.example could not be found"):
        await fetch_article("https://nowhere.example/a", limits=open_limits, resolver=resolver)


@pytest.mark.parametrize(
    "url",
    [
        pytest.param("ftp://news.example/article", id="ftp"),
        pytest.param("file:///etc/passwd", id="file"),
        pytest.param("javascript:alert(1)", id="javascript"),
        pytest.param("gopher://127.0.0.1:6379/_INFO", id="gopher"),
    ],
)
async def test_only_http_and_https_are_fetched(url: str, open_limits: FetchLimits) -> None:
    resolver = FakeResolver({})
    with pytest.raises(FetchFailed, match="only http and https links can be checked"):
        await fetch_article(url, limits=open_limits, resolver=resolver)
    assert not resolver.calls


async def test_redirect_to_another_scheme_is_refused(
    local_server: LocalServer, open_limits: FetchLimits
) -> None:
    local_server.routes["/to-file"] = redirect("file:///etc/passwd")
    with pytest.raises(FetchFailed, match="only http and https"):
        await fetch_article(local_server.url("/to-file"), limits=open_limits)


@pytest.mark.parametrize(
    "options",
    [
        pytest.param({"total_timeout": 0}, id="zero-timeout"),
        pytest.param({"max_redirects": -1}, id="negative-redirects"),
        pytest.param({"max_bytes": 0}, id="zero-bytes"),
    ],
)
def test_limits_reject_impossible_values(options: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        FetchLimits(**options)  # type: ignore[arg-type]


def test_article_label_names_title_site_and_date() -> None:
    article = Article("u", "u", "NATO chief in Seoul", "Example News", date(2023, 1, 30), "…")
    assert article.label() == "NATO chief in Seoul — Example News (2023-01-30)"
    untitled = Article("u", "u", None, "news.example", None, "…")
    assert untitled.label() == "news.example"


@pytest.mark.parametrize(
    ("published", "forwarded_on", "expected"),
    [
        pytest.param(date(2023, 1, 30), None, date(2023, 1, 30), id="published"),
        pytest.param(date(2023, 1, 30), date(2023, 2, 5), date(2023, 1, 30), id="forward-newer"),
        pytest.param(date(2023, 1, 30), date(2023, 1, 2), date(2023, 1, 2), id="forward-older"),
        pytest.param(None, date(2023, 2, 5), date(2023, 2, 5), id="only-forward"),
        pytest.param(None, None, None, id="unknown"),
    ],
)
def test_reference_date(
    published: date | None, forwarded_on: date | None, expected: date | None
) -> None:
    article = Article("u", "u", None, "news.example", published, "…")
    assert article.reference_date(forwarded_on) == expected
