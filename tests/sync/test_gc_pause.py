"""A pulled page is processed with garbage collection held off (intake_app/gc_pause.py); collection always comes back."""

import gc

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


def test_a_hold_lasts_until_released_and_a_second_release_changes_nothing():
    release = collection_paused.hold()
    with collection_paused():
        pass
    assert not gc.isenabled()  # the hold outlasts the pause inside it
    release()
    assert gc.isenabled()
    with collection_paused():
        release()  # already released: the pause still holds
        assert not gc.isenabled()
    assert gc.isenabled()
