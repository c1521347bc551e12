"""The wire probe and version parsing, against a fake broker (no Java)."""

from __future__ import annotations

import socket
import struct
import threading
from collections.abc import Iterator

import pytest

from stream.kafka.broker_host import is_answering, java_major, probe


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.parametrize(
    ("text", "major"),
    [
        ('openjdk version "17.0.15" 2025-04-15', 17),
        ('openjdk version "21" 2023-09-19', 21),
        ('java version "1.8.0_292"', 8),
        ('openjdk version "11.0.2" 2019-01-15', 11),
        ("garbage", None),
    ],
)
def test_java_major(text: str, major: int | None) -> None:
    assert java_major(text) == major


def _metadata_v4_response(correlation_id: int, cluster_id: str, ids: list[int]) -> bytes:
    def s(text: str | None) -> bytes:
        return struct.pack(">h", -1) if text is None else struct.pack(">h", len(text)) + text.encode()

    body = struct.pack(">iii", correlation_id, 0, len(ids))
    for i in ids:
        body += struct.pack(">i", i) + s("127.0.0.1") + struct.pack(">i", 9092) + s(None)
    body += s(cluster_id) + struct.pack(">ii", ids[0] if ids else -1, 0)
    return struct.pack(">i", len(body)) + body


@pytest.fixture
def fake_broker() -> Iterator[tuple[int, list[bytes], list[bytes]]]:
    """A one-shot-per-connection server answering with the queued responses."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen()
    requests: list[bytes] = []
    replies: list[bytes] = []

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            with conn:
                (size,) = struct.unpack(">i", conn.recv(4, socket.MSG_WAITALL))
                requests.append(conn.recv(size, socket.MSG_WAITALL))
                conn.sendall(replies.pop(0) if replies else b"")

    thread = threading.Thread(target=serve, daemon=True)
    thread.start()
    yield int(server.getsockname()[1]), requests, replies
    server.shutdown(socket.SHUT_RDWR)  # wakes the blocked accept(); close() alone does not
    server.close()
    thread.join(timeout=5)


def test_probe_sends_metadata_v4_and_reads_the_cluster(fake_broker) -> None:  # type: ignore[no-untyped-def]
    port, requests, replies = fake_broker
    replies.append(_metadata_v4_response(1, "Cluster-Id-xyz", [1, 2, 3]))
    view = probe(f"127.0.0.1:{port}")
    assert view is not None
    assert (view.cluster_id, view.broker_ids) == ("Cluster-Id-xyz", (1, 2, 3))
    api_key, version, correlation_id = struct.unpack_from(">hhi", requests[0])
    assert (api_key, version, correlation_id) == (3, 4, 1)


def test_is_answering_needs_a_real_answer(fake_broker) -> None:  # type: ignore[no-untyped-def]
    port, _, replies = fake_broker
    assert is_answering(f"127.0.0.1:{port}") is False  # accepts, then closes without a reply
    replies.append(_metadata_v4_response(7, "c", [1]))  # wrong correlation id
    assert is_answering(f"127.0.0.1:{port}") is False
    replies.append(_metadata_v4_response(1, "c", []))  # no live broker yet
    assert is_answering(f"127.0.0.1:{port}") is False
    replies.append(_metadata_v4_response(1, "c", [1]))
    assert is_answering(f"127.0.0.1:{_free_port()},127.0.0.1:{port}") is True


def test_is_answering_with_nothing_listening() -> None:
    assert is_answering(f"127.0.0.1:{_free_port()}", timeout=1.0) is False
