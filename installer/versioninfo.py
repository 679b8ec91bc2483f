"""The program's version, read from ``pyproject.toml``, in the shapes the Windows build needs.

The spec builds the exe's version resource with ``version_resource()``; the installer script
gets its version from ``python installer/versioninfo.py --makensis`` (``-DVERSION=...
-DFILE_VERSION=...``); ``--version`` prints the plain version.
"""

from __future__ import annotations

import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCT = "AixinPOS"
DESCRIPTION = "爱心超市积分兑换系统"
COMPANY = "aixin-pos"


def project_version(pyproject: Path = ROOT / "pyproject.toml") -> str:
    return tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]["version"]


def file_version(version: str) -> tuple[int, int, int, int]:
    """Windows wants four numbers: ``1.2`` -> (1, 2, 0, 0); ``0.3.1rc2`` -> (0, 3, 1, 0)."""
    numbers = [int(part) for part in re.findall(r"\d+", version.split("+")[0])[:3]]
    if not numbers or not re.match(r"\d", version):
        raise ValueError(f"not a release version: {version!r}")
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def version_resource(version: str, original_filename: str) -> str:
    """The exe's version resource in PyInstaller's text form, Simplified Chinese, Unicode.

    Text rather than PyInstaller's objects: those can only be built on Windows, and the text
    is written on every system so a broken one shows up in the Linux build too.
    """
    numbers = file_version(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": original_filename.removesuffix(".exe"),
        "OriginalFilename": original_filename,
        "ProductName": f"{PRODUCT} {DESCRIPTION}",
        "ProductVersion": version,
    }
    table = ",\n".join(f"        StringStruct({key!r}, {value!r})" for key, value in strings.items())
    return f"""VSVersionInfo(
  ffi=FixedFileInfo(filevers={numbers}, prodvers={numbers}, mask=0x3f, flags=0x0,
                    OS=0x40004, fileType=0x1, subtype=0x0, date=(0, 0)),
  kids=[
    StringFileInfo([StringTable('080404B0', [
{table}])]),
    VarFileInfo([VarStruct('Translation', [0x0804, 1200])])
  ]
)
"""


def main(argv: list[str]) -> int:
    version = project_version()
    if argv == ["--makensis"]:
        print(f"-DVERSION={version} -DFILE_VERSION={'.'.join(map(str, file_version(version)))}")
    elif argv == ["--version"]:
        print(version)
    else:
        print("usage: versioninfo.py --makensis | --version", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
