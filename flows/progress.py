"""Progress of a run per stage (sources fetched, documents extracted, rows stored, linking),
with rate and time left: live bars on a terminal (rich, which Prefect already installs), plain
lines when the output is not a terminal, nothing at all when quiet or served.

The flow owns one reporter for the whole run and tells it what happened; nothing here knows
about Prefect or the warehouse."""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import TextIO

MODES = ("live", "lines", "off")
STAGES = FETCHED, EXTRACTED, STORED, LINKING = ("sources fetched", "documents extracted", "rows stored", "linking")
LINE_EVERY_S = 5.0  # plain lines: at most one per stage this often, plus one when a stage ends


class Quiet:
    """No progress (`--quiet`, served runs)."""

    def start(self, stage: str, total: int | None) -> None:
        pass

    def advance(self, stage: str, n: int = 1) -> None:
        pass

    def finish(self, stage: str) -> None:
        pass

    def close(self) -> None:
        pass


@dataclass
class _Count:
    total: int | None
    started: float
    done: int = 0
    last_line: float = 0.0


def rate_and_left(done: int, total: int | None, elapsed_s: float) -> tuple[float, float | None]:
    """Items per second so far, and seconds left at that rate (None when unknown)."""
    rate = done / elapsed_s if elapsed_s > 0 else 0.0
    if total is None or rate <= 0:
        return rate, None
    return rate, max(0.0, (total - done) / rate)


@dataclass
class Lines(Quiet):
    """One plain line per stage now and then: `documents extracted 450/2000 (212/s, 7 s left)`."""

    out: TextIO = field(default_factory=lambda: sys.stderr)
    clock: object = time.monotonic
    counts: dict[str, _Count] = field(default_factory=dict)

    def start(self, stage: str, total: int | None) -> None:
        now = self.clock()
        self.counts[stage] = _Count(total, now, last_line=now)

    def advance(self, stage: str, n: int = 1) -> None:
        if stage not in self.counts:
            self.start(stage, None)
        count = self.counts[stage]
        count.done += n
        if self.clock() - count.last_line >= LINE_EVERY_S:
            self._line(stage)

    def finish(self, stage: str) -> None:
        if stage in self.counts:
            self._line(stage, finished=True)

    def _line(self, stage: str, finished: bool = False) -> None:
        count = self.counts[stage]
        now = self.clock()
        count.last_line = now
        elapsed = now - count.started
        rate, left = rate_and_left(count.done, count.total, elapsed)
        of = f"/{count.total}" if count.total is not None else ""
        tail = f"done in {elapsed:.1f} s" if finished else f"{left:.0f} s left" if left is not None else "..."
        if count.total is None and count.done == 0:  # a stage without units (linking): its time only
            self.out.write(f"{stage} ({tail})\n")
        else:
            self.out.write(f"{stage} {count.done}{of} ({rate:.0f}/s, {tail})\n")
        self.out.flush()


class Live(Quiet):
    """rich progress bars on the terminal (stderr), one per stage."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.bars = Progress(TextColumn("{task.description:<20}"), BarColumn(), MofNCompleteColumn(),
                             TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("left"),
                             TimeRemainingColumn(), console=Console(stderr=True), transient=False)
        self.ids: dict[str, int] = {}
        self.bars.start()

    def start(self, stage: str, total: int | None) -> None:
        self.ids[stage] = self.bars.add_task(stage, total=total, rate="")

    def advance(self, stage: str, n: int = 1) -> None:
        if stage not in self.ids:
            self.start(stage, None)
        task_id = self.ids[stage]
        self.bars.advance(task_id, n)
        task = self.bars.tasks[task_id]
        if task.speed:
            self.bars.update(task_id, rate=f"{task.speed:,.0f}/s")

    def finish(self, stage: str) -> None:
        if stage in self.ids:
            task = self.bars.tasks[self.ids[stage]]
            self.bars.update(self.ids[stage], total=task.completed)

    def close(self) -> None:
        self.bars.stop()


def reporter(mode: str) -> Quiet:
    """The reporter for `mode` (one of MODES)."""
    if mode not in MODES:
        raise ValueError(f"progress must be one of {MODES}, not {mode!r}")
    return Live() if mode == "live" else Lines() if mode == "lines" else Quiet()
