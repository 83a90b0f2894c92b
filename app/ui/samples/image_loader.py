"""Decode pictures on worker threads and hand them to the GUI thread by a queued signal.

Why it is built this way:
- Workers are plain daemon threads, not a QThreadPool: a pool owned by a widget waits for its
  jobs in its C++ destructor while Python still holds the GIL, which deadlocks if a job is
  running Python code. Daemon threads need no joining and never outlive the interpreter.
- A job touches no QObject but the relay, and emits only while holding the loader's lock after
  checking it is still open; the relay is owned by Qt (a child of the loader) and closes the
  loader from its `destroyed` signal, so a gallery can be deleted at any moment.
- Requests are served newest first: after a fast scroll the rows on screen are decoded before
  the ones scrolled past. `cancel_pending()` drops what no job has started.
- `load(key)` runs on a worker: it may read files and build a QImage (a value type, safe off
  the GUI thread), never a QPixmap or a widget. What it raises becomes `failed(key, reason)`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QImage

from app.errors import WorkbenchError

Loader = Callable[[Any], QImage]
DEFAULT_THREADS = (
    2  # README: Pitfalls: the machine has 2 cores; more threads only fight for the GIL
)


class _Relay(QObject):
    """The only Qt object a worker touches: signals queued to the GUI thread."""

    loaded = Signal(object, object)  # key, QImage
    failed = Signal(object, str)  # key, reason


class _State:
    """What the workers share with the GUI thread; plain Python, guarded by one lock."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.queue: list[Hashable] = []  # newest last: served first
        self.waiting: set[Hashable] = set()
        self.busy: set[Hashable] = set()
        self.workers = 0
        self.open = True

    def close(self, *_args: object) -> None:
        with self.lock:
            self.open = False
            self.queue.clear()
            self.waiting.clear()


class ImageLoader(QObject):
    """Calls `load(key)` on up to `threads` worker threads; results come back as signals."""

    loaded = Signal(object, object)  # key, QImage
    failed = Signal(object, str)  # key, reason: one line a user can read

    def __init__(
        self, load: Loader, *, threads: int = DEFAULT_THREADS, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._load = load  # must not refer to this loader or its owner (workers keep it)
        self._threads = max(1, threads)
        self._state = _State()
        self._relay = _Relay(self)
        self._relay.loaded.connect(self.loaded)
        self._relay.failed.connect(self.failed)
        self._relay.destroyed.connect(self._state.close)

    def request(self, key: Hashable) -> None:
        """Queue `key` unless it is already queued or being loaded."""
        state = self._state
        with state.lock:
            if not state.open or key in state.waiting or key in state.busy:
                return
            state.queue.append(key)
            state.waiting.add(key)
            start = state.workers < self._threads
            if start:
                state.workers += 1
        if start:
            worker = threading.Thread(
                target=_work,
                args=(state, self._load, self._relay),
                name="workbench-images",
                daemon=True,
            )
            worker.start()

    def cancel_pending(self) -> None:
        """Forget every request no worker has started (their results are no longer wanted)."""
        with self._state.lock:
            self._state.queue.clear()
            self._state.waiting.clear()

    def stop(self) -> None:
        """No more work and no more signals; jobs already running finish and are discarded."""
        self._state.close()

    def pending(self) -> int:
        """Requests queued or being loaded (for tests and benchmarks)."""
        with self._state.lock:
            return len(self._state.queue) + len(self._state.busy)


def _work(state: _State, load: Loader, relay: _Relay) -> None:
    """One worker: take the newest request, load it, hand it over; end when none is left."""
    while True:
        with state.lock:
            if not state.open or not state.queue:
                state.workers -= 1
                return
            key = state.queue.pop()
            state.waiting.discard(key)
            state.busy.add(key)
        image: QImage | None = None
        reason = ""
        try:
            image = load(key)
        except WorkbenchError as error:
            reason = str(error)
        except (OSError, ValueError) as error:
            reason = QCoreApplication.translate("ImageLoader", "It cannot be read: {error}").format(
                error=error
            )
        except Exception as error:  # a worker must never die silently: the cell would stay grey
            reason = QCoreApplication.translate(
                "ImageLoader", "It cannot be shown ({kind}: {error})"
            ).format(kind=type(error).__name__, error=error)
        with state.lock:
            state.busy.discard(key)
            if not state.open:
                state.workers -= 1
                return
            # Emitted under the lock: close() cannot slip between the check and the emit.
            if image is not None:
                relay.loaded.emit(key, image)
            else:
                relay.failed.emit(key, reason)
