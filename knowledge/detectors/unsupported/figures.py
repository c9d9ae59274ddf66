"""Figures: a number the article never gives put in place of one it gives, or one it gives only
elsewhere; what the article allows (sums and differences, bounds met, shares in words, fused
units, spans told otherwise) is no new figure."""

from __future__ import annotations

import math
import re
from collections.abc import Callable
from functools import partial

from text_to_num import text2num

from knowledge.checking.align import (
    SPAN_DAYS,
    span_days,
)
from knowledge.detectors.unsupported.additions import (
    _FRACTIONS,
    _figures,
    _in_a_clock,
    _loosely_retold,
    _new_figures,
    _tells_of_more,
)
from knowledge.detectors.unsupported.text import (
    _LIST_GAP,
    _NEIGHBOURS,
    _QUANTITY,
    _SAME_ITEM,
    _WORDS,
    Span,
    _near,
    _published,
    _stands_for,
)
from knowledge.matching import SourceRecord
from knowledge.nlp.bounds import bound_holds, figure_bound
from knowledge.nlp.claims import Claim
from knowledge.nlp.clauses import clause_bounds
from knowledge.nlp.features import (
    SHARE_COUNTS,
    SHARE_PARTS,
    Features,
    NumberMention,
    same_number,
)

# a share said in words: "half", "a quarter", "two thirds" ("third" alone is an ordinal)
_FRACTION = re.compile(
    r"\b(?:(a|one|two|three|four)\s+(third|thirds|quarter|quarters|fifth|fifths|tenth|tenths)"
    r"|(?:a\s+|one\s+)?(half))\b"
)
# words that give a figure as a round one, and how far it may be from the article's figure
_HEDGE = re.compile(
    r"\b(?:nearly|almost|about|around|roughly|some|approximately|close to|more than|over"
    r"|just over|just under|less than|fewer than|under|up to)\s+$",
    re.IGNORECASE,
)
_BASIS_POINTS = re.compile(r"\s*(?:basis\s+points?|bps?\b)", re.IGNORECASE)
_ROUNDING = 0.05  # a hedged figure this close to the article's (in proportion) rounds it
_ROUNDED_AT_PLACE = 0.10  # ... or, rounded at the hedged figure's last place, this close


def _rounds(claimed: float, recorded: float) -> bool:
    """Whether a figure the claim hedges ("almost two metres", "nearly 20,000") may be the
    article's figure rounded: within 5% of it, or the article's figure rounded at the
    claim's last significant place (1.9 to 2, 19,300 to 20,000) and within 10% of it."""
    if abs(claimed - recorded) <= _ROUNDING * abs(recorded):
        return True
    if not claimed or abs(claimed - recorded) > _ROUNDED_AT_PLACE * abs(recorded):
        return False
    place = 10.0 ** math.floor(math.log10(abs(claimed)))
    while place > 1e-3 and not math.isclose(claimed / place, round(claimed / place)):
        place /= 10
    return math.isclose(round(recorded / place) * place, claimed)


def _list_lengths(features: Features) -> frozenset[float]:
    """How many names each enumeration of a sentence lists ("Germany, Norway and NATO
    applicant Sweden": three). A count word in a retelling may stand for such a list."""
    lengths: set[float] = set()
    mentions = sorted(features.entities, key=lambda m: m.start)
    items = 1
    for before, after in zip(mentions, mentions[1:], strict=False):
        gap = features.text[before.end : after.start]
        if _LIST_GAP.fullmatch(gap):
            items += 1
            continue
        if not _SAME_ITEM.fullmatch(gap):
            if items > 1:
                lengths.add(float(items))
            items = 1
    if items > 1:
        lengths.add(float(items))
    return frozenset(lengths)


