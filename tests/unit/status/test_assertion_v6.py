"""Status rules for the classes of 1987 wire copy the story sets' heldout3
missed (issue 5 round 4, tuning data): consent decrees, strike
authorisations and votes, suspended activity, debt-service failures,
terminated agreements, scheduled talks; and the routine or steady reads it
got wrong: prolonged waivers/extensions, "still" + state, "New York"
managers. Fixtures are our own."""

from __future__ import annotations

import pytest

from tests.support.status import status_of


@pytest.mark.parametrize("title, expected", [
    ("Harrow, Quint sign U.S. consent decree", "ruled"),
    ("Harrow enters consent decree with FTC over Quint purchase", "ruled"),
    ("Justice Department clears Harrow purchase of Quint", "ruled"),
    ("Harrow workers authorize strike at Flint mill", "announced"),
    ("Dockers vote to strike Rotterdam port", "announced"),
    ("Ruritania suspends oil exports after flood", "cancelled"),
    ("Ruritania halts copper shipments", "cancelled"),
    ("Ruritania unable to service foreign debt", "failed"),
    ("Ruritania suspends interest payments to banks", "failed"),
    ("Ruritania announces moratorium on debt payments", "failed"),
    ("Harrow terminates pact to sell Quint unit", "cancelled"),
    ("Harrow ends merger pact with Quint", "cancelled"),
    ("Harrow sets talks with striking union", "announced"),
    ("Harrow will tender for rest of Quint", "announced"),
    ("Harrow to offer 2.1 billion dlrs for Quint shares", "announced"),
    ("Ruritania copper output to resume next month", "announced"),
    ("Ruritania resumes copper exports", "resolved"),
])
def test_changes_are_read(title: str, expected: str) -> None:
    assert status_of(title) == expected


@pytest.mark.parametrize("title, lede", [
    ("Harrow banks extend waiver", "Harrow said its banks agreed to extend a waiver of loan covenants."),
    ("Harrow extends Quint tender offer", "Harrow said it extended its tender offer for Quint to May 1."),
    ("Harrow strike talks still stalled", ""),
    ("Quint talks remain deadlocked", ""),
    ("Halberd group lifts Quint stake", "A group led by New York money manager Ann Halberd said it raised its stake."),
    ("Harrow files to enjoin judgment", "Harrow made a filing to enjoin the judgment."),
])
def test_routine_and_steady_reports_are_not_changes(title: str, lede: str) -> None:
    got = status_of(title, lede)
    assert got in (None, "filed")  # the last one is a filing, never a ruling or plan
    if "enjoin" in title:
        assert got == "filed"


def test_terminated_agreement_in_the_lede_is_not_an_agreement() -> None:
    assert status_of("Harrow acts on Quint unit",
                     "Harrow said it terminated an agreement in principle for Quint to buy its unit.") != "agreed"


def test_talks_ending_in_an_agreement_are_still_agreed() -> None:
    assert status_of("Harrow, union talks end with agreement") == "agreed"
