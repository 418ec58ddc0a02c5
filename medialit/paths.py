"""Where the kit lives on disk.

The kit root holds ``lessons/``, ``exercises/``, ``seeds/`` and ``contrast/``. It defaults to the
folder above this package (a git checkout) and can be moved with ``MEDIALIT_HOME``. Documents are
only ever read from inside it.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
DATA_FILES = PACKAGE_DIR / "data"


def kit_root() -> Path:
    """The kit folder: ``MEDIALIT_HOME`` if set, else the checkout this package sits in."""
    env = os.environ.get("MEDIALIT_HOME")
    return Path(env).resolve() if env else PACKAGE_DIR.parent


def data_dir() -> Path:
    """Where the default SQLite database lives (``MEDIALIT_DATA_DIR`` or ``<kit>/data``)."""
    env = os.environ.get("MEDIALIT_DATA_DIR")
    path = Path(env) if env else kit_root() / "data"
    path.mkdir(parents=True, exist_ok=True)
    return path


def content_dirs() -> list[Path]:
    """The folders whose YAML files are lessons or drills, in catalogue order."""
    root = kit_root()
    return [root / "lessons", root / "exercises"]


def inside_kit(candidate: Path, root: Path | None = None) -> bool:
    """True when ``candidate`` (after resolving symlinks) lies inside the kit folder."""
    base = (root or kit_root()).resolve()
    try:
        candidate.resolve().relative_to(base)
    except (ValueError, OSError):
        return False
    return True
