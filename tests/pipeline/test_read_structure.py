"""Readers keep the document's structure: paragraphs rebuilt, lists and table cells kept apart."""

from __future__ import annotations

import io
from pathlib import Path

import docx
from reportlab.lib import colors
from reportlab.lib.enums import TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle, getSampleStyleSheet
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from peacetrack.pipeline.read import read_bytes

PROSE = (
    "We write as civil society organisations from Korea, Japan and the United States that work for a "
    "peaceful settlement on the Korean Peninsula and for the well-being of the people who live there, "
    "north and south of the dividing line, and we ask the Council to reconsider its approach to exemptions. "
)


def _running_header(canvas: Canvas, doc: SimpleDocTemplate) -> None:
    canvas.saveState()
    canvas.setFont("Helvetica", 8)
    canvas.drawString(72, A4[1] - 40, "Korea Peace Appeal - Joint letter on humanitarian exemptions")
    canvas.drawRightString(A4[0] - 72, 30, f"Page {doc.page}")
    canvas.restoreState()


def _letter_pdf() -> bytes:
    styles = getSampleStyleSheet()
    body = ParagraphStyle("body", parent=styles["BodyText"], alignment=TA_JUSTIFY, fontSize=10.5, leading=14)
    table = Table([["Organisation", "Country"], ["Peace Boat*", "Japan"], ["Women Cross DMZ", "USA"]])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    story = [
        Paragraph("Open Letter", styles["Title"]),
        Paragraph(PROSE * 3, body),
        Spacer(1, 8),
        Paragraph("1. to extend the validity of humanitarian exemptions;", body),
        Paragraph("2. to publish a standing list of items;", body),
        Spacer(1, 330),
        Paragraph(PROSE * 3, body),
        table,
    ]
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build(
        story, onFirstPage=_running_header, onLaterPages=_running_header
    )
    return out.getvalue()


def test_pdf_paragraphs_lists_and_tables() -> None:
    text = read_bytes(_letter_pdf(), "letter.pdf").text
    blocks = text.split("\n\n")
    # The title first; the running header once, under it (it may say what no page does); page numbers gone.
    assert blocks[:2] == ["Open Letter", "Korea Peace Appeal - Joint letter on humanitarian exemptions"]
    assert text.count("Korea Peace Appeal") == 1 and "Page 1" not in text
    # Wrapped prose is one paragraph again, even across the page break.
    assert blocks[2] == (PROSE * 3).strip()
    assert blocks.count((PROSE * 3).strip()) == 2
    assert "1. to extend the validity of humanitarian exemptions;" in blocks
    assert "2. to publish a standing list of items;" in blocks
    # Table cells stay cells.
    assert blocks[-1].splitlines() == [
        "Organisation | Country",
        "Peace Boat* | Japan",
        "Women Cross DMZ | USA",
    ]


