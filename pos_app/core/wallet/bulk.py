"""Many tokens at once: the whole balance to a folder, and a folder (or several files) back in.

Export: one token file per mint and unit holding at least ``min_amount`` (every stored
coin, so no swap and no fee; or, with ``keep``, what is above that amount, which may take a
swap whose input fee comes out of the exported part, never out of what stays), then a
manifest in JSON and CSV (file, mint, unit, amount, proofs, created). Each file is written
whole or not at all and synced before the next step; each token is in the export history
before its file is written, so a failure (or a pulled stick) leaves it shown there, to be
saved again or taken back.

Import: each file on its own, so one that fails loses nothing of the others. A file the
shop already imported is skipped; a token the shop itself exported is taken back through
the export history (a reclaim); a token spent elsewhere is reported for its file.
"""

from __future__ import annotations

import asyncio
import csv
import io
import json
from collections.abc import Callable, Sequence
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from pos_app.core.cashu.keysets import input_fee
from pos_app.core.cashu.tokens import parse_token
from pos_app.core.errors import NetworkError, PosError, StorageError, ValidationError
from pos_app.core.store.schema import Export, ReceivedToken, text_digest
from pos_app.core.wallet import coins, journal, send
from pos_app.core.wallet.context import WalletContext
from pos_app.core.wallet.exportfile import export_stem, read_token_file, write_atomic
from pos_app.core.wallet.exports import Exports
from pos_app.core.wallet.mints import mint_row
from pos_app.core.wallet.receive import receive

MANIFEST_PREFIX = "cashu-manifest-"
MANIFEST_FIELDS = ("file", "mint", "unit", "amount", "proofs", "created")

Progress = Callable[[int, int], None]


def _created(ts: int) -> str:
    return datetime.fromtimestamp(ts).astimezone().isoformat(timespec="seconds")


def _check_folder(folder: Path) -> None:
    """The folder exists and takes a file (probed before any coin leaves the wallet)."""
    if not folder.is_dir():
        raise ValidationError(
            "export.no_folder",
            "Choose a folder that exists (is the USB drive plugged in?).",
            str(folder),
        )
    probe = folder / f".{MANIFEST_PREFIX}probe"
    try:
        write_atomic(probe, b"")
        probe.unlink()
    except OSError as exc:
        raise StorageError(
            "export.write_failed",
            "Nothing can be written to this folder (is the drive full or read-only?). "
            "Nothing was exported.",
            f"{folder}: {exc}",
        ) from exc


def _write_token(
    folder: Path, text: str, amount: int, unit: str, mint: str, *, training: bool = False
) -> Path:
    stem = export_stem(text, amount, unit, mint, training=training)
    for n in range(1, 100):
        path = folder / (f"{stem}.txt" if n == 1 else f"{stem}-{n}.txt")
        if path.exists():
            continue
        try:
            return write_atomic(path, (text + "\n").encode("ascii"))
        except FileExistsError:
            continue
    raise FileExistsError(f"no free name for {stem} in {folder}")


def _write_manifest(folder: Path, rows: list[dict[str, Any]]) -> tuple[Path, Path]:
    stem = f"{MANIFEST_PREFIX}{datetime.now():%Y%m%d-%H%M%S}"
    as_json = json.dumps({"files": rows}, indent=2).encode()
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=MANIFEST_FIELDS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    json_path = write_atomic(folder / f"{stem}.json", as_json)
    csv_path = write_atomic(folder / f"{stem}.csv", buffer.getvalue().encode())
    return json_path, csv_path


