"""The curators' queue: grouping asks by claim, counts, bounds, expiry, and notices."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

import knowledge
from knowledge import CuratorDesk, Requester, RequestKind, RequestNotFound, RequestRefused
from knowledge.requests import same_claim

OSLO = "The city of Oslo banned cars from its centre in 2019."
OSLO_AGAIN = "In 2019 Oslo banned cars from the city centre."
BLEACH = "Drinking bleach cures the flu."
CURATOR = knowledge.Actor(id="5001", name="Cora")
ALICE, BOB = Requester(user_id=11, chat_id=11), Requester(user_id=12, chat_id=-100)


@pytest.fixture
def queue(kb: knowledge.KnowledgeBase) -> CuratorDesk:
    return CuratorDesk(kb, per_person=3, max_open=5)


@pytest.mark.parametrize(("ours", "theirs", "same"), [
    pytest.param(OSLO, OSLO_AGAIN, True, id="reordered"),
    pytest.param("The vaccine causes infertility in women.",
                 "Infertility in women is caused by vaccines.", True, id="other-forms"),
    pytest.param("The vaccine causes infertility in women.",
                 "Women become infertile because of the vaccine.", False, id="other-words"),
    pytest.param("Sam Elliot plays an adoptive father in Barnyard.",
                 "Sam Elliot plays a father in Barnyard.", False, id="one-word-more"),
    pytest.param("Over 5,500 cases were confirmed in the UK.",
                 "Less than 5,500 cases were confirmed in the UK.", False, id="qualifier"),
    pytest.param("More than 60 people gave it less than 21%.",
                 "Less than 60 people gave it more than 21%.", False, id="qualifiers-swapped"),
    pytest.param("The armour was inexpensive.", "The armour was expensive.", False,
                 id="prefix-negation"),
    pytest.param("It doesn't cure the flu.", "It cures the flu.", False, id="negation"),
    pytest.param("Stoltenberg visited Seoul on Monday.", "Stoltenbreg visited Seoul on Monday.",
                 True, id="misspelt-name"),
    pytest.param("Sweden joined NATO in 2023.", "Finland joined NATO in 2023.", False,
                 id="other-country"),
    pytest.param("NATO imposed sanctions on Russia.", "NATO lifted sanctions on Russia.", False,
                 id="other-verb"),
    pytest.param("The Eiffel Tower was sold in 1925.", "The Eiffel Tower was sold in 1926.",
                 False, id="other-year"),
    pytest.param("NATO imposed sanctions.", "NATO imposed sanctions on Russia.", False,
                 id="more-specific"),
])  # fmt: skip
def test_same_claim_is_conservative(ours: str, theirs: str, same: bool) -> None:
    assert same_claim(ours, theirs) is same
    assert same_claim(theirs, ours) is same


async def test_asks_in_other_words_join_one_request_with_a_count(queue: CuratorDesk) -> None:
    first = await queue.ask(OSLO, requester=ALICE, reference_date=date(2024, 1, 1))
    second = await queue.ask(OSLO_AGAIN, requester=BOB)
    again = await queue.ask(OSLO, requester=BOB)
    other = await queue.ask(BLEACH, requester=BOB)
    assert first.opened and not second.opened and again.repeated
    assert second.request.id == first.request.id and second.request.count == 2
    assert again.request.count == 2
    listed = await queue.most_asked()
    assert [(r.id, r.count) for r in listed] == [(first.request.id, 2), (other.request.id, 1)]
    assert listed[0].claim == OSLO and listed[0].reference_date == date(2024, 1, 1)


async def test_disputes_are_listed_apart_with_their_reasons(queue: CuratorDesk) -> None:
    await queue.ask(OSLO, requester=ALICE)
    filed = await queue.dispute(BLEACH, "supported", "  It is\npoison. ", requester=ALICE)
    await queue.dispute(BLEACH, "supported", "Doctors say no.", requester=BOB)
    disputes = await queue.most_asked(RequestKind.DISPUTE)
    assert [(r.id, r.count, str(r.verdict)) for r in disputes] == [
        (filed.request.id, 2, "supported")
    ]
    shown = await queue.get(filed.request.id)
    assert set(shown.reasons) == {"It is poison.", "Doctors say no."}
    assert [r.claim for r in await queue.most_asked(RequestKind.ASK)] == [OSLO]


@pytest.mark.parametrize(("reason", "message"), [
    pytest.param("", "one line", id="empty"),
    pytest.param("x" * 301, "under 300 characters", id="too-long"),
])  # fmt: skip
async def test_a_bad_reason_files_nothing(queue: CuratorDesk, reason: str, message: str) -> None:
    with pytest.raises(RequestRefused, match=message):
        await queue.dispute(BLEACH, "supported", reason, requester=ALICE)
    assert await queue.most_asked(RequestKind.DISPUTE) == []


async def test_open_asks_are_bounded_per_person_and_in_all(queue: CuratorDesk) -> None:
    claims = [f"The mayor of Town{n} resigned in 201{n}." for n in range(7)]
    for claim in claims[:3]:
        await queue.ask(claim, requester=ALICE)
    with pytest.raises(RequestRefused, match="3 requests waiting"):
        await queue.ask(claims[3], requester=ALICE)
    await queue.ask(claims[3], requester=BOB)
    await queue.ask(claims[4], requester=BOB)
    with pytest.raises(RequestRefused, match="queue is full"):
        await queue.ask(claims[5], requester=BOB)
    joined = await queue.ask(claims[0], requester=BOB)  # joining an open request still works
    assert joined.request.count == 2 and len(await queue.most_asked()) == 5


async def test_asks_expire_and_their_requests_go(queue: CuratorDesk) -> None:
    await queue.ask(OSLO, requester=ALICE)
    assert await queue.prune() == 0
    later = datetime.now(UTC) + timedelta(days=31)
    assert await queue.prune(now=later) == 1
    assert await queue.most_asked() == []


async def test_covering_the_claim_notifies_every_asker_once(
    kb: knowledge.KnowledgeBase, queue: CuratorDesk
) -> None:
    filed = await queue.ask(OSLO, requester=ALICE, reference_date=date(2024, 1, 1))
    await queue.ask(OSLO_AGAIN, requester=BOB)
    await queue.ask(BLEACH, requester=BOB)
    assert await queue.follow_up(kb.check) == []  # nothing known yet: both stay open
    await kb.curator.add("Oslo banned private cars from its city centre in 2019.", actor=CURATOR)
    notices = await queue.follow_up(kb.check)
    assert [(n.request_id, str(n.verdict), n.recipients) for n in notices] == [
        (filed.request.id, "supported", (ALICE, BOB))
    ]
    assert "Oslo banned private cars" in notices[0].reason
    assert await queue.follow_up(kb.check) == []
    assert [r.claim for r in await queue.most_asked()] == [BLEACH]
    closed = await queue.get(filed.request.id)
    assert (closed.status, closed.count, closed.outcome) == ("answered", 0, "supported")


async def test_a_curator_answers_with_a_rated_claim(
    kb: knowledge.KnowledgeBase, queue: CuratorDesk
) -> None:
    filed = await queue.ask(BLEACH, requester=ALICE)
    answered = await queue.answer(
        filed.request.id, check=kb.check, rating="False", source="Health Desk", actor=CURATOR
    )
    statement = await kb.get(answered.statement_id)
    assert statement.text == BLEACH and statement.quote is None  # the claim, as rated
    review = (await kb.store.reviews.of([statement.id]))[statement.id]
    assert (review.checker, review.rating, review.url) == ("Health Desk", "False", None)
    assert answered.notice.recipients == (ALICE,)
    assert answered.notice.verdict == knowledge.Verdict.CONTRADICTED
    assert answered.notice.fact_check is not None
    assert answered.notice.fact_check.review.checker == "Health Desk"
    assert answered.rating == "False" and answered.notice.answer is None
    report = await kb.check(f"I read that {BLEACH.lower()}")
    assert [c.verdict for c in report.claims] == [knowledge.Verdict.CONTRADICTED]
    with pytest.raises(RequestNotFound, match="already closed"):
        await queue.answer(filed.request.id, check=kb.check, text="Again.", actor=CURATOR)


async def test_the_follow_up_leaves_a_request_being_answered_to_its_answer(
    kb: knowledge.KnowledgeBase, queue: CuratorDesk
) -> None:
    filed = await queue.ask(OSLO, requester=ALICE)
    swept: list[knowledge.Notice] = []

    async def check_while_the_sweep_runs(text: str, **dates: object) -> knowledge.Report:
        # the follow-up sweep runs between the curator's write and the curator's close: it
        # must not tell Alice first, without the curator's words
        swept.extend(await queue.follow_up(kb.check))
        return await kb.check(text)

    answered = await queue.answer(
        filed.request.id,
        check=check_while_the_sweep_runs,
        text="Oslo banned private cars from its city centre in 2019.",
        source="https://example.org/oslo",
        actor=CURATOR,
    )
    assert swept == []
    assert not answered.closed_meanwhile and answered.notice.recipients == (ALICE,)
    assert answered.notice.answer == "Oslo banned private cars from its city centre in 2019."
    assert await queue.follow_up(kb.check) == []  # told once


async def test_an_answer_stands_when_another_process_closed_the_request_meanwhile(
    kb: knowledge.KnowledgeBase, queue: CuratorDesk
) -> None:
    filed = await queue.ask(OSLO, requester=ALICE)
    elsewhere = CuratorDesk(kb)  # the bot's sweep while a curator answers from the CLI

    async def check_while_the_sweep_runs(text: str, **dates: object) -> knowledge.Report:
        assert [n.request_id for n in await elsewhere.follow_up(kb.check)] == [filed.request.id]
        return await kb.check(text)

    answered = await queue.answer(
        filed.request.id,
        check=check_while_the_sweep_runs,
        text="Oslo banned private cars from its city centre in 2019.",
        source="https://example.org/oslo",
        actor=CURATOR,
    )
    assert answered.closed_meanwhile and answered.notice.recipients == ()  # told once, by the sweep
    stored = await kb.get(answered.statement_id)  # acknowledged, so stored
    assert stored.text.startswith("Oslo banned private cars")
    assert (await queue.get(filed.request.id)).status == "answered"


async def test_dismissing_forgets_who_asked(queue: CuratorDesk) -> None:
    filed = await queue.ask(BLEACH, requester=ALICE)
    dismissed = await queue.dismiss(filed.request.id, actor=CURATOR)
    assert (dismissed.request.status, dismissed.request.count) == ("dismissed", 0)
    assert dismissed.recipients == ()  # an ask is closed without a message
    with pytest.raises(RequestNotFound, match="already closed"):
        await queue.dismiss(filed.request.id, actor=CURATOR)
    with pytest.raises(RequestNotFound, match="does not exist"):
        await queue.dismiss(999, actor=CURATOR)


async def test_requests_are_rechecked_only_after_the_knowledge_base_changed(
    kb: knowledge.KnowledgeBase, queue: CuratorDesk
) -> None:
    checked: list[str] = []

    async def check(text: str, **dates: object) -> knowledge.Report:
        checked.append(text)
        return await kb.check(text)

    await queue.ask(BLEACH, requester=ALICE)
    assert await queue.follow_up(check) == [] and checked == []
    await kb.curator.add("Bleach is a poison and cures no disease.", actor=CURATOR)
    await queue.follow_up(check)
    await queue.follow_up(check)
    assert checked == [BLEACH]
