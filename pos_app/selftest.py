"""``pos-app --self-test``: does this installation work? Headless, in a few seconds.

Runs the app's own code paths on throw-away data: a fresh encrypted database in a
temporary folder (created through the bundled Alembic scripts, with a random key
passed explicitly, never through the environment), the Cashu crypto against
known answers, QR encode and decode, and the Qt parts the app uses. Each check
reports ok or fail with a short detail and its duration. Optional checks (a
fallback decoder, Qt Multimedia, which needs the system's PulseAudio client
library) are reported but never fail the run.

The main use is the PyInstaller bundle: a missing data file, hidden import or Qt
plugin shows here, by name, instead of in front of a cashier.
"""

from __future__ import annotations

import hashlib
import json
import os
import platform
import secrets
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pos_app import __version__
from pos_app.paths import help_path, is_frozen, migrations_path, resources_path

# NUT-13 vector (tests/vectors/nut13_deterministic_secrets.json): mnemonic → counter 0.
NUT13_MNEMONIC = "half depart obvious quality work element tank gorilla view sugar picture humble"
NUT13_KEYSET = "009a1f293253e41e"
NUT13_SECRET = "485875df74771877439ac06339e284c3acfcd9be7abf3bc20b516faeadfe77ae"  # noqa: S105
NUT13_R = "ad00d431add9c673e843d4c2bf9a778a5f402b985b8da2d5550bf39cda41d679"
# NUT-00 vector: hash_to_curve(32 zero bytes).
H2C_MESSAGE = bytes(32)
H2C_POINT = "024cce997d3b518f739663b757deaec95bcd9473c30a14ac2fd04023a739d1a725"
# Argon2id known answer of the reference implementation's test suite (t=2, m=64 MiB, p=1).
ARGON2_PARAMS = {"time_cost": 2, "memory_cost": 65536, "parallelism": 1}
ARGON2_HASH = "09316115d5cf24ed5a15a31a3ba326e5cf32edc24702987c02b6566f61913cf7"
SQLITE_HEADER = b"SQLite format 3\x00"
MINT_URL = "https://mint.selftest.invalid"


def _mint_key() -> tuple[bytes, str]:
    """A made-up mint key ``(k, K hex)`` to sign with."""
    from coincurve import PublicKey

    k = hashlib.sha256(b"pos-app self-test mint key").digest()
    return k, PublicKey.from_valid_secret(k).format().hex()


class Unavailable(Exception):
    """An optional component is missing; reported, not a failure."""


@dataclass(slots=True)
class CheckResult:
    """The outcome of one check."""

    name: str
    required: bool
    status: str  # ok | fail | unavailable
    detail: str
    ms: float

    def to_dict(self) -> dict[str, Any]:
        """JSON form."""
        return {
            "name": self.name,
            "required": self.required,
            "ok": self.status == "ok",
            "status": self.status,
            "detail": self.detail,
            "ms": round(self.ms, 1),
        }


@dataclass(frozen=True, slots=True)
class Check:
    """One named check: ``fn(tmp)`` returns a detail or raises."""

    name: str
    fn: Callable[[Path], str]
    required: bool = True


# --------------------------------------------------------------------------- files


def check_resources(_tmp: Path) -> str:
    """The resources folder the UI reads icons from."""
    root = resources_path()
    icon = resources_path("icons", "pos-app.svg")
    if not icon.is_file():
        raise FileNotFoundError(f"{icon} is missing")
    count = sum(1 for p in root.rglob("*") if p.is_file())
    if not help_path("setup.html").is_file():
        raise FileNotFoundError(f"{help_path('setup.html')} is missing (the wizard's help)")
    return f"{root} ({count} files)"


def check_migrations(_tmp: Path) -> str:
    """The Alembic scripts are on disk (Alembic reads them as files, not from the archive)."""
    from pos_app.core.store.migrate import head_revision

    scripts = migrations_path()
    versions = sorted(p.name for p in (scripts / "versions").glob("*.py"))
    if not (scripts / "env.py").is_file() or not versions:
        raise FileNotFoundError(f"{scripts}: env.py or versions/*.py missing")
    if is_frozen() and not scripts.is_relative_to(Path(sys._MEIPASS)):
        raise RuntimeError(f"{scripts} is outside the bundle")
    return f"{len(versions)} scripts, head {head_revision()} ({scripts})"


