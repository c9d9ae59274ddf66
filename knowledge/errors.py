"""Domain errors raised by the knowledge core; the bot and the CLI report them to users."""

from __future__ import annotations


class KnowledgeError(Exception):
    """Base class: every error the core raises on purpose carries a user-readable message."""


class UnusableInput(KnowledgeError):
    """The text given for checking cannot be checked (empty, binary, too long, not English)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class StatementNotFound(KnowledgeError):
    """No statement has the given id."""

    def __init__(self, statement_id: int | str) -> None:
        super().__init__(
            f"No statement with id {statement_id}. Use search to find the id you want."
        )
        self.statement_id = statement_id


class RuleNotFound(KnowledgeError):
    """No rule has the given id."""

    def __init__(self, rule_id: int | str) -> None:
        super().__init__(f"No rule with id {rule_id}. List the rules to see their ids.")
        self.rule_id = rule_id


class ChangeNotFound(KnowledgeError):
    """No audit-log change has the given id."""

    def __init__(
        self, change_id: int | str, *, target: str | None = None, last_change: int | None = None
    ) -> None:
        if target and last_change:  # the id of a statement or rule, given for its change
            message = f"{change_id} is a {target} id; its last change is {last_change}."
        else:
            message = f"No change with id {change_id}. Show the log to see change ids."
        super().__init__(message)
        self.change_id = change_id
        self.target = target
        self.last_change = last_change


class CandidateNotFound(KnowledgeError):
    """A learn proposal has no candidate with the given number."""

    def __init__(self, number: int, count: int) -> None:
        super().__init__(f"There is no candidate {number}: choose numbers from 1 to {count}.")
        self.number = number
        self.count = count


class InvalidStatement(KnowledgeError):
    """A statement's fields are missing or malformed."""

    def __init__(self, field: str, problem: str) -> None:
        super().__init__(f"Invalid {field}: {problem}")
        self.field = field
        self.problem = problem


class InvalidDate(InvalidStatement):
    """A date field is not an ISO date ("2014", "2014-03" or "2014-03-07"), or not a full one."""

    def __init__(self, field: str, value: str, problem: str) -> None:
        super().__init__(field, f"{value!r} {problem}")
        self.value = value


class InvalidPattern(KnowledgeError):
    """A rule's phrase pattern cannot be compiled."""

    def __init__(self, pattern: str, problem: str) -> None:
        super().__init__(f"Invalid pattern {pattern!r}: {problem}")
        self.pattern = pattern
        self.problem = problem


class InvalidSeed(KnowledgeError):
    """A seed or data file does not have the expected shape."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(f"{path}: {problem}")
        self.path = path
        self.problem = problem


class DuplicateStatement(KnowledgeError):
    """A statement being added says what a stored one already says (same text, id or key)."""

    def __init__(self, statement_id: int, *, retired: bool = False) -> None:
        super().__init__(
            f"Statement {statement_id} (retired) already says this; undo its retirement "
            "(see the log) instead of adding it again."
            if retired
            else f"Statement {statement_id} already says this; edit it instead of adding it again."
        )
        self.statement_id = statement_id
        self.retired = retired


class DuplicateRule(KnowledgeError):
    """A rule being added has the key, or the kind and pattern, of a stored rule."""

    def __init__(self, rule_id: int) -> None:
        super().__init__(
            f"Rule {rule_id} already has this pattern (or key); remove it first to replace it."
        )
        self.rule_id = rule_id


class BadRecord:
    """One bad record in an import: its 1-based position, the field and the problem."""

    __slots__ = ("position", "field", "problem")

    def __init__(self, position: int, field: str, problem: str) -> None:
        self.position = position
        self.field = field
        self.problem = problem

    def __str__(self) -> str:
        return f"record {self.position}, field {self.field!r}: {self.problem}"

    def __repr__(self) -> str:
        return f"BadRecord({self.position!r}, {self.field!r}, {self.problem!r})"


class InvalidImport(KnowledgeError):
    """An import file was rejected; nothing was imported. Lists each bad record."""

    def __init__(self, problems: list[BadRecord], *, summary: str | None = None) -> None:
        head = summary or f"Import rejected, nothing was imported: {len(problems)} bad record(s)"
        lines = [head] + [f"  - {p}" for p in problems[:50]]
        if len(problems) > 50:
            lines.append(f"  … and {len(problems) - 50} more")
        super().__init__("\n".join(lines))
        self.problems = problems


class FetchFailed(KnowledgeError):
    """A linked page could not be fetched or no article could be extracted from it."""

    def __init__(self, url: str, reason: str) -> None:
        super().__init__(f"Could not check {url}: {reason}")
        self.url = url
        self.reason = reason


class UnusableLink(FetchFailed):
    """A linked page was fetched, but its article cannot be checked (too long, not English…)."""


class RequestNotFound(KnowledgeError):
    """No open request in the curators' queue has the given id."""

    def __init__(self, request_id: int | str, *, closed: bool = False) -> None:
        state = "is already closed" if closed else "does not exist"
        super().__init__(f"Request {request_id} {state}. List the open ones with the queue.")
        self.request_id = request_id
        self.closed = closed


class RequestRefused(KnowledgeError):
    """A request cannot be filed (a limit is reached or the reason is unusable); says why."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


class CheckTimedOut(KnowledgeError):
    """A check ran past its time budget and was stopped."""

    def __init__(self, budget: float) -> None:
        super().__init__(
            f"The check took longer than {budget:g} seconds and was stopped. "
            "Send a shorter text, or the article in parts."
        )
        self.budget = budget


class ChecksBusy(CheckTimedOut):
    """Every check worker stayed busy with other users' checks for as long as one may wait."""

    def __init__(self, waited: float) -> None:
        KnowledgeError.__init__(
            self,
            f"Every checker was busy for {waited:g} seconds with other people's texts. "
            "Please send it again in a minute.",
        )
        self.budget = waited


class PairModelUnavailable(KnowledgeError):
    """The pair model cannot be loaded (files missing or damaged, runtime not installed)."""

    def __init__(self, path: str, problem: str) -> None:
        super().__init__(
            f"The pair model in {path} cannot be used: {problem}. "
            "Reinstall the package (pip install .) to restore the packaged model."
        )
        self.path = path
        self.problem = problem


class InvalidSetting(KnowledgeError):
    """A setting of the core (from the environment) has a value it cannot use."""

    def __init__(self, name: str, value: str, problem: str) -> None:
        super().__init__(f"{name}={value!r}: {problem}")
        self.name = name
        self.value = value
        self.problem = problem


class KnowledgeBaseBusy(KnowledgeError):
    """Another writer (an import, most often) held the knowledge base past the write wait."""

    def __init__(self, waited: float) -> None:
        super().__init__("The knowledge base is busy importing, try again in a minute.")
        self.waited = waited


class StoreUnavailable(KnowledgeError):
    """The knowledge-base file cannot be read or written (disk full, read-only, damaged)."""

    def __init__(self, problem: str) -> None:
        super().__init__(f"The knowledge base file cannot be used: {problem}.")
        self.problem = problem


class ConstraintBroken(KnowledgeError):
    """A change would break a rule of the store's tables: a value that must be unique, or a
    reference to a row that must exist (the store says which rows, where it knows)."""

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem


class UndoRefused(KnowledgeError):
    """A change cannot be undone because what it changed was changed again since."""

    def __init__(self, change_id: int, reason: str, *, later: int | None = None) -> None:
        advice = f"; undo {later} first" if later is not None else ""
        super().__init__(f"Change {change_id} can't be undone: {reason}{advice}.")
        self.change_id = change_id
        self.later = later
