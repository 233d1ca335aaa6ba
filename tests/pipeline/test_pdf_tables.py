"""PDF tables drawn without rules: cells told apart by aligned gaps (pipeline/read/pdf_tables.py)."""

from __future__ import annotations

import io

from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from peacetrack.pipeline import Pipeline, Registry, to_output
from peacetrack.pipeline.read import read_bytes
from peacetrack.pipeline.resources import Resources

# (top, [(x, text), ...]) as a programme without rules sets them: the day only on a day's first row,
# and the fourth session's title wrapped onto a second line set closer than the rows are.
PROGRAMME = [
    (492, [(85, "Day"), (165, "Session"), (462, "Format")]),
    (510, [(85, "Wed., Oct. 30"), (165, "Opening Session: Welcome and keynote remarks"), (462, "Public")]),
    (528, [(165, "Panel 1: What Happened in Hanoi, and Since"), (462, "Public")]),
    (546, [(165, "Evening reception"), (462, "-")]),
    (
        564,
        [(85, "Thu., Oct. 31"), (165, "Workshop A: Sequencing Denuclearization Steps"), (462, "Closed-door")],
    ),
    (582, [(165, "Workshop B: Conventional Arms Control and the Comprehensive")]),
    (594, [(165, "Military Agreement"), (462, "Closed-door")]),
    (612, [(165, "Roundtable with U.S. and ROK Officials"), (462, "Off the record")]),
    (630, [(85, "Fri., Nov. 1"), (165, "Closing Session: Findings"), (462, "Public")]),
]


def _pdf(rows: list[tuple[int, list[tuple[int, str]]]], before: list[str] = ()) -> bytes:  # type: ignore[assignment]
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setFont("Helvetica", 10)
    for k, line in enumerate(before):
        canvas.drawString(72, A4[1] - 80 - 14 * k, line)
    for top, cells in rows:
        for x, text in cells:
            canvas.drawString(x, A4[1] - top, text)
    canvas.save()
    return out.getvalue()


def test_a_programme_drawn_without_rules_reads_as_table_rows_with_wrapped_cells_joined() -> None:
    text = read_bytes(_pdf(PROGRAMME), "programme.pdf").text
    assert "Day | Session | Format" in text.splitlines()
    assert "Wed., Oct. 30 | Opening Session: Welcome and keynote remarks | Public" in text.splitlines()
    assert "Panel 1: What Happened in Hanoi, and Since | Public" in text.splitlines()
    assert (
        "Workshop B: Conventional Arms Control and the Comprehensive Military Agreement | Closed-door"
        in text.splitlines()
    )


def test_sessions_of_an_unruled_programme_table_keep_their_access(resources: Resources) -> None:
    head = [
        "PROGRAMME",
        "",
        "After Hanoi: Sustaining Diplomacy on the Korean Peninsula",
        "",
        "Dates: October 30 - November 1, 2019",
        "Venue: The Stimson Center, Washington, D.C.",
        "Organised by the Stimson Center",
    ]
    pipeline = Pipeline(registry=Registry([]), resources=resources)
    rows = [(470, [(72, "Programme")]), *PROGRAMME]
    result = pipeline.process(read_bytes(_pdf(rows, head), "programme.pdf"))
    sessions = to_output(result)["gatherings"][0]["sessions"]
    access = [str(s["access"]) for s in sessions]
    assert access.count("open") == 3, sessions
    assert access.count("closed") == 3, sessions


def test_a_table_of_contents_stays_lines() -> None:
    contents = [
        (100, [(72, "Session 1"), (150, "Damage along the border"), (500, "9")]),
        (118, [(72, "Session 2"), (150, "Safety after the military agreement"), (500, "25")]),
        (136, [(72, "Closing"), (150, "Institutions for a peaceful border"), (500, "41")]),
    ]
    text = read_bytes(_pdf(contents), "contents.pdf").text
    assert " | " not in text
    assert "Damage along the border" in text


def test_prose_in_two_columns_with_a_third_edge_is_no_table() -> None:
    left = [
        "We write as organisations that have worked for",
        "peace on the Korean Peninsula for decades and",
        "who followed the talks closely since the summit",
        "in Singapore in June of the year before last.",
    ]
    right = [
        "We ask you to resume the dialogue without any",
        "preconditions and to offer concrete measures",
        "   such as humanitarian exemptions from sanctions",
        "and adjustments to the military exercises.",
    ]
    rows = [(300 + 14 * k, [(72, a), (320, b)]) for k, (a, b) in enumerate(zip(left, right, strict=True))]
    rows[2] = (rows[2][0], [(72, left[2]), (335, right[2].strip())])
    text = read_bytes(_pdf(rows), "letter.pdf").text
    assert " | " not in text


def test_running_header_and_footer_are_kept_once_under_the_first_block() -> None:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for page in (1, 2):
        canvas.setFont("Helvetica", 9)
        canvas.drawString(72, A4[1] - 30, "Release date: 8 September 2023")
        canvas.drawString(72, 30, "Organised by Sejong Institute | Supported by Korea Foundation")
        canvas.drawString(500, 30, str(page))
        canvas.setFont("Helvetica", 11)
        canvas.drawString(72, 700, f"Body text of page {page} about the programme of the seminar.")
        canvas.showPage()
    canvas.save()
    lines = [line for line in read_bytes(out.getvalue(), "notice.pdf").text.splitlines() if line]
    # Under the first block (the title's place), never above it.
    assert lines[:3] == [
        "Body text of page 1 about the programme of the seminar.",
        "Release date: 8 September 2023",
        "Organised by Sejong Institute | Supported by Korea Foundation",
    ]
    assert sum("Release date" in line for line in lines) == 1
    assert "Body text of page 2 about the programme of the seminar." in lines
    assert "1" not in lines and "2" not in lines


def test_a_paragraph_under_an_unruled_table_is_not_its_rows() -> None:
    rows = [
        (100, [(72, "Time"), (130, "Session"), (330, "Speaker"), (470, "Room")]),
        (114, [(72, "09:00"), (130, "Opening Session: Welcome"), (330, "Kim Min-ji"), (470, "Hall A")]),
        (128, [(72, "10:00"), (130, "Panel 1: Sanctions"), (330, "Lee Jun"), (470, "Hall B")]),
        (142, [(72, "11:30"), (130, "Panel 2: Humanitarian aid"), (330, "Park Soo"), (470, "Hall A")]),
        (156, [(72, "The forum was held at the Stimson Center in Washington and brought together")]),
        (170, [(72, "some 120 participants from civil society, government and academia.")]),
    ]
    lines = read_bytes(_pdf(rows), "forum.pdf").text.splitlines()
    assert "Time | Session | Speaker | Room" in lines
    assert not any(line.startswith("The forum was held") and " | " in line for line in lines)
    assert any(line.startswith("The forum was held") and "120 participants" in line for line in lines)
