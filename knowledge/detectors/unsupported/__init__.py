"""Unsupported-detail detector: a claim retelling a learned article adds what it never says.

When a claim is about the same event as an article the knowledge base learned (it shares most
of its words with the article), a name, number or date the whole article never mentions, put
in the place of one the article gives, is a swapped detail; one that only adds to what the
article tells (other reports carry more) leaves the claim unverified. A word of a closed class
(a colour, an ordinal) the article never uses where it uses another of the kind is a swap too.
So is a word whose opposite the article uses instead, and a negation the best-aligned sentence
of the article does not have (or the reverse), and what one person of the article said told as
another's.

One module per kind of detail: `names`, `figures`, `dates`, `times`, `classes` (colours,
ordinals ...), `opposites` (opposite words and negations), `speakers` (who said it);
`additions` tells a claim that adds to the article from one that swaps a detail, and `text`
holds the reading they share.
"""

from __future__ import annotations

from knowledge.checking.align import SPAN_DAYS
from knowledge.detectors.unsupported.classes import _other_of_class
from knowledge.detectors.unsupported.dates import _day_of_another, _new_date
from knowledge.detectors.unsupported.figures import _new_number
from knowledge.detectors.unsupported.names import _new_name, _title_of_another
from knowledge.detectors.unsupported.opposites import _opposite
from knowledge.detectors.unsupported.speakers import _another_speaker
from knowledge.detectors.unsupported.text import _ALIGNED, _folded
from knowledge.detectors.unsupported.times import _new_clock_time, _time_retold_otherwise
from knowledge.matching import CheckContext, Match, SourceRecord
from knowledge.model import Evidence, Finding, FindingKind, Statement
from knowledge.nlp.claims import Claim
from knowledge.nlp.features import Features, NumberMention
from knowledge.resources import Lexicon

_ABOUT = 0.6  # share of the claim's content words the article must use


def detect(claim: Claim, matches: list[Match], context: CheckContext) -> list[Finding]:
    countries = _countries(context.lexicon)
    for match in matches[:3]:
        record = context.record_of(match.statement)
        if record is None or not _about(claim.features, record, context.lexicon):
            continue
        aligned = _aligned(claim.features, record, countries)
        if aligned is None:
            continue  # no sentence of the article tells this: another event, not a retelling
        known = _folded(record.words)
        cited = (Evidence.of(match.statement),)
        problem = (
            _new_name(claim, record, known, context, aligned[1])
            or _new_number(claim, record, known, aligned[1])
            or _title_of_another(claim.features, record)
        )
        if problem:
            return [Finding(FindingKind.SWAP, problem, cited)]
        problem = _new_date(claim, record, known, match.features, aligned[1]) or _day_of_another(
            claim, aligned[1]
        )
        if problem:
            return [Finding(FindingKind.TIMELINE, problem, cited)]
        problem = (
            _other_of_class(claim, known, context.lexicon, aligned[1], record)
            or _time_retold_otherwise(claim.features.text, aligned[1].text)
            or _new_clock_time(claim.features.text, record)
        )
        if problem:
            return [Finding(FindingKind.SWAP, problem, cited)]
        problem, evidence = _opposite(claim, record, known, aligned, context.lexicon)
        if problem:
            cited = (Evidence.of(evidence or match.statement),)
            return [Finding(FindingKind.POLARITY, problem, cited)]
        told = _another_speaker(claim, record, context)
        if told:
            problem, evidence = told
            return [Finding(FindingKind.MISATTRIBUTION, problem, (Evidence.of(evidence),))]
        return []
    return []


def _about(features: Features, record: SourceRecord, lexicon: Lexicon) -> bool:
    """Whether the article uses enough of the claim's content words to be what it retells; a
    word whose opposite the article uses counts ("Inflation rose to 3% in May" is about an
    article where inflation fell to 3% in May)."""
    words = features.content
    used = {w for w in words if w in record.words or lexicon.antonyms.get(w, set()) & record.words}
    return bool(words) and len(used) / len(words) >= _ABOUT


def _aligned(
    features: Features, record: SourceRecord, countries: dict[str, str]
) -> tuple[Statement, Features] | None:
    """The article sentence sharing the most content words, figures and dates with the claim,
    if it shares enough words; of those sharing as many, the one sharing most figures ("coal
    use in the EU fell 23 percent" retells "use in the EU fell 23 percent", not "coal use rose
    1.4 percent"). A figure or date counts as a word: "raised rates 14 times between December
    2021 and August 2023" retells "It then raised them 14 times in a row from December 2021
    to August 2023", not "The Bank of England cut interest rates ... for the first time". A
    country and its people's word count as one ("Kenya's Collins Mutai" retells "Kenyan
    Collins Mutai"; `countries`: `_countries`)."""
    mine = {countries.get(w, w) for w in features.content}
    figures = {(n.value, _unit(n)) for n in features.numbers}
    counting = {n.unit.lower() for n in features.numbers if n.unit}
    dates = {d.value for d in features.calendar_dates}

    def shared(pair: tuple[Statement, Features]) -> tuple[int, int, int]:
        theirs = pair[1]
        # a span in another unit of time is another figure ("two minutes" is not "2 hours")
        told = sum(
            any(v == n.value and not _other_span(u, _unit(n)) for n in theirs.numbers)
            for v, u in figures
        )
        dated = len(dates & {d.value for d in theirs.calendar_dates})
        # then the one counting what the claim's figures count ("about 80,000 civil
        # servants" retells "for about 18,000 civil servants", not the title's "pilot for
        # civil servants")
        counted = len(counting & {n.unit.lower() for n in theirs.numbers if n.unit})
        words = {countries.get(w, w) for w in theirs.content}
        return len(mine & words) + told + dated, told, counted

    best = max(zip(record.statements, record.features, strict=True), key=shared, default=None)
    if best is None:
        return None
    words = len(mine & {countries.get(w, w) for w in best[1].content})
    # a short claim shares few words: its figures and dates then tell which sentence it
    # retells ("Inflation rose to 2% in May" beside "inflation fell to 2% in May")
    if words < _ALIGNED and (words == 0 or shared(best)[0] < _ALIGNED):
        return None
    return best


def _countries(lexicon: Lexicon) -> dict[str, str]:
    """Each country's name and its people's word, lower case, with one key for the two
    ("kenyan": "kenya"; `places` in data/specifics.yaml less the capitals, which are other
    places)."""
    found: dict[str, str] = {}
    for name, names in lexicon.places.items():
        if name in lexicon.capitals:
            continue
        found[name] = min(n for n in names if n not in lexicon.capitals)
    return found


def _unit(number: NumberMention) -> str | None:
    return number.unit.lower().removesuffix("s") if number.unit else None


def _other_span(unit: str | None, other: str | None) -> bool:
    """Whether two units are different units of time (a count of other things may be told
    by another noun: "four times" for "four caps")."""
    return unit != other and unit in SPAN_DAYS and other in SPAN_DAYS
