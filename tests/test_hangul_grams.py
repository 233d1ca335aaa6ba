"""The Hangul syllable index for one- and two-letter Korean searches (PostgreSQL only)."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import select, text

from peacetrack.store import Store, hangul_grams, upgrade
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
