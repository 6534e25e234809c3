"""The cycle collector's pause around bulk work: counted, restored, and never switched on when
it was off."""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator

import pytest

from app.bulk_work import cycle_collector_paused


@pytest.fixture(autouse=True)
def collector_on() -> Iterator[None]:
    gc.enable()
    yield
    gc.enable()


def test_the_collector_is_off_inside_and_on_again_after() -> None:
    with cycle_collector_paused():
        assert not gc.isenabled()
    assert gc.isenabled()


def test_an_exception_still_switches_it_back_on() -> None:
    with pytest.raises(RuntimeError), cycle_collector_paused():
        raise RuntimeError("import failed")
    assert gc.isenabled()


def test_nested_pauses_keep_it_off_until_the_outer_one_ends() -> None:
    with cycle_collector_paused():
        with cycle_collector_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()
    assert gc.isenabled()


def test_a_collector_switched_off_before_stays_off() -> None:
    gc.disable()
    with cycle_collector_paused():
        pass
    assert not gc.isenabled()


def test_overlapping_pauses_on_two_threads_end_with_it_on() -> None:
    inside, release = threading.Event(), threading.Event()

    def worker() -> None:
        with cycle_collector_paused():
            inside.set()
            release.wait(5)

    thread = threading.Thread(target=worker)
    with cycle_collector_paused():
        thread.start()
        assert inside.wait(5)
    # This thread's pause ended first: the worker's still holds it off.
    assert not gc.isenabled()
    release.set()
    thread.join(5)
    assert gc.isenabled()
