"""Agreement mentions come from the agreements' own titles and aliases (the case's data), in the spellings
documents use: 9·19 or 9.19, 판문점선언 or 판문점 선언, 합의 or 합의서, with or without 남북."""

from __future__ import annotations

import pytest

from peacetrack.pipeline.extract.agreements import extract_agreements
from peacetrack.pipeline.resources import Resources, load_resources

SPELLINGS = {
    "cma-2018": [
        "Agreement on the Implementation of the Historic Panmunjom Declaration in the Military Domain",
        "the comprehensive military agreement",
        "the September 19 military agreement",
        "the September 19th military agreement",
        "the September 19 inter-Korean military agreement",
        "the CMA",
        "9·19 군사합의",
        "9.19 군사합의서",
        "9 · 19 남북군사합의",
        "9·19 군사분야 합의서",
        "9.19 남북 군사분야 합의",
        "판문점선언 이행을 위한 군사분야 합의서",
        "군사분야 합의서",
        "남북군사합의",
        "남북 군사합의서가",
    ],
    "pyongyang-2018": [
        "the Pyongyang Joint Declaration",
        "the Pyongyang Joint Declaration of September 2018",
        "9월 평양공동선언",
        "평양 공동선언문",
        "9·19 평양공동선언",
        "9.19 공동선언",
    ],
    "panmunjom-2018": [
        "the Panmunjom Declaration",
        "the 4·27 Panmunjom Declaration",
        "the Panmunjom Declaration for Peace, Prosperity and Unification of the Korean Peninsula",
        "판문점선언을",
        "4.27 판문점 선언",
        "4·27 남북정상선언",
        "4·27 선언",
        "4.27 정상선언",
    ],
    "singapore-2018": [
        "the Singapore joint statement",
        "the Singapore summit joint statement",
        "the Singapore statement",
        "the Singapore agreement",
        "the Singapore declaration",
        "싱가포르 공동성명",
        "싱가포르 북미공동성명",
        "싱가포르 합의",
        "싱가포르 북미 합의",
        "6·12 북미공동성명",
        "6·12 공동성명",
        "6.12 성명",
    ],
}


@pytest.mark.parametrize(
    ("agreement", "text"), [(agreement, text) for agreement, texts in SPELLINGS.items() for text in texts]
)
def test_every_spelling_names_its_agreement(resources: Resources, agreement: str, text: str) -> None:
    """`resources` holds the Korean dataset's agreements (conftest), as a store holding it would."""
    found = {
        m.agreement
        for m in extract_agreements(f"우리는 {text} 이행을 촉구한다. We recall {text}.", resources)
    }
    assert found == {agreement}


def test_the_engine_alone_knows_no_case_agreement() -> None:
    """Without the case's data only the language-level rule remains: a UN resolution by its number."""
    text = "9·19 군사합의와 결의 2397호, the Panmunjom Declaration"
    found = {m.agreement for m in extract_agreements(text, load_resources())}
    assert found == {"unscr-2397"}


def test_what_was_agreed_where_only_one_agreement_was_signed(resources: Resources) -> None:
    found = extract_agreements("The DPRK and the U.S. committed in Singapore to new relations.", resources)
    assert [m.agreement for m in found] == ["singapore-2018"]
    # Two agreements were signed in Pyongyang: the city alone does not say which.
    assert extract_agreements("What the two leaders agreed in Pyongyang still matters.", resources) == ()
