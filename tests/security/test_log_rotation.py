"""The app's log (logs/intake.log) never grows without bound on a station PC: past MAX_BYTES it is renamed to
intake.log.1, the older files move up one number, and only BACKUPS old files are kept."""

import json
import logging

import pytest

from intake_app.logging_setup import BACKUPS, LOG_FILE, RotatingLog, setup_logging


@pytest.fixture
def station_log(data_dir):
    path = setup_logging(data_dir)
    handler = next(h for h in logging.getLogger().handlers if getattr(h, "intake_log", False))
    yield path, handler
    logging.getLogger().removeHandler(handler)
    handler.close()


def test_the_app_logs_through_the_rotating_log(station_log):
    path, handler = station_log
    assert isinstance(handler, RotatingLog) and path.name == LOG_FILE
    logging.getLogger("intake.test").info("sync finished", extra={"action": "sync.push", "count": 3})
    handler.flush()
    line = json.loads(path.read_text(encoding="utf-8").splitlines()[-1])
    assert (line["event"], line["action"], line["count"]) == ("sync finished", "sync.push", 3)


def test_a_full_log_moves_to_numbered_files_and_the_oldest_is_dropped(station_log):
    path, handler = station_log
    handler.max_bytes = 400  # a few lines a file, so the test writes little
    log = logging.getLogger("intake.test")
    for n in range(60):
        log.info("line %s", n)
    handler.flush()
    files = sorted(path.parent.glob(LOG_FILE + "*"))
    assert [f.name for f in files] == [LOG_FILE] + [f"{LOG_FILE}.{n}" for n in range(1, BACKUPS + 1)]
    assert all(f.stat().st_size <= 400 for f in files)
    numbers = [[json.loads(line)["event"] for line in f.read_text().splitlines()] for f in files]
    newest_first = [event for events in numbers for event in reversed(events)]
    # Every kept line is there once, newest first across the files: nothing was lost between them.
    assert newest_first == [f"line {n}" for n in range(59, 59 - len(newest_first), -1)]
    assert "line 0" not in newest_first  # the oldest file was dropped