def _new_number(
    claim: Claim, record: SourceRecord, known: frozenset[str], aligned: Features
) -> str | None:
    counts = _list_lengths(claim.features) | {
        n for features in record.features for n in _list_lengths(features)
    }
    said = _fractions(record) | _years_ago(record)
    derived = _derived(record) if claim.features.numbers else frozenset()
    # "Unemployment among people with a university degree fell to 4.5%", "The Azores
    # recorded a rate of 6.0%": of something the article never names; "passed the
    # 10-kilometre mark in 29 minutes and 25 seconds": a retelling gets one figure wrong, a
    # sentence giving several new ones tells of something else
    tells_more = (
        _tells_of_more(claim.features, known)
        or _new_figures(claim.features, record) > 1
        or _loosely_retold(claim.features, aligned)
    )
    for number in _figures(claim.features):
        other = (
            None if tells_more else _part_of_the_same_whole(claim.features, number, aligned, record)
        )
        if other is not None:
            return f"Says {number.text.strip()} where the source article has {other.text.strip()}."
        if any(same_number(number.value, n) for n in derived):
            continue  # a sum or difference of the article's figures ("74 more aircraft")
        if _across_sentences(number, claim.features, record):
            continue  # "£17.4 million bigger than this year's": £318.6 million, then "up
            # from £301.2 million" in the next sentence
        if _TIMES.match(claim.features.text, number.start):
            continue  # "nearly three times as many": a multiple, no count
        if _computed(number, claim.features, record):
            continue  # "70 fewer than the 710 lost in 2016"
        scale = _SCALE_OF_RANGE.match(claim.features.text, number.end)
        if scale is not None and any(
            same_number(number.value * _SCALE_WORDS[scale.group(1).lower()], n)
            for n in record.numbers
        ):
            continue  # "an estimate of 25 to 33 million": 25 million, the range's scale
        if _CENTS.match(claim.features.text, number.end) and any(
            same_number(number.value / 100, n) for n in record.numbers
        ):
            continue  # "12 euro cents a share" for "0.12 euros per share"
        if any(same_number(number.value, n) for n in record.numbers):
            if _is_span(number) and _in_a_clock(number, record):
                continue  # "2 minutes 51 seconds" for "2:51 down"
            other = _figure_retold_otherwise(claim.features, number, aligned)
            if other is None or _figure_told_elsewhere(claim.features, number, aligned, record):
                continue
            return f"Says {number.text.strip()} where the source article has {other.text.strip()}."
        if number.value in counts:  # "three countries" for a list of three names
            continue
        if _in_a_clock(number, record):  # "two hours, four minutes" for "2:04:31"
            continue
        if number.unit != "%" and _PART_OF_A_WHOLE.match(claim.features.text, number.end):
            continue  # "3,900 of the runners": a part of what the article counts whole
        if _year_given(number, record):  # "the 2021 restructuring" for "restructuring in 2021"
            continue
        if any(close(number) for close in said):  # "0.25 points" for "a quarter of a point"
            continue
        if _hedged(claim.features.text, number) and any(
            _rounds(number.value, n) for n in record.numbers
        ):  # "nearly 20,000 hours" for "more than 19,800 hours"
            continue
        bound, _ = figure_bound(claim.features.text, number.start)
        if any(bound_holds(bound, number.value, n.value) for n in _counting(record, number)):
            continue  # "more than 1,000 homes" for "1,240 homes": a bound, met
        # (one the article's figures break is the alignment's to name: "more than 2,000")
        if not _in_place_of_a_figure(claim.features, number, aligned, record):
            continue  # a figure the article has nothing in place of adds to it ("inflation
            # fell to 2.2% in August" beside an article giving the rate cut to 3.5%)
        if tells_more:
            continue  # an addition, not a figure swapped
        return f"The source article never gives the number {number.text.strip()}."
    if tells_more:
        return None  # as for a figure: "the 10-kilometre mark in 29 minutes"
    lowered = claim.features.text.lower()
    for found in _WORDS.finditer(lowered):
        word = found.group(0)
        if re.search(r"\d[,.]$", lowered[: found.start()]):
            continue  # "200-euro" of "a 1,200-euro payment"
        if (
            _QUANTITY.match(word)
            and word not in known
            and not _FRACTION_WORD.search(word)  # "two-fifths of the beds": a share
            and not _quantity_given(word, record)
            and not _unit_retold(word, known)
            and not _bound_met_fused(lowered, found.start(), word, known)
            and _unit_counted(word, record, known)
        ):
            return f"The source article never says “{word}”."
    return None


