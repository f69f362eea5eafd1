"""Where a shop's wallet lives, and the worker pool a face runs it with.

Kept apart from the composition root (:mod:`pos_app.app`), which imports the
database layer and the HTTP client: the desktop app decides what to show first
from these alone, before anything heavy is loaded.
"""

from __future__ import annotations

import os
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

ENV_DATA_DIR = "POS_DATA_DIR"
ENV_TRAINING = "POS_TRAINING"
DB_FILE = "wallet.db"
STORAGE_FILE = "storage.json"  # where a till that joined a shop's database keeps it

# Workers of the loop's default executor: crypto over proofs, blocking file and key work.
EXECUTOR_WORKERS = 4


def worker_pool() -> ThreadPoolExecutor:
    """The executor a face sets as its loop's default (and shuts down when it ends)."""
    return ThreadPoolExecutor(max_workers=EXECUTOR_WORKERS, thread_name_prefix="pos-app")


def default_data_dir() -> Path:
    """``POS_DATA_DIR``, else the platform's per-user app-data folder."""
    env = os.environ.get(ENV_DATA_DIR)
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("pos-app", appauthor=False))


def resolve_data_dir(value: str | os.PathLike[str] | None) -> Path:
    """The data directory from a ``--data-dir`` value, the environment or the default."""
    return Path(value).expanduser() if value else default_data_dir()


def wallet_exists(data_dir: Path) -> bool:
    """True when the data directory holds a wallet database or has joined a shop's.

    A till on the shop's PostgreSQL database has ``storage.json`` instead of the file
    (``core/store/storage.py``; written last when it joins, so only a whole join counts).
    """
    data_dir = Path(data_dir)
    return (data_dir / DB_FILE).exists() or (data_dir / STORAGE_FILE).exists()


def training_requested(args: Any) -> bool:
    """True for ``--training``, ``POS_TRAINING=1`` or a ``training`` command.

    The run then opens the play-money wallet under ``<data dir>/training``, never the shop's.
    """
    return bool(
        getattr(args, "training", False)
        or os.environ.get(ENV_TRAINING) == "1"
        or getattr(args, "command", None) == "training"
    )
