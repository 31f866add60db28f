"""fetch_source on files and folders: no server, tmp_path only."""
from __future__ import annotations

import os
from datetime import date, datetime, timezone
from pathlib import Path

import pytest

from claimhouse.flows.ingest.attempts import FetchSettings
from claimhouse.flows.ingest.dispatch import fetch_source
from claimhouse.flows.ingest.local import expand_local, load_file

RESOURCES = Path(__file__).resolve().parents[1] / "resources"
FEED = RESOURCES / "local_feed.xml"
ARTICLE = "The harbour handled 4.2 million tonnes of cargo in the third quarter"


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
    return path


def fetch_one(source: Path | str, settings: FetchSettings | None = None):
    (pair,) = fetch_source(str(source), settings)
    return pair


def test_a_folder_gives_its_text_and_html_files_recursively_sorted(tmp_path):
    names = ["b.txt", "a.md", "sub/c.html", "sub/deeper/d.htm", "sub/E.TXT", "skip.pdf", "skip.xml",
             "skip.json", ".hidden/skip.txt", ".skip.txt"]
    for name in names:
        write(tmp_path / name, "Some 12 words.")
    found = [path.relative_to(tmp_path).as_posix() for path in expand_local(tmp_path)]
    assert found == ["a.md", "b.txt", "sub/E.TXT", "sub/c.html", "sub/deeper/d.htm"]


def test_a_folder_yields_one_record_per_file_in_order(tmp_path):
    write(tmp_path / "b.txt", "Second file.")
    write(tmp_path / "a.txt", "")
    results = list(fetch_source(str(tmp_path)))
    outcomes = [(record.uri.rsplit("/", 1)[1], record.ok) for _, record in results]
    assert outcomes == [("a.txt", False), ("b.txt", True)]
    assert {record.source for _, record in results} == {str(tmp_path)}


def test_front_matter_fills_the_metadata_and_the_body_is_exact(tmp_path):
    body = "\nUnemployment fell to 4.1 percent in October.\r\n  Indented line kept.\n"
    path = write(tmp_path / "note.md", "---\ntitle: Jobs report\nurl: https://stats.example/jobs\n"
                 "published: 2025-11-11\nauthor: A. Writer\ntags: labour, \"statistics\"\n---\n" + body)
    document, record = fetch_one(path)
    assert document.text == body
    assert (document.title, document.uri, document.published_at, document.tags) == (
        "Jobs report", "https://stats.example/jobs", date(2025, 11, 11), ("labour", "statistics"))
    assert (record.ok, record.bytes, document.content_type) == (True, path.stat().st_size, "text/markdown")


@pytest.mark.parametrize(("published", "expected"), [
    ("2025-11-11", date(2025, 11, 11)), ("2025-11", date(2025, 11, 1)), ("2025", date(2025, 1, 1)),
])
def test_published_may_be_a_day_a_month_or_a_year(tmp_path, published, expected):
    path = write(tmp_path / "n.txt", f"---\npublished: {published}\n---\nText.\n")
    assert load_file(path).published_at == expected


def test_without_front_matter_the_title_is_the_first_line_and_the_uri_the_file(tmp_path):
    path = write(tmp_path / "plain.txt", "\n\n   Rainfall report   \nIt rained 112 mm.\n")
    document = load_file(path)
    assert (document.title, document.uri, document.text) == (
        "Rainfall report", path.resolve().as_uri(), "\n\n   Rainfall report   \nIt rained 112 mm.\n")


def test_a_markdown_heading_loses_its_hashes_in_the_title(tmp_path):
    assert load_file(write(tmp_path / "h.md", "# Budget 2026\n\nText.")).title == "Budget 2026"


def test_a_long_first_line_is_cut_to_200_characters(tmp_path):
    assert len(load_file(write(tmp_path / "long.txt", "x" * 500)).title) == 200


@pytest.mark.parametrize(("content", "line"), [
    ("---\ntitle: Open\nText without a closing line.\n", 3),  # 'Text without...' has no colon
    ("---\ntitle: Never closed\n", 1),
    ("---\ntitle: T\npublished: last year\n---\nText.\n", 3),
    ("---\ntitle: T\n\npublished: 2025-13\n---\nText.\n", 4),
])
def test_malformed_front_matter_names_the_file_and_the_line(tmp_path, content, line):
    path = write(tmp_path / "bad.txt", content)
    _, record = fetch_one(path)
    assert (record.ok, record.error.startswith(f"{path}: line {line}: ")) == (False, True)


@pytest.mark.parametrize("content", ["", "  \n\t\n", "---\ntitle: Only metadata\n---\n\n"])
def test_an_empty_file_is_an_empty_document(tmp_path, content):
    path = write(tmp_path / "empty.txt", content)
    _, record = fetch_one(path)
    assert record.error == f"empty document: {path}"


@pytest.mark.parametrize(("content", "kind"), [
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj", "PDF"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF", "JPEG"),
    (b"GIF89a\x01\x00\x01\x00", "GIF"),
    (b"PK\x03\x04\x14\x00\x00\x00", "ZIP"),
    (b"\x1f\x8b\x08\x00\x00\x00", "gzip"),
    (b"looks like text\x00\x01\x02 but is not", "NUL bytes"),
], ids=lambda value: value if isinstance(value, str) else None)
def test_binary_content_named_txt_is_refused(tmp_path, content, kind):
    path = write(tmp_path / "report.txt", content)
    _, record = fetch_one(path)
    assert record.error == f"binary file ({kind}) is not a text document: {path}"


