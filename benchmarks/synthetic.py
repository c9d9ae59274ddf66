"""Realistic synthetic statements for performance runs: templates filled from entity lists.

Names are drawn with a Zipf-like skew so that, as in real fact-check archives, a few names
("NATO", "Ukraine", "Russia") and verbs ("said") occur in a large share of the statements
while most names are rare. Output is deterministic for a given seed.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Iterator, Sequence
from datetime import date, timedelta

from knowledge import Source, StatementDraft, StatementKind

FIRST_NAMES = """
James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara Richard
Susan Joseph Jessica Thomas Sarah Charles Karen Christopher Nancy Daniel Lisa Matthew Betty
Anthony Margaret Mark Sandra Donald Ashley Steven Kimberly Paul Emily Andrew Donna Joshua
Michelle Kenneth Carol Kevin Amanda Brian Dorothy George Melissa Timothy Deborah Ronald
Stephanie Edward Rebecca Jason Sharon Jeffrey Laura Ryan Cynthia Jacob Kathleen Gary Amy
Nicholas Angela Eric Shirley Jonathan Anna Stephen Brenda Larry Pamela Justin Emma Scott
Nicole Brandon Helen Benjamin Samantha Samuel Katherine Gregory Christine Alexander Debra
Frank Rachel Patrick Carolyn Raymond Janet Jack Catherine Dennis Maria Jerry Heather Tyler
Diane Aaron Ruth Jose Julie Adam Olivia Nathan Joyce Henry Virginia Douglas Victoria Zachary
Kelly Peter Lauren Kyle Christina Olaf Ingrid Lars Astrid Jens Sven Annalena Olena Dmytro
Volodymyr Oksana Andriy Yulia Sergei Natalia Dmitri Tatiana Pavel Irina Mikhail Elena Yuki
Hiroshi Min-jun Seo-yeon Ji-ho Wei Li Jian Mei Arjun Priya Rahul Ananya Kwame Amara Chidi
Ngozi Fatima Omar Layla Hassan Mateo Sofia Santiago Valentina Lucas Camila Emre Elif Mehmet
Zeynep Pierre Camille Hans Greta Giulia Marco Jakub Zofia Mark Ursula Kaja Gitanas Edgars
""".split()

LAST_NAMES = """
Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips
Evans Turner Diaz Parker Cruz Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers
Gutierrez Ortiz Morgan Cooper Peterson Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson
Watson Brooks Chavez Wood James Bennett Gray Mendoza Ruiz Hughes Price Alvarez Castillo
Sanders Patel Myers Long Ross Foster Jimenez Larsen Hansen Johansen Nielsen Berg Lindqvist
Shevchenko Kovalenko Bondarenko Tkachenko Kravchenko Oliynyk Melnyk Ivanov Smirnov Kuznetsov
Popov Sokolov Lebedev Kozlov Novikov Morozov Petrov Volkov Tanaka Suzuki Watanabe Takahashi
Park Choi Jung Kang Cho Yoon Jang Wang Zhang Liu Chen Yang Huang Zhao Sharma Singh Gupta
Kumar Okafor Mensah Diallo Kamau Haddad Khalil Nasser Yilmaz Kaya Demir Dubois Lefevre Moreau
Schmidt Schneider Fischer Weber Becker Rossi Russo Bianchi Nowak Kowalski Wisniewski Novak
Horvat Popescu Ionescu Papadopoulos Silva Santos Oliveira Pereira Costa Jansen Visser
""".split()

COUNTRIES = (
    """
