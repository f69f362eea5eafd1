"""The app never loads OpenCV: the scanner captures with Qt Multimedia, and the bundle leaves
OpenCV out (build.spec). opencv-python-headless stays a development dependency (the tests
write their videos with it), so an import would work here and fail only in the bundle.
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pos_app

APP = Path(pos_app.__file__).parent

PROBE = """
import importlib, pkgutil, sys
import pos_app
import pos_app.ui.scanner
from pos_app.ui.scanner import capture, decode, qtcapture, virtual, worker
from pos_app.ui.widgets import camera_test_page, scan_panel
from pos_app import selftest
failed = []
for info in pkgutil.walk_packages(pos_app.__path__, "pos_app."):
    if info.name.endswith(".__main__"):
        continue
    try:
        importlib.import_module(info.name)
    except Exception as exc:
        failed.append(info.name)
print("cv2" in sys.modules, len(failed))
"""


def test_importing_the_app_loads_no_opencv() -> None:
    # A fresh interpreter: what other tests imported into this one does not count.
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=120,
        env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"},
        cwd=APP.parent,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split()[-2:] == ["False", "0"], done.stdout


def test_no_app_module_imports_opencv() -> None:
    # Also the imports inside functions, which importing the modules does not run.
    found = []
    for path in sorted(APP.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            found += [f"{path.relative_to(APP)}: {n}" for n in names if n.split(".")[0] == "cv2"]
    assert found == []
