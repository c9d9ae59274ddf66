"""Our own texts for the precision suite: true sentences near the seed topics, a trusted
article to learn with faithful retellings of it, and retellings with one detail changed."""

from __future__ import annotations

from datetime import date

SEED_TOPIC_DAY = date(2024, 6, 1)

# True sentences about the seed story's topics (NATO, Ukraine, Russia, South Korea), checked
# as written on SEED_TOPIC_DAY against the seeded knowledge base: none may be flagged.
TRUE_NEAR_SEEDS = [
    "Sweden joined NATO on 7 March 2024.",
    "Finland became a member of NATO in April 2023.",
    "Stoltenberg has led NATO since 2014.",
    "Russia has occupied parts of Ukraine since 2014.",
    "Hollande later said the Minsk accords had bought Kyiv time to build up its army.",
    "In 2014 the war in the Donbas was fought between Kyiv and Russian-backed separatists.",
    "Critics say NATO troops in Ukraine would escalate the war.",
    "The Minsk agreements were signed in 2014 and 2015.",
    "Russia launched its full-scale invasion of Ukraine in February 2022.",
    "South Korea has long had a rule against supplying weapons to countries at war.",
    "Seoul has sent humanitarian aid and non-lethal equipment to Kyiv.",
    "NATO allies agreed to raise their defence spending at a summit in Vilnius.",
    "Jens Stoltenberg was prime minister of Norway before he led NATO.",
    "Stoltenberg visited Japan after his trip to South Korea.",
    "Is it true that the European Union imposed sanctions on Russia?",
    "The European Union has imposed several rounds of sanctions on Russia.",
    "Some analysts argue that the Minsk agreements could never have worked.",
    "If NATO sent troops to Ukraine, Moscow might see it as an escalation.",
    "SEOUL, Jan 31, 2023 (Reuters) - South Korea's president met NATO's chief.",
    "Ukraine hopes to join NATO one day.",
    # What was done or said about a thing that has ended is history, not an outdated reference.
    "Kyiv has long accused Moscow of breaking the Minsk agreements.",
    "Ukraine's foreign minister blamed France and Germany for failing to enforce the Minsk accords.",
    "The Kremlin said on Friday that the Minsk agreements had ceased to exist.",
    "Moscow's envoy told the UN that the Minsk agreements did not exist anymore.",
    # Said to be dead already, or doubted: no reference to them as in force.
    "No ceasefire has been agreed, and the Minsk agreements remain a dead letter.",
    "It is hard to see how the Minsk agreements could survive another war.",
    # "can" says what is possible, not what was done.
    "In principle NATO can send troops to Ukraine, but its members have ruled that out.",
    # A date told of another event in the same sentence is not the invasion's date.
    "The EU adopted another package of sanctions on 23 February over Russia's invasion of Ukraine.",
    "On 23 February Brussels agreed new sanctions, two years after Russia began its full-scale "
    "invasion of Ukraine.",
    # When an office began: the right start, another office's start, and a choice made earlier.
    "Mark Rutte became NATO Secretary General in October 2024.",
    "Jens Stoltenberg took office as NATO Secretary General in 2014.",
    # (not Rutte's two offices: on this day he had not yet become NATO Secretary General)
    "Stoltenberg became prime minister of Norway in 2005 and NATO Secretary General in 2014.",
    "In June 2024 the allies chose Mark Rutte to become NATO's next secretary general.",
    "Jens Stoltenberg stepped down as NATO Secretary General in October 2024.",
    "Jens Stoltenberg stepped down as Norway's prime minister in 2013 and became NATO "
    "Secretary General in 2014.",
    # The topic of a rule is not the rule's denial ("its rule of not exporting weapons").
    "Stoltenberg asked South Korea to reconsider its rule on exporting weapons to countries in "
    "conflict.",
    # A framing date counted from the event is not the event's date.
    "On 12 February 2016, a year after the Minsk II agreement was signed, fighting continued "
    "in eastern Ukraine.",
    "In May 2022, Sweden and Finland applied to join NATO.",
    "Six days after Russia invaded Ukraine, on 2 March 2022, the UN General Assembly condemned "
    "the invasion.",
    # Ages: right on the day, or told of another time.
    "Jens Stoltenberg, 65, will hand NATO over to Mark Rutte in October.",
    "The 57-year-old Mark Rutte was chosen to lead NATO from October.",
    "In 2014, Stoltenberg, 55, became NATO Secretary General.",
    "A 30-year-old protester shouted at Mark Rutte outside the summit.",
    # Dates of other events beside a recorded one: an election before the term, an application
    # before an accession, a government's fall before its leader left office, a war's first
    # phase before the full-scale invasion. A learned reading of the pair model's refutation
    # (weighed with the alignment, tried in stop 55) flagged the fall of Rutte's government.
    "Zelensky won the presidential run-off in April 2019 and was sworn in on 20 May 2019.",
    "Finland applied to join NATO in May 2022 and became a member in April 2023.",
    "Sweden waited almost two years between its application in May 2022 and its accession on "
    "7 March 2024.",
    "Rutte's fourth government collapsed in July 2023, and he has led a caretaker cabinet since "
    "then.",
    "Ukraine has been fighting Russian-backed forces in the east since 2014, when Russia annexed "
    "Crimea.",
    "Putin recognised the two separatist republics in eastern Ukraine on 21 February 2022, three "
    "days before the invasion.",
    "Stoltenberg's mandate, which began in October 2014, has been extended several times.",
    "Mark Rutte became prime minister of the Netherlands in 2010, four years before Stoltenberg "
    "moved to NATO.",
    "Russia's full-scale invasion came more than seven years after the first Minsk agreement.",
    # Figures the seeds never give, told beside facts they do give.
    "Finland, which joined NATO in 2023, shares a border of about 1,340 kilometres with Russia.",
    "Zelensky, a former comedian, took office in May 2019 after winning 73 percent of the vote.",
]

