"""The article text and metadata of a saved web page.

Pages are cut down to what a reader reads: scripts, styles, menus, page headers and
footers, side bars and forms go; the ``<article>`` (or ``<main>``) is kept when the
page has one. Block elements become paragraph breaks (a blank line), ``<br>`` a line
break, and runs of white space inside a paragraph one space, so that the text looks
like the plain-text documents and the same extraction rules apply.
"""

from __future__ import annotations

import re
from typing import Any

from selectolax.lexbor import LexborHTMLParser, LexborNode

from conflictkg.documents.decode import decode
from conflictkg.documents.metadata import normalise_date

BOILERPLATE = (
    "script", "style", "noscript", "template", "iframe", "svg",
    "nav", "aside", "form", "header", "footer",
)
BLOCKS = frozenset({
    "address", "article", "aside", "blockquote", "caption", "dd", "details", "div", "dl",
    "dt", "fieldset", "figcaption", "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6",
    "header", "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table",
    "tbody", "td", "tfoot", "th", "thead", "tr", "ul",
})
_SPACES = re.compile(r"\s+")
_TAG = re.compile(r"<(/?)([A-Za-z][\w:-]*)[^>]*?(/?)>")
MAX_DEPTH = 256  # levels of elements a page may nest before the deeper tags are dropped
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta",
                  "param", "source", "track", "wbr", "!doctype"})
_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:\-]+)", re.IGNORECASE)
_PUBLISHED = (
    'meta[property="article:published_time"]',
    'meta[name="article:published_time"]',
    'meta[itemprop="datePublished"]',
    'meta[name="date"]',
    'meta[name="pubdate"]',
    'meta[name="publish-date"]',
    'meta[property="og:published_time"]',
)


def declared_charset(data: bytes) -> str | None:
    """The encoding a page names in ``<meta charset>`` or ``http-equiv``, if any."""
    match = _CHARSET.search(data[:8192])
    return match.group(1).decode("ascii") if match else None


def parse_html(data: bytes) -> tuple[str, dict[str, Any]]:
    """(article text, metadata) of an HTML page; raises NotText when it cannot be decoded."""
    tree = LexborHTMLParser(flattened(decode(data, declared=declared_charset(data))))
    metadata = page_metadata(tree)
    _drop_boilerplate(tree)
    return block_text(_content_root(tree)), metadata


def flattened(html: str, max_depth: int = MAX_DEPTH) -> str:
    """The page with the tags nested deeper than ``max_depth`` dropped and their text
    kept: the parser's time grows with the square of the depth (a page of 500,000
    nested ``<div>`` took hours), and no article is nested a few hundred deep."""
    depth = dropped = 0
    pieces: list[str] = []
    last = 0
    for match in _TAG.finditer(html):
        closing, name, self_closing = match.group(1), match.group(2).lower(), match.group(3)
        if name in VOID or self_closing:
            continue
        if closing:
            if dropped:
                dropped -= 1
                pieces.append(html[last:match.start()])
                last = match.end()
            else:
                depth = max(0, depth - 1)
            continue
        if depth >= max_depth:
            dropped += 1
            pieces.append(html[last:match.start()])
            last = match.end()
        else:
            depth += 1
    if not pieces:
        return html
    pieces.append(html[last:])
    return "".join(pieces)


def page_metadata(tree: LexborHTMLParser) -> dict[str, Any]:
    """Title, publication date, language, canonical URL and site name the page declares."""
    meta: dict[str, Any] = {}
    title = _content(tree, 'meta[property="og:title"]') or _text(tree, "title")
    title = title or _text(tree, "h1")
    if title:
        meta["title"] = title
    published = _published(tree)
    if published:
        meta["published"] = published
    html = tree.css_first("html")
    lang = html.attributes.get("lang") if html is not None else None
    if lang and lang.strip():
        meta["language"] = lang.strip()
    url = _attribute(tree, 'link[rel~="canonical"]', "href")
    url = url or _content(tree, 'meta[property="og:url"]')
    if url:
        meta["url"] = url
    site = _content(tree, 'meta[property="og:site_name"]')
    if site:
        meta["publisher"] = site
    return meta


def block_text(root: LexborNode) -> str:
    """The text under ``root``: paragraphs split by a blank line, lines by one newline."""
    paragraphs: list[str] = []
    lines: list[str] = []
    pieces: list[str] = []

    def end_line() -> None:
        line = _SPACES.sub(" ", "".join(pieces)).strip()
        pieces.clear()
        if line:
            lines.append(line)

    def end_paragraph() -> None:
        end_line()
        if lines:
            paragraphs.append("\n".join(lines))
            lines.clear()

    stack: list[tuple[LexborNode, bool]] = [(root, False)]
    while stack:  # iterative: deeply nested pages must not exhaust the recursion limit
        node, leaving = stack.pop()
        if node.is_text_node:
            pieces.append(node.text_content or "")
            continue
        if not node.is_element_node:
            continue
        tag = node.tag
        if tag == "br":
            end_line()
            continue
        if tag in BLOCKS:
            end_paragraph()
        if not leaving:
            stack.append((node, True))
            stack.extend((child, False) for child in reversed(list(node.iter(include_text=True))))
    end_paragraph()
    return "\n\n".join(paragraphs)


def _drop_boilerplate(tree: LexborHTMLParser) -> None:
    """Remove chrome; an ``<article>``'s own header and footer (headline, byline) stay."""
    for tag in ("header", "footer"):
        for node in tree.css(tag):
            if not _inside(node, ("article", "main")):
                node.decompose()
    tree.strip_tags([tag for tag in BOILERPLATE if tag not in ("header", "footer")])


def _content_root(tree: LexborHTMLParser) -> LexborNode:
    articles = tree.css("article")
    if articles:
        return max(articles, key=lambda node: len(node.text(deep=True)))
    return tree.css_first("main") or tree.body or tree.root


def _inside(node: LexborNode, tags: tuple[str, ...]) -> bool:
    parent = node.parent
    while parent is not None:
        if parent.tag in tags:
            return True
        parent = parent.parent
    return False


def _published(tree: LexborHTMLParser) -> str | None:
    candidates = [_content(tree, selector) for selector in _PUBLISHED]
    candidates += [node.attributes.get("datetime") for node in tree.css("time[datetime]")]
    for value in candidates:
        try:
            published = normalise_date(value)
        except ValueError:
            continue  # a page's own tags are often sloppy: try the next one
        if published:
            return published
    return None


def _content(tree: LexborHTMLParser, selector: str) -> str | None:
    return _attribute(tree, selector, "content")


def _attribute(tree: LexborHTMLParser, selector: str, name: str) -> str | None:
    node = tree.css_first(selector)
    value = node.attributes.get(name) if node is not None else None
    value = _SPACES.sub(" ", value).strip() if value else None
    return value or None


def _text(tree: LexborHTMLParser, selector: str) -> str | None:
    node = tree.css_first(selector)
    text = _SPACES.sub(" ", node.text(deep=True)).strip() if node is not None else ""
    return text or None
