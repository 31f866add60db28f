"""Scheduling: `claimhouse serve` against a real Prefect server on 127.0.0.1 (the temporary test
API has no scheduler), and prefect.yaml declaring the same deployment as flows/serve.py."""
from __future__ import annotations

import importlib
import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
import yaml
from click.testing import CliRunner

from claimhouse.flows.cli import main

# The tests import Prefect (serve.py and the flow do) when they run, not when the module is
# collected: collecting the fast tier imports no Prefect.

ROOT = Path(__file__).resolve().parents[2]
SERVE_WALL_S = 120  # the whole scheduled-runs test, server start and shutdown included
STEP_S = 60.0  # the longest any one step may take (server up, two runs done)
STOP_S = 20.0


def _deployment() -> dict:
    (deployment,) = yaml.safe_load((ROOT / "prefect.yaml").read_text())["deployments"]
    return deployment


# ---- prefect.yaml and the serve command, no server -----------------------------------------------

def test_prefect_yaml_entrypoint_is_the_flow():
    from prefect.flows import load_flow_from_entrypoint

    from claimhouse.flows.pipeline_flow import run_pipeline

    path, name = _deployment()["entrypoint"].split(":")
    module = importlib.import_module("claimhouse." + path.removesuffix(".py").replace("/", "."))  # flows/ is claimhouse.flows
    loaded_by_prefect = load_flow_from_entrypoint(f"{ROOT / path}:{name}")
    assert getattr(module, name) is run_pipeline and loaded_by_prefect.name == run_pipeline.name


def test_prefect_yaml_declares_the_served_deployment():
    from claimhouse.flows import serve
    from claimhouse.flows.pipeline_flow import run_pipeline

    deployment = _deployment()
    run_pipeline.validate_parameters(deployment["parameters"])  # raises on a parameter the flow lacks
    assert (deployment["name"], deployment["schedules"], deployment["concurrency_limit"]) == (
        serve.DEPLOYMENT_NAME, [{"cron": serve.DEFAULT_CRON, "timezone": "UTC"}], serve.CONCURRENT_RUNS)


