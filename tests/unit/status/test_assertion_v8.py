"""Status rules for the classes of 1987 wire copy the story sets' heldout5
missed or misread (issue 5, story-level v6; tuning data): bids worded "bids
for" or "gets another bid", debt accords, a defendant "hit with" a suit,
reorganisation plans filed, a board against a bid, labour strikes planned,
launched or halting traffic, deferred payments and lapsed credit lines;
and the routine reads: stake reports, forecasts, holders entitled to vote,
an order requested, a start dated tomorrow. Fixtures are our own."""

from __future__ import annotations

import pytest

from stream.status.assertion import assert_status
from tests.support.status import status_of


@pytest.mark.parametrize("title, expected", [
    ("Harrow Industries bids for Quint Mills", "announced"),
    ("Calder unit to bid for Quint Mills", "announced"),
    ("Quint Mills gets another higher Calder Group bid", "announced"),
    ("Molvania clinches debt deal with bank panel, officials say", "agreed"),
    ("Molvania to sign final debt accord next month", "announced"),
    ("Quint hit with 300 mln dlr lawsuit", "filed"),
    ("Harrow files revised reorganization plan", "filed"),
    ("Quint board against Harrow buyout bid", "rejected"),
    ("Teachers' unions plan Ruritania-wide strikes", "announced"),
    ("Dock unions launch two-week Ruritania port strikes", "started"),
    ("Strikes halt buses and ferries in Molvania", "started"),
    ("Harrow defers bond interest payments", "failed"),
    ("Quint says revolving credit line expired", "failed"),
])
def test_changes_are_read(title: str, expected: str) -> None:
    assert status_of(title) == expected


@pytest.mark.parametrize("title, lede", [
    # A stake report: the lede's "acquired" is the 13D filing, not a takeover.
    ("Vance family has Quint stake, seeks board seat",
     "An investor group led by the Vance family told the Securities and Exchange Commission it has acquired "
     "a 7.1 pct stake in Quint Mills and may seek a board seat."),
    # A forecast of approvals is not a ruling.
    ("Harrow merger expected by summer",
     "Harrow's chairman predicted he can win regulatory approvals for the Quint merger by June."),
    # A record date: holders entitled to vote is not a vote.
    ("Quint sets record date for merger vote",
     "Quint Mills said it set May 4 as the record date for shareholders entitled to vote on the proposed "
     "merger with Harrow."),
])
def test_routine_reads_stay_null(title: str, lede: str) -> None:
    assert status_of(title, lede) is None


def test_an_injunction_asked_for_is_a_filing_not_a_ruling() -> None:
    got = assert_status("Harrow moves to stop Quint lawsuit",
                        "Harrow said a federal court will hear its request today for a restraining order "
                        "against the Quint suit.")
    assert got is not None and got.status == "filed"
    granted = assert_status("Harrow wins order against Quint",
                            "A federal judge granted Harrow a temporary restraining order against Quint.")
    assert granted is not None and granted.status == "ruled"


def test_a_start_dated_tomorrow_is_scheduled() -> None:
    got = assert_status("Molvania heads into debt talks",
                        "Molvania's finance minister starts negotiations with its bank panel in Paris tomorrow, "
                        "officials said.")
    assert got is not None and got.status == "announced" and got.confidence >= 0.6
    # Without a future date the same lede reports talks under way.
    now = assert_status("Molvania heads into debt talks",
                        "Molvania's finance minister starts negotiations with its bank panel in Paris, "
                        "officials said.")
    assert now is not None and now.status == "started"


@pytest.mark.parametrize("title, lede", [
    # Guards against over-reach of the v6 rules.
    ("Wallenbergs fight bid for Harrow stake", ""),  # the noun "bid for": a reaction
    ("Ruritania bids for import of 50,000 tonnes wheat", ""),  # a commodity tender
    ("Harrow sells debt at 9 pct", ""),  # debt without an accord stays routine
    ("Quint defers dividend payments", ""),  # a payout decision, not a default
])
def test_guards(title: str, lede: str) -> None:
    assert status_of(title, lede) is None


def test_a_stake_headline_with_a_plan_still_reads_its_lede() -> None:
    got = assert_status("Harrow to increase stake in Quint",
                        "Harrow Industries said it agreed to purchase a further 12 pct of Quint from Calder.")
    assert got is not None and got.status == "agreed"
