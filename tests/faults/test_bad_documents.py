"""Bad documents, through the whole flow and through `claimhouse run`: a folder of good documents
and hostile ones. Each hostile one is either refused with an error naming it, or stored with the
text its loader gives; the good documents are stored all the same, the run ends
`completed_with_failures` and the CLI exits with status 3."""
from __future__ import annotations

import io
import shutil
import time
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimhouse.flows.cli import EXIT_SOURCES_FAILED, main
from claimhouse.flows.ingest.local import load_file
from claimhouse.flows.pipeline_flow import run_pipeline

pytestmark = pytest.mark.flow

PLANTED = Path(__file__).resolve().parents[1] / "resources" / "planted"
HUGE_BYTES = 200 * 1024 * 1024
LINE_CHARS = 10_000_000
LINE_FIRST, LINE_LAST = "Some 4,500 ferries crossed the lake in 2024. ", " In the end, 77 boats sank in 2024."
LINE_FILLER = "The committee met again and talked for a long while about the harbour. "
RUN_CPU_S = 60.0  # CPU seconds of the whole run, the 10 MB line included (about 10 s here)
SCRIPT_MARKERS = ("alert", "SCRIPT-999", "13579px", "Buy 3 get 1 free", "INJECTED-4242")


def _zip_bytes() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("report.txt", "Exports rose 5 percent in 2023.")
    return buffer.getvalue()


# name -> bytes; each is refused with an error naming it ({path} is the file's path)
REFUSED = {
    "empty.txt": (b"", "empty document: {path}"),
    "report-pdf.txt": (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n",
                       "binary file (PDF) is not a text document: {path}"),
    "image-png.txt": (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
                      "binary file (PNG) is not a text document: {path}"),
    "archive-zip.txt": (_zip_bytes(), "binary file (ZIP) is not a text document: {path}"),
    "bad-front-matter.md": (b"---\ntitle: Broken\npublished: last year\n---\nSome 12 boats sank.\n",
                            "{path}: line 3: published must be YYYY, YYYY-MM or YYYY-MM-DD, got 'last year'"),
    "unclosed-front-matter.md": (b"---\ntitle: Never closed\n",
                                 "{path}: line 1: front matter opened with '---' is never closed by a '---' line"),
}
HUGE = "huge-200mb.txt"  # refused by the size cap: "file of ... bytes is over max_bytes=..."
NOT_A_FEED = "not-a-feed.xml"  # given as its own source (a folder reads .txt, .md, .html, .htm only)

# name -> (bytes, a phrase its stored text must hold); each is stored with its loader's text
HANDLED = {
    "invalid-utf8.txt": (b"Growth of 5 percent \xff\xfe\xc3( in 2023 across 40 ports.\n", "across 40 ports."),
    "latin-1.txt": ("Le café coûte 3,50 EUR à Zürich, soit 12 % de plus qu'en 2024.".encode("latin-1"),
                    "Le café coûte 3,50 EUR à Zürich"),
    "windows-1252.txt": ("The minister said \u201cunemployment fell to 4.1 percent\u201d \u2014 a low.".encode("cp1252"),
                         "\u201cunemployment fell to 4.1 percent\u201d \u2014"),
    "gb18030.txt": ("据国家统计局数据，2024年国内生产总值增长5.2%，达到126万亿元。".encode("gb18030"), "增长5.2%"),
    "nested-5000.html": (("<html><body><p>Before: 3 boats.</p>" + "<div>" * 5000
                          + "<p>Some 120 ferries crossed the lake in 2024.</p>" + "</div>" * 5000
                          + "<p>After: 7 ships.</p></body></html>").encode(),
                         "Some 120 ferries crossed the lake in 2024."),
    "malformed.html": (b"<html><body><p>Unclosed <b>bold <i>about 75 percent of <div></span></p>><<</table>"
                       b" boats sank in 2023 <p", "about 75 percent of"),
    "scripts-and-ads.html": (
        ("<html><head><script>alert('SCRIPT-999')</script><style>.a{width:13579px}</style></head><body>"
         + "<div class='ad banner'>Buy 3 get 1 free</div>" * 50
         + "<script>document.write('<p>INJECTED-4242</p>')</script>" * 50
         + "<article><p>The port handled 4.2 million tonnes of cargo in 2024, officials said.</p>"
         + "</article></body></html>").encode(),
        "The port handled 4.2 million tonnes of cargo in 2024, officials said."),
}
LINE = "one-10mb-line.txt"  # stored; its last claim is 10 MB in


