"""The support bundle: logs and configuration, secrets removed, zipped to a chosen folder."""

from __future__ import annotations

import json
import platform
import sys
import time
import zipfile
from pathlib import Path
from typing import Any

from pos_app import __version__
from pos_app.core.errorlog import recent_errors
from pos_app.core.logs import redact

# Nothing in the settings is secret today; this list keeps it so if one is added.
SECRET_SETTINGS: frozenset[str] = frozenset()


def write_bundle(out_dir: Path, data_dir: Path, facts: dict[str, Any]) -> Path:
    """Zip logs (redacted again) and ``facts`` (settings, mints, services, errors) into ``out_dir``.

    The database, the key file and the seed are never included.
    """
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / f"pos-app-support-{time.strftime('%Y%m%d-%H%M%S')}.zip"
    about = {
        "version": __version__,
        "python": sys.version,
        "platform": platform.platform(),
        "created_at": int(time.time()),
    }
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("about.json", json.dumps(about, indent=2))
        for name, value in facts.items():
            zf.writestr(f"{name}.json", json.dumps(value, indent=2, default=str))
        logs = Path(data_dir) / "logs"
        if logs.is_dir():
            for log_file in sorted(logs.glob("*.log*")):
                text = log_file.read_text(encoding="utf-8", errors="replace")
                zf.writestr(
                    f"logs/{log_file.name}", "\n".join(redact(line) for line in text.splitlines())
                )
    return path


def settings_without_secrets(values: dict[str, Any]) -> dict[str, Any]:
    """Settings with any secret value replaced by a marker."""
    return {k: ("[removed]" if k in SECRET_SETTINGS else v) for k, v in values.items()}


def gather_facts(
    session: Any, config: Any, mints: Any, supervisor_status: list[dict[str, Any]]
) -> dict[str, Any]:
    """What a supporter needs to see, read in one transaction."""
    return {
        "settings": settings_without_secrets(config.values(session)),
        "mints": mints.list(session),
        "services": supervisor_status,
        "errors": recent_errors(session, limit=200),
    }
