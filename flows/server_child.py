"""Prefect's temporary API server dies with the `claimhouse` process that started it.

Without PREFECT_API_URL, a flow run starts a temporary Prefect server as a child process and stops
it at exit; a `kill -9` skips that, and the server (about 190 MB) lived on for ever (issue 12: 17
orphans after 40 kills). On Linux the child is started with PR_SET_PDEATHSIG, so the kernel sends
it SIGTERM when its parent dies, however it dies. Elsewhere nothing changes."""
from __future__ import annotations

import ctypes
import os
import signal
import subprocess
import sys
import types

PR_SET_PDEATHSIG = 1  # prctl(2)


def _die_with_parent(prctl, parent_pid: int) -> None:
    """In the child, between fork and exec (`prctl` was looked up before the fork: nothing is
    loaded here): ask for SIGTERM when the parent dies; if it already died, exit at once."""
    prctl(PR_SET_PDEATHSIG, signal.SIGTERM, 0, 0, 0)
    if os.getppid() != parent_pid:
        os._exit(1)


class _SubprocessDyingWithParent(types.ModuleType):
    """The `subprocess` module as Prefect's server module sees it: Popen starts the child with
    `_die_with_parent`; everything else is subprocess's own."""

    def __init__(self) -> None:
        super().__init__("subprocess")

    def __getattr__(self, name: str):
        return getattr(subprocess, name)

    @staticmethod
    def Popen(*args, **kwargs):  # noqa: N802 - subprocess's name
        parent, prctl = os.getpid(), ctypes.CDLL(None, use_errno=True).prctl
        kwargs.setdefault("preexec_fn", lambda: _die_with_parent(prctl, parent))
        return subprocess.Popen(*args, **kwargs)


def temporary_servers_die_with_this_process() -> bool:
    """Make the temporary Prefect servers this process starts die with it; True when that is
    in force (Linux, and Prefect's server module starts them as it did when this was written).
    With a Prefect API configured (PREFECT_API_URL or the profile) no temporary server starts:
    nothing to do, and Prefect's server module (about 2 CPU s to import) is not loaded."""
    from prefect.settings import get_current_settings

    if not sys.platform.startswith("linux") or get_current_settings().api.url:
        return False
    from prefect.server.api import server

    if not hasattr(server, "SubprocessASGIServer") or getattr(server, "subprocess", None) is not subprocess:
        return isinstance(getattr(server, "subprocess", None), _SubprocessDyingWithParent)
    server.subprocess = _SubprocessDyingWithParent()
    return True