def check_modules(_tmp: Path) -> str:
    """Every module of the app imports: a hidden import the bundle lacks shows here by name."""
    import importlib
    import pkgutil

    import pos_app

    failed: list[str] = []
    names = [
        info.name
        for info in pkgutil.walk_packages(pos_app.__path__, "pos_app.", onerror=failed.append)
        if not info.name.endswith(".__main__")  # importing it would start the app
    ]
    for name in names:
        try:
            importlib.import_module(name)
        except Exception as exc:
            failed.append(f"{name} ({type(exc).__name__}: {exc})")
    if failed:
        raise RuntimeError(f"{len(failed)} of {len(names)} failed: {'; '.join(failed[:3])}")
    return f"{len(names)} modules"


# --------------------------------------------------------------------------- database


def check_database(tmp: Path) -> str:
    """A new SQLCipher database through the real code path: migrate, write, reopen, read."""
    from pos_app.core.config import Config
    from pos_app.core.errors import StorageError
    from pos_app.core.store.db import DB_FILE, Database
    from pos_app.core.store.migrate import current_revision, head_revision
    from pos_app.core.store.schema import Secret

    folder = tmp / "db"
    path = folder / DB_FILE
    key = secrets.token_bytes(32)  # this check's own key: POS_DB_KEY is never read or set
    secret = secrets.token_hex(16)
    config = Config()
    expiry = 600 + secrets.randbelow(1000)

    db = Database(path, key, create=True)
    try:
        db.migrate()
        revision = current_revision(db.engine)
        if revision != head_revision():
            raise RuntimeError(f"at revision {revision}, expected {head_revision()}")

        def write(session: Any) -> None:
            config.set(session, "sale.expiry_seconds", str(expiry))
            session.add(Secret(name="selftest", value=secret))

        db.transact(write)
    finally:
        db.close()

    db = Database(path, key)
    try:
        got = db.transact(
            lambda s: (config.get(s, "sale.expiry_seconds"), s.get(Secret, "selftest").value)
        )
    finally:
        db.close()
    if got != (expiry, secret):
        raise RuntimeError(f"read back {got!r}")

    if path.read_bytes()[:16] == SQLITE_HEADER:
        raise RuntimeError("the file has a plaintext SQLite header: not encrypted")
    for file in folder.iterdir():
        if secret.encode() in file.read_bytes():
            raise RuntimeError(f"{file.name} holds the secret in plain text")
    try:
        Database(path, secrets.token_bytes(32)).close()
    except StorageError as exc:
        if exc.code != "storage.wrong_key":
            raise
    else:
        raise RuntimeError("a wrong key opened the database")
    return f"SQLCipher, migrated to {revision}, setting and secret read back, wrong key refused"


# --------------------------------------------------------------------------- crypto


def check_secp256k1(_tmp: Path) -> str:
    """coincurve: hash_to_curve, blind, sign, unblind and a DLEQ proof, end to end."""
    from pos_app.core.cashu import crypto

    if crypto.hash_to_curve(H2C_MESSAGE).format().hex() != H2C_POINT:
        raise RuntimeError("hash_to_curve differs from the NUT-00 vector")
    k, K = _mint_key()
    secret, r = secrets.token_hex(32), secrets.token_bytes(32)
    B_ = crypto.blind(secret, r)
    C_, e, s = crypto.sign_blinded_with_dleq(k, B_)
    if not crypto.verify_dleq_signature(B_, C_, K, e, s):
        raise RuntimeError("DLEQ proof rejected")
    if crypto.verify_dleq_signature(B_, C_, K, s, e):
        raise RuntimeError("a wrong DLEQ proof passed")
    C = crypto.unblind(C_, r, K)
    if not crypto.verify_unblinded(k, secret, C):
        raise RuntimeError("unblinded signature does not verify")
    return "hash_to_curve vector, blind/sign/unblind, DLEQ"


def check_nut13(_tmp: Path) -> str:
    """BIP39 (the ``mnemonic`` word lists are data files) and NUT-13 derivation."""
    from pos_app.core.cashu import nut13

    words = nut13.new_mnemonic()
    nut13.seed_from_mnemonic(words)  # its checksum must verify
    seed = nut13.seed_from_mnemonic(NUT13_MNEMONIC)
    secret, r = nut13.derive_secret_and_r(seed, NUT13_KEYSET, 0)
    if (secret, r.hex()) != (NUT13_SECRET, NUT13_R):
        raise RuntimeError("derivation differs from the NUT-13 vector")
    return f"new {len(words.split())}-word mnemonic, NUT-13 vector"


