"""Footage hashing beside `openssl dgst -sha256` on the same 2 GB file, several files on 2 cores, and the
GUI thread's responsiveness while a large file hashes in the background (evidence integrity)."""

import os
import subprocess
import time
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor

import pytest

from intake_app.security.hashing import FileHash, hash_file

from .timing import check_target

GB2 = 2 * 1024**3
BLOCK = 64 * 1024 * 1024


def hash_files(paths: Iterable[str | os.PathLike], *, workers: int) -> list[FileHash]:
    """Several files at once on `workers` threads (hashlib releases the GIL on large updates); results in the
    order given. The app hashes one file at a time: this is the benchmark's own measure of the threads."""
    with ThreadPoolExecutor(max_workers=workers, thread_name_prefix="hash") as pool:
        return list(pool.map(hash_file, paths))


def test_several_files_hashed_on_threads_match_sha256sum_in_the_order_given(tmp_path):
    paths = []
    for i in range(4):
        p = tmp_path / f"c{i}.mp4"
        p.write_bytes(os.urandom(100_000 + i))
        paths.append(p)
    expected = [subprocess.run(["sha256sum", str(p)], capture_output=True, text=True, check=True).stdout.split()[0]
                for p in paths]
    assert [r.sha256 for r in hash_files(paths, workers=2)] == expected


def _write(path, size, seed):
    """Random-ish data, really written (no sparse holes): a random block, varied per block."""
    base = bytearray(os.urandom(BLOCK))
    with open(path, "wb") as f:
        written, n = 0, 0
        while written < size:
            base[:8] = (seed * 1_000_003 + n).to_bytes(8, "little")
            chunk = memoryview(base)[:min(BLOCK, size - written)]
            f.write(chunk)
            written += len(chunk)
            n += 1
    return path


@pytest.fixture(scope="module")
def big_file(tmp_path_factory):
    path = _write(tmp_path_factory.mktemp("hash") / "bodycam-2gb.mp4", GB2, 1)
    yield path
    path.unlink()


def _openssl(path) -> tuple[str, float]:
    start = time.perf_counter()
    out = subprocess.run(["openssl", "dgst", "-sha256", "-r", str(path)], capture_output=True, text=True, check=True).stdout
    return out.split()[0], time.perf_counter() - start


def _ours(path) -> tuple[str, float]:
    start = time.perf_counter()
    digest = hash_file(path).sha256
    return digest, time.perf_counter() - start


@pytest.mark.benchmark
def test_hashing_a_2gb_file_keeps_up_with_openssl(big_file):
    ours, theirs = [], []
    for _ in range(3):  # alternate, so both see the same page cache and machine load; best of each
        digest, t = _ours(big_file)
        ours.append(t)
        reference, t = _openssl(big_file)
        theirs.append(t)
        assert digest == reference
    mbps_ours, mbps_openssl = GB2 / 1e6 / min(ours), GB2 / 1e6 / min(theirs)
    ratio = mbps_ours / mbps_openssl
    print(f"\n2 GB file: ours {mbps_ours:,.0f} MB/s ({min(ours):.2f} s), openssl dgst -sha256 {mbps_openssl:,.0f} MB/s "
          f"({min(theirs):.2f} s): ratio {ratio:.2f}x")
    check_target("hashing / openssl", ratio, 0.95, bound=0.4, unit="x", at_most=False)


def _openssl_processes(paths) -> float:
    start = time.perf_counter()
    procs = [subprocess.Popen(["openssl", "dgst", "-sha256", str(p)], stdout=subprocess.DEVNULL) for p in paths]
    assert all(proc.wait() == 0 for proc in procs)
    return time.perf_counter() - start


@pytest.mark.benchmark
def test_several_files_hash_in_parallel_on_two_cores(tmp_path):
    """Two threads beside two openssl processes at once (target 0.95x, as for one file): the cores are shared
    with other work on this machine, so the bar is what OpenSSL itself gets from them in the same moment,
    not an ideal 2x."""
    paths = [_write(tmp_path / f"cam{i}.mp4", 512 * 1024**2, 10 + i) for i in range(2)]
    try:
        one_by_one = hash_files(paths, workers=1)
        sequential, parallel, openssl = [], [], []
        for _ in range(3):  # best of three: the other work on this machine comes and goes
            start = time.perf_counter()
            hash_files(paths, workers=1)
            sequential.append(time.perf_counter() - start)
            start = time.perf_counter()
            together = hash_files(paths, workers=2)
            parallel.append(time.perf_counter() - start)
            openssl.append(_openssl_processes(paths))
    finally:
        for p in paths:
            p.unlink()
    assert [r.sha256 for r in together] == [r.sha256 for r in one_by_one]
    seq, par, ossl = min(sequential), min(parallel), min(openssl)
    print(f"\n2 x 512 MB: one thread {seq:.2f} s, two threads {par:.2f} s (speed-up {seq / par:.2f}x), "
          f"two openssl processes {ossl:.2f} s: ours/openssl in parallel {ossl / par:.2f}x")
    check_target("parallel hashing / openssl", ossl / par, 0.95, bound=0.4, unit="x", at_most=False)


@pytest.mark.benchmark
def test_the_gui_thread_stays_responsive_while_a_2gb_file_hashes(big_file, qtbot):
    from PySide6.QtCore import QElapsedTimer, QTimer

    from intake_app.ui.common.tasks import TaskRunner
    from intake_app.ui.evidence.hash_progress import HashProgress

    runner = TaskRunner()
    widget = HashProgress(runner)
    qtbot.addWidget(widget)
    clock, gaps, last = QElapsedTimer(), [], [0]
    clock.start()

    def tick():
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    widget.start(str(big_file))
    last[0] = clock.elapsed()
    timer.start()
    with qtbot.waitSignal(widget.finished, timeout=60_000):
        pass
    timer.stop()
    runner.shutdown()
    worst = max(gaps)
    print(f"\nGUI thread while hashing 2 GB: {len(gaps)} ticks of 10 ms, longest gap {worst} ms; "
          f"progress shown: {widget.status.text()!r}")
    assert widget.result is not None and widget.bar.value() == 1000
    check_target("longest GUI-thread gap while hashing", worst, 50, bound=500, unit=" ms")
