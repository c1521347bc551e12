"""Broker reachability for ``/readyz``, checked off the request path.

A timer calls :meth:`BrokerProbe.check` every few seconds; ``/readyz`` only
reads :meth:`BrokerProbe.reachable`, so a dead broker never makes a probe
request hang. The check is a metadata request for the input topic alone over
a small aiokafka client with the worker's own security settings (SASL/TLS):
the same path the consumer needs, and cheap on clusters with many topics.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from typing import Any

log = logging.getLogger(__name__)

#: Seconds between checks; a stale result (3 missed checks) counts as unreachable.
PROBE_INTERVAL = 2.0
PROBE_TIMEOUT = 4.0
STALE_AFTER = 3 * PROBE_INTERVAL + PROBE_TIMEOUT


class BrokerProbe:
    def __init__(
        self,
        client_factory: Callable[[], Any],
        topic: str,
        timeout: float = PROBE_TIMEOUT,
        stale_after: float = STALE_AFTER,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._factory = client_factory
        self._topic = topic
        self._timeout = timeout
        self._stale_after = stale_after
        self._clock = clock
        self._client: Any = None
        self.last_ok: float | None = None
        self.last_error: str = "not checked yet"

    def reachable(self) -> bool:
        return self.last_ok is not None and self._clock() - self.last_ok <= self._stale_after

    async def check(self) -> bool:
        try:
            ok = await asyncio.wait_for(self._check(), self._timeout)
        except Exception as exc:  # any failure is "not reachable"; the next check retries
            ok, self.last_error = False, f"{type(exc).__name__}: {exc}"[:200]
            await self._reset()
        if ok:
            self.last_ok, self.last_error = self._clock(), ""
        elif not self.last_error:
            self.last_error = "metadata request failed"
        return ok

    async def _check(self) -> bool:
        self.last_error = ""
        if self._client is None:
            client = self._factory()
            try:
                await client.bootstrap()
            except BaseException:
                await _close(client)
                raise
            client.set_topics([self._topic])
            self._client = client
        return bool(await self._client.force_metadata_update())

    async def _reset(self) -> None:
        client, self._client = self._client, None
        if client is not None:
            await _close(client)

    async def close(self) -> None:
        await self._reset()


async def _close(client: Any) -> None:
    try:
        await client.close()
    except Exception:  # closing a half-open client must not fail the probe
        log.debug("closing the probe client failed", exc_info=True)


def aiokafka_client_factory(kwargs: dict[str, Any]) -> Callable[[], Any]:
    """A factory of plain :class:`aiokafka.client.AIOKafkaClient` from :func:`aiokafka_kwargs`."""

    def make() -> Any:
        from aiokafka.client import AIOKafkaClient

        return AIOKafkaClient(request_timeout_ms=int(PROBE_TIMEOUT * 1000), **kwargs)

    return make
