"""After a run: a Prefect artifact (markdown summary, table of new conflicts and contradicted
checks) on the temporary Prefect API, and a webhook POST to a server on 127.0.0.1 when the run
found new conflicts. Hostile text in a title and a quote is inert in both."""
import json
import shutil
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from claimhouse.flows.artifacts import FINDINGS_KEY, SUMMARY_KEY, cell, md
from claimhouse.flows.bundled import default_references

HOSTILE_DOC = """---
title: "<script>alert('t')</script> [click](javascript:alert(1)) \\u001b]52;c;ZXZpbA==\\u0007"
url: https://example.org/hostile
published: 2024-02-10
---
<img src=x onerror=alert(1)> Officials said 610,000 migrants crossed the Darién Gap in 2023 \x1b[2J.
"""


def run_pipeline(**kwargs):
    """The flow, imported when a flow test runs: the fast tests of this module import no Prefect."""
    from claimhouse.flows.pipeline_flow import run_pipeline as flow

    return flow(**kwargs)


@pytest.fixture
def hostile_planted(tmp_path):
    """tests/resources/planted (a planted conflict and agreement) and a hostile document."""
    planted = tmp_path / "planted"
    shutil.copytree(Path(__file__).resolve().parents[1] / "resources" / "planted", planted)
    (planted / "e-hostile.md").write_text(HOSTILE_DOC, encoding="utf-8")
    return planted


@pytest.fixture
def webhook():
    """A server on 127.0.0.1 that records the bodies POSTed to it."""
    received = []

    class Hook(BaseHTTPRequestHandler):
        def do_POST(self):  # noqa: N802 (http.server's name)
            received.append((self.headers.get("Content-Type"), self.rfile.read(int(self.headers["Content-Length"]))))
            self.send_response(204)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}/hook", received
    server.shutdown()
    thread.join(timeout=5)


def artifacts_of(run_id):
    from prefect.client.orchestration import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterFlowRunId

    with get_client(sync_client=True) as client:
        found = client.read_artifacts(artifact_filter=ArtifactFilter(flow_run_id=ArtifactFilterFlowRunId(any_=[run_id])))
    return {a.key: a for a in found}


@pytest.mark.flow
@pytest.mark.net
def test_a_run_publishes_its_findings_and_notifies_the_webhook(hostile_planted, db_path, webhook):
    url, received = webhook
    summary = run_pipeline(sources=[str(hostile_planted)], db_path=db_path, notify_url=url,
                           references=default_references())
    artifacts = artifacts_of(summary["run_id"])
    markdown = artifacts[SUMMARY_KEY].data
    table = artifacts[FINDINGS_KEY].data
    table = json.loads(table) if isinstance(table, str) else table
    assert summary["conflicts_new"] >= 2 and f"conflicts {summary['conflicts_new']}" in markdown
    assert {row["finding"] for row in table} == {"conflict", "contradicted"}
    assert "More than 520,000 migrants" in json.dumps(table)
    # hostile text: escaped in both artifacts
    for text in (markdown, json.dumps(table, ensure_ascii=False)):
        assert ("<script" in text, "<img" in text, "\x1b" in text) == (False,) * 3
    assert "](javascript" not in markdown  # no markdown link from a document
    # the webhook: one POST of JSON, with the exact text behind \\u escapes only
    assert len(received) == 1
    content_type, body = received[0]
    payload = json.loads(body)
    assert (content_type, body.isascii(), b"<" in body) == ("application/json", True, False)
    assert payload["event"] == "claimhouse.new_conflicts" and payload["conflicts_new"] == summary["conflicts_new"]
    assert any("<script>" in (c["title_a"] or "") + (c["title_b"] or "") for c in payload["conflicts"])


@pytest.mark.flow
@pytest.mark.net
def test_a_run_without_new_conflicts_sends_nothing(hostile_planted, db_path, webhook):
    url, received = webhook
    run_pipeline(sources=[str(hostile_planted)], db_path=db_path)
    summary = run_pipeline(sources=[str(hostile_planted)], db_path=db_path, notify_url=url)
    assert (summary["conflicts_new"], received) == (0, [])


