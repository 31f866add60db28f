"""A local HTTP server on 127.0.0.1 serving tests/resources/site/ plus misbehaving paths.

Shared by tests/net (fetch functions) and tests/flows (whole flow runs over HTTP); each
directory's conftest starts its own instance."""
from __future__ import annotations

import gzip
import http.server
import mimetypes
import sys
import threading
import time
import traceback
from collections import Counter, defaultdict
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

SITE = Path(__file__).resolve().parents[1] / "resources" / "site"
PNG_BYTES = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64
ETAG = '"article-v1"'
DRIP_INTERVAL_S = 0.5
BIG_CHUNK = b"numbers " * 8192
HOLD_S = 0.3  # /hold/<group>/<n> answers after this long (or ?seconds=); ?linger= keeps it busy after
GATE_WAIT_S = 60.0  # /gate/<key> answers once the test opens the gate, or after this long
FLAKY_TEXT = "Flaky wire: the harbour handled 2.5 million tonnes of cargo in 2024.\n"
HOLD_TEXT = "Held reply: about 300 boats were counted on the lake in 2024.\n"
GATE_TEXT = "Gated reply: some 120 ferries crossed the lake in 2024.\n"

RSS = """<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel>
  <title>Lakeside Ledger</title><link>{base}/</link><description>News</description>
  <item>
    <title>Rain report from the feed</title>
    <link>{base}/plain.txt</link>
    <pubDate>Tue, 07 Oct 2025 09:00:00 GMT</pubDate>
    <category>weather</category>
  </item>
  <item>
    <title>Harbour traffic (feed title)</title>
    <link>{base}/article.html</link>
    <pubDate>Tue, 14 Oct 2025 08:30:00 GMT</pubDate>
  </item>
  <item>
    <title>Ferry fares</title>
    <guid isPermaLink="false">ferry-fares-2025</guid>
    <description>&lt;p&gt;Ferry fares rise by &lt;b&gt;5 percent&lt;/b&gt; in January.&lt;/p&gt;</description>
    <pubDate>Wed, 15 Oct 2025 07:00:00 GMT</pubDate>
  </item>
</channel></rss>
"""

ATOM = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
  <title>Lakeside Ledger (Atom)</title>
  <id>urn:uuid:7d1c6a70-0000-4000-8000-000000000001</id>
  <updated>2025-10-14T08:30:00Z</updated>
  <entry>
    <title>Rain report (atom)</title>
    <id>urn:uuid:7d1c6a70-0000-4000-8000-000000000002</id>
    <link href="/plain.txt"/>
    <updated>2025-10-07T09:00:00Z</updated>
  </entry>
