"""Faults and hostile input (the session Prefect API is in tests/conftest.py): a
local site that misbehaves in more ways than tests/net/site.py (a subclass of its handler), an
HTTPS server with a self-signed certificate made at test time, and helpers to run the CLI."""
from __future__ import annotations

import datetime as dt
import http.server
import ipaddress
import os
import shutil
import socket
import ssl
import threading
from pathlib import Path

import pytest

from tests.net.site import PNG_BYTES, QuietErrors, SiteHandler, SiteServer

PLANTED = Path(__file__).resolve().parents[1] / "resources" / "planted"
HANG_S = 30.0  # /hang and /drip-headers give up after this long (or when the server stops)
HEADER_DRIP_S = 0.1  # /drip-headers sends one byte of its status line and headers this often
HUGE_LENGTH = 5_000_000_000  # /huge-length announces a 5 GB body
TLS_TEXT = b"Secret wire: 900 tonnes of cargo were moved in 2024.\n"


@pytest.fixture(scope="session")
def rows():
    """rows(db_path, sql, params=None) -> list of tuples, read through a read-only connection."""
    import duckdb

    def read(db_path, sql, params=None) -> list[tuple]:
        con = duckdb.connect(str(db_path), read_only=True)
        try:
            return con.execute(sql, params or []).fetchall()
        finally:
            con.close()

    return read


@pytest.fixture(scope="session")
def cli_env(prefect_api) -> dict[str, str]:
    """Environment for a `claimhouse` subprocess: the session's Prefect API (so it starts no
    temporary server of its own, and a SIGKILL leaves no orphan), INFO logs to follow its steps."""
    return dict(os.environ, PREFECT_API_URL=prefect_api, PREFECT_LOGGING_LEVEL="INFO",
                PREFECT_SERVER_ANALYTICS_ENABLED="false")


# ---- a site that misbehaves ----------------------------------------------------------------

class FaultHandler(SiteHandler):
    """tests/net/site.py's handler (/404, /500, /slow, /big, /redirect-loop, /image.png, ...)
    plus a server that never answers, one that drips its headers, one that announces 5 GB,
    and binary bytes sent as text/plain."""

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        path = self.path.split("?", 1)[0]
        if path == "/hang":  # reads the request, then says nothing
            self.server.stopping.wait(HANG_S)
        elif path == "/drip-headers":
            self._drip_headers()
        elif path == "/huge-length":
            self._huge_length()
        elif path == "/unsolicited-304":  # "not modified", to a request that named no version
            self.send_response(304)
            self.end_headers()
        elif path == "/png-as-text":
            self._send(200, PNG_BYTES, "text/plain; charset=utf-8")
        else:
            super().do_GET()

    def _drip_headers(self) -> None:
        """A status line and headers one byte at a time: no single read ever waits long."""
        head = (b"HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nX-Padding: " + b"p" * 400
                + b"\r\nContent-Length: 20\r\n\r\nAbout 5 boats sank.\n")
        for byte in head:
            if self.server.stopping.wait(HEADER_DRIP_S):
                return
            try:
                self.wfile.write(bytes([byte]))
                self.wfile.flush()
            except OSError:  # the client gave up, as it should
                return

    def _huge_length(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", str(HUGE_LENGTH))
        self.end_headers()
        self._stream(b"numbers " * 8192, interval_s=0.0, times=100_000)


class FaultServer(SiteServer):
    def __init__(self) -> None:
        super().__init__()
        self.RequestHandlerClass = FaultHandler


def _serve(server: http.server.HTTPServer):
    thread = threading.Thread(target=server.serve_forever, name=type(server).__name__, daemon=True)
    thread.start()
    return thread


@pytest.fixture(scope="session")
def fault_site():
    """The misbehaving site on 127.0.0.1; `.base_url`, `.hits` (requests per path)."""
    server = FaultServer()
    thread = _serve(server)
    yield server
    server.stop()
    thread.join(timeout=5)


# ---- HTTPS with a certificate nobody vouches for ------------------------------------------------

def self_signed_certificate(folder: Path) -> tuple[Path, Path]:
    """A certificate for 127.0.0.1 signed by its own key, valid for a day: (cert.pem, key.pem)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = dt.datetime.now(dt.timezone.utc)
    cert = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(minutes=5)).not_valid_after(now + dt.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                       critical=False)
        .sign(key, hashes.SHA256())
    )
    cert_path, key_path = folder / "cert.pem", folder / "key.pem"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


class TextHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:  # noqa: N802
        self.server.hits += 1
        self.send_response(200)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(TLS_TEXT)))
        self.end_headers()
        self.wfile.write(TLS_TEXT)

    def log_message(self, format: str, *args) -> None:
        pass


class TlsServer(QuietErrors, http.server.ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, cert: Path, key: Path) -> None:
        super().__init__(("127.0.0.1", 0), TextHandler)
        self.hits = 0
        self.context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        self.context.load_cert_chain(cert, key)

    def get_request(self) -> tuple[socket.socket, tuple]:
        sock, address = super().get_request()
        sock.settimeout(5)
        return self.context.wrap_socket(sock, server_side=True), address  # a refused handshake raises OSError

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"https://{host}:{port}"


@pytest.fixture(scope="session")
def tls_site(tmp_path_factory):
    """An HTTPS server on 127.0.0.1 whose certificate is self-signed; `.base_url`, `.hits`."""
    server = TlsServer(*self_signed_certificate(tmp_path_factory.mktemp("tls")))
    thread = _serve(server)
    yield server
    server.shutdown()
    server.server_close()
    thread.join(timeout=5)



@pytest.fixture
def planted(tmp_path) -> Path:
    """A copy of tests/resources/planted: four small documents with a planted conflict."""
    folder = tmp_path / "planted"
    shutil.copytree(PLANTED, folder)
    return folder
