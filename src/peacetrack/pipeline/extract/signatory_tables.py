"""Signatories laid out as a table: a name column under a header, or a grid of names without one.

Readers give a table row as its cells joined by `|`. A header row names its columns (단체명 | 지역,
Organisation | Country | ECOSOC status); the name cell is the one headed as a name, else the first that is
not a number, and a status column marks the row's signatory. A table without a header whose every cell is
a name is a grid: each cell is a signatory.
"""

from __future__ import annotations

import re

from peacetrack.model.languages import is_hangul
from peacetrack.pipeline.extract.ecosoc import ECOSOC
from peacetrack.pipeline.extract.names import ORGANISATION, split_list
from peacetrack.pipeline.extract.signatory_lines import Line, Name, count_separators, unmark

_HEADER_WORD = (
    r"(?:no\.?|#|번호|순번|연번|일련번호|organi[sz]ations?(?:\s+name)?|(?:full\s+)?names?|country|location|city|region"
    r"|type|category|sector|field|affiliation|title|position|role|signator(?:y|ies)|(?:서명|참여|연명)\s*단체|단체명?"
    r"|기관명?|이름|성명|(?:참여|서명|연명)?\s*명단|소속|직함|직위"
    r"|직책|국가|지역|구분|분야|부문|분류|비고|ecosoc(?:\s+(?:consultative\s+)?status)?|(?:consultative\s+)?status)"
)
# A header cell is a header word, or several joined ("소속·직함", "Title / Affiliation").
TABLE_HEADER = re.compile(
    rf"^{_HEADER_WORD}(?:\s*(?:[·ㆍ/&,]|and|및)\s*{_HEADER_WORD})*$",
    re.IGNORECASE,
)
_NAME_COLUMN = re.compile(
    r"^(?:organi[sz]ation(?:\s+name)?|(?:full\s+)?name|signator(?:y|ies)|(?:서명|참여|연명)\s*단체|단체명?|기관명?|이름"
    r"|성명|(?:참여|서명|연명)?\s*명단)$",
    re.IGNORECASE,
)
# A person in a cell: "김서윤 (평화교육 활동가)", "Kim Min-ji (Peace Network)", "Kim Min-ji, Peace Network".
_PERSON_CELL = re.compile(r"^(?:[가-힣]{2,4}|[A-Z][a-z]+(?:[ -][A-Z][a-z]+){1,3})\s*(?:\(|,)")
_PLACE_CELL = re.compile(
    r",\s*[A-Z]{2}$|\b(?:korea|japan|china|united\s+states|usa|u\.s\.|germany|france|canada|australia|mongolia"
    r"|philippines|taiwan|united\s+kingdom|uk|switzerland|belgium|netherlands|norway|sweden|international|regional"
    r"|nationwide|global|national)\b|^(?:국제|국내|미국|일본|중국|독일|한국|대한민국|영국|프랑스|캐나다|호주|전국|지역|종교|시민사회"
    r"|인도지원|여성|청년|노동|평화|통일|환경|인권|교육|보건|농업|문화)$|[가-힣]{1,4}(?:시|도|군|구)$",
    re.IGNORECASE,
)


_GROUP_COLUMN = re.compile(
    r"^(?:구분|분류|분야|부문|지역|국가|type|category|sector|region|country)$", re.IGNORECASE
)


