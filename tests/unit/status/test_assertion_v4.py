"""Status assertion v4 (issue 5, story-level errors on the tuning sets):
headlines written for these tests."""

from __future__ import annotations

import pytest

from stream.status.assertion import assert_status
from tests.support.status import status_of


@pytest.mark.parametrize(
    ("title", "lede", "expected"),
    [
        # a labour strike launched starts; it is not an attack
        ("Valdoran postal workers launch national strike", "", "started"),
        ("Rebels launch air strikes on border town", "", "escalated"),
        # an inchoative verb before another verb starts nothing
        ("Ferry strike starts to crumble", "", None),
        ("Ferry strike starts", "", "started"),
        # a trigger after "after"/"despite" is background to a steady headline
        ("Pilots continue strike after court decision", "", None),
        ("Pilots continue strike despite court ruling", "", None),
        # resuming a threat is not a dispute resolved
        ("Harbour employers resume lay-off plans", "", None),
        ("Harbour ferry service resumes", "", "resolved"),
        # a wide gap is a steady state; the lede's "settlement" does not speak
        ("Orlan, Brisk wide apart on accord",
         "Orlan and Brisk remain far from a settlement of their patent dispute, lawyers said.", None),
        # court filings and orders
        ("Merrow files in state court to enjoin bond ruling", "", "filed"),
        ("Merrow gets temporary restraining order against Calder", "", "ruled"),
        # a government allows a takeover: a regulatory decision
        ("Ruritania allows publishing takeover by Halberd", "", "ruled"),
        ("Halberd board approves merger", "", "agreed"),
        # "near" hedges an outcome; a deadline is an ultimatum, and its lede's
        # "discussions" do not speak for it
        ("Ferry workers say strike near end", "", None),
        # debt sales are financing, not divestitures
        ("Harwell Utilities sells debt at 8.1 pct", "", None),
        ("Harwell Utilities sells convertible debentures", "", None),
        # a majority holding is control changing hands; a minority one is a stake report
        ("Garrow has 56 pct of Linden Steel", "", "completed"),
        ("Garrow boosts Linden ownership to 83 pct", "", "completed"),
        ("Fund has 8.0 pct of Linden Steel", "The fund said it acquired 410,000 Linden shares for investment.", None),
        ("Halberd sets Orlan deadline",
         "Halberd said it would withdraw its proposal if there was no progress in discussions by Friday.", None),
    ],
)
def test_v4_cases(title: str, lede: str, expected: str | None) -> None:
    assert status_of(title, lede) == expected


def test_own_statement_is_not_discounted_as_a_claim() -> None:
    own = assert_status("Parrish group said it offers to buy Tolland Stores", "")
    claim = assert_status("Analyst said Parrish offers to buy Tolland Stores", "")
    assert own is not None and own.status == "announced"
    assert claim is None or claim.confidence < own.confidence
