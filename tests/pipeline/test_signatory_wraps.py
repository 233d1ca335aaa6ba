"""Signature lists as PDFs and letters leave them: names wrapped onto a second line, a contact line
after the list."""

from __future__ import annotations

from peacetrack.pipeline.extract.signatories import extract_signatories

LETTER = (
    "We urge the Council to renew the exemptions.\n\nSincerely,\n\nINTERNATIONAL\n"
    "International Peace Bureau*\n"
    "Global Partnership for the Prevention of Armed\nConflict (GPPAC)\n"
    "Women's International League for Peace and Freedom*\n\n"
    "Coordinating contact for this letter: Mirae Thompson-Baek,\n"
    "letter@example.org.\n\n* Organisations in consultative status with ECOSOC."
)


def test_a_name_wrapped_onto_the_next_line_is_one_name_when_its_acronym_spans_both() -> None:
    names = [n.name for n in extract_signatories(LETTER)]
    assert "Global Partnership for the Prevention of Armed Conflict (GPPAC)" in names
    assert not any(name.startswith("Conflict") for name in names)


def test_a_contact_line_after_the_list_is_no_signatory() -> None:
    names = [n.name for n in extract_signatories(LETTER)]
    assert names == [
        "International Peace Bureau",
        "Global Partnership for the Prevention of Armed Conflict (GPPAC)",
        "Women's International League for Peace and Freedom",
    ]


def test_two_names_a_line_each_stay_two_without_an_acronym_across_them() -> None:
    text = "Signed,\n\nPeace Network\nKorean Sharing Movement (KSM)\nCivil Peace Forum\n"
    assert [n.name for n in extract_signatories(text)] == [
        "Peace Network",
        "Korean Sharing Movement (KSM)",
        "Civil Peace Forum",
    ]