Ukraine Russia Belarus Poland Germany France Italy Spain Portugal Britain Ireland Norway
Sweden Finland Denmark Estonia Latvia Lithuania Romania Moldova Hungary Slovakia Czechia
Austria Switzerland Belgium Netherlands Luxembourg Greece Turkey Georgia Armenia Azerbaijan
Kazakhstan Uzbekistan China Japan India Pakistan Bangladesh Indonesia Malaysia Vietnam
Thailand Philippines Australia Canada Mexico Brazil Argentina Chile Colombia Peru Venezuela
Cuba Egypt Israel Iran Iraq Syria Jordan Lebanon Qatar Kenya Nigeria Ethiopia Ghana Senegal
Morocco Algeria Tunisia Libya Sudan Somalia Uganda Tanzania Zambia Zimbabwe Angola Namibia
Botswana Mozambique Madagascar Serbia Croatia Slovenia Bosnia Albania Montenegro Kosovo
Bulgaria Cyprus Malta Iceland Mongolia Nepal Afghanistan Yemen Oman Kuwait Bahrain Singapore
""".split()
    + [
        "South Korea",
        "North Korea",
        "the United States",
        "Saudi Arabia",
        "South Africa",
        "New Zealand",
        "Sri Lanka",
        "the United Kingdom",
        "North Macedonia",
        "Taiwan",
    ]
)

CITIES = """
Kyiv Moscow Minsk Warsaw Berlin Paris Rome Madrid Lisbon London Dublin Oslo Stockholm
Helsinki Copenhagen Tallinn Riga Vilnius Bucharest Chisinau Budapest Bratislava Prague Vienna
Geneva Brussels Amsterdam Athens Ankara Tbilisi Yerevan Baku Astana Beijing Tokyo Delhi Seoul
Jakarta Hanoi Bangkok Manila Canberra Ottawa Brasilia Santiago Bogota Lima Havana Cairo
Jerusalem Tehran Baghdad Damascus Amman Beirut Doha Nairobi Lagos Accra Dakar Rabat Algiers
Tunis Khartoum Kampala Kharkiv Odesa Lviv Dnipro Mariupol Bakhmut Kherson Zaporizhzhia
Donetsk Luhansk Sevastopol Davos Munich Vilnius Madrid Washington Brussels Hamburg Milan
Barcelona Lyon Krakow Gdansk Istanbul Osaka Busan Shanghai Mumbai Karachi Dhaka Sydney
Toronto Vancouver Chicago Houston Phoenix Denver Seattle Boston Atlanta Miami Dallas
""".split()

ORGS = [
    "NATO",
    "the European Union",
    "the United Nations",
    "the IMF",
    "the World Bank",
    "the WHO",
    "the Kremlin",
    "the Pentagon",
    "the White House",
    "the European Commission",
    "the G7",
    "the G20",
    "the OSCE",
    "the Council of Europe",
    "the African Union",
    "ASEAN",
    "OPEC",
    "the World Trade Organization",
    "the Red Cross",
    "UNICEF",
    "Amnesty International",
    "Human Rights Watch",
    "the European Central Bank",
    "the Federal Reserve",
    "Gazprom",
    "Naftogaz",
    "Rosatom",
    "the IAEA",
    "the ICC",
    "the Security Council",
    "Interpol",
    "Frontex",
    "the European Parliament",
    "the Bundestag",
    "the Verkhovna Rada",
    "the Duma",
    "Congress",
    "the Senate",
    "Reuters",
    "the BBC",
    "CNN",
    "Al Jazeera",
    "Eurostat",
]

ROLES = [
    "president",
    "prime minister",
    "foreign minister",
    "defence minister",
    "finance minister",
    "health minister",
    "energy minister",
    "ambassador",
    "spokesperson",
    "secretary general",
    "chancellor",
    "governor",
    "mayor",
    "central bank governor",
    "army chief",
    "intelligence chief",
    "opposition leader",
    "senator",
    "economist",
    "professor",
    "analyst",
    "commander",
    "envoy",
    "chief executive",
]

TOPICS = [
    "arms exports",
    "gas supplies",
    "grain exports",
    "sanctions",
    "military aid",
    "refugee flows",
    "energy prices",
    "inflation",
    "interest rates",
    "a ceasefire",
    "peace talks",
    "air defence systems",
    "tank deliveries",
    "cyber attacks",
    "election interference",
    "vaccine supplies",
    "wheat prices",
    "oil prices",
    "nuclear safety",
    "border security",
    "defence spending",
    "troop deployments",
    "humanitarian corridors",
    "prisoner exchanges",
    "reconstruction funds",
    "disinformation campaigns",
    "power outages",
    "drone strikes",
    "missile attacks",
    "trade tariffs",
    "climate targets",
    "carbon emissions",
    "unemployment",
    "minimum wage",
    "pension reform",
    "housing prices",
    "food shortages",
    "shipping routes",
    "fertiliser exports",
    "semiconductor supplies",
    "press freedom",
    "judicial reform",
    "corruption charges",
    "visa rules",
    "asylum applications",
    "coal imports",
    "wind power",
    "nuclear plants",
    "fighter jets",
    "artillery shells",
]

SAID = [
    "said",
    "said",
    "said",
    "told reporters",
    "announced",
    "claimed",
    "stated",
    "warned",
    "insisted",
    "confirmed",
    "denied",
    "argued",
    "wrote",
    "tweeted",
    "declared",
]

ACTIONS = [
    "approved",
    "rejected",
    "signed",
    "suspended",
    "postponed",
    "announced",
    "proposed",
    "extended",
    "cancelled",
    "ratified",
    "condemned",
    "welcomed",
    "investigated",
    "blocked",
    "doubled",
    "halved",
    "ended",
    "resumed",
    "imposed",
    "lifted",
]

THINGS = [
    "a new package of sanctions",
    "an agreement on",
    "a ban on",
    "a plan to increase",
    "new limits on",
    "a deal covering",
    "an investigation into",
    "a report on",
    "emergency funding for",
    "a review of",
    "a treaty on",
    "new rules on",
    "a tax on",
    "a cap on",
    "a moratorium on",
    "talks on",
]

UNITS = [
    "percent",
    "million people",
    "billion dollars",
    "billion euros",
    "tonnes",
    "troops",
    "kilometres",
    "soldiers",
    "civilians",
    "refugees",
    "tanks",
    "missiles",
    "barrels a day",
    "jobs",
    "cases",
    "votes",
]

QUOTES = [
    "we will not back down",
    "this is a turning point",
    "the situation remains difficult",
    "we need more support",
    "there is no alternative to negotiations",
    "these claims are false",
    "our position has not changed",
    "the threat is real",
    "this decision is final",
    "we are ready to talk",
    "time is running out",
    "the numbers speak for themselves",
    "we will defend every inch",
    "nobody wants a wider war",
    "the economy is recovering",
    "prices will keep rising",
    "this was a mistake",
    "the agreement is dead",
    "we stand with our partners",
    "the report is accurate",
]

TEMPLATES = [
    "{person}, the {role} of {country}, {said} that {country2} {action} {thing} {topic}.",
    "On {day}, {org} {action} {thing} {topic} with {country}.",
    "{country} {action} {thing} {topic} in {month} {year}.",
    '{person} {said}: "{quote}."',
    '{person} {said} in {city} on {day} that "{quote}".',
    "{country} had {number} {unit} in {year}, according to {org}.",
    "According to {org}, {topic} in {country} rose by {small} percent in {year}.",
    "{org} estimates that {number} {unit} were affected in {country} by {month} {year}.",
    "The {role} of {country}, {person}, visited {city} on {day}.",
    "{person} became {role} of {country} in {year}.",
    "{person} has served as {role} of {country} since {month} {year}.",
    "{country} and {country2} signed {thing} {topic} in {city} on {day}.",
    "{org} said {country} {action} {topic} after talks in {city}.",
    "In {year}, {country} spent {small} percent of its GDP on defence.",
    "{person} denied that {country} had {action} {topic}.",
    "{country} joined {org} in {year}.",
    "{city} is the capital of {country}.",
    "The population of {city} was about {number} in {year}.",
    "{org} {said} that {topic} in {country} fell by {small} percent in {month} {year}.",
    "{person} met {person2} in {city} to discuss {topic}.",
    "Russia {action} {thing} {topic} with {country} on {day}, {org} said.",
    "NATO members agreed in {city} on {day} to raise {topic}.",
    "Ukraine received {number} {unit} from {country} in {month} {year}.",
    "{person} said {org} would decide on {topic} by {month} {year}.",
]

MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]


def _zipf(rng: random.Random, items: Sequence[str], skew: float = 1.1) -> str:
    """An item drawn with weight 1/rank**skew (rank in list order, shuffled once per list)."""
    index = int(len(items) * rng.random() ** (1.0 + skew * 3))
    return items[min(index, len(items) - 1)]


class _Filler:
    """Values for template slots, drawn from one seeded random generator."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        people = [f"{f} {ln}" for f, ln in itertools.product(FIRST_NAMES, LAST_NAMES)]
        self.rng.shuffle(people)
        self.people = people

    def values(self) -> dict[str, str]:
        rng = self.rng
        when = date(1990, 1, 1) + timedelta(days=rng.randrange(12_800))
        return {
            "person": _zipf(rng, self.people),
            "person2": _zipf(rng, self.people),
            "role": rng.choice(ROLES),
            "country": _zipf(rng, COUNTRIES),
            "country2": _zipf(rng, COUNTRIES),
            "city": _zipf(rng, CITIES),
            "org": _zipf(rng, ORGS),
            "topic": rng.choice(TOPICS),
            "thing": rng.choice(THINGS),
            "action": rng.choice(ACTIONS),
            "said": rng.choice(SAID),
            "quote": rng.choice(QUOTES),
            "unit": rng.choice(UNITS),
            "number": f"{rng.randrange(1, 999_999):,}",
            "small": str(rng.randrange(1, 60)),
            "year": str(when.year),
            "month": MONTHS[when.month - 1],
            "day": f"{MONTHS[when.month - 1]} {when.day}, {when.year}",
            "iso": when.isoformat(),
        }


