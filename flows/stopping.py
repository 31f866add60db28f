"""SIGTERM ends a run cleanly: the flow's own clean-up records the run failed and releases the
warehouse lock, and fetches in flight are cut (their connections shut, no new ones opened), so
the process can exit instead of waiting for a server that never answers."""
from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from claimhouse.flows.ingest.attempts import STOP_REQUESTED

STOP_SIGNALS = (signal.SIGTERM,)


class RunStopped(Exception):
    """The process was asked to stop (SIGTERM) while a run was going on."""


@contextmanager
def stop_on_signals() -> Iterator[None]:
    """Within: SIGTERM raises RunStopped in the main thread and cuts fetches in flight. A second
    SIGTERM during the clean-up ends the process at once. Off the main thread: does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    STOP_REQUESTED.clear()  # a stop of an earlier run in this process is over; not cleared on the way
    # out, where fetches in flight may not have seen it yet (their watchdogs look every STOP_POLL_S)
    previous = {number: signal.getsignal(number) for number in STOP_SIGNALS}

    def stop(number: int, frame) -> None:
        signal.signal(number, signal.SIG_DFL)  # a second one is not caught
        STOP_REQUESTED.set()
        raise RunStopped(f"the run was stopped by {signal.Signals(number).name}")

    for number in STOP_SIGNALS:
        signal.signal(number, stop)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)