_FRACTION_WORD = re.compile(rf"-(?:{_FRACTIONS})$")


def _bound_met_fused(text: str, start: int, word: str, known: frozenset[str]) -> bool:
    """Whether a fused quantity is a bound ("more than 150-year") that a fused quantity of
    the same unit in the article meets ("154-year")."""
    count, _, unit = word.partition("-")
    bound, _ = figure_bound(text, start)
    if not count.isdigit() or not bound:
        return False
    theirs = (k.partition("-") for k in known if _QUANTITY.match(k))
    return any(
        bound_holds(bound, float(count), float(c))
        for c, _, u in theirs
        if u == unit and c.isdigit()
    )


def _unit_retold(word: str, known: frozenset[str]) -> bool:
    """Whether the article fuses the quantity's count with another word, and its unit with
    no other count: "a four-level scale" retells "a four-tier scale" (where the article also
    has "a four-year plan", "a five-year deal" is the year count changed)."""
    count, _, unit = word.partition("-")
    if unit.split("-")[0].rstrip("s") in SPAN_DAYS:
        return False  # a span of time is told exactly: "one-month" is no "one-year"
    fused = [k.partition("-") for k in known if _QUANTITY.match(k)]
    return any(c == count for c, _, _ in fused) and not any(u == unit for _, _, u in fused)


def _year_given(number: NumberMention, record: SourceRecord) -> bool:
    """Whether a figure written as a year is one the article dates something by."""
    if not (number.text.strip().isdigit() and 1000 <= number.value <= 2100):
        return False
    return any(
        d.value is not None and d.value.year == number.value
        for features in record.features
        for d in features.calendar_dates
    )


_SCALE_WORDS = {"thousand": 1e3, "million": 1e6, "billion": 1e9}
# the rest of a range whose second figure alone gives the scale: "25 to 33 million"
_SCALE_OF_RANGE = re.compile(
    r"\s*(?:to|-|–|and)\s*[\d.,]+\s*(thousand|million|billion)\b", re.IGNORECASE
)
# a sum given in the hundredth of its currency ("12 euro cents", "45 pence", "30p")
_CENTS = re.compile(r"(?:\s+(?:euro|us|dollar)\s+cents?\b|\s*(?:cents?|pence|p)\b)", re.I)
_PART_OF_A_WHOLE = re.compile(r"\s+of\s+(?:the|its|their|those|them|all)\b", re.I)
# a part and the whole it is of, the whole's first two words: "28 of the 101 seats"
_PART_OF = re.compile(r"\s+of\s+(?:the|its|their)\s+(?P<whole>[\w.,'’-]+\s+[\w'’-]+)", re.I)


def _part_of_the_same_whole(
    features: Features, number: NumberMention, aligned: Features, record: SourceRecord
) -> NumberMention | None:
    """The part the retold sentence gives of the same whole where the claim gives another
    ("28 of the 101 seats" beside "taking 29 of the 101 seats"), where no sentence of the
    article gives the claim's part of that whole; None otherwise."""
    whole = _whole_of(features, number)
    if whole is None or number.unit == "%" or number.value < 1 or " in " in number.text:
        return None  # a share or a ratio ("nine in ten of its 131,000 members")
    if features.text[: number.start].lower().rstrip().endswith(("all but", "all except")):
        return None  # "all but four of the 62 lots": the other part
    if any(
        same_number(n.value, number.value) and _whole_of(f, n) == whole
        for f in record.features
        for n in f.numbers
    ):
        return None
    counted = _count_of(features, number)
    return next(
        (
            n
            for n in aligned.numbers
            if not same_number(n.value, number.value)
            and _whole_of(aligned, n) == whole
            # the rest of the whole is the other part ("two of the seven dissented" beside
            # "five of the seven voted for"), not another count of this one
            and not (counted is not None and same_number(n.value + number.value, counted))
        ),
        None,
    )