def sample_token() -> str:
    """A ``cashuB`` token with one DLEQ-carrying proof signed by a made-up key."""
    from pos_app.core.cashu import crypto
    from pos_app.core.cashu.models import DLEQ, Proof, Token
    from pos_app.core.cashu.tokens import serialize_token_v4

    k, K = _mint_key()
    secret, r = secrets.token_hex(32), secrets.token_bytes(32)
    C_, e, s = crypto.sign_blinded_with_dleq(k, crypto.blind(secret, r))
    proof = Proof(
        amount=8,
        id=NUT13_KEYSET,
        secret=secret,
        C=crypto.unblind(C_, r, K),
        dleq=DLEQ(e=e, s=s, r=r.hex()),
    )
    return serialize_token_v4(Token(mint=MINT_URL, unit="sat", proofs=(proof,), memo="self-test"))


def check_token(_tmp: Path) -> str:
    """Token V4 (CBOR) serialize and parse back, with the proof's DLEQ."""
    import cbor2

    from pos_app.core.cashu import crypto
    from pos_app.core.cashu.tokens import parse_token, serialize_token_v4

    text = sample_token()
    token = parse_token(text)
    if serialize_token_v4(token) != text or token.amount != 8:
        raise RuntimeError("token does not round-trip")
    if not crypto.verify_dleq_proof(token.proofs[0], _mint_key()[1]):
        raise RuntimeError("the parsed proof's DLEQ does not verify")
    native = type(cbor2.loads).__name__ == "builtin_function_or_method"
    return f"cashuB round trip ({len(text)} chars), cbor2 {'C extension' if native else 'Python'}"


def check_argon2(_tmp: Path) -> str:
    """The passphrase key stretch (Argon2id) against the reference implementation's answer."""
    from pos_app.core.store.keys import derive_passphrase_key

    if derive_passphrase_key("password", b"somesalt", ARGON2_PARAMS).hex() != ARGON2_HASH:
        raise RuntimeError("Argon2id result differs from the known answer")
    return "Argon2id known answer"


# --------------------------------------------------------------------------- QR


def check_qr(_tmp: Path) -> str:
    """A token QR made by qrcode is read back by zxing-cpp from a numpy image."""
    import numpy as np
    import qrcode

    from pos_app.ui.scanner.decode import decode_zxing

    text = sample_token()
    image = qrcode.make(text, error_correction=qrcode.constants.ERROR_CORRECT_L, border=4)
    gray = np.asarray(image.get_image().convert("L"), dtype=np.uint8)
    if decode_zxing(gray) != [text]:
        raise RuntimeError("zxing-cpp did not read the token back")
    return "qrcode → zxing-cpp round trip"


CAPTURE_TEXT = "pos-app self-test: camera capture"