LEARNED_DAY = date(2024, 3, 4)
LEARNED_SOURCE = "https://example.org/sport/city-chelsea"
LEARNED_ARTICLE = """\
Manchester City beat Chelsea 2-0 at the Etihad Stadium on Sunday.
Erling Haaland scored both goals for City in the second half.
The win lifted City to 62 points, two behind the leaders Liverpool.
Chelsea manager Mauricio Pochettino said his side had defended well for an hour.
About 53,000 fans watched the match in Manchester.
"""

# Faithful retellings of the learned article: none may be flagged.
FAITHFUL = [
    "Manchester City beat Chelsea 2-0 on Sunday.",
    "Haaland scored both of City's goals after half-time.",
    "City now have 62 points after the win.",
    "Pochettino said Chelsea had defended well for an hour.",
    "About 53,000 fans watched the game in Manchester.",
    "City are two points behind Liverpool.",
]

# Retellings with one detail changed, and the detail: none may be supported, and at least
# 85% must be flagged.
ONE_ERROR = [
    ("Manchester City beat Chelsea 3-0 on Sunday.", "number"),
    ("Manchester City lost to Chelsea 2-0 on Sunday.", "antonym"),
    ("Manchester City beat Chelsea 2-0 on Saturday.", "weekday"),
    ("Manchester City beat Arsenal 2-0 at the Etihad Stadium on Sunday.", "name"),
    ("Phil Foden scored both goals for City in the second half.", "person"),
    ("Erling Haaland scored both goals for City in the first half.", "ordinal"),
    ("The win lifted City to 65 points, two behind the leaders Liverpool.", "number"),
    ("The win lifted City to 62 points, two behind the leaders Arsenal.", "name"),
    (
        "Chelsea manager Mauricio Pochettino said his side had not defended well for an hour.",
        "negation",
    ),
    ("About 35,000 fans watched the match in Manchester.", "number"),
    ("About 53,000 fans watched the match in London.", "place"),
    ("Arsenal manager Mikel Arteta said his side had defended well for an hour.", "speaker"),
]

