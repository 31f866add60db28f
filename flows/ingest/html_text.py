"""HTML -> main text, title and publication date.

Pure: str in, HtmlText out. trafilatura finds the main text; when it finds nothing (a very short
page) the fallback keeps the text of <body> minus the boilerplate elements below.

libxml2 stops reading a page nested deeper than its limit (2048 elements) and keeps what it read
so far, silently: such a page is rewritten with its deepest elements unwrapped (their tags go,
their text stays) and read again.
"""
from __future__ import annotations

import copy
import html.parser
import re
import time
from collections import Counter
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
MAX_NESTING = 256  # a page libxml2 cannot read whole is read again with deeper elements unwrapped
UNWRAP_CHUNK_CHARS = 65_536  # the unwrapper reads this much between looks at the clock
DEFAULT_MAX_PARSE_S = 30.0
VOID_TAGS = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
                       "source", "track", "wbr"})


class ParseTimeExceeded(ValueError):
    """Reading one page took longer than its parse-time limit."""


@dataclass(frozen=True, slots=True)
class HtmlText:
    """The readable part of an HTML page."""

    text: str
    title: str | None = None
    published_at: date | None = None


def html_to_text(html: str, url: str | None = None, max_parse_s: float = DEFAULT_MAX_PARSE_S) -> HtmlText:
    """Main text of `html` (no tags, no navigation, scripts, styles or ads), plus metadata.

    Raises ParseTimeExceeded once reading takes over `max_parse_s` (looked at between steps and
    every UNWRAP_CHUNK_CHARS of a page being unwrapped)."""
    clock = _Clock(time.monotonic() + max_parse_s, max_parse_s)
    tree = _parse(html, clock)
    if tree is None:
        return HtmlText(text="")
    _drop_ads(tree)
    clock.check("finding its main text")
    text = trafilatura.extract(
        tree,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        output_format="txt",
    )
    clock.check("reading its metadata")
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


class _Clock:
    def __init__(self, deadline: float, limit_s: float) -> None:
        self.deadline, self.limit_s = deadline, limit_s

    def check(self, step: str) -> None:
        if time.monotonic() > self.deadline:
            raise ParseTimeExceeded(f"HTML took over max_parse_s={self.limit_s:g} s to read, stopped "
                                    f"before {step}")


def _parse(html: str, clock: _Clock | None = None) -> lxml.html.HtmlElement | None:
    clock = clock or _Clock(float("inf"), float("inf"))
    # lxml refuses control characters (XML does not allow them): they carry no text anyway
    html = _CONTROL.sub(" ", html)
    if not html.strip():
        return None
    # lxml refuses str input that carries an XML encoding declaration; the text is decoded already.
    html = re.sub(r"^\s*<\?xml[^>]*\?>", "", html, count=1)
    try:
        tree, complete = _read_tree(html)
        if not complete:
            clock.check("unwrapping its deepest elements")
            unwrapped = unwrap_deep_elements(html, clock)
            clock.check("reading it again")
            tree, _ = _read_tree(unwrapped)
    except ParseTimeExceeded:
        raise
    except (lxml.etree.ParserError, ValueError):
        return None
    return tree


def _read_tree(html: str) -> tuple[lxml.html.HtmlElement, bool]:
    """The tree, and False when libxml2 stopped early (a resource limit: nesting too deep).
    huge_tree lifts the 10 MB text-node limit: the fetch layer caps the input at max_bytes."""
    parser = lxml.html.HTMLParser(huge_tree=True)
    tree = lxml.html.document_fromstring(html, parser=parser)
    stopped = any(e.type == lxml.etree.ErrorTypes.ERR_RESOURCE_LIMIT for e in parser.error_log)
    return tree, not stopped


class _Unwrapper(html.parser.HTMLParser):
    """Writes HTML back with the elements nested deeper than MAX_NESTING unwrapped, and those
    of them that are boilerplate (BOILERPLATE_TAGS, ads) dropped with their content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=False)
        self.out: list[str] = []
        self.open: list[str] = []  # open elements, outermost first
        self.open_counts: Counter[str] = Counter()  # how many of each are open: a stray end tag is O(1)
        self.dropping_from: int | None = None  # depth of the unwrapped boilerplate element being dropped

    def handle_starttag(self, tag: str, attrs) -> None:
        if tag not in VOID_TAGS:
            self.open.append(tag)
            self.open_counts[tag] += 1
        depth = len(self.open) + (tag in VOID_TAGS)
        if self.dropping_from is not None:
            return
        if depth > MAX_NESTING and tag not in VOID_TAGS and _is_boilerplate_tag(tag, dict(attrs)):
            self.dropping_from = depth
            return
        self._markup(tag, self.get_starttag_text(), depth <= MAX_NESTING)

    def handle_startendtag(self, tag: str, attrs) -> None:
        if self.dropping_from is None:
            self._markup(tag, self.get_starttag_text(), len(self.open) < MAX_NESTING)

    def handle_endtag(self, tag: str) -> None:
        if not self.open_counts[tag]:  # a stray end tag
            return
        while self.open:  # close what the end tag implies
            depth = len(self.open)
            closed = self.open.pop()
            self.open_counts[closed] -= 1
            if self.dropping_from is None:
                self._markup(closed, f"</{closed}>", depth <= MAX_NESTING)
            elif depth <= self.dropping_from:
                self.dropping_from = None
            if closed == tag:
                return

    def handle_data(self, data: str) -> None:
        if self.dropping_from is not None:
            return
        raw = self.open and self.open[-1] in ("script", "style")  # kept (not dropped): their text is raw
        self.out.append(data if raw else html.escape(data, quote=False))

    def handle_entityref(self, name: str) -> None:
        if self.dropping_from is None:
            self.out.append(f"&{name};")

    def handle_charref(self, name: str) -> None:
        if self.dropping_from is None:
            self.out.append(f"&#{name};")

    def _markup(self, tag: str, markup: str | None, kept: bool) -> None:
        if kept:
            self.out.append(markup or "")
        elif tag in BLOCK_TAGS:  # an unwrapped block still starts a paragraph (<p> closes the one open)
            self.out.append("<p>")


def unwrap_deep_elements(page: str, clock: _Clock | None = None) -> str:
    """`page` with the elements nested deeper than MAX_NESTING unwrapped: each block element
    becomes the start of a paragraph, inline ones vanish, their text stays; boilerplate ones
    (scripts, navigation, ads, ...) go with their text."""
    unwrapper = _Unwrapper()
    for start in range(0, len(page), UNWRAP_CHUNK_CHARS):
        if clock is not None:
            clock.check("unwrapping its deepest elements")
        unwrapper.feed(page[start:start + UNWRAP_CHUNK_CHARS])
    unwrapper.close()
    return "".join(unwrapper.out)


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
    return _marks_an_ad(element.get("class"), element.get("id"))


def _marks_an_ad(class_: str | None, id_: str | None) -> bool:
    marks = f"{class_ or ''} {id_ or ''}".lower()
    return not AD_TOKENS.isdisjoint(_TOKEN_SPLIT.split(marks))


def _is_boilerplate_tag(tag: str, attrs: dict[str, str | None]) -> bool:
    """_is_boilerplate for a start tag read by html.parser."""
    return (tag in BOILERPLATE_TAGS or "hidden" in attrs or attrs.get("aria-hidden") == "true"
            or _marks_an_ad(attrs.get("class"), attrs.get("id")))


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
