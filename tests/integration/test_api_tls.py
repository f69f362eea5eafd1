"""The API on the network: its address settings, TLS (the till's certificate or the shop's),
the refusal of plain HTTP there, and the owner's allow and block lists.

Served on real sockets on 127.0.0.1 with uvicorn on the test's own loop; clients verify
the server against the certificate written to the data directory.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import hashlib
import ipaddress
import socket
import ssl
import stat
from pathlib import Path

import httpx
import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from pos_app.api import start_api
from pos_app.api.tls import CERT_FILE, KEY_FILE, status, tls_for, wanted_names
from pos_app.core.errors import ConfigError
from tests.integration.test_api import bearer, free_port, key, run_api


@pytest.fixture(autouse=True)
def _db_key(monkeypatch):
    from tests.support.fakeshop import DB_KEY

    monkeypatch.setenv("POS_DB_KEY", DB_KEY)


def served_fingerprint(port: int) -> str:
    """The SHA-256 of the certificate the server on ``port`` presents (not verified)."""
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    with (
        socket.create_connection(("127.0.0.1", port), timeout=5) as raw,
        context.wrap_socket(raw, server_hostname="127.0.0.1") as tls,
    ):
        der = tls.getpeercert(binary_form=True)
    return hashlib.sha256(der).hexdigest().upper()


def colon_hex(fingerprint: str) -> str:
    return fingerprint.replace(":", "")


def own_certificate(folder: Path) -> tuple[Path, Path, str]:
    """A certificate for 127.0.0.1 as a shop's CA would give one (key without a password)."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "till.shop.example")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(
            x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
            critical=False,
        )
        .sign(key, hashes.SHA256())
    )
    folder.mkdir(parents=True, exist_ok=True)
    cert_path, key_path = folder / "shop.crt", folder / "shop.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return cert_path, key_path, cert.fingerprint(hashes.SHA256()).hex().upper()


def test_network_addresses_lists_and_certificate_files_are_checked(tmp_path):
    cert_path, key_path, _fp = own_certificate(tmp_path / "own")
    locked = tmp_path / "own" / "locked.key"
    locked.write_bytes(
        ec.generate_private_key(ec.SECP256R1()).private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.BestAvailableEncryption(b"secret"),
        )
    )
    junk = tmp_path / "own" / "junk.pem"
    junk.write_text("not a certificate")

    async def scenario(app, _client, _mint):
        stored = {}
        for raw in ("0.0.0.0:8787", "[::]:8443", "192.168.1.20:80", "localhost:1"):
            stored[raw] = (await app.settings.set_many({"api.listen": raw}))["api.listen"]
        refused = {}
        attempts = [
            ("api.listen", "till.example:8787"),
            ("api.listen", "0.0.0.0"),
            ("api.listen", "300.1.1.1:80"),
            ("api.allow", "192.168.1.0/24, 10.0.0.999"),
            ("api.block", "everyone"),
            ("api.tls_cert", str(tmp_path / "missing.pem")),
            ("api.tls_cert", str(junk)),
            ("api.tls_key", str(junk)),
            ("api.tls_key", str(locked)),
            ("api.tls", "maybe"),
        ]
        for name, raw in attempts:
            with pytest.raises(ConfigError) as err:
                await app.settings.set_many({name: raw})
            refused[(name, raw)] = err.value.user_message
        lists = await app.settings.set_many(
            {
                "api.allow": "192.168.1.7/24; 10.0.0.7, 192.168.1.0/24",
                "api.block": "",
                "api.tls_cert": str(cert_path),
                "api.tls_key": str(key_path),
            }
        )
        return stored, refused, lists

    stored, refused, lists = run_api(tmp_path, scenario)
    assert stored == {
        "0.0.0.0:8787": "0.0.0.0:8787",
        "[::]:8443": "[::]:8443",
        "192.168.1.20:80": "192.168.1.20:80",
        "localhost:1": "localhost:1",
    }
    assert "IP address" in refused[("api.listen", "till.example:8787")]
    assert "10.0.0.999 is not an address" in refused[("api.allow", "192.168.1.0/24, 10.0.0.999")]
    assert "there is no file" in refused[("api.tls_cert", str(tmp_path / "missing.pem"))]
    assert "no PEM certificate" in refused[("api.tls_cert", str(tmp_path / "own/junk.pem"))]
    assert "no PEM private key" in refused[("api.tls_key", str(tmp_path / "own/junk.pem"))]
    assert "password" in refused[("api.tls_key", str(tmp_path / "own/locked.key"))]
    assert lists["api.allow"] == "192.168.1.0/24, 10.0.0.7/32"
    assert lists["api.tls_key"] == str(key_path)


def test_plain_http_on_the_network_needs_the_owners_flag(tmp_path):
    port = free_port()

    async def scenario(app, _client, _mint):
        await app.settings.set_many(
            {"api.enabled": True, "api.listen": f"0.0.0.0:{port}", "api.tls": "off"}
        )
        with pytest.raises(ConfigError) as refused:
            await start_api(app)  # refused before anything is bound
        await app.settings.set_many({"api.insecure_http": True})
        insecure = await status(app)
        await app.settings.set_many({"api.tls": "auto"})
        auto = await status(app)  # the network address gets the till's certificate
        await app.settings.set_many({"api.listen": f"127.0.0.1:{port}", "api.tls": "off"})
        local = await status(app)
        await app.settings.set_many({"api.tls": "own"})
        with pytest.raises(ConfigError) as no_files:
            await start_api(app)
        return refused.value, insecure, auto, local, no_files.value

    refused, insecure, auto, local, no_files = run_api(tmp_path, scenario)
    assert refused.code == "api.tls_required"
    assert f"0.0.0.0:{port}" in refused.user_message and "plain HTTP" in refused.user_message
    assert insecure["insecure_network"] and insecure["url"].startswith("http://0.0.0.0")
    assert insecure["fingerprint"] is None
    assert not auto["insecure_network"] and auto["url"] == f"https://0.0.0.0:{port}/api/v1"
    assert auto["tls"] == "self_signed" and len(auto["fingerprint"].split(":")) == 32
    assert not local["insecure_network"] and local["url"].startswith("http://127.0.0.1")
    assert no_files.code == "api.tls_files"


