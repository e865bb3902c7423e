"""The shape every page the server sends (the incidents' feed, the link decisions) must have before anything of
it is stored: of the restore epoch this sync reconciled with, no more items than asked for, and a page that says
more follow holds at least one item and moves the cursor forward (a hostile or broken server cannot make a
device loop or skip)."""

from __future__ import annotations

from .client import HostileAnswer, RestoredMeanwhile


def check_page_shape(*, what: str, sent: int, limit: int, more: bool, cursor: int, next_cursor: int,
                     epoch: str, answer_epoch: str) -> None:
    """`what`: the items, as the messages name them ("changes", "link decisions")."""
    if epoch and answer_epoch and answer_epoch != epoch:
        raise RestoredMeanwhile(f"The server was restored from a backup during this sync; nothing of that page of "
                                f"{what} was stored, and the next sync sends again what it lacks first.")
    if sent > limit:
        raise HostileAnswer(f"The server sent {sent} {what} in a page of at most {limit}; nothing of that page "
                            "was stored.")
    if more and not sent:
        raise HostileAnswer(f"The server said more {what} follow but sent an empty page; the sync stopped there "
                            "(nothing was lost: the next sync asks again from the same place).")
    if more and next_cursor <= cursor:
        raise HostileAnswer(f"The server said more {what} follow but did not move past position {cursor}; the "
                            "sync stopped there.")