def write_bad_folder(root: Path, *, with_line: bool) -> tuple[Path, Path]:
    """The planted documents plus every hostile one; (folder, the not-a-feed .xml file)."""
    folder = root / "inbox"
    shutil.copytree(PLANTED, folder)
    for name, (data, _) in {**REFUSED, **HANDLED}.items():
        (folder / name).write_bytes(data)
    with open(folder / HUGE, "wb") as huge:  # sparse, so instant: the loader checks the size before reading
        huge.truncate(HUGE_BYTES)
    if with_line:
        filler = (LINE_FILLER * (LINE_CHARS // len(LINE_FILLER) + 1))[:LINE_CHARS - len(LINE_FIRST) - len(LINE_LAST)]
        (folder / LINE).write_text(LINE_FIRST + filler + LINE_LAST, encoding="utf-8")
    feed = root / NOT_A_FEED
    feed.write_text("this is { not xml, let alone a feed")
    return folder, feed


def expected_errors(folder: Path, feed: Path) -> dict[str, str]:
    errors = {name: error.format(path=folder / name) for name, (_, error) in REFUSED.items()}
    errors[HUGE] = f"file of {HUGE_BYTES} bytes is over max_bytes=20000000: {folder / HUGE}"
    errors[NOT_A_FEED] = f"not an RSS/Atom feed: {feed.resolve().as_uri()}"
    return errors


@pytest.fixture(scope="module")
def bad_run(prefect_api, tmp_path_factory):
    """One run over the hostile folder and the not-a-feed file: (folder, feed, db, summary, seconds)."""
    root = tmp_path_factory.mktemp("bad-documents")
    folder, feed = write_bad_folder(root, with_line=True)
    db = root / "warehouse.duckdb"
    started = time.process_time()  # CPU, not wall: a busy machine's waits for a core don't count
    summary = run_pipeline(sources=[str(folder), str(feed)], db_path=db)
    return folder, feed, db, summary, time.process_time() - started


@pytest.mark.parametrize("name", [*REFUSED, HUGE, NOT_A_FEED])
def test_a_bad_document_is_refused_with_an_error_naming_it(bad_run, rows, name):
    folder, feed, db, summary, _ = bad_run
    error = expected_errors(folder, feed)[name]
    logged = rows(db, "select ok from fetch_log where error = ?", [error])
    assert (error in summary["failures"], logged) == (True, [(False,)])


def test_the_200_mb_file_is_refused_without_being_read(bad_run, rows):
    folder, _, db, _, _ = bad_run
    uri = (folder / HUGE).resolve().as_uri()
    ((read, seconds),) = rows(db, "select bytes, duration_s from fetch_log where uri = ?", [uri])
    assert (read, seconds < 0.5) == (0, True)


@pytest.mark.parametrize("name", [*HANDLED, LINE])
def test_an_odd_document_is_stored_with_its_loaders_text(bad_run, rows, name):
    folder, _, db, _, _ = bad_run
    path = folder / name
    stored = rows(db, "select t.text from document_texts t join documents d using (document_id, version) "
                           "where d.uri = ?", [path.resolve().as_uri()])
    phrase = HANDLED[name][1] if name in HANDLED else LINE_LAST.strip()
    assert stored == [(load_file(path).text,)]
    assert phrase in stored[0][0]


def test_html_keeps_the_main_text_only(bad_run, rows):
    folder, _, db, _, _ = bad_run
    uri = (folder / "scripts-and-ads.html").resolve().as_uri()
    ((text,),) = rows(db, "select t.text from document_texts t join documents d using (document_id, version) "
                               "where d.uri = ?", [uri])
    assert (text, [m for m in SCRIPT_MARKERS if m in text]) == (HANDLED["scripts-and-ads.html"][1], [])


def test_the_10_mb_line_is_read_to_its_end_in_seconds(bad_run, rows):
    folder, _, db, _, seconds = bad_run
    uri = (folder / LINE).resolve().as_uri()
    claims = rows(db, "select c.quote, substr(t.text, c.span_start + 1, c.span_end - c.span_start), c.span_start "
                           "from claims c join document_texts t using (document_id, version) "
                           "where c.uri = ? order by c.span_start", [uri])
    assert [quote for quote, _, _ in claims] == ["Some 4,500 ferries", "77 boats"]
    assert all(quote == sliced for quote, sliced, _ in claims) and claims[-1][2] > LINE_CHARS - 40
    assert seconds < RUN_CPU_S


def test_the_good_documents_are_stored_and_linked(bad_run, rows):
    _, _, db, _, _ = bad_run
    planted = rows(db, "select count(*) from documents where uri like 'https://example.org/%'")
    conflicts = rows(db, "select quote_a, quote_b from conflicts")
    assert planted == [(4,)]
    # the planted Darien pair, and the two hostile documents that both say how many ferries
    # crossed the lake in 2024 (the 10 MB line: 4,500; the deeply nested page: 120)
    assert sorted(map(frozenset, conflicts), key=sorted) == sorted(
        [frozenset({"as many as 400,000 migrants", "More than 520,000 migrants"}),
         frozenset({"Some 4,500 ferries", "Some 120 ferries"})], key=sorted)


def test_the_run_says_some_documents_failed(bad_run, rows):
    _, _, db, summary, _ = bad_run
    failed = len(REFUSED) + 2  # and the huge file, and the feed that is not one
    run = rows(db, "select status, docs_new, docs_failed from runs")
    assert run == [("completed_with_failures", 4 + len(HANDLED) + 1, failed)]
    assert (summary["status"], len(summary["failures"])) == ("completed_with_failures", failed)


def test_the_cli_names_each_bad_document_and_exits_3(prefect_api, tmp_path):
    folder, feed = write_bad_folder(tmp_path, with_line=False)
    db = tmp_path / "cli.duckdb"
    result = CliRunner().invoke(main, ["run", "--source", str(folder), "--source", str(feed), "--db", str(db)])
    failed = sorted(line.removeprefix("  FAILED: ") for line in result.stderr.splitlines() if "FAILED: " in line)
    assert (result.exit_code, failed) == (EXIT_SOURCES_FAILED, sorted(expected_errors(folder, feed).values()))
    assert f"-> {db}: completed_with_failures" in result.stdout
    assert f"new {4 + len(HANDLED)}, changed 0, unchanged 0, failed {len(REFUSED) + 2}" in result.stdout
