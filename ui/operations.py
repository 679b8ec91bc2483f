"""The one way a screen calls ``pos``: off the GUI thread, shown one way, then announced.

Modelled on Anki's ``CollectionOp``/``QueryOp`` and its task manager::

    self.ops.write(
        lambda: redemption.redeem(db, actor, card, items, token=token),
        widget=self.confirm_button,      # disabled (busy) while the call runs
        bar=self.bar,                    # a ShopError lands here, in red
        done=self._sold,                 # called on the GUI thread with the result
        areas={Area.LEDGER, Area.GOODS},  # then ops.changed(areas) is emitted
    )
    self.ops.read(lambda: households.search(db, actor, text), bar=self.bar, done=self.model.set_rows)

- Writes run one at a time on one worker thread, in the order asked (the
  database has one writer); reads run beside them on a small pool; the
  receipt printer has a lane of its own (``printing``), so a printer that
  times out never holds up the next sale.
- While a call runs, ``widget`` is disabled and the mouse shows busy; a second
  click or F12 on it does nothing.
- A ``ShopError`` is routine: it goes to ``bar`` (or, with no bar, a small
  notice), and to ``failed`` if given. Anything else is a fault: logged with
  its traceback and shown in the one error dialog (Chinese message, details
  that can be copied, the log file's path). The app never exits on it.
- After a write succeeds, ``changed(areas)`` tells every open view; views
  refresh themselves from it instead of calling each other. Areas are
  ``pos.vocabulary.Area`` members, so a view never listens for a name
  nobody announces.
- Long work takes ``progress=True``: the call then receives a keyword
  ``report(done, total, text)`` and a progress dialog follows it.
- Reads run two at a time, so an older read can finish after a newer one. A
  list's reload passes ``newest=`` (the list): of the reads for one list only
  the newest is shown, so typing "张三" never ends on the rows for "张", nor a
  chosen filter on the rows of the one before it.
"""

from __future__ import annotations

import logging
import threading
import traceback
from collections.abc import Callable, Iterable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QWidget

from ledger import LedgerError
from pos import messages
from pos.errors import ShopError, from_database, from_ledger
from pos.vocabulary import Area

log = logging.getLogger("ui")


class _Relay(QObject):
    """Lives on the GUI thread; signals emitted on a worker arrive here queued."""

    # One tuple (result, exception), never a bare None: a None passed through a queued
    # object signal again and again runs into a reference-count fault in the bindings.
    finished = Signal(object)
    progressed = Signal(int, int, str)

    def __init__(self):
        super().__init__()
        self.on_finished: Callable[[Any, BaseException | None], None] = lambda *_: None
        self.on_progress: Callable[[int, int, str], None] = lambda *_: None
        # Connected to this object's own methods, so delivery is queued onto the GUI thread.
        self.finished.connect(self._finished)
        self.progressed.connect(self._progressed)

    @Slot(object)
    def _finished(self, outcome: tuple) -> None:
        self.on_finished(*outcome)

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, text: str) -> None:
        self.on_progress(done, total, text)


class _Job(QRunnable):
    def __init__(self, call: Callable[[], Any], relay: _Relay):
        super().__init__()
        self.setAutoDelete(True)
        self.call = call
        self.relay = relay

    def run(self) -> None:
        from pos import service  # here, not at start-up: the login shows before the database layer loads

        mark = service.commit_mark()
        try:
            result = self.call()
        except BaseException as exc:  # everything comes back to the GUI thread to be shown
            exc.__aixin_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            # What this call saved before it failed: a saved sale is never told as undone.
            exc.__aixin_saved__ = service.commits_since(mark, thread=threading.get_ident())  # type: ignore[attr-defined]
            self.relay.finished.emit((None, exc))
        else:
            self.relay.finished.emit((result, None))


