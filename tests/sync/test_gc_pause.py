"""A pulled page on a station and a pushed batch on the server are processed with garbage collection held off
(intake_app/gc_pause.py); collection always comes back."""

import gc
import threading

import pytest

from intake_app.gc_pause import collection_paused


def test_collection_is_off_inside_and_back_after_nested_pauses():
    assert gc.isenabled()
    with collection_paused():
        with collection_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still holds
    assert gc.isenabled()


def test_collection_comes_back_after_an_error():
    with pytest.raises(RuntimeError), collection_paused():
        raise RuntimeError("a page the app refused")
    assert gc.isenabled()


def test_a_pause_leaves_collection_off_if_it_was_off_before():
    gc.disable()
    try:
        with collection_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_collection_comes_back_when_the_last_of_two_overlapping_batches_ends():
    """Two batches on two threads (the server's requests): the one that ends first leaves the other held."""
    first_in, second_done = threading.Event(), threading.Event()
    during_first: list[bool] = []

    def first_batch() -> None:
        with collection_paused():
            first_in.set()
            second_done.wait(30)
            during_first.append(gc.isenabled())

    worker = threading.Thread(target=first_batch)
    worker.start()
    first_in.wait(30)
    with collection_paused():
        assert not gc.isenabled()
    second_done.set()
    worker.join(30)
    assert during_first == [False]  # the second batch ended first: still held for the first
    assert gc.isenabled()
