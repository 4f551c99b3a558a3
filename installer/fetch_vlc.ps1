<#
.SYNOPSIS
    Fetch the pinned VLC release for 64-bit Windows, check its SHA-256, and stage libVLC with the
    plugins the workstation needs into build\vlc for the PyInstaller build.

.DESCRIPTION
    Runs on the Windows build machine (or the GitHub Actions job), never on a police-network PC: the
    installer carries libVLC, and nothing is downloaded at install or run time.

    1. Takes vlc-<Version>-win64.zip from -ZipPath (an offline build machine: copy the zip over), or
       from the download cache (build\downloads), or downloads it from VideoLAN.
    2. Refuses the zip unless its SHA-256 equals the pinned value (or -Sha256). A zip that does not
       match is deleted, never used.
    3. Copies libvlc.dll, libvlccore.dll, vlc-cache-gen.exe, VLC's licence and the plugins listed in
       installer\vlc_plugins.txt (lines for all platforms and those marked `win`) into -Destination,
       laid out as VLC has them: <dest>\libvlc.dll, <dest>\plugins\<folder>\lib<name>_plugin.dll.

    installer\workstation.spec takes libVLC from there (VLC_DIR, default build\vlc), and
    installer\build.ps1 runs vlc-cache-gen.exe on the bundled plugins afterwards.

    Moving the pin to another VLC 3.0.x: pass -Version and -Sha256 (the value in VideoLAN's
    vlc-<Version>-win64.zip.sha256 next to the zip, compared with a second source such as the
    release announcement), run the build and the smoke test, then update $PinnedSha256 below.
    Without a known SHA-256 the script stops: an unchecked download never goes into the installer.

.EXAMPLE
    powershell -ExecutionPolicy Bypass -File installer\fetch_vlc.ps1

.EXAMPLE
    installer\fetch_vlc.ps1 -ZipPath D:\media\vlc-3.0.21-win64.zip

.EXAMPLE
    installer\fetch_vlc.ps1 -Version 3.0.22 -Sha256 <64 hex digits from vlc-3.0.22-win64.zip.sha256>
#>
[CmdletBinding()]
param(
    [string]$Version = "3.0.21",
    [string]$Sha256 = "",
    [string]$Url = "",
    [string]$ZipPath = "",
    [string]$Destination = "",
    [string]$CacheDir = ""
)

$ErrorActionPreference = "Stop"
Set-StrictMode -Version Latest
$ProgressPreference = "SilentlyContinue"  # the progress bar makes Invoke-WebRequest many times slower

# SHA-256 of VideoLAN's official zips (vlc-<version>-win64.zip; 77,665,682 bytes for 3.0.21).
# This file stays ASCII: Windows PowerShell 5.1 reads a .ps1 without a BOM in the ANSI code page.
$PinnedSha256 = @{
    "3.0.21" = "a0b7ec02b50adf6417eed014fb8df50af39690505a4225b85b3dc2ed17d14843"
}

$Repo = Split-Path -Parent $PSScriptRoot
if (-not $Destination) { $Destination = Join-Path $Repo "build\vlc" }
if (-not $CacheDir) { $CacheDir = Join-Path $Repo "build\downloads" }
if (-not $Url) { $Url = "https://download.videolan.org/pub/videolan/vlc/$Version/win64/vlc-$Version-win64.zip" }

if (-not $Sha256) {
    if (-not $PinnedSha256.ContainsKey($Version)) {
        throw ("No SHA-256 is pinned for VLC $Version. Pass -Sha256 with the value from " +
            "$Url.sha256 (checked against a second source).")
    }
    $Sha256 = $PinnedSha256[$Version]
}
if ($Sha256 -notmatch '^[0-9a-fA-F]{64}$') {
    throw "-Sha256 must be 64 hexadecimal digits, got '$Sha256'."
}
$Sha256 = $Sha256.ToUpperInvariant()

function Test-Zip([string]$Path) {
    (Get-FileHash -Algorithm SHA256 -LiteralPath $Path).Hash -eq $Sha256
}