async def export_all(
    ctx: WalletContext,
    folder: Path,
    *,
    min_amount: int = 1,
    keep: int = 0,
    progress: Progress | None = None,
) -> dict[str, Any]:
    """Export every mint and unit holding at least ``min_amount`` into ``folder``.

    ``keep`` stays at each mint in each unit (the scheduled export's floor): only the
    amount above it is exported, less the input fee when a swap is needed.

    Returns:
        ``{"files": [manifest rows, file as a full path], "manifest", "manifest_csv"}``.

    Raises:
        PosError: ``amount.invalid``, ``export.no_folder``, ``export.nothing`` (no mint holds
            enough), ``export.write_failed`` (the tokens made so far are in the export
            history; ``data["files"]`` lists those written).
    """
    if isinstance(min_amount, bool) or not isinstance(min_amount, int) or min_amount < 1:
        raise ValidationError(
            "amount.invalid", "The amount must be a positive whole number.", str(min_amount)
        )
    if isinstance(keep, bool) or not isinstance(keep, int) or keep < 0:
        raise ValidationError(
            "amount.invalid", "The amount to keep must be a whole number, 0 or more.", str(keep)
        )
    folder = Path(folder)
    loop = asyncio.get_running_loop()
    await loop.run_in_executor(None, _check_folder, folder)
    targets = await ctx.db.run(partial(_targets, min_amount=min_amount, keep=keep))
    if not targets:
        raise ValidationError(
            "export.nothing",
            f"No mint holds {max(min_amount, keep + 1)} or more of the shop's ecash: "
            "nothing was exported.",
            str(min_amount),
        )
    rows: list[dict[str, Any]] = []
    for done, target in enumerate(targets):
        if keep:
            sent = await send.send(ctx, target["mint"], target["unit"], target["export"])
        else:
            sent = await send.send_all(ctx, target["mint"], target["unit"])
        try:
            path = await loop.run_in_executor(
                None,
                partial(
                    _write_token,
                    folder,
                    sent.token,
                    sent.amount,
                    sent.unit,
                    sent.mint,
                    training=ctx.training,
                ),
            )
        except OSError as exc:
            raise StorageError(
                "export.write_failed",
                "A token file could not be written. The token is kept in the export history: "
                "save it again or take it back from there.",
                f"{folder}: {exc}",
                data={"files": [r["file"] for r in rows], "export_id": sent.export_id},
            ) from exc
        created = await ctx.db.run(partial(_record_file, export_id=sent.export_id, path=path))
        rows.append(
            {
                "file": path.name,
                "mint": sent.mint,
                "unit": sent.unit,
                "amount": sent.amount,
                "proofs": len(parse_token(sent.token).proofs),
                "created": _created(created),
            }
        )
        if progress is not None:
            progress(done + 1, len(targets))
    json_path, csv_path = await loop.run_in_executor(None, _write_manifest, folder, rows)
    return {
        "files": [{**r, "file": str(folder / r["file"])} for r in rows],
        "manifest": str(json_path),
        "manifest_csv": str(csv_path),
    }


def _targets(session: Session, *, min_amount: int, keep: int) -> list[dict[str, Any]]:
    """The balances to export, each with ``export``: how much leaves the wallet."""
    targets = []
    for held in coins.balances(session)["balances"]:
        if held["amount"] < min_amount or held["amount"] <= keep:
            continue
        amount = _above(session, held["mint"], held["unit"], held["amount"] - keep) if keep else 0
        if keep and amount <= 0:
            continue  # the fee of a swap would eat what is above the amount to keep
        targets.append({**held, "export": amount or held["amount"]})
    return targets


def _above(session: Session, url: str, unit: str, room: int) -> int:
    """The largest amount found whose export, with its swap's input fee, takes at most ``room``.

    Tries what ``send.send`` will do (exact coins need no swap; otherwise the selection's
    fee), moving the amount to ``room`` less the last fee seen; falls back to ``room`` less
    the fee of spending every coin, which always fits.
    """
    mint_id = mint_row(session, url).id
    fees, inactive = coins.fee_table(session, mint_id)
    best, amount = 0, room
    for _ in range(4):
        if amount <= best:
            break
        if coins.exact_stored(session, mint_id, unit, amount) is not None:
            return amount
        try:
            _, fee = coins.select_coins(
                session, mint_id, unit, amount, fees, prefer_inactive=inactive
            )
        except ValidationError as exc:
            if exc.code != "wallet.insufficient_funds":
                raise
            break
        if amount + fee <= room:
            best = amount
        amount = room - fee
    if best:
        return best
    every = coins.spendable(session, mint_id, unit)
    return room - input_fee(fees.get(c.id, 0) for c in every)


def _record_file(session: Session, *, export_id: int, path: Path) -> int:
    export = session.get(Export, export_id)
    export.file_path = str(path)
    journal.audit(session, "export.saved", str(export_id), {"amount": export.amount})
    return export.created_at


# -- import -----------------------------------------------------------------------------------


def token_files(paths: Sequence[Path]) -> list[Path]:
    """The token files named by ``paths``: files as given; a folder's manifest, else its .txt.

    Raises:
        ValidationError: ``import.not_found`` for a path that does not exist.
    """
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(_folder_files(path))
        elif path.is_file():
            found.append(path)
        else:
            raise ValidationError("import.not_found", "There is no such file or folder.", str(path))
    unique: dict[Path, None] = {}
    for path in found:
        unique.setdefault(path.resolve(), None)
    return list(unique)


