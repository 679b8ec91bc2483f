import pytest

from pos.station import settings as local_settings
from tests.pos.conftest import PASSWORD, SUPERVISOR_PASSWORD, Village, quick_argon2  # noqa: F401


@pytest.fixture
def shop(db):
    return Village(db)


@pytest.fixture
def app(qapp):
    from ui.app import application

    return application("zh")


@pytest.fixture
def ops(app):
    from ui.operations import Operations

    faults = []
    operations = Operations(app, show_fault=lambda summary, details: faults.append((summary, details)))
    operations.faults = faults
    yield operations
    operations.wait()


SCAN_GAP_MS = 150
TYPING_PAUSE_MS = 400  # a person's keys, slower than any scan


@pytest.fixture
def scanner(app):
    from ui.scanner import ScanFilter

    # A wider gap than the 50 ms default: this machine runs the tests under load, and
    # a scanner's burst must not fall apart because the test process was not scheduled.
    scan_filter = ScanFilter(app, gap_ms=SCAN_GAP_MS)
    app.installEventFilter(scan_filter)
    yield scan_filter
    app.removeEventFilter(scan_filter)


@pytest.fixture
def make_shell(qtbot, shop, ops, scanner):
    from ui.shell import Shell

    made = []

    def make(actor=None, settings=None):
        window = Shell(shop.db, actor or shop.admin, ops, settings=settings or local_settings.Settings(),
                       scanner=scanner)
        qtbot.addWidget(window)
        window.resize(1366, 740)
        window.show()
        qtbot.waitExposed(window)
        made.append(window)
        return window

    yield make
    for window in made:
        window.station_timer.stop()
    ops.wait()


PASSWORDS = (PASSWORD, SUPERVISOR_PASSWORD)


def approve(qtbot, screen, username="lishuji", password=SUPERVISOR_PASSWORD):
    """The supervisor types their name and password into the approval the screen asked for."""
    qtbot.waitUntil(lambda: getattr(screen, "approval_dialog", None) is not None
                    and screen.approval_dialog.isVisible())
    dialog = screen.approval_dialog
    if not dialog.username.isReadOnly():
        dialog.username.setText(username)
    dialog.password.setText(password)
    dialog.ok.click()
    return dialog
