"""End offsets of the worker's input partitions, for the lag metrics.

Two ways to ask, for two uses: the consumer's highwater as of its last
fetch (free, per processed batch), and a ListOffsets request (a round trip,
on the 5 s gauge timer), because the fetch-time highwater goes stale while
Faust pauses a partition under backlog, exactly when lag matters.
"""

from __future__ import annotations

import asyncio
from typing import Any

import faust


def end_offset(app: faust.App, tp: Any) -> int | None:
    """The partition's end offset as of the consumer's last fetch (no request)."""
    try:
        return app.consumer.highwater(tp) if app.consumer else None
    except Exception:  # before the first fetch, or while the consumer restarts
        return None


async def end_offsets(app: faust.App, tps: list[Any]) -> dict[Any, int | None]:
    """End offsets by a ListOffsets request, or what the last fetch said if
    the broker does not answer within 5 s."""
    if not tps:
        return {}
    try:
        return dict(await asyncio.wait_for(app.consumer.highwaters(*tps), 5.0))
    except Exception:  # broker away: fall back to what the last fetch said
        return {tp: end_offset(app, tp) for tp in tps}
