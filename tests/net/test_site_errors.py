"""The test site itself: its handlers' errors never reach the sys.stderr of the moment (another
test's CliRunner output, where a traceback fails that test), and are not lost either."""
from __future__ import annotations

import io
import sys

import pytest

from tests.net.site import SiteServer


@pytest.fixture
def server():
    site = SiteServer()  # not serving: handle_error is called here as socketserver calls it
    yield site
    site.server_close()


def _handle(server: SiteServer, error: BaseException) -> str:
    printed, real = io.StringIO(), sys.stderr
    sys.stderr = printed  # as a CliRunner does
    try:
        try:
            raise error
        except BaseException:
            server.handle_error(None, ("127.0.0.1", 1234))
    finally:
        sys.stderr = real
    return printed.getvalue()


def test_a_client_gone_before_the_answer_is_counted_and_printed_nowhere(server):
    printed = [_handle(server, BrokenPipeError(32, "Broken pipe")), _handle(server, ConnectionResetError(104, "reset"))]
    assert (printed, server.disconnects, server.errors) == (["", ""], 2, [])


def test_a_handler_defect_is_kept_and_goes_to_the_process_stderr_only(server, capfd):
    printed = _handle(server, ValueError("bad path"))
    assert (printed, server.disconnects, server.errors) == ("", 0, ["('127.0.0.1', 1234): ValueError('bad path')"])
    assert "ValueError: bad path" in capfd.readouterr().err  # sys.__stderr__: pytest shows it with the test