def _whole_of(features: Features, number: NumberMention) -> str | None:
    """The whole a part is told of, its first two words ("101 seats"), or None."""
    found = _PART_OF.match(features.text, number.end)
    return found.group("whole").lower().rstrip(",.") if found else None


def _count_of(features: Features, number: NumberMention) -> float | None:
    """The whole's count where it opens with one ("28 of the 101 seats": 101), as the
    sentence's figures read it."""
    found = _PART_OF.match(features.text, number.end)
    at = found.start("whole") if found else -1
    return next((n.value for n in features.numbers if n.start == at), None)


def _unit_counted(word: str, record: SourceRecord, known: frozenset[str]) -> bool:
    """Whether the article tells what a fused quantity counts: an age where it gives
    someone's age, another unit where it uses the word or counts by it. One it never tells
    adds to the article ("driven by a 58-year-old engineer" beside an article giving no
    age; "a 12-storey block" where it speaks of no storeys)."""
    _, _, rest = word.partition("-")
    if rest.startswith("year-old"):
        return any(_measure(f.text, n) == "age" for f in record.features for n in f.numbers)
    unit = rest.split("-")[0]
    if unit in known or f"{unit}s" in known or unit.rstrip("s") in SPAN_DAYS:
        return True  # "a two-week festival" beside "the city's green week"; a span of time
        # is told exactly ("one-month" is no "one-year")
    return any(
        n.unit.lower() in (unit, f"{unit}s") for f in record.features for n in f.numbers
    ) or any(re.search(rf"\d[\d,.]*\s+{re.escape(unit)}s?\b", f.text) for f in record.features)


def _quantity_given(word: str, record: SourceRecord) -> bool:
    """Whether the article gives the count a fused quantity tells, with its unit, in other
    words: "a twelve-year sentence" for "asked for twelve years", "a 3-week trip" for "three
    weeks"."""
    count, _, rest = word.partition("-")
    unit = rest.split("-")[0]
    try:
        value = float(count) if count.isdigit() else float(text2num(count, "en"))
    except ValueError:
        return False
    if unit in _SCALE_WORDS and "-" in rest:  # "a 2-billion-crown package": 2 billion crowns
        value *= _SCALE_WORDS[unit]
        unit = rest.split("-")[1]
    if rest.startswith("year-old"):  # an age: "24-year-olds" for "aged 16 to 24"
        return any(same_number(v, value) for v in record.numbers)
    apart = r"[\s-]+"
    written = re.compile(rf"\b{re.escape(count)}{apart}{rest.replace('-', apart)}", re.I)
    if any(written.search(f.text) for f in record.features):
        return True  # "a 300-basis-point rise" for "an increase of 300 basis points"
    return any(
        same_number(n.value, value) and n.unit.lower() in (unit, f"{unit}s")
        for features in record.features
        for n in features.numbers
    )


