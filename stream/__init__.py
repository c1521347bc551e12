"""newsstream: a streaming news event processor on Apache Kafka.

Layers, from the bottom up:

- ``stream.text``, ``stream.dedup``, ``stream.subjects``, ``stream.status``,
  ``stream.stories``: pure, synchronous, deterministic text algorithms with
  explicit options objects and no process-global mutable state.
- ``stream.pipeline``: the stages that turn one raw message into typed output
  records, over injected state mappings (plain dicts offline, Faust tables on
  Kafka).
- ``stream.kafka``: the thin Faust/aiokafka layer (app factory, agents, local
  broker launcher, replay/consume tools).
- ``stream.cli``: the ``newsstream`` command.
"""

__version__ = "0.1.0"
