"""DurableTable: a batch's outputs wait for its changelog acks (no broker)."""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

import faust
import pytest

from stream.kafka.app import create_app
from stream.kafka.durable import DurableTable
from stream.settings import Settings


def _app(tmp_path: Any) -> faust.App:
    s = dataclasses.replace(Settings.from_env({}), data_dir=tmp_path, topic_prefix="u-")
    return create_app(s)


def test_every_table_of_the_app_is_durable(tmp_path) -> None:
    app = _app(tmp_path)
    assert {name: type(t) for name, t in app.tables.items()} == dict.fromkeys(app.tables, DurableTable)


def test_durable_returns_only_once_every_changelog_send_is_acked(tmp_path, monkeypatch) -> None:
    table = _app(tmp_path).tables["dedup-url"]

    async def scenario() -> None:
        acks: list[asyncio.Future[Any]] = []

        def send(self: Any, *args: Any, **kwargs: Any) -> asyncio.Future[Any]:
            acks.append(asyncio.get_running_loop().create_future())
            return acks[-1]

        monkeypatch.setattr(faust.Table, "send_changelog", send)
        table.send_changelog(0, "a", 1)
        table.send_changelog(0, "b", 2)
        waiting = asyncio.ensure_future(table.durable())
        for _ in range(5):  # let it run as far as it can
            await asyncio.sleep(0)
        assert not waiting.done()
        acks[0].set_result(None)
        for _ in range(5):
            await asyncio.sleep(0)
        assert not waiting.done(), "returned with one send still unacked"
        acks[1].set_result(None)
        await asyncio.wait_for(waiting, 1.0)
        # Acked sends are forgotten: the next batch waits for its own only.
        await asyncio.wait_for(table.durable(), 1.0)

    asyncio.run(scenario())


def test_a_failed_changelog_send_fails_the_batch(tmp_path, monkeypatch) -> None:
    table = _app(tmp_path).tables["stories"]

    async def scenario() -> None:
        def send(self: Any, *args: Any, **kwargs: Any) -> asyncio.Future[Any]:
            fut = asyncio.get_running_loop().create_future()
            fut.set_exception(RuntimeError("broker said no"))
            return fut

        monkeypatch.setattr(faust.Table, "send_changelog", send)
        table.send_changelog(0, "s", {})
        with pytest.raises(RuntimeError, match="broker said no"):
            await table.durable()

    asyncio.run(scenario())
