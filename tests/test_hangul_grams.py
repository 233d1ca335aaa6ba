"""The Hangul syllable index for one- and two-letter Korean searches (PostgreSQL only)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from peacetrack.store import Store, hangul_grams, search_indexes, trigram, upgrade
from peacetrack.store import tables as t


@pytest.fixture
def db_url(pg_url: str) -> str:
    """The suite's migrated `store`, on PostgreSQL only here (the index exists nowhere else)."""
    return pg_url


def test_which_needles_the_index_answers() -> None:
    assert hangul_grams.answers("남북") and hangul_grams.answers("북")
    assert not hangul_grams.answers("남북한")  # three letters: the trigram index's
    assert (
        not hangul_grams.answers("un") and not hangul_grams.answers("南北") and not hangul_grams.answers("")
    )
    assert not hangul_grams.answers("남 ")


SYLLABLES = st.sampled_from("남북한정상회담휴전선평화")
TEXTS = st.text(alphabet=st.one_of(SYLLABLES, st.sampled_from(' ab,."\\')), max_size=30)
NEEDLES = st.text(alphabet=SYLLABLES, min_size=1, max_size=2)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(doc=TEXTS, needle=NEEDLES)
def test_the_grams_of_a_text_hold_a_needle_exactly_when_the_text_does(
    store: Store, doc: str, needle: str
) -> None:
    with store.read() as conn:
        held = conn.scalar(select(hangul_grams.holds(text(":doc").bindparams(doc=doc), needle)))
    assert held is (needle in doc)


def test_a_short_korean_search_reads_the_index(store: Store) -> None:
    rows = [
        {
            "id": f"e{i}",
            "date": "2020-01-01",
            "type": "talks",
            "title_en": "x",
            "doc": f'{{"title": {{"ko": "{"휴전 협상" if i == 7 else "정상 회담"} {i}"}}}}',
            "status": "accepted",
            "updated_at": "2020-01-01T00:00:00+00:00",
        }
        for i in range(50)
    ]
    with store.write() as conn:
        conn.execute(t.events.insert(), rows)
    with store.write() as conn:
        assert hangul_grams.ready(conn)
        query = select(t.events.c.id).where(hangul_grams.holds(t.events.c.doc, "휴전"))
        conn.exec_driver_sql("SET LOCAL enable_seqscan = off")
        plan = "\n".join(
            conn.execute(
                text("EXPLAIN " + str(query.compile(conn, compile_kwargs={"literal_binds": True})))
            ).scalars()
        )
        assert hangul_grams.INDEX in plan
        assert list(conn.scalars(query)) == ["e7"]
        assert (
            len(list(conn.scalars(select(t.events.c.id).where(hangul_grams.holds(t.events.c.doc, "회")))))
            == 49
        )


def test_sqlite_has_no_such_index(tmp_path: Path) -> None:
    store = Store(f"sqlite:///{tmp_path / 'plain.db'}")
    upgrade(store)
    with store.write() as conn:
        assert hangul_grams.create_index(conn) is False and not hangul_grams.ready(conn)
    store.dispose()


def test_init_builds_again_a_search_index_that_could_not_be_created(store: Store) -> None:
    # As a migration leaves things where the server refused pg_trgm and the function.
    with store.write() as conn:
        hangul_grams.drop_index(conn)
        trigram.drop_indexes(conn)
        assert search_indexes.missing(conn) == ["ix_events_doc_trgm", hangul_grams.INDEX]
    upgrade(store)  # what `peacetrack init` runs
    with store.read() as conn:
        assert hangul_grams.ready(conn) and search_indexes.missing(conn) == []


def test_init_names_the_search_indexes_it_still_cannot_create(
    store: Store, db_url: str, cli: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    with store.write() as conn:
        hangul_grams.drop_index(conn)
    # The server still refuses: the module logs why and returns False without creating anything.
    monkeypatch.setattr(hangul_grams, "create_index", lambda conn: False)
    result = cli("init", "--db", db_url)
    assert result.code == 0, result.err
    assert "search indexes missing (ix_events_doc_hangul)" in result.err
    with store.read() as conn:
        assert not hangul_grams.ready(conn)


def _counts(store: Store, needle: str) -> tuple[dict[str, Any], list[str]]:
    """A search's answer, and the counting statements it ran."""
    from sqlalchemy import event

    from peacetrack.web.api.search import search_records

    statements: list[str] = []
    with store.read() as conn:
        event.listen(conn, "before_cursor_execute", lambda *a: statements.append(a[2]))
        found = search_records(conn, needle, ["events"], 5)
    return found, [s for s in statements if "count(" in s.lower()]


def test_counting_a_short_word_the_newest_events_hold_reads_the_index(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The newest events hold 탈북, enough to fill the first page from the newest window: the search then
    # counts every match, and that count is what read the whole table without the syllable index.
    rows = [
        {
            "id": f"e{i:03d}",
            "date": f"2020-{1 + i // 28:02d}-{1 + i % 28:02d}",
            "type": "talks",
            "title_en": "x",
            "title_ko": f"{'탈북 귀환' if i >= 270 else '정상 회담'} {i}",
            "doc": json.dumps(
                {"id": f"e{i:03d}", "title": {"ko": f"{'탈북 귀환' if i >= 270 else '정상 회담'} {i}"}},
                ensure_ascii=False,
            ),
            "status": "accepted",
            "updated_at": "2020-01-01T00:00:00+00:00",
        }
        for i in range(300)
    ]
    with store.write() as conn:
        conn.execute(t.events.insert(), rows)
        conn.exec_driver_sql("ANALYZE events")
    found, counts = _counts(store, "탈북")
    assert found["counts"]["events"] == 30
    assert [h["id"] for h in found["results"]] == ["e299", "e298", "e297", "e296", "e295"]
    assert counts and all(hangul_grams.FUNCTION in s for s in counts)
    # The planner's statistics: 회 in 270 events of 300; a gram no event holds is not listed.
    with store.read() as conn:
        assert hangul_grams.expected_matches(conn, "회") == pytest.approx(270)
        assert hangul_grams.expected_matches(conn, "휴전") is None
    # A gram the statistics call common is counted by the scan, which stops at the cap.
    monkeypatch.setattr(hangul_grams, "expected_matches", lambda conn, needle: 1e6)
    found, counts = _counts(store, "탈북")
    assert found["counts"]["events"] == 30
    assert counts and not any(hangul_grams.FUNCTION in s for s in counts)
