"""Host-side facts for the local broker launcher: the Kafka wire probe,
``java``/``mvn``/pom checks, loopback ports, pid files and ``/proc``.

Split from :mod:`stream.kafka.local_broker` so that the single-node launcher
and :mod:`stream.kafka.local_cluster` share them; each function does one
small, separately testable thing.
"""

from __future__ import annotations

import os
import re
import shutil
import socket
import struct
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

from stream.errors import BrokerError
from stream.kafka.broker_config import HOST

MIN_JAVA = 17
_JAVA_VERSION = re.compile(r'version "(\d{1,3})(?:\.(\d{1,3}))?')


# --- Kafka wire probe ---------------------------------------------------------


@dataclass(frozen=True)
class ClusterView:
    cluster_id: str | None
    broker_ids: tuple[int, ...]


def _recv_exact(sock: socket.socket, n: int) -> bytes:
    buf = bytearray()
    while len(buf) < n:
        chunk = sock.recv(n - len(buf))
        if not chunk:
            raise ConnectionError("connection closed mid-response")
        buf += chunk
    return bytes(buf)


def _read_str(data: bytes, pos: int) -> tuple[str | None, int]:
    (size,) = struct.unpack_from(">h", data, pos)
    pos += 2
    if size < 0:
        return None, pos
    return data[pos : pos + size].decode("utf-8"), pos + size


def probe(address: str, timeout: float = 2.0) -> ClusterView | None:
    """Send a Metadata v4 request (no topics) and parse the broker list.

    A TCP connect is not enough: Kafka binds its listeners before the broker
    has caught up with the controller, and only starts processing requests
    once it is unfenced. Metadata v4 is the oldest version Kafka 4.x still
    accepts (KIP-896) and carries the cluster id, which tells *our* broker
    apart from someone else's on the same port.
    """
    host, _, port = address.rpartition(":")
    client_id = b"newsstream-probe"
    header = struct.pack(">hhih", 3, 4, 1, len(client_id)) + client_id
    body = struct.pack(">ib", 0, 0)  # topics: empty array; allow_auto_topic_creation: false
    try:
        with socket.create_connection((host or HOST, int(port)), timeout=timeout) as sock:
            sock.settimeout(timeout)
            sock.sendall(struct.pack(">i", len(header) + len(body)) + header + body)
            (size,) = struct.unpack(">i", _recv_exact(sock, 4))
            if not 8 <= size <= 1 << 20:
                return None
            data = _recv_exact(sock, size)
        correlation_id, _throttle, count = struct.unpack_from(">iii", data, 0)
        if correlation_id != 1 or not 0 <= count <= 10_000:
            return None
        pos, ids = 12, []
        for _ in range(count):
            (node_id,) = struct.unpack_from(">i", data, pos)
            _host, pos = _read_str(data, pos + 4)
            _rack, pos = _read_str(data, pos + 4)  # skip port (int32), then rack
            ids.append(node_id)
        cluster_id, _ = _read_str(data, pos)
        return ClusterView(cluster_id, tuple(ids))
    except (OSError, ValueError, struct.error, UnicodeDecodeError):
        return None


def is_answering(bootstrap: str, timeout: float = 2.0) -> bool:
    """True when a broker at any ``host:port`` of ``bootstrap`` serves metadata."""
    for address in filter(None, (a.strip() for a in bootstrap.split(","))):
        view = probe(address.split("://", 1)[-1], timeout)
        if view is not None and view.broker_ids:
            return True
    return False


# --- Tools, ports and processes ---------------------------------------------------


def java_major(version_text: str) -> int | None:
    """Major version from ``java -version`` output (``1.8.0`` is 8)."""
    m = _JAVA_VERSION.search(version_text)
    if m is None:
        return None
    major = int(m.group(1))
    return int(m.group(2) or 0) if major == 1 else major


def find_java() -> str:
    """The ``java`` that ``kafka-run-class.sh`` would use, checked to be 17+."""
    home = os.environ.get("JAVA_HOME")
    java = str(Path(home) / "bin" / "java") if home else None
    if java is None or not os.access(java, os.X_OK):
        java = shutil.which("java")
    if java is None:
        raise BrokerError(f"Java {MIN_JAVA}+ is required; found no `java` on PATH or JAVA_HOME")
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BrokerError(f"Java {MIN_JAVA}+ is required; `{java} -version` failed: {exc}") from exc
    text = out.stderr + out.stdout
    major = java_major(text)
    if major is None or major < MIN_JAVA:
        first = text.strip().splitlines()[0] if text.strip() else "no version output"
        raise BrokerError(f"Java {MIN_JAVA}+ is required; found {first} ({java})")
    return java


def pom_kafka_version(pom: Path) -> str:
    ns = {"m": "http://maven.apache.org/POM/4.0.0"}
    node = ET.parse(pom).getroot().find("m:properties/m:kafka.version", ns)
    if node is None or not (node.text or "").strip():
        raise BrokerError(f"{pom} has no <kafka.version> property")
    return (node.text or "").strip()


def port_is_free(port: int, host: str = HOST) -> bool:
    """Whether Kafka could bind ``host:port`` (it sets SO_REUSEADDR, so do we)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind((host, port))
        except OSError:
            return False
    return True


def read_pid(path: Path) -> int | None:
    try:
        text = path.read_text().strip()
    except (FileNotFoundError, NotADirectoryError):
        return None
    return int(text) if text.isdigit() and int(text) > 1 else None


def process_alive(pid: int) -> bool:
    """Running and not a zombie (an exited child we have not reaped yet)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rpartition(")")[2].split()[:1] != ["Z"]


def is_our_kafka(pid: int, props_file: Path) -> bool:
    """``pid`` is a live ``java ... kafka.Kafka <props_file>`` owned by this user."""
    try:
        if os.stat(f"/proc/{pid}").st_uid != os.getuid():
            return False
        args = Path(f"/proc/{pid}/cmdline").read_bytes().split(b"\0")
    except OSError:
        return False
    names = [a.decode("utf-8", "replace") for a in args]
    return (
        bool(names)
        and Path(names[0]).name == "java"
        and "kafka.Kafka" in names
        and str(props_file) in names
        and process_alive(pid)
    )


def tail_lines(path: Path, lines: int) -> list[str]:
    try:
        with path.open("rb") as fh:
            fh.seek(max(0, fh.seek(0, os.SEEK_END) - 64 * 1024))
            return fh.read().decode("utf-8", "replace").splitlines()[-lines:]
    except OSError:
        return []


def write_atomic(path: Path, text: str) -> None:
    tmp = path.with_name(f".{path.name}.{os.getpid()}")
    tmp.write_text(text)
    tmp.replace(path)
