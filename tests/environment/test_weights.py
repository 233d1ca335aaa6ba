"""The codebook of weights: read from data, each rule applied in its place, bad files refused with theirs."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from peacetrack.environment.weights import DEFAULT_WEIGHTS, Weigher, load_weights
from peacetrack.errors import BadInput


@pytest.fixture(scope="module")
def weigher() -> Weigher:
    return Weigher(load_weights())


def test_the_bundled_codebook_covers_every_type_and_effect() -> None:
    weights = load_weights()
    assert weights.thin.month == 3
    assert weights.types  # validated: every EventType and Effect present, or it would not load


def test_what_was_tested_sets_the_base(weigher: Weigher) -> None:
    assert weigher.weigh("weapons_test", "Sixth nuclear test", (), ("state",)).weight == -10
    assert weigher.weigh("weapons_test", "Hwasong-15 ICBM test", (), ("state",)).weight == -8
    assert weigher.weigh("weapons_test", "KN-25 SRBM tests", (), ("state",)).weight == -4
    assert (
        weigher.weigh("weapons_test", "Unidentified missile test", (), ("state",)).weight == -5
    )  # the type's


def test_a_channel_restored_and_a_channel_cut(weigher: Weigher) -> None:
    restored = weigher.weigh("communication", "Hotlines restored after 13 months", ("advances",), ("state",))
    cut = weigher.weigh("communication", "North Korea cuts every line", ("reverses",), ("state",))
    assert (restored.weight, restored.rule, restored.shift) == (6.0, "a channel opened or restored", 2.0)
    assert (cut.weight, cut.shift) == (-9.0, -5.0)


def test_the_strongest_effect_counts_and_a_tie_goes_to_conflict(weigher: Weigher) -> None:
    w = weigher.weigh("talks", "Talks", ("mentions", "advances", "violates"), ("state",))
    assert (w.effect, w.shift, w.weight) == ("violates", -4.0, -1.0)
    tie = weigher.weigh("talks", "Talks", ("suspends", "implements"), ("state",))
    assert tie.effect == "suspends"


def test_who_acted_scales_the_weight_and_the_scale_is_clipped(weigher: Weigher) -> None:
    leader = weigher.weigh("declaration", "Kim threatens to destroy", (), ("state", "person"))
    assert leader.weight == pytest.approx(-6.0)  # -5 × 1.2
    worst = weigher.weigh("unilateral_measure", "North Korea blows up the office", ("reverses",), ("person",))
    assert worst.weight == -10  # (-5 - 5) × 1.2, kept at the end of the scale
    society = weigher.weigh("summit", "A summit", (), ("organization",))
    assert society.weight == 3.0


def test_a_changed_weight_changes_the_weighing(tmp_path: Path) -> None:
    raw = yaml.safe_load(DEFAULT_WEIGHTS.read_text(encoding="utf-8"))
    raw["types"]["summit"]["weight"] = 9
    (tmp_path / "w.yaml").write_text(yaml.safe_dump(raw), encoding="utf-8")
    assert Weigher(load_weights(tmp_path / "w.yaml")).weigh("summit", "x", (), ("state",)).weight == 9


def test_bad_codebooks_say_where(tmp_path: Path) -> None:
    raw = yaml.safe_load(DEFAULT_WEIGHTS.read_text(encoding="utf-8"))
    del raw["types"]["summit"]
    raw["effects"]["implements"] = "lots"
    raw["words"][0]["match"] = "(unclosed"
    raw["actors"]["state"] = 1.0
    raw["thin"]["month"] = 0
    bad = tmp_path / "bad.yaml"
    bad.write_text(yaml.safe_dump(raw), encoding="utf-8")
    with pytest.raises(BadInput) as caught:
        load_weights(bad)
    paths = {p.path for p in caught.value.problems}
    assert {"$.types", "$.effects.implements", "$.words[0].match", "$.thin.month"} <= paths
    assert all(p.file == str(bad) for p in caught.value.problems)
    with pytest.raises(BadInput, match="cannot read"):
        load_weights(tmp_path / "missing.yaml")
