"""Each benchmark prints its table (the measured times beside their baseline, and the ratio). pytest keeps a
passing test's output to itself, so CI's log showed only "passed": the tables are repeated at the end of the
run, whatever the outcome, followed by every target measured: MET or MISSED (timing.check_target). A missed
target is reported, not failed: only a regression past the benchmark's generous bound fails it."""

from __future__ import annotations

from .timing import TARGETS

_tables: list[tuple[str, str]] = []


def pytest_runtest_logreport(report) -> None:
    if report.when == "call" and report.capstdout.strip():
        _tables.append((report.nodeid, report.capstdout.strip()))


def pytest_terminal_summary(terminalreporter) -> None:
    if _tables:
        terminalreporter.section("benchmarks: measured beside their baselines")
        for nodeid, table in _tables:
            terminalreporter.write_line(nodeid)
            for line in table.splitlines():
                terminalreporter.write_line(f"  {line}")
    if TARGETS:
        missed = sum(not target.met for _nodeid, target in TARGETS)
        terminalreporter.section(f"benchmark targets: {len(TARGETS) - missed} met, {missed} missed")
        for nodeid, target in TARGETS:
            terminalreporter.write_line(f"{target.line()}   [{nodeid.rsplit('::', 1)[-1]}]")
