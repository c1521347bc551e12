from __future__ import annotations

from pathlib import Path

import pytest

from stream.subjects.entities import Entity, extract_entities
from tests.support.cpu import cpu_seconds

SAMPLE = Path(__file__).resolve().parents[4] / "shared" / "samples" / "news24-trump-kim-summit.txt"


def _by_name(ents: list[Entity]) -> dict[str, Entity]:
    return {e.name: e for e in ents}


def test_titles_aliases_and_surnames() -> None:
    ents = _by_name(extract_entities(
        "Ms Okafor visits Brazil",
        "Health Minister Ada Okafor arrived in the U.S. on Monday. Okafor met UN officials. "
        "Brazil's president thanked her. We told us nothing."))
    assert ents["Ada Okafor"] == Entity("Ada Okafor", "person", 3)
    assert ents["United States"].kind == "place"
    assert ents["Brazil"].count == 2
    assert ents["United Nations"].kind == "organisation"
    assert "Okafor" not in ents and "We" not in ents


def test_unconfirmed_capitalised_pairs_are_dropped() -> None:
    ents = _by_name(extract_entities("", "Quiet Harbour Lane was busy as Golden Meadows opened."))
    assert ents == {}


def test_org_suffix_and_sort_order() -> None:
    ents = extract_entities("", "Paris and Paris again. Norvale Holdings said Paris.")
    assert [e.name for e in ents] == ["Paris", "Norvale Holdings"]
    assert ents[1].kind == "organisation"


def test_publisher_tags_merge_and_normalise() -> None:
    ents = _by_name(extract_entities("", "Mr Ivo Sandberg spoke.", ["ivo sandberg", "vietnam",
                                                                   "politics", "lena marsh"]))
    assert ents["Ivo Sandberg"].count == 1
    assert ents["Vietnam"] == Entity("Vietnam", "place", 1)
    assert ents["Lena Marsh"].kind == "person"
    assert "Politics" not in ents and "politics" not in ents


def test_hostile_input_is_bounded() -> None:
    # CPU time, not wall time: the shared 2-core box is often oversubscribed.
    assert cpu_seconds(extract_entities, "X", "Aa Bb Cc Dd. " * 200_000) < 0.1


def test_seed_scrape_entities() -> None:
    if not SAMPLE.exists():
        pytest.skip(f"seed scrape not found at {SAMPLE} (../shared absent)")
    title, _, text = SAMPLE.read_text(encoding="utf-8").partition("\n")
    ents = _by_name(extract_entities(title, text, ["donald trump", "kim jong un", "vietnam"]))
    for name in ("Donald Trump", "Kim Jong Un", "Michael Cohen"):
        assert ents[name].kind == "person"
    assert ents["North Korea"].kind == "place"
    assert ents["Vietnam"].kind == "place" and ents["Hanoi"].kind == "place"
    assert ents["Donald Trump"].count >= 10 and ents["Kim Jong Un"].count >= 10
    assert "Trump" not in ents and "Kim" not in ents


def test_capitals_inside_words_and_possessives() -> None:
    ents = _by_name(extract_entities(
        "", "Fans of the iPhone Store queued. President Ada Okafor's plan passed; "
            "Okafor said so. The U.S.-based firm moved to Paris."))
    assert "Store" not in ents and "Phone Store" not in ents
    assert ents["Ada Okafor"].count == 2 and ents["Ada Okafor"].kind == "person"
    assert ents["Paris"].kind == "place"


def test_lower_case_title_cues_and_sentence_starts() -> None:
    ents = _by_name(extract_entities(
        "", "Officials met on Friday, and spokesman Ivo Petrov declined to comment. "
            "Later the senator Okafor spoke. Analysts were unconvinced. Petrov left."))
    assert ents["Ivo Petrov"] == Entity("Ivo Petrov", "person", 2)
    assert ents["Okafor"].kind == "person"
    assert "Analysts" not in ents and "Officials" not in ents and "Later" not in ents


def test_multi_word_gazetteer_names_in_runs() -> None:
    # "New" is a stopword that splits runs, except where a name starts with it.
    ents = _by_name(extract_entities("", "Envoys from North Korea and New Zealand met Lena Marsh "
                                         "of Norvale Holdings in Hong Kong. New talks follow."))
    assert ents["North Korea"].kind == "place" and ents["New Zealand"].kind == "place"
    assert ents["Hong Kong"].kind == "place"
    assert ents["Norvale Holdings"].kind == "organisation"
    assert "Lena Marsh" not in ents  # neither cued nor referred to by one part


def test_names_set_in_capitals() -> None:
    # Wire headlines and datelines are in capitals; short acronyms stay exact.
    ents = _by_name(extract_entities("JAPAN AND CHINA AGREE STEEL QUOTAS",
                                     "NEW YORK, March 3 - Talks in Tokyo ended. IT firms and US "
                                     "buyers said so."))
    assert ents["Japan"].kind == "place" and ents["China"].kind == "place"
    assert ents["New York"].kind == "place"
    assert ents["United States"].kind == "place"
    assert not any(e.name.lower() == "it" for e in ents.values())


def test_long_runs_with_place_and_titles_before_a_name() -> None:
    ents = _by_name(extract_entities("", "New York Attorney General Eliot Sandberg sued the firm. "
                                         "The Attorney General said nothing more. Norvale "
                                         "Savings Bank Chairman Ivo Petrov agreed."))
    assert ents["Norvale Savings Bank"].kind == "organisation"
    assert ents["Ivo Petrov"].kind == "person"
    assert ents["Eliot Sandberg"].kind == "person"
    assert ents["New York"].kind == "place"
    assert "General" not in ents and "Attorney General" not in ents


@pytest.mark.parametrize("unit", ["New ", "New York ", "ATTORNEY GENERAL JAPAN ", "Mr X. "])
def test_hostile_runs_are_bounded(unit: str) -> None:
    text = (unit * (2 * 1024 * 1024 // len(unit)))[: 2 * 1024 * 1024]
    assert cpu_seconds(extract_entities, "X", text) < 0.05
