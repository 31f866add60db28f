"""Bad servers, through the whole flow: each fault is a failed row in `fetch_log` whose error
names the URL, retried only when a retry may help, within the time and size caps; the good
source of the same run is stored and the run ends `completed_with_failures`."""
from __future__ import annotations

import pytest

from claimhouse.flows.ingest.http import CHUNK_BYTES
from claimhouse.flows.pipeline_flow import run_pipeline
from tests.faults.conftest import HANG_S

pytestmark = [pytest.mark.flow, pytest.mark.net]

TIMEOUT_S = 1.0
MAX_BYTES = 1_000_000
# Each attempt is cut by the caps, well before the server would end it (/hang and /drip-headers
# after HANG_S = 30 s, /big never): an attempt's own duration (fetch_log.duration_s) stays under
# half of that. Not the run's wall time, which a loaded machine stretches with the flow's start.
ATTEMPT_S = HANG_S / 2

# (path, the error, as a pattern over {url}; attempts in fetch_log)
FAULTS = [
    ("/404", "HTTP 404 Not Found for {url}", 1),
    ("/500", "HTTP 500 Internal Server Error for {url}", 2),
    ("/redirect-loop", "redirect loop at {url} for {url}", 1),
    ("/hang", "timed out after 1 s waiting for {url}", 2),
    ("/slow", "timed out after 1 s reading {url} (% bytes read)", 2),
    ("/drip-headers", "timed out after 1 s waiting for {url}", 2),
    ("/big", "body over max_bytes=1000000 (% bytes read) for {url}", 1),
    ("/huge-length", "response of 5000000000 bytes is over max_bytes=1000000 for {url}", 1),
    ("/image.png", "unexpected content type image/png from {url}", 1),
    ("/png-as-text", "binary file (PNG) is not a text document: {url}", 1),
]


def _run_with_a_good_source(db_path, url, good):
    return run_pipeline(sources=[good, url], db_path=db_path, allow_private=True, timeout_s=TIMEOUT_S,
                        max_bytes=MAX_BYTES, retry_delays_s=[0.1])


def _longest_attempt(rows, db_path, url):
    ((longest,),) = rows(db_path, "select max(duration_s) from fetch_log where uri = ?", [url])
    return longest


@pytest.mark.parametrize(("path", "error", "attempts"), FAULTS, ids=[f[0].strip("/") for f in FAULTS])
def test_a_bad_server_is_a_failed_fetch_naming_the_url_and_the_run_goes_on(fault_site, db_path, rows,
                                                                           path, error, attempts):
    url, good = fault_site.base_url + path, fault_site.base_url + "/plain.txt"
    summary = _run_with_a_good_source(db_path, url, good)
    log = rows(db_path, "select ok, error like ? from fetch_log where uri = ?", [error.format(url=url), url])
    stored = rows(db_path, "select uri from documents")
    assert (log, stored) == ([(False, True)] * attempts, [(good,)])
    assert (summary["status"], summary["docs_failed"], [url in f for f in summary["failures"]]) == (
        "completed_with_failures", 1, [True])
    assert _longest_attempt(rows, db_path, url) < ATTEMPT_S


def test_an_endless_body_is_cut_at_the_size_cap(fault_site, db_path, rows):
    url = fault_site.base_url + "/big"
    _run_with_a_good_source(db_path, url, fault_site.base_url + "/plain.txt")
    ((read,),) = rows(db_path, "select bytes from fetch_log where uri = ?", [url])
    assert MAX_BYTES < read <= MAX_BYTES + CHUNK_BYTES


def test_a_self_signed_certificate_is_refused(tls_site, fault_site, db_path, rows):
    url, good = tls_site.base_url + "/wire.txt", fault_site.base_url + "/plain.txt"
    summary = _run_with_a_good_source(db_path, url, good)
    log = rows(db_path, "select ok, error like 'TLS error for ' || ? || ': %certificate verify failed%' "
                        "from fetch_log where uri = ?", [url, url])
    stored = rows(db_path, "select uri from documents")
    assert (log, stored, summary["status"], tls_site.hits) == (
        [(False, True)], [(good,)], "completed_with_failures", 0)
    assert _longest_attempt(rows, db_path, url) < ATTEMPT_S
