"""``pos-app api keys`` and ``serve`` with the API on, as processes."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time

import httpx

from tests.support.cli import ROOT, Cli


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_a_key_is_shown_once_listed_without_it_refused_when_revoked(tmp_path):
    cli = Cli(tmp_path / "shop")
    cli.setup("init")
    made = cli.ok(
        "api", "keys", "create", "--name", "web shop", "--scopes", "sales:read,sales:write"
    )
    assert made["key"].startswith("pos_") and len(made["key"]) > 40
    assert made["scopes"] == ["sales:read", "sales:write"] and made["expires_at"] is None
    listed = cli.ok("api", "keys", "list")
    assert [k["name"] for k in listed] == ["web shop"] and "key" not in listed[0]
    assert made["key"].startswith(listed[0]["prefix"])
    dated = cli.ok(
        "api",
        "keys",
        "create",
        "--name",
        "kiosk",
        "--scopes",
        "sales:read",
        "--expires",
        "2099-01-31",
    )
    assert dated["expires_at"] == 4073500800 + 86400  # 2099-01-31 00:00 UTC, plus that day
    bad = cli.run("api", "keys", "create", "--name", "x", "--scopes", "everything")
    assert bad.rc == 1 and bad.error_code == "api.bad_scopes"
    twice = cli.run("api", "keys", "create", "--name", "kiosk", "--scopes", "sales:read")
    assert twice.rc == 1 and twice.error_code == "api.name_taken"
    revoked = cli.ok("api", "keys", "revoke", "web shop")
    assert revoked["revoked_at"] is not None
    actions = [e["action"] for e in cli.ok("audit", "list")]
    assert actions.count("api.key_created") == 2 and "api.key_revoked" in actions


def test_serve_serves_the_api_when_enabled_and_stops_with_it(tmp_path):
    cli = Cli(tmp_path / "shop")
    cli.setup("init")
    port = free_port()
    cli.setup("config", "set", "api.enabled", "true")
    cli.setup("config", "set", "api.listen", f"127.0.0.1:{port}")
    refused = cli.run("config", "set", "api.listen", f"till.example:{port}")
    assert refused.rc == 1 and "IP address" in refused.json["error"]["message"]
    key = cli.ok("api", "keys", "create", "--name", "probe", "--scopes", "sales:read")["key"]
    env = {**os.environ, "POS_DB_KEY": cli.key}
    proc = subprocess.Popen(
        [sys.executable, "-m", "pos_app", *cli.argv("serve", "--seconds", "30")],
        env=env,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        url = f"http://127.0.0.1:{port}/api/v1"
        deadline = time.monotonic() + 30
        while True:
            try:
                answer = httpx.get(url + "/sales", headers={"Authorization": f"Bearer {key}"})
                break
            except httpx.ConnectError:
                assert proc.poll() is None and time.monotonic() < deadline, proc.stderr.read()
                time.sleep(0.1)
        assert answer.status_code == 200 and answer.json()["sales"] == []
        proc.send_signal(2)  # Ctrl-C: serve stops its services and the API, then reports
        out, err = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, err
    assert json.loads(out)["api"] == url and f"API listening on {url}" in err
    assert "Traceback" not in err
