"""TLS for the local API: the till's own certificate, made on first use, or the shop's.

A network address is served encrypted unless the owner chose plain HTTP there
(``api.tls`` off with ``api.insecure_http``). The till's certificate is an EC P-256
self-signed one for the listen address, this computer's names and loopback, valid two
years and made again a month before it ends or when it no longer names the address. Its
key is written encrypted with a random password kept in the encrypted database
(:meth:`~pos_app.core.apikeys.ApiKeys.tls_password`), never in plaintext; both files
are readable by the till's user only. Clients pin the SHA-256 fingerprint shown in
Settings, in the log and by ``pos-app api status``.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import ipaddress
import socket
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

from pos_app.core.config import is_loopback_host, load_tls_certs, load_tls_key, split_listen
from pos_app.core.errors import ConfigError
from pos_app.core.files import write_private

if TYPE_CHECKING:
    from pos_app.app import App

CERT_FILE = "api-tls-cert.pem"
KEY_FILE = "api-tls-key.pem"
COMMON_NAME = "pos-app till"
VALID_DAYS = 730
RENEW_DAYS = 30  # a certificate ending within this is made again
_lock = asyncio.Lock()  # the GUI's panel and the starting API may both ask at once


@dataclass(frozen=True, slots=True)
class TlsFiles:
    """What uvicorn is given: the certificate, its key (and the key's password)."""

    cert: Path
    key: Path
    password: str | None
    fingerprint: str  # SHA-256 of the (first) certificate, colon hex
    own: bool  # the shop's certificate, not the till's


def fingerprint_of(cert: x509.Certificate) -> str:
    """``AB:CD:…``: the SHA-256 of the certificate's DER, as browsers and openssl show it."""
    return cert.fingerprint(hashes.SHA256()).hex(":").upper()


def mode_for(values: dict[str, Any]) -> str:
    """``self_signed``, ``own`` or ``off``: what the API serves with these settings.

    Raises:
        ConfigError: ``api.tls_required`` for plain HTTP on a network address without
            ``api.insecure_http``.
    """
    host, _port = split_listen(str(values["api.listen"]), any_port=True)
    mode = str(values.get("api.tls") or "auto")
    if mode == "auto":
        mode = "off" if is_loopback_host(host) else "self_signed"
    if mode == "off" and not is_loopback_host(host) and not values.get("api.insecure_http"):
        raise ConfigError(
            "api.tls_required",
            f"The API address {values['api.listen']} is on the network, where plain HTTP "
            "lets anyone read API keys and payments. Set API encryption to auto, or allow "
            "plain HTTP on the network in Settings, API.",
            str(values["api.listen"]),
        )
    return mode


def insecure_on_network(values: dict[str, Any]) -> bool:
    """True when the API would be served without encryption on a network address."""
    host, _port = split_listen(str(values["api.listen"]), any_port=True)
    if is_loopback_host(host) or not values.get("api.insecure_http"):
        return False
    try:
        return mode_for(values) == "off"
    except ConfigError:
        return False


async def tls_for(core: App, values: dict[str, Any]) -> TlsFiles | None:
    """The certificate the API serves with ``values`` (made or renewed now), or None.

    Raises:
        ConfigError: ``api.tls_required``; ``api.tls_files`` when the shop's files are
            missing, unreadable or do not belong together.
    """
    mode = mode_for(values)
    if mode == "off":
        return None
    if mode == "own":
        return own_files(
            str(values.get("api.tls_cert") or ""), str(values.get("api.tls_key") or "")
        )
    host, _port = split_listen(str(values["api.listen"]), any_port=True)
    return await self_signed(core, host)


def own_files(cert_path: str, key_path: str) -> TlsFiles:
    """The shop's certificate and key, checked to load and to belong together.

    Raises:
        ConfigError: ``api.tls_files``.
    """

    def refuse(why: str) -> ConfigError:
        return ConfigError(
            "api.tls_files",
            f"The API's own certificate cannot be used: {why}. Check the certificate and "
            "key files in Settings, API.",
            f"{cert_path} {key_path}",
        )

    if not cert_path or not key_path:
        raise refuse("choose a certificate file and its key file")
    try:
        certs, key = load_tls_certs(cert_path), load_tls_key(key_path)
    except ValueError as exc:  # the settings' own checks, now at start: the files may change
        raise refuse(str(exc)) from None
    if _public(key) != _public(certs[0].public_key()):
        raise refuse("the key file is not the certificate's key")
    return TlsFiles(
        Path(cert_path).expanduser(), Path(key_path).expanduser(), None,
        fingerprint_of(certs[0]), own=True,
    )  # fmt: skip


def _public(key: Any) -> bytes:
    if hasattr(key, "public_key"):
        key = key.public_key()
    return key.public_bytes(
        serialization.Encoding.DER, serialization.PublicFormat.SubjectPublicKeyInfo
    )


async def self_signed(core: App, host: str) -> TlsFiles:
    """The till's certificate for ``host``, made again when needed.

    The one on disk is kept unless it is missing, ends within :data:`RENEW_DAYS`, does
    not name ``host`` or does not match its key.
    """
    async with _lock:
        password = await core.api_keys.tls_password()
        return await asyncio.to_thread(_self_signed, Path(core.data_dir), host, password)


def _self_signed(folder: Path, host: str, password: str) -> TlsFiles:
    cert_path, key_path = folder / CERT_FILE, folder / KEY_FILE
    names = wanted_names(host)
    cert = _usable(cert_path, key_path, password, names)
    if cert is None:
        cert = _make(cert_path, key_path, password, names)
    return TlsFiles(cert_path, key_path, password, fingerprint_of(cert), own=False)


def wanted_names(host: str) -> set[str | ipaddress.IPv4Address | ipaddress.IPv6Address]:
    """The names and addresses a certificate for ``host`` holds.

    ``localhost`` and loopback always; for a wildcard address (0.0.0.0, ::) this computer's
    name and the addresses it is reached at, as far as they are known without asking the
    network (the local resolver, the route a packet would take).
    """
    names: set[str | ipaddress.IPv4Address | ipaddress.IPv6Address] = {
        "localhost", ipaddress.ip_address("127.0.0.1"), ipaddress.ip_address("::1"),
    }  # fmt: skip
    if host == "localhost":
        return names
    ip = ipaddress.ip_address(host)
    if not ip.is_unspecified:
        names.add(ip)
        return names
    hostname = socket.gethostname()
    if hostname and all(c.isalnum() or c in "-." for c in hostname):
        names.add(hostname.lower())
    try:
        for *_rest, sockaddr in socket.getaddrinfo(hostname, None):
            names.add(ipaddress.ip_address(str(sockaddr[0]).split("%", 1)[0]))
    except (OSError, ValueError):
        pass
    for family, probe in ((socket.AF_INET, "192.0.2.1"), (socket.AF_INET6, "2001:db8::1")):
        try:  # connecting a UDP socket picks the outgoing address; nothing is sent
            with socket.socket(family, socket.SOCK_DGRAM) as udp:
                udp.connect((probe, 9))
                names.add(ipaddress.ip_address(udp.getsockname()[0].split("%", 1)[0]))
        except OSError:
            pass
    return names


def _usable(
    cert_path: Path, key_path: Path, password: str, names: set[Any]
) -> x509.Certificate | None:
    try:
        cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
        key = serialization.load_pem_private_key(key_path.read_bytes(), password.encode())
        sans = cert.extensions.get_extension_for_class(x509.SubjectAlternativeName).value
    except (OSError, ValueError, TypeError, x509.ExtensionNotFound):
        return None
    held = set(sans.get_values_for_type(x509.DNSName))
    held |= set(sans.get_values_for_type(x509.IPAddress))
    ends = cert.not_valid_after_utc - dt.timedelta(days=RENEW_DAYS)
    if ends <= dt.datetime.now(dt.UTC) or not names <= held or _public(key) != _public(cert):
        return None
    return cert


def _make(cert_path: Path, key_path: Path, password: str, names: set[Any]) -> x509.Certificate:
    key = ec.generate_private_key(ec.SECP256R1())
    now = dt.datetime.now(dt.UTC)
    subject = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, COMMON_NAME)])
    sans = [
        x509.DNSName(n) if isinstance(n, str) else x509.IPAddress(n) for n in sorted(names, key=str)
    ]
    cert = (
        x509.CertificateBuilder()
        .subject_name(subject)
        .issuer_name(subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(hours=1))  # a client's clock a little behind
        .not_valid_after(now + dt.timedelta(days=VALID_DAYS))
        .add_extension(x509.SubjectAlternativeName(sans), critical=False)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=False,
                crl_sign=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.SERVER_AUTH]), critical=False)
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(key.public_key()), False)
        .add_extension(x509.AuthorityKeyIdentifier.from_issuer_public_key(key.public_key()), False)
        .sign(key, hashes.SHA256())
    )
    key_pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.BestAvailableEncryption(password.encode()),
    )
    key_path.parent.mkdir(parents=True, exist_ok=True)
    write_private(key_path, key_pem)  # the key first: a cert never names a missing key
    write_private(cert_path, cert.public_bytes(serialization.Encoding.PEM))
    return cert


async def status(core: App) -> dict[str, Any]:
    """Where and how the API serves with the stored settings: for Settings and the CLI.

    The till's certificate is made now if it is due, so the fingerprint shown is the one
    the API serves at its next start.

    Raises:
        ConfigError: as :func:`tls_for`.
    """
    values = await core.settings.values()
    host, port = split_listen(str(values["api.listen"]), any_port=True)
    files = await tls_for(core, values)
    shown = f"[{host}]" if ":" in host else host
    return {
        "enabled": bool(values.get("api.enabled")),
        "url": f"{'https' if files else 'http'}://{shown}:{port}/api/v1",
        "tls": "off" if files is None else ("own" if files.own else "self_signed"),
        "fingerprint": files.fingerprint if files else None,
        "certificate": str(files.cert) if files else None,
        "insecure_network": insecure_on_network(values),
        # Where customers' wallets post payments (NUT-18), or None: no network payments.
        "public_url": str(values.get("api.public_url") or "") or None,
    }
