"""Stop a worker, before it commits, when Kafka refuses a record it sent.

Sends do not wait for the broker's answer, and Faust only logs a send that
failed for good (a record too large for its topic, a lost write permission,
retries exhausted): the offsets of the input behind it would then be
committed at the next commit, and the articles in that record would never
reach their topic. Faust flushes the producer before every commit, and a
failed record's callback runs before that flush returns, so exiting there
leaves the input uncommitted: the restarted worker processes it again, with
the same ids and decisions, once the cause is fixed (deploy/README.md,
runbook ``NewsstreamProduceErrors``). The callbacks are Faust's
``Topic._on_published``, which calls the sensors (:class:`ExitOnSendError`),
and, for the worker's own sends, :mod:`stream.kafka.direct` and
:mod:`stream.kafka.durable` (:func:`exit_refused`).

The exit is immediate (``os._exit``): a graceful stop commits offsets on its
way out, which is what must not happen. Kafka Streams' default production
exception handler makes the same choice (FAIL).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from typing import Any

from faust.sensors import Sensor

log = logging.getLogger(__name__)

#: sysexits' EX_TEMPFAIL: retrying (a restart) may succeed once the cause is fixed.
EXIT_PRODUCE_FAILED = 75


class ExitOnSendError(Sensor):  # type: ignore[misc]
    """A Faust sensor that ends the process on the first failed send."""

    def __init__(self, exit: Callable[[int], Any] = os._exit, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._exit = exit

    def on_send_error(self, producer: Any, exc: BaseException, state: Any) -> None:
        exit_refused(exc, self._exit)


def exit_refused(exc: BaseException, exit: Callable[[int], Any] = os._exit, topic: str | None = None) -> None:
    """Log the refused record and end the process, uncommitted."""
    log.critical(
        "Kafka refused a record%s (%s: %s); exiting with %d before the input behind it is committed",
        f" for topic {topic}" if topic else "", type(exc).__name__, exc, EXIT_PRODUCE_FAILED,
    )
    for handler in logging.getLogger().handlers:
        handler.flush()
    exit(EXIT_PRODUCE_FAILED)