class Operations(QObject):
    """Runs ``pos`` calls for the whole window; one instance per application."""

    changed = Signal(object)  # frozenset of Area
    running_changed = Signal(int)
    # The database could not be reached or used (its message, in the window's language);
    # the shell shows it in the status bar until a read succeeds again.
    database_trouble = Signal(str)

    def __init__(self, parent: QObject | None = None, *, lang: str = "zh",
                 show_fault: Callable[[str, str], None] | None = None):
        super().__init__(parent)
        self.lang = lang  # the window's language: refusals are worded in it, screens read it as ``lang``
        self.database = ""  # the database as a person can find it, for the messages that name it
        self.show_fault = show_fault or _plain_fault
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(2)
        # The serial printer is slow and can time out; it has a lane of its own so a
        # stuck printer never holds up the next sale's write.
        self._printer = QThreadPool(self)
        self._printer.setMaxThreadCount(1)
        self._relays: set[_Relay] = set()
        self._newest: dict[object, _Relay] = {}  # what a read is shown in -> its newest read

    @property
    def running(self) -> int:
        return len(self._relays)

    def write(self, call: Callable, *, widget: QWidget | None = None, bar=None,
              done: Callable[[Any], None] | None = None,
              failed: Callable[[ShopError], None] | None = None,
              areas: Iterable[Area] = (), progress: bool = False, title: str = "") -> None:
        self._start(self._writer, call, widget, bar, done, failed, _areas(areas), progress, title)

    def read(self, call: Callable, *, widget: QWidget | None = None, bar=None,
             done: Callable[[Any], None] | None = None,
             failed: Callable[[ShopError], None] | None = None,
             progress: bool = False, title: str = "", quiet: bool = False, newest: object = None) -> None:
        """``quiet``: a refusal goes to ``failed`` alone, never to a box (a background read).
        ``newest``: what the result is shown in; a read for it that a newer one has
        overtaken delivers nothing, neither rows nor a refusal."""
        self._start(self._readers, call, widget, bar, done, failed, frozenset(), progress, title, quiet, newest)

    def printing(self, call: Callable, *, widget: QWidget | None = None, bar=None,
                 done: Callable[[Any], None] | None = None,
                 failed: Callable[[ShopError], None] | None = None,
                 areas: Iterable[Area] = (Area.RECEIPTS,)) -> None:
        """Work on the receipt printer (it writes the print queue's state too), one job at a time."""
        self._start(self._printer, call, widget, bar, done, failed, _areas(areas), False, "")

    def wait(self, timeout_ms: int = 30_000) -> bool:
        """Let running calls finish and deliver their results (for shutdown and tests)."""
        ok = all(pool.waitForDone(timeout_ms) for pool in (self._writer, self._readers, self._printer))
        for _ in range(100):
            if not self._relays:
                break
            QApplication.processEvents()
        return ok and not self._relays

    def _start(self, pool, call, widget, bar, done, failed, areas, progress, title, quiet=False,
               newest=None) -> None:
        relay = _Relay()
        self._relays.add(relay)
        if newest is not None:
            self._newest[newest] = relay
        was_enabled = widget.isEnabled() if widget is not None else True
        if widget is not None:
            widget.setEnabled(False)
            widget.setProperty("busy", True)
        if len(self._relays) == 1:
            QApplication.setOverrideCursor(Qt.CursorShape.BusyCursor)
        self.running_changed.emit(self.running)
        dialog = None
        if progress:
            dialog = QProgressDialog(title, "", 0, 0, widget.window() if widget is not None else None)
            dialog.setCancelButton(None)
            dialog.setWindowTitle(title)
            dialog.setMinimumDuration(400)
            dialog.setWindowModality(Qt.WindowModality.WindowModal)

            def report(done_count: int, total: int, text: str = "") -> None:
                relay.progressed.emit(done_count, total, text)

            relay.on_progress = lambda d, t, key: _progress(dialog, d, t, messages.text(key, self.lang))
            run = lambda: call(report=report)  # noqa: E731
        else:
            run = call

        def finish(result, exc) -> None:
            self._relays.discard(relay)
            if dialog is not None:
                dialog.close()
                dialog.deleteLater()
            if widget is not None:
                widget.setProperty("busy", False)
                widget.setEnabled(was_enabled)
            if not self._relays:
                QApplication.restoreOverrideCursor()
            self.running_changed.emit(self.running)
            relay.deleteLater()
            if newest is not None:
                if self._newest.get(newest) is not relay:
                    log.debug("a read overtaken by a newer one for the same view: dropped")
                    return
                del self._newest[newest]
            if exc is None:
                if done is not None:
                    self._guarded(done, result)
                if areas:
                    self.changed.emit(areas)
            else:
                self.failure(exc, bar=bar, failed=failed, quiet=quiet)

        relay.on_finished = finish
        pool.start(_Job(run, relay))

    def _guarded(self, function, *args) -> None:
        try:
            function(*args)
        except Exception as exc:  # a fault in a screen's own code: shown, never fatal
            exc.__aixin_traceback__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.failure(exc)

    def failure(self, exc: BaseException, *, bar=None, failed=None, quiet: bool = False) -> None:
        """Show ``exc`` the one way: a refusal on the bar, a fault in the error dialog. What the
        call saved before it failed is said first: it must not be done again."""
        saved = getattr(exc, "__aixin_saved__", ())
        if isinstance(exc, LedgerError):
            exc = from_ledger(exc)
        if not isinstance(exc, ShopError):
            told = from_database(exc, self.database) if isinstance(exc, Exception) else None
            if told is not None:  # the database, not the program: told as a refusal, and kept in view
                log.warning("database fault: %s", exc)
                self.database_trouble.emit(told.message(self.lang))
                exc = told
        if isinstance(exc, ShopError):
            log.info("refused: %s %s", exc.key, exc.params)
            if failed is not None:
                self._guarded(failed, exc)
            text = _after(saved, messages.in_window(exc, self.lang), self.lang)
            if bar is not None and not _gone(bar):
                bar.refuse(text)
            elif bar is not None:
                log.info("refused after its screen closed: %s", text)
            elif not quiet:
                QMessageBox.information(QApplication.activeWindow(), QApplication.applicationDisplayName(), text)
            return
        details = getattr(exc, "__aixin_traceback__", None) or "".join(
            traceback.format_exception(type(exc), exc, exc.__traceback__))
        log.error("fault: %s\n%s", exc, details)
        self.show_fault(_after(saved, str(exc) or type(exc).__name__, self.lang), details)


