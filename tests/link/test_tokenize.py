"""Tokenizers: Korean particles and compounds, English stemming, stop words, spans."""

from __future__ import annotations

import importlib.util

import pytest

from peacetrack.link import LinkIndex, NgramTokenizer, ProvisionDoc, make_tokenizer
from peacetrack.link.tokenize import EnglishOnlyTokenizer, KiwiTokenizer, stem


def _doc(pid: str, en: str, ko: str = "") -> ProvisionDoc:
    return ProvisionDoc(id=pid, agreement_id=pid.split("/")[0], ref=pid.split("/")[1], text_en=en, text_ko=ko)


def test_ngrams_of_a_word_with_particles_contain_the_bare_word() -> None:
    tok = NgramTokenizer()
    bare = set(tok.terms("연락사무소"))
    assert bare == {"연락", "락사", "사무", "무소", "연락사", "락사무", "사무소"}
    for inflected in ("연락사무소를", "연락사무소가", "연락사무소에서", "남북공동연락사무소는"):
        assert bare <= set(tok.terms(inflected)), inflected


@pytest.mark.parametrize("korean", ["ngram", "kiwi"])
@pytest.mark.parametrize(
    "query", ["연락사무소를 폭파했다", "연락사무소가 문을 열었다", "공동연락사무소의 운영"]
)
def test_particles_do_not_stop_a_match(korean: str, query: str) -> None:
    if korean == "kiwi" and importlib.util.find_spec("kiwipiepy") is None:
        pytest.skip("kiwipiepy not installed")
    index = LinkIndex.build(
        [
            _doc("a/1", "A liaison office opens.", "개성에 공동연락사무소를 설치한다."),
            _doc("a/2", "Families meet.", "이산가족이 금강산에서 상봉한다."),
            _doc("a/3", "Rails are linked.", "동해선 철도를 연결한다."),
        ],
        tokenizer=make_tokenizer(korean),
    )
    hits = index.search(query, 3)
    assert hits and index.doc(hits[0].row).id == "a/1"


def test_kiwi_keeps_content_morphemes_and_joins_compounds() -> None:
    if importlib.util.find_spec("kiwipiepy") is None:
        pytest.skip("kiwipiepy not installed")
    terms = KiwiTokenizer().terms("북한이 남북공동연락사무소를 폭파했다")
    assert {"북한", "연락", "사무소", "연락사무소", "폭파"} <= set(terms)
    assert not {"이", "를", "었", "다"} & set(terms)  # particles and endings dropped


def test_korean_grammar_words_are_skipped() -> None:
    assert NgramTokenizer().terms("하지 않기로 했다") == []


def test_english_stemming_folds_inflections_and_spellings() -> None:
    tok = EnglishOnlyTokenizer()
    assert tok.terms("demilitarised zones") == tok.terms("demilitarized zone")
    assert stem("posts") == stem("post")
    assert stem("restored") == stem("restoring") == stem("restore")
    assert stem("defence") == stem("defense")
    assert tok.terms("the office of the sides") == [stem("office"), stem("side")]


def test_hyphenated_words_and_dotted_dates() -> None:
    tok = EnglishOnlyTokenizer()
    assert "nofly" in tok.terms("no-fly zone")
    assert "fly" in tok.terms("no-fly zone")
    assert "9.19" in tok.terms("the 9·19 military agreement")
    assert "9.19" in NgramTokenizer().terms("9·19 군사합의")


def test_bigrams_join_adjacent_content_words_only() -> None:
    tok = EnglishOnlyTokenizer(bigrams=True)
    terms = tok.terms("guard posts; the office")
    assert "guard_post" in terms
    assert not any(t.startswith("post_") for t in terms)  # punctuation breaks a phrase


def test_token_spans_point_into_the_text() -> None:
    text = "North Korea blew up 연락사무소를"
    for tok in NgramTokenizer().tokens(text):
        assert 0 <= tok.start < tok.end <= len(text)
        piece = text[tok.start : tok.end].lower()
        assert piece.startswith(tok.term[:2]) or tok.term.startswith(piece[:2])


def test_unknown_korean_method_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown Korean tokenizer"):
        make_tokenizer("mecab")


def test_ngram_terms_equal_token_terms(kp_docs: list[ProvisionDoc]) -> None:
    from collections import Counter

    tok = NgramTokenizer()
    for doc in kp_docs[:20]:
        for text in (doc.text_ko, f"{doc.text_en} {doc.text_ko}", " ; ".join(doc.keywords)):
            assert Counter(tok.terms(text)) == Counter(t.term for t in tok.tokens(text))
