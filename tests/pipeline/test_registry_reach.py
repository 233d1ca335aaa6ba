"""`Registry.could_change`: when it says actors added to the registry cannot change how a document
resolves, resolving with and without them gives the same answer (the Dask driver relies on it to skip
resolving again, issue 15)."""

from __future__ import annotations

from typing import Any

from hypothesis import HealthCheck, event, example, given, settings
from hypothesis import strategies as st

from peacetrack.model.records import Actor
from peacetrack.pipeline import Registry
from peacetrack.pipeline.registry import reach

# A small vocabulary, so that names collide, overlap, share first words and nearly match.
WORDS = [
    "peace", "peaces", "korea", "korean", "coalition", "coalitions", "seoul", "forum", "women",
    "network", "for", "the", "and", "US", "UN", "평화", "참여연대", "네트워크", "여성", "포럼",
    "solidarity", "solidarities", "inter",
]  # fmt: skip
PARTICLES = ["", "은", "의", "를", "에서"]

words = st.sampled_from(WORDS)
names = st.lists(words, min_size=1, max_size=3).map(" ".join)
named = st.one_of(names, st.tuples(names, names).map(lambda p: f"{p[0]} ({p[1]})"))


def actors(prefix: str, most: int) -> st.SearchStrategy[list[Actor]]:
    one = st.tuples(named, st.lists(named, max_size=1))
    return st.lists(one, max_size=most).map(
        lambda found: [
            Actor(id=f"{prefix}-{i}", kind="organization", name={"en": name}, aliases=aliases)
            for i, (name, aliases) in enumerate(found)
        ]
    )


text_words = st.one_of(
    st.tuples(words, st.sampled_from(PARTICLES)).map(lambda w: w[0] + w[1] if w[0][-1] >= "가" else w[0]),
    st.just("inter-Korean"),  # the group's name
)
# Short texts: a long one holds the first word of nearly any name, and nothing is left to check.
texts = st.lists(st.tuples(text_words, st.sampled_from([" ", ", ", ". ", " ("])), max_size=6).map(
    lambda parts: "".join(w + sep for w, sep in parts)
)


@settings(max_examples=1500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(actors("known", 5), actors("new", 2), st.lists(named, max_size=3), texts)
@example(
    [], [Actor(id="new-0", kind="organization", name={"en": "peaces coalition"})], ["peace coalition"], ""
)
@example([], [Actor(id="new-0", kind="organization", name={"en": "평화"})], [], "평화의 ")
@example(
    [Actor(id="known-0", kind="state", name={"en": "korea"})],
    [Actor(id=f"new-{i}", kind="organization", name={"en": w}) for i, w in enumerate(["forum", "women"])],
    [],
    "inter-Korean ",
)
def test_unchanged_when_it_says_so(
    known: list[Actor], new: list[Actor], listed: list[str], text: str
) -> None:
    groups = {"inter-Korean": ["known-0", "new-1"]}
    before = Registry(known, groups)
    after = Registry([*known, *new], groups)
    changes = before.could_change(reach(text, listed), new)
    event("could change" if changes else "cannot change: checked")
    if changes:
        return
    assert [after.match(n) for n in listed] == [before.match(n) for n in listed]
    assert after.scan(text) == before.scan(text)


def test_it_says_so_for_a_name_the_document_uses() -> None:
    known = [
        Actor(id="pspd", kind="organization", name={"en": "People's Solidarity for Participatory Democracy"})
    ]
    new = [Actor(id="cand-1", kind="organization", name={"en": "Seoul Peace Network"})]
    registry = Registry(known)
    assert registry.could_change(reach("We, the Seoul Peace Network, call …", []), new)  # in the text
    assert registry.could_change(reach("", ["Seoul Peace Network"]), new)  # signed by it
    assert registry.could_change(reach("", ["Seoul Peace Netwerk"]), new)  # close enough to match
    assert not registry.could_change(reach("People's Solidarity said", ["Busan Women Forum"]), new)
    assert not Registry(known, {"inter-Korean": ["kor"]}).could_change(reach("", []), new)
    assert Registry(known, {"inter-Korean": ["cand-1"]}).could_change(reach("", []), new)  # a group gains it
    assert Registry(known).could_change(
        reach("서울평화네트워크는 밝혔다", []),
        [
            Actor(
                id="cand-2", kind="organization", name={"en": "Seoul Peace Network", "ko": "서울평화네트워크"}
            )
        ],
    )  # a Korean name with its particle


@settings(max_examples=300, deadline=None)
@given(actors("known", 6), actors("new", 3), st.randoms(use_true_random=False))
def test_adding_actors_is_building_anew(known: list[Actor], new: list[Actor], rng: Any) -> None:
    """The registry ingest grows a candidate at a time is exactly the one built from scratch, and a
    registry does not depend on the order its actors came in."""
    groups = {"inter-Korean": ["known-0", "new-1"], "the two": ["known-1", "new-0"]}
    whole = Registry([*known, *new], groups)
    assert vars(Registry(known, groups).adding(new)) == vars(whole)
    shuffled = [*known, *new]
    rng.shuffle(shuffled)
    assert vars(Registry(shuffled, groups)) == vars(whole)
    again = Registry(known, groups).adding(new[:1]).adding(new[1:])
    assert vars(again) == vars(whole)
    if known:  # a new version of a known actor replaces it
        renamed = known[0].model_copy(update={"name": {"en": "solidarity network"}})
        assert vars(whole.adding([renamed])) == vars(Registry([renamed, *known[1:], *new], groups))