@pytest.mark.parametrize(("text", "encoding"), [
    ("Le café coûte 3,50 EUR à Zürich, soit 12 % de plus qu'en 2024.", "latin-1"),
    ("Straße, Größe: 7 Äpfel für 2 Öre.", "latin-1"),
    ("The minister said \u201cunemployment fell to 4.1 percent\u201d \u2014 it\u2019s a 10-year low\u2026",
     "cp1252"),
    ("据国家统计局数据，2024年国内生产总值增长5.2%，达到126万亿元。", "gb18030"),
    ("人口增长了百分之五。", "gb18030"),
    ("По данным Росстата, население сократилось на 500 тысяч человек.", "cp1251"),
], ids=lambda value: value if value in ("latin-1", "cp1252", "gb18030", "cp1251") else None)
def test_legacy_encodings_are_decoded(tmp_path, text, encoding):
    path = write(tmp_path / "legacy.txt", text.encode(encoding))
    assert load_file(path).text == text


@pytest.mark.parametrize("encoding", ["utf-8-sig", "utf-16", "utf-32"])
def test_a_byte_order_mark_sets_the_encoding_and_is_stripped(tmp_path, encoding):
    path = write(tmp_path / "bom.txt", "Prices rose 3 percent \u2013 café.".encode(encoding))
    assert load_file(path).text == "Prices rose 3 percent \u2013 café."


def test_invalid_utf8_keeps_the_valid_text(tmp_path):
    path = write(tmp_path / "broken.txt", "Growth \u2014 5 percent \u2013 in Zürich ".encode() + b"\xff\xfe end.")
    text = load_file(path).text
    assert text.startswith("Growth \u2014 5 percent \u2013 in Zürich ") and text.endswith(" end.")


def test_an_html_meta_charset_is_used(tmp_path):
    html = ('<html><head><meta charset="windows-1252"><title>Caf\u00e9 prices</title></head>'
            '<body><p>Caf\u00e9 \u201cbest\u201d.</p></body></html>')
    path = write(tmp_path / "meta.html", html.encode("cp1252"))
    document = load_file(path)
    assert (document.title, document.text) == ("Caf\u00e9 prices", "Caf\u00e9 \u201cbest\u201d.")


def test_an_html_file_is_reduced_to_its_main_text():
    document, record = fetch_one(RESOURCES / "site" / "article.html")
    assert ARTICLE in document.text
    markers = ("NAV-MARKER", "SCRIPT-MARKER", "AD-MARKER", "FOOTER-MARKER", "<")
    assert [marker for marker in markers if marker in document.text] == []
    assert (document.title, document.published_at, document.content_type) == (
        "Harbour traffic rises to a record", date(2025, 10, 14), "text/html")


def test_a_missing_path_is_an_error_not_an_exception(tmp_path):
    document, record = fetch_one(tmp_path / "nope.txt")
    assert (document, record.error) == (None, f"no such file or folder: {tmp_path / 'nope.txt'}")


@pytest.mark.parametrize("source", ["file:///etc/passwd", "ftp://example.org/x", "javascript:alert(1)", "  "])
def test_unsupported_sources_are_errors(source):
    document, record = fetch_one(source)
    assert (document, record.ok, record.transient) == (None, False, False)


def test_a_file_over_max_bytes_is_refused(tmp_path):
    path = write(tmp_path / "big.txt", "x" * 2000)
    _, record = fetch_one(path, FetchSettings(max_bytes=1000))
    assert record.error == f"file of 2000 bytes is over max_bytes=1000: {path}"


@pytest.mark.parametrize("source", [str(FEED), f"feed:{FEED}"])
def test_a_local_feed_file_gives_its_entries(source):
    (_, feed), (document, entry) = fetch_source(source)
    assert (feed.ok, feed.http_status, feed.is_feed, feed.entries) == (True, None, True, 1)
    assert (entry.is_feed, entry.feed_uri) == (False, FEED.resolve().as_uri())
    assert (document.uri, document.title, document.published_at, document.text) == (
        "https://council.example/minutes/2025-03", "Budget approved", date(2025, 3, 3),
        "The council approved a budget of 14 million euros for 2026.")


def test_a_local_file_that_is_not_a_feed(tmp_path):
    path = write(tmp_path / "notes.xml", "just words, no xml")
    _, record = fetch_one(path)
    assert record.error == f"not an RSS/Atom feed: {path.resolve().as_uri()}"


def test_fetched_at_comes_from_the_clock(tmp_path):
    moment = datetime(2025, 1, 2, 3, 4, 5, tzinfo=timezone.utc)
    (document, record), = fetch_source(str(write(tmp_path / "a.txt", "Text.")), now=lambda: moment)
    assert (document.fetched_at, record.fetched_at) == (moment, moment)


def test_a_file_of_the_remembered_size_and_mtime_is_not_opened(tmp_path, monkeypatch):
    from claimhouse.flows.ingest import local

    path = write(tmp_path / "a.md", ARTICLE + ".\n")
    os.utime(path, ns=(1_600_000_000_000_000_000, 1_600_000_000_000_000_000))
    stat = path.stat()
    monkeypatch.setattr(local, "read_file", lambda *a: pytest.fail("the file was opened"))
    ((doc, record),) = fetch_source(str(tmp_path), file_states={path.resolve().as_uri(): (stat.st_size, stat.st_mtime_ns)})
    assert (doc, record.ok, record.not_modified, record.mtime_ns) == (None, True, True, stat.st_mtime_ns)


def test_a_file_modified_just_before_it_is_read_has_no_mtime_remembered(tmp_path):
    path = write(tmp_path / "a.md", ARTICLE + ".\n")
    ((doc, record),) = fetch_source(str(path))
    assert (doc is not None, record.mtime_ns) == (True, None)
