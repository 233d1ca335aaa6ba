"""Scoring inputs read from the store (SQLite and PostgreSQL): what is read, in how many queries."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import event, update

from peacetrack.bundle import import_bundles
from peacetrack.scoring import Mark, scores
from peacetrack.store import Store
from peacetrack.store import tables as t
from peacetrack.store.scoring_reads import group_labels, load_index, load_input

D = date.fromisoformat


def test_input_carries_provisions_marks_and_tree(loaded: Store) -> None:
    with loaded.read() as conn:
        data = load_input(conn)
    infos = {p.id: p for p in data.provisions}
    assert sorted(infos) == [
        "alpha/1",
        "alpha/2",
        "alpha/3",
        "alpha/4",
        "alpha/5",
        "beta/1",
        "beta/2",
        "gamma/1",
    ]
    assert infos["alpha/4"].themes == ("military", "nuclear")
    assert infos["alpha/4"].responsible == ("kor", "prk")
    assert infos["alpha/5"].themes == () and infos["alpha/5"].responsible == ()
    assert infos["beta/2"].signed == D("2018-09-19")
    assert dict(data.theme_parents) == {
        "security": None,
        "military": "security",
        "nuclear": "security",
        "dialogue": None,
    }
    marks = [m for m in data.marks if m.provision == "alpha/1"]
    assert [(m.as_of, m.level, m.evidence, m.note) for m in marks] == [
        (D("2018-05-01"), 3, ("e-posts",), None),
        (D("2019-03-01"), 1, ("e-drills",), "Drills resumed."),
    ]
    ties = [m for m in data.marks if m.provision == "alpha/2"]
    assert [m.level for m in sorted(ties, key=lambda m: m.recorded)] == [2, 1]
    assert all(isinstance(m, Mark) for m in data.marks) and len(data.marks) == 12


def test_notes_in_korean_fall_back_to_english(loaded: Store) -> None:
    with loaded.read() as conn:
        marks = load_input(conn, lang="ko").marks
    notes = {(m.provision, m.level): m.note for m in marks}
    assert notes[("alpha/1", 1)] == "훈련이 재개되었다."
    assert notes[("alpha/2", 1)] == "Corrected the same day."  # English only


def test_a_fixed_number_of_queries(loaded: Store, bundle: dict[str, Any], write_bundle: Any) -> None:
    statements: list[str] = []

    def count(*args: Any) -> None:
        statements.append(args[2])

    event.listen(loaded.engine, "before_cursor_execute", count)
    try:
        with loaded.read() as conn:
            load_input(conn)
        few = len(statements)
        # Ten times the provisions and assessments: the same number of queries.
        bigger = {"format": "peacetrack/1", "agreements": [], "assessments": []}
        for n in range(10):
            agreement = {**bundle["agreements"][0], "id": f"copy{n}"}
            bigger["agreements"].append(agreement)
            bigger["assessments"] += [
                {**a, "provision": a["provision"].replace("alpha", f"copy{n}"), "evidence": []}
                for a in bundle["assessments"]
                if a["provision"].startswith("alpha/")
            ]
        import_bundles(loaded, [write_bundle(bigger)], author="test")
        statements.clear()
        with loaded.read() as conn:
            data = load_input(conn)
        assert len(data.provisions) == 58
        assert len(statements) == few
    finally:
        event.remove(loaded.engine, "before_cursor_execute", count)
    assert few <= 6


def test_only_accepted_records_count(loaded: Store) -> None:
    as_of = D("2019-12-31")
    with loaded.read() as conn:
        before = {r.key: r.score for r in scores(load_index(conn), as_of)}
    assert before == {"alpha": 40.0, "beta": 83.3}
    with loaded.write() as conn:
        conn.execute(
            update(t.assessments).where(t.assessments.c.provision_id == "alpha/4").values(status="proposed")
        )
        conn.execute(update(t.agreements).where(t.agreements.c.id == "beta").values(status="proposed"))
        conn.execute(update(t.themes).where(t.themes.c.id == "security").values(status="proposed"))
    with loaded.read() as conn:
        data = load_input(conn)
        index = load_index(conn)
    # alpha/4's only assessment is not accepted: 1 + 1 + 0 + 0 + 2 = 4 of 15.
    assert [(r.key, r.score) for r in scores(index, as_of)] == [("alpha", 26.7)]
    assert not any(p.agreement == "beta" for p in data.provisions)
    assert not any(m.provision.startswith("beta/") for m in data.marks)
    # A theme whose parent is not accepted becomes a root; the parent is no group.
    assert data.theme_parents["military"] is None and "security" not in data.theme_parents
    assert "security" not in {r.key for r in scores(index, as_of, "theme")}


def test_labels(loaded: Store) -> None:
    with loaded.read() as conn:
        assert group_labels(conn, "agreement")["alpha"] == "Alpha Accord"
        assert group_labels(conn, "agreement", "ko")["alpha"] == "알파 합의"
        assert group_labels(conn, "theme", "ko")["security"] == "안보"
        assert group_labels(conn, "party")["usa"] == "United States"
