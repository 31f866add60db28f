"""Isolate Prefect for the whole test session: a temporary PREFECT_HOME (removed at the
end), no telemetry, quiet logs. Set before anything imports prefect."""
import os
import shutil
import tempfile

_PREFECT_HOME = tempfile.mkdtemp(prefix="claimhouse-prefect-home-")
os.environ["PREFECT_HOME"] = _PREFECT_HOME
os.environ["PREFECT_SERVER_ANALYTICS_ENABLED"] = "false"
os.environ["PREFECT_LOGGING_LEVEL"] = "WARNING"
os.environ.pop("PREFECT_API_URL", None)


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_PREFECT_HOME, ignore_errors=True)