def _in_place_of_a_figure(
    features: Features, number: NumberMention, aligned: Features, record: SourceRecord
) -> bool:
    """Whether the claim's figure stands where the article gives another figure, one the
    claim does not give, so that one was put for the other. Where the article sentence the
    claim retells has such a figure (or a share in words or a year: "a quarter of a
    point", "since 2019"), a content word near both in their clauses tells it ("cut its growth
    forecast to 0.6%" beside "lowered its growth forecast ... to 0.8%"); elsewhere in the
    article, the content word nearest both ("sales of $4bn" beside "sales of $5bn"). A
    figure the article has nothing in place of adds to it ("inflation fell to 2.2% in
    August" beside an article giving the rate cut to 3.5%)."""
    given = [n.value for n in features.numbers]
    measure = _measure(features.text, number)

    def others(sentence: Features) -> list[Span]:
        return [
            (n.start, n.end)
            for n in sentence.numbers
            if not any(same_number(n.value, g) for g in given)
            and n.ordinal == number.ordinal
            and (n.unit == "%") == (number.unit == "%")  # "870 euros" is not "6.1%"
            and _measures_alike(measure, _measure(sentence.text, n))
        ]

    told = (number.start, number.end)
    fused = _FUSED_UNIT.match(features.text, number.end)  # "century" of "18th-century"
    unit = _unit_of(number) | ({fused.group(1).lower()} if fused else frozenset())
    # a count of years, or a figure of a year, may stand for a year ("since 2019"); not one
    # counting something else ("870 euros a month")
    counts_else = number.unit.lower() in features.content and number.unit.lower() != "year"
    years = [] if counts_else or number.unit == "%" else _years(aligned)
    places = others(aligned) + _shares_in_words(aligned) + years
    return _stands_for(features, told, aligned, places, counted=unit) or any(
        _stands_for(features, told, sentence, others(sentence), 1, unit, nearest=True)
        for sentence in record.features
    )


# What a figure measures, read from the words right after it (or a currency sign before):
# an age is no length, a price no span of time ("a 58-year-old engineer" stands in place of
# no "49.6-kilometre" link). Figures of unknown measure (counts of things) may stand for any.
_MEASURE_KINDS = tuple(
    (kind, re.compile(pattern, re.IGNORECASE))
    for kind, pattern in (
        ("age", r"[- ]years?[- ]old\b"),
        (
            "money",
            r"\s+(?:[A-Z][a-z]+\s+)?(?:euros?|dollars?|francs?|pounds?|crowns?|kronor|kronur|"
            r"yen|yuan|rupees?|cedis?|pesos?|zlotys?|forints?|lira|lire|rand|reais|real)\b",
        ),
        (
            "span",
            r"[- ](?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)\b",
        ),
        (
            "length",
            r"[- ](?:kilometres?|kilometers?|km|metres?|meters?|miles?|millimetres?|mm|"
            r"centimetres?|cm|feet|foot)\b",
        ),
        ("weight", r"[- ](?:tonnes?|tons?|kilograms?|kg|grams?)\b"),
        ("share", r"\s*(?:%|percent\b|per cent\b)"),
    )
)


def _measure(text: str, number: NumberMention) -> str:
    """What a figure measures ("age", "money", "span", "length", "weight", "share"), or ""
    for a count or a measure not told."""
    if text[max(0, number.start - 1) : number.start] in ("$", "€", "£"):
        return "money"
    before = text[: number.start]
    if _AGED.search(before) or _NAME_COMMA.search(before) and text.startswith(",", number.end):
        return "age"  # "aged 61"; "Horvat, 61, ..."
    return next((kind for kind, pattern in _MEASURE_KINDS if pattern.match(text, number.end)), "")


_AGED = re.compile(r"\baged\s*$", re.IGNORECASE)
_NAME_COMMA = re.compile(r"\b[A-Z][\w’'-]+,\s*$")


def _measures_alike(a: str, b: str) -> bool:
    """Whether two figures may measure one thing: either measure is untold, or they agree;
    an age is only ever told as one."""
    return a == b or (not a or not b) and "age" not in (a, b)


_FUSED_UNIT = re.compile(r"-([A-Za-z]+)")


def _year_like(number: NumberMention) -> bool:
    """Whether a figure is written as a year ("2011"), not as a count."""
    written = number.text.strip()
    return written.isdigit() and len(written) == 4 and 1900 <= number.value <= 2100


def _is_span(number: NumberMention) -> bool:
    """Whether a figure counts a span of time ("four days", "two weeks")."""
    return span_days(number) > 0


