"""HTML -> main text, title and publication date.

Pure: str in, HtmlText out. trafilatura finds the main text; when it finds nothing (a very short
page) the fallback keeps the text of <body> minus the boilerplate elements below.
"""
from __future__ import annotations

import copy
import re
from dataclasses import dataclass
from datetime import date

import lxml.etree
import lxml.html
import trafilatura

# Elements whose text is never main text, in the fallback.
BOILERPLATE_TAGS = (
    "script", "style", "noscript", "template", "nav", "header", "footer", "aside",
    "form", "button", "iframe", "svg", "canvas", "select", "object", "embed",
)
# class/id tokens (split on space, '-' and '_') that mark ads and promotions, in the fallback.
AD_TOKENS = frozenset(
    {"ad", "ads", "advert", "adverts", "advertisement", "sponsor", "sponsored", "promo", "banner"}
)
# Elements that end a line of text, in the fallback.
BLOCK_TAGS = (
    "p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "br", "hr",
    "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "table", "tr", "figure", "figcaption",
)
TITLE_MAX_CHARS = 200
_ISO_DATE = re.compile(r"^(\d{4})-(\d{2})-(\d{2})")
_TOKEN_SPLIT = re.compile(r"[\s_-]+")
_WHITESPACE = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_BLOCK_END = "\ue000"  # a private-use character marks where a block starts or ends


@dataclass(frozen=True, slots=True)
class HtmlText:
    """The readable part of an HTML page."""

    text: str
    title: str | None = None
    published_at: date | None = None


def html_to_text(html: str, url: str | None = None) -> HtmlText:
    """Main text of `html` (no tags, no navigation, scripts, styles or ads), plus metadata."""
    tree = _parse(html)
    if tree is None:
        return HtmlText(text="")
    _drop_ads(tree)
    text = trafilatura.extract(
        tree,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        output_format="txt",
    )
    if not text or not text.strip():
        text = fallback_text(tree)
    title, published = _metadata(tree, url)
    return HtmlText(text=text.strip(), title=title, published_at=published)


def fallback_text(tree: lxml.html.HtmlElement) -> str:
    """Text of <body> without boilerplate elements, one line per block element."""
    body = tree.find(".//body")
    root = _copy(body if body is not None else tree)
    for element in list(root.iter()):
        if _is_boilerplate(element) and element.getparent() is not None:
            element.drop_tree()
    for element in root.iter(*BLOCK_TAGS):
        element.text = _BLOCK_END + (element.text or "")
        element.tail = _BLOCK_END + (element.tail or "")
    lines = (_WHITESPACE.sub(" ", line).strip() for line in root.text_content().split(_BLOCK_END))
    return "\n".join(line for line in lines if line)


RAW_TEXT_TAGS = ("plaintext", "xmp", "listing")  # obsolete raw-text elements: keep their text, not the tag


def _drop_ads(tree: lxml.html.HtmlElement) -> None:
    """Remove elements marked as ads or promotions before anything reads the page, and
    unwrap obsolete raw-text elements (serialising them back invents closing tags)."""
    for element in list(tree.iter()):
        if not isinstance(element.tag, str) or element.getparent() is None:
            continue
        if _is_ad(element):
            element.drop_tree()
        elif element.tag in RAW_TEXT_TAGS:
            element.drop_tag()


def _parse(html: str) -> lxml.html.HtmlElement | None:
    # lxml refuses control characters (XML does not allow them): they carry no text anyway
    html = _CONTROL.sub(" ", html)
    if not html.strip():
        return None
    # lxml refuses str input that carries an XML encoding declaration; the text is decoded already.
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html, count=1)
    try:
        return lxml.html.document_fromstring(html)
    except (lxml.etree.ParserError, ValueError):
        return None


def _copy(element: lxml.html.HtmlElement) -> lxml.html.HtmlElement:
    """A detached copy (not a re-parse, which would change the tree)."""
    return copy.deepcopy(element)


def _is_boilerplate(element: lxml.html.HtmlElement) -> bool:
    if not isinstance(element.tag, str):  # comments and processing instructions
        return True
    if element.tag in BOILERPLATE_TAGS or element.get("hidden") is not None:
        return True
    if element.get("aria-hidden") == "true":
        return True
    return _is_ad(element)


def _is_ad(element: lxml.html.HtmlElement) -> bool:
    marks = f"{element.get('class', '')} {element.get('id', '')}".lower()
    return not AD_TOKENS.isdisjoint(_TOKEN_SPLIT.split(marks))


def _metadata(tree: lxml.html.HtmlElement, url: str | None) -> tuple[str | None, date | None]:
    # extensive=False: take dates from markup only, never guess them from the article's words.
    metadata = trafilatura.extract_metadata(tree, default_url=url, extensive=False)
    title = metadata.title if metadata is not None else None
    if not title:
        title = tree.findtext(".//title")
    title = _WHITESPACE.sub(" ", title).strip()[:TITLE_MAX_CHARS] if title else None
    published = _to_date(metadata.date) if metadata is not None else None
    return title or None, published


def _to_date(value: str | None) -> date | None:
    match = _ISO_DATE.match(value or "")
    if match is None:
        return None
    try:
        return date(int(match[1]), int(match[2]), int(match[3]))
    except ValueError:
        return None
