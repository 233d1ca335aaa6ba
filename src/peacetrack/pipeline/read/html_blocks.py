"""A page's own structure read from its markup: headings, paragraphs, lists and tables in reading order,
without the page furniture (navigation, headers, footers, sidebars, forms, scripts, share bars).

The HTML reader takes this when the main-text step flattened a page's lists and tables into paragraphs;
it writes blocks as that reader does: a line per list item ("• " or "1. ") and per table row (cells
joined by " | ").
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from lxml import etree
from lxml import html as lxml_html

# Elements that never hold the document's own text.
HIDDEN = frozenset(
    {
        "script",
        "style",
        "noscript",
        "template",
        "nav",
        "header",
        "footer",
        "aside",
        "form",
        "button",
        "svg",
        "iframe",
        "object",
        "embed",
        "head",
        "select",
        "canvas",
        "math",
    }
)
# Parts of a page that are chrome, by their class or id: share bars, breadcrumbs, menus, banners; and, as
# whole class or id words, sidebars, related and popular lists, comments (gnb/lnb: Korean sites' menus).
CHROME = re.compile(
    r"share|social|breadcrumb|nav|menu|button|search|cookie|banner|skip|logo"
    r"|(?:^|[\s_-])(?:side|sidebar|gnb|lnb|snb|related|widget|ads?|advert\w*|popular|ranking|comments?|sns)"
    r"(?:$|[\s_-])",
    re.I,
)
_TEXT_BLOCKS = frozenset(
    {"p", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "dt", "dd", "figcaption"}
)
_LISTS = frozenset({"ul", "ol"})
_CONTAINERS = frozenset({"div", "section", "article", "main", "body", "center", "figure"})


def _chrome(node: etree._Element) -> bool:
    return node.tag in HIDDEN or bool(CHROME.search(f"{node.get('class', '')} {node.get('id', '')}"))


def _inline(node: etree._Element, skip: frozenset[str] = HIDDEN) -> str:
    """A node's visible text, <br> as a line break (a line break in the markup is a space), spaces folded
    within each line; `skip`: elements whose text is not the node's own."""
    parts: list[str] = []

    def walk(element: etree._Element) -> None:
        if isinstance(element.tag, str) and element.tag in skip:
            return
        if element.tag == "br":
            parts.append("\n")
        elif isinstance(element.tag, str):
            parts.append((element.text or "").replace("\n", " "))
            for child in element:
                walk(child)
                parts.append((child.tail or "").replace("\n", " "))

    walk(node)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _list_lines(node: etree._Element) -> list[str]:
    ordered = node.tag == "ol"
    lines = []
    items = [child for child in node if child.tag == "li"]
    for number, item in enumerate(items, start=1):
        text = " ".join(_inline(item, HIDDEN | _LISTS).split())  # a nested list gives lines of its own
        if text:
            lines.append(f"{number}. {text}" if ordered else f"• {text}")
        for child in item:
            if child.tag in _LISTS:
                lines.extend(_list_lines(child))
    return lines


def definition_lines(entries: Iterable[tuple[bool, str]]) -> list[str]:
    """A definition list's (is-term, text) entries as "term: definition" lines, as a notice's label lines
    read ("주최: 참여연대, …"); a term without a definition on a line of its own."""
    lines: list[str] = []
    term = ""
    for is_term, text in entries:
        if is_term:
            if term:
                lines.append(term)
            term = text
        elif text:
            lines.append(f"{term}: {text}" if term else text)
            term = ""
    if term:
        lines.append(term)
    return lines


def _table_lines(node: etree._Element) -> list[str]:
    rows = []
    for row in node.iter("tr"):
        cells = [" ".join(_inline(cell).split()) for cell in row if cell.tag in ("td", "th")]
        if any(cells):
            rows.append(" | ".join(cell for cell in cells if cell))
    return rows


def _walk(node: etree._Element, blocks: list[str]) -> None:
    for child in node:
        if not isinstance(child.tag, str) or _chrome(child):
            continue
        if child.tag in _LISTS:
            blocks.append("\n".join(_list_lines(child)))
        elif child.tag == "dl":
            entries = (
                (item.tag == "dt", " ".join(_inline(item).split()))
                for item in child
                if item.tag in ("dt", "dd")
            )
            blocks.append("\n".join(definition_lines(entries)))
        elif child.tag == "table":
            blocks.append("\n".join(_table_lines(child)))
        elif child.tag in _TEXT_BLOCKS:
            blocks.append(_inline(child))
        elif child.tag in _CONTAINERS:
            if any(
                isinstance(c.tag, str) and c.tag in _TEXT_BLOCKS | _LISTS | _CONTAINERS | {"table"}
                for c in child
            ):
                if child.text and child.text.strip():
                    blocks.append(" ".join(child.text.split()))
                _walk(child, blocks)
            else:
                blocks.append(_inline(child))


def parse(markup: str) -> etree._Element | None:
    """The page's tree, parsed once for every step that reads it; None when the markup cannot be parsed."""
    try:
        return lxml_html.document_fromstring(markup)
    except (etree.ParserError, ValueError):
        return None


def page_blocks(root: etree._Element) -> list[str]:
    """The page's blocks in reading order."""
    body = root.find("body")
    return node_blocks(body if body is not None else root)


def node_blocks(node: etree._Element) -> list[str]:
    """The blocks inside one element, in reading order."""
    blocks: list[str] = []
    _walk(node, blocks)
    return [block for block in blocks if block.strip()]


def _folded(node: etree._Element) -> str:
    return " ".join(node.text_content().split())


def container_blocks(root: etree._Element, first: str, last: str) -> list[str] | None:
    """The blocks of the innermost element holding both ``first`` and ``last`` (the main text's first and
    last words): the page's content box, whatever the main-text step kept of it. None when no element
    outside the page furniture holds both."""
    body = root.find("body")
    for node in (body if body is not None else root).iter():
        if (
            not isinstance(node.tag, str)
            or node.tag in HIDDEN
            or first not in " ".join((node.text or "").split())
            or any(_chrome(a) for a in node.iterancestors())  # a copy in the furniture (a menu)
        ):
            continue
        box: etree._Element | None = node
        while box is not None and last not in _folded(box):
            box = box.getparent()
        if box is None or any(_chrome(a) for a in (box, *box.iterancestors())):
            return None
        return node_blocks(box) if box.tag not in _TEXT_BLOCKS else None
    return None


_SUBHEADINGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
LEAD = 24  # characters of the text after a heading it is found again by


def subheadings(root: etree._Element) -> list[tuple[str, str]]:
    """(heading, the start of the text right after it) for each h2-h6 outside the page furniture, in
    reading order; a heading followed by another heading shares that one's text after it."""
    found: list[tuple[str, str]] = []
    pending: list[str] = []

    def follow(text: str | None) -> None:
        lead = " ".join((text or "").split())
        if lead and pending:
            found.extend((heading, lead[:LEAD]) for heading in pending)
            pending.clear()

    def walk(node: etree._Element) -> None:
        for child in node:
            if isinstance(child.tag, str) and not _chrome(child):
                if child.tag in _SUBHEADINGS:
                    if heading := " ".join(child.text_content().split()):
                        pending.append(heading)
                else:
                    follow(child.text)
                    walk(child)
            follow(child.tail)

    walk(root)
    return found