_SPAN_YEARS = {"year": 1, "decade": 10, "century": 100}


def _same_span(a: NumberMention, b: NumberMention) -> bool:
    """Whether two spans of years agree in another measure ("two decades", "20 years")."""
    x = _SPAN_YEARS.get(a.unit.lower().removesuffix("s"))
    y = _SPAN_YEARS.get(b.unit.lower().removesuffix("s"))
    return x is not None and y is not None and same_number(a.value * x, b.value * y)


def _unit_of(number: NumberMention) -> frozenset[str]:
    """The word a figure counts, as a word near it that tells nothing of its place."""
    return frozenset({number.unit.lower()} if number.unit else ())


_TIMES = re.compile(
    r"\b(?P<n>twice|two|three|four|five|six|seven|eight|nine|ten|\d+(?:\.\d+)?)\s+times\b",
    re.IGNORECASE,
)


def _told_by_the_claim(features: Features, number: NumberMention) -> Callable[[float], bool]:
    """A test of the figures the claim tells without writing them, from `number` and its other
    figures: their differences and sums ("450 basis points, 200 larger than in 2023": 250),
    and the figure a multiple stands for, within a tenth ("1,142 amphorae, nearly three times
    as many": about 381)."""
    others = [n.value for n in _figures(features) if n is not number]
    sums = [v for b in others for v in _sum_and_difference(number.value, b)]
    multiples = [_multiple(found["n"].lower()) for found in _TIMES.finditer(features.text)]

    def told(value: float) -> bool:
        return any(same_number(value, v) for v in sums) or any(
            value > 0 and abs(number.value / times - value) <= 0.1 * value for times in multiples
        )

    return told


def _multiple(word: str) -> float:
    """The factor a word of `_TIMES` gives ("twice": 2, "three": 3, "2.5": 2.5)."""
    if word == "twice":
        return 2.0
    return float(word) if word[0].isdigit() else float(text2num(word, "en"))


# a figure fused with a measure ("a 2,140-metre volcano") is no count of things
_MEASURE = re.compile(
    r"[\s-]?(?:metres?|meters?|kilometres?|kilometers?|km|miles?|feet|foot|tonnes?|tons?|kg"
    r"|kilogrammes?|kilograms?|litres?|liters?|hectares?|degrees?)\b",
    re.IGNORECASE,
)


def _after(features: Features, number: NumberMention) -> str:
    """The text right after a figure."""
    return features.text[number.end : number.end + 16]


def _figure_retold_otherwise(
    features: Features, number: NumberMention, aligned: Features
) -> NumberMention | None:
    """The figure the article sentence the claim retells gives where the claim gives one that
    the article gives only elsewhere ("the pound fell 2%" beside "the pound fell by about
    0.5%", in an article where inflation is 2%), if it gives one there."""
    if any(same_number(number.value, n.value) for n in aligned.numbers):
        return None
    bound, _ = figure_bound(features.text, number.start)
    rounded = _hedged(features.text, number)
    unit = _unit_of(number)
    implied = _told_by_the_claim(features, number)
    told = (number.start, number.end)
    return next(
        (
            n
            for n in aligned.numbers
            if not any(same_number(n.value, m.value) for m in features.numbers)  # the claim
            # gives that figure too ("370 operations, more than the roughly 250 in 2023")
            and n.ordinal == number.ordinal  # a rank ("the 12th storm") counts nothing
            and not bound_holds(bound, number.value, n.value)  # "more than 18,000" for 18,460
            and not (rounded and _rounds(number.value, n.value))
            and not implied(n.value)  # "450 basis points, 200 larger than the 250 of 2023"
            and bool(_MEASURE.match(_after(aligned, n)))  # "a 2,140-metre volcano" is no
            == bool(_MEASURE.match(_after(features, number)))  # count of volcanoes
            and (n.unit == "%") == (number.unit == "%")  # a share is no count ("81 percent
            # of pilots" is not "the roughly 1,400 pilots")
            and _is_span(n) == _is_span(number)  # "four days" is no count of clubs
            and _year_like(n) == _year_like(number)  # "between 2011 and 2021" is no count
            and not _same_span(n, number)  # "two decades" is "20 years"
            and _stands_for(features, told, aligned, [(n.start, n.end)], counted=unit)
        ),
        None,
    )


