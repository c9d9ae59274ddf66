"""The fact-check core: a knowledge base of verified statements and the checks against it."""

from __future__ import annotations

from knowledge.curation import ImportResult, KnowledgeStats
from knowledge.errors import (
    BadRecord,
    ChangeNotFound,
    CheckTimedOut,
    FetchFailed,
    InvalidImport,
    InvalidPattern,
    InvalidSeed,
    InvalidStatement,
    KnowledgeError,
    RequestNotFound,
    RequestRefused,
    RuleNotFound,
    StatementNotFound,
    UnusableInput,
)
from knowledge.fetch import Article, FetchLimits, is_mostly_link, urls_from_entities
from knowledge.formats import MAX_IMPORT_BYTES
from knowledge.kb import KnowledgeBase, link_check_input, open_kb
from knowledge.model import (
    Actor,
    Change,
    ChatSettings,
    ClaimResult,
    Entity,
    Evidence,
    FactCheck,
    Finding,
    FindingKind,
    Report,
    Review,
    Rule,
    Source,
    Statement,
    StatementDraft,
    StatementKind,
    Verdict,
)
from knowledge.pool import CheckPool
from knowledge.queue import (
    Answered,
    CuratorQueue,
    Filed,
    Notice,
    Request,
    Requester,
    RequestKind,
)
from knowledge.summary import EvidenceGroup, Summary, SummaryLine, summarize

__all__ = [
    "Actor", "Article", "BadRecord", "CheckPool", "CheckTimedOut", "Change", "ChangeNotFound",
    "ChatSettings", "ClaimResult", "Entity", "Evidence", "EvidenceGroup", "FactCheck",
    "FetchFailed", "FetchLimits",
    "Finding", "FindingKind", "ImportResult", "InvalidImport", "InvalidPattern", "InvalidSeed",
    "InvalidStatement", "KnowledgeBase", "KnowledgeError", "KnowledgeStats", "MAX_IMPORT_BYTES",
    "Report", "Review", "Rule", "RuleNotFound", "Source", "Statement", "StatementDraft",
    "StatementKind", "StatementNotFound", "Summary", "SummaryLine", "UnusableInput", "Verdict",
    "is_mostly_link", "link_check_input", "open_kb", "summarize", "urls_from_entities",
    # the loop back to the curators
    "Answered", "CuratorQueue", "Filed", "Notice", "Request", "RequestKind", "RequestNotFound",
    "RequestRefused", "Requester",
]
