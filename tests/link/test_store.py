"""The store-backed path, on SQLite and PostgreSQL."""

from __future__ import annotations

import copy
from pathlib import Path

import yaml

from peacetrack.bundle import import_bundles
from peacetrack.fixtures import MINI
from peacetrack.link import IndexCache, docs_from_store, link_text, make_linker
from peacetrack.store import Store


def test_index_from_the_store(store: Store, tmp_path: Path) -> None:
    import_bundles(store, [str(MINI)], author="t")
    with store.read() as conn:
        docs = docs_from_store(conn)
    by_id = {d.id: d for d in docs}
    assert set(by_id) == {
        "panmunjom-2018/1.3",
        "panmunjom-2018/2.1",
        "panmunjom-2018/3.4",
        "singapore-2018/3",
    }
    liaison = by_id["panmunjom-2018/1.3"]
    assert liaison.keywords == ("liaison office", "연락사무소")
    assert "Dialogue mechanisms" in liaison.themes and "대화 체계" in liaison.themes
    assert "판문점 선언" in liaison.agreement_title

    cache = IndexCache(tmp_path / "cache")
    index = cache.for_store(store)
    assert link_text("북한이 연락사무소를 폭파했다", index)[0].provision == "panmunjom-2018/1.3"
    assert link_text("complete denuclearisation", index, top=2)[0].agreement in {
        "panmunjom-2018",
        "singapore-2018",
    }
    assert make_linker(index)("The joint liaison office in Kaesong opened") == ["panmunjom-2018/1.3"]

    # Change one provision in the database: only it is tokenised again.
    data = yaml.safe_load(MINI.read_text("utf-8"))
    changed = copy.deepcopy(data)
    prov = changed["agreements"][0]["provisions"][1]
    prov["keywords"] = ["loudspeakers", "확성기"]
    path = tmp_path / "changed.yaml"
    path.write_text(yaml.safe_dump(changed, allow_unicode=True), "utf-8")
    import_bundles(store, [str(path)], author="t")
    index = cache.for_store(store)
    assert cache.last_report is not None
    assert cache.last_report.tokenised == ("panmunjom-2018/2.1",)
    assert link_text("대북 확성기 방송", index)[0].provision == "panmunjom-2018/2.1"


def test_empty_store_links_nothing(store: Store) -> None:
    index = IndexCache().for_store(store)
    assert len(index) == 0
    assert link_text("anything at all", index) == []


def test_bundled_dataset_reads_the_same_from_the_store(store: Store) -> None:
    from peacetrack.link import docs_from_bundles

    import_bundles(store, ["@korean-peninsula"], author="t")
    with store.read() as conn:
        from_store = {d.id: d for d in docs_from_store(conn)}
    from_files = {d.id: d for d in docs_from_bundles(["@korean-peninsula"])}
    assert set(from_store) == set(from_files)
    for pid, doc in from_files.items():
        got = from_store[pid]
        assert (got.text_en, got.text_ko, got.keywords, got.aliases, got.part_of) == (
            doc.text_en,
            doc.text_ko,
            doc.keywords,
            doc.aliases,
            doc.part_of,
        )
        assert set(got.themes) == set(doc.themes) and set(got.agreement_title) == set(doc.agreement_title)
    assert from_store["cma-2018/1.3"].part_of == ("cma-2018/1.1",)
    index = IndexCache().for_store(store)
    assert link_text("북한이 감시초소를 폭파했다", index)[0].provision == "cma-2018/2.1"


def test_the_case_common_words_come_from_its_process_record(store: Store, tmp_path: Path) -> None:
    import_bundles(store, [str(MINI)], author="t")
    cache = IndexCache()
    plain = cache.for_store(store)
    assert plain.config.common == ()
    before = link_text("liaison office in Kaesong", plain)[0]

    data = yaml.safe_load(MINI.read_text("utf-8"))
    data["processes"] = [
        {
            "id": "kp",
            "name": {"en": "Korean Peninsula peace process"},
            "agreements": ["panmunjom-2018"],
            "common_words": ["Kaesong", "liaison"],
        }
    ]
    path = tmp_path / "with-process.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), "utf-8")
    import_bundles(store, [str(path)], author="t")
    weighted = cache.for_store(store)
    assert weighted.config.common == ("Kaesong", "liaison")
    assert plain.config.common == ()  # an index handed out earlier is never changed
    after = link_text("liaison office in Kaesong", weighted)[0]
    assert after.provision == before.provision == "panmunjom-2018/1.3"
    assert after.score < before.score  # the process's own words count less
    assert cache.for_store(store) is weighted  # nothing changed: the same index
