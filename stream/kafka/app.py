"""The Faust app factory: topics, tables and thin agents around the stages.

``create_app(settings)`` builds a fresh app every call (no import-time
singleton), so tests can build several. Agents only move bytes between topics
and call the stage classes of :mod:`stream.pipeline`; every agent runs with
``concurrency=1`` (higher concurrency commits past in-flight messages and
loses data: faust-streaming #606).

Flow (logical topic names; internal topics are ``<prefix><app_id>-<name>``):

    news.raw --ingest--> content-route --by_content--> story-route --by_story--+
                 |                                            (URL stage,      |
                 v                                             then stories)   v
          news.deadletter                 news.duplicates (exact, near) or news.enriched,
                                                                 news.breaking

Between the keyed agents envelopes travel as per-partition batch records
(stream/kafka/batches.py): ingest takes raw messages in batches, and each
agent forwards what one input record gave it in one record per destination
partition. Output topics get one record per article, as consumers expect.
"""

from __future__ import annotations

import asyncio
import functools
import itertools
import logging
import time
import weakref
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import faust
import orjson
from faust.sensors.prometheus import setup_prometheus_sensors
from faust.streams import _current_event
from prometheus_client import CollectorRegistry

from stream.kafka.batches import Outbox, article_bytes, frame, unpack
from stream.kafka.direct import DirectSender
from stream.kafka.durable import DurableTable
from stream.kafka.expiry import Expiry
from stream.kafka.fetch import AdaptiveFetch, FetchPolicy, set_fetch
from stream.kafka.fail_fast import ExitOnSendError
from stream.kafka.monitor import CachedPrometheusMonitor
from stream.kafka.offsets import end_offset, end_offsets
from stream.kafka.security import aiokafka_kwargs, faust_credentials
from stream.kafka.take import take_batches
from stream.kafka.topics import INTERNAL_ROUTES, TOPIC_MAX_MESSAGE_BYTES, internal_topic
from stream.observability.health import PROBE_INTERVAL, BrokerProbe, aiokafka_client_factory
from stream.observability.metrics import STAGES, Metrics
from stream.observability.progress import ActiveStories, InputProgress, table_size
from stream.pipeline.keyed import ContentStage, StoryStage, UrlStage, dated
from stream.pipeline.parallel import PrepareService, attempt_encoded
from stream.pipeline.prepare import Meta, Preparer, Timings
from stream.pipeline.routing import (
    after_url,
    count_output,
    dead_letter,
    observe_latency,
    rejected,
)
from stream.pipeline.settings_options import pipeline_options
from stream.records import cloudevent_headers
from stream.settings import BREAKING, DEADLETTER, DUPLICATES, ENRICHED, RAW, Settings
from stream.stories.book import StoryBook

log = logging.getLogger(__name__)

# Raw messages are taken in batches of up to INGEST_BATCH, waiting at most
# INGEST_WITHIN after a batch's first message for it to fill: a live trickle
# pays those seconds once per article at ingest, a backlog travels the keyed
# hops in batch records (stream/kafka/batches.py). An idle agent waits
# without waking (stream/kafka/take.py).
INGEST_BATCH = 200
INGEST_WITHIN = 0.005
# A keyed agent takes up to KEYED_BATCH hop records (each a batch of
# envelopes for one partition) and awaits its table's changelog once for
# them all (stream/kafka/durable.py). One wait per record capped an agent at
# ~100 records/s, and a steady 200 articles/s arrives as records of one
# article each: bench/latency.py sustained 77-94/s instead of 200.
KEYED_BATCH = 64
KEYED_WITHIN = 0.002


