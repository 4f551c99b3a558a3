<#
.SYNOPSIS
    Build the Windows installer: translations, libVLC, PyInstaller, plugin cache, smoke test, NSIS.

.DESCRIPTION
    Run from the repository on a 64-bit Windows build machine with Python 3.11 and the project set up
    (py -3.11 -m venv .venv; .venv\Scripts\pip install -c constraints.txt -e .[dev]) and NSIS 3
    (choco install nsis, or nsis.sourceforge.io). The GitHub Actions job .github/workflows/windows.yml
    runs the same script.

      1. pyside6-lrelease: resources\translations\*.ts -> .qm
      2. installer\fetch_vlc.ps1 (unless build\vlc is already staged, or -SkipFetch)
      3. pyinstaller installer\workstation.spec -> dist\workstation\
      4. vlc-cache-gen on dist\workstation\_internal\plugins (plugins.dat: libVLC starts in ms)
      5. dist\workstation\workstation.exe --smoke-test (stops the build when a check fails)
      6. makensis -> dist\BodycamWorkstation-Setup-<version>.exe

    This file stays ASCII: Windows PowerShell 5.1 reads a .ps1 without a BOM in the ANSI code page.

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File installer\build.ps1
#>
[CmdletBinding()]
param(
    [switch]$SkipFetch,
    [string]$VlcZip = "",
    [string]$Makensis = ""
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$Repo = Split-Path -Parent $PSScriptRoot
Set-Location $Repo
$Venv = Join-Path $Repo ".venv\Scripts"
$VlcDir = Join-Path $Repo "build\vlc"
$Bundle = Join-Path $Repo "dist\workstation"

function Invoke-Step([string]$Title, [scriptblock]$Block) {
    Write-Host "==> $Title" -ForegroundColor Cyan
    $started = Get-Date
    & $Block
    if ($LASTEXITCODE -ne 0) { throw "$Title failed (exit code $LASTEXITCODE)" }
    Write-Host ("    {0:N1} s" -f ((Get-Date) - $started).TotalSeconds)
}

$Version = & (Join-Path $Venv "python.exe") -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])"
if ($LASTEXITCODE -ne 0) { throw "cannot read the version from pyproject.toml: is .venv set up?" }

Invoke-Step "Translations (.ts -> .qm)" {
    foreach ($ts in Get-ChildItem (Join-Path $Repo "resources\translations\*.ts")) {
        & (Join-Path $Venv "pyside6-lrelease.exe") -silent $ts.FullName -qm ($ts.FullName -replace '\.ts$', '.qm')
        if ($LASTEXITCODE -ne 0) { return }
    }
}

if (-not $SkipFetch -and -not (Test-Path (Join-Path $VlcDir "libvlc.dll"))) {
    Invoke-Step "libVLC (fetch_vlc.ps1)" {
        $arguments = @{}
        if ($VlcZip) { $arguments["ZipPath"] = $VlcZip }
        & (Join-Path $PSScriptRoot "fetch_vlc.ps1") @arguments
        $global:LASTEXITCODE = 0  # a script that throws stops this one; it sets no exit code itself
    }
}

Invoke-Step "PyInstaller" {
    $env:VLC_DIR = $VlcDir
    & (Join-Path $Venv "pyinstaller.exe") --noconfirm --clean --log-level WARN --distpath dist `
        --workpath build\pyinstaller installer\workstation.spec
}

Invoke-Step "libVLC plugin cache (plugins.dat)" {
    & (Join-Path $VlcDir "vlc-cache-gen.exe") (Join-Path $Bundle "_internal\plugins")
}

Invoke-Step "Smoke test of the frozen program" {
    Remove-Item Env:PYTHON_VLC_LIB_PATH, Env:PYTHON_VLC_MODULE_PATH, Env:VLC_PLUGIN_PATH -ErrorAction SilentlyContinue
    & (Join-Path $Bundle "workstation.exe") --smoke-test
}

if (-not $Makensis) {
    $found = Get-Command makensis.exe -ErrorAction SilentlyContinue
    $Makensis = if ($found) { $found.Source } else { Join-Path ${env:ProgramFiles(x86)} "NSIS\makensis.exe" }
}
Invoke-Step "Installer (NSIS)" {
    & $Makensis /V2 "/DVERSION=$Version" "/DDIST=$Bundle" installer\workstation.nsi
}

$setup = Join-Path $Repo "dist\BodycamWorkstation-Setup-$Version.exe"
$size = "{0:N0} MB" -f ((Get-ChildItem $Bundle -Recurse -File | Measure-Object Length -Sum).Sum / 1MB)
Write-Host "Built $setup ($([math]::Round((Get-Item $setup).Length / 1MB)) MB; program folder $size)"
