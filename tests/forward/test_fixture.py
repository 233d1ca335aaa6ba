"""The way forward on a two-party fixture whose ledgers and packages are worked out by hand (fixture.yaml)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

import orjson
import pytest

from peacetrack.bundle import import_bundles
from peacetrack.errors import BadInput
from peacetrack.forward import load_rules, proposals
from peacetrack.forward.service import to_json, way_forward
from peacetrack.store import Store
from peacetrack.store.scoring_reads import load_index

HERE = Path(__file__).parent
AS_OF = date(2021, 12, 31)


@pytest.fixture
def loaded(store: Store) -> Store:
    import_bundles(store, [str(HERE / "fixture.yaml")], author="test")
    return store


def plan(
    store: Store, *, party: str | None = None, rules: Path | None = HERE / "rules.yaml"
) -> dict[str, Any]:
    with store.read() as conn:
        wf = way_forward(
            conn, load_index(conn), AS_OF, party=party, rules=load_rules(rules) if rules else None
        )
        return to_json(wf)


def _ledger_rows(data: dict[str, Any]) -> dict[str, list[tuple[Any, ...]]]:
    return {
        party: [
            (
                i["provision"],
                i["status"],
                i["level"],
                i["peak"],
                i["since"],
                i["fell_on"],
                tuple(i["fell_by"]),
                tuple(i["undone_by"]),
                i["held_days"],
                i["overdue"],
            )
            for i in items
        ]
        for party, items in data["ledger"].items()
    }


def test_ledgers_match_the_hand_worked_answer(loaded: Store) -> None:
    assert _ledger_rows(plan(loaded)) == {
        "n": [
            ("accord/2", "reversed", 0, 1, "2020-03-01", "2021-06-01", ("e3",), ("n",), 457, False),
            ("accord/1", "reversed", 0, 2, "2020-02-01", "2021-01-01", ("e2",), ("s",), 335, False),
            ("accord/3", "pending", 0, 0, "2020-01-01", None, (), (), None, True),
        ],
        "s": [
            ("accord/2", "reversed", 0, 1, "2020-03-01", "2021-06-01", ("e3",), ("n",), 457, False),
            ("accord/1", "reversed", 0, 2, "2020-02-01", "2021-01-01", ("e2",), ("s",), 335, False),
            ("accord/5", "reversed", 1, 2, "2020-02-01", "2021-01-01", ("e2",), ("s",), 335, False),
        ],
    }


def test_part_of_and_dependants_are_both_ways(loaded: Store) -> None:
    items = {i["provision"]: i for i in plan(loaded)["ledger"]["s"]}
    assert items["accord/5"]["part_of"] == ["accord/1"]
    assert items["accord/1"]["dependants"] == ["accord/5"]


def _package_rows(data: dict[str, Any]) -> list[tuple[Any, ...]]:
    return [
        (
            p["tier"],
            p["size"],
            p["balance"],
            tuple(p["themes"]),
            tuple((s["party"], s["provision"], s["from"], s["to"], s["kind"], s["size"]) for s in p["steps"]),
        )
        for p in data["packages"]
    ]


def test_packages_match_the_hand_worked_answer(loaded: Store) -> None:
    # First steps: n restores the hotline it cut (0.5), s the guns it moved (0.5), both security;
    # then n begins the market (1.0) against s's western guns back to 2 (0.5): unrelated themes
    # double the size. Every provision is then used: no full steps are left to pair.
    assert _package_rows(plan(loaded)) == [
        (
            "first",
            1.0,
            1.0,
            ("security",),
            (("n", "accord/2", 0, 1, "restore", 0.5), ("s", "accord/1", 0, 1, "restore", 0.5)),
        ),
        (
            "first",
            3.0,
            0.5,
            (),
            (("n", "accord/3", 0, 1, "start", 1.0), ("s", "accord/5", 1, 2, "restore", 0.5)),
        ),
    ]


def test_a_changed_rule_changes_the_packages(loaded: Store, tmp_path: Path) -> None:
    rules = (HERE / "rules.yaml").read_text(encoding="utf-8").replace("min_balance: 0.5", "min_balance: 0.6")
    (tmp_path / "rules.yaml").write_text(rules, encoding="utf-8")
    rows = _package_rows(plan(loaded, rules=tmp_path / "rules.yaml"))
    assert [r[4][0][1] for r in rows] == ["accord/2"]  # the uneven pair is no longer proposed


def test_party_keeps_its_ledger_and_its_packages(loaded: Store) -> None:
    data = plan(loaded, party="s")
    assert list(data["ledger"]) == ["s"]
    assert all(any(s["party"] == "s" for s in p["steps"]) for p in data["packages"])
    assert plan(loaded, party="t")["ledger"] == {}  # answers for nothing


def test_unknown_party_is_bad_input(loaded: Store) -> None:
    with pytest.raises(BadInput, match="no actor has the id 'nobody'"):
        plan(loaded, party="nobody")


def test_bundled_rules_load_and_bad_rules_say_where(tmp_path: Path) -> None:
    assert load_rules().themes["default"] == 1.0
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "step: {per_level: -1, restoration: 0.5, first_time: 1, per_year_fallen: 0, max_years_fallen: 0,"
        " overdue: 1}\nthemes: {security: 2}\npairing: {min_balance: 2, unrelated_themes: 1, tiers: [first],"
        " per_tier: 3}\n",
        encoding="utf-8",
    )
    with pytest.raises(BadInput) as caught:
        load_rules(bad)
    paths = {p.path for p in caught.value.problems}
    assert {"$.step.per_level", "$.pairing.min_balance", "$.themes"} <= paths


def test_before_anything_fell_the_ledger_is_pending_only(loaded: Store) -> None:
    with loaded.read() as conn:
        data = to_json(
            way_forward(conn, load_index(conn), date(2020, 1, 15), rules=load_rules(HERE / "rules.yaml"))
        )
    statuses = {i["status"] for items in data["ledger"].values() for i in items}
    assert statuses == {"pending"}


def test_a_saved_proposal_shows_which_steps_happened(loaded: Store) -> None:
    with loaded.read() as conn:
        wf = way_forward(conn, load_index(conn), AS_OF, rules=load_rules(HERE / "rules.yaml"))
    saved = proposals.save(loaded, wf, 1, "hotline-for-guns", note="small first", author="tester")
    assert [s["provision"] for s in saved.package["steps"]] == ["accord/2", "accord/1"]
    with pytest.raises(BadInput, match="exists already"):
        proposals.save(loaded, wf, 1, "hotline-for-guns", note=None, author="tester")
    with pytest.raises(BadInput, match="there are 2 packages"):
        proposals.save(loaded, wf, 3, "other", note=None, author="tester")
    with pytest.raises(BadInput, match="proposal name"):
        proposals.save(loaded, wf, 1, "no spaces", note=None, author="tester")

    import_bundles(loaded, [str(HERE / "later.yaml")], author="test")
    with loaded.read() as conn:
        found = proposals.get(conn, "hotline-for-guns")
        outcomes = proposals.outcomes(load_index(conn), found, date(2026, 1, 1))
        listed = proposals.listed(conn)
    assert [(o.step["party"], o.happened_on, o.evidence) for o in outcomes] == [
        ("n", date(2022, 3, 1), ("e4",)),
        ("s", None, ()),
    ]
    assert [(p.name, p.note, p.author) for p in listed] == [("hotline-for-guns", "small first", "tester")]
    assert (
        orjson.loads(orjson.dumps(proposals.proposal_json(found, outcomes)))["steps"][0]["happened_on"]
        == "2022-03-01"
    )