def create_app(settings: Settings, registry: CollectorRegistry | None = None) -> faust.App:
    registry = registry if registry is not None else CollectorRegistry()
    opts = pipeline_options(settings)
    app = faust.App(
        settings.group_id,
        broker=settings.broker,
        broker_credentials=faust_credentials(settings),
        store=settings.store,
        datadir=str(settings.data_dir / settings.group_id),
        autodiscover=False,
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication_factor,
        processing_guarantee=settings.processing_guarantee,
        consumer_auto_offset_reset="earliest",
        key_serializer="json",
        value_serializer="json",
        web_enabled=True,
        web_bind=settings.web_host,
        web_port=settings.web_port,
        web_in_thread=False,
        producer_max_request_size=8 * 1024 * 1024,
        # The linger applies to what is sent record by record (dead letters,
        # and every send under transactions); hop, output and changelog
        # records go as closed batches, sent at once (stream/kafka/direct.py).
        # Measured with bench/latency.py at 50 articles/s when every send
        # lingered (batched hops, shared box): 5 ms gave p50 76 ms / p99
        # 226 ms end to end and 20 ms p50 323 ms / p99 838 ms, with no gain
        # in the rate sustained at 200/s.
        producer_linger=0.005,
        producer_max_batch_size=1024 * 1024,
        consumer_max_fetch_size=8 * 1024 * 1024,
        # Tables are rebuilt from changelogs; a standby copy on another
        # worker makes a move after a crash fast.
        table_standby_replicas=1,
        # A worker that dies without leaving the group holds its partitions
        # until its session expires: Faust's 60 s default made a restart
        # after SIGKILL wait 61 s (tests/integration/reliability). 15 s is
        # five missed 3 s heartbeats; no single message blocks the loop
        # that long (each stage stays well under 50 ms per message).
        broker_session_timeout=15.0,
        broker_heartbeat_interval=3.0,
        logging_config=None,
        Table=DurableTable,
    )
    metrics = Metrics(registry)
    setup_prometheus_sensors(app, pattern="/metrics", registry=registry, name_prefix="newsstream_faust")
    app.monitor = CachedPrometheusMonitor(metrics=app.monitor._metrics)  # the same metrics, cheaper hooks
    # A record Kafka refused must not be followed by a commit of its input.
    app.sensors.add(ExitOnSendError())

    def raw_topic(logical: str) -> faust.TopicT:
        return app.topic(
            settings.topic(logical),
            key_serializer="raw",
            value_serializer="raw",
            partitions=settings.partitions,
        )

    raw_in = raw_topic(RAW)
    outputs = {t: raw_topic(t) for t in (ENRICHED, DUPLICATES, BREAKING, DEADLETTER)}
    # Faust creates the internal topics with the broker's default record
    # limit (message.max.bytes, ~1 MB). A hop record carries up to 1 MiB of
    # envelopes (stream/kafka/batches.py) plus one that may be bigger (an
    # article of up to the payload limit), so that default rejected batch
    # records near 1 MiB: MessageSizeTooLargeError, and the articles in
    # them never arrived (tests/integration/reliability/test_rebalance.py,
    # a two-worker burst). Internal topics and changelogs take what the
    # project's own topics take.
    big_records = {"max.message.bytes": str(TOPIC_MAX_MESSAGE_BYTES)}
    route = {
        name: app.topic(
            internal_topic(settings, name),
            key_serializer="raw",
            value_serializer="raw",
            partitions=settings.partitions,
            internal=True,
            config=big_records,
        )
        for name in INTERNAL_ROUTES
    }

    def table(name: str) -> Any:
        # Keys and values go through the app-wide JSON codec (orjson), so a
        # table restored from its changelog has the same str keys it had.
        return app.Table(name, default=None, partitions=settings.partitions, extra_topic_configs=big_records,
                         options=rocksdb_options(settings))

    # Seven observations per article: the labelled children are looked up
    # once (``labels()`` cost ~2% of the worker's CPU at 200/s, py-spy).
    stage_seconds = {stage: metrics.stage_seconds.labels(stage) for stage in STAGES}
    timings = Timings(lambda stage, s: stage_seconds[stage].observe(s))
    preparer = Preparer(opts.prepare, timings)
    url_stage = UrlStage(table("dedup-url"), opts.dedup, timings)
    content_stage = ContentStage(table("dedup-content"), opts.dedup, timings)
    url_expiry = Expiry(url_stage.state, opts.dedup)
    content_expiry = Expiry(content_stage.state, opts.dedup)
    story_stage = StoryStage(StoryBook(table("stories"), opts.prepare.story, opts.breaking), timings)

    @app.on_partitions_assigned.connect
    async def _stories_may_have_moved(app: faust.App, assigned: Any, **kwargs: Any) -> None:
        # Another worker may have owned the story partition meanwhile: the
        # book's in-memory view is rebuilt from the (recovered) table before
        # its next article. Faust delivers no event before recovery ends.
        story_stage.book.invalidate()
    progress = InputProgress(metrics)
    active_stories = ActiveStories(opts.prepare.story.quiet_seconds)
    broker_probe = BrokerProbe(aiokafka_client_factory(aiokafka_kwargs(settings)), raw_in.get_topic_name())

    direct = DirectSender(app)
    fetch = AdaptiveFetch(FetchPolicy(max_wait_ms=settings.fetch_wait_ms)) if settings.fetch_wait_ms > 0 else None

    def publish(staged: list[Any], topic: str, key: str, record: dict[str, Any],
                env: dict[str, Any] | None = None, rest: bytes | None = None) -> None:
        """Serialise an output into ``staged``; the agent sends a batch's
        outputs together (DirectSender.send_keyed). An article's ``record``
        is its head, spliced with the ``rest`` it travelled with."""
        t0 = time.perf_counter()
        headers = cloudevent_headers(record, source=f"newsstream/{settings.group_id}") if topic == BREAKING else None
        value = orjson.dumps(record) if env is None else article_bytes(record, rest)
        timings.add("serialise", time.perf_counter() - t0)
        staged.append((outputs[topic], key.encode(), value, headers))
        count_output(metrics, topic, record, None if env is None else env["codes"])
        if env is not None and topic != BREAKING:
            observe_latency(metrics, env, time.time())

    async def flush(out: Outbox) -> None:
        # The batch is decided and its records are all here: sent at once,
        # without the producer's linger (stream/kafka/direct.py).
        for (name, partition), records in itertools.groupby(out.records(), key=lambda r: r[:2]):
            await direct.send_now(route[name], partition, [value for _, _, value in records])

    pool = PrepareService(opts.prepare, settings.prepare_processes, timings, ContentStage.key, frame)

    @app.task
    async def _start_pool() -> None:
        if pool:
            await asyncio.get_running_loop().run_in_executor(None, pool.start)

    @app.on_before_shutdown.connect
    async def _stop_pool(app: faust.App, **kwargs: Any) -> None:
        pool.close()

    @app.agent(raw_in, concurrency=1)
    async def ingest(stream: faust.StreamT) -> None:
        # take_batches acks a batch only after this body has handled it, so a
        # crash redelivers it whole (at least once, as one by one).
        async for events in take_batches(stream, INGEST_BATCH, INGEST_WITHIN):
            out = Outbox(settings.partitions)
            if fetch is not None:
                fetch.saw(len(events))
            items = []
            # A batch holds several raw partitions, delivered partition by
            # partition: broker time order makes "first seen" the copy that
            # arrived first, whatever the batch size. Raw input is unkeyed,
            # so no state depends on its order within a partition.
            events = sorted(events, key=_arrival)
            for event in events:
                msg = event.message
                payload = event.value if isinstance(event.value, bytes) else bytes(event.value or b"")
                items.append((payload, Meta(msg.timestamp, msg.topic, msg.partition, msg.offset)))
            prepared = None
            if pool:
                try:  # the other agents run while this waits
                    prepared = await pool.prepare(items)
                except BrokenProcessPool:
                    log.error("a prepare process died; this batch is prepared in the loop, the next starts a new one")
            if prepared is None:
                prepared = [attempt_encoded(preparer, *it, ContentStage.key, frame) for it in items]
            for (payload, meta), (key, data) in zip(items, prepared, strict=True):
                if key is None:  # errors are data; the agent never dies on input
                    rec = rejected(payload, meta, *data, metrics)
                    await direct.send(outputs[DEADLETTER], orjson.dumps(rec), key=rec["id"].encode())
                else:
                    out.add_encoded("content-route", key, data)
            for event in events:
                msg = event.message
                progress.processed(msg.tp, msg.offset, msg.timestamp, time.time(), end_offset(app, msg.tp))
            await flush(out)

    async def stage_failed(env: dict[str, Any], rest: bytes | None, exc: Exception) -> None:
        # An exception leaving an agent crashes its actor: Faust restarts it,
        # but the event in hand gets no outcome (tests/integration/reliability).
        # A stage bug becomes a dead letter under the article's own id instead.
        art = env["article"]
        rec = dead_letter(article_bytes(art, rest), Meta(env["at"]), exc, metrics)
        rec["id"] = "dl-" + art["id"]
        await direct.send(outputs[DEADLETTER], orjson.dumps(rec), key=rec["id"].encode())

    @app.agent(route["content-route"], concurrency=1)
    async def by_content(stream: faust.StreamT) -> None:
        def step(env: dict[str, Any], partition: int) -> Any:
            content_stage.process(env)
            if dated(env):
                content_expiry.maybe_sweep(partition, env["et"])

        async for events in take_batches(stream, KEYED_BATCH, KEYED_WITHIN):
            out = Outbox(settings.partitions)
            for env, rest, failed in await _decide(events, step, content_stage.state):
                if isinstance(failed, Exception):
                    await stage_failed(env, rest, failed)
                else:
                    out.add("story-route", StoryStage.key(env), env, rest)
            await flush(out)

    # The URL stage runs on the story route, one hop after the content
    # stage: its state is small and its decision cheap, and a hop of its own
    # cost each article ~1 ms of Faust's per-record path at 200/s and a
    # queue (bench/README.md). Every URL is then under one routing key,
    # which N workers agree on as they agree on the stories.
    @app.agent(route["story-route"], concurrency=1)
    async def by_story(stream: faust.StreamT) -> None:
        def step(env: dict[str, Any], partition: int) -> Any:
            decision = url_stage.process(env)
            if dated(env):
                url_expiry.maybe_sweep(partition, env["et"])
            if after_url(decision) == DUPLICATES:
                return DUPLICATES
            return story_stage.process(env)

        async for events in take_batches(stream, KEYED_BATCH, KEYED_WITHIN):
            decided = await _decide(events, step, url_stage.state, story_stage.book.stories)
            staged: list[Any] = []
            for env, rest, event in decided:
                if isinstance(event, Exception):
                    await stage_failed(env, rest, event)
                    continue
                if event == DUPLICATES:
                    publish(staged, DUPLICATES, env["article"]["duplicate"]["of"], env["article"], env, rest)
                    continue
                publish(staged, ENRICHED, env["article"]["id"], env["article"], env, rest)
                if env["article"].get("story"):
                    active_stories.touch(env["article"]["story"]["id"], time.time())
                if event is not None:
                    publish(staged, BREAKING, event["story_id"], event)
            await direct.send_keyed(staged)

    @app.timer(interval=5.0)
    async def gauges() -> None:
        consumer = app.consumer
        if consumer is not None:
            assigned = [tp for tp in consumer.assignment() if tp.topic == raw_in.get_topic_name()]
            ends = await end_offsets(app, assigned)
            # Faust keeps the group's committed offsets here (set on seek and
            # on every commit); there is no public accessor.
            committed = getattr(consumer, "_committed_offset", {})
            progress.refresh(assigned, ends, {tp: committed.get(tp) for tp in assigned}, time.time())
        for t, name in ((url_stage.state, "dedup-url"), (content_stage.state, "dedup-content"),
                        (story_stage.book.stories, "stories")):
            metrics.table_entries.labels(name).set(table_size(t))
        metrics.stories_active.set(active_stories.count(time.time()))

    @app.timer(interval=1.0)
    async def fetch_mode() -> None:
        if fetch is None:
            return
        change = fetch.tick(time.monotonic(), functools.partial(set_fetch, app.consumer))
        if change is not None:
            log.info("raw input %s: fetches wait for %d bytes or %d ms", "busy" if fetch.busy else "quiet", *change)

    @app.timer(interval=PROBE_INTERVAL)
    async def probe_broker() -> None:
        await broker_probe.check()

    @app.page("/healthz")
    async def healthz(web: Any, request: Any) -> Any:
        return web.json({"status": "ok"})

    @app.page("/readyz")
    async def readyz(web: Any, request: Any) -> Any:
        assigned = sorted(f"{tp.topic}:{tp.partition}" for tp in (app.consumer.assignment() if app.consumer else ()))
        broker = broker_probe.reachable()
        ready = bool(assigned) and not app.rebalancing and broker
        # The generation tells workers of one group apart in time: two ready
        # workers of the same generation both recovered the same assignment.
        body = {"ready": ready, "rebalancing": bool(app.rebalancing), "assigned_partitions": len(assigned),
                "broker_reachable": broker, "generation": app.consumer_generation_id}
        return web.json(body, status=200 if ready else 503)

    app.newsstream = {"metrics": metrics, "registry": registry, "timings": timings}  # type: ignore[attr-defined]
    return app


