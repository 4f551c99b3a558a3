"""Entry script of the frozen program: the same as the `workstation` console script (ui.launcher:main).

Both executables of the bundle start here: BodycamWorkstation(.exe), windowed, for the shortcuts, and
workstation(.exe), a console program, for the command line and `--smoke-test`.

multiprocessing.freeze_support() comes first: a process the program spawns (a worker of `workstation serve
--workers`, a pre-screen decoder) starts this same executable, and must run the work it was spawned for, not the
command line (PyInstaller's hook makes this work on every system, not only Windows).
"""

import multiprocessing
import sys

from ui.launcher import main

if __name__ == "__main__":
    multiprocessing.freeze_support()
    sys.exit(main())
