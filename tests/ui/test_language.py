"""Chinese by default, Qt's own buttons in Chinese, English selectable; messages that fit."""

import ast
import re
import string
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from pos import messages
from pos.station import settings as local_settings
from ui import app as ui_app

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def language(qapp):
    yield lambda lang: ui_app.install_translations(qapp, lang)
    ui_app.install_translations(qapp, "zh")


def test_standard_buttons_read_chinese(language, qtbot):
    assert language("zh"), "Qt's Chinese catalogue is shipped or found"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
    qtbot.addWidget(box)
    texts = {b.text().replace("&", "") for b in box.buttons()}
    assert any("确定" in t for t in texts) and any("取消" in t for t in texts)


def test_english_is_selectable_and_the_counter_speaks_it(language, make_shell, qtbot, ops):
    language("en")
    ops.lang = "en"
    window = make_shell(settings=local_settings.Settings(language="en"))
    counter = window.current_screen()
    assert counter.confirm_button.text() == "Confirm (F12)"
    assert window.buttons["counter"].text() == "Counter\nF1"
    assert counter.zones.tabText(0) == "grain" and counter.zones.tabToolTip(0) == "grain and oil"
    assert counter.zones.tabBar().sizeHint().width() <= counter.zones.width(), "all six zones in view"
    assert not re.search(r"[\u4e00-\u9fff]", counter.total_label.text())


def test_the_compiled_catalogue_matches_its_source(tmp_path):
    ts = ROOT / "resources" / "i18n" / "aixin_en.ts"
    qm = ROOT / "resources" / "i18n" / "aixin_en.qm"
    assert qm.exists() and qm.stat().st_size > 1000
    assert "<translation type=\"unfinished\"" not in ts.read_text(encoding="utf-8")
    tool = Path(sys.executable).with_name("pyside6-lupdate")
    if not tool.exists():
        pytest.skip("pyside6-lupdate not installed beside Python")
    copy = tmp_path / "aixin_en.ts"
    copy.write_bytes(ts.read_bytes())
    sources = sorted(str(p) for p in (ROOT / "ui").rglob("*.py"))
    done = subprocess.run([str(tool), *sources, "-ts", str(copy)], capture_output=True, text=True, check=True)
    assert "(0 new and" in done.stdout, "a text in ui/ is not in the catalogue yet: run pyside6-lupdate\n" + done.stdout


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _refusals():
    """Every ShopError(...)-like call in pos/ and ui/ with a literal key: (where, key, keyword names)."""
    for path in sorted([*ROOT.joinpath("pos").rglob("*.py"), *ROOT.joinpath("ui").rglob("*.py")]):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call) or not node.args:
                continue
            name = getattr(node.func, "id", getattr(node.func, "attr", ""))
            first = node.args[0]
            if name in {"ShopError", "PermissionDenied", "NeedsApproval"} and isinstance(first, ast.Constant) \
                    and isinstance(first.value, str):
                if any(k.arg is None for k in node.keywords):
                    continue  # **params: checked where they are made
                yield f"{path.relative_to(ROOT)}:{node.lineno}", first.value, {k.arg for k in node.keywords}


def test_every_refusal_gives_its_message_the_fields_it_needs():
    """A message whose parameters do not fit its template would show braces on the screen."""
    problems = []
    for where, key, given in _refusals():
        if key not in messages.CATALOG:
            problems.append(f"{where}: no message {key}")
            continue
        for template in messages.CATALOG[key]:
            if not _fields(template) <= given:
                problems.append(f"{where}: {key} needs {_fields(template) - given}")
    assert not problems, "\n".join(problems)


def test_the_window_never_tells_a_villager_to_run_a_command(make_shell, qtbot, shop):
    """Refusals that name a command on the command line have the window's own words."""
    for key in messages.CATALOG:
        if key.startswith("window_"):
            assert key.removeprefix("window_") in messages.CATALOG, key
            assert "aixin" not in "".join(messages.CATALOG[key]), key
    window = make_shell()
    screen = window.show_area("settings")
    screen.tabs.setCurrentWidget(screen.printer)
    screen.printer.port.setCurrentText("")
    screen.printer.test_button.click()
    qtbot.waitUntil(lambda: screen.bar.kind == "refused")
    assert "aixin" not in screen.bar.text and "设置" in screen.bar.text and "打印机" in screen.bar.text
