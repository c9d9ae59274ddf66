"""Helpers for the fetch tests: a scripted HTTP server on 127.0.0.1, pages, a fake resolver."""

from __future__ import annotations

import html
import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SEED_ARTICLE = Path(__file__).parents[2] / "seeds" / "articles" / "rewritten.txt"


def article_html() -> bytes:
    """The rewritten seed article as a news page with a title, site name and publication date."""
    first, *rest = SEED_ARTICLE.read_text(encoding="utf-8").strip().splitlines()
    headline = first.split(" ", 2)[2]  # drop the "2023-01-30 01:40:02" stamp
    paragraphs = "\n".join(f"<p>{html.escape(line)}</p>" for line in rest if line.strip())
    return f"""<!doctype html>
<html><head><meta charset="utf-8">
<title>{html.escape(headline)} | Example News</title>
<meta property="og:site_name" content="Example News">
<meta property="article:published_time" content="2023-01-30T01:40:02Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{html.escape(headline)}</h1>
{paragraphs}
</article>
<footer>Copyright Example News</footer>
</body></html>""".encode()


@dataclass
class Reply:
    """A scripted answer: status, headers and body, or a body sent slowly in pieces."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    trickle: float = 0.0  # seconds between single-line pieces when > 0


@dataclass
class LocalServer:
    """The running server: its base URL, the replies by path and what it received."""

    port: int
    routes: dict[str, Reply]
    hits: Counter[str] = field(default_factory=Counter)
    hosts: list[str] = field(default_factory=list)

    def url(self, path: str, host: str = "127.0.0.1") -> str:
        return f"http://{host}:{self.port}{path}"


def _handler_for(server: LocalServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # noqa: N802 (the stdlib's name)
            server.hits[self.path] += 1
            server.hosts.append(self.headers.get("Host", ""))
            reply = server.routes.get(self.path, Reply(404, {"Content-Type": "text/plain"}))
            try:
                self._send(reply)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up, as it should for slow or big pages

        def _send(self, reply: Reply) -> None:
            self.send_response(reply.status)
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            if not reply.trickle:
                self.wfile.write(reply.body)
                return
            for line in reply.body.splitlines(keepends=True):
                self.wfile.write(line)
                self.wfile.flush()
                time.sleep(reply.trickle)

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            pass

    return Handler


def html_reply(body: bytes, **headers: str) -> Reply:
    return Reply(200, {"Content-Type": "text/html; charset=utf-8", **headers}, body)


def redirect(location: str, status: int = 302) -> Reply:
    return Reply(status, {"Location": location, "Content-Length": "0"})


@contextmanager
def serving() -> Iterator[LocalServer]:
    """Run a server with no routes on a free port; callers add theirs to `routes`."""
    state = LocalServer(port=0, routes={})
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(state))
    httpd.daemon_threads = True
    state.port = httpd.server_address[1]
    thread = threading.Thread(target=httpd.serve_forever, kwargs={"poll_interval": 0.05})
    thread.start()
    try:
        yield state
    finally:
        httpd.shutdown()
        httpd.server_close()
        thread.join()


class FakeResolver:
    """Answers from a table, failing for unknown names as DNS would, and counts its calls."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.table = table
        self.calls: Counter[str] = Counter()

    async def __call__(self, host: str) -> list[str]:
        self.calls[host] += 1
        if host not in self.table:
            raise OSError(f"unknown host {host}")
        return list(self.table[host])