def rocksdb_options(settings: Settings) -> dict[str, int]:
    """Each table database's memory bound (Faust's RocksDB store reads these;
    other stores ignore them)."""
    return {"write_buffer_size": settings.table_write_buffer_mb << 20, "max_write_buffer_number": 2,
            "block_cache_size": settings.table_block_cache_mb << 20}


async def _decide(events: list[Any], step: Callable[[dict[str, Any], int], Any],
                  *states: DurableTable) -> list[tuple[dict[str, Any], bytes | None, Any]]:
    """Each envelope of a batch of hop records, with the rest of its article
    (stream/kafka/batches.py) and what ``step`` made of it (an exception is
    an outcome too: the caller dead-letters it), returned once the changelog
    records of ``states`` are acked: state before output
    (stream/kafka/durable.py)."""
    decided: list[tuple[dict[str, Any], bytes | None, Any]] = []
    for event in events:
        # One event is one partition's batch: its table writes belong to
        # that partition's changelog.
        _as_current(event)
        partition = event.message.partition
        for env, rest in unpack(event.value):
            try:
                outcome = step(env, partition)
            except Exception as exc:
                outcome = exc
            decided.append((env, rest, outcome))
    # Together: the tables' changelog batches leave in one produce request
    # and one round trip, where one durable() after the other took two.
    await asyncio.gather(*(state.durable() for state in states))
    return decided


def _as_current(event: Any) -> None:
    """Make ``event`` the one Faust's tables read (the changelog partition
    of a write). take_batches hands over a list and sets no current event
    in the agent's task. Only the context variable is set: setting the
    stream's ``current_event`` attribute corrupts the batch buffer, which
    reads it (stream/kafka/take.py)."""
    _current_event.set(weakref.ref(event))


def _arrival(event: Any) -> tuple[float, int, int]:
    msg = event.message
    return msg.timestamp, msg.partition, msg.offset
