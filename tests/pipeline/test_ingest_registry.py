"""Actor resolution: names from lists (normalised, then fuzzy) and names in running text."""

from __future__ import annotations

import pytest

from peacetrack.model.records import Actor
from peacetrack.pipeline import Registry
from peacetrack.pipeline.registry import normalise_name


@pytest.mark.parametrize(
    ("name", "actor"),
    [
        ("People's Solidarity for Participatory Democracy (PSPD)", "pspd"),
        ("People’s Solidarity for Participatory Democracy", "pspd"),  # curly apostrophe
        ("PSPD", "pspd"),
        ("the Korean Sharing Movement", "ksm"),
        ("Korean Women’s Movement for Peace", "kwmp"),  # "Korea Women's …" in the registry: fuzzy
        ("Friedrich Ebert Stiftung", "fes"),  # hyphens in the registry
        (
            "Reconciliation and Reunification Committee, NCCK (The National Council of Churches in Korea)",
            "ncck",
        ),
        ("U.S.", "usa"),
        ("참여연대", "pspd"),
        ("1718 위원회", "unsc-1718"),
        ("World Without War", None),
        ("Korea", None),  # too short to guess at
    ],
)
def test_match(registry: Registry, name: str, actor: str | None) -> None:
    assert registry.match(name) == actor


def test_normalise_name() -> None:
    assert normalise_name("The U.S.") == normalise_name("US") == "us"
    assert normalise_name("Asia Peace & History") == "asia peace and history"
    assert (
        normalise_name("  MINBYUN-Lawyers\n for  a Democratic Society ")
        == "minbyun lawyers for a democratic society"
    )


def test_a_name_two_actors_share_resolves_to_neither() -> None:
    registry = Registry(
        [
            Actor(id="a", kind="organization", name={"en": "Peace Forum"}, aliases=["PF"]),
            Actor(id="b", kind="organization", name={"en": "Peace Foundation"}, aliases=["PF"]),
        ]
    )
    assert registry.match("PF") is None
    assert registry.match("Peace Forum") == "a"


def test_close_rivals_are_not_guessed() -> None:
    registry = Registry(
        [
            Actor(id="a", kind="organization", name={"en": "Daejeon Women's Association United"}),
            Actor(id="b", kind="organization", name={"en": "Daejeon Women's Associations United"}),
        ]
    )
    assert registry.match("Daejeon Womens Asociation United") is None


def test_scan_english(registry: Registry) -> None:
    text = "The UN Security Council and the 1718 Committee met. Let us hope the US and the U.S. agree."
    found = [(f.text, f.actors) for f in registry.scan(text)]
    assert found == [
        ("UN Security Council", ("unsc",)),
        ("1718 Committee", ("unsc-1718",)),
        ("US", ("usa",)),  # "us" in lower case is not the country
        ("U.S.", ("usa",)),
    ]


def test_scan_longest_name_wins(registry: Registry) -> None:
    text = "the Security Council Committee established pursuant to resolution 1718 decided"
    [found] = registry.scan(text)
    assert found.actors == ("unsc-1718",)
    assert found.text == "Security Council Committee established pursuant to resolution 1718"


def test_scan_korean_particles(registry: Registry) -> None:
    text = (
        "유엔 안보리는 북한의 미사일 발사를 논의했다. 북한이탈주민 지원과 남북공동연락사무소 문제도 다뤘다."
    )
    found = [(f.text, f.actors) for f in registry.scan(text)]
    # "북한의" is 북한 with a particle; "북한이탈주민" and "남북공동…" are other words.
    assert found == [("유엔 안보리", ("unsc",)), ("북한", ("prk",))]


def test_scan_group_names(registry: Registry) -> None:
    [found] = registry.scan("three inter-Korean summits")
    assert found.actors == ("kor", "prk")


def test_scan_spans_are_exact(registry: Registry) -> None:
    text = "On Monday the DPRK.\nThen Korea NGO Council for Cooperation with\nNorth Korea spoke."
    for hit in registry.scan(text):
        assert text[hit.start : hit.end] == hit.text
    assert [f.text for f in registry.scan(text)] == [
        "DPRK",
        "Korea NGO Council for Cooperation with\nNorth Korea",
    ]
