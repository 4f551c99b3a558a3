; Installer of the body-worn camera footage review workstation (NSIS 3, Unicode, Modern UI 2).
;
;   makensis /DVERSION=0.1.0 /DDIST=C:\path\to\dist\workstation installer\workstation.nsi
;
; DIST is the PyInstaller one-folder build (installer/workstation.spec); the installer lands in
; dist\BodycamWorkstation-Setup-<VERSION>.exe unless /DOUTFILE=... says otherwise. makensis 3.08 from
; Debian's `nsis` package compiles it on Linux too (tools/build_bundle.sh does, against a placeholder).
;
; What it does, for IT staff deploying to police-network PCs (docs/deploy_zh.md):
;   - per-machine install into Program Files (administrator rights), Start menu and desktop
;     shortcuts for all users; silent with /S (and /D=folder, last on the command line);
;   - /PROFILE=name makes the shortcuts open that connection profile (`--profile name`, e.g. the
;     branch archive set up with `workstation profile add`); kept for later upgrades, /PROFILE= clears it;
;   - upgrade in place: the same folder, the old program files replaced as a whole (so no stale
;     libVLC plugin is left behind); nothing outside the program folder is touched;
;   - the program keeps its data outside Program Files: connection profiles and settings in each
;     user's %APPDATA%\BodycamWorkstation, the embedded archive in %LOCALAPPDATA%\BodycamWorkstation;
;     the shared archive lives on the branch's PostgreSQL server and media share;
;   - uninstall removes the program files, shortcuts and registry entries only. It never deletes an
;     archive, a profile or a setting, nor anything else someone put in the program folder.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma
RequestExecutionLevel admin

!ifndef VERSION
  !define VERSION "0.0.0"
!endif
!ifndef DIST
  !error "DIST not set: makensis /DDIST=<the PyInstaller dist\workstation folder> installer\workstation.nsi"
!endif
!ifndef OUTFILE
  !define OUTFILE "..\dist\BodycamWorkstation-Setup-${VERSION}.exe"
!endif

!define APP_KEY "BodycamWorkstation"             ; folder and registry name, as the program's own APP_FOLDER
!define APP_NAME "执法记录仪视音频回放审查工作站"
!define APP_SHORT "执法记录仪工作站"
!define GUI_EXE "BodycamWorkstation.exe"
!define CLI_EXE "workstation.exe"
!define UNINSTALL_EXE "uninstall.exe"
!define REG_APP "Software\${APP_KEY}"
!define REG_UNINSTALL "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_KEY}"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$PROGRAMFILES64\${APP_KEY}"
InstallDirRegKey HKLM "${REG_APP}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"
ShowInstDetails show
ShowUninstDetails show

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "x64.nsh"
!include "WinVer.nsh"
!include "FileFunc.nsh"

