"""Status rules added for the story-level error classes (eval/stories heldout2,
tuning data): investors' stake sales, commodity cargoes, "on proposal",
orders won against a party, departments dismissing applications, unions
striking plants, bids started, "to offer N dlrs/shr for". Fixtures are our own."""

from __future__ import annotations

import pytest

from tests.support.status import status_of


@pytest.mark.parametrize("title, lede", [
    ("Harrow Pictures <HRP> sells Quint <QNT> stake", "Harrow Pictures said it sold 300,000 shares of Quint."),
    ("Bellmark Inc said it sold all 5 mln of its Dorrel shares", ""),
    ("Vintry confirms white sugar sale to Peru", "Vintry said it sold one cargo of white sugar to Peru."),
    ("Quint <QNT> stock rises on proposal", ""),
    ("Quint given deadline on buyout proposal", ""),
])
def test_routine_reports_stay_null(title: str, lede: str) -> None:
    assert status_of(title, lede) is None


@pytest.mark.parametrize("title, expected", [
    ("Harrow sells majority stake in Dorrel unit", "completed"),
    ("Harrow sells Dorrel unit", "completed"),
    ("Union gets order against Harrow Air", "ruled"),
    ("Transportation Department dismisses Harrow application for Quint control", "ruled"),
    ("UAW strikes Harrow truck plant at Flint", "started"),
    ("Harrow <HRW> starts Quint <QNT> bid", "started"),
    ("Harrow Corp to offer 40 dlrs/shr for Quint Corp", "announced"),
])
def test_changes_are_read(title: str, expected: str) -> None:
    assert status_of(title) == expected


def test_a_purchase_order_is_not_a_court_order() -> None:
    assert status_of("Harrow gets order for ten aircraft") != "ruled"


def test_a_department_awarding_contracts_is_not_a_ruling() -> None:
    assert status_of("Pentagon awards contracts", "The Defense Department said it has awarded contracts.") != "ruled"