def _figure_told_elsewhere(
    features: Features, number: NumberMention, aligned: Features, record: SourceRecord
) -> bool:
    """Whether another sentence of the article gives the claim's figure beside a word the
    claim gives it beside (two of them): the claim joins two sentences ("From an initial 64
    passenger trains a day, traffic is set to reach 160" joins "64 passenger trains a day
    would use the tunnel at first" to the sentence giving 160 and 110; not "ruling by seven
    votes to two" beside "seven votes" told of another ruling alone)."""
    mine = _near(features, (number.start, number.end), _NEIGHBOURS)
    return any(
        len(_near(sentence, (n.start, n.end), _NEIGHBOURS) & mine) >= _JOINED
        for sentence in record.features
        if sentence.text != aligned.text
        for n in sentence.numbers
        if same_number(n.value, number.value)
    )


_JOINED = 2  # words beside a figure both sentences give it with, to tell one thing


def _years(features: Features) -> list[Span]:
    """Where a sentence gives a year alone ("since 2019", "in 2023"): a count of years or a
    figure of that year may stand in its place, never in that of a day."""
    return [
        (d.start, d.end)
        for d in features.calendar_dates
        if d.value is not None and d.value.month is None
    ]


def _shares_in_words(features: Features) -> list[Span]:
    """Where a sentence gives a share in words ("a quarter", "two thirds", "half")."""
    return [m.span() for m in _FRACTION.finditer(features.text.lower())]


def _counting(record: SourceRecord, number: NumberMention) -> list[NumberMention]:
    """The article's figures that may count what `number` counts: of its unit ("121 people"
    is no bound that "1,600 homes" meets), or either without one."""
    return [
        n
        for features in record.features
        for n in features.numbers
        if not n.unit or not number.unit or n.unit == number.unit
    ]


def _derived(record: SourceRecord) -> frozenset[float]:
    """The differences and sums of two figures one sentence of the article gives ("74 more
    aircraft" for "735 ... from 661")."""
    found: set[float] = set()
    for features in record.features:
        values = [n.value for n in features.numbers]
        points = [  # "cut by 25 basis points to 4.25 percent": 0.25 points, from 4.50
            n.value / 100 for n in features.numbers if _BASIS_POINTS.match(features.text, n.end)
        ]
        for share in (n.value for n in features.numbers if n.unit == "%"):
            for moved in points:
                found.update(_sum_and_difference(share, moved))
        for i, a in enumerate(values):
            for b in values[i + 1 :]:
                found.update(_sum_and_difference(a, b))
    return frozenset(found)


def _across_sentences(number: NumberMention, features: Features, record: SourceRecord) -> bool:
    """Whether a figure the claim tells as worked out ("bigger than", "in all") is the
    difference or sum of two figures of one measure (both money, both shares ...) that the
    article gives beside a word of the same thing, in any two sentences."""
    measure = _measure(features.text, number)
    if not measure or not _WORKED_OUT.search(features.text):
        return False
    told = [
        (n.value, _near(f, (n.start, n.end), 2, nearest=True))
        for f in record.features
        for n in f.numbers
        if _measure(f.text, n) == measure
    ]
    return any(
        same_number(number.value, v)
        for i, (x, beside) in enumerate(told)
        for y, other in told[i + 1 :]
        if beside & other  # told of one thing: "a £318.6 million budget", "the net budget is
        # up from £301.2 million"
        for v in _sum_and_difference(x, y)
    )