# A second learned article, on the seed topics, and faithful retellings of it that say things
# in their own way: a title for a named office, a count for a list, a ban for a "not", a
# different Korea. None may be flagged.
NEWS_DAY = date(2024, 2, 7)
NEWS_SOURCE = "https://example.org/world/kishida-brussels"
NEWS_ARTICLE = """\
Japanese Prime Minister Fumio Kishida asked NATO allies on Tuesday to keep up their support for Ukraine during a visit to Brussels.
He met NATO Secretary General Jens Stoltenberg at the alliance's headquarters.
Kishida said Japan would keep its policy of not sending lethal weapons to countries at war.
Japan has sent helmets, vests and drones to Ukraine, as have Australia, New Zealand and South Korea.
Kishida also condemned North Korea's missile launches over the Sea of Japan.
"""
NEWS_FAITHFUL = [
    "The NATO chief met Kishida at the alliance's headquarters in Brussels.",
    "Three other countries, Australia, New Zealand and South Korea, have also sent equipment "
    "to Ukraine.",
    "South Korea has also sent helmets and drones to Ukraine.",
    "Kishida said Japan would keep its ban on sending lethal weapons to countries at war.",
    "Japan can send helmets and drones to Ukraine, Kishida said.",
    "Kishida condemned North Korea's missile launches.",
    "Kishida asked NATO allies on Tuesday to keep supporting Ukraine.",
]

# Sentences that assert several things, judged against the seeds and one more recorded event:
# the wrong part sits in a participial or relative phrase or in a coordinated clause, which
# the short form of the sentence shows. Each must be flagged; each true twin must not.
CLAUSE_DAY = date(2024, 6, 1)
CLAUSE_EVENT = ("Finland joined NATO on 4 April 2023.", "2023-04-04")
CLAUSE_ERRORS = [
    "Finland joined NATO in April 2022, ending decades of neutrality and more than doubling "
    "the alliance's border with Russia.",
    "Finland, which joined NATO in April 2021, shares a long border with Russia.",
    "Sweden and Finland applied to join NATO in May 2021, abandoning decades of military "
    "non-alignment after Russia's invasion of Ukraine.",
    # a phrase beside a name is the writer's own, though the main clause is still to come
    "Mark Rutte, born in The Hague in 1969, will address the allies in Brussels next week.",
    "Jens Stoltenberg, who was born in Oslo in 1961, will hand over to Mark Rutte in October.",
]
CLAUSE_TRUE = [
    "Finland joined NATO in April 2023, ending decades of neutrality and more than doubling "
    "the alliance's border with Russia.",
    "Finland, which joined NATO in April 2023, shares a long border with Russia.",
    "Sweden and Finland applied to join NATO in May 2022, abandoning decades of military "
    "non-alignment after Russia's invasion of Ukraine.",
    "Mark Rutte, born in The Hague in 1967, will address the allies in Brussels next week.",
    "Jens Stoltenberg, who was born in Oslo in 1959, will hand over to Mark Rutte in October.",
]

# A title given to a named person in a datelined article is a claim about the office on that
# day: against the seeds' terms of office, a title held no longer is outdated; a former title,
# a title held then, and a title in a report of older events are not.
TITLE_OUTDATED = [
    "THE HAGUE, 20 January 2025 – Dutch Prime Minister Mark Rutte said on Monday that allies "
    "must spend more on defence.",
    "SEOUL, 1 May 2025 – South Korean President Yoon Suk Yeol said on Thursday that Seoul "
    "could reconsider its ban on arming Ukraine.",
    "VILNIUS, 2 June 2025 – NATO Secretary General Jens Stoltenberg opened a meeting of "
    "defence ministers on Monday.",
    "OSLO, 12 May 2025 – Jens Stoltenberg, NATO's secretary general, toured a new arms "
    "factory on Monday.",
    "OSLO, 3 March 2025 – Jens Stoltenberg, NATO Secretary General since 2014, spoke in Oslo "
    "on Monday.",
]
TITLE_TRUE = [
    "OSLO, 4 March 2024 – Norwegian Prime Minister Jonas Gahr Støre said on Monday that Norway "
    "would send more aid to Ukraine.",
    "THE HAGUE, 20 January 2025 – Dutch Prime Minister Dick Schoof said on Monday that the "
    "Netherlands would spend more on defence.",
    "KYIV, 1 March 2016 – Ukrainian President Petro Poroshenko said on Tuesday that the Minsk "
    "agreements must be carried out.",
    "SEOUL, 10 May 2023 – Jens Stoltenberg, a former prime minister of Norway, has been NATO "
    "Secretary General since 1 October 2014.",
    "BRUSSELS, 3 March 2025 – Mark Rutte, a former prime minister of the Netherlands, has led "
    "NATO since October 2024.",
    "VILNIUS, 2 June 2025 – Former NATO Secretary General Jens Stoltenberg spoke at a "
    "security conference on Monday.",
    "VILNIUS, 2 June 2025 – NATO Secretary General Mark Rutte opened a meeting of defence "
    "ministers on Monday.",
    "VILNIUS, 3 June 2024 – NATO Secretary General Jens Stoltenberg opened a meeting of "
    "defence ministers on Monday.",
    "VILNIUS, 2 June 2025 – In 2021, NATO Secretary General Jens Stoltenberg opened the "
    "alliance's summit in Brussels.",
    "SEOUL, 30 January 2023 – Jens Stoltenberg, NATO Secretary General since 2014, spoke in "
    "Seoul on Monday.",
    "BRUSSELS, 3 March 2025 – Mark Rutte, NATO Secretary General since October 2024, spoke to "
    "reporters on Monday.",
    "VILNIUS, 2 June 2025 – Since 2019, NATO Secretary General Jens Stoltenberg had warned "
    "that Russia could invade Ukraine.",
]

