"""The Windows build's version, installer script and check, on the parts that run anywhere.

The full frozen build, its check on a demo village and the installer under Wine run in
.ci/run (installer/check_frozen.py, installer/check_installer.py): minutes, not a unit test.
"""

import ast
import re
import shutil
import sys
import tomllib
from pathlib import Path

import pytest

import pos
from pos.cli.main import main

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installer"))

import check_installer  # noqa: E402
import versioninfo  # noqa: E402

NSI = ROOT / "installer" / "aixin.nsi"


def pyproject_version() -> str:
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]


def test_aixin_version_prints_the_version_in_pyproject(capsys):
    assert main(["--version"]) == 0
    assert capsys.readouterr().out.strip() == f"aixin {pyproject_version()}"
    assert pos.__version__ == pyproject_version()


@pytest.mark.parametrize("version, numbers", [
    ("0.1.0", (0, 1, 0, 0)), ("1.2", (1, 2, 0, 0)), ("2.10.3rc1", (2, 10, 3, 0)), ("3", (3, 0, 0, 0)),
])
def test_windows_gets_four_version_numbers(version, numbers):
    assert versioninfo.file_version(version) == numbers


def test_a_version_without_numbers_is_refused():
    with pytest.raises(ValueError):
        versioninfo.file_version("dev")


def test_the_exe_version_resource_names_the_program_and_its_version():
    text = versioninfo.version_resource("1.4.2", "AixinPOS.exe")
    call = ast.parse(text, mode="eval").body  # PyInstaller evaluates this text on Windows
    assert isinstance(call, ast.Call) and call.func.id == "VSVersionInfo"
    assert "filevers=(1, 4, 2, 0)" in text and "prodvers=(1, 4, 2, 0)" in text
    strings = dict(re.findall(r"StringStruct\('(\w+)', '([^']*)'\)", text))
    assert strings["FileVersion"] == strings["ProductVersion"] == "1.4.2"
    assert strings["OriginalFilename"] == "AixinPOS.exe"
    assert strings["FileDescription"] == "爱心超市积分兑换系统"


def test_every_installer_text_is_in_chinese_and_in_english():
    text = NSI.read_text(encoding="utf-8-sig")
    defined = re.findall(r"^LangString (\w+) \$\{LANG_(\w+)\}", text, re.MULTILINE)
    chinese = {name for name, lang in defined if lang == "SIMPCHINESE"}
    english = {name for name, lang in defined if lang == "ENGLISH"}
    used = set(re.findall(r"\$\((\w+)\)", text))
    assert chinese == english
    assert used <= chinese


def test_the_installer_first_page_says_windows_7_cannot_run_it():
    text = NSI.read_text(encoding="utf-8-sig")
    welcome = {lang: body for lang, body in
               re.findall(r'^LangString WelcomeText \$\{LANG_(\w+)\} "(.*?)"$', text, re.MULTILINE | re.DOTALL)}
    assert all(part in welcome["SIMPCHINESE"] for part in ("Windows 10（1809", "Windows 7", "无法运行"))
    assert all(part in welcome["ENGLISH"] for part in ("Windows 10 version 1809", "Windows 7", "cannot run"))


def pe_machine(exe: Path) -> int:
    data = exe.read_bytes()
    assert data[:2] == b"MZ"
    header = int.from_bytes(data[0x3C:0x40], "little")
    assert data[header:header + 4] == b"PE\0\0"
    return int.from_bytes(data[header + 4:header + 6], "little")


@pytest.mark.skipif(shutil.which("makensis") is None, reason="NSIS (Debian package nsis) is not installed")
def test_the_installer_script_compiles_against_a_folder_of_the_frozen_shape(tmp_path):
    dist = tmp_path / "AixinPOS"
    (dist / "_internal" / "pos" / "store" / "migrations").mkdir(parents=True)
    (dist / "_internal" / "pos" / "store" / "migrations" / "env.py").write_text("# migrations\n")
    for program in ("AixinPOS", "aixin"):  # Linux names; the check stages them as .exe
        (dist / program).write_bytes(b"\x7fELF")
    setup = tmp_path / "out" / "AixinPOS-setup.exe"
    check_installer.compile_installer(dist, setup)
    assert pe_machine(setup) == 0x14C  # 32-bit, so that any Windows starts it and hears why not
    assert not (tmp_path / "out" / "windows-shape").exists()
    check_installer.compile_installer(dist, setup, target="amd64-unicode")
    assert pe_machine(setup) == 0x8664  # the one Wine runs in CI


def test_an_installer_built_from_a_folder_without_the_programs_is_refused(tmp_path):
    (tmp_path / "AixinPOS" / "_internal").mkdir(parents=True)
    with pytest.raises(check_installer.Failed, match="no AixinPOS.exe"):
        check_installer.compile_installer(tmp_path / "AixinPOS", tmp_path / "setup.exe")
