"""PyInstaller runtime hook: point python-vlc at the libVLC inside the bundle before anything imports vlc.

python-vlc looks its library up when `vlc` is imported; without this a frozen build would pick a VLC
installed on the machine (another version, other plugins) or none. Windows: libvlc.dll next to the
program's Python and PYTHON_VLC_MODULE_PATH for `plugins\\` (python-vlc copies it to VLC_PLUGIN_PATH).
Linux: only PYTHON_VLC_LIB_PATH; libvlccore finds `<its folder>/vlc/plugins` by itself, and naming the
same folder again would register every plugin twice. player/libvlc.py does the same for safety;
setdefault lets a support engineer override both from the environment.
"""

import os
import sys

_bundle = getattr(sys, "_MEIPASS", os.path.dirname(os.path.abspath(sys.executable)))
if sys.platform == "win32":
    os.environ.setdefault("PYTHON_VLC_LIB_PATH", os.path.join(_bundle, "libvlc.dll"))
    os.environ.setdefault("PYTHON_VLC_MODULE_PATH", os.path.join(_bundle, "plugins"))
else:
    os.environ.setdefault("PYTHON_VLC_LIB_PATH", os.path.join(_bundle, "libvlc.so.5"))
del _bundle