!define MUI_ICON "..\resources\icons\workstation.ico"
!define MUI_UNICON "..\resources\icons\workstation.ico"
!define MUI_ABORTWARNING
!define MUI_WELCOMEPAGE_TEXT "$(WelcomeText)"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(UninstallKeeps)"
!define MUI_FINISHPAGE_TEXT "$(FinishText)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; Simplified Chinese first: it is the default whenever Windows' display language is not English.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString WelcomeText ${LANG_SIMPCHINESE} "将在本机为所有用户安装 ${APP_NAME} ${VERSION}。$\r$\n$\r$\n如已安装旧版本，将原位升级：连接配置、个人设置和本机档案库都会保留。$\r$\n$\r$\n安装前请关闭正在运行的工作站程序。"
LangString WelcomeText ${LANG_ENGLISH} "This installs ${APP_NAME} ${VERSION} for all users of this computer.$\r$\n$\r$\nAn older version is upgraded in place: connection profiles, settings and the local archive are kept.$\r$\n$\r$\nClose the workstation program before you continue."
LangString FinishText ${LANG_SIMPCHINESE} "安装完成。$\r$\n$\r$\n连接分局档案库：在开始菜单“${APP_SHORT}”中打开“命令行”，运行 workstation profile add（见部署手册）。$\r$\n检查安装：开始菜单中的“安装自检”。"
LangString FinishText ${LANG_ENGLISH} "Installation complete.$\r$\n$\r$\nTo connect to the branch archive, open Command line in the Start menu folder and run workstation profile add (see the deployment guide).$\r$\nTo check the installation, run Installation self-test from the Start menu."
LangString UninstallKeeps ${LANG_SIMPCHINESE} "将删除程序文件、快捷方式和注册表项。$\r$\n档案库（数据库与视音频文件）、连接配置和个人设置不会被删除。"
LangString UninstallKeeps ${LANG_ENGLISH} "The program files, shortcuts and registry entries are removed.$\r$\nArchives (database and footage), connection profiles and settings are never deleted."
LangString NeedsWindows10 ${LANG_SIMPCHINESE} "本程序需要 64 位 Windows 10 或更高版本。"
LangString NeedsWindows10 ${LANG_ENGLISH} "This program needs 64-bit Windows 10 or later."
LangString NeedsAdmin ${LANG_SIMPCHINESE} "请以管理员身份运行安装程序（为本机所有用户安装）。"
LangString NeedsAdmin ${LANG_ENGLISH} "Run the installer as an administrator (it installs for all users of this computer)."
LangString StillRunning ${LANG_SIMPCHINESE} "工作站程序正在运行（可能是其他用户）。请关闭后点“重试”，或点“取消”退出。"
LangString StillRunning ${LANG_ENGLISH} "The workstation program is running (perhaps for another user). Close it and click Retry, or Cancel to stop."
LangString NotOurFolder ${LANG_SIMPCHINESE} "所选文件夹中已有其他程序的 _internal 文件夹，不能安装到这里。请选择一个空文件夹。"
LangString NotOurFolder ${LANG_ENGLISH} "The chosen folder already holds another program's _internal folder. Choose an empty folder."
LangString ShortcutCommandLine ${LANG_SIMPCHINESE} "命令行"
LangString ShortcutCommandLine ${LANG_ENGLISH} "Command line"
LangString ShortcutSmokeTest ${LANG_SIMPCHINESE} "安装自检"
LangString ShortcutSmokeTest ${LANG_ENGLISH} "Installation self-test"
LangString ShortcutUninstall ${LANG_SIMPCHINESE} "卸载"
LangString ShortcutUninstall ${LANG_ENGLISH} "Uninstall"

!searchparse /noerrors "${VERSION}.0.0.0" "" V1 "." V2 "." V3 "." V4 "."
VIProductVersion "${V1}.${V2}.${V3}.0"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileDescription" "${APP_NAME} 安装程序"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_SIMPCHINESE} "LegalCopyright" "GPL-3.0-or-later"

; A running program's .exe cannot be opened for writing (sharing violation). Both are checked before
; anything is removed, for every signed-in user's workstation and for a scheduled `workstation ingest`:
; deleting one and then finding the other locked would leave a broken installation behind.
!macro CheckNotRunning EXE
  ${If} ${FileExists} "$INSTDIR\${EXE}"
    ClearErrors
    FileOpen $1 "$INSTDIR\${EXE}" a
    ${If} ${Errors}
      StrCpy $0 "running"
    ${Else}
      FileClose $1
    ${EndIf}
  ${EndIf}
!macroend

!macro WaitUntilClosed
  ${Do}
    StrCpy $0 ""
    !insertmacro CheckNotRunning "${GUI_EXE}"
    !insertmacro CheckNotRunning "${CLI_EXE}"
    ${If} $0 == ""
      ${Break}
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(StillRunning)" /SD IDCANCEL IDRETRY +2
    Abort  ; silent (/S): stops at once, exit code 2, nothing changed
  ${Loop}
!macroend

Var ShortcutProfile    ; /PROFILE=name, or kept from the last install
Var ShortcutArguments  ; `--profile "name"` for the program's shortcuts, or nothing

Function .onInit
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "$(NeedsWindows10)" /SD IDOK
    Abort
  ${EndIf}
  SetRegView 64
  UserInfo::GetAccountType
  Pop $0
  ${If} $0 != "admin"
    MessageBox MB_OK|MB_ICONSTOP "$(NeedsAdmin)" /SD IDOK
    Abort
  ${EndIf}
  ${GetParameters} $1
  ClearErrors
  ${GetOptions} $1 "/PROFILE=" $2
  ${If} ${Errors}
    ReadRegStr $2 HKLM "${REG_APP}" "ShortcutProfile"  ; an upgrade keeps what the last install was given
  ${EndIf}
  StrCpy $ShortcutArguments ""
  ${If} $2 != ""
    StrCpy $ShortcutArguments '--profile "$2"'
  ${EndIf}
  StrCpy $ShortcutProfile $2
FunctionEnd

