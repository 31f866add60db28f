"""Isolate Prefect for the whole test session: a temporary PREFECT_HOME (removed at the
end), no telemetry, quiet logs. Set before anything imports prefect."""
import itertools
import os
import re
import shutil
import tempfile
from pathlib import Path

import pytest

_PREFECT_HOME = tempfile.mkdtemp(prefix="claimhouse-prefect-home-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["PREFECT_LOGGING_LEVEL"] = "WARNING"
os.environ.pop("PREFECT_API_URL", None)


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_PREFECT_HOME, ignore_errors=True)


# `pytestmark = pytest.mark.flow` or `pytestmark = [pytest.mark.flow, pytest.mark.net, ...]`: marks on
# every test of the module.
MODULE_MARKS = re.compile(r"^pytestmark\s*=\s*(\[[^\]]*\]|pytest\.mark\.\w+)", re.MULTILINE)
MARK_NAME = re.compile(r"pytest\.mark\.(\w+)")


def pytest_ignore_collect(collection_path, config):
    """With `-m`, a test module whose own `pytestmark` deselects every one of its tests whatever
    marks they add is not imported at all: the fast tier (-m "not slow and not flow and not net")
    then neither imports Prefect nor rewrites the flow tests only to deselect them. A module whose
    marks are not written as a literal `pytestmark = ...` is collected as usual."""
    expression = config.getoption("markexpr", "")
    if not expression or "(" in expression or collection_path.suffix != ".py" \
            or not collection_path.name.startswith("test_"):
        return None
    found = MODULE_MARKS.search(collection_path.read_text(encoding="utf-8"))
    if found is None:
        return None
    try:
        from _pytest.mark.expression import Expression

        compiled = Expression.compile(expression)
    except Exception:  # noqa: BLE001 -- pytest's own -m parsing reports a bad expression
        return None
    marks = set(MARK_NAME.findall(found[1]))
    others = sorted(set(re.findall(r"\w+", expression)) - {"and", "or", "not"} - marks)
    for chosen in itertools.product((False, True), repeat=len(others)):
        present = marks | {name for name, on in zip(others, chosen, strict=True) if on}
        if compiled.evaluate(lambda name, present=present, **_: name in present):
            return None  # some test of the module could still be selected
    return True


@pytest.fixture(scope="session")
def prefect_api():
    """One temporary Prefect API for the whole session (started by the first `flow` test,
    stopped at the end); yields its URL for `claimhouse` subprocesses."""
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    with prefect_test_harness(server_startup_timeout=120):
        yield PREFECT_API_URL.value()


@pytest.fixture(autouse=True)
def _prefect_for_flow_tests(request):
    if request.node.get_closest_marker("flow"):
        request.getfixturevalue("prefect_api")


@pytest.fixture
def db_path(tmp_path) -> Path:
    return tmp_path / "warehouse.duckdb"


@pytest.fixture(scope="session")
def _migrated_template(tmp_path_factory) -> Path:
    """A warehouse file migrated once per session; `migrated_warehouse` and `migrated_file` copy it
    (a copy costs a fraction of migrating a new file, which hundreds of tests would do)."""
    from claimhouse.warehouse.db import apply_migrations, connect

    path = tmp_path_factory.mktemp("template") / "migrated.duckdb"
    con = connect(path)
    try:
        apply_migrations(con)
    finally:
        con.close()
    con = connect(path)
    try:
        assert apply_migrations(con) == []  # reopened, it is up to date: so is every byte copy of it
    finally:
        con.close()
    return path


@pytest.fixture
def migrated_warehouse(_migrated_template):
    """migrated_warehouse(path) -> an open connection to a migrated warehouse at `path`."""
    from claimhouse.warehouse.db import connect

    def open_at(path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(_migrated_template, path)
        return connect(path)

    return open_at


@pytest.fixture
def migrated_file(_migrated_template):
    """migrated_file(path) -> `path`, a closed copy of the migrated template (for tests that hand
    the warehouse to the CLI or open it themselves)."""

    def copy_to(path: Path) -> Path:
        path.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(_migrated_template, path)
        return path

    return copy_to
