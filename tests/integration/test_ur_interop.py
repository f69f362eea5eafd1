"""BC-UR interoperability with @gandlaf21/bc-ur, the encoder cashu.me uses.

Runs tests/support/bcur_interop.js with node and the package installed by
`make node-deps` (into .node/). Skips only where node itself is missing.
"""

from __future__ import annotations

import base64
import random
import shutil
import subprocess
from pathlib import Path

import pytest

from pos_app.core.cashu import ur
from pos_app.core.cashu.fountain import Xoshiro256
from pos_app.core.cashu.ur import URDecoder, UREncoder

pytestmark = pytest.mark.node

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "support" / "bcur_interop.js"
NODE_DIR = ROOT / ".node"
PACKAGE = NODE_DIR / "node_modules" / "@gandlaf21" / "bc-ur"


def _payload(size: int, seed: str) -> bytes:
    return Xoshiro256(seed.encode()).next_data(size)


def _token_text(size: int) -> bytes:
    rnd = random.Random(size)
    raw = bytes(rnd.getrandbits(8) for _ in range(size * 3 // 4))
    return ("cashuB" + base64.urlsafe_b64encode(raw).decode().rstrip("=")).encode()


# name -> (payload, max fragment length). The UR message is the payload plus a
# 1..3 byte CBOR head; "one fragment" fills exactly one 100-byte fragment.
PAYLOADS = {
    "tiny": (b"cashuB", 100),
    "one-fragment": (_payload(98, "one"), 100),
    "just-over-one": (_payload(99, "over"), 100),
    "several-kb": (_payload(5000, "kb"), 120),
    "token-20kb": (_token_text(20_000), 150),
}


@pytest.fixture(scope="module")
def node() -> str:
    # Only a machine without node skips; with node present (as on CI) a missing or
    # broken package is an error, not a silent skip of the interoperability check.
    exe = shutil.which("node")
    if exe is None:
        pytest.skip("node is not installed: BC-UR interoperability not tested")
    if not PACKAGE.is_dir():
        pytest.fail(f"{PACKAGE} is missing: run `make node-deps` (make test does it)")
    check = subprocess.run(
        [exe, str(SCRIPT), "check"], capture_output=True, text=True, timeout=60, check=False
    )
    if check.returncode != 0:
        pytest.fail(f"@gandlaf21/bc-ur does not load under this node: {check.stderr.strip()}")
    print(f"interop against {check.stdout.strip()}")
    return exe


def js_encode(
    node: str, tmp_path: Path, payload: bytes, max_len: int, count: int, first: int = 0
) -> list[str]:
    src = tmp_path / "payload.bin"
    src.write_bytes(payload)
    run = subprocess.run(
        [node, str(SCRIPT), "encode", str(src), str(max_len), str(count), str(first)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, run.stderr
    parts = run.stdout.split()
    assert len(parts) == count
    return parts


def js_decode(node: str, parts: list[str]) -> tuple[bytes, int]:
    """Decode with the reference; returns the payload and the number of parts it read."""
    run = subprocess.run(
        [node, str(SCRIPT), "decode"],
        input="\n".join(parts) + "\n",
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert run.returncode == 0, f"reference decoder failed: {run.stderr}"
    used = int(run.stderr.strip().rsplit(" ", 1)[-1])
    return bytes.fromhex(run.stdout.strip()), used


def our_decode(parts: list[str]) -> tuple[bytes, int]:
    decoder = URDecoder()
    for used, text in enumerate(parts, start=1):
        decoder.receive_part(text)
        if decoder.is_complete:
            assert decoder.result is not None
            return decoder.result, used
    pytest.fail(f"incomplete after {len(parts)} parts (progress {decoder.progress:.2f})")


@pytest.mark.parametrize("name", list(PAYLOADS))
def test_parts_are_identical(node, tmp_path, name):
    payload, max_len = PAYLOADS[name]
    ours = UREncoder(payload, max_len)
    count = max(3, ours.seq_len * 3)
    theirs = js_encode(node, tmp_path, payload, max_len, count)
    assert [ours.next_part() for _ in range(count)] == theirs
    assert ours.is_single_part == (name in ("tiny", "one-fragment"))


def test_token_helper_matches_reference(node, tmp_path):
    token = _token_text(3000).decode()
    ours = ur.encode_token_ur(token, 100)
    theirs = js_encode(node, tmp_path, token.encode(), 100, ours.seq_len + 10)
    assert [ours.next_part() for _ in range(len(theirs))] == theirs


@pytest.mark.parametrize("name", list(PAYLOADS))
def test_we_read_reference_parts(node, tmp_path, name):
    payload, max_len = PAYLOADS[name]
    seq_len = UREncoder(payload, max_len).seq_len
    rnd = random.Random(name)

    # in order
    stream = js_encode(node, tmp_path, payload, max_len, seq_len * 3 + 2)
    assert our_decode(stream)[0] == payload
    # shuffled, with duplicates, upper case (as QR alphanumeric mode carries it)
    mixed = stream + rnd.sample(stream, len(stream) // 3)
    rnd.shuffle(mixed)
    assert our_decode([p.upper() for p in mixed])[0] == payload
    # only fountain parts beyond seqLen
    fountain_only = js_encode(node, tmp_path, payload, max_len, seq_len * 3 + 2, first=seq_len)
    result, used = our_decode(fountain_only)
    assert result == payload
    # starting mid-stream, with 30% of the parts lost
    mid = js_encode(node, tmp_path, payload, max_len, seq_len * 4 + 2, first=seq_len // 2 + 1)
    kept = [p for p in mid if rnd.random() >= 0.3]
    assert our_decode(kept)[0] == payload
    print(f"{name}: seqLen {seq_len}, fountain-only decode used {used} parts")


@pytest.mark.parametrize("name", list(PAYLOADS))
def test_reference_reads_our_parts(node, name):
    payload, max_len = PAYLOADS[name]
    rnd = random.Random(name)

    encoder = UREncoder(payload, max_len)
    seq_len = encoder.seq_len
    stream = [encoder.next_part() for _ in range(seq_len * 8 + 2)]
    # in order
    assert js_decode(node, stream)[0] == payload
    # shuffled with duplicates and losses
    kept = [p for p in stream if rnd.random() >= 0.3]
    kept += rnd.sample(kept, len(kept) // 4)
    rnd.shuffle(kept)
    assert js_decode(node, kept)[0] == payload
    # our fountain parts only (the reference must agree on every mix)
    fountain = UREncoder(payload, max_len, first_seq_num=seq_len)
    fountain_only = [fountain.next_part() for _ in range(seq_len * 8 + 2)]
    result, used = js_decode(node, fountain_only)
    assert result == payload
    print(f"{name}: seqLen {seq_len}, reference decoder used {used} fountain parts")
