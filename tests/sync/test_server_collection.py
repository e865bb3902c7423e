"""The server holds garbage collection off while it handles a pushed batch (intake_app/server/collection.py):
batches handled at once on several threads share the pause, and collection always comes back after the last."""

from __future__ import annotations

import gc
import threading

import pytest

from intake_app.server.collection import collection_held_off


def test_collection_comes_back_when_the_last_of_two_overlapping_batches_ends():
    first_in, second_done = threading.Event(), threading.Event()
    during_first: list[bool] = []

    def first_batch() -> None:
        with collection_held_off():
            first_in.set()
            second_done.wait(30)
            during_first.append(gc.isenabled())

    worker = threading.Thread(target=first_batch)
    worker.start()
    first_in.wait(30)
    with collection_held_off():
        assert not gc.isenabled()
    second_done.set()
    worker.join(30)
    assert during_first == [False]  # the second batch ended first: still held for the first
    assert gc.isenabled()


def test_a_batch_that_fails_still_brings_collection_back():
    with pytest.raises(RuntimeError), collection_held_off():
        raise RuntimeError("refused")
    assert gc.isenabled()


def test_collection_stays_off_after_a_batch_when_it_was_off_before():
    gc.disable()
    try:
        with collection_held_off():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()
