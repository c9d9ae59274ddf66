"""Faithful retellings of learned articles that say a detail in other words are not flagged,
and the same retellings with the detail changed still are. The articles are parts of ones our
probe writers wrote for the retellings benchmark (benchmarks/data/retellings.yaml), cut to the
paragraphs each case needs; each retelling was flagged before this change."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge
from tests.knowledge.conftest import report_after_learning

PENSION_AGE = (
    "Slovenia raises retirement age to 67 despite protests, opposition eyes court "
    "challenge\n\n"
    "Under the law, the retirement age will rise by three months a year from January 2028"
    " until it reaches 67 in 2035. Workers with 40 years of contributions will still be "
    "able to retire at 60 without a penalty, whereas the minimum contribution period "
    "needed for a full pension will increase from 15 to 20 years.\n\n"
    "Pension reform has long been a sensitive issue in Slovenia. In 2011, voters rejected"
    " an earlier attempt to raise the retirement age in a referendum, and a watered-down "
    "reform lifting it to 65 from 63 was adopted the following year, after months of "
    "negotiations with the unions."
)

PENSION_COST = (
    "Slovenia raises retirement age to 67 despite protests, opposition eyes court "
    "challenge\n\n"
    "Labour Minister Tanja Kralj, 47, said the change was unavoidable as the population "
    "ages. Without reform, pension spending, now about 10 percent of gross domestic "
    "product, would climb to nearly 15 percent by 2050, she said, adding that the number "
    "of workers for each pensioner had fallen to 1.4 from 1.9 in 2008."
)

OLYMPIC_BID = (
    "Graz abandons 2042 Winter Olympics bid after referendum defeat\n\n"
    "GRAZ, 16 June 2026 – The Austrian city of Graz formally withdrew its bid to host the"
    " 2042 Winter Olympics on Tuesday, two days after residents rejected the project in a"
    " referendum dominated by fears over costs.\n\n"
    "The city council voted 29 to 19 on Tuesday to end the bid, and Mayor Johanna "
    "Pichler, 49, said the company set up to run it would be wound up by 30 September.\n\n"
    "Austrian Olympic Committee president Karl Stadler said in Vienna that Austria had "
    "not given up on hosting the Winter Games. He said the committee would examine other "
    "options, including a joint bid with neighbouring Slovenia, before deciding by March "
    "2027 whether to pursue a new candidacy."
)

CONDUCTOR_TALKS = (
    "Danube Philharmonic names Finland's Aino Virtanen chief conductor amid subsidy row\n\n"
    "Steiner said the timing of the announcement had nothing to do with the funding "
    'dispute. "We have been talking to Aino for almost two years. This was never a '
    'political decision," she said.'
)

CONDUCTOR = (
    "Danube Philharmonic names Finland's Aino Virtanen chief conductor amid subsidy row\n\n"
    "VIENNA, 24 September 2026 – The Danube Philharmonic Orchestra on Wednesday named "
    "Finnish conductor Aino Virtanen as its next chief conductor, the first woman to hold"
    " the post in the ensemble's 154-year history, as its musicians and the Austrian "
    "government clash over planned cuts to its public funding.\n\n"
    "The musicians will vote on Monday, 5 October, on whether to stage a free protest "
    "concert outside Parliament later in the month. Parliament is due to approve the 2027"
    " budget in November. Virtanen declined to comment on the budget but said she hoped "
    '"a solution can be found before the music stops". '
)

FERRIES = (
    "Norwegian yard wins record electric ferry order, Polish rival cries foul\n\n"
    "Nordsund, which is majority-owned by the Danish state and carried 7.4 million "
    "passengers last year, will use the new vessels on its routes linking Aarhus, "
    "Kalundborg and the island of Samsø. They will replace 11 diesel ferries with an "
    "average age of 27 years, and the company expects the switch to cut its carbon "
    "dioxide emissions by around 85 percent.\n\n"
    "For Ulsteinvik, a town of about 8,700 people, the order marks a sharp turnaround. In"
    " 2020, Vestholm cut 420 jobs when its order book shrank to just two vessels after "
    "oil companies cancelled contracts for offshore supply ships. Its revenue rose to 5.8"
    " billion Norwegian crowns last year from 3.1 billion in 2022."
)

JOBS = (
    "South Africa's jobless rate falls to 31.9% as wages outpace inflation\n\n"
    "Employment and Labour Minister Themba Khoza welcomed the data, saying it showed "
    '"that reform is starting to reach ordinary households". He denied that the gains had'
    " been driven by temporary public works programmes, saying only about 35,000 of the "
    "new jobs were linked to government employment schemes."
)

MARATHON = (
    "Sang smashes Amsterdam course record as Bekele falls just short\n\n"
    "AMSTERDAM, 18 October 2026 – Kenya's Brian Kiptoo Sang broke the Amsterdam Marathon "
    "course record on Sunday, pulling away from Ethiopia's Tesfaye Alemu Gebre in the "
    "final seven kilometres to win in 2 hours 3 minutes 12 seconds, while Ethiopian "
    "Meseret Bekele won the women's race but missed the record by 19 seconds.\n\n"
    "Both winners collect 40,000 euros, with the runners-up receiving 20,000 euros each. "
    "Sang earns an additional 30,000-euro course record bonus, taking his total to 70,000"
    " euros."
)

RATES = (
    "Chile's central bank cuts rate to 4.25% in split vote as inflation cools\n\n"
    "In its quarterly monetary policy report, also published on Wednesday, the bank "
    "lowered its forecast for economic growth this year to between 2.0 and 2.75 percent, "
    "from 2.25 to 3.0 percent previously, citing weaker investment in mining and softer "
    "demand from China, Chile's largest trading partner. It expects inflation to reach "
    "its 3 percent target in the first half of 2027."
)

MEASLES = (
    "Rotterdam measles outbreak reaches 87 cases as city opens extra vaccination clinics\n\n"
    "Karim Boukhari, the city's alderman for health, denied accusations by opposition "
    "councillors that budget cuts to the youth health service had contributed to falling "
    "vaccination rates. He said the service's budget had risen by 6 percent this year. "
    '"The problem is not money. The problem is doubt, and misinformation that spreads '
    'faster than the virus," he said at a news conference at City Hall.'
)


@pytest.mark.parametrize(
    ("article", "published", "text"),
    [
        # a verb of the same direction ("go up" for "rise"; "watered-down" elsewhere)
        (
            PENSION_AGE,
            date.fromisoformat("2026-11-05"),
            "From January 2028 the retirement age will go up by a quarter of a year annually until it reaches 67 in 2035.",
        ),
        # "unless" for "without"
        (
            PENSION_COST,
            date.fromisoformat("2026-11-05"),
            "The labour minister said pension spending, currently around a tenth of GDP, would approach 15 percent by 2050 unless the system was reformed.",
        ),
        # a negation beside a sentence that tells of something else (the quote it retells is no statement)
        (
            OLYMPIC_BID,
            date.fromisoformat("2026-06-16"),
            "Mayor Pichler said she still believed the Games would have been good, but that a city could not host the Olympics against its citizens' will.",
        ),
        # a person named by another part of the full name ("Virtanen" for "Aino")
        (
            CONDUCTOR_TALKS,
            date.fromisoformat("2026-09-24"),
            "Steiner, 49, insisted the appointment was unrelated to the funding row, saying talks with Virtanen had been going on for nearly two years and it was never a political decision.",
        ),
        # a bound the article's fused figure meets ("more than 150-year" for "154-year")
        (
            CONDUCTOR,
            date.fromisoformat("2026-09-24"),
            "Finnish conductor Aino Virtanen, 41, was named on 23 September as the Danube Philharmonic's next chief conductor, making her the first woman in the role in the orchestra's more than 150-year history.",
        ),
        # a common abbreviation ("CO2")
        (
            FERRIES,
            date.fromisoformat("2026-03-12"),
            "The new ships, which will serve routes between Aarhus, Kalundborg and Samsø, are to replace 11 diesel ferries averaging 27 years old, a switch Nordsund expects to cut its CO2 emissions by some 85 percent.",
        ),
        # one denial for another ("rejected suggestions" for "denied"; "welcomed" elsewhere)
        (
            JOBS,
            date.fromisoformat("2025-11-11"),
            "Labour minister Themba Khoza rejected suggestions that temporary public works schemes were behind the gains, saying government programmes accounted for only around 35,000 of the new jobs.",
        ),
        # a span in another unit of time is another figure ("two minutes" is no "2 hours")
        (
            MARATHON,
            date.fromisoformat("2026-10-18"),
            "Ethiopia's Tesfaye Alemu Gebre crossed the line 46 seconds after Sang in 2:03:58, while Kenya's Collins Mutai was third, more than two minutes behind the winner.",
        ),
        # six months for half a year
        (
            RATES,
            date.fromisoformat("2026-01-28"),
            "According to the bank's quarterly report, inflation should return to the 3 percent target in the first six months of next year.",
        ),
        # a claim that tells of a fall and a rise itself
        (
            MEASLES,
            date.fromisoformat("2026-03-13"),
            "Health alderman Karim Boukhari rejected claims that budget cuts had driven down vaccination, saying the youth health service's funding had grown 6 percent this year.",
        ),
    ],
)
async def test_a_detail_said_otherwise_is_not_flagged(
    kb: knowledge.KnowledgeBase, article: str, published: date, text: str
) -> None:
    report = await report_after_learning(kb, article, text, published, days_after=0)
    assert not report.flagged, [c.reason for c in report.flagged]


@pytest.mark.parametrize(
    ("article", "published", "text"),
    [
        (
            PENSION_AGE,
            date.fromisoformat("2026-11-05"),
            "From January 2028 the retirement age will fall by three months a year until it reaches 67 in 2035.",
        ),
        (
            PENSION_COST,
            date.fromisoformat("2026-11-05"),
            "The labour minister said pension spending would approach 15 percent by 2050 even if the system was reformed.",
        ),
        (
            OLYMPIC_BID,
            date.fromisoformat("2026-06-16"),
            "Graz did not withdraw its bid to host the 2042 Winter Olympics.",
        ),
        (
            CONDUCTOR,
            date.fromisoformat("2026-09-24"),
            "Aino Virtanen is the first woman to hold the post in the orchestra's more than 160-year history.",
        ),
        (
            JOBS,
            date.fromisoformat("2025-11-11"),
            "Themba Khoza confirmed that the gains had been driven by temporary public works programmes.",
        ),
        (
            RATES,
            date.fromisoformat("2026-01-28"),
            "According to the bank's quarterly report, inflation should return to the 3 percent target in the first four months of next year.",
        ),
        (
            MEASLES,
            date.fromisoformat("2026-03-13"),
            "Karim Boukhari said the youth health service's budget had fallen by 6 percent this year.",
        ),
    ],
)
async def test_the_detail_changed_is_still_flagged(
    kb: knowledge.KnowledgeBase, article: str, published: date, text: str
) -> None:
    report = await report_after_learning(kb, article, text, published, days_after=0)
    assert report.flagged


AUCTION_TOTAL = (
    "Swiss Symbolist painting smashes record at Geneva sale as museum is outbid\n\n"
    '"Lac de Brienz au crépuscule", painted in 1908, had been estimated at 6 million to 8'
    " million francs. After an 11-minute contest between four bidders, it was knocked "
    "down to an anonymous telephone buyer represented by Kevin Lau, the auction house's "
    "chairman for Asia. The price, which includes the buyer's premium, compares with the "
    "previous Montandon record of 5.6 million francs, set in Zurich in 2019.\n\n"
    "The painting was the top lot in the 62-lot collection of Bernard Aeschlimann, a "
    "watch-industry entrepreneur who died in March at the age of 91. The sale raised 41.7"
    " million francs in total, well above the pre-sale estimate of 25 million to 33 "
    "million francs, and 58 of the 62 lots found buyers. Aeschlimann's family has said 20"
    " percent of the proceeds will go to a foundation supporting young artists."
)

AUCTION_MUSEUM = (
    "Swiss Symbolist painting smashes record at Geneva sale as museum is outbid\n\n"
    "GENEVA, 19 November 2025 – A twilight lake scene by the Swiss Symbolist painter "
    "Aurèle Montandon sold for 14.2 million Swiss francs at Galerie Vauclair in Geneva on"
    " Tuesday evening, more than doubling the artist's auction record and defeating a "
    "last-ditch bid by a Lausanne museum to keep the work in public hands.\n\n"
    "The Musée Ravel-Dumont in Lausanne had hoped to buy the landscape, which it "
    "exhibited on loan for six years in the 1990s. Director Isabelle Kohler said the "
    "museum had raised 9.5 million francs, including 1.3 million from a public appeal "
    "that drew more than 4,000 donors, and stopped bidding once the price passed that "
    "limit."
)

CAR_PLANT = (
    "Aurelia to end combustion engine output in Chemnitz, cut 2,300 jobs in switch to "
    "electric cars\n\n"
    "Vogt denied reports in the German business press that Aurelia planned to move "
    'production of the Vento to its plant in Nitra, Slovakia, calling them "pure '
    'speculation". She said the Slovak site, which employs about 4,100 people, would '
    "continue to build the larger Mareo saloon for export markets."
)

COAL_RULING = (
    "Korean court orders coal plant operator to pay residents over pollution, clears "
    "government\n\n"
    "DAEJEON, South Korea, 22 January 2026 – A South Korean court on Thursday ordered "
    "state-run utility Seohae Power Corporation to pay 3.7 billion won (about 2.5 million"
    " dollars) in damages to 1,240 residents living near its coal-fired power station in "
    "Dangjin, in the country's first ruling holding a power company liable for illnesses "
    "linked to air pollution, lawyers said.\n\n"
    "Environmental groups said the ruling could open the door to similar claims "
    "elsewhere. Lawyers for the plaintiffs estimate that about 80,000 people live within "
    "10 kilometres of coal plants along the country's west coast. "
)

HOSPITAL_HACK = (
    "Ransomware attack cripples Hamilton hospital network as hackers demand $4.5 million\n\n"
    "Ontario Health Minister Claire Desrosiers said the province would provide 15 million"
    " Canadian dollars in emergency funding to help the network restore its systems and "
    "hire additional staff. Opposition health critic Daniel Okafor accused the government"
    " of cutting a hospital cybersecurity programme in 2024 and called for a public "
    "inquiry."
)


@pytest.mark.parametrize(
    ("article", "published", "text"),
    [
        # a range whose second figure gives the scale ("25 to 33 million")
        (
            AUCTION_TOTAL,
            date.fromisoformat("2025-11-19"),
            "All but four of the 62 lots from Bernard Aeschlimann's collection were sold, raising 41.7 million francs against an estimate of 25 to 33 million.",
        ),
        # a verb with a particle ("dropped out" is no fall; "doubling" elsewhere)
        (
            AUCTION_MUSEUM,
            date.fromisoformat("2025-11-19"),
            "The Musée Ravel-Dumont in Lausanne, which showed the landscape on loan for six years in the 1990s, dropped out when the bidding went past the 9.5 million francs it had raised.",
        ),
        # a country the retold sentence gives ("Slovak factory in Nitra" beside "Nitra, Slovakia")
        (
            CAR_PLANT,
            date.fromisoformat("2025-11-12"),
            'Vogt dismissed as "pure speculation" press reports that the Vento would be moved to Aurelia\'s Slovak factory in Nitra.',
        ),
        # a city beside its country's people word ("in Daejeon" beside "A South Korean court")
        (
            COAL_RULING,
            date.fromisoformat("2026-01-22"),
            "A court in Daejeon on 22 January 2026 held state utility Seohae Power liable for illnesses among people living near its Dangjin coal plant and ordered it to pay 3.7 billion won in damages.",
        ),
        # a currency written with its country's letters ("C$15 million")
        (
            HOSPITAL_HACK,
            date.fromisoformat("2026-02-12"),
            "Ontario Health Minister Claire Desrosiers pledged C$15 million in emergency funding to help restore the network's systems and pay for extra staff.",
        ),
    ],
)
async def test_a_name_or_figure_written_otherwise_is_not_flagged(
    kb: knowledge.KnowledgeBase, article: str, published: date, text: str
) -> None:
    report = await report_after_learning(kb, article, text, published, days_after=0)
    assert not report.flagged, [c.reason for c in report.flagged]


@pytest.mark.parametrize(
    ("article", "published", "text"),
    [
        (
            CAR_PLANT,
            date.fromisoformat("2025-11-12"),
            "Vogt confirmed press reports that the Vento would be moved to Aurelia's Slovak factory in Nitra.",
        ),
        (
            COAL_RULING,
            date.fromisoformat("2026-01-22"),
            "A court in Seoul on 22 January 2026 held state utility Seohae Power liable for illnesses among people living near its Dangjin coal plant and ordered it to pay 3.7 billion won in damages.",
        ),
        (
            HOSPITAL_HACK,
            date.fromisoformat("2026-02-12"),
            "Ontario Health Minister Claire Desrosiers said the province would provide 25 million Canadian dollars in emergency funding.",
        ),
    ],
)
async def test_the_name_or_figure_changed_is_still_flagged(
    kb: knowledge.KnowledgeBase, article: str, published: date, text: str
) -> None:
    report = await report_after_learning(kb, article, text, published, days_after=0)
    assert report.flagged


LAUNCHES = (
    "Japanese Prime Minister Fumio Kishida asked NATO allies on Tuesday to keep up their "
    "support for Ukraine during a visit to Brussels. He met NATO Secretary General Jens "
    "Stoltenberg at the alliance's headquarters. Kishida said Japan would keep its policy"
    " of not sending lethal weapons to countries at war. Japan has sent helmets, vests "
    "and drones to Ukraine, as have Australia, New Zealand and South Korea. Kishida also "
    "condemned North Korea's missile launches over the Sea of Japan."
)


async def test_a_country_the_sentence_gives_elsewhere_is_still_a_swap(
    kb: knowledge.KnowledgeBase,
) -> None:
    published = date(2024, 2, 7)
    await kb.curator.learn(LAUNCHES, source="https://example.org/article", published=published)
    swapped = await kb.check(
        "Kishida condemned South Korea's missile launches over the Sea of Japan.",
        reference_date=published,
    )
    retold = await kb.check(
        "Kishida condemned North Korea's missile launches over the Sea of Japan.",
        reference_date=published,
    )
    assert swapped.flagged
    assert not retold.flagged, [c.reason for c in retold.flagged]
