"""Flow tests: one temporary Prefect API for the session (stopped at the end), started for the
tests marked `flow` only, so the unit tests here start no Prefect. Also the local test site."""
import shutil
from pathlib import Path

import pytest

from tests.net.site import start_site

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


@pytest.fixture(scope="session")
def prefect_api():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(autouse=True)
def _prefect_for_flow_tests(request):
    if request.node.get_closest_marker("flow"):
        request.getfixturevalue("prefect_api")


@pytest.fixture
def planted(tmp_path) -> Path:
    """A folder of small documents with a planted agreement, a planted conflict and a
    partial-period figure that must not be linked to the full-year one."""
    folder = tmp_path / "planted"
    shutil.copytree(RESOURCES / "planted", folder)
    return folder


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "warehouse.duckdb"


@pytest.fixture(scope="session")
def site_server():
    """The local test site (tests/net/site.py) on 127.0.0.1; `.base_url`, `.sent`, `.gates`, ..."""
    server, thread = start_site()
    yield server
    server.stop()
    thread.join(timeout=5)


@pytest.fixture
def rows():
    """rows(db_path, sql, params=None) -> list of tuples, read through a read-only connection."""
    import duckdb

    def read(db_path, sql, params=None):
        con = duckdb.connect(str(db_path), read_only=True)
        try:
            return con.execute(sql, params or []).fetchall()
        finally:
            con.close()

    return read
