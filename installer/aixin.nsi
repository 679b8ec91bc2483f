; The Windows installer of AixinPOS (爱心超市积分兑换系统), for NSIS 3 (Debian's nsis builds it too):
;
;   makensis -DVERSION=0.1.0 -DFILE_VERSION=0.1.0.0 installer/aixin.nsi
;
; (installer/build_windows.ps1 passes the version from pyproject.toml.) DIST_DIR is the folder
; PyInstaller built (default ..\dist\AixinPOS), OUT_FILE the installer to write; FAST
; leaves it uncompressed.
;
; The village's data (database, backups, logs, settings) lives in the user's data folder,
; %LOCALAPPDATA%\aixin-pos, never in the program folder: uninstalling and upgrading remove
; only the program's own files. On an upgrade the app itself backs the database up and runs
; its migrations the first time it starts.

Unicode true
; A 32-bit installer that installs the 64-bit program, as Picard's does: it starts on any
; Windows, so an old or 32-bit one gets a clear refusal instead of "cannot run this app".
!ifndef TARGET
  !define TARGET x86-unicode
!endif
Target ${TARGET}
ManifestDPIAware true
!ifdef FAST
  SetCompress off  ; for CI, which only checks that the script builds and installs
!else
  SetCompressor /SOLID lzma
!endif
RequestExecutionLevel admin

!ifndef VERSION | FILE_VERSION
  !error "pass -DVERSION=... -DFILE_VERSION=... (python installer/versioninfo.py --makensis)"
!endif
!ifndef DIST_DIR
  !define DIST_DIR "..\dist\AixinPOS"
!endif
!ifndef OUT_FILE
  !define OUT_FILE "..\dist\AixinPOS-setup-${VERSION}.exe"
!endif

!define PRODUCT "AixinPOS"                     ; ASCII: folder, registry and file names
!define PRODUCT_ZH "爱心超市积分兑换系统"
!define PUBLISHER "aixin-pos"
!define APP_EXE "AixinPOS.exe"                 ; the window (no console)
!define CLI_EXE "aixin.exe"                    ; the command line
!define SHORTCUT "爱心超市 AixinPOS"
!define DATA_FOLDER "aixin-pos"                ; platformdirs.user_data_dir("aixin-pos", appauthor=False)
!define REG_KEY "Software\${PRODUCT}"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${PRODUCT}"
!define MIN_BUILD 17763                        ; Windows 10 1809, the oldest Qt 6 supports

Name "${PRODUCT} ${PRODUCT_ZH}"
OutFile "${OUT_FILE}"
InstallDir "$PROGRAMFILES64\${PRODUCT}"  ; an upgrade goes where the last version is: .onInit
ShowInstDetails show
ShowUninstDetails show
BrandingText "${PRODUCT} ${VERSION}"

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"
!include "x64.nsh"

!define MUI_ICON "..\resources\icons\aixin.ico"
!define MUI_UNICON "..\resources\icons\aixin.ico"
!define MUI_ABORTWARNING
!define MUI_LANGDLL_ALLLANGUAGES
!define MUI_LANGDLL_REGISTRY_ROOT HKLM
!define MUI_LANGDLL_REGISTRY_KEY "${REG_KEY}"
!define MUI_LANGDLL_REGISTRY_VALUENAME "InstallerLanguage"

; Pages
!define MUI_WELCOMEPAGE_TITLE_3LINES
!define MUI_WELCOMEPAGE_TEXT "$(WelcomeText)"
!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!define MUI_COMPONENTSPAGE_SMALLDESC
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!define MUI_FINISHPAGE_TITLE_3LINES
!define MUI_FINISHPAGE_TEXT "$(FinishText)"
; Started through Explorer so the app runs as the signed-in user, not elevated like the
; installer: the village's data belongs in that user's data folder.
!define MUI_FINISHPAGE_RUN "$WINDIR\explorer.exe"
!define MUI_FINISHPAGE_RUN_PARAMETERS "$\"$INSTDIR\${APP_EXE}$\""
!define MUI_FINISHPAGE_RUN_TEXT "$(RunNow)"
!insertmacro MUI_PAGE_FINISH

!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(UninstallKeepsData)"
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Languages: Simplified Chinese first (the default), then English
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"
!insertmacro MUI_RESERVEFILE_LANGDLL

LangString WelcomeText ${LANG_SIMPCHINESE} "本向导将在这台电脑上安装 ${PRODUCT_ZH} ${VERSION}。$\r$\n$\r$\n\
系统要求：64 位 Windows 10（1809 版或更新）或 Windows 11。$\r$\n\
Windows 7、Windows 8 和 32 位 Windows 无法运行本程序（它使用的 Qt 6 不支持这些系统）。$\r$\n$\r$\n\
村里的数据（数据库、备份、日志）保存在当前用户的数据文件夹 %LOCALAPPDATA%\${DATA_FOLDER}，\
不在程序文件夹里；升级或卸载程序都不会删除这些数据。$\r$\n$\r$\n单击“下一步”继续。"
LangString WelcomeText ${LANG_ENGLISH} "This wizard installs ${PRODUCT} ${VERSION} (${PRODUCT_ZH}) on this computer.$\r$\n$\r$\n\
Requirements: 64-bit Windows 10 version 1809 or newer, or Windows 11.$\r$\n\
Windows 7, Windows 8 and 32-bit Windows cannot run this program (the Qt 6 it is built on does not support them).$\r$\n$\r$\n\
The village's data (database, backups, logs) stays in the user's data folder, %LOCALAPPDATA%\${DATA_FOLDER}, \
not in the program folder; upgrading or uninstalling the program never deletes it.$\r$\n$\r$\nClick Next to continue."

LangString FinishText ${LANG_SIMPCHINESE} "${PRODUCT_ZH} 已安装。$\r$\n$\r$\n\
首次启动时程序会建立数据库；升级后首次启动时，它会先备份数据库再升级。$\r$\n$\r$\n\
建议：以后在程序的“设置”里把备份文件夹设到 U 盘上，电脑损坏时积分账本也不会丢。"
LangString FinishText ${LANG_ENGLISH} "${PRODUCT} is installed.$\r$\n$\r$\n\
On its first start the program creates its database; after an upgrade, it backs the database up before upgrading it.$\r$\n$\r$\n\
Tip: later, in the program's Settings, put the backup folder on a USB stick, so the points ledger survives a broken PC."

LangString RunNow ${LANG_SIMPCHINESE} "现在打开 ${PRODUCT_ZH}"
LangString RunNow ${LANG_ENGLISH} "Open ${PRODUCT} now"

LangString UninstallKeepsData ${LANG_SIMPCHINESE} "将删除程序文件和快捷方式。村里的数据（%LOCALAPPDATA%\${DATA_FOLDER} 里的数据库、备份和日志）会保留。"
LangString UninstallKeepsData ${LANG_ENGLISH} "The program files and shortcuts will be removed. The village's data (database, backups and logs in %LOCALAPPDATA%\${DATA_FOLDER}) is kept."

LangString NeedsWindows10 ${LANG_SIMPCHINESE} "${PRODUCT_ZH} 需要 64 位 Windows 10（1809 版或更新）或 Windows 11。$\r$\n这台电脑的 Windows 版本太旧（Windows 7 无法运行本程序），安装已取消。"
LangString NeedsWindows10 ${LANG_ENGLISH} "${PRODUCT} needs 64-bit Windows 10 version 1809 or newer, or Windows 11.$\r$\nThis PC's Windows is too old (Windows 7 cannot run this program); the installation is cancelled."

LangString AppRunning ${LANG_SIMPCHINESE} "${PRODUCT_ZH} 正在运行。请先关闭它（包括命令行窗口里的 aixin），再单击“重试”。"
LangString AppRunning ${LANG_ENGLISH} "${PRODUCT} is running. Close it (and any aixin in a command window), then click Retry."

LangString OldUninstallFailed ${LANG_SIMPCHINESE} "无法删除旧版本的程序文件（代码 $0）。村里的数据没有改动。"
LangString OldUninstallFailed ${LANG_ENGLISH} "The old version's program files could not be removed (code $0). The village's data was not touched."

LangString RemovingOld ${LANG_SIMPCHINESE} "删除旧版本的程序文件（保留数据）……"
LangString RemovingOld ${LANG_ENGLISH} "Removing the old version's program files (the data is kept)..."
LangString DataKept ${LANG_SIMPCHINESE} "数据文件夹保持不变：%LOCALAPPDATA%\${DATA_FOLDER}"
LangString DataKept ${LANG_ENGLISH} "The data folder is left as it is: %LOCALAPPDATA%\${DATA_FOLDER}"

LangString SectionProgram ${LANG_SIMPCHINESE} "程序（必需）"
LangString SectionProgram ${LANG_ENGLISH} "Program (required)"
LangString SectionStartMenu ${LANG_SIMPCHINESE} "开始菜单快捷方式"
LangString SectionStartMenu ${LANG_ENGLISH} "Start menu shortcuts"
LangString SectionDesktop ${LANG_SIMPCHINESE} "桌面快捷方式"
LangString SectionDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString DescProgram ${LANG_SIMPCHINESE} "收银窗口 AixinPOS.exe 和命令行 aixin.exe。"
LangString DescProgram ${LANG_ENGLISH} "The counter window AixinPOS.exe and the command line aixin.exe."
LangString DescStartMenu ${LANG_SIMPCHINESE} "在开始菜单放程序和命令行的快捷方式。"
LangString DescStartMenu ${LANG_ENGLISH} "Shortcuts to the program and its command line in the Start menu."
LangString DescDesktop ${LANG_SIMPCHINESE} "在桌面放一个快捷方式。"
LangString DescDesktop ${LANG_ENGLISH} "A shortcut on the desktop."
LangString CommandLine ${LANG_SIMPCHINESE} "aixin 命令行"
LangString CommandLine ${LANG_ENGLISH} "aixin command line"

VIProductVersion "${FILE_VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${PRODUCT} ${PRODUCT_ZH}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${PRODUCT_ZH} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "MIT License"

; Refuses to go on while the program runs in $INSTDIR: a running exe cannot be opened for writing.
!macro REFUSE_WHILE_RUNNING un
Function ${un}RefuseWhileRunning
  Push $0
  Push $1
  StrCpy $1 "${APP_EXE}"
  check:
    IfFileExists "$INSTDIR\$1" 0 next
    ClearErrors
    FileOpen $0 "$INSTDIR\$1" a
    IfErrors 0 close
      MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(AppRunning)" /SD IDCANCEL IDRETRY check
      Abort
    close:
    FileClose $0
  next:
    StrCmp $1 "${CLI_EXE}" done
    StrCpy $1 "${CLI_EXE}"
    Goto check
  done:
  Pop $1
  Pop $0
FunctionEnd
!macroend
!insertmacro REFUSE_WHILE_RUNNING ""
!insertmacro REFUSE_WHILE_RUNNING "un."

; The program's own files and nothing else: whatever else is in the folder stays.
!macro REMOVE_PROGRAM_FILES
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
!macroend

Function .onInit
  ${IfNot} ${AtLeastWin10}
  ${OrIfNot} ${AtLeastBuild} ${MIN_BUILD}
  ${OrIfNot} ${RunningX64}
    MessageBox MB_ICONSTOP|MB_OK "$(NeedsWindows10)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64  ; the program is 64-bit: its entries go where 64-bit Windows looks
  ReadRegStr $0 HKLM "${REG_KEY}" "InstallDir"
  ${If} $0 != ""
    StrCpy $INSTDIR $0
  ${EndIf}
  !insertmacro MUI_LANGDLL_DISPLAY
FunctionEnd

Function un.onInit
  SetRegView 64
  !insertmacro MUI_UNGETLANGUAGE
FunctionEnd

; An earlier version: its own uninstaller removes its program files (never the data), in
; place (_?=) so that ExecWait waits for it; then the new files go in.
Function RemoveOldVersion
  ReadRegStr $R0 HKLM "${UNINST_KEY}" "UninstallString"
  ReadRegStr $R1 HKLM "${UNINST_KEY}" "InstallLocation"
  ${If} $R0 == ""
  ${OrIfNot} ${FileExists} "$R1\uninstall.exe"
    Return
  ${EndIf}
  DetailPrint "$(RemovingOld)"
  ClearErrors
  ExecWait '"$R1\uninstall.exe" /S _?=$R1' $0
  ${If} ${Errors}
  ${OrIf} $0 != 0
    MessageBox MB_ICONSTOP|MB_OK "$(OldUninstallFailed)" /SD IDOK
    Abort
  ${EndIf}
  Delete "$R1\uninstall.exe"
  RMDir "$R1"
FunctionEnd

Section "$(SectionProgram)" SecProgram
  SectionIn RO
  Call RefuseWhileRunning
  Call RemoveOldVersion
  ; Also when there was no registered version (a folder copied by hand, a broken uninstall):
  ; files of an older build must not linger next to the new ones.
  !insertmacro REMOVE_PROGRAM_FILES

  SetOutPath "$INSTDIR"
  SetOverwrite on
  File /r "${DIST_DIR}\*"
  DetailPrint "$(DataKept)"

  WriteUninstaller "$INSTDIR\uninstall.exe"
  WriteRegStr HKLM "${REG_KEY}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${REG_KEY}" "Version" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${PRODUCT_ZH} (${PRODUCT})"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${APP_EXE}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
SectionEnd

Section "$(SectionStartMenu)" SecStartMenu
  SetShellVarContext all
  CreateDirectory "$SMPROGRAMS\${PRODUCT}"
  SetOutPath "$INSTDIR"
  CreateShortCut "$SMPROGRAMS\${PRODUCT}\${SHORTCUT}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "${PRODUCT_ZH}"
  ; A console in the program folder with aixin's help shown: for the administrator's scripts.
  CreateShortCut "$SMPROGRAMS\${PRODUCT}\$(CommandLine).lnk" "$SYSDIR\cmd.exe" \
    '/k "cd /d "$INSTDIR" && aixin --help"' "$INSTDIR\${CLI_EXE}" 0 SW_SHOWNORMAL "" "aixin"
  WriteRegStr HKLM "${REG_KEY}" "CommandLineShortcut" "$SMPROGRAMS\${PRODUCT}\$(CommandLine).lnk"
SectionEnd

Section "$(SectionDesktop)" SecDesktop
  SetShellVarContext all
  SetOutPath "$INSTDIR"
  CreateShortCut "$DESKTOP\${SHORTCUT}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0 \
    SW_SHOWNORMAL "" "${PRODUCT_ZH}"
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecProgram} "$(DescProgram)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecStartMenu} "$(DescStartMenu)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktop} "$(DescDesktop)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

; Uninstall: the program's files, shortcuts and registry entries. Never the data folder.
Section Uninstall
  Call un.RefuseWhileRunning
  !insertmacro REMOVE_PROGRAM_FILES
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR"  ; not /r: only if nothing else was put there

  SetShellVarContext all
  ReadRegStr $0 HKLM "${REG_KEY}" "CommandLineShortcut"
  ${If} $0 != ""
    Delete "$0"
  ${EndIf}
  Delete "$SMPROGRAMS\${PRODUCT}\${SHORTCUT}.lnk"
  RMDir "$SMPROGRAMS\${PRODUCT}"
  Delete "$DESKTOP\${SHORTCUT}.lnk"

  DeleteRegKey HKLM "${UNINST_KEY}"
  DeleteRegKey HKLM "${REG_KEY}"
SectionEnd
