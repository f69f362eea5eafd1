"""Token files on USB sticks: written without ever replacing one (with a QR picture), and read."""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from datetime import datetime
from pathlib import Path
from urllib.parse import urlsplit

from pos_app.core.errors import StorageError, ValidationError

# A version-40 QR code holds at most 2953 bytes; longer tokens are shown as animated QR.
MAX_STATIC_QR = 2900
MAX_FILE_BYTES = 1_000_000
TRAINING_PREFIX = "TRAINING-play-money-"
TOKEN_PATTERN = re.compile(r"cashu[AB][A-Za-z0-9_\-+/=]+")


def export_stem(
    token: str,
    amount: int,
    unit: str,
    mint_url: str,
    when: datetime | None = None,
    *,
    training: bool = False,
) -> str:
    """A file name (without suffix) that tells a person what the file holds and never repeats.

    ``cashu-20261202-0649-1000sat-mint.example.com-3f9a1c2e``: date and time, face value, unit,
    mint host, and the first 8 hex digits of the token's SHA-256 (two tokens never share them
    in practice; :func:`create_exclusive` still refuses to replace a file if they did).
    A training till's files start with ``TRAINING-play-money-``: never taken for real ecash.
    """
    when = when or datetime.now()
    host = urlsplit(mint_url).hostname or "mint"
    if urlsplit(mint_url).port:
        host = f"{host}_{urlsplit(mint_url).port}"
    host = _UNSAFE.sub("_", host)[:60]
    unit_part = _UNSAFE.sub("_", unit)[:12]
    short_id = hashlib.sha256(token.encode()).hexdigest()[:8]
    prefix = TRAINING_PREFIX if training else ""
    return f"{prefix}cashu-{when:%Y%m%d-%H%M%S}-{amount}{unit_part}-{host}-{short_id}"


_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")


def create_exclusive(path: Path, data: bytes) -> None:
    """Create ``path`` with ``data``; never replace an existing file (``FileExistsError``).

    Hard links and atomic no-replace renames are missing on FAT-formatted USB sticks, so the
    file is opened with ``O_EXCL`` (mode ``x``) and written in place; a write that fails
    removes the part it wrote, so no half token is left behind.
    """
    path = Path(path)
    with open(path, "xb") as f:
        try:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        except BaseException:
            f.close()
            with contextlib.suppress(OSError):
                os.unlink(path)
            raise
    _sync_dir(path.parent)


def write_export_files(
    out: Path,
    token: str,
    *,
    amount: int,
    unit: str,
    mint_url: str,
    qr: bool = False,
    training: bool = False,
) -> tuple[Path, Path | None]:
    """Write the token text to ``out`` (a file, or a folder to name it in), and a QR PNG beside it.

    Files are created, never replaced: a token already on the stick is ecash too.

    Returns:
        The token file and the PNG (None when not asked for or too long for one QR code).

    Raises:
        StorageError: ``export.file_exists`` when ``out`` names a file that exists,
            ``export.write_failed`` when the file cannot be written.
    """
    out = Path(out)
    png_wanted = qr and len(token) <= MAX_STATIC_QR
    data = (token + "\n").encode("ascii")
    try:
        if out.is_dir():
            stem = export_stem(token, amount, unit, mint_url, training=training)
            out = _create_in_folder(out, stem, data)
        else:
            out.parent.mkdir(parents=True, exist_ok=True)
            try:
                create_exclusive(out, data)
            except FileExistsError as exc:
                raise StorageError(
                    "export.file_exists",
                    "A file with this name exists already and was not replaced. The token is "
                    "kept in the wallet's export list; export to a folder or another name.",
                    str(out),
                ) from exc
        png = None
        if png_wanted:
            png = _create_unique(out.with_suffix(".png"), qr_png(token))
    except OSError as exc:
        raise StorageError(
            "export.write_failed",
            "The token could not be written to the file. It is kept in the wallet's export list.",
            f"{out}: {exc}",
        ) from exc
    return out, png


def _create_in_folder(folder: Path, stem: str, data: bytes) -> Path:
    for n in range(1, 100):
        path = folder / (f"{stem}.txt" if n == 1 else f"{stem}-{n}.txt")
        if path.with_suffix(".png").exists():
            continue  # keep a token and its picture under one name
        try:
            create_exclusive(path, data)
        except FileExistsError:
            continue
        return path
    raise FileExistsError(f"no free name for {stem} in {folder}")


def _create_unique(path: Path, data: bytes) -> Path:
    """Create ``path``, or ``name-2.png``... when something already has that name."""
    for n in range(1, 100):
        candidate = path if n == 1 else path.with_name(f"{path.stem}-{n}{path.suffix}")
        try:
            create_exclusive(candidate, data)
        except FileExistsError:
            continue
        return candidate
    raise FileExistsError(f"no free name for {path}")


def qr_png(text: str, *, box_size: int = 6) -> bytes:
    """A PNG of ``text`` as one QR code (upper-case alphanumeric text packs densest)."""
    import io

    import qrcode

    code = qrcode.QRCode(
        error_correction=qrcode.constants.ERROR_CORRECT_L, box_size=box_size, border=4
    )
    code.add_data(text)
    code.make(fit=True)
    buf = io.BytesIO()
    code.make_image().save(buf, format="PNG")
    return buf.getvalue()


def write_atomic(path: Path, data: bytes) -> Path:
    """Write ``path`` whole or not at all: a temporary file, synced, then renamed into place.

    A reader (or a stick pulled out mid-way) never sees half a file: until the rename the
    data lives under a hidden temporary name, removed if anything fails. An existing
    ``path`` is never replaced (``FileExistsError``).
    """
    path = Path(path)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    create_exclusive(tmp, data)  # synced, and its directory too
    try:
        if path.exists():
            raise FileExistsError(str(path))
        os.rename(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    _sync_dir(path.parent)
    return path


def _sync_dir(folder: Path) -> None:
    with contextlib.suppress(OSError):  # not every platform can fsync a directory
        dir_fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def read_token_file(path: Path) -> str:
    """The token in a text file (the first ``cashuA…``/``cashuB…`` word, else all its text).

    Raises:
        ValidationError: ``import.file_unreadable`` when the file cannot be read or is not text.
    """
    try:
        data = Path(path).read_bytes()[: MAX_FILE_BYTES + 1]
    except OSError as exc:
        raise ValidationError(
            "import.file_unreadable",
            "The file could not be read. Check that the drive is still plugged in.",
            f"{path}: {exc}",
        ) from exc
    if len(data) > MAX_FILE_BYTES:
        raise ValidationError(
            "import.file_unreadable", "This file is too large to be a token file.", str(path)
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError(
            "import.file_unreadable", "This file is not a text file with a token in it.", str(path)
        ) from exc
    found = TOKEN_PATTERN.search(text)
    return found.group(0) if found else text.strip()
