"""Status rules for the classes of 1987 wire copy the story sets' heldout4
missed or misread (issue 5, story-level v5; tuning data): raised bids
worded as amendments or in the progressive, governments' measures, more
labour subjects, bids ended by their bidder, conditions, talks with
suitors; and the routine reads: a vote on a stock split, a recommendation,
a "said that" report. Fixtures are our own."""

from __future__ import annotations

import pytest

from stream.status.assertion import assert_status
from tests.support.status import status_of


@pytest.mark.parametrize("title, expected", [
    ("Harrow amends Quint offer, raising it to 41 dlrs a share", "announced"),
    ("Calder revises offer for Quint Mills", "announced"),
    ("Harrow and Partners are offering 22.75 dlrs per share for Quint stock", "announced"),
    ("Ruritania to go ahead with sanctions on Molvanian steel", "announced"),
    ("Harrow to proceed with Quint bid", "announced"),
    ("Ruritania freezing prices after protests", "announced"),
    ("Ruritania amends controversial pay law", "announced"),
    ("Takeover battle for Quint Mills begins", "announced"),
    ("Machinists strike Harrow turbine plant", "started"),
    ("Meatpackers strike Calder Falls plant", "started"),
    ("Harrow ends tender offer for Quint", "cancelled"),
    ("Harrow ends Quint bid", "cancelled"),
    ("Quint said it is talking with new suitors about being acquired", "started"),
])
def test_changes_are_read(title: str, expected: str) -> None:
    assert status_of(title) == expected


@pytest.mark.parametrize("title", [
    "Harrow amends Quint offer conditions",
    "Harrow strike ends after offer",  # the offer is background, not the thing ended
    "Calder panel said urging Ruritania retaliation",
    "Quint said it is not interested in being acquired",
    "Ruritania sells butter stocks to Molvania",
])
def test_routine_or_background_is_not_a_change(title: str) -> None:
    assert status_of(title) != "cancelled" and status_of(title) not in ("completed", "escalated", "announced")


def test_strike_ending_after_an_offer_is_still_a_resolution() -> None:
    assert status_of("Harrow strike ends after offer") == "resolved"


def test_a_vote_on_a_stock_split_beyond_three_words_is_routine() -> None:
    lede = "Harrow Corp said its board voted a three-for-two stock split payable May 4, record April 20."
    assert assert_status("Harrow votes split, raises payout", lede) is None


def test_a_board_approving_an_acquisition_is_still_agreed() -> None:
    lede = "Harrow said Quint, which owns 60 pct of it, has approved the acquisition of the remaining shares."
    assert status_of("Harrow news", lede) == "agreed"


@pytest.mark.parametrize("lede", [
    "Harrow said it is prepared to raise its bid to 30 dlrs if Quint promptly negotiates and executes "
    "a merger agreement.",
    "Calder said it is ready to buy the line from Quint if the Interstate Commerce Commission rejects the appeal.",
])
def test_a_trigger_inside_a_condition_is_not_news(lede: str) -> None:
    got = assert_status("Harrow statement on Quint", lede)
    assert got is None or got.status == "announced"


def test_a_conditional_lede_leaves_the_headline_raise() -> None:
    lede = ("Harrow said it sent a letter to the Quint board saying it is prepared to increase its bid "
            "to 33 dlrs if Quint promptly negotiates and executes a simple merger agreement.")
    got = assert_status("Harrow to raise Quint bid", lede)
    assert got is not None and got.status == "announced" and got.evidence.lower().startswith("raise")


def test_said_that_introduces_a_report_not_a_relative_clause() -> None:
    lede = "Harrow and Quint said that they have entered into a definitive merger agreement."
    assert status_of("Harrow and Quint to merge", lede) == "agreed"


def test_a_relative_that_still_hedges() -> None:
    lede = "Harrow owns a unit that acquired a stake in Quint last year."
    assert status_of("Harrow profile", lede) is None


def test_will_with_an_adverb_is_still_a_future() -> None:
    lede = "Calder said it will immediately begin a tender offer for Quint shares at 20 dlrs."
    got = assert_status("Calder statement", lede)
    assert got is None or got.status == "announced"
