"""Writing exported tokens to files (USB sticks) atomically, with an optional QR picture."""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from pos_app.core.errors import StorageError

# A version-40 QR code holds at most 2953 bytes; longer tokens are shown as animated QR.
MAX_STATIC_QR = 2900


def atomic_write(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that a crash or a pulled USB stick never leaves half a file."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    with contextlib.suppress(OSError):  # not every platform can fsync a directory
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)


def write_export_files(out: Path, token: str, *, qr: bool = False) -> tuple[Path, Path | None]:
    """Write the token text to ``out`` (a file, or a folder to name it in), and a QR PNG beside it.

    Returns:
        The token file and the PNG (None when not asked for or too long for one QR code).

    Raises:
        StorageError: ``export.write_failed`` when the file cannot be written.
    """
    out = Path(out)
    if out.is_dir():
        out = out / f"cashu-{token[6:18].replace('-', '_')}.txt"
    try:
        atomic_write(out, (token + "\n").encode("ascii"))
        png = None
        if qr and len(token) <= MAX_STATIC_QR:
            png = out.with_suffix(".png")
            atomic_write(png, qr_png(token))
    except OSError as exc:
        raise StorageError(
            "export.write_failed",
            "The token could not be written to the file. It is kept in the wallet's export list.",
            f"{out}: {exc}",
        ) from exc
    return out, png


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
