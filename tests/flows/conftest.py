"""End-to-end flow tests: one temporary Prefect API for the session (stopped at the end)."""
import shutil
from pathlib import Path

import pytest

RESOURCES = Path(__file__).resolve().parents[1] / "resources"


@pytest.fixture(scope="session", autouse=True)
def prefect_api():
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield


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
