"""Where to export tokens by default: a mounted USB stick or SD card, else Documents.

The platform rules are pure functions over what the system reports (a mount
table, a list of volumes, drive types), so they are tested with fake tables:

- Linux: block devices mounted under ``/media/$USER/*``, ``/run/media/$USER/*``
  (udisks) or ``/media/*`` (older auto-mounters), read from ``/proc/mounts``
  (``QStorageInfo`` when that cannot be read);
- macOS: ``/Volumes/*`` except the one that is the system disk;
- Windows: drives whose type is "removable" (``GetDriveTypeW``).
"""

from __future__ import annotations

import contextlib
import getpass
import os
import platform
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

PROC_MOUNTS = Path("/proc/mounts")
DRIVE_REMOVABLE = 2  # GetDriveTypeW
# Virtual file systems that never are a stick, even when mounted under /media.
PSEUDO_FS = frozenset(
    {
        "autofs",
        "cgroup",
        "cgroup2",
        "devpts",
        "devtmpfs",
        "fuse.gvfsd-fuse",
        "fuse.portal",
        "nsfs",
        "overlay",
        "proc",
        "ramfs",
        "squashfs",
        "sysfs",
        "tmpfs",
    }
)


@dataclass(frozen=True, slots=True)
class MountEntry:
    """One line of a mount table."""

    device: str
    path: str
    fstype: str


def _unescape(field: str) -> str:
    # /proc/mounts writes space, tab, newline and backslash as octal escapes.
    for code, char in (("\\040", " "), ("\\011", "\t"), ("\\012", "\n"), ("\\134", "\\")):
        field = field.replace(code, char)
    return field


def parse_mounts(text: str) -> list[MountEntry]:
    """The entries of a ``/proc/mounts`` text (malformed lines are skipped)."""
    out = []
    for line in text.splitlines():
        fields = line.split()
        if len(fields) >= 3:
            out.append(MountEntry(_unescape(fields[0]), _unescape(fields[1]), fields[2]))
    return out


def linux_removable(mounts: Iterable[MountEntry], user: str) -> list[Path]:
    """Mount points of block devices under the desktop's removable-media folders."""
    user_dirs = {f"/media/{user}", f"/run/media/{user}"}
    found: list[Path] = []
    for entry in mounts:
        if entry.fstype in PSEUDO_FS or not entry.device.startswith("/dev/"):
            continue
        path = PurePosixPath(entry.path)
        parent = str(path.parent)
        if parent in user_dirs or (parent == "/media" and path.name != user):
            candidate = Path(entry.path)
            if candidate not in found:
                found.append(candidate)
    return found


def mac_removable(volumes: Iterable[str], is_system: Callable[[str], bool]) -> list[Path]:
    """Volumes under ``/Volumes`` other than the system disk."""
    return [
        Path(v) for v in volumes if str(PurePosixPath(v).parent) == "/Volumes" and not is_system(v)
    ]


def windows_removable(roots: Iterable[str], drive_type: Callable[[str], int]) -> list[Path]:
    """Drive roots (``E:/``) whose type is removable."""
    return [Path(r) for r in roots if drive_type(r) == DRIVE_REMOVABLE]


# -- what this computer has -----------------------------------------------------------------


def _qt_mounts() -> list[MountEntry]:
    from PySide6.QtCore import QStorageInfo

    return [
        MountEntry(
            bytes(v.device().data()).decode(errors="replace"),
            v.rootPath(),
            bytes(v.fileSystemType().data()).decode(errors="replace"),
        )
        for v in QStorageInfo.mountedVolumes()
        if v.isValid() and v.isReady()
    ]


def _linux_mounts() -> list[MountEntry]:
    try:
        return parse_mounts(PROC_MOUNTS.read_text(errors="replace"))
    except OSError:
        return _qt_mounts()


def _mac_is_system(volume: str) -> bool:
    try:
        return os.stat(volume).st_dev == os.stat("/").st_dev
    except OSError:
        return True


def _mac_volumes() -> list[str]:
    try:
        return [str(Path("/Volumes") / name) for name in sorted(os.listdir("/Volumes"))]
    except OSError:
        return []


def _windows_roots() -> list[str]:
    from PySide6.QtCore import QStorageInfo

    return [v.rootPath() for v in QStorageInfo.mountedVolumes() if v.isValid() and v.isReady()]


def _windows_drive_type(root: str) -> int:
    import ctypes

    return int(ctypes.windll.kernel32.GetDriveTypeW(root))  # type: ignore[attr-defined]


def _writable(path: Path) -> bool:
    return path.is_dir() and os.access(path, os.W_OK)


def removable_drives(
    system: str | None = None, *, usable: Callable[[Path], bool] = _writable
) -> list[Path]:
    """Writable removable drives mounted now (empty when there are none or the check fails)."""
    system = system or platform.system()
    found: list[Path] = []
    with contextlib.suppress(Exception):  # a strange mount table must not stop an export
        if system == "Linux":
            found = linux_removable(_linux_mounts(), getpass.getuser())
        elif system == "Darwin":
            found = mac_removable(_mac_volumes(), _mac_is_system)
        elif system == "Windows":
            found = windows_removable(_windows_roots(), _windows_drive_type)
    return [p for p in found if usable(p)]


def documents_folder() -> Path:
    """The user's Documents folder, else Downloads, else the home folder."""
    candidates: list[Path] = []
    with contextlib.suppress(Exception):
        from PySide6.QtCore import QStandardPaths

        for kind in (
            QStandardPaths.StandardLocation.DocumentsLocation,
            QStandardPaths.StandardLocation.DownloadLocation,
        ):
            location = QStandardPaths.writableLocation(kind)
            if location:
                candidates.append(Path(location))
    home = Path.home()
    candidates += [home / "Documents", home / "Downloads"]
    for folder in candidates:
        if _writable(folder):
            return folder
    return home


def default_export_folder(drives: list[Path] | None = None) -> Path:
    """The first removable drive, else :func:`documents_folder`."""
    drives = removable_drives() if drives is None else drives
    return drives[0] if drives else documents_folder()