Section "Install"
  SetShellVarContext all
  SetRegView 64
  ; An upgrade replaces the old program files as a whole, but only in a folder this installer made.
  ${If} ${FileExists} "$INSTDIR\_internal\*.*"
    ReadRegStr $0 HKLM "${REG_APP}" "InstallDir"
    ${If} $0 != $INSTDIR
    ${AndIfNot} ${FileExists} "$INSTDIR\${CLI_EXE}"
      MessageBox MB_OK|MB_ICONSTOP "$(NotOurFolder)" /SD IDOK
      Abort
    ${EndIf}
  ${EndIf}
  !insertmacro WaitUntilClosed
  RMDir /r "$INSTDIR\_internal"

  SetOutPath "$INSTDIR"
  File /r "${DIST}\*.*"
  WriteUninstaller "$INSTDIR\${UNINSTALL_EXE}"

  RMDir /r "$SMPROGRAMS\${APP_SHORT}"  ; an upgrade in another language must not leave old shortcuts
  CreateDirectory "$SMPROGRAMS\${APP_SHORT}"
  CreateShortcut "$SMPROGRAMS\${APP_SHORT}\${APP_SHORT}.lnk" "$INSTDIR\${GUI_EXE}" $ShortcutArguments \
    "$INSTDIR\${GUI_EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_SHORT}\$(ShortcutCommandLine).lnk" "$SYSDIR\cmd.exe" \
    '/k cd /d "$INSTDIR" && workstation --help' "$INSTDIR\${CLI_EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_SHORT}\$(ShortcutSmokeTest).lnk" "$SYSDIR\cmd.exe" \
    '/k cd /d "$INSTDIR" && workstation --smoke-test' "$INSTDIR\${CLI_EXE}" 0
  CreateShortcut "$SMPROGRAMS\${APP_SHORT}\$(ShortcutUninstall).lnk" "$INSTDIR\${UNINSTALL_EXE}"
  CreateShortcut "$DESKTOP\${APP_SHORT}.lnk" "$INSTDIR\${GUI_EXE}" $ShortcutArguments "$INSTDIR\${GUI_EXE}" 0

  WriteRegStr HKLM "${REG_APP}" "InstallDir" "$INSTDIR"
  WriteRegStr HKLM "${REG_APP}" "Version" "${VERSION}"
  WriteRegStr HKLM "${REG_APP}" "ShortcutProfile" $ShortcutProfile
  WriteRegStr HKLM "${REG_UNINSTALL}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${REG_UNINSTALL}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${REG_UNINSTALL}" "Publisher" "Bodycam Workstation project"
  WriteRegStr HKLM "${REG_UNINSTALL}" "DisplayIcon" "$INSTDIR\${GUI_EXE}"
  WriteRegStr HKLM "${REG_UNINSTALL}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${REG_UNINSTALL}" "UninstallString" '"$INSTDIR\${UNINSTALL_EXE}"'
  WriteRegStr HKLM "${REG_UNINSTALL}" "QuietUninstallString" '"$INSTDIR\${UNINSTALL_EXE}" /S'
  WriteRegDWORD HKLM "${REG_UNINSTALL}" "NoModify" 1
  WriteRegDWORD HKLM "${REG_UNINSTALL}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${REG_UNINSTALL}" "EstimatedSize" $0
SectionEnd

Function un.onInit
  SetRegView 64
  UserInfo::GetAccountType
  Pop $0
  ${If} $0 != "admin"
    MessageBox MB_OK|MB_ICONSTOP "$(NeedsAdmin)" /SD IDOK
    Abort
  ${EndIf}
FunctionEnd

; Removes exactly what the installer put in: never `RMDir /r $INSTDIR`, which would also take an
; archive or an export someone saved into the program folder.
Section "Uninstall"
  SetShellVarContext all
  SetRegView 64
  !insertmacro WaitUntilClosed
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\${CLI_EXE}"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${UNINSTALL_EXE}"
  RMDir "$INSTDIR"

  RMDir /r "$SMPROGRAMS\${APP_SHORT}"  ; our Start menu folder: shortcuts named in either language
  Delete "$DESKTOP\${APP_SHORT}.lnk"

  DeleteRegKey HKLM "${REG_UNINSTALL}"
  DeleteRegKey HKLM "${REG_APP}"
  ; Not touched: %APPDATA%\BodycamWorkstation and %LOCALAPPDATA%\BodycamWorkstation of every user
  ; (profiles, settings, the embedded archive), the Windows Credential Manager entries, the branch
  ; server's database and media share.
SectionEnd
