"""One writer at a time per warehouse file.

A second run against the same warehouse waits for the first to finish, up to a
timeout, then stops with a clear message (nothing of its own written yet). A run
that waited then goes ahead as usual: it reads the warehouse as the first left it."""
from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout


class WarehouseBusy(RuntimeError):
    """Another run holds the warehouse for longer than we were willing to wait."""


def lock_path(db_path: Path) -> Path:
    return Path(str(db_path) + ".lock")


@contextmanager
def warehouse_lock(db_path: Path, timeout_s: float,
                   on_wait: Callable[[str], object] | None = None) -> Iterator[None]:
    """Hold the warehouse's lock file; `on_wait` hears (once) that another run holds it."""
    Path(db_path).parent.mkdir(parents=True, exist_ok=True)
    lock = FileLock(str(lock_path(db_path)))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        if on_wait is not None:
            on_wait(f"another claimhouse run is writing to {db_path}; waiting up to {timeout_s:g} s for it")
        try:
            lock.acquire(timeout=timeout_s)
        except Timeout:
            raise WarehouseBusy(
                f"another claimhouse run is writing to {db_path} and did not finish within {timeout_s:g} s; "
                "wait for it (see `claimhouse query \"select * from runs\"`) or raise --lock-timeout"
            ) from None
    try:
        yield
    finally:
        lock.release()