def _folder_files(folder: Path) -> list[Path]:
    manifests = sorted(folder.glob(f"{MANIFEST_PREFIX}*.json"))
    listed: list[Path] = []
    for manifest in manifests:
        try:
            rows = json.loads(manifest.read_text(encoding="utf-8"))["files"]
            listed.extend(folder / Path(str(r["file"])).name for r in rows)
        except (OSError, ValueError, KeyError, TypeError):
            continue  # a damaged manifest: the folder's token files are read instead
    if listed:
        return listed
    return sorted(p for p in folder.glob("*.txt") if not p.name.startswith("."))


def _known(session: Session, text: str) -> tuple[str, int | None]:
    """(``imported`` | ``ours`` | ``new``, export id) for a token's exact text.

    Candidates come by digest and the text is compared here, opened: on the shop's
    PostgreSQL database the stored text is sealed and cannot be compared in SQL.
    """
    digest = text_digest(text)
    imported = session.execute(
        select(ReceivedToken.token_text).where(
            ReceivedToken.text_digest == digest, ReceivedToken.state == "redeemed"
        )
    ).scalars()
    if any(stored == text for stored in imported):
        return "imported", None
    exports = session.execute(
        select(Export.id, Export.token_text).where(Export.text_digest == digest).order_by(Export.id)
    )
    export_id = next((i for i, stored in exports if stored == text), None)
    return ("ours", export_id) if export_id is not None else ("new", None)


async def import_files(
    ctx: WalletContext,
    exports: Exports,
    paths: Sequence[Path],
    *,
    progress: Progress | None = None,
) -> list[dict[str, Any]]:
    """Redeem the tokens of several files or folders, each on its own.

    Returns one ``{"file", "amount", "result"}`` per file (``result``: ``imported``,
    ``reclaimed``, ``already_imported``, ``spent``, ``failed``; ``fee``, ``code`` and
    ``message`` when they apply). A mint that cannot be reached queues its token for
    the recovery service (``pending``), as a single receive does.

    Raises:
        ValidationError: ``import.not_found``, ``import.nothing`` (no token file found).
    """
    files = await asyncio.get_running_loop().run_in_executor(None, token_files, list(paths))
    if not files:
        raise ValidationError(
            "import.nothing", "No token file was found there.", ", ".join(map(str, paths))
        )
    results = []
    for done, path in enumerate(files):
        results.append(await _import_one(ctx, exports, path))
        if progress is not None:
            progress(done + 1, len(files))
    return results


async def _import_one(ctx: WalletContext, exports: Exports, path: Path) -> dict[str, Any]:
    out: dict[str, Any] = {"file": str(path), "amount": 0}
    try:
        text = await asyncio.get_running_loop().run_in_executor(None, read_token_file, path)
        kind, export_id = await ctx.db.run(lambda s: _known(s, text))
        if kind == "imported":
            return {**out, "result": "already_imported", "message": "imported before: skipped"}
        if kind == "ours":
            back = await exports.reclaim(export_id)
            if back.already:
                skipped = "taken back before: skipped"
                return {**out, "result": "already_imported", "message": skipped}
            return {
                **out,
                "amount": back.amount - back.fee,
                "unit": back.unit,
                "fee": back.fee,
                "result": "reclaimed",
            }
        got = await receive(ctx, text, source="file")
        return {**out, "amount": got.amount, "unit": got.unit, "fee": got.fee, "result": "imported"}
    except NetworkError as exc:
        return {**out, "result": "pending", "code": exc.code, "message": exc.user_message}
    except PosError as exc:
        spent = exc.code in ("token.already_spent", "export.claimed")
        result = "spent" if spent else "failed"
        return {**out, "result": result, "code": exc.code, "message": exc.user_message}


class Bulk:
    """Bulk export and import over one wallet (the CLI and the Wallet page use it)."""

    def __init__(self, ctx: WalletContext, exports: Exports) -> None:
        self.ctx = ctx
        self.exports = exports

    async def export_all(
        self,
        folder: Path,
        *,
        min_amount: int = 1,
        keep: int = 0,
        progress: Progress | None = None,
    ) -> dict[str, Any]:
        """See :func:`export_all`."""
        return await export_all(
            self.ctx, folder, min_amount=min_amount, keep=keep, progress=progress
        )

    async def import_files(
        self, paths: Sequence[Path], *, progress: Progress | None = None
    ) -> list[dict[str, Any]]:
        """See :func:`import_files`."""
        return await import_files(self.ctx, self.exports, paths, progress=progress)
