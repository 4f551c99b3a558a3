"""Entry script of the frozen program: the same as the `workstation` console script (ui.launcher:main).

Both executables of the bundle start here: BodycamWorkstation(.exe), windowed, for the shortcuts, and
workstation(.exe), a console program, for the command line and `--smoke-test`.
"""

import sys

from ui.launcher import main

if __name__ == "__main__":
    sys.exit(main())