def is_name_grid(rows: list[str]) -> bool:
    """A table without a header whose every cell is a signatory: names laid out in a grid.

    Told from a name-and-location or name-and-field table by its cells: three or more a row, none
    repeated (a location or field column repeats), no numbers; two a row only when most cells look
    like organisations or people."""
    cells = [[cell.strip() for cell in row.split("|")] for row in rows]
    values = [value for row in cells for value in row if value]
    if not values or len(set(values)) < len(values) or any(re.fullmatch(r"[\d.)]+", v) for v in values):
        return False
    if any(count_separators(v) >= 2 or ECOSOC.search(v) for v in values):
        return False  # a cell holding a list ("종교 | A, B, C") or a status: not a grid of names
    widths = sorted(len(row) for row in cells)
    if widths[len(widths) // 2] >= 3:
        return True
    if widths[0] != 2:
        return False
    named = sum(1 for v in values if ORGANISATION.search(v) or _PERSON_CELL.match(v))
    second = [row[1] for row in cells if len(row) > 1 and row[1]]
    # A location or field column has no organisations in it, and its values look like places.
    return named >= 0.6 * len(values) or (len(second) >= 2 and not any(_PLACE_CELL.search(v) for v in second))


def _korean_led(piece: str) -> bool:
    """A piece that opens with a Hangul syllable or a digit ("녹색연합", "6·15공동선언실천 …")."""
    first = piece.strip()[:1]
    return bool(first) and (first.isdigit() or is_hangul(first))


def _repeat(columns: list[str]) -> int:
    """The width of a header that repeats itself across the row (2 tables side by side), else 0."""
    n = len(columns)
    for period in range(2, n // 2 + 1):
        if n % period == 0 and all(columns[k].strip() == columns[k % period].strip() for k in range(n)):
            return period
    return 0


def row_names(text: str, line: Line, columns: list[str] | None, grid: bool = False) -> list[Name]:
    """A table row: its name cell (the first that is not a number), ECOSOC from a status column;
    in a grid of names, every cell."""
    cells: list[tuple[int, int]] = []
    pos = line.start
    for cell in text[line.start : line.end].split("|"):
        cells.append((pos, pos + len(cell)))
        pos += len(cell) + 1
    if (
        columns is not None
        and len(cells) == len(columns) + 1
        and re.fullmatch(r"\s*\d+[.)]?\s*", text[cells[0][0] : cells[0][1]])
    ):
        cells = cells[1:]  # a row number the header gives no column ("Name | Affiliation" over "1 | A | …")
    if columns is not None and 0 < len(cells) < len(columns) and _GROUP_COLUMN.match(columns[0]):
        # A row under a group cell merged down the first column ("국내 단체" over several rows) has only its
        # last cells: they line up with the header from the right. (A row short of its last cells, an
        # empty note column, lines up from the left as it is.)
        cells = [(line.start, line.start)] * (len(columns) - len(cells)) + cells
    period = _repeat(columns) if columns is not None else 0
    if columns is not None and period and len(cells) == len(columns):
        # Two tables side by side under one header ("연번 | 단체명 | 지역 | 연번 | 단체명 | 지역"): each half
        # is a row of its own.
        halves = [cells[k : k + period] for k in range(0, len(cells), period)]
        head = columns[:period]
        return [
            name
            for half in halves
            for name in row_names(text, Line(half[0][0], half[-1][1], "", False), head, grid)
        ]
    values = [text[a:b].strip() for a, b in cells]
    if all(TABLE_HEADER.match(value) or not value for value in values):
        return []
    named = [k for k, value in enumerate(values) if value and not re.fullmatch(r"\d+[.)]?", value)]
    if not named:
        return []
    if grid:
        return [name for k in named if (name := unmark(text, *cells[k])) is not None]
    first = named[0]
    if columns is not None:  # the column headed as the name ("분야 | 단체명"), not merely the first
        headed = [k for k, column in enumerate(columns) if _NAME_COLUMN.match(column) and k < len(cells)]
        if headed and values[headed[0]]:
            first = headed[0]
    else:  # no header: a cell holding a list is the names' ("종교 | A, B, C, D")
        lists = [k for k in named if count_separators(values[k]) >= 2]
        if lists:
            first = lists[0]
    if columns is not None and len(cells) > len(columns) and first == len(columns) - 1:
        # The last header cell spans the row's remaining cells ("분야 | 서명 단체" over "종교 | A | B | C").
        return [name for k in range(first, len(cells)) if (name := unmark(text, *cells[k])) is not None]
    a, b = cells[first]
    commas = text.count(",", a, b) + text.count("、", a, b)
    # Korean names hold no comma: one between two of them lists both ("환경 | 녹색연합, 환경운동연합").
    korean_pair = (
        commas == 1
        and not re.search(r"\d,\d", text[a:b])  # "시민 1,000명" is one cell
        and all(_korean_led(piece) for piece in re.split(r"[,、]", text[a:b]))
    )
    # A semicolon parts Korean names in a cell ("개신교 | A 위원회; B 본부"); in a cell of Latin text it may
    # part a person's lines ("Grace Yoon; Member, Board of Directors; …").
    korean_list = ";" in text[a:b] and all(_korean_led(piece) for piece in text[a:b].split(";"))
    if commas >= 2 or korean_pair or korean_list:
        # A cell holding several names ("종교 | A, B, C, …" under "분야 | 단체명"): each of them.
        return [name for piece in split_list(text, a, b, and_splits=False) if (name := unmark(text, *piece))]
    name = unmark(text, a, b)
    if name is None:
        return []
    if columns is not None:
        for k, column in enumerate(columns):
            marked = k < len(values) and re.search(r"\w|✓|✔|○|●", values[k])
            if ECOSOC.search(column) and marked and not re.fullmatch(r"no|n|-|x|아니오|없음", values[k]):
                name = Name(name.start, name.end, name.mark, True, True)
    elif any(k != first and ECOSOC.search(v) and len(v.split()) <= 6 for k, v in enumerate(values)):
        name = Name(
            name.start, name.end, name.mark, True, True
        )  # a cell saying "ECOSOC special consultative status"
    return [name]


def table_rows(lines: list[Line], k: int) -> list[str]:
    rows = []
    for line in lines[k:]:
        if "|" not in line.text:
            break
        rows.append(line.text)
    return rows


def name_table_header(line: str) -> bool:
    """A table's header row with a column of signatories' names: a list starts here whatever precedes it."""
    cells = [cell.strip() for cell in line.split("|")]
    return (
        len(cells) >= 2
        and all(TABLE_HEADER.match(cell) for cell in cells if cell)
        and any(_NAME_COLUMN.match(cell) for cell in cells)
    )


__all__ = ["ORGANISATION", "TABLE_HEADER", "is_name_grid", "name_table_header", "row_names", "table_rows"]
