"""Growth checks for "runs in linear time" tests that a loaded machine cannot fail.

Three things keep a busy neighbour out of the result:
- CPU time of this process (`time.process_time`), not wall time: time spent waiting for a core
  while other processes run is not counted;
- the best of several runs of each size: a run slowed by a cache flush or a page fault is dropped;
- sizes far apart: sixteen times the input costs about 16x for linear work and 256x for quadratic,
  and the bound (64x) sits a factor of four from either, so neither noise nor n log n reaches it.

`tests/test_timing.py` checks that the helper passes linear work and fails quadratic work."""
from __future__ import annotations

import time
from collections.abc import Callable

SIZE_FACTOR = 16    # the large input is this many times the small one
GROWTH_BOUND = 64   # linear ~16, quadratic ~256: the geometric middle
REPEATS = 3         # best of this many runs per size


def best_seconds(work: Callable[[], object], repeats: int = REPEATS) -> float:
    """The least CPU time `work()` took over `repeats` runs."""
    best = float("inf")
    for _ in range(repeats):
        started = time.process_time()
        work()
        best = min(best, time.process_time() - started)
    return best


def growth(run: Callable[[int], object], small: int, factor: int = SIZE_FACTOR, repeats: int = REPEATS) -> float:
    """How many times longer `run(factor * small)` takes than `run(small)`, best runs compared."""
    run(small)  # warm up: the first call may compile patterns or load data
    short = best_seconds(lambda: run(small), repeats)
    long = best_seconds(lambda: run(factor * small), repeats)
    return long / max(short, 1e-6)


def assert_linear(run: Callable[[int], object], small: int, factor: int = SIZE_FACTOR,
                  bound: float = GROWTH_BOUND, repeats: int = REPEATS) -> None:
    """`run(n)` does work proportional to n: `factor` times n costs less than `bound` times as much."""
    ratio = growth(run, small, factor, repeats)
    assert ratio < bound, f"{factor}x the input took {ratio:.1f}x as long (bound {bound:g}x, quadratic ~{factor ** 2}x)"
