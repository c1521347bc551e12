"""Settings -> the algorithms' options objects, in one place."""

from __future__ import annotations

from dataclasses import dataclass, replace

from stream.dedup.decide import DEFAULT_DEDUP_OPTIONS, DedupOptions
from stream.pipeline.prepare import PrepareOptions
from stream.settings import Settings
from stream.stories.breaking import DEFAULT_BREAKING_OPTIONS, BreakingOptions
from stream.stories.signature import DEFAULT_STORY_OPTIONS
from stream.subjects.tagger import SubjectOptions


@dataclass(frozen=True)
class PipelineOptions:
    prepare: PrepareOptions
    dedup: DedupOptions
    breaking: BreakingOptions


def pipeline_options(settings: Settings) -> PipelineOptions:
    return PipelineOptions(
        prepare=PrepareOptions(
            max_payload_bytes=settings.max_payload_bytes,
            subjects=SubjectOptions(rules_path=settings.subject_rules or None),
            story=replace(DEFAULT_STORY_OPTIONS, quiet_seconds=settings.story_quiet_hours * 3600.0),
        ),
        dedup=replace(DEFAULT_DEDUP_OPTIONS, window_seconds=settings.dedup_window_days * 86400.0),
        breaking=replace(DEFAULT_BREAKING_OPTIONS, flap_seconds=settings.flap_window_minutes * 60.0),
    )
