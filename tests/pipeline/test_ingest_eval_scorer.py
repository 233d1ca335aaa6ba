"""bench/ingest_eval.py's scorer: a predicted addressee is right when it names the gold's body or person,
by a near spelling or by resolving to the same actor, and never by resolving to another."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pytest

from peacetrack.pipeline import Registry

BENCH = Path(__file__).resolve().parents[2] / "bench" / "ingest_eval.py"


@pytest.fixture(scope="module")
def scorer() -> ModuleType:
    spec = importlib.util.spec_from_file_location("ingest_eval", BENCH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["ingest_eval"] = module  # dataclasses look their module up by name
    spec.loader.exec_module(module)
    return module


def test_an_addressee_is_right_by_the_actor_both_names_resolve_to(
    scorer: ModuleType, registry: Registry
) -> None:
    resolve = scorer.gold_actors(registry)["addressees"]
    said = [["Government of the United States", "United States", scorer.ACTOR + "usa"]]
    assert scorer._score("addressees", ["US government"], said, resolve) == (1, 1, 1, True)
    # Without the registry only spellings count, and "US" is not spelt like "United States".
    assert scorer._score("addressees", ["US government"], said) == (0, 1, 1, False)


def test_a_shared_word_such_as_government_makes_no_match(scorer: ModuleType, registry: Registry) -> None:
    resolve = scorer.gold_actors(registry)["addressees"]
    said = [["Government of the Democratic People's Republic of Korea", scorer.ACTOR + "prk"]]
    assert scorer._score("addressees", ["US government"], said, resolve) == (0, 1, 1, False)
    biden = scorer._score("addressees", ["President Joe Biden"], [["President Moon Jae-in"]])
    assert biden == (0, 1, 1, False)
    # An office holder is not their state.
    assert scorer._same_name("President of the United States", "United States government") is False


def test_a_near_spelling_is_right_without_any_actor(scorer: ModuleType) -> None:
    said = [["UN Security Council"], ["Unknown Forum"]]
    assert scorer._score("addressees", ["United Nations Security Council"], said) == (1, 2, 1, False)
    assert scorer._score("addressees", ["UN Security Council"], said[:1]) == (1, 1, 1, True)