</feed>
"""


class SiteHandler(http.server.BaseHTTPRequestHandler):
    """Serves SITE; the special paths below each misbehave in one way."""

    server_version = "claimhouse-test/1"

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = self.path.split("?", 1)[0]
        with self.server.guard:
            self.server.hits[path] += 1
            self.hit = self.server.hits[path]
        special = {
            "/404": lambda: self._send(404, b"no such page", "text/plain"),
            "/500": lambda: self._send(500, b"database on fire", "text/plain"),
            "/slow": self._slow,
            "/big": self._big,
            "/redirect-loop": lambda: self._redirect("/redirect-loop"),
            "/image.png": lambda: self._send(200, PNG_BYTES, "image/png"),
            "/etag.html": self._etag,
            "/feed.xml": lambda: self._send(200, RSS.format(base=self._base()).encode(), "application/rss+xml"),
            "/atom.xml": lambda: self._send(200, ATOM.encode(), "application/atom+xml"),
            "/notxml.xml": lambda: self._send(200, b"this is not { xml", "application/xml"),
            "/headers": lambda: self._send(200, str(self.headers).encode(), "text/plain"),
            "/gzip.txt": lambda: self._send(200, gzip.compress(b"Squeezed: 7 percent.\n" * 5000), "text/plain",
                                            {"Content-Encoding": "gzip"}),
            "/cp1252.txt": lambda: self._send(
                200, "Prices rose \u201c3 percent\u201d \u2013 caf\u00e9 owners said.".encode("cp1252"),
                "text/plain; charset=iso-8859-1"),
        }
        if path in special:
            special[path]()
        elif path.startswith("/flaky/"):  # a 503 on the first request, then the page
            self._flaky(path)
        elif path.startswith("/hold/"):  # /hold/<group>/<n>: slow, counts requests in flight per group
            self._hold(path.split("/")[2])
        elif path.startswith("/gate/"):  # /gate/<key>: waits for server.gates[key] to be set
            self._gate(path.removeprefix("/gate/"))
        elif path.startswith("/redirect-to/"):  # /redirect-to/plain.txt, /redirect-to/http://host/x
            target = path.removeprefix("/redirect-to/")
            self._redirect(target if "://" in target else "/" + target)
        else:
            self._static(path)

    def log_message(self, format: str, *args) -> None:  # keep pytest output clean
        pass

    def _base(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}"

    def _send(self, status: int, body: bytes, content_type: str, headers: dict | None = None) -> None:
        with self.server.guard:
            self.server.sent.append((self.path, status, len(body)))
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        self.wfile.write(body)

    def _static(self, path: str) -> None:
        file = (SITE / path.lstrip("/")).resolve()
        if not file.is_file() or SITE not in file.parents:
            self._send(404, b"not found", "text/plain")
            return
        content_type = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
        self._send(200, file.read_bytes(), f"{content_type}; charset=utf-8")

    def _redirect(self, location: str) -> None:
        self.send_response(302)
        self.send_header("Location", location)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def _etag(self) -> None:
        if self.headers.get("If-None-Match") == ETAG:
            self.server.sent.append((self.path, 304, 0))
            self.send_response(304)
            self.send_header("ETag", ETAG)
            self.end_headers()
            return
        body = (SITE / "article.html").read_bytes()
        self._send(200, body, "text/html; charset=utf-8",
                   {"ETag": ETAG, "Last-Modified": "Tue, 14 Oct 2025 08:30:00 GMT"})

    def _flaky(self, path: str) -> None:
        if self.hit == 1:
            self._send(503, b"try again in a moment", "text/plain", {"Retry-After": "1"})
        else:
            self._send(200, FLAKY_TEXT.encode(), "text/plain; charset=utf-8")

    def _hold(self, group: str) -> None:
        """Counts the request in flight from its arrival until just before its reply is written:
        within the time its client holds it (the client cannot have the reply before it is
        written). Counting until after the write, a client that has read the reply and sent its
        next request while this thread waits to run again is counted twice."""
        query = parse_qs(urlsplit(self.path).query)
        seconds = float(query.get("seconds", [HOLD_S])[0])
        linger = float(query.get("linger", [0])[0])  # a handler thread slow to finish after its write
        with self.server.guard:
            self.server.in_flight[group] += 1
            self.server.max_in_flight[group] = max(self.server.max_in_flight[group], self.server.in_flight[group])
        try:
            time.sleep(seconds)
        finally:
            with self.server.guard:
                self.server.in_flight[group] -= 1
        self._send(200, HOLD_TEXT.encode(), "text/plain; charset=utf-8")
        time.sleep(linger)

    def _gate(self, key: str) -> None:
        if self.headers.get("If-None-Match") == ETAG:
            self.server.sent.append((self.path, 304, 0))
            self.send_response(304)
            self.send_header("ETag", ETAG)
            self.end_headers()
            return
        self.server.gates[key].wait(GATE_WAIT_S)
        self._send(200, GATE_TEXT.encode(), "text/plain; charset=utf-8", {"ETag": ETAG})

    def _slow(self) -> None:
        """Announces 1000 bytes, then drips one byte every DRIP_INTERVAL_S."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "1000")
        self.end_headers()
        self._stream(b"x", interval_s=DRIP_INTERVAL_S, times=1000)

    def _big(self) -> None:
        """No Content-Length; streams until the client hangs up."""
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.end_headers()
        self._stream(BIG_CHUNK, interval_s=0.0, times=100_000)

    def _stream(self, chunk: bytes, interval_s: float, times: int) -> None:
        for _ in range(times):
            if self.server.stopping.is_set():
                return
            try:
                self.wfile.write(chunk)
                self.wfile.flush()
            except OSError:  # the client gave up, as it should
                return
            time.sleep(interval_s)


class QuietErrors:
    """A test server's handler errors, never printed: socketserver prints them to the sys.stderr
    of the moment, which may be another test's (a CliRunner's output, where a traceback fails
    that test: a /gate/ page answered 60 s after its client timed out did). A client that went
    away before the answer (a fetch that timed out: what fault tests do on purpose) is counted in
    `.disconnects`; any other error is kept in `.errors` and its traceback written to the
    process's own stderr (sys.__stderr__, which pytest captures and shows with the test that was
    running; a CliRunner never replaces it). Mix in before the server class."""

    disconnects = 0

    def handle_error(self, request, client_address) -> None:
        error = sys.exc_info()[1]
        with _ERRORS_GUARD:
            if isinstance(error, (BrokenPipeError, ConnectionResetError, ConnectionAbortedError)):
                self.disconnects += 1
                return
            self.__dict__.setdefault("_errors", []).append(f"{client_address}: {error!r}")
        if sys.__stderr__ is not None:
            traceback.print_exc(file=sys.__stderr__)

    @property
    def errors(self) -> list[str]:
        return list(self.__dict__.get("_errors", ()))


_ERRORS_GUARD = threading.Lock()


class SiteServer(QuietErrors, http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), SiteHandler)
        self.stopping = threading.Event()
        self.guard = threading.Lock()
        self.hits: Counter[str] = Counter()  # requests per path
        self.sent: list[tuple[str, int, int]] = []  # (path with query, status, body bytes) per response
        self.in_flight: Counter[str] = Counter()  # /hold requests not yet answered, per group
        self.max_in_flight: Counter[str] = Counter()
        self.gates: defaultdict[str, threading.Event] = defaultdict(threading.Event)

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"

    def stop(self) -> None:
        self.stopping.set()
        for gate in list(self.gates.values()):
            gate.set()
        self.shutdown()
        self.server_close()


def start_site() -> tuple[SiteServer, threading.Thread]:
    server = SiteServer()
    thread = threading.Thread(target=server.serve_forever, name="test-site", daemon=True)
    thread.start()
    return server, thread
