"""Footage hashes match coreutils' sha256sum, stream in blocks, and a cancelled hash leaves nothing stored."""

import os
import subprocess
import threading

import pytest

from intake_app.security.hashing import BLOCK_SIZE, CancelFlag, HashCancelled, hash_file

from ..factories import make_incident

SIZES = [0, 1, 4095, BLOCK_SIZE, BLOCK_SIZE + 1, 3 * BLOCK_SIZE + 12345]


def _sha256sum(path) -> str:
    return subprocess.run(["sha256sum", str(path)], capture_output=True, text=True, check=True).stdout.split()[0]


@pytest.mark.parametrize("size", SIZES)
def test_the_hash_matches_sha256sum(tmp_path, size):
    path = tmp_path / f"clip-{size}.mp4"
    path.write_bytes(os.urandom(size))
    result = hash_file(path)
    assert result.sha256 == _sha256sum(path)
    assert result.size == size
    assert result.mtime.tzinfo is not None and result.hashed_at >= result.mtime


def test_progress_is_reported_up_to_the_full_size(tmp_path):
    path = tmp_path / "clip.mp4"
    path.write_bytes(os.urandom(2 * BLOCK_SIZE + 7))
    seen = []
    hash_file(path, progress=lambda done, total: seen.append((done, total)))
    assert seen[0] == (0, 2 * BLOCK_SIZE + 7) and seen[-1] == (2 * BLOCK_SIZE + 7, 2 * BLOCK_SIZE + 7)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_a_cancelled_hash_leaves_nothing_stored(tmp_path, store, actor):
    path = tmp_path / "big.mp4"
    path.write_bytes(os.urandom(4 * BLOCK_SIZE))
    saved = store.save(make_incident(), actor)
    flag = CancelFlag()
    stored = threading.Event()

    def attach_when_done():
        """What the footage page does: store the hash only when one came back."""
        result = hash_file(path, cancel=flag, progress=lambda done, total: done > 0 and flag.cancel())
        inc = store.get(saved.id)
        inc.footage[0].sha256, inc.footage[0].file_path = result.sha256, str(path)
        store.save(inc, actor)
        stored.set()

    with pytest.raises(HashCancelled):
        attach_when_done()
    assert not stored.is_set()
    after = store.get(saved.id)
    assert after.version == saved.version and after.footage[0].sha256 == "" and after.footage[0].file_path == ""
