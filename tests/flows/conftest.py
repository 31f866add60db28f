"""Flow tests: planted documents and the local test site. The session's temporary Prefect API
(tests/conftest.py) starts for tests marked `flow` only, so the unit tests here start no Prefect."""
import shutil
from pathlib import Path

import pytest

from tests.net.site import start_site

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


@pytest.fixture
def planted(tmp_path) -> Path:
    """A folder of small documents with a planted agreement, a planted conflict and a
    partial-period figure that must not be linked to the full-year one."""
    folder = tmp_path / "planted"
    shutil.copytree(RESOURCES / "planted", folder)
    return folder


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
