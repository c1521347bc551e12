"""Tables whose changelog writes can be awaited: state before output.

A Faust table write goes to the local store at once and to its changelog
topic later (Faust's producer buffer, then the producer's linger). An
output sent right after the write can reach Kafka first. If the worker dies
between the two, the output exists but the state that produced it is gone:
the redelivered input meets a table that never saw it and may decide
differently (a second story for the same copy, a second "unique"). So a
keyed agent handles a batch, awaits :meth:`DurableTable.durable`, and only
then publishes what the batch decided. A crash can then only lose outputs
whose state survived, which redelivery handles: every stage recognises an
article it has already recorded (tests/integration/reliability).
"""

from __future__ import annotations

import asyncio
from typing import Any

import faust


class DurableTable(faust.Table):  # type: ignore[misc]  # faust ships no type stubs for Table's generics
    """A ``faust.Table`` that keeps the futures of its changelog sends until
    :meth:`durable` has awaited them (each resolves on the broker's ack)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._unacked: list[asyncio.Future[Any]] = []

    def send_changelog(self, *args: Any, **kwargs: Any) -> Any:
        fut = super().send_changelog(*args, **kwargs)
        self._unacked.append(fut)
        return fut

    async def durable(self) -> None:
        """Return once every changelog record written so far is acked."""
        pending, self._unacked = self._unacked, []
        if pending:
            await asyncio.gather(*pending)
