"""The article extracted from a linked page: what the checker reads and the reply names."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date


@dataclass(frozen=True, slots=True)
class Article:
    """The main text of a fetched page with its title, site and publication date.

    `url` is the link as given; `final_url` is where the redirects ended.
    """

    url: str
    final_url: str
    title: str | None
    site: str
    published: date | None
    text: str

    def label(self) -> str:
        """A one-line name for replies: title, site and date when known."""
        head = f"{self.title} — {self.site}" if self.title else self.site
        return f"{head} ({self.published.isoformat()})" if self.published else head
