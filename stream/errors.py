"""One root exception, with a subclass per area.

Catch ``NewsstreamError`` to handle anything the project raises on purpose;
anything else escaping is a bug.
"""

from __future__ import annotations


class NewsstreamError(Exception):
    """Root of every error newsstream raises on purpose."""


class ConfigError(NewsstreamError):
    """Invalid settings or operator configuration (env vars, rule files)."""


class InputError(NewsstreamError):
    """A raw message that cannot become an article.

    ``reason`` is a stable, machine-readable code (it becomes the dead letter's
    ``reason`` and a metric label, so the set of codes must stay small and
    fixed); ``detail`` is for humans.
    """

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


class BrokerError(NewsstreamError):
    """The local Kafka launcher could not do what was asked."""


class PipelineError(NewsstreamError):
    """A stage failed on an article in a way that is not the input's fault."""