# --- 1 and 2: a zip whose SHA-256 matches ---
$downloaded = $false
if ($ZipPath) {
    $zip = (Resolve-Path -LiteralPath $ZipPath).Path
} else {
    New-Item -ItemType Directory -Force -Path $CacheDir | Out-Null
    $zip = Join-Path $CacheDir "vlc-$Version-win64.zip"
    if ((Test-Path -LiteralPath $zip) -and -not (Test-Zip $zip)) {
        Write-Warning "Cached $zip does not match the pinned SHA-256; downloading it again."
        Remove-Item -LiteralPath $zip -Force
    }
    if (-not (Test-Path -LiteralPath $zip)) {
        Write-Host "Downloading $Url"
        [Net.ServicePointManager]::SecurityProtocol = [Net.ServicePointManager]::SecurityProtocol -bor [Net.SecurityProtocolType]::Tls12
        $partial = "$zip.partial"
        Invoke-WebRequest -Uri $Url -OutFile $partial -UseBasicParsing
        Move-Item -LiteralPath $partial -Destination $zip -Force
        $downloaded = $true
    }
}
if (-not (Test-Zip $zip)) {
    $actual = (Get-FileHash -Algorithm SHA256 -LiteralPath $zip).Hash
    if ($downloaded) { Remove-Item -LiteralPath $zip -Force }
    throw "SHA-256 mismatch for ${zip}: expected $Sha256, got $actual. The zip is not used."
}
Write-Host "VLC $Version zip verified: SHA-256 $Sha256"

# --- 3: stage libVLC and the listed plugins ---
$unpacked = Join-Path ([IO.Path]::GetTempPath()) ("vlc-" + [Guid]::NewGuid().ToString("N"))
try {
    Expand-Archive -LiteralPath $zip -DestinationPath $unpacked
    $source = Join-Path $unpacked "vlc-$Version"
    if (-not (Test-Path -LiteralPath (Join-Path $source "libvlc.dll"))) {
        throw "vlc-$Version\libvlc.dll not found in ${zip}: not a VLC win64 zip?"
    }
    if (Test-Path -LiteralPath $Destination) { Remove-Item -LiteralPath $Destination -Recurse -Force }
    New-Item -ItemType Directory -Force -Path (Join-Path $Destination "plugins") | Out-Null
    foreach ($file in @("libvlc.dll", "libvlccore.dll", "vlc-cache-gen.exe", "COPYING.txt")) {
        Copy-Item -LiteralPath (Join-Path $source $file) -Destination $Destination
    }

    $missing = @()
    $count = 0
    $list = Get-Content -LiteralPath (Join-Path $PSScriptRoot "vlc_plugins.txt") -Encoding UTF8
    foreach ($raw in $list) {
        $fields = @(($raw -replace '#.*$', '').Trim() -split '\s+' | Where-Object { $_ })
        if ($fields.Count -eq 0) { continue }
        if ($fields.Count -gt 1 -and $fields[1] -ne "win") { continue }  # a `linux` line
        $folder, $name = $fields[0] -split '/', 2
        $target = Join-Path $Destination "plugins\$folder"
        New-Item -ItemType Directory -Force -Path $target | Out-Null
        if ($name -eq "*") {
            $found = @(Get-ChildItem -LiteralPath (Join-Path $source "plugins\$folder") -Filter "lib*_plugin.dll" -ErrorAction SilentlyContinue)
            if ($found.Count -eq 0) { $missing += $fields[0] }
            foreach ($plugin in $found) { Copy-Item -LiteralPath $plugin.FullName -Destination $target; $count++ }
        } else {
            $plugin = Join-Path $source "plugins\$folder\lib${name}_plugin.dll"
            if (Test-Path -LiteralPath $plugin) { Copy-Item -LiteralPath $plugin -Destination $target; $count++ }
            else { $missing += $fields[0] }
        }
    }
    if ($missing.Count -gt 0) {
        throw "Plugins listed in vlc_plugins.txt but not in VLC ${Version}: $($missing -join ', ')"
    }
    Set-Content -LiteralPath (Join-Path $Destination "VERSION.txt") -Encoding UTF8 -Value @(
        "VLC $Version win64", "zip SHA-256 $Sha256", "source $Url", "plugins $count"
    )
    Write-Host "Staged libVLC $Version with $count plugins in $Destination"
} finally {
    if (Test-Path -LiteralPath $unpacked) { Remove-Item -LiteralPath $unpacked -Recurse -Force }
}
