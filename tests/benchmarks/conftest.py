"""Each benchmark prints its table (the measured times beside their baseline, and the ratio). pytest keeps a
passing test's output to itself, so CI's log showed only "passed": the tables are repeated at the end of the
run, whatever the outcome."""

from __future__ import annotations

_tables: list[tuple[str, str]] = []


def pytest_runtest_logreport(report) -> None:
    if report.when == "call" and report.capstdout.strip():
        _tables.append((report.nodeid, report.capstdout.strip()))


def pytest_terminal_summary(terminalreporter) -> None:
    if not _tables:
        return
    terminalreporter.section("benchmarks: measured beside their baselines")
    for nodeid, table in _tables:
        terminalreporter.write_line(nodeid)
        for line in table.splitlines():
            terminalreporter.write_line(f"  {line}")
