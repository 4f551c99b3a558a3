"""The libVLC plugin list and the Qt trimming rules the PyInstaller spec applies."""

from pathlib import Path

import pytest

from tests.installer.conftest import INSTALLER

LINUX_VLC = Path("/usr/lib/x86_64-linux-gnu")


def test_plugin_list_lines_are_filtered_by_platform(vlc_bundle):
    text = (
        "# comment\naccess/filesystem\n\nvideo_output/direct3d11  win # D3D\naudio_output/pulse linux\nvideo_chroma/*\n"
    )
    assert vlc_bundle.parse_plugin_list(text, "win") == [
        "access/filesystem",
        "video_output/direct3d11",
        "video_chroma/*",
    ]
    assert vlc_bundle.parse_plugin_list(text, "linux") == ["access/filesystem", "audio_output/pulse", "video_chroma/*"]


@pytest.mark.parametrize("line", ["filesystem", "access/filesystem mac", "a/b/c", "access/filesystem win linux"])
def test_a_malformed_plugin_line_is_refused(vlc_bundle, line):
    with pytest.raises(ValueError, match="line 1"):
        vlc_bundle.parse_plugin_list(line, "win")


def test_the_shipped_list_covers_the_footage_on_both_platforms(vlc_bundle):
    text = vlc_bundle.PLUGIN_LIST.read_text(encoding="utf-8")
    for platform in ("win", "linux"):
        entries = set(vlc_bundle.parse_plugin_list(text, platform))
        for needed in ("access/filesystem", "demux/mp4", "demux/avi", "demux/mkv", "demux/wav", "codec/avcodec"):
            assert needed in entries
        assert {
            "packetizer/packetizer_h264",
            "packetizer/packetizer_hevc",
            "codec/araw",
            "video_output/vmem",
        } <= entries
        assert {"stream_out/stream_out_transcode", "mux/mux_wav", "access_output/access_output_file"} <= entries
    assert "video_output/direct3d11" in vlc_bundle.parse_plugin_list(text, "win")
    assert "video_output/direct3d11" not in vlc_bundle.parse_plugin_list(text, "linux")


def test_missing_plugins_are_named(vlc_bundle, tmp_path):
    plugins = tmp_path / "plugins"
    (plugins / "access").mkdir(parents=True)
    (plugins / "access" / "libfilesystem_plugin.dll").write_bytes(b"")
    layout = vlc_bundle.VlcLayout((), plugins, "plugins", ".dll")
    assert vlc_bundle.plugin_files(layout, ["access/filesystem"]) == [plugins / "access" / "libfilesystem_plugin.dll"]
    with pytest.raises(FileNotFoundError, match="demux/mp4, video_chroma/\\*"):
        vlc_bundle.plugin_files(layout, ["access/filesystem", "demux/mp4", "video_chroma/*"])


@pytest.mark.skipif(not (LINUX_VLC / "vlc" / "plugins").is_dir(), reason="Debian's libVLC plugins are not installed")
def test_every_listed_linux_plugin_is_installed(vlc_bundle):
    pairs = vlc_bundle.vlc_binaries("linux", LINUX_VLC)
    assert pairs[:2] == [(str(LINUX_VLC / "libvlc.so.5"), "."), (str(LINUX_VLC / "libvlccore.so.9"), ".")]
    assert all(target.startswith("vlc/plugins/") for _, target in pairs[2:])
    assert (str(LINUX_VLC / "vlc/plugins/demux/libmp4_plugin.so"), "vlc/plugins/demux") in pairs


def test_unused_qt_plugins_and_translations_stay_out(vlc_bundle):
    assert not vlc_bundle.wanted_qt_plugin("/x/PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert not vlc_bundle.wanted_qt_plugin("/x/plugins/wayland-shell-integration/libxdg-shell.so")
    assert vlc_bundle.wanted_qt_plugin("/x/PySide6/Qt/plugins/platforms/libqxcb.so")
    assert vlc_bundle.wanted_qt_plugin("/x/PySide6/plugins/platforms/qwindows.dll")
    assert vlc_bundle.wanted_qt_plugin("/x/PySide6/plugins/imageformats/qjpeg.dll")
    assert not vlc_bundle.wanted_binary("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert vlc_bundle.wanted_binary("vlc/plugins/codec/libavcodec_plugin.so")
    assert vlc_bundle.wanted_data("PySide6/Qt/translations/qtbase_zh_CN.qm")
    assert not vlc_bundle.wanted_data("PySide6/Qt/translations/qtbase_de.qm")
    assert vlc_bundle.wanted_data("resources/translations/workstation_zh_CN.qm")


def test_the_runtime_hook_names_the_bundled_libvlc_only_on_linux():
    hook = (INSTALLER / "rthook_vlc.py").read_text(encoding="utf-8")
    linux_part = hook.split("else:", 1)[1]
    assert "PYTHON_VLC_LIB_PATH" in linux_part
    assert "PYTHON_VLC_MODULE_PATH" not in linux_part and "VLC_PLUGIN_PATH" not in linux_part
