# Builds the Windows program and its installer, on Windows, from the repository:
#
#   powershell -ExecutionPolicy Bypass -File installer\build_windows.ps1
#
# Needs 64-bit Python 3.11 or newer (python.org) as `python` and NSIS 3 (makensis on PATH or
# in its usual folder). Writes dist\AixinPOS\ (the frozen program, checked by
# installer\check_frozen.py on a demo village) and dist\AixinPOS-setup-VERSION.exe.
# -SkipCheck leaves the check out; -Python names another interpreter.
param(
    [string]$Python = "python",
    [switch]$SkipCheck
)
$ErrorActionPreference = "Stop"
Set-Location (Split-Path -Parent $PSScriptRoot)

function Invoke-Step([string]$What, [scriptblock]$Command) {
    Write-Host "== $What"
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit $LASTEXITCODE)" }
}

# A clean environment with only the program's own dependencies, so nothing else gets frozen in.
$venv = "build\venv"
Invoke-Step "virtualenv" { & $Python -m venv --clear $venv }
$py = Join-Path $venv "Scripts\python.exe"
Invoke-Step "pip" { & $py -m pip install --quiet --upgrade pip }
Invoke-Step "install aixin-pos with PyInstaller" { & $py -m pip install --quiet -e ".[build]" }

Invoke-Step "PyInstaller" { & $py -m PyInstaller --noconfirm --clean installer\aixin.spec }
if (-not $SkipCheck) {
    $env:QT_QPA_PLATFORM = "offscreen"
    Invoke-Step "check the frozen program" { & $py installer\check_frozen.py dist\AixinPOS }
    Remove-Item Env:QT_QPA_PLATFORM
}

$makensis = (Get-Command makensis -ErrorAction SilentlyContinue).Source
foreach ($candidate in @("${env:ProgramFiles(x86)}\NSIS\makensis.exe", "$env:ProgramFiles\NSIS\makensis.exe")) {
    if (-not $makensis -and (Test-Path $candidate)) { $makensis = $candidate }
}
if (-not $makensis) { throw "makensis not found: install NSIS 3 (https://nsis.sourceforge.io)" }
$defines = (& $py installer\versioninfo.py --makensis) -split " "
Invoke-Step "makensis" { & $makensis -WX -INPUTCHARSET UTF8 @defines installer\aixin.nsi }
Get-ChildItem dist\AixinPOS-setup-*.exe | ForEach-Object { Write-Host "built $($_.FullName)" }
