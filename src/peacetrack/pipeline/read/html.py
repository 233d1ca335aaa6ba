"""HTML: the main text only (trafilatura), never scripts, styles or navigation.

Nothing in the page is executed or fetched: trafilatura parses the markup with
lxml and drops script and boilerplate nodes (menus, sidebars, footers, cookie
banners). Its XML output keeps the structure, which is written out as the other
readers write it: a block per heading, paragraph, list and table; a line per
list item ("• " or "1. ") and per table row (cells joined by " | "). When that
output comes back flat (a fallback extractor's paragraphs, no list or table),
the page's own structure without its furniture (``html_blocks``) is taken if it
holds the same text. For pages too small for its heuristics, a plain parser
keeps the visible text outside non-content elements. A title band above the
body (h1, date, format) that the main-text step dropped is put back at the top.
"""

from __future__ import annotations

import re
from html import unescape
from html.parser import HTMLParser

import trafilatura
from lxml import etree

from peacetrack.pipeline.read.html_blocks import (
    CHROME,
    HIDDEN,
    LEAD,
    container_blocks,
    definition_lines,
    page_blocks,
    parse,
    subheadings,
)
from peacetrack.pipeline.read.options import Meta
from peacetrack.pipeline.read.text import decode_text

_BLOCKS = frozenset(
    {
        "p",
        "div",
        "br",
        "li",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "tr",
        "section",
        "article",
        "blockquote",
        "pre",
        "table",
        "ul",
        "ol",
        "dd",
        "dt",
    }
)
_VOID = frozenset({"br", "img", "hr", "meta", "link", "input", "area", "base", "col", "source", "wbr"})