def synthetic_drafts(count: int, *, seed: int = 7) -> Iterator[StatementDraft]:
    """`count` distinct template statements with dates, quotes, speakers and sources."""
    filler = _Filler(seed)
    seen: set[str] = set()
    while len(seen) < count:
        values = filler.values()
        template = filler.rng.choice(TEMPLATES)
        text = template.format(**values)
        text = text[0].upper() + text[1:]
        if text in seen:
            continue
        seen.add(text)
        has_day = "{day}" in template
        quoted = "{quote}" in template
        yield StatementDraft(
            text=text,
            kind=StatementKind.EVENT if has_day else StatementKind.FACT,
            event_date=values["iso"] if has_day else None,
            speaker=values["person"] if quoted else None,
            quote=values["quote"] if quoted else None,
            source=Source(
                title=f"{values['org']} archive {values['year']}",
                url=f"https://archive.example.org/{len(seen)}",
            ),
        )


def claim_drafts(claims: Sequence[tuple[str, str, str]]) -> Iterator[StatementDraft]:
    """Statements from (id, text, title) rows of public verified claims, keeping their ids."""
    for claim_id, text, title in claims:
        text = " ".join(text.split())
        if text:
            yield StatementDraft(
                text=text, source=Source(title=title or None), external_id=claim_id
            )


