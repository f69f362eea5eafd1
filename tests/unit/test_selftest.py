"""The installation self-test (``pos-app --self-test``): report, exit code, isolation."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import pos_app
from pos_app import paths, selftest
from pos_app.core.store.keys import ENV_KEY
from pos_app.selftest import Check, Unavailable, run_self_test

ROOT = Path(__file__).resolve().parents[2]
REQUIRED = {
    "resources",
    "migration scripts",
    "app modules",
    "encrypted database",
    "secp256k1 / BDHKE / DLEQ",
    "BIP39 / NUT-13",
    "token V4 / cbor2",
    "argon2",
    "QR encode / decode",
    "Qt widgets",
    "translations",
    "time zones",
    "icon font",
    "Qt print to PDF",
    "QR widget",
    "charts (matplotlib)",
    "local API server",
    "PostgreSQL driver",
}
OPTIONAL = {"pyzbar fallback", "Qt Multimedia", "camera capture (Qt)"}


def check_report(data: dict) -> None:
    assert data["failed"] == [], [c for c in data["checks"] if c["status"] == "fail"]
    assert data["ok"] is True
    assert data["version"] == pos_app.__version__
    by_name = {c["name"]: c for c in data["checks"]}
    assert set(by_name) == REQUIRED | OPTIONAL
    for name in REQUIRED:
        check = by_name[name]
        assert check["required"] is True
        assert check["status"] == "ok" and check["ok"] is True, check
        assert check["detail"]
        assert check["ms"] >= 0
    for name in OPTIONAL:
        assert by_name[name]["required"] is False
        assert by_name[name]["status"] in {"ok", "unavailable"}
    assert "wrong key refused" in by_name["encrypted database"]["detail"]
    assert data["total_ms"] == pytest.approx(sum(c["ms"] for c in data["checks"]), abs=1)


def test_in_process_json_report_passes_and_leaves_the_key_alone(monkeypatch, capsys):
    monkeypatch.setenv(ENV_KEY, "ab" * 32)  # must be neither used nor changed
    assert run_self_test(as_json=True) == 0
    data = json.loads(capsys.readouterr().out)
    check_report(data)
    assert os.environ[ENV_KEY] == "ab" * 32
    assert data["frozen"] is False


def test_database_check_sets_no_key_in_the_environment(monkeypatch, tmp_path):
    monkeypatch.delenv(ENV_KEY, raising=False)
    assert selftest.check_database(tmp_path).startswith("SQLCipher")
    assert ENV_KEY not in os.environ
    assert (tmp_path / "db" / "wallet.db").read_bytes()[:16] != b"SQLite format 3\x00"


def test_subprocess_headless_json():
    env = {k: v for k, v in os.environ.items() if k not in {ENV_KEY, "DISPLAY", "WAYLAND_DISPLAY"}}
    env.pop("QT_QPA_PLATFORM", None)  # the self-test must choose offscreen on its own
    proc = subprocess.run(
        [sys.executable, "-m", "pos_app", "--self-test", "--json"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    data = json.loads(proc.stdout)
    check_report(data)
    assert proc.returncode == 0, proc.stderr
    if sys.platform.startswith("linux"):
        assert data["qt_platform"] == "offscreen"
    assert "Traceback" not in proc.stderr


def test_human_table(capsys):
    assert run_self_test(as_json=False) == 0
    out = capsys.readouterr().out
    assert out.startswith(f"pos-app {pos_app.__version__} self-test (source")
    for name in REQUIRED:
        assert name in out
    assert "required checks passed" in out
    assert "FAIL" not in out


def _boom(_tmp: Path) -> str:
    raise RuntimeError("kaput")


def _missing(_tmp: Path) -> str:
    raise Unavailable("not installed here")


def _fine(tmp: Path) -> str:
    assert tmp.is_dir()
    return "fine"


def test_a_failed_required_check_fails_the_run(monkeypatch, capsys):
    monkeypatch.setattr(
        selftest,
        "CHECKS",
        (Check("good", _fine), Check("broken", _boom), Check("extra", _missing, required=False)),
    )
    assert run_self_test(as_json=True) == 1
    data = json.loads(capsys.readouterr().out)
    assert data["ok"] is False
    assert data["failed"] == ["broken"]
    status = {c["name"]: (c["status"], c["detail"]) for c in data["checks"]}
    assert status == {
        "good": ("ok", "fine"),
        "broken": ("fail", "RuntimeError: kaput"),
        "extra": ("unavailable", "not installed here"),
    }
    assert run_self_test(as_json=False) == 1
    out = capsys.readouterr().out
    assert "  FAIL broken" in out
    assert "FAILED: broken" in out


def test_optional_checks_alone_do_not_fail(monkeypatch, capsys):
    monkeypatch.setattr(selftest, "CHECKS", (Check("extra", _missing, required=False),))
    assert run_self_test(as_json=False) == 0
    assert "(1 optional unavailable)" in capsys.readouterr().out


def test_unavailable_in_a_required_check_is_a_failure():
    [result] = selftest.collect([Check("needed", _missing)])
    assert result.status == "fail"


def test_pos_errors_report_their_code():
    from pos_app.core.errors import StorageError

    def wrong(_tmp: Path) -> str:
        raise StorageError("storage.wrong_key", "The database key is wrong.", "details here")

    [result] = selftest.collect([Check("db", wrong)])
    assert result.detail == "storage.wrong_key: details here"


def test_missing_migration_scripts_are_named(monkeypatch, tmp_path):
    monkeypatch.setattr(selftest, "migrations_path", lambda: tmp_path)
    [result] = selftest.collect([Check("migration scripts", selftest.check_migrations)])
    assert result.status == "fail"
    assert "env.py or versions/*.py missing" in result.detail


def test_missing_resources_are_named(monkeypatch, tmp_path):
    monkeypatch.setattr(selftest, "resources_path", lambda *p: tmp_path.joinpath(*p))
    [result] = selftest.collect([Check("resources", selftest.check_resources)])
    assert result.status == "fail"
    assert "pos-app.svg is missing" in result.detail


def test_resources_path_from_source_and_from_a_bundle(monkeypatch, tmp_path):
    assert pos_app.resources_path() == ROOT / "resources"
    assert pos_app.resources_path("icons", "pos-app.svg").is_file()
    assert paths.migrations_path() == ROOT / "pos_app" / "core" / "store" / "migrations"
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.is_frozen()
    assert pos_app.resources_path("sounds") == tmp_path / "resources" / "sounds"


def test_build_spec_bundles_what_the_self_test_needs():
    spec = (ROOT / "build.spec").read_text()
    for needle in (
        '"resources"',
        '"pos_app/core/store/migrations"',
        'collect_data_files("mnemonic")',
        'collect_submodules("pos_app")',
        '"sqlalchemy.dialects.sqlite.pysqlite"',
        '"QtAgg"',
    ):
        assert needle in spec, needle
