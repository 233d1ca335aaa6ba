"""Incremental rebuilds: only changed provisions are tokenised again; caches per database."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from peacetrack.link import IndexCache, IndexConfig, LinkIndex, NgramTokenizer, ProvisionDoc, link_text
from peacetrack.link.tokenize import Token


class CountingTokenizer(NgramTokenizer):
    """The default rules, counting the texts it is asked to tokenise."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []

    def terms(self, text: str) -> list[str]:
        self.seen.append(text)
        return super().terms(text)

    def tokens(self, text: str) -> list[Token]:
        return super().tokens(text)


def _docs() -> list[ProvisionDoc]:
    base = ProvisionDoc(id="", agreement_id="pd", ref="", text_en="", aliases=("Panmunjom Declaration",))
    return [
        replace(
            base,
            id="pd/1",
            ref="1",
            text_en="Open a joint liaison office in Kaesong.",
            text_ko="공동연락사무소를 설치한다.",
        ),
        replace(
            base, id="pd/2", ref="2", text_en="Reunite separated families.", text_ko="이산가족 상봉을 한다."
        ),
        replace(
            base,
            id="pd/3",
            ref="3",
            text_en="Link the railways and roads.",
            text_ko="철도와 도로를 연결한다.",
        ),
    ]


def test_changing_one_provision_retokenises_only_it() -> None:
    tok = CountingTokenizer()
    index = LinkIndex(tokenizer=tok)
    first = index.update(_docs())
    assert first.added == ("pd/1", "pd/2", "pd/3") and first.reused == 0
    assert link_text("forestry cooperation", index) == []

    tok.seen.clear()
    docs = _docs()
    docs[1] = replace(docs[1], text_en="Cooperate on forestry and plant trees.", text_ko="산림협력을 한다.")
    report = index.update(docs)
    assert report.changed == ("pd/2",) and report.added == () and report.reused == 2
    assert report.tokenised == ("pd/2",)
    assert "Cooperate on forestry and plant trees." in tok.seen
    assert not any("liaison" in text or "railways" in text for text in tok.seen)
    assert link_text("forestry cooperation", index)[0].provision == "pd/2"
    assert link_text("separated families", index) == []


def test_unchanged_update_tokenises_nothing_and_removal_is_reported() -> None:
    tok = CountingTokenizer()
    index = LinkIndex.build(_docs(), tokenizer=tok)
    tok.seen.clear()
    report = index.update(_docs()[:2])
    assert report.tokenised == () and report.removed == ("pd/3",) and report.reused == 2
    assert tok.seen == []
    assert len(index) == 2
    assert all(h.provision != "pd/3" for h in link_text("railways roads", index))


def test_results_equal_a_fresh_build() -> None:
    docs = _docs()
    index = LinkIndex.build(docs)
    docs[0] = replace(docs[0], keywords=("liaison channel",))
    index.update(docs)
    fresh = LinkIndex.build(docs)
    for q in ("liaison channel", "철도 연결", "separated families"):
        assert [(h.provision, round(h.score, 4)) for h in link_text(q, index)] == [
            (h.provision, round(h.score, 4)) for h in link_text(q, fresh)
        ]


def test_disk_cache_restores_term_counts(tmp_path: Path) -> None:
    cache = IndexCache(tmp_path)
    cache.for_docs("sqlite:///one.db", _docs())
    assert cache.last_report is not None and len(cache.last_report.tokenised) == 3
    assert list(tmp_path.iterdir())

    again = IndexCache(tmp_path)  # a new process, say
    index = again.for_docs("sqlite:///one.db", _docs())
    assert again.last_report is not None and again.last_report.tokenised == ()
    assert link_text("liaison office", index)[0].provision == "pd/1"

    other = IndexCache(tmp_path).for_docs("sqlite:///two.db", _docs()[:1])  # per database
    assert len(other) == 1


def test_disk_cache_ignores_other_settings_and_garbage(tmp_path: Path) -> None:
    IndexCache(tmp_path).for_docs("db", _docs())
    kiwi = IndexCache(tmp_path, IndexConfig(korean="none"))
    kiwi.for_docs("db", _docs())
    assert kiwi.last_report is not None and len(kiwi.last_report.tokenised) == 3
    for f in tmp_path.iterdir():
        f.write_bytes(b"not json")
    broken = IndexCache(tmp_path)
    broken.for_docs("db", _docs())
    assert broken.last_report is not None and len(broken.last_report.tokenised) == 3


def test_memory_cache_reuses_the_index() -> None:
    cache = IndexCache()
    a = cache.for_docs("db", _docs())
    b = cache.for_docs("db", _docs())
    assert a is b and cache.last_report is not None and cache.last_report.tokenised == ()


def test_an_index_handed_out_is_never_changed() -> None:
    """A server thread may still be linking with the old index while a write updates the cache."""
    cache = IndexCache()
    old = cache.for_docs("db", _docs())
    changed = [
        replace(d, text_en="Reunite separated families at Mount Kumgang.") if d.id == "pd/2" else d
        for d in _docs()
    ]
    new = cache.for_docs("db", changed)
    assert new is not old and cache.last_report is not None and cache.last_report.changed == ("pd/2",)
    assert [h.provision for h in link_text("Kumgang", new)] == ["pd/2"]
    assert link_text("Kumgang", old) == []
    assert [h.provision for h in link_text("railways", old)] == ["pd/3"]