def _gone(bar) -> bool:
    """A screen closed while its call ran (the window shut): nothing left to show it on."""
    label = getattr(bar, "label", bar)
    return not shiboken6.isValid(bar) or not shiboken6.isValid(label)


def _after(saved, problem: str, lang: str) -> str:
    """``problem`` as it reads after a call that saved ``saved`` (nothing: as it is)."""
    entries = [c for c in saved if c.first_seq is not None]
    if not saved:
        return problem
    where = messages.AllOf(str(c.first_seq) if c.first_seq == c.last_seq else f"{c.first_seq}–{c.last_seq}"
                           for c in entries)
    said = messages.text("saved_entries", lang, seqs=where) if entries else messages.text("saved_changes", lang)
    return messages.text("saved_then_failed", lang, saved=said, problem=problem)


def _areas(areas: Iterable[Area]) -> frozenset[Area]:
    # A name that is no Area fails here, when the call is made, not later as a view that
    # never refreshes.
    return frozenset(Area(area) for area in areas)


def _progress(dialog: QProgressDialog, done: int, total: int, text: str) -> None:
    dialog.setMaximum(max(total, 0))
    dialog.setValue(min(done, total) if total else 0)
    if text:
        dialog.setLabelText(text)


def _plain_fault(summary: str, details: str) -> None:
    QMessageBox.critical(QApplication.activeWindow(), QApplication.applicationDisplayName(), summary)
