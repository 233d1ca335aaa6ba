"""HTML: the main text only (trafilatura), never scripts, styles or navigation.

Nothing in the page is executed or fetched: trafilatura parses the markup with
lxml and drops script and boilerplate nodes. For pages too small for its
heuristics, a plain parser keeps the visible text outside non-content elements.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import trafilatura

from peacetrack.pipeline.read.options import Meta
from peacetrack.pipeline.read.text import decode_text

_HIDDEN = frozenset(
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
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _HIDDEN:
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


def html_to_text(data: bytes, path: str) -> tuple[str, Meta]:
    markup = decode_text(data, path)
    text = trafilatura.extract(
        markup,
        output_format="txt",
        include_comments=False,
        include_tables=True,
        include_links=False,
        include_images=False,
        deduplicate=False,
    )
    if not text or not text.strip():
        text = _visible_text(markup)
    meta = trafilatura.extract_metadata(markup)
    if meta is None:
        return text, Meta()
    return text, Meta(title=meta.title, date=meta.date, publisher=meta.sitename, url=_web_url(meta.url))
