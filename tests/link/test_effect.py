"""Effect proposals from cue words, in both languages, read against the provision."""

from __future__ import annotations

import pytest

from peacetrack.link import EffectCues, propose_effect
from peacetrack.link.effect import detect_lang
from peacetrack.model.codebook import Effect

LIAISON = "A joint liaison office will be set up in the Kaesong area."
GUARD_POSTS = "Each side withdraws its guard posts lying within 1 km of the other's."
LOUDSPEAKERS = "Loudspeaker broadcasts along the MDL end and their means are removed."


@pytest.fixture(scope="module")
def cues() -> EffectCues:
    return EffectCues()


@pytest.mark.parametrize(
    ("text", "provision", "effect", "cue"),
    [
        ("North Korea blew up the liaison office", LIAISON, "reverses", "blew up"),
        ("북한이 공동연락사무소를 폭파했다", LIAISON, "reverses", "폭파"),
        ("The North blew up ten guard posts", GUARD_POSTS, "implements", "blew up"),
        ("북한군이 감시초소 10곳을 폭파했다", GUARD_POSTS, "implements", "폭파"),
        ("The North rebuilt the guard posts it had demolished", GUARD_POSTS, "reverses", "rebuilt"),
        ("The liaison office opened in Kaesong", LIAISON, "implements", "opened"),
        ("개성에서 공동연락사무소가 개소했다", LIAISON, "implements", "개소"),
        ("Loudspeaker broadcasts resumed after six years", LOUDSPEAKERS, "reverses", "resumed"),
        ("군이 대북 확성기 방송을 재개했다", LOUDSPEAKERS, "reverses", "재개"),
        ("Workers removed the propaganda loudspeakers", LOUDSPEAKERS, "implements", "removed"),
        ("The liaison office was suspended over COVID-19", LIAISON, "suspends", "suspended"),
        ("정부가 9·19 군사합의의 효력 정지를 의결했다", None, "suspends", "효력 정지"),
        ("The North scrapped the agreement", None, "reverses", "scrapped"),
        ("북한이 군사합의 파기를 선언했다", None, "reverses", "파기"),
        ("The North fired artillery into the buffer zone", None, "violates", "fired artillery"),
        ("The hotline was restored after 13 months", None, "implements", "restored"),
        ("통신선이 복원됐다", None, "implements", "복원"),
        ("주한미군이 철수했다", None, "reverses", "철수"),
        ("Kim Yo Jong threatened to scrap the military deal", None, "mentions", "threatened to"),
        ("The two leaders had lunch by the sea", None, "mentions", None),
    ],
)
def test_cues(cues: EffectCues, text: str, provision: str | None, effect: str, cue: str | None) -> None:
    got = cues.propose(text, None, provision)
    assert (got.effect, got.cue) == (effect, cue)
    if cue is not None:
        assert got.start is not None and text[got.start : got.end] == cue
    assert got.effect in {e.value for e in Effect}


def test_language_limits_the_cues(cues: EffectCues) -> None:
    assert cues.propose("폭파 blew up", "ko").cue == "폭파"
    assert cues.propose("폭파 blew up", "en").cue == "blew up"
    assert propose_effect("연락사무소를 폭파했다", "ko").effect == "reverses"


def test_cues_are_data_and_are_checked() -> None:
    cues = EffectCues()
    assert "폭파" in cues.words["destroy"]["ko"]
    bad = {"order": ["x"], "classes": {"x": {"effect": "explodes", "on_cessation": "mentions"}}}
    with pytest.raises(ValueError, match="unknown effect"):
        EffectCues(bad)


def test_cessation_provisions_are_recognised(cues: EffectCues) -> None:
    assert cues.is_cessation(GUARD_POSTS)
    assert cues.is_cessation(LOUDSPEAKERS)
    assert not cues.is_cessation(LIAISON)


def test_detect_lang() -> None:
    assert detect_lang("북한이 연락사무소를 폭파했다") == "ko"
    assert detect_lang("North Korea blew up the office") == "en"
    assert detect_lang("") == "en"