def test_the_tills_certificate_is_made_once_pinned_and_its_key_kept_encrypted(tmp_path):
    port = free_port()

    async def scenario(app, _client, _mint):
        await app.settings.set_many(
            {"api.enabled": True, "api.listen": f"127.0.0.1:{port}", "api.tls": "self_signed"}
        )
        admin = await key(app, "admin")
        server = await start_api(app)
        assert server is not None
        cert_path = Path(app.data_dir) / CERT_FILE
        pinned = ssl.create_default_context(cafile=str(cert_path))
        try:
            async with httpx.AsyncClient(base_url=server.url, verify=pinned) as http:
                health = await http.get("/health", headers=bearer(admin))
            plain_url = f"http://127.0.0.1:{port}/api/v1/health"
            with pytest.raises(httpx.TransportError):
                async with httpx.AsyncClient(trust_env=False) as http:
                    await http.get(plain_url, headers=bearer(admin))
            with pytest.raises(httpx.ConnectError):  # a client that does not pin it
                async with httpx.AsyncClient(trust_env=False) as http:
                    await http.get(server.url + "/health", headers=bearer(admin))
            served = await asyncio.to_thread(served_fingerprint, port)
        finally:
            await server.stop()
        shown = await status(app)
        again = await start_api(app)
        assert again is not None
        try:
            served_again = await asyncio.to_thread(served_fingerprint, port)
        finally:
            await again.stop()
        return server, health, served, shown, served_again

    server, health, served, shown, served_again = run_api(tmp_path, scenario)
    assert server.url == f"https://127.0.0.1:{port}/api/v1"
    assert health.status_code == 200
    assert colon_hex(server.tls.fingerprint) == served == colon_hex(shown["fingerprint"])
    assert served_again == served  # the second start serves the same certificate
    cert_path = tmp_path / "shop" / CERT_FILE
    key_path = tmp_path / "shop" / KEY_FILE
    key_pem = key_path.read_bytes()
    assert b"ENCRYPTED PRIVATE KEY" in key_pem
    with pytest.raises(TypeError):  # no password: it does not load
        serialization.load_pem_private_key(key_pem, password=None)
    with pytest.raises(ValueError):
        serialization.load_pem_private_key(key_pem, password=b"guess")
    for path in (cert_path, key_path):
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    assert cert.subject.rfc4514_string() == "CN=pos-app till"
    assert isinstance(cert.public_key(), ec.EllipticCurvePublicKey)
    lifetime = cert.not_valid_after_utc - cert.not_valid_before_utc
    assert dt.timedelta(days=700) < lifetime < dt.timedelta(days=740)


def test_the_certificate_is_made_again_when_it_no_longer_names_the_address(tmp_path):
    async def scenario(app, _client, _mint):
        values = {"api.listen": "127.0.0.1:8787", "api.tls": "self_signed"}
        first = await tls_for(app, values)
        same = await tls_for(app, values)
        moved = await tls_for(app, {**values, "api.listen": "0.0.0.0:8787"})
        return first, same, moved

    first, same, moved = run_api(tmp_path, scenario)
    assert first.fingerprint == same.fingerprint
    assert moved.fingerprint != first.fingerprint
    cert = x509.load_pem_x509_certificate(moved.cert.read_bytes())
    sans = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    held = set(sans.get_values_for_type(x509.DNSName))
    held |= {str(ip) for ip in sans.get_values_for_type(x509.IPAddress)}
    assert {"localhost", "127.0.0.1", "::1", socket.gethostname().lower()} <= held
    assert {str(n) for n in wanted_names("0.0.0.0")} <= held


def test_the_shops_own_certificate_is_served(tmp_path):
    port = free_port()
    cert_path, key_path, fingerprint = own_certificate(tmp_path / "own")

    async def scenario(app, _client, _mint):
        await app.settings.set_many(
            {
                "api.enabled": True,
                "api.listen": f"127.0.0.1:{port}",
                "api.tls": "own",
                "api.tls_cert": str(cert_path),
                "api.tls_key": str(key_path),
            }
        )
        admin = await key(app, "admin")
        server = await start_api(app)
        assert server is not None
        try:
            pinned = ssl.create_default_context(cafile=str(cert_path))
            async with httpx.AsyncClient(base_url=server.url, verify=pinned) as http:
                health = await http.get("/health", headers=bearer(admin))
            served = await asyncio.to_thread(served_fingerprint, port)
        finally:
            await server.stop()
        return server, health, served

    server, health, served = run_api(tmp_path, scenario)
    assert health.status_code == 200 and server.url.startswith("https://")
    assert served == fingerprint == colon_hex(server.tls.fingerprint)
    assert not (tmp_path / "shop" / CERT_FILE).exists()  # the till made none of its own