def article_4k(*, seed: int = 11) -> str:
    """A ~4,000-character news article on the seed story, mixing known and new claims."""
    paragraphs = [
        "2023-01-30 Brussels. NATO Secretary General Jens Stoltenberg urged South Korea on "
        "Monday to step up military support for Ukraine, saying that Seoul should reconsider "
        "its policy of not supplying weapons to countries in conflict.",
        "Stoltenberg, speaking in Seoul, said that several NATO allies that had a policy of "
        'never exporting weapons to countries in conflict had changed that policy. "If we '
        "don't want autocracy and tyranny to win, then they need weapons,\" he said.",
        "Russia launched its full-scale invasion of Ukraine in February 2022, and the war has "
        "since displaced millions of people. The Minsk agreements, signed in 2014 and 2015, "
        "were meant to end the fighting in eastern Ukraine but never brought a lasting "
        "ceasefire.",
        "South Korea, a major arms producer, has signed deals to sell tanks, howitzers and "
        "fighter jets to Poland, a NATO member that borders Ukraine. Officials in Seoul said "
        "the government would not send lethal weapons directly to Kyiv.",
        "The European Union has imposed several packages of sanctions on Russia since the "
        "invasion, targeting banks, energy exports and hundreds of officials. The United "
        "States has provided more than 25 billion dollars in military aid to Ukraine.",
        "Finland and Sweden applied to join NATO in May 2022, ending decades of military "
        "non-alignment. Finland shares a border of about 1,300 kilometres with Russia.",
        "Stoltenberg also visited Japan, where Prime Minister Fumio Kishida said Tokyo would "
        "increase defence spending to 2 percent of GDP by 2027. Japan has supplied Ukraine "
        "with helmets, bulletproof vests and drones.",
        "Analysts said the visit reflected NATO's growing interest in the Indo-Pacific. "
        '"What happens in Europe today could happen in East Asia tomorrow," Stoltenberg '
        "told reporters at a university in Seoul.",
        "Ukraine's president Volodymyr Zelensky has repeatedly asked Western partners for "
        "more air defence systems and artillery shells. Germany agreed in January 2023 to "
        "send Leopard 2 tanks to Ukraine after weeks of pressure from its allies.",
        "Russia's foreign ministry said the deliveries would prolong the war. The Kremlin "
        "said that NATO was already a party to the conflict, a claim the alliance denies.",
        "In Seoul, the defence ministry said on Tuesday that it had no plans to change the law "
        "that bars arms sales to countries at war. Opposition lawmakers warned that sending "
        "weapons could expose South Korean companies to retaliation.",
        "Hungary's prime minister Viktor Orban criticised the sanctions, arguing that they "
        "had hurt European economies more than Russia's. Budapest has refused to allow "
        "weapons for Ukraine to cross its territory.",
        "The International Energy Agency estimated that Russian oil export revenue fell by "
        "about a quarter in December after a price cap of 60 dollars a barrel took effect.",
        "Moldova's president Maia Sandu said her government had uncovered a plan to "
        "destabilise the country, and asked the European Union for help with energy supplies "
        "during the winter.",
        "Turkey has kept blocking Sweden's membership bid, demanding that Stockholm extradite "
        "people Ankara accuses of terrorism. Finland said it would prefer to join together "
        "with Sweden.",
        "Poland's defence minister said Warsaw would ask Berlin for permission to re-export "
        "its German-made tanks, and that it was ready to build a coalition of countries "
        "willing to send them even without German approval.",
        "The Kremlin spokesman Dmitry Peskov said Western tanks would burn like all the "
        "others and would not change the situation on the front line.",
        "Estonia announced a new aid package worth about 113 million euros, including "
        "howitzers and ammunition, one of the largest relative to the size of its economy.",
        "Fighting continued around the town of Bakhmut in the Donetsk region, where "
        "Ukrainian officials reported dozens of attacks a day.",
        "Canada said it would send four Leopard 2 tanks from its own army, along with crews "
        "to train Ukrainian soldiers in Poland.",
        "The Netherlands said it was considering buying the tanks from industry for Ukraine.",
    ]
    # Distinct sentences only: a repeated paragraph would let per-article caching flatter
    # the timings. `seed` shuffles the middle paragraphs for variants of the same size.
    head, middle = paragraphs[:2], paragraphs[2:]
    random.Random(seed).shuffle(middle)
    text = "\n\n".join(head + middle)
    while len(text) > 4_200:
        text = text.rsplit("\n\n", 1)[0]
    return text
