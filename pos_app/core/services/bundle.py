"""The support bundle: logs, settings, errors and versions, secrets removed, zipped to a folder.

What goes in: ``about.json`` (app, Python, platform, library and database
schema versions), one JSON file per fact (settings, mints, services, recent
error rows) and the log files. What never goes in: the database, the key file,
the seed, proofs, tokens, keys or passphrases. Everything is written through
:mod:`pos_app.core.redaction` (by field name and by shape), the logs a second
time although they were redacted when written: an old log may predate a rule.
"""

from __future__ import annotations

import json
import platform
import sys
import time
import zipfile
from importlib import metadata
from pathlib import Path
from typing import Any

from sqlalchemy import text
from sqlalchemy.exc import SQLAlchemyError

from pos_app import __version__
from pos_app.core.errorlog import recent_errors
from pos_app.core.redaction import redact_data, redact_text

# Nothing in the settings is secret today; this list keeps it so if one is added.
SECRET_SETTINGS: frozenset[str] = frozenset()
# The libraries whose version a supporter asks for first.
LIBRARIES = (
    "PySide6-Essentials",
    "qasync",
    "SQLAlchemy",
    "alembic",
    "sqlcipher3",
    "httpx",
    "coincurve",
    "keyring",
)


def library_versions() -> dict[str, str | None]:
    """Installed versions of :data:`LIBRARIES` (None when one is missing)."""
    versions: dict[str, str | None] = {}
    for name in LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    return versions


def write_bundle(out_dir: Path, data_dir: Path, facts: dict[str, Any]) -> Path:
    """Zip logs and ``facts`` (settings, mints, services, errors), both redacted, into ``out_dir``.

    The database, the key file and the seed are never included.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"pos-app-support-{time.strftime('%Y%m%d-%H%M%S')}.zip"
    about = {
        "version": __version__,
        "python": sys.version,
        "platform": platform.platform(),
        "libraries": library_versions(),
        "created_at": int(time.time()),
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("about.json", json.dumps(about, indent=2))
        for name, value in facts.items():
            safe = redact_data(json.loads(json.dumps(value, default=str)))
            zf.writestr(f"{name}.json", json.dumps(safe, indent=2))
        logs = Path(data_dir) / "logs"
        if logs.is_dir():
            for log_file in sorted(logs.glob("*.log*")):
                text_ = log_file.read_text(encoding="utf-8", errors="replace")
                zf.writestr(
                    f"logs/{log_file.name}",
                    "\n".join(redact_text(line) for line in text_.splitlines()),
                )
    return path


def settings_without_secrets(values: dict[str, Any]) -> dict[str, Any]:
    """Settings with any secret value replaced by a marker."""
    return {k: ("[removed]" if k in SECRET_SETTINGS else v) for k, v in values.items()}


def schema_revision(session: Any) -> str | None:
    """The database's migration revision (None when unreadable)."""
    try:
        return session.scalar(text("SELECT version_num FROM alembic_version"))
    except SQLAlchemyError:
        return None


def gather_facts(
    session: Any, config: Any, mints: Any, supervisor_status: list[dict[str, Any]]
) -> dict[str, Any]:
    """What a supporter needs to see, read in one transaction."""
    return {
        "settings": settings_without_secrets(config.values(session)),
        "mints": mints.list(session),
        "services": supervisor_status,
        "errors": recent_errors(session, limit=200),
        "database": {"schema_revision": schema_revision(session)},
    }
