"""Opening a store on a data folder the way the app does, more than once."""

from intake_app.storage.opening import open_store

from ..factories import make_incident


def saved_and_read_back_after_reopening(data_dir, actor):
    """A record saved in a store opened on `data_dir`, and the same record as a second opening of the folder reads
    it back; each opening is closed after use, as the app closes it on exit."""
    first = open_store(data_dir)
    saved = first.save(make_incident(), actor)
    first.engine.dispose()
    second = open_store(data_dir)
    try:
        return saved, second.get(saved.id)
    finally:
        second.engine.dispose()
