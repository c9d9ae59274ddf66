"""Fetching the article behind a forwarded link safely, and finding links in messages."""

from __future__ import annotations

from .addresses import Resolver, is_public_address, system_resolver
from .article import Article
from .cache import PageCache, PageCacheLimits
from .fetcher import fetch_article
from .limits import FetchLimits
from .links import Entity, is_mostly_link, urls_from_entities

__all__ = [
    "Article",
    "Entity",
    "FetchLimits",
    "PageCache",
    "PageCacheLimits",
    "Resolver",
    "fetch_article",
    "is_mostly_link",
    "is_public_address",
    "system_resolver",
    "urls_from_entities",
]