def _lines_pdf(lines: list[str]) -> bytes:
    """A page with these lines set one under another at the left margin."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    for k, line in enumerate(lines):
        canvas.drawString(72, 700 - 14 * k, line)
    canvas.save()
    return out.getvalue()


def test_pdf_hyphenated_line_ends_are_joined() -> None:
    lines = [
        "The two Koreas agreed to convert the demilitarized zone into a peace-",
        "ful zone and to cease all hostile acts against each other along the",
        "military demarcation line, starting from the first of May this year.",
    ]
    text = read_bytes(_lines_pdf(lines), "wrapped.pdf").text
    assert "into a peaceful zone and to cease" in text
    assert "\n" not in text


def _docx(build: object) -> bytes:
    document = docx.Document()
    build(document)  # type: ignore[operator]
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_docx_word_numbering_and_bullets_are_written_out() -> None:
    def build(document: docx.document.Document) -> None:
        document.add_paragraph("We call on the parties:")
        for item in ("to restore the hotlines", "to resume talks", "to end the exercises"):
            document.add_paragraph(item, style="List Number")
        document.add_paragraph("Signed by:")
        for item in ("Peace Boat", "Women Cross DMZ"):
            document.add_paragraph(item, style="List Bullet")

    lines = read_bytes(_docx(build), "letter.docx").text.split("\n\n")
    assert lines == [
        "We call on the parties:",
        "1. to restore the hotlines",
        "2. to resume talks",
        "3. to end the exercises",
        "Signed by:",
        "• Peace Boat",
        "• Women Cross DMZ",
    ]


def test_docx_tables_keep_cells_and_merged_cells_once() -> None:
    def build(document: docx.document.Document) -> None:
        table = document.add_table(rows=3, cols=3)
        table.cell(0, 0).text = "Organisation"
        table.cell(0, 1).text = "Country"
        table.cell(0, 2).text = "Note"
        table.cell(1, 0).text = "참여연대"
        table.cell(1, 1).text = "Korea"
        table.cell(2, 0).merge(table.cell(2, 2)).text = "Individuals follow"

    text = read_bytes(_docx(build), "table.docx").text
    assert text.splitlines() == ["Organisation | Country | Note", "참여연대 | Korea", "Individuals follow"]


def test_korean_text_in_cp949_and_euc_kr() -> None:
    body = "참여 단체\n참여연대\n평화네트워크\n한국진보연대\n\n2024년 3월 1일"
    for encoding in ("cp949", "euc-kr"):
        assert read_bytes(body.encode(encoding), "letter.txt").text == body


def test_html_keeps_lists_and_tables_and_drops_page_furniture() -> None:
    page = """<!doctype html><html><head><title>Joint letter</title><script>track()</script></head><body>
    <nav><ul><li>Home</li><li>Statements</li></ul></nav>
    <div class="cookie-banner">We use cookies. <button>Accept</button></div>
    <main><article><h1>Joint letter on the military agreement</h1>
    <p>We, the undersigned organisations, call on both governments to restore the military agreement and
    to stop every hostile act along the border, for the sake of the people who live there.</p>
    <ol><li>Restore the agreement in full.</li><li>Reopen the liaison channels.</li></ol>
    <h2>Signatories</h2>
    <table><tr><th>Organisation</th><th>Country</th></tr><tr><td>Peace Boat</td><td>Japan</td></tr>
    <tr><td>참여연대</td><td>Republic of Korea</td></tr></table></article></main>
    <footer>© 2024 Peace Network · 16 Jahamunro, Seoul</footer></body></html>"""
    blocks = read_bytes(page.encode("utf-8"), "letter.html").text.split("\n\n")
    assert "1. Restore the agreement in full.\n2. Reopen the liaison channels." in blocks
    assert "Organisation | Country\nPeace Boat | Japan\n참여연대 | Republic of Korea" in blocks
    text = "\n".join(blocks)
    assert "cookies" not in text and "Home" not in text and "©" not in text and "track()" not in text


def test_docx_superscript_footnote_marks_stay_apart_from_the_name() -> None:
    def build(document: docx.document.Document) -> None:
        paragraph = document.add_paragraph("Peace Boat")
        paragraph.add_run("1").font.superscript = True
        document.add_paragraph("1 In consultative status with ECOSOC.")

    assert read_bytes(_docx(build), "letter.docx").text.split("\n\n")[0] == "Peace Boat¹"


def test_browser_printed_pdf_is_not_dated_by_its_printing() -> None:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.drawString(40, A4[1] - 30, "12/6/26, 12:45 PM North Korea cuts hotlines | News")
    canvas.drawString(72, A4[1] - 120, "North Korea did not answer the liaison office's calls on Tuesday.")
    canvas.save()
    document = read_bytes(out.getvalue(), "printed.pdf")
    assert document.text.startswith("12/6/26, 12:45 PM")
    assert document.date is None  # the info dictionary's CreationDate is the print date


def test_pdf_control_characters_drawn_as_spaces_read_as_spaces() -> None:
    from peacetrack.pipeline.read.pdf import _spaced

    assert _spaced("바다로\x01잇는\x01평화,\x01부산에서") == "바다로 잇는 평화, 부산에서"
    assert _spaced("line\x01\x01\x01end") == "line end"


def test_raised_footnote_marks_stay_with_their_names_in_pdf_html_and_docx_headers() -> None:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 700, "Peace Boat , Peace Network")
    canvas.setFont("Helvetica", 7)
    canvas.drawString(72 + canvas.stringWidth("Peace Boat", "Helvetica", 11), 704, "1")
    canvas.setFont("Helvetica", 11)
    canvas.drawString(72, 680, "1 Organisation in consultative status with ECOSOC.")
    canvas.save()
    assert read_bytes(out.getvalue(), "marks.pdf").text.startswith("Peace Boat¹, Peace Network")
    html = b"<html><body><article><p>Signed: PSPD<sup>1</sup>; Peace Network</p></article></body></html>"
    assert "PSPD¹; Peace Network" in read_bytes(html, "marks.html").text

    def build(document: docx.document.Document) -> None:
        document.sections[0].header.paragraphs[0].text = "Programme as of 21 October 2024"
        document.add_paragraph("Humanitarian Engagement with the DPRK")
        document.add_paragraph("Friday 8 and Saturday 9 November")

    assert read_bytes(_docx(build), "programme.docx").text.split("\n\n") == [
        "Humanitarian Engagement with the DPRK",
        "Programme as of 21 October 2024",
        "Friday 8 and Saturday 9 November",
    ]


_EVENT_BODY = " ".join(
    f"<p>{sentence}</p>"
    for sentence in (
        "Five years after the summit in Singapore, former negotiators, historians and regional experts meet "
        "to ask what the joint statement achieved and where it fell short, and whether any of its pillars "
        "can still serve as a basis for diplomacy between the two countries and their neighbours.",
        "The public programme draws on newly released documents from the archive of the Center, and the "
        "roundtable in the morning brings together members of former negotiating teams for a frank talk.",
    )
)


def test_html_rowspans_keep_their_columns_and_a_cell_break_keeps_its_words_apart() -> None:
    page = f"""<html><body><main><article><h1>Letter</h1>{_EVENT_BODY}
    <table><tr><th>구분</th><th>단체명</th><th>국가</th></tr>
    <tr><td rowspan="2">국내</td><td>참여연대</td><td>한국</td></tr>
    <tr><td>평화네트워크</td><td>한국</td></tr>
    <tr><td>해외</td><td>피스보트</td><td>일본</td></tr></table>
    <table><tr><th>Time</th><th>Session</th></tr>
    <tr><td>10:00</td><td><strong>Roundtable</strong><br><em>By invitation only.</em></td></tr>
    <tr><td>11:00</td><td>Panel I</td></tr></table></article></main></body></html>"""
    text = read_bytes(page.encode("utf-8"), "page.html").text
    assert (
        "구분 | 단체명 | 국가\n국내 | 참여연대 | 한국\n국내 | 평화네트워크 | 한국\n해외 | 피스보트 | 일본"
        in text
    )
    assert "10:00 | Roundtable By invitation only." in text


def test_html_title_band_above_the_body_is_kept() -> None:
    page = f"""<html><body><nav><a href="/">Home</a> <a href="/events">Events</a></nav>
    <div class="event-hero"><p class="eyebrow">Hybrid Event</p><h1>Five Years after Singapore</h1>
    <p class="event-date"><strong>Monday, June 12, 2023</strong> 1:00pm ET</p>
    <div class="share-tools">Share <a href="#">Facebook</a></div></div>
    <div id="main"><div class="event-main"><h2>Overview</h2>{_EVENT_BODY}</div></div>
    <footer>© Wilson Center</footer></body></html>"""
    text = read_bytes(page.encode("utf-8"), "event.html").text
    head = text.split("\n\n")[:3]
    assert head == ["Hybrid Event", "Five Years after Singapore", "Monday, June 12, 2023 1:00pm ET"]
    assert "Facebook" not in text and "Home" not in text


def test_pdf_footnote_marks_in_table_cells_and_before_a_legend_are_kept() -> None:
    out = io.BytesIO()
    body = getSampleStyleSheet()["BodyText"]
    rows = [["No.", "Organisation", "Country"]] + [
        [str(k), Paragraph(name, body), country]
        for k, (name, country) in enumerate(
            [("Peace Boat<super>1</super>", "Japan"), ("Peace Network", "Korea"), ("Medact", "UK")], start=1
        )
    ]
    table = Table(rows, colWidths=[40, 250, 100])
    table.setStyle(TableStyle([("GRID", (0, 0), (-1, -1), 0.5, colors.black)]))
    legend = Paragraph("<super>1</super> Organisation in consultative status with ECOSOC.", body)
    SimpleDocTemplate(out, pagesize=A4).build([table, Spacer(1, 12), legend])
    text = read_bytes(out.getvalue(), "table.pdf").text
    assert "1 | Peace Boat¹ | Japan" in text
    assert "¹ Organisation in consultative status" in text or "¹Organisation in consultative status" in text


def _two_column_pdf() -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 800, "PEACE BULLETIN No. 7")
    canvas.drawRightString(A4[0] - 72, 800, "27 July 2023")
    canvas.drawString(72, 760, "We urge an end to the Korean War and a peace agreement without delay.")
    canvas.drawString(72, 730, "Signatories")
    left = ["1. Korea Peace Now! Grassroots Network", "2. Women Cross DMZ", "3. Veterans For Peace"]
    right = ["4. American Friends Service Committee", "5. Peace Action New York State", "6. Pax Christi USA"]
    for k, (a, b) in enumerate(zip(left, right, strict=True)):
        canvas.drawString(72, 710 - 14 * k, a)
        canvas.drawString(320, 710 - 14 * k, b)
    # An item wrapped under its text, past its number (a hanging indent), in each column.
    canvas.drawString(72, 668, "8. Church of the Brethren, Office of")
    canvas.drawString(320, 668, "7. Global Ministries of the Christian Church")
    canvas.drawString(90, 654, "Peacebuilding and Policy")
    canvas.drawString(338, 654, "(Disciples of Christ)")
    # A label column and its values: kept line by line, each label beside its value.
    for k, (label, value) in enumerate(
        [("Date", "27 July 2023"), ("Venue", "Seoul"), ("Host", "Peace Network")]
    ):
        canvas.drawString(72, 600 - 14 * k, label)
        canvas.drawString(320, 600 - 14 * k, value)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def test_pdf_two_columns_are_read_one_after_the_other() -> None:
    lines = [line for line in read_bytes(_two_column_pdf(), "letter.pdf").text.split("\n") if line]
    assert lines[0] == "PEACE BULLETIN No. 7 27 July 2023"  # the page's first line stays whole
    start = lines.index("1. Korea Peace Now! Grassroots Network")
    assert lines[start : start + 8] == [
        "1. Korea Peace Now! Grassroots Network",
        "2. Women Cross DMZ",
        "3. Veterans For Peace",
        "8. Church of the Brethren, Office of Peacebuilding and Policy",
        "4. American Friends Service Committee",
        "5. Peace Action New York State",
        "6. Pax Christi USA",
        "7. Global Ministries of the Christian Church (Disciples of Christ)",
    ]
    assert lines[-3:] == ["Date 27 July 2023", "Venue Seoul", "Host Peace Network"]


def test_pdf_wrapped_line_joined_though_a_page_number_stands_further_right() -> None:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 700, "Women Cross DMZ; Korea Peace Now! Grassroots Network; Nodutdol; Presbyterian")
    canvas.drawString(72, 686, "Church (U.S.A.), Office of Public Witness; Win Without War")
    canvas.drawRightString(A4[0] - 30, 30, "Letter to Congress 1")  # in the footer band, far right
    canvas.showPage()
    canvas.save()
    text = read_bytes(out.getvalue(), "letter.pdf").text
    assert "Presbyterian Church (U.S.A.), Office of Public Witness" in text


def test_pdf_legend_under_a_full_width_line_is_a_line_of_its_own() -> None:
    # A numbered list set in two columns fills its lines to the margin; the legend under it opens with its
    # mark and is a note, not the rest of the last line.
    lines = [
        "The undersigned organisations ask both governments to return to the table.",
        "1. Peace Network Foundation of Korea              2. Korean Sharing Movement",
        "3. Women Making Peace                            4. Citizens' Peace Forum of Seoul",
        "† In consultative status.",
    ]
    text = read_bytes(_lines_pdf(lines), "list.pdf").text
    assert text.split("\n")[-1] == "† In consultative status."


def test_html_page_whose_main_text_came_back_flat_keeps_its_lists_and_table() -> None:
    # trafilatura falls back to an extractor that writes each list item and table cell as a paragraph on
    # a page like this one; the reader then takes the page's own structure, without its sidebar.
    page = (Path(__file__).parent / "corpus" / "html" / "flattened-letter.html").read_bytes()
    lines = read_bytes(page, "letter.html").text.split("\n")
    assert "• Nobel Women's Initiative" in lines
    assert "Peace Boat (ECOSOC) | Japan" in lines
    assert not any("Older post" in line for line in lines)


def test_html_definition_list_reads_as_label_lines() -> None:
    page = (
        "<html><body><article><h1>평화 포럼 안내</h1>"
        "<p>이번 포럼에서는 9·19 군사합의 이후의 접경지역을 돌아봅니다. 많은 참여 바랍니다.</p>"
        "<dl><dt>일시</dt><dd>2024년 4월 25일(목) 오후 2시</dd><dt>주최</dt>"
        "<dd>참여연대, 평화네트워크</dd><dt>후원</dt><dd>4·9통일평화재단</dd></dl></article></body></html>"
    )
    lines = read_bytes(page.encode(), "notice.html").text.split("\n")
    assert "주최: 참여연대, 평화네트워크" in lines and "후원: 4·9통일평화재단" in lines


def _korean_canvas() -> tuple[io.BytesIO, Canvas]:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont

    pdfmetrics.registerFont(UnicodeCIDFont("HYSMyeongJo-Medium"))
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setFont("HYSMyeongJo-Medium", 10)
    canvas.drawString(60, 800, "공동성명 | 2023. 7. 27.")
    return out, canvas


def _text(out: io.BytesIO, canvas: Canvas) -> list[str]:
    canvas.showPage()
    canvas.save()
    return [line for line in read_bytes(out.getvalue(), "list.pdf").text.split("\n") if line]


def test_pdf_short_korean_names_in_two_columns_with_a_heading_between_blocks() -> None:
    out, canvas = _korean_canvas()
    canvas.drawString(62, 760, "서명 단체")
    names = [
        ("참여연대", "평화네트워크"),
        ("녹색연합", "흥사단"),
        ("월드비전", "겨레하나"),
        ("유진벨재단", "환경운동연합"),
    ]
    people = [
        ("이정민 (교수)", "정다운 (학생)"),
        ("박소영 (의사)", "한상철 (목사)"),
        ("김혜란 (변호사)", "오경희 (활동가)"),
    ]
    y = 740
    for a, b in names:
        canvas.drawString(56, y, a)
        canvas.drawString(300, y, b)
        y -= 14
    canvas.drawString(62, y - 4, "[개인]")  # a heading across both columns, set a little in
    y -= 22
    for a, b in people:
        canvas.drawString(56, y, a)
        canvas.drawString(300, y, b)
        y -= 14
    lines = _text(out, canvas)
    start = lines.index("참여연대")
    left, right = [a for a, _ in names], [b for _, b in names]
    assert lines[start:] == [*left, *right, "[개인]", *(a for a, _ in people), *(b for _, b in people)]


def test_pdf_bilingual_table_of_names_keeps_its_rows() -> None:
    out, canvas = _korean_canvas()
    rows = [
        ("한국여성단체연합", "Korea Women's Associations United"),
        ("평화를만드는여성회", "Women Making Peace"),
        ("한국YWCA연합회", "YWCA of Korea"),
        ("전국여성연대", "Korean Women's Alliance"),
    ]
    for k, (ko, en) in enumerate(rows):
        canvas.drawString(78, 700 - 18 * k, ko)
        canvas.drawString(265, 700 - 18 * k, en)
    text = " ".join(_text(out, canvas))
    assert all(f"{ko} {en}" in text for ko, en in rows)  # each name beside its translation


def test_pdf_column_list_items_join_only_where_the_words_run_on() -> None:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(72, 800, "Signatories")
    left = [
        "Korean Conference of Religions for Peace",  # ends near the column's edge, yet whole
        "Women's International League for Peace and",
        "Freedom (ECOSOC)",
        "People's Solidarity for Participatory Democracy",
        "(ECOSOC)",
        "Korean Sharing Movement",
    ]
    right = ["Campaign for Nuclear Disarmament", "Quaker Peace & Social Witness", "Australia", "Pax Christi"]
    for k, name in enumerate(left):
        canvas.drawString(76, 770 - 13 * k, name)
    canvas.drawString(315, 770, "United Kingdom")  # the right column's heading stands out left of its items
    for k, name in enumerate(right):
        canvas.drawString(315 if name == "Australia" else 323, 757 - 13 * k, name)
    canvas.showPage()
    canvas.save()
    lines = [line for line in read_bytes(out.getvalue(), "list.pdf").text.split("\n") if line]
    assert lines[1:] == [
        "Korean Conference of Religions for Peace",
        "Women's International League for Peace and Freedom (ECOSOC)",
        "People's Solidarity for Participatory Democracy (ECOSOC)",
        "Korean Sharing Movement",
        "United Kingdom",
        "Campaign for Nuclear Disarmament",
        "Quaker Peace & Social Witness",
        "Australia",
        "Pax Christi",
    ]


def test_pdf_raised_footnote_mark_with_a_bracket_keeps_the_columns() -> None:
    out, canvas = _korean_canvas()
    rows = [
        ("참여연대", "평화와통일을여는사람들"),
        ("평화네트워크", "녹색연합"),
        ("평화를만드는여성회", "환경운동연합"),
    ]
    for k, (a, b) in enumerate(rows):
        canvas.setFont("HYSMyeongJo-Medium", 10)
        canvas.drawString(56, 700 - 14 * k, a)
        canvas.drawString(300, 700 - 14 * k, b)
    canvas.setFont("HYSMyeongJo-Medium", 6)
    canvas.drawString(56 + canvas.stringWidth("참여연대", "HYSMyeongJo-Medium", 10), 704, "1)")
    canvas.setFont("HYSMyeongJo-Medium", 10)
    canvas.drawString(62, 640, "1) 유엔 경제사회이사회(ECOSOC) 협의지위 단체")
    lines = _text(out, canvas)
    start = lines.index("참여연대¹")
    assert lines[start : start + 6] == ["참여연대¹", *(a for a, _ in rows[1:]), *(b for _, b in rows)]


# A Korean board page on which the main-text step (trafilatura) stops at the list and drops the programme
# table after it: a spent holdout's page, kept in the repository with its gold.
_BOARD_PAGE = Path(__file__).parents[2] / "bench" / "ingest_gold" / "holdout13" / "ko-programme-16.html"


def test_html_content_box_is_read_whole_where_the_main_text_stopped_at_a_list() -> None:
    text = read_bytes(_BOARD_PAGE.read_bytes(), "notice.html").text
    assert "15:10~16:10 | 세션 1 | 「종전선언과 평화협정: 법적·제도적 쟁점」" in text
    assert "• 공동주최: 한국YMCA전국연맹, 평화네트워크, 겨레하나" in text
    assert "로그인" not in text and "카카오톡" not in text and "사이트맵" not in text


def test_pdf_list_numbered_without_stops_keeps_its_items_apart() -> None:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setFont("Helvetica", 10)
    canvas.drawString(
        64, 800, "We write to urge a return to dialogue without preconditions, and we sign below."
    )
    canvas.drawString(64, 780, "Signatories")
    rows = [
        "1 Women Cross DMZ",
        "2 Korea Peace Now! Grassroots Network",
        # a line that fills the width, as a wrapped one would
        "3 Rev. Daniel Moon-Hale, Pastor, Koreatown United Church of Los Angeles, California, USA",
        "4 Dr. Soyeon Lim, Lecturer in Peace Studies, Seoul",
    ]
    for k, row in enumerate(rows):
        canvas.drawString(64, 760 - 14 * k, row)
    canvas.drawString(64, 690, "2019 was the year the talks stalled.")
    canvas.showPage()
    canvas.save()
    lines = read_bytes(out.getvalue(), "list.pdf").text.split("\n")
    start = lines.index("1. Women Cross DMZ")
    assert lines[start : start + 4] == [row.replace(" ", ". ", 1) for row in rows]
    assert "2019 was the year the talks stalled." in lines  # a year opening a line is no item


def test_html_content_box_never_starts_from_the_head_title() -> None:
    # The article's h1 repeats the page's <title>: the content box is found under <body>, not from <head>,
    # so the posts list and contact table beside the article stay out.
    paras = "".join(
        f"<p>Paragraph {i}: the civil society groups urged both governments to resume talks and to end the "
        "state of war on the peninsula without delay.</p>"
        for i in range(6)
    )
    page = (
        "<html><head><title>Joint Statement on the Armistice Anniversary</title></head><body>"
        '<div class="wrap"><div class="content"><article>'
        "<h1>Joint Statement on the Armistice Anniversary</h1>"
        f"{paras}<p>We call on:</p><ul><li>the United States to sign a peace agreement</li>"
        "<li>North Korea to return to talks</li></ul><p>Signed by the undersigned organisations.</p>"
        '</article></div><div class="more-posts"><h3>Latest posts</h3><ul><li>Another post about something '
        "else entirely</li><li>Third post title here for the list</li><li>Fourth post title</li></ul>"
        "<table><tr><td>Contact</td><td>info@example.org</td></tr><tr><td>Phone</td><td>02-123-4567</td></tr>"
        "</table></div></div></body></html>"
    )
    text = read_bytes(page.encode(), "statement.html").text
    assert "North Korea to return to talks" in text
    assert "Latest posts" not in text and "info@example.org" not in text


def test_pdf_day_first_dates_at_line_starts_are_no_numbered_list() -> None:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=A4)
    canvas.setFont("Helvetica", 10)
    rows = [
        "1 August 2024 Gathering of the coalition in Seoul",
        "2 August 2024 Visit to the border villages",
        "3 August 2024 Closing session and statement",
    ]
    for k, row in enumerate(rows):
        canvas.drawString(64, 760 - 14 * k, row)
    canvas.showPage()
    canvas.save()
    assert read_bytes(out.getvalue(), "dates.pdf").text.split("\n") == rows


# A spent holdout's page (holdout22 en-statement-02.html), kept here so the tests do not read the gold corpus.
_HEADINGS_DROPPED = Path(__file__).parent / "corpus" / "statement-headings-dropped.html"


def test_html_title_band_stops_where_the_body_begins() -> None:
    # A spent holdout's page: its h1 shares a box with the body, whose h2s ("Our calls", "Signatories")
    # the main-text step dropped; they are no part of the title band.
    page = _HEADINGS_DROPPED
    head = read_bytes(page.read_bytes(), "statement.html").text.split("\n\n")[:4]
    assert head[0].startswith("Joint Statement: Stop the Balloons")
    assert "Our calls" not in head and "Signatories" not in head


def test_pdf_two_columns_of_korean_names_under_group_headings_with_odd_last_names() -> None:
    out, canvas = _korean_canvas()
    canvas.drawString(73, 760, "아래 참가 단체 일동")
    rows: list[tuple[str, str | None]] = [
        ("【시민사회】", None),
        ("겨레하나", "평화네트워크"),
        ("군인권센터", "평화와통일을여는사람들"),
        ("녹색연합", "한국진보연대"),
        ("민주사회를위한변호사모임†", "환경운동연합"),
        ("참여연대†", None),
        ("【노동농민】", None),
        ("전국농민회총연맹", "한국노동조합총연맹"),
        ("전국민주노동조합총연맹", None),
    ]
    y = 740
    for left, right in rows:
        canvas.drawString(73, y, left)
        if right is not None:
            canvas.drawString(300, y, right)
        y -= 14
    lines = _text(out, canvas)
    start = lines.index("【시민사회】")
    assert lines[start : start + 6] == [
        "【시민사회】",
        "겨레하나",
        "군인권센터",
        "녹색연합",
        "민주사회를위한변호사모임†",
        "참여연대†",
    ]
    assert "평화네트워크" in lines and "겨레하나 평화네트워크" not in " ".join(lines)


def test_pdf_three_columns_of_names_are_read_one_after_the_other() -> None:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(612, 792))
    canvas.setFont("Helvetica", 8)
    canvas.drawString(72, 720, "We urge the House to pass the resolution. Signed by these veterans:")
    columns = [
        [
            "Harold J. Brennan (Korea, 1952-53)",
            "Luis Ortega (Army, 1969-71)",
            "Walter Kim (Army, 1976-77)",
            "Raymond Cho (Army, 1966-68)",
        ],
        [
            "George Albrecht (Army, 1958-60)",
            "Michael Santangelo (Navy, 1990-96)",
            "Curtis Bell (Air Force)",
            "Dennis O'Hara (USMC, 2001-05)",
        ],
        [
            "Irene Fletcher (Navy, 1981-85)",
            "Stanley Tran (Army, 1992-96)",
            "Samuel Whitaker (Army)",
            "Paul Stroud (Navy, 1962-66)",
        ],
    ]
    for x, names in zip((72, 229, 385), columns, strict=True):
        for k, name in enumerate(names):
            canvas.drawString(x, 690 - 14 * k, name)
    canvas.showPage()
    canvas.save()
    lines = [line for line in read_bytes(out.getvalue(), "veterans.pdf").text.split("\n") if line]
    names = [name for column in columns for name in column]
    assert [line for line in lines if line in names] == names


def test_html_event_details_in_an_aside_are_read_under_the_title() -> None:
    body = " ".join(
        ["Join feminist peace activists and scholars for a conversation on the peace process."] * 6
    )
    page = (
        "<html><head><title>Women's Voices to End the Korean War</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/events'>Events</a></nav><div class='wrap'><main>"
        "<h1>Women's Voices to End the Korean War</h1><p>Posted July 6, 2021</p>"
        f"<p>{body}</p><p>{body}</p></main><aside><div class='event-box'><h3>Event details</h3>"
        "<p><strong>Date:</strong> Tuesday, July 27, 2021<br><strong>Time:</strong> 8:00-9:30 pm EDT<br>"
        "<strong>Where:</strong> Online via Zoom Webinar</p></div>"
        "<h4>Upcoming events</h4><ul><li>Aug 15: Liberation Day vigil</li></ul></aside></div>"
        "<footer>© 2021 Women Cross DMZ</footer></body></html>"
    )
    text = read_bytes(page.encode(), "event.html").text
    blocks = text.split("\n\n")
    assert blocks[1].splitlines() == [
        "Date: Tuesday, July 27, 2021",
        "Time: 8:00-9:30 pm EDT",
        "Where: Online via Zoom Webinar",
    ]
    assert "Liberation Day vigil" not in text


def test_html_subheadings_kept_by_the_main_text_stay_once_and_a_sidebars_stay_out() -> None:
    prose = " ".join([PROSE] * 3)
    page = f"""<html><body><nav><a href="/">Home</a></nav>
    <div class="container"><h1>Joint Statement on the Border</h1><p>{prose}</p><p>{prose}</p>
    <h2>Signatories</h2><div class="groups">
    <h4>International</h4><ul><li>Peace Boat</li><li>Pax Christi International</li>
    <li>Nonviolent Peaceforce</li></ul>
    <h4>United States</h4><ul><li>Women Cross DMZ</li><li>Peace Action</li><li>Win Without War</li></ul>
    </div><p>{prose}</p></div>
    <div class="sidebar"><h3>Recent Posts</h3><ul><li><a href="/a">Older post</a></li></ul></div>
    <footer>© Korea Peace Now</footer></body></html>"""
    blocks = read_bytes(page.encode("utf-8"), "statement.html").text.split("\n\n")
    start = blocks.index("Signatories")
    assert blocks[start : start + 5] == [
        "Signatories",
        "International",  # a whole line of its own, though "Pax Christi International" is kept
        "• Peace Boat\n• Pax Christi International\n• Nonviolent Peaceforce",
        "United States",
        "• Women Cross DMZ\n• Peace Action\n• Win Without War",
    ]
    assert "Recent Posts" not in blocks


def test_html_subheadings_the_main_text_dropped_are_put_back_before_their_lists() -> None:
    # The spent holdout page above: the main-text step kept its lists but none of its h2 and h4 headings.
    page = _HEADINGS_DROPPED
    blocks = read_bytes(page.read_bytes(), "statement.html").text.split("\n\n")
    assert blocks[blocks.index("Our calls") + 1].startswith("• The Government of the DPRK should stop")
    start = blocks.index("Signatories")
    assert blocks[start + 1 : start + 3] == [
        "International",
        "• Peace Boat\n• Women's International League for Peace and Freedom\n• Pax Christi International"
        "\n• Nonviolent Peaceforce",
    ]
    assert [b for b in blocks if b in ("United States", "Republic of Korea", "Japan")] == [
        "United States",
        "Republic of Korea",
        "Japan",
    ]
    assert "You may also be interested in" not in blocks  # a related-posts box's heading


def test_a_heading_put_back_goes_before_the_block_its_short_text_begins_whole() -> None:
    from peacetrack.pipeline.read.html import _headings_back
    from peacetrack.pipeline.read.html_blocks import parse

    page = """<html><body><article><h1>Joint Statement on the Border</h1>
    <p>Peace Boat and Women Cross DMZ today joined more than forty groups in calling for calm.</p>
    <h2>Signatories</h2><ul><li>Peace Boat</li><li>Pax Christi International</li></ul>
    </article></body></html>"""
    blocks = [
        "Joint Statement on the Border",
        "Peace Boat and Women Cross DMZ today joined more than forty groups in calling for calm.",
        "• Peace Boat\n• Pax Christi International",
    ]
    root = parse(page)
    assert root is not None
    assert _headings_back(root, blocks) == [*blocks[:2], "Signatories", blocks[2]]