@pytest.mark.flow
def test_the_findings_of_a_run_that_counted_no_new_conflict_do_not_look_for_them(hostile_planted, db_path,
                                                                                  monkeypatch):
    from claimhouse.flows import artifacts

    run_id = run_pipeline(sources=[str(hostile_planted)], db_path=db_path)["run_id"]
    asked = []
    real = artifacts.load_sql
    monkeypatch.setattr(artifacts, "load_sql", lambda *names: asked.append(names[-1]) or real(*names))
    looked = artifacts.findings(db_path, run_id)
    skipped = artifacts.findings(db_path, run_id, new_conflicts=False)
    assert asked == ["run_findings_conflicts", "run_findings_checks", "run_findings_checks"]
    assert len(looked["conflicts"]) > 0 and skipped == {"conflicts": [], "checks": looked["checks"]}


@pytest.mark.flow
def test_the_findings_query_runs_within_the_run_writers_limits_not_a_readers(hostile_planted, db_path,
                                                                             monkeypatch):
    import duckdb

    from claimhouse.flows import artifacts
    from claimhouse.warehouse.limits import READ_LIMITS, WriteLimits

    run_id = run_pipeline(sources=[str(hostile_planted)], db_path=db_path)["run_id"]
    seen = []
    real = artifacts.connect

    def connect(*args, **kwargs):
        con = real(*args, **kwargs)
        seen.append(con.execute("select current_setting('memory_limit'), "
                                "current_setting('max_temp_directory_size')").fetchone())
        return con

    monkeypatch.setattr(artifacts, "connect", connect)
    limits = WriteLimits(memory_limit="300MB", max_temp_directory_size="3GB")
    found = artifacts.findings(db_path, run_id, write_limits=limits)
    as_duckdb_shows = duckdb.connect(config={"memory_limit": "300MB", "max_temp_directory_size": "3GB"}).execute(
        "select current_setting('memory_limit'), current_setting('max_temp_directory_size')").fetchone()
    assert seen == [as_duckdb_shows] and READ_LIMITS.memory_limit != "300MB"
    assert found["conflicts"]


@pytest.mark.flow
def test_a_findings_query_that_does_not_fit_on_two_threads_is_run_again_on_one(hostile_planted, db_path,
                                                                               monkeypatch):
    """DuckDB's hash tables and sorts are per thread: the query that ran out of memory is tried once
    more on one thread, with the same limits, and gives the same rows as the query that fit."""
    import duckdb

    from claimhouse.flows import artifacts

    run_id = run_pipeline(sources=[str(hostile_planted)], db_path=db_path)["run_id"]
    expected = artifacts.findings(db_path, run_id)
    threads = []
    real = artifacts.connect

    def connect(*args, **kwargs):
        con = real(*args, **kwargs)
        threads.append(con.execute("select current_setting('threads')").fetchone()[0])
        if threads[-1] > 1:
            con.close()
            raise duckdb.OutOfMemoryException("Out of Memory Error: could not allocate block of size 256.0 KiB")
        return con

    monkeypatch.setattr(artifacts, "connect", connect)
    assert artifacts.findings(db_path, run_id) == expected and expected["conflicts"]
    assert threads == [2, 1]


@pytest.mark.parametrize(("given", "shown"), [
    ("<b>x</b>", "&lt;b&gt;x&lt;/b&gt;"),
    ("a\x1b[2Jb", "a\\x1b[2Jb"),
    ("two\nlines", "two lines"),
])
def test_cells_are_inert(given, shown):
    assert cell(given) == shown


def test_markdown_syntax_from_a_document_is_escaped():
    assert md("[x](javascript:alert(1)) *b*") == r"\[x\]\(javascript:alert\(1\)\) \*b\*"


@pytest.mark.slow
def test_serve_passes_a_webhook_url_to_the_deployment_and_refuses_others():
    from claimhouse.flows import serve
    from claimhouse.flows.pipeline_flow import run_pipeline

    params = serve.deployment_parameters(db_path="w.duckdb", notify_url="http://127.0.0.1:9/hook")
    run_pipeline.validate_parameters(params)  # raises on a parameter the flow lacks
    with pytest.raises(serve.ServeError, match="http"):
        serve.deployment_parameters(db_path="w.duckdb", notify_url="file:///etc/passwd")
    assert params["notify_url"] == "http://127.0.0.1:9/hook"
