"""Small timing helpers shared by the benchmarks: medians of repeated runs, printed as a table."""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(work: Callable[[], object], *, repeat: int, warmup: int = 2) -> float:
    for _ in range(warmup):
        work()
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def report(title: str, rows: dict[str, float]) -> None:
    print(f"\n{title}")
    for name, seconds in rows.items():
        print(f"  {name:<38} {seconds * 1000:9.2f} ms")