class _Visible(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.parts.append(data)


def _visible_text(markup: str) -> str:
    parser = _Visible()
    parser.feed(markup)
    parser.close()
    lines = (" ".join(line.split()) for line in "".join(parser.parts).split("\n"))
    return "\n".join(line for line in lines if line)


_HTTP_URL = re.compile(r"^https?://[^\s/$.?#][^\s]*$", re.IGNORECASE)


def _web_url(value: str | None) -> str | None:
    """The page's own address (canonical link or og:url), kept only when it is a plain http(s) URL."""
    if not value:
        return None
    value = value.strip()
    return value if len(value) <= 2000 and _HTTP_URL.match(value) else None


def _inline(node: etree._Element) -> str:
    """A node's text with <lb/> as a line break, spaces folded within each line."""
    parts: list[str] = [node.text or ""]
    for child in node:
        if child.tag == "lb":
            parts.append("\n")
        elif child.tag in ("p", "head", "item", "quote"):  # a block inside a cell: "…negotiators<br>By …"
            parts.append("\n" + _inline(child) + "\n")
        elif child.tag not in ("list", "table"):
            parts.append(_inline(child))
        parts.append(child.tail or "")
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _list_lines(node: etree._Element) -> list[str]:
    if node.get("rend", "") == "dl":  # trafilatura's <dl>: items rendered "dt-1", "dd-1", …
        items = node.findall("item")
        return definition_lines(
            (item.get("rend", "").startswith("dt"), " ".join(_inline(item).split())) for item in items
        )
    ordered = node.get("rend", "") == "ol"
    lines = []
    for number, item in enumerate(node.findall("item"), start=1):
        text = _inline(item)
        if text:
            lines.append(f"{number}. {text}" if ordered else f"• {text}")
        for nested in item.findall("list"):
            lines.extend(_list_lines(nested))
    return lines


def _table_lines(node: etree._Element) -> list[str]:
    """A line per row, its cells joined by " | " (empty ones left out). A row's empty leading cells
    under a cell that spanned them (trafilatura writes a rowspan out as empty cells below it) take
    that cell's value, so every row of a "구분 | 단체명 | 국가" table keeps its columns."""
    rows = []
    above: list[str] = []
    for row in node.iter("row"):
        cells = [" ".join(_inline(cell).split()) for cell in row.findall("cell")]
        lead = next((k for k, cell in enumerate(cells) if cell), len(cells))
        if 0 < lead < len(cells) and len(above) == len(cells) and all(above[:lead]):
            cells[:lead] = above[:lead]
        if any(cells):
            rows.append(" | ".join(cell for cell in cells if cell))
            above = cells
    return rows


def _blocks(node: etree._Element) -> list[str]:
    blocks: list[str] = []
    for child in node:
        if child.tag == "list":
            blocks.append("\n".join(_list_lines(child)))
        elif child.tag == "table":
            blocks.append("\n".join(_table_lines(child)))
        elif child.tag in ("p", "head", "quote", "code"):
            blocks.append(_inline(child))
            for inner in child:
                if inner.tag in ("list", "table"):
                    blocks.extend(_blocks(child))
                    break
        elif child.tag in ("div", "main", "section"):
            blocks.extend(_blocks(child))
    return [block for block in blocks if block.strip()]


def _main_xml(markup: str) -> etree._Element | None:
    xml = trafilatura.extract(
        markup,
        output_format="xml",
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        include_formatting=False,
        deduplicate=False,
        favor_recall=True,
    )
    return etree.fromstring(xml.encode("utf-8")).find("main") if xml else None


def _structured_text(markup: str, root: etree._Element | None) -> str | None:
    """The main text's blocks; ``root``: the page's own tree (None when it would not parse)."""
    main = _main_xml(markup)
    if main is None:
        return None
    blocks = _blocks(main)
    if root is not None and not any(node.tag in ("list", "table") for node in main.iter()):
        # When its own reading looks thin, trafilatura takes a fallback extractor's, which writes every
        # list item and table cell as a paragraph of its own. The page's own structure, read from its
        # markup without the page furniture, is taken instead when it holds nearly all the same text
        # and not much more (a sidebar's lists).
        own = page_blocks(root)
        own_text = " ".join(" ".join(own).split())
        total = sum(len(block) for block in blocks)
        kept = sum(len(block) for block in blocks if " ".join(block.split()) in own_text)
        if own and kept >= 0.9 * total and len(own_text) <= 1.3 * total:
            return "\n\n".join(own)
    if blocks and root is not None:
        blocks = _headings_back(root, _whole_box(root, blocks))
    return "\n\n".join(blocks) or None


_ITEM_MARK = re.compile(r"^(?:• |\d{1,3}\. )")


def _headings_back(root: etree._Element, blocks: list[str]) -> list[str]:
    """The page's subheadings the main-text step dropped, put back before the block they head (a
    "Signatories" heading and the country headings over each list of names). A heading goes back only
    where the text right after it in the page begins a kept block: the headings of menus, sidebars and
    related-posts lists, whose text is not kept, stay out."""
    kept = {" ".join(line.split()) for block in blocks for line in block.split("\n")}
    out = list(blocks)
    at = 0
    for heading, lead in subheadings(root):
        if heading in kept:
            continue
        for k in range(at, len(out)):
            first = _ITEM_MARK.sub("", out[k].split("\n", 1)[0])
            # a whole short text is the block's whole first line, not any line that begins with it
            if first == lead or (len(lead) >= LEAD and first.startswith(lead)):
                out.insert(k, heading)
                at = k + 1
                break
    return out


_SNIPPET = 24  # characters of the main text's start and end looked for in the page


def _whole_box(root: etree._Element, blocks: list[str]) -> list[str]:
    """The main text's own content box read whole, where the main-text step stopped part-way (a page
    whose programme table came after a list was cut at the list). Taken only when it holds every block
    kept, in order, and more: its later tables and lists, not a sidebar (furniture is left out)."""
    first = " ".join(blocks[0].split())[:_SNIPPET]
    last = " ".join(blocks[-1].split())[-_SNIPPET:]
    box = container_blocks(root, first, last)
    if not box:
        return blocks
    whole = " ".join(" ".join(box).split())
    kept = " ".join(" ".join(blocks).split())
    at = 0
    for block in blocks:
        found = whole.find(" ".join(block.split()), at)
        if found < 0:
            return blocks
        at = found
    return box if len(whole) > 1.15 * len(kept) and _rows(box) > _rows(blocks) else blocks


def _rows(blocks: list[str]) -> int:
    """Table rows and list items: what the main-text step drops when it stops part-way."""
    return sum(1 for block in blocks for line in block.split("\n") if " | " in line or line.startswith("• "))


# <sup>1</sup> after a name is a footnote mark; as plain text it would run into the name ("Democracy1").
_SUP = re.compile(r"<sup\b[^>]*>\s*(\d{1,2}|[*†‡§])\s*</sup>", re.IGNORECASE)
_RAISED = str.maketrans("0123456789", "⁰¹²³⁴⁵⁶⁷⁸⁹")


_HERO_LINE_MAX = 240


def _hero(root: etree._Element, text: str) -> list[str]:
    """The page's title block when the main text left it out: the h1 and the short lines beside it.

    Event and article pages often set the title, the date and the format ("Hybrid Event", "Monday,
    June 12, 2023 1:00pm ET") in a header band above the body, which main-text extraction drops.
    """
    h1 = next(iter(root.iter("h1")), None)
    title = " ".join(h1.text_content().split()) if h1 is not None else ""
    if h1 is None or not title or title in text:
        return []
    band = h1.getparent()
    if band is None or band.tag in ("body", "html"):
        return [title]
    lines = []
    for node in band:
        if not isinstance(node.tag, str) or node.tag in HIDDEN or node.tag in ("a", "img"):
            continue
        if CHROME.search(f"{node.get('class', '')} {node.get('id', '')}"):
            continue
        line = " ".join(node.text_content().split())
        if line and line in text and len(line) > _HERO_LINE_MAX // 4:
            break  # the body has begun: a heading further down is the body's own, not the title band's
        if line and len(line) <= _HERO_LINE_MAX and line not in text:
            lines.append(line)
    return lines


# An event page's details box beside the body ("Date: Tuesday, July 27, 2021", "Where: Online via Zoom"),
# which main-text extraction drops with the sidebar it stands in.
_DETAIL_LABEL = re.compile(
    r"^\s*(?:dates?|time|when|where|venue|location|place|format|일\s*시|일\s*자|장\s*소|시\s*간|방\s*식)\s*[:：]\s*\S",
    re.IGNORECASE,
)
_LINE_END = re.compile(r"<br\s*/?>|</(?:p|li|div|dd|dt|h\d|tr)>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]+>")
_ASIDE = re.compile(r"<aside\b.*?</aside>", re.IGNORECASE | re.DOTALL)
_DETAIL_LINE_MAX = 160


def _details(markup: str, text: str) -> list[str]:
    """The labelled lines of an aside holding two or more of an event's details, not in the text yet."""
    found: list[str] = []
    for aside in _ASIDE.finditer(markup):
        lines = [" ".join(unescape(_TAG.sub(" ", line)).split()) for line in _LINE_END.split(aside.group())]
        labelled = [line for line in lines if _DETAIL_LABEL.match(line) and len(line) <= _DETAIL_LINE_MAX]
        if len(labelled) >= 2:
            found.extend(line for line in labelled if line not in text and line not in found)
    return found


def html_to_text(data: bytes, path: str) -> tuple[str, Meta]:
    markup = _SUP.sub(lambda m: m.group(1).translate(_RAISED), decode_text(data, path))
    root = parse(markup)  # the page's own tree, read by every step below that looks past the main text
    text = _structured_text(markup, root)
    if text and text.strip():
        head = _hero(root, text) if root is not None else []
        if head:
            text = "\n\n".join([*head, text])
        details = _details(markup, text)
        if details:
            first, _, rest = text.partition("\n\n")
            text = "\n\n".join(part for part in (first, "\n".join(details), rest) if part)
    if not text or not text.strip():
        text = _visible_text(markup)
    meta = trafilatura.extract_metadata(markup)
    if meta is None:
        return text, Meta()
    return text, Meta(title=meta.title, date=meta.date, publisher=meta.sitename, url=_web_url(meta.url))
