"""Kafka client security from settings: SASL (PLAIN, SCRAM) and TLS.

One place turns ``NEWSSTREAM_SECURITY_PROTOCOL`` and friends into both the
Faust credentials object and plain aiokafka keyword arguments, so the worker
and the replay/consume tools connect the same way. Passwords are read from
:class:`~stream.settings.Secret` only here, at connection time.
"""

from __future__ import annotations

import ssl
from typing import Any

import faust

from stream.settings import Settings


def ssl_context(settings: Settings) -> ssl.SSLContext | None:
    if not settings.security_protocol.endswith("SSL"):
        return None
    ctx = ssl.create_default_context(cafile=settings.ssl_cafile or None)
    if settings.ssl_certfile:
        ctx.load_cert_chain(
            settings.ssl_certfile,
            settings.ssl_keyfile or None,
            password=settings.ssl_keyfile_password.reveal() or None,
        )
    return ctx


def faust_credentials(settings: Settings) -> Any:
    proto = settings.security_protocol
    if proto == "PLAINTEXT":
        return None
    if proto == "SSL":
        return faust.SSLCredentials(ssl_context(settings))
    return faust.SASLCredentials(
        username=settings.sasl_username,
        password=settings.sasl_password.reveal(),
        mechanism=settings.sasl_mechanism,
        ssl_context=ssl_context(settings),
    )


def aiokafka_kwargs(settings: Settings) -> dict[str, Any]:
    kw: dict[str, Any] = {"bootstrap_servers": settings.bootstrap_servers}
    proto = settings.security_protocol
    if proto == "PLAINTEXT":
        return kw
    kw["security_protocol"] = proto
    if proto.endswith("SSL"):
        kw["ssl_context"] = ssl_context(settings)
    if proto.startswith("SASL"):
        kw["sasl_mechanism"] = settings.sasl_mechanism
        kw["sasl_plain_username"] = settings.sasl_username
        kw["sasl_plain_password"] = settings.sasl_password.reveal()
    return kw
