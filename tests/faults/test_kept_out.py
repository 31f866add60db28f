"""Kept out: a run fetches only http(s) from public addresses (also after a redirect), and text
from documents is stored exactly as its loader gives it but never reaches a terminal raw: the
read commands show control characters escaped. (`claimhouse query` refusing writes, ATTACH,
COPY TO, INSTALL/LOAD and file reads is tests/test_cli.py::test_query_is_read_only.)"""
from __future__ import annotations

import json
import re
import shutil
import uuid
from pathlib import Path

import pytest
from click.testing import CliRunner

from claimhouse.flows.cli import main
from claimhouse.flows.ingest import http
from claimhouse.flows.ingest.local import load_file
from claimhouse.flows.pipeline_flow import run_pipeline

pytestmark = pytest.mark.flow

PLANTED = Path(__file__).resolve().parents[1] / "resources" / "planted"
PUBLIC = "93.184.215.14"  # what the test pretends 127.0.0.1 resolves to
# What a terminal acts on: C0 controls but newline, DEL, C1 controls, bidirectional overrides.
RAW_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE_TITLE = "Blog \x1b[31mRED\x1b[0m \x07 alert \u202eevil"
HOSTILE_TEXT = (
    HOSTILE_TITLE + "\n"
    "As many as 400,000 migrants crossed the Darién Gap in 2023, the blog said. \x1b]0;pwned\x07\n"
    "<script>alert('x')</script> <img src=x onerror=alert(1)> \x9b2J \x1b[2J\r overwritten; DROP TABLE claim_rows;\n"
)
HOSTILE_HTML = ("<html><head><title>Page \x1b[5mblink</title></head><body><article><p>Some 38,000 "
                "Chinese citizens were listed in 2023 \x1b[31m&lt;script&gt;alert(2)&lt;/script&gt;.</p>"
                "</article></body></html>")


@pytest.mark.net
def test_a_redirect_to_a_private_address_is_refused_in_a_run(fault_site, db_path, rows, monkeypatch):
    resolve = http.resolve_host  # 127.0.0.1 passes for public; "localhost" still resolves to loopback
    monkeypatch.setattr(http, "resolve_host", lambda host, port, url: (
        [PUBLIC] if host == "127.0.0.1" else resolve(host, port, url)))
    port, target = fault_site.server_address[1], f"/private-{uuid.uuid4().hex[:8]}"
    url = f"{fault_site.base_url}/redirect-to/http://localhost:{port}{target}"
    summary = run_pipeline(sources=[url], db_path=db_path, retry_delays_s=[0.1])
    ((ok, error),) = rows(db_path, "select ok, error from fetch_log where uri = ?", [url])
    assert (ok, error.startswith("refused private address "), f" for http://localhost:{port}{target}:" in error) == (
        False, True, True)
    assert (fault_site.hits[target], rows(db_path, "select count(*) from documents")) == (0, [(0,)])
    assert summary["status"] == "completed_with_failures"


def test_only_http_and_https_urls_are_fetched_in_a_run(db_path, rows):
    urls = ["file:///etc/passwd", "ftp://127.0.0.1/notes.txt", "javascript:alert(1)", "gopher://127.0.0.1:70/1"]
    summary = run_pipeline(sources=urls, db_path=db_path)
    logged = rows(db_path, "select uri, ok, error like '%' || uri || '%' from fetch_log order by uri")
    assert logged == [(url, False, True) for url in sorted(urls)]
    assert (summary["docs_failed"], rows(db_path, "select count(*) from documents")) == (4, [(0,)])


@pytest.fixture(scope="module")
def hostile_run(prefect_api, tmp_path_factory):
    """A run over the planted documents plus a text file and a page full of escape sequences,
    control characters, markup and SQL; the text file's claim conflicts with a planted one."""
    tmp_path = tmp_path_factory.mktemp("hostile")
    planted = shutil.copytree(PLANTED, tmp_path / "planted")
    (planted / "a-darien-blog.md").unlink()  # its claim would be a second conflict with the wire report
    (planted / "hostile.txt").write_text(HOSTILE_TEXT, encoding="utf-8", newline="")
    (planted / "hostile.html").write_text(HOSTILE_HTML, encoding="utf-8")
    db = tmp_path / "hostile.duckdb"
    assert run_pipeline(sources=[str(planted)], db_path=db)["status"] == "completed"
    return planted, db


def _stored_text(rows, db, path) -> str:
    ((text,),) = rows(db, "select t.text from document_texts t join documents d using (document_id, version) "
                          "where d.uri = ?", [path.resolve().as_uri()])
    return text


@pytest.mark.parametrize("name", ["hostile.txt", "hostile.html"])
def test_hostile_text_is_stored_exactly_as_its_loader_gives_it(hostile_run, rows, name):
    folder, db = hostile_run
    assert _stored_text(rows, db, folder / name) == load_file(folder / name).text


def test_a_text_file_keeps_its_control_characters_and_markup_as_text(hostile_run, rows):
    folder, db = hostile_run
    title = rows(db, "select title from documents where uri = ?", [(folder / "hostile.txt").resolve().as_uri()])
    assert (_stored_text(rows, db, folder / "hostile.txt"), title) == (HOSTILE_TEXT, [(HOSTILE_TITLE,)])


def _invoke(*args):
    result = CliRunner().invoke(main, list(args))
    assert result.exit_code == 0, result.output
    return result.stdout


@pytest.mark.parametrize("fmt", ["table", "csv"])
def test_query_output_shows_control_characters_escaped(hostile_run, fmt):
    folder, db = hostile_run
    out = _invoke("query", "select title, text from documents join document_texts using (document_id, version) "
                           "where uri like '%hostile.txt'", "--db", str(db), "--format", fmt)
    assert RAW_CONTROL.findall(out.replace("\r\n", "\n")) == []  # CSV ends its lines with \r\n
    assert "Blog \\x1b[31mRED\\x1b[0m \\x07 alert \\u202eevil" in out


def test_query_json_gives_back_the_exact_text(hostile_run):
    folder, db = hostile_run
    out = _invoke("query", "select text from document_texts t join documents d using (document_id, version) "
                           "where d.uri like '%hostile.txt'", "--db", str(db), "--format", "json")
    assert (RAW_CONTROL.findall(out), json.loads(out)) == ([], [{"text": HOSTILE_TEXT}])


def test_conflicts_show_a_hostile_title_escaped(hostile_run):
    folder, db = hostile_run
    out = _invoke("conflicts", "--db", str(db))
    assert RAW_CONTROL.findall(out) == []
    assert "Blog \\x1b[31mRED\\x1b[0m \\x07 alert \\u202eevil" in out and "(1 row)" in out
