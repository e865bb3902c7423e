"""Entry point of the PyInstaller bundle (build.spec): the same `intake` command as the installed package."""

import multiprocessing
import sys

from intake_app.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # harmless unless a worker process is ever started (Windows needs it)
    sys.exit(main())