def test_serve_without_a_prefect_api_says_how_to_start_one(tmp_path):
    from prefect.settings import PREFECT_API_URL, temporary_settings

    with temporary_settings(restore_defaults={PREFECT_API_URL}):
        result = CliRunner().invoke(main, ["serve", "--interval", "60", "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 1
    assert "PREFECT_API_URL is not set" in result.output and "`prefect server start`" in result.output


@pytest.mark.parametrize(("cron", "interval_s", "message"), [
    (None, None, "exactly one schedule"),
    ("0 * * * *", 60.0, "exactly one schedule"),
    ("every morning", None, "not a cron expression"),
    (None, -1.0, "above 0 seconds"),
])
def test_a_bad_schedule_is_refused(cron, interval_s, message):
    from claimhouse.flows import serve

    with pytest.raises(serve.ServeError, match=message):
        serve.schedule_args(cron, interval_s)


def test_deployment_paths_are_absolute(tmp_path, monkeypatch):
    from claimhouse.flows import serve

    monkeypatch.chdir(tmp_path)
    params = serve.deployment_parameters("sources.toml", ["notes", "feed:rss.xml", "https://x.org/a"], "w.duckdb")
    assert (params["sources_file"], params["db_path"], params["sources"]) == (
        str(tmp_path / "sources.toml"), str(tmp_path / "w.duckdb"),
        [str(tmp_path / "notes"), f"feed:{tmp_path / 'rss.xml'}", "https://x.org/a"])


# ---- scheduled runs through a real Prefect server -------------------------------------------------

def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _start_time(pid: int) -> str | None:
    """Field 22 of /proc/<pid>/stat (start time): tells a process from a later one with its pid."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    fields = stat.rsplit(")", 1)[1].split()
    return None if fields[0] == "Z" else fields[19]


def _descendants(root: int) -> set[tuple[int, str]]:
    parents: dict[int, list[int]] = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                ppid = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
            parents.setdefault(ppid, []).append(int(entry.name))
    found, todo = set(), [root]
    while todo:
        for child in parents.get(todo.pop(), []):
            started = _start_time(child)
            if started is not None:
                found.add((child, started))
                todo.append(child)
    return found


def _alive(processes: set[tuple[int, str]]) -> set[tuple[int, str]]:
    return {(pid, started) for pid, started in processes if _start_time(pid) == started}


def _ctrl_c_as_in_a_terminal() -> None:
    """A child takes SIGINT as Ctrl-C even when pytest itself runs in the background, where
    the shell starts it (and so its children) with SIGINT ignored."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


class Started:
    """The processes this test starts (each in its own session) and every descendant seen."""

    def __init__(self) -> None:
        self.popens: list[subprocess.Popen] = []
        self.seen: set[tuple[int, str]] = set()

    def start(self, command: list[str], env: dict, log: Path) -> subprocess.Popen:
        process = subprocess.Popen(command, env=env, stdout=log.open("w"), stderr=subprocess.STDOUT,
                                   start_new_session=True, preexec_fn=_ctrl_c_as_in_a_terminal)
        self.popens.append(process)
        return process

    def watch(self) -> None:
        for process in self.popens:
            if process.poll() is None:
                self.seen |= _descendants(process.pid)

    def stop(self, process: subprocess.Popen, sig: int) -> None:
        self.watch()
        if process.poll() is None:
            os.killpg(process.pid, sig)  # the session this test started for it
            try:
                process.wait(STOP_S)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(5)

    def leftovers(self) -> set[tuple[int, str]]:
        deadline = time.monotonic() + STOP_S
        while _alive(self.seen) and time.monotonic() < deadline:
            time.sleep(0.2)
        return _alive(self.seen)


@pytest.fixture
def started():
    processes = Started()
    yield processes
    for process in reversed(processes.popens):  # a failed test still stops everything it started
        processes.stop(process, signal.SIGKILL)
    for pid, _ in processes.leftovers():
        os.kill(pid, signal.SIGKILL)


def _wait_for(check, what: str, process: subprocess.Popen, log: Path):
    deadline = time.monotonic() + STEP_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"{what}: the process exited with {process.returncode}:\n{log.read_text()[-3000:]}")
        found = check()
        if found:
            return found
        time.sleep(0.5)
    pytest.fail(f"gave up after {STEP_S:g} s waiting for {what}:\n{log.read_text()[-3000:]}")


def _get(http: requests.Session, url: str):
    try:
        return http.get(url, timeout=2).ok
    except requests.RequestException:
        return False


def _completed_scheduled_runs(http: requests.Session, api: str) -> list[str]:
    query = {"flow_runs": {"state": {"type": {"any_": ["COMPLETED"]}}}}
    runs = http.post(f"{api}/flow_runs/filter", json=query, timeout=5).json()
    return [run["id"] for run in runs if run["auto_scheduled"]]


@pytest.mark.flow
@pytest.mark.timeout(SERVE_WALL_S)
def test_served_flow_runs_on_its_schedule_and_each_run_is_recorded(planted, tmp_path, rows, started):
    api = f"http://127.0.0.1:{_free_port()}/api"
    base_env = {k: v for k, v in os.environ.items() if not k.startswith("PREFECT_")}
    server_env = {**base_env, "PREFECT_HOME": str(tmp_path / "server-home"),
                  "PREFECT_SERVER_DATABASE_CONNECTION_URL": f"sqlite+aiosqlite:///{tmp_path / 'prefect.db'}",
                  "PREFECT_SERVER_ANALYTICS_ENABLED": "false", "PREFECT_LOGGING_LEVEL": "WARNING"}
    serve_env = {**base_env, "PREFECT_HOME": str(tmp_path / "serve-home"), "PREFECT_API_URL": api,
                 "PREFECT_RUNNER_POLL_FREQUENCY": "1", "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    sources = tmp_path / "sources.toml"
    sources.write_text('[sources.planted]\nkind = "folder"\npath = "planted"\ntags = ["planted"]\n')
    db_path = tmp_path / "scheduled.duckdb"
    server_log, serve_log = tmp_path / "server.log", tmp_path / "serve.log"
    prefect = shutil.which("prefect", path=str(Path(sys.executable).parent))
    port = api.split(":")[2].split("/")[0]
    http = requests.Session()
    http.trust_env = False  # straight to 127.0.0.1, whatever the proxy settings

    server = started.start([prefect, "server", "start", "--host", "127.0.0.1", "--port", port, "--no-ui"],
                           server_env, server_log)
    _wait_for(lambda: _get(http, f"{api}/health"), "the Prefect server to answer", server, server_log)
    served = started.start([sys.executable, "-m", "claimhouse.flows.cli", "serve", "--sources", str(sources),
                            "--db", str(db_path), "--interval", "2"], serve_env, serve_log)

    def two_completed():
        started.watch()
        found = _completed_scheduled_runs(http, api)
        return found if len(found) >= 2 else None

    flow_run_ids = _wait_for(two_completed, "two scheduled runs to complete", served, serve_log)
    started.stop(served, signal.SIGINT)  # Ctrl-C: the runner pauses the schedule and exits
    started.stop(server, signal.SIGTERM)
    leftovers = started.leftovers()

    recorded = rows(db_path, "select flow_run_id, status, docs_new + docs_unchanged from runs")
    completed = {run_id: docs for run_id, status, docs in recorded if status == "completed"}
    assert set(flow_run_ids) <= set(completed) and set(completed[run_id] for run_id in flow_run_ids) == {4}
    assert rows(db_path, "select count(*), min(tags) from documents") == [(4, ["planted"])]
    assert (served.returncode, leftovers) == (0, set()), serve_log.read_text(errors="replace")[-3000:]


def test_the_writers_memory_limit_is_a_deployment_parameter_when_given():
    from claimhouse.flows import serve

    assert serve.deployment_parameters(sources=["x"], memory_limit="1GB")["memory_limit"] == "1GB"
    assert "memory_limit" not in serve.deployment_parameters(sources=["x"])