def check_capture(tmp: Path) -> str:
    """The scanner's capture path: a QR video played by Qt Multimedia, frames read back.

    The video is written here as Y4M (raw YUV, no encoder needed) and goes through the
    same :class:`CaptureThread` as a camera or a test video: QMediaPlayer with the
    FFmpeg backend, a QVideoSink, the grey conversion, the frame slot, zxing-cpp.
    """
    import numpy as np
    import qrcode

    _qt_app()
    try:
        from pos_app.ui.scanner import qtcapture  # noqa: F401 - loads Qt Multimedia
    except ImportError as exc:
        raise Unavailable(f"Qt Multimedia does not load: {exc}") from None
    from pos_app.ui.scanner.capture import CaptureThread
    from pos_app.ui.scanner.decode import decode_frame

    code = qrcode.QRCode(border=4, error_correction=qrcode.constants.ERROR_CORRECT_M)
    code.add_data(CAPTURE_TEXT)
    modules = np.where(np.array(code.get_matrix(), dtype=bool), 16, 235).astype(np.uint8)
    picture = np.kron(modules, np.ones((4, 4), np.uint8))
    side = -(-picture.shape[0] // 16) * 16  # whole macroblocks, even for 4:2:0
    frame = np.full((side, side), 235, np.uint8)
    frame[: picture.shape[0], : picture.shape[1]] = picture
    video = write_y4m(tmp / "capture.y4m", [frame] * 6, fps=30)
    capture = CaptureThread(video, loop=False)
    capture.start()
    capture.join(15)
    if capture.is_alive():
        capture.stop()
        raise RuntimeError("the video did not play to its end within 15 s")
    if capture.error is not None:
        raise RuntimeError(capture.error)
    image = capture.latest_frame()
    if image is None or image.shape != frame.shape:
        raise RuntimeError(f"no frame read back ({capture.frames_read} frames)")
    if decode_frame(image) != [CAPTURE_TEXT]:
        raise RuntimeError("zxing-cpp did not read the played frame")
    return f"Y4M → QMediaPlayer → grey frame → zxing-cpp; {capture.frames_read} frames"


def write_y4m(path: Path, frames: Sequence[Any], fps: int) -> Path:
    """Grey frames as a raw YUV 4:2:0 video (chroma neutral): no codec needed to read it."""
    height, width = frames[0].shape
    chroma = bytes([128]) * (2 * (width // 2) * (height // 2))
    with path.open("wb") as out:
        out.write(f"YUV4MPEG2 W{width} H{height} F{fps}:1 Ip A1:1 C420jpeg\n".encode())
        for frame in frames:
            out.write(b"FRAME\n" + frame.tobytes() + chroma)
    return path


def check_pyzbar(_tmp: Path) -> str:
    """The fallback decoder, when the system has ``libzbar``."""
    from pos_app.ui.scanner import decode

    if not decode.PYZBAR_AVAILABLE:
        raise Unavailable("libzbar not found (zxing-cpp decodes alone)")
    return "available"


# --------------------------------------------------------------------------- Qt


def _qt_app() -> Any:
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([sys.argv[0] if sys.argv else "pos-app"])


def check_qt(_tmp: Path) -> str:
    """A QApplication on this platform plugin; the SVG image plugin draws the app icon."""
    from PySide6 import __version__ as pyside_version
    from PySide6.QtGui import QImage

    app = _qt_app()
    icon = QImage(str(resources_path("icons", "pos-app.svg")))
    if icon.isNull():
        raise RuntimeError("the SVG icon did not load (Qt SVG image plugin missing?)")
    return f"PySide6 {pyside_version}, platform {app.platformName()}, SVG icon"


def check_translations(_tmp: Path) -> str:
    """The German, French and Spanish .qm files load and translate (and Qt's own, if bundled)."""
    from PySide6.QtCore import QLibraryInfo, QTranslator

    from pos_app.ui.i18n import TRANSLATED, qm_path

    _qt_app()
    for code in TRANSLATED:
        translator = QTranslator()
        if not translator.load(str(qm_path(code))):
            raise FileNotFoundError(f"{qm_path(code)} did not load")
        if not translator.translate("messages", "Already spent"):
            raise RuntimeError(f"{qm_path(code)} has no translation of a known text")
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt_own = [code for code in TRANSLATED if QTranslator().load(f"qtbase_{code}", qt_dir)]
    return f"{', '.join(TRANSLATED)}; Qt's own: {', '.join(qt_own) or 'none'}"


def check_zones(_tmp: Path) -> str:
    """The time zone database (the tzdata package, for machines without one) has DST rules."""
    from datetime import datetime, timedelta
    from importlib import resources
    from zoneinfo import ZoneInfo

    # The rules as carried by tzdata, the fallback zoneinfo uses where the system has none
    # (one joinpath step at a time: a frozen app's package path takes one part per call).
    rules = resources.files("tzdata").joinpath("zoneinfo").joinpath("Europe").joinpath("Berlin")
    with rules.open("rb") as data:
        berlin = ZoneInfo.from_file(data, key="Europe/Berlin")
    winter = datetime(2026, 1, 15, 12, tzinfo=berlin).utcoffset()
    summer = datetime(2026, 7, 15, 12, tzinfo=berlin).utcoffset()
    if (winter, summer) != (timedelta(hours=1), timedelta(hours=2)):
        raise RuntimeError(f"Europe/Berlin offsets are {winter} and {summer}")
    return "tzdata with DST rules (Europe/Berlin +01:00/+02:00)"


def check_icons(_tmp: Path) -> str:
    """The icon font (qtawesome's bundled Material Design Icons) draws a visible icon."""
    from pos_app.ui import theme

    _qt_app()
    image = theme.icon("cash-register", color="#000000").pixmap(32, 32).toImage()
    inked = sum(1 for y in range(32) for x in range(32) if image.pixelColor(x, y).alpha() > 0)
    if inked < 40:
        raise RuntimeError(f"the icon font drew {inked} pixels (font files missing?)")
    return f"mdi6 icon font, {inked} of 1024 pixels inked"


def check_print(tmp: Path) -> str:
    """QtPrintSupport writes a receipt-like PDF."""
    from PySide6.QtGui import QPainter
    from PySide6.QtPrintSupport import QPrinter

    _qt_app()
    out = tmp / "receipt.pdf"
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(out))
    painter = QPainter()
    if not painter.begin(printer):
        raise RuntimeError("QPrinter could not start a PDF")
    painter.drawText(100, 100, "pos-app self-test")
    painter.end()
    if not out.is_file() or out.read_bytes()[:5] != b"%PDF-":
        raise RuntimeError("no PDF written")
    return f"QPrinter PDF, {out.stat().st_size} bytes"


def check_multimedia(_tmp: Path) -> str:
    """Qt Multimedia loads (its FFmpeg backend needs the system's libpulse)."""
    _qt_app()
    try:
        from PySide6.QtMultimedia import QMediaDevices
    except ImportError as exc:
        raise Unavailable(str(exc)) from None
    return f"{len(QMediaDevices.videoInputs())} cameras listed"


def check_qr_widget(_tmp: Path) -> str:
    """The app's QrView paints a token that zxing-cpp reads back from the grabbed image."""
    import numpy as np
    from PySide6.QtGui import QImage

    from pos_app.ui.scanner.decode import decode_zxing
    from pos_app.ui.widgets.qr import QrView

    _qt_app()
    text = sample_token()
    view = QrView()
    try:
        view.resize(480, 480)
        view.set_text(text)
        image = view.grab().toImage().convertToFormat(QImage.Format.Format_Grayscale8)
        width, height, stride = image.width(), image.height(), image.bytesPerLine()
        rows = np.frombuffer(image.constBits(), dtype=np.uint8, count=stride * height)
        gray = np.ascontiguousarray(rows.reshape(height, stride)[:, :width])
    finally:
        view.deleteLater()
    if view.animated or decode_zxing(gray) != [text]:
        raise RuntimeError("the grabbed QR code did not decode to the token")
    return f"QrView {width}x{height} grabbed and decoded"


def check_charts(tmp: Path) -> str:
    """Charts: matplotlib's two bundled backends (Agg for files, QtAgg on screen)."""
    import matplotlib
    from matplotlib.backends import backend_qtagg  # noqa: F401 - it must import
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.figure import Figure

    _qt_app()
    figure = Figure(figsize=(2, 1), dpi=50)  # no pyplot: the process's backend stays as it was
    figure.add_subplot().bar(["a", "b"], [3, 5])
    out = tmp / "chart.png"
    FigureCanvasAgg(figure).print_png(str(out))
    if out.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n":
        raise RuntimeError("no PNG written")
    return f"matplotlib {matplotlib.__version__}: Agg PNG, QtAgg imports"


def check_api(_tmp: Path) -> str:
    """The local API's server: a FastAPI route served by uvicorn (h11) on this process's loop."""
    import asyncio

    import httpx
    from fastapi import FastAPI

    from pos_app.api.server import ApiServer

    ping = FastAPI()
    ping.get("/ping")(lambda: {"pong": True})

    async def serve() -> dict[str, Any]:
        server = ApiServer(ping, "127.0.0.1:0")
        await server.start()
        try:
            async with httpx.AsyncClient(trust_env=False) as http:
                answer = await http.get(f"http://127.0.0.1:{server.port}/ping")
            return answer.json()
        finally:
            await server.stop()

    if asyncio.run(serve()) != {"pong": True}:
        raise RuntimeError("the test route did not answer")
    return "served and answered on 127.0.0.1"


def check_postgresql(_tmp: Path) -> str:
    """A till on the shop's database: psycopg 3 with its libpq, and SQLAlchemy's dialect.

    No server is asked (the bundle is checked where there is none): the driver's C
    library loads and the dialect compiles a statement as it would send it.
    """
    import psycopg
    from sqlalchemy import create_engine, select

    from pos_app.core.store.schema import Secret

    engine = create_engine("postgresql+psycopg://till@127.0.0.1:1/shop")
    sql = str(select(Secret.name).where(Secret.name == "x").compile(dialect=engine.dialect))
    if "%(" not in sql or "secrets" not in sql:
        raise RuntimeError(f"the dialect compiled {sql!r}")
    return f"psycopg {psycopg.__version__} ({psycopg.pq.__impl__} libpq {psycopg.pq.version()})"


CHECKS: tuple[Check, ...] = (
    Check("resources", check_resources),
    Check("migration scripts", check_migrations),
    Check("app modules", check_modules),
    Check("encrypted database", check_database),
    Check("secp256k1 / BDHKE / DLEQ", check_secp256k1),
    Check("BIP39 / NUT-13", check_nut13),
    Check("token V4 / cbor2", check_token),
    Check("argon2", check_argon2),
    Check("QR encode / decode", check_qr),
    Check("camera capture (Qt)", check_capture, required=False),
    Check("pyzbar fallback", check_pyzbar, required=False),
    Check("Qt widgets", check_qt),
    Check("translations", check_translations),
    Check("time zones", check_zones),
    Check("icon font", check_icons),
    Check("Qt print to PDF", check_print),
    Check("Qt Multimedia", check_multimedia, required=False),
    Check("QR widget", check_qr_widget),
    Check("charts (matplotlib)", check_charts),
    Check("local API server", check_api),
    Check("PostgreSQL driver", check_postgresql),
)


# --------------------------------------------------------------------------- runner


def _run_one(check: Check, tmp: Path) -> CheckResult:
    start = time.perf_counter()
    try:
        detail, status = check.fn(tmp), "ok"
    except Unavailable as exc:
        detail, status = str(exc), "unavailable" if not check.required else "fail"
    except Exception as exc:  # every failure is a line in the report, never a traceback
        code = getattr(exc, "code", None)
        text = getattr(exc, "detail", None) or str(exc)
        detail, status = f"{code or type(exc).__name__}: {text}", "fail"
    return CheckResult(
        check.name, check.required, status, detail, 1000 * (time.perf_counter() - start)
    )


def headless_default() -> None:
    """Use Qt's offscreen platform when there is no display (CI, SSH), before Qt loads."""
    if sys.platform.startswith("linux") and not (
        os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
    ):
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def collect(
    checks: Sequence[Check] | None = None,
    on_result: Callable[[CheckResult], None] | None = None,
) -> list[CheckResult]:
    """Run ``checks`` (default :data:`CHECKS`) in a throw-away folder.

    Args:
        checks: the checks to run, in order.
        on_result: sees each result as soon as it is known (the table prints line by line,
            so a crash inside Qt still leaves the lines before it on the terminal).
    """
    headless_default()
    checks = CHECKS if checks is None else checks
    results = []
    with tempfile.TemporaryDirectory(prefix="pos-app-selftest-", ignore_cleanup_errors=True) as d:
        for check in checks:
            result = _run_one(check, Path(d))
            results.append(result)
            if on_result is not None:
                on_result(result)
    return results


def report(results: list[CheckResult]) -> dict[str, Any]:
    """The JSON report."""
    failed = [r.name for r in results if r.status == "fail"]
    return {
        "ok": not failed,
        "version": __version__,
        "frozen": is_frozen(),
        "python": platform.python_version(),
        "platform": sys.platform,
        "qt_platform": os.environ.get("QT_QPA_PLATFORM", ""),
        "failed": failed,
        "total_ms": round(sum(r.ms for r in results), 1),
        "checks": [r.to_dict() for r in results],
    }


def _print_line(result: CheckResult) -> None:
    mark = {"ok": "ok", "fail": "FAIL", "unavailable": "--"}[result.status]
    try:
        print(f"  {mark:<5}{result.name:<26}{result.ms:>7.0f} ms  {result.detail}", flush=True)
    except BrokenPipeError:  # `pos-app --self-test | head`: keep checking, stop printing
        sys.stdout = open(os.devnull, "w")  # noqa: SIM115 - lives as long as the process


def run_self_test(as_json: bool = False) -> int:
    """Run every check and print a table (or JSON with ``as_json``).

    Returns:
        0 when every required check passed, else 1.
    """
    if not as_json:
        where = "bundle" if is_frozen() else "source"
        print(f"pos-app {__version__} self-test ({where}, Python {platform.python_version()})")
    results = collect(on_result=None if as_json else _print_line)
    data = report(results)
    if as_json:
        print(json.dumps(data, indent=2))
    else:
        optional = sum(1 for r in results if r.status == "unavailable")
        if data["ok"]:
            print(f"All {sum(r.required for r in results)} required checks passed", end="")
            print(f" ({optional} optional unavailable)." if optional else ".")
        else:
            print(f"FAILED: {', '.join(data['failed'])}")
    return 0 if data["ok"] else 1