def _sum_and_difference(a: float, b: float) -> tuple[float, float]:
    """The figures two figures make together: how far apart they are, and their sum."""
    return abs(a - b), a + b


# Words that tell a figure as a difference or a sum of others ("70 fewer than", "19 were never
# built", "in all", "the rest").
_WORKED_OUT = re.compile(
    r"\b(?:fewer|more|less|than|smaller|larger|bigger|higher|lower|remaining|rest|other|others"
    r"|never|difference|combined|together|total|altogether|in all|all but|up from|down from)\b",
    re.IGNORECASE,
)


def _computed(number: NumberMention, features: Features, record: SourceRecord) -> bool:
    """Whether a figure is the difference or sum of another figure the claim gives and one it
    gives or the article gives of what the figure is told of (the words after it in its
    clause: "19 were never built" beside "Only three were ever built"): "The 640 job cuts
    are 70 fewer than the 710 lost in 2016". Every figure of the article would make too many
    sums to tell anything ("1,124 earthquakes" where the article has 1,214)."""
    mine = [n.value for n in _figures(features) if n is not number]
    if not mine:
        return False
    opening, closing = clause_bounds(features.text, (number.start, number.end))
    if not _WORKED_OUT.search(features.text[opening:closing]):
        return False  # nothing tells a difference or a sum: "approved by four of the seven
        # members" is a count the article gives otherwise, whatever sums make four
    after = {
        w.lemma
        for w in features.words
        if number.end <= w.start < closing and w.lemma in features.content
    }
    theirs = {n.value for f in record.features if after & f.content for n in f.numbers}
    return any(
        same_number(number.value, v)
        for a in mine
        for b in {*mine, *theirs}
        if a != b
        for v in _sum_and_difference(a, b)
    )


def _hedged(text: str, number: NumberMention) -> bool:
    """Whether the claim gives the figure as a round one: "nearly", "about", "some" ..."""
    return bool(_HEDGE.search(text[max(0, number.start - 20) : number.start]))


def _fractions(record: SourceRecord) -> set[Callable[[NumberMention], bool]]:
    """The shares the article gives in words ("a quarter of a percentage point", "two
    thirds", "half of"), each as a test of a figure that gives it (0.25, 25%, 67%)."""
    tests: set[Callable[[NumberMention], bool]] = set()
    for features in record.features:
        for share in _figures(features):
            if share.unit == "%" and not any(share is n for n in features.numbers):
                tests.add(partial(_gives_share, share.value / 100))  # "six in ten"
        for match in _FRACTION.finditer(features.text.lower()):
            if match.group(3):
                value = 0.5
            else:
                part = match.group(2).removesuffix("s")
                value = SHARE_COUNTS[match.group(1)] / SHARE_PARTS[part]
            tests.add(partial(_gives_share, value))
            tests.add(partial(_gives_months, value))  # "the first six months" of "half"
    return tests


def _gives_months(share: float, number: NumberMention) -> bool:
    """Whether a count of months is that share of a year ("six months": half of it)."""
    return number.unit == "month" and abs(number.value - 12 * share) < 0.01


def _gives_share(share: float, number: NumberMention) -> bool:
    """Whether a figure gives the share: as a fraction ("0.25 points" for "a quarter of a
    point") or as a percentage ("50 percent" for "half"; not "50 basis points")."""
    return abs(number.value - share) < 0.005 or (
        number.unit == "%" and abs(number.value - 100 * share) <= 0.5
    )


def _years_ago(record: SourceRecord) -> set[Callable[[NumberMention], bool]]:
    """The spans of years from a year the article gives to its own date ("its first cut
    since 2019", in 2024: "in five years", or four, counted down)."""
    published = _published(record)
    if published is None:
        return set()
    spans = {published.year - d.year for d in record.dates if d.year < published.year}
    return {partial(_gives_years, span) for span in spans}


def _gives_years(span: int, number: NumberMention) -> bool:
    return number.unit == "year" and number.value in (span, span - 1)
