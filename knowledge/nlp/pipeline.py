"""Building the spaCy pipeline: rule-based by default, a statistical model when installed."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable, Iterable
from functools import cache

import spacy
from spacy.attrs import LIKE_URL
from spacy.language import Language
from spacy.lookups import Lookups
from spacy.tokenizer import Tokenizer
from spacy.tokens import Doc

from knowledge.model import Entity

# spaCy peels a token's prefixes and suffixes one character at a time, searching the whole
# rest of it each time: a 30,000-character run of quotes took three minutes. A run of
# characters without spaces this long is no word; it is kept whole, as one token.
_LONGEST_TOKEN = 100


@Language.component("factcheck_line_breaks")
def _line_breaks(doc: Doc) -> Doc:
    """A line break always ends a sentence (headlines, datelines and bylines have no stop);
    a quoted exclamation or question that the sentence goes on after in lower case does not
    ("'You've Received a Postcard!' e-mails harbor a virus")."""
    for token in doc[1:]:
        previous = doc[token.i - 1]
        if "\n" in previous.text or "\n" in previous.whitespace_:
            token.is_sent_start = True
        elif token.is_sent_start and previous.text in ("Mr.", "Mrs.", "Ms.", "Dr.", "St."):
            token.is_sent_start = False
        elif token.is_sent_start and token.text[:1].islower() and _ends_quoted_cry(doc, token.i):
            token.is_sent_start = False
        elif _opens_a_quote(doc, token.i):  # 'he said. "Several allies ...': the straight
            # quote after the stop opens the next sentence, it does not close this one
            token.is_sent_start = True
            doc[token.i + 1].is_sent_start = False
    return doc


def _opens_a_quote(doc: Doc, at: int) -> bool:
    """Whether a straight double quote right after a sentence's stop and a space is stuck to
    the word after it: an opening quote."""
    token = doc[at]
    previous = doc[at - 1]
    return (
        token.text == '"'
        and not token.whitespace_
        and at + 1 < len(doc)
        and previous.text in (".", "!", "?")
        and bool(previous.whitespace_)
    )


_CLOSING_QUOTES = frozenset({"'", "’", '"', "”"})


def _ends_quoted_cry(doc: Doc, at: int) -> bool:
    """Whether the tokens before `at` end with "!" or "?" and a closing quote."""
    return at >= 2 and doc[at - 1].text in _CLOSING_QUOTES and doc[at - 2].text in ("!", "?")


def build_nlp(entities: Iterable[Entity], *, model: str | None = None) -> Language:
    """The pipeline: sentences, lemmas, and an entity ruler built from the knowledge base."""
    nlp = _base(model)
    patterns = list(entity_patterns(entities))
    if not patterns:  # a knowledge base without entities yet: spaCy warns on an empty ruler
        return nlp
    ruler_config = {"phrase_matcher_attr": "LOWER", "overwrite_ents": True}
    if "ner" in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", after="ner", config=ruler_config)
    else:
        ruler = nlp.add_pipe("entity_ruler", config=ruler_config)
    ruler.add_patterns(patterns)  # type: ignore[attr-defined]
    return nlp


def _base(model: str | None) -> Language:
    if model and importlib.util.find_spec(model) is not None:
        nlp = spacy.load(model, exclude=["textcat"])
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("factcheck_line_breaks", before=before)
        _bound_long_tokens(nlp)
        return nlp
    nlp = spacy.blank("en")
    _bound_long_tokens(nlp)
    nlp.add_pipe("sentencizer")
    nlp.add_pipe("factcheck_line_breaks")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    lemmatizer.initialize(lookups=_lookup_tables())  # type: ignore[attr-defined]
    return nlp


@cache
def _lookup_tables() -> Lookups:
    """The lemmatizer's lookup tables, loaded once per process (half the time of building a
    pipeline; every knowledge base builds one): only ever read."""
    nlp = spacy.blank("en")
    nlp.add_pipe("lemmatizer", config={"mode": "lookup"})
    nlp.initialize()
    lookups: Lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
    return lookups


def _bound_long_tokens(nlp: Language) -> None:
    """Keep long runs whole, and judge whether they look like a URL by their start only:
    spaCy's URL pattern backtracks over a long run of punctuation (30k characters: 2.7 s)."""
    tokenizer = nlp.tokenizer
    if isinstance(tokenizer, Tokenizer):
        tokenizer.token_match = _keep_long_runs(tokenizer.token_match)
    getters = nlp.vocab.lex_attr_getters  # type: ignore[attr-defined]  # untyped in spaCy
    getters[LIKE_URL] = _short_or_prefix(getters[LIKE_URL])


def _short_or_prefix(like_url: Callable[[str], bool]) -> Callable[[str], bool]:
    def bounded(text: str) -> bool:
        if len(text) > _LONGEST_TOKEN:
            return text.startswith(("http://", "https://", "www."))
        return like_url(text)

    return bounded


def _keep_long_runs(
    token_match: Callable[[str], object] | None, *, longest: int = _LONGEST_TOKEN
) -> Callable[[str], bool]:
    """The tokenizer's `token_match`, also matching any run longer than `longest`."""

    def match(text: str) -> bool:
        return len(text) > longest or bool(token_match and token_match(text))

    return match


def entity_patterns(entities: Iterable[Entity]) -> Iterable[dict[str, object]]:
    """spaCy EntityRuler patterns: one phrase pattern per name, carrying the entity id."""
    for entity in entities:
        for name in entity.names:
            yield {"label": entity.label, "pattern": name, "id": entity.id}
