"""The kit builds and installs without a warning, under an SPDX licence and a bounded build backend.

setuptools deprecated ``project.license`` as a table ("By 2027-Feb-18 ... builds will no longer be
supported"); a backend unbounded above may stop building the kit any day. The build is run for real
from a copy of the sources (a build writes ``build/`` and ``*.egg-info`` next to them), with pip's
``-v`` so that whatever the backend prints is seen whatever pip's version.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import tomllib
import venv
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
# What a build backend says when it warns (pip's own "WARNING: Location ... is ignored" lines come from
# this machine's pip configuration, not from the kit).
BACKEND_WARNING = re.compile(r"Warning\b|deprecat|!!$|By \d{4}-\w{3}-\d{2}", re.IGNORECASE)


def sources(tmp_path: Path) -> Path:
    """What a build reads, copied: the project file, the licence, the README and the package."""
    copy = tmp_path / "kit"
    copy.mkdir()
    for name in ("pyproject.toml", "LICENSE", "README.md"):
        shutil.copy2(REPO / name, copy / name)
    shutil.copytree(REPO / "medialit", copy / "medialit", ignore=shutil.ignore_patterns("__pycache__"))
    return copy


def backend_warnings(output: str) -> list[str]:
    return [line for line in output.splitlines()
            if BACKEND_WARNING.search(line) and not line.startswith("WARNING: Location")]


def pip(*args: str, tmp_path: Path) -> str:
    done = subprocess.run([sys.executable, "-m", "pip", *args], capture_output=True, text=True, timeout=600,
                          env={"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "TMPDIR": str(tmp_path),
                               "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
    assert done.returncode == 0, done.stdout + done.stderr
    return done.stdout + done.stderr


def test_the_licence_is_an_spdx_expression_with_its_text_beside_it() -> None:
    project = PYPROJECT["project"]
    assert project["license"] == "MIT"
    assert project["license-files"] == ["LICENSE"]
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")


def test_the_build_backend_is_bounded_on_both_sides() -> None:
    (requirement,) = PYPROJECT["build-system"]["requires"]
    match = re.fullmatch(r"setuptools>=(\d+),<(\d+)", requirement)
    assert match, requirement
    assert int(match[1]) >= 77  # the first to read an SPDX licence expression
    assert int(match[2]) > int(match[1])


@pytest.mark.slow
def test_building_a_wheel_prints_no_warning(tmp_path: Path) -> None:
    output = pip("wheel", "-v", "--no-deps", "-w", str(tmp_path / "dist"), str(sources(tmp_path)), tmp_path=tmp_path)
    assert backend_warnings(output) == []
    (wheel,) = (tmp_path / "dist").glob("medialit-*.whl")
    assert wheel.stat().st_size > 100_000


@pytest.mark.slow
def test_an_editable_install_like_make_does_prints_no_warning(tmp_path: Path) -> None:
    target = tmp_path / "venv"
    venv.create(target, with_pip=False)
    kit = sources(tmp_path)
    output = pip("--python", str(target / "bin" / "python"), "install", "-v", "--no-deps", "-e", str(kit),
                 tmp_path=tmp_path)
    assert backend_warnings(output) == []
    pth = next((target / "lib").glob("python3*/site-packages/__editable__.medialit-*.pth"))
    assert pth.read_text(encoding="utf-8").strip() == str(kit)
