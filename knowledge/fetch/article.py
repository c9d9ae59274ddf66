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

    def reference_date(self, forwarded_on: date | None = None) -> date | None:
        """The date to check the article against: its publication date, or the date the
        forwarded message was first posted when that is older (or the only one known)."""
        known = [day for day in (self.published, forwarded_on) if day is not None]
        return min(known, default=None)
