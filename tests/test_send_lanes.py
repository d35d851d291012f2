"""Answers to a person go ahead of bulk sends, which keep to their pace."""

from __future__ import annotations

import asyncio

from bot.jobs.send_limits import Lane, LaneRateLimiter, Limits, bulk_sends


async def test_an_answer_does_not_wait_behind_a_burst_of_bulk_sends() -> None:
    # A small window so that the burst takes a fraction of a second.
    limiter = LaneRateLimiter(Limits(bulk=5, window=0.2))
    sent: list[str] = []

    async def deliver(what: str) -> bool:
        sent.append(what)
        return True

    async def reminder(n: int) -> None:
        with bulk_sends():
            await limiter.process_request(
                deliver, (f"reminder {n}",), {}, "sendMessage", {"chat_id": 1000 + n}, None
            )

    burst = asyncio.gather(*(reminder(n) for n in range(20)))
    await asyncio.sleep(0.05)  # the burst has started and is being paced
    assert 0 < len(sent) < 20
    await limiter.process_request(deliver, ("answer",), {}, "editMessageText", {"chat_id": 7}, None)
    assert sent[-1] == "answer"
    assert len([s for s in sent if s.startswith("reminder")]) < 20  # still going
    await burst
    assert len(sent) == 21


async def test_bulk_sends_leave_room_for_answers_within_the_overall_limit() -> None:
    limits = Limits(overall=6, bulk=5, window=0.2)
    limiter = LaneRateLimiter(limits)
    moments: list[tuple[Lane, float]] = []
    loop = asyncio.get_running_loop()

    async def deliver(lane: Lane) -> bool:
        moments.append((lane, loop.time()))
        return True

    async def reminder(n: int) -> None:
        with bulk_sends():
            await limiter.process_request(
                deliver, (Lane.BULK,), {}, "sendMessage", {"chat_id": 1000 + n}, None
            )

    async def answers() -> None:
        for n in range(6):
            await limiter.process_request(
                deliver, (Lane.PERSON,), {}, "editMessageText", {"chat_id": n}, None
            )
            await asyncio.sleep(0.05)

    await asyncio.gather(answers(), *(reminder(n) for n in range(15)))
    assert [lane for lane, _at in moments].count(Lane.BULK) == 15
    # A bulk send never makes more than the bulk limit in a window, nor more than the
    # overall limit counting the answers before it.
    window = limits.window * 0.99  # the clock read here is a hair later than the pacer's
    for lane, end in moments:
        if lane is Lane.BULK:
            before = [other for other, at in moments if end - window < at <= end]
            assert before.count(Lane.BULK) <= limits.bulk
            assert len(before) <= limits.overall