# Neighbouring events of one kind, each with its rank and day: a sentence true of one of them
# is backed, never flagged against another (Sweden's accession beside Finland's), and a wrong
# rank or day is named against its own event, never supported.
NEIGHBOURS_DAY = date(2024, 6, 1)
NEIGHBOUR_EVENTS = [
    ("Montenegro joined NATO on 5 June 2017, becoming the alliance's 29th member.", "2017-06-05"),
    (
        "North Macedonia joined NATO on 27 March 2020, becoming the alliance's 30th member.",
        "2020-03-27",
    ),
    ("Finland joined NATO on 4 April 2023, becoming the alliance's 31st member.", "2023-04-04"),
    ("Sweden joined NATO on 7 March 2024, becoming the alliance's 32nd member.", "2024-03-07"),
]
NEIGHBOURS_TRUE = [
    "Finland became NATO's 31st member in April 2023.",
    "Sweden became the 32nd member of NATO in March 2024.",
    "North Macedonia joined NATO in March 2020 as its 30th member.",
    "Montenegro became the alliance's 29th member in June 2017.",
    "Finland's accession in April 2023 made it the 31st member of the alliance.",
]
NEIGHBOURS_WRONG = [  # (sentence, what the finding must cite of its own event)
    ("Finland became NATO's 30th member in April 2023.", "31st member"),
    ("Sweden became the 31st member of NATO in March 2024.", "32nd member"),
    ("Montenegro joined NATO in June 2017 as its 28th member.", "29th member"),
    ("North Macedonia joined NATO in March 2021 as its 30th member.", "27 March 2020"),
]

# A learned article full of figures, retellings that give them as bounds the article's figures
# meet (none may be flagged), and retellings with a bound they break (none may be supported;
# each is flagged, naming the figure).
FIGURES_DAY = date(2024, 11, 6)
FIGURES_SOURCE = "https://example.org/regional/storm-damage"
FIGURES_ARTICLE = """\
The storm damaged 1,240 homes in the region and left 38,000 households without power on Tuesday.
Officials said 12 people were injured, three of them seriously.
Repairs are expected to cost about 45 million euros, the regional council said.
The council has set aside an emergency fund of 5 million euros for families whose homes were damaged.
"""
FIGURES_TRUE = [
    "More than 1,000 homes were damaged by the storm.",
    "The storm left more than 30,000 households without power.",
    "Fewer than 15 people were injured in the storm.",
    "The storm damaged more than 1,200 homes in the region.",
    "The council set aside 5 million euros for families whose homes were damaged.",
]
FIGURES_WRONG = [
    ("More than 2,000 homes were damaged by the storm.", "1,240 homes"),
    ("The storm left more than 50,000 households without power.", "38,000 households"),
    (
        "The council set aside more than 10 million euros for families whose homes were damaged.",
        "5 million euros",
    ),
]
