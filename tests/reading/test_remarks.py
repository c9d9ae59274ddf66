"""Remarks to the chat are not claims: a sentence that names nothing to check and is built on
the conversation's own words (its reader, a thanks or a request) is not checked,
while a sentence with a name, a figure or a day, or someone's reported words, still is."""

from __future__ import annotations

from datetime import date

import pytest

import knowledge

DAY = date(2024, 5, 1)

REMARKS = [
    "thank you so much",
    "Can you help me with this?",
    "ok great, see you tomorrow",
    "Please share this with your friends",
    "Sorry, I sent the wrong link",
    "Could you look at this for me",
]

CLAIMS = [
    "You can catch measles twice.",  # the generic "you" of a claim
    "We will send 40 tanks, the chancellor said.",
    "I was born in Kyiv in 1990.",
    "Thank you for the 5 reports, Poland now spends 10 percent of its GDP on defence.",
    "Russia will invade Ukraine tomorrow.",
    "We are ready, said the minister.",
    "I was fired for having a concealed carry permit.",  # about its writer: still a claim
]


@pytest.fixture
async def kb():  # type: ignore[no-untyped-def]
    async with knowledge.open_kb(":memory:") as opened:
        yield opened


@pytest.mark.parametrize("text", REMARKS)
async def test_a_remark_to_the_chat_is_not_checked(kb: knowledge.KnowledgeBase, text: str) -> None:
    report = await kb.check(text, reference_date=DAY)
    assert not report.claims


@pytest.mark.parametrize("text", CLAIMS)
async def test_a_claim_with_something_to_check_still_is(
    kb: knowledge.KnowledgeBase, text: str
) -> None:
    report = await kb.check(text, reference_date=DAY)
    assert [c.text for c in report.claims] == [text]
