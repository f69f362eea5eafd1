"""ScanAssembler: static codes, dedupe window, animated UR collection, messages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pos_app.core.cashu import bytewords
from pos_app.core.cashu.tokens import parse_token
from pos_app.core.cashu.ur import UREncoder, encode_single, encode_token_ur
from pos_app.ui.scanner import assembler as asm
from pos_app.ui.scanner.assembler import (
    Complete,
    Invalid,
    NotAToken,
    Progress,
    ScanAssembler,
    classify,
)
from tests.support.qrvideo import fake_token

VECTORS = Path(__file__).parents[1] / "vectors"


def _vector_strings(name: str, key: str) -> list[str]:
    cases = json.loads((VECTORS / name).read_text())["cases"]
    return [c[key] for c in cases if isinstance(c.get(key), str)]


TOKENS_V4 = _vector_strings("nut00_token_v4.json", "expected_serialized")
TOKENS_V3 = _vector_strings("nut00_token_v3.json", "expected_serialized")
CREQA = _vector_strings("nut18_payment_requests.json", "encoded")
CREQB = _vector_strings("nut26_payment_requests_bech32m.json", "encoded")
TOKEN = TOKENS_V4[0]
OTHER_TOKEN = TOKENS_V4[1]
ADDRESS = "bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture
def scan(clock: FakeClock) -> ScanAssembler:
    return ScanAssembler(dedupe_seconds=3.0, clock=clock)


def test_vectors_present() -> None:
    assert TOKENS_V4 and TOKENS_V3 and CREQA and CREQB
    assert TOKEN != OTHER_TOKEN


# -- static codes ---------------------------------------------------------------------


@pytest.mark.parametrize("token", TOKENS_V4 + TOKENS_V3)
def test_static_token_completes_with_exact_text(scan: ScanAssembler, token: str) -> None:
    assert scan.feed(token) == [Complete(token, "token")]


@pytest.mark.parametrize(
    "prefix", ["cashu:", "CASHU:", "Cashu://", "web+cashu:", "WEB+CASHU://", "  cashu:"]
)
def test_scheme_prefixes_are_stripped(scan: ScanAssembler, prefix: str) -> None:
    assert scan.feed(prefix + TOKEN + "\n") == [Complete(TOKEN, "token")]


def test_token_in_wallet_link_is_read() -> None:
    assert classify(f"https://wallet.cashu.me/#token={TOKEN}") == Complete(TOKEN, "token")
    assert classify(f"https://wallet.example/receive?token=cashu:{TOKEN}") == Complete(
        TOKEN, "token"
    )


def test_unknown_token_version_is_not_accepted() -> None:
    assert classify("cashuCabcdefgh") == NotAToken(asm.MSG_UNSUPPORTED_TOKEN)


@pytest.mark.parametrize("request_text", CREQA + CREQB + [s.lower() for s in CREQB])
def test_payment_request_is_reported_as_request(scan: ScanAssembler, request_text: str) -> None:
    assert scan.feed(request_text) == [Complete(request_text, "request")]


def test_payment_request_with_scheme_or_in_bip321_uri() -> None:
    creqa = CREQA[0]
    assert classify("cashu:" + creqa) == Complete(creqa, "request")
    uri = f"bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?amount=0.0001&creq={CREQB[0]}"
    assert classify(uri) == Complete(CREQB[0], "request")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3", asm.MSG_LIGHTNING_INVOICE),
        ("LNBC10N1PJ9XYZPP5QQQSYQCYQ5RQWZQFQQQSYQCYQ5RQWZQFQQQS", asm.MSG_LIGHTNING_INVOICE),
        ("lightning:lntb1u1pwz5w78pp5e8w8cr5c30xzws92v36sk45znhjn098", asm.MSG_LIGHTNING_INVOICE),
        ("lno1qgsqvgnwgcg35z6ee2h3yczraddm72xrfua9uve2rlrm9deu7xyfzrc", asm.MSG_LIGHTNING_OFFER),
        ("LNURL1DP68GURN8GHJ7UM9WFMXJCM99E3K7MF0V9CXJ0M385EKVCENXC6R2C35", asm.MSG_LNURL),
        ("satoshi@getalby.com", asm.MSG_LIGHTNING_ADDRESS),
        ("bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq", asm.MSG_BITCOIN),
        ("BC1QAR0SRRR7XFKVY5L643LYDNW9RE59GTZZWF5MDQ", asm.MSG_BITCOIN),
        ("1A1zP1eP5QGefi2DMPTfTL5SLmv7DivfNa", asm.MSG_BITCOIN),
        ("bitcoin:bc1qar0srrr7xfkvy5l643lydnw9re59gtzzwf5mdq?amount=0.01", asm.MSG_BITCOIN),
        (f"bitcoin:{ADDRESS}?lightning=LNBC1", asm.MSG_LIGHTNING_INVOICE),
        ("https://example.com/menu", asm.MSG_LINK),
        ("HTTP://EXAMPLE.COM", asm.MSG_LINK),
        ("nostr:npub1sg6plzptd64u62a878hep2kev88swjh3tw00gjsfl8f237lmu63q0uf63m", asm.MSG_NOSTR),
        ("npub1sg6plzptd64u62a878hep2kev88swjh3tw00gjsfl8f237lmu63q0uf63m", asm.MSG_NOSTR),
        ("hello world", asm.MSG_NOT_TOKEN),
        ("4006381333931", asm.MSG_NOT_TOKEN),
        ("casshuAeyJ0b2tlbiI6W119", asm.MSG_NOT_TOKEN),
    ],
)
def test_not_a_token_messages(scan: ScanAssembler, text: str, message: str) -> None:
    assert scan.feed(text) == [NotAToken(message)]


def test_lightning_message_is_the_documented_text() -> None:
    assert asm.MSG_LIGHTNING_INVOICE == "This is a Lightning invoice, not ecash."


def test_blank_texts_are_ignored(scan: ScanAssembler) -> None:
    assert scan.feed_frame(["", "   ", "\n"]) == []


# -- dedupe window --------------------------------------------------------------------


def test_same_code_held_in_view_fires_once(scan: ScanAssembler, clock: FakeClock) -> None:
    events = []
    for _ in range(100):  # 10 s at 10 fps: the window slides with each sighting
        events += scan.feed(TOKEN)
        clock.advance(0.1)
    assert events == [Complete(TOKEN, "token")]


def test_same_code_fires_again_after_window_out_of_sight(
    scan: ScanAssembler, clock: FakeClock
) -> None:
    assert scan.feed(TOKEN)
    clock.advance(2.9)
    assert scan.feed(TOKEN) == []  # within 3 s of the last sighting
    clock.advance(2.9)
    assert scan.feed(TOKEN) == []  # still: the window restarted at the last sighting
    clock.advance(3.0)
    assert scan.feed(TOKEN) == [Complete(TOKEN, "token")]


def test_different_code_ends_the_suppression(scan: ScanAssembler, clock: FakeClock) -> None:
    assert scan.feed(TOKEN) == [Complete(TOKEN, "token")]
    clock.advance(0.1)
    assert scan.feed(OTHER_TOKEN) == [Complete(OTHER_TOKEN, "token")]
    clock.advance(0.1)
    assert scan.feed(TOKEN) == [Complete(TOKEN, "token")]


def test_two_codes_in_view_fire_once_each(scan: ScanAssembler, clock: FakeClock) -> None:
    events = []
    for _ in range(20):
        events += scan.feed_frame([TOKEN, "https://example.com"])
        clock.advance(0.1)
    assert events == [Complete(TOKEN, "token"), NotAToken(asm.MSG_LINK)]


def test_not_a_token_is_deduplicated_too(scan: ScanAssembler, clock: FakeClock) -> None:
    assert len(scan.feed("hello")) == 1
    clock.advance(1)
    assert scan.feed("hello") == []


def test_window_is_configurable(clock: FakeClock) -> None:
    every_read = ScanAssembler(dedupe_seconds=0, clock=clock)
    assert len(every_read.feed(TOKEN)) == len(every_read.feed(TOKEN)) == 1
    long = ScanAssembler(dedupe_seconds=10, clock=clock)
    assert long.feed(TOKEN)
    clock.advance(9)
    assert long.feed(TOKEN) == []
    with pytest.raises(ValueError):
        ScanAssembler(dedupe_seconds=-1)


def test_reset_forgets_seen_codes(scan: ScanAssembler) -> None:
    assert scan.feed(TOKEN)
    scan.reset()
    assert scan.feed(TOKEN) == [Complete(TOKEN, "token")]


# -- animated UR ----------------------------------------------------------------------


def _parts(text: str, count: int, fragment: int = 60, upper: bool = True) -> list[str]:
    encoder = encode_token_ur(text, fragment)
    parts = [encoder.next_part() for _ in range(count)]
    return [p.upper() for p in parts] if upper else parts


def _collect(scan: ScanAssembler, parts: list[str], clock: FakeClock) -> list:
    events = []
    for part in parts:
        events += scan.feed(part)
        clock.advance(0.1)
    return events


def test_ur_progress_then_complete(scan: ScanAssembler, clock: FakeClock) -> None:
    token = fake_token(6)
    seq_len = encode_token_ur(token, 60).seq_len
    assert seq_len > 10
    events = _collect(scan, _parts(token, 3 * seq_len), clock)
    progress = [e for e in events if isinstance(e, Progress)]
    assert events[-1] == Complete(token, "token")
    assert [e for e in events if not isinstance(e, Progress)] == [Complete(token, "token")]
    fractions = [p.fraction for p in progress]
    assert fractions == sorted(fractions) and 0 < fractions[0] < fractions[-1] < 1
    assert [p.parts_seen for p in progress] == list(range(1, len(progress) + 1))
    assert len(progress) == seq_len - 1  # plain fragments in order: the last one completes
    assert not scan.collecting and scan.progress == 0.0
    parse_token(events[-1].text)


def test_ur_lowercase_parts_work(scan: ScanAssembler, clock: FakeClock) -> None:
    token = fake_token(2)
    events = _collect(scan, _parts(token, 40, upper=False), clock)
    assert Complete(token, "token") in events


def test_ur_repeated_parts_are_ignored(scan: ScanAssembler, clock: FakeClock) -> None:
    parts = _parts(fake_token(3), 3)
    assert len(scan.feed(parts[0])) == 1
    for _ in range(5):
        assert scan.feed(parts[0]) == []
        assert scan.feed(parts[0].lower()) == []
    assert scan.feed(parts[1]) == [Progress(pytest.approx(scan.progress), 2)]


def test_ur_mixed_parts_only_still_complete(scan: ScanAssembler, clock: FakeClock) -> None:
    token = fake_token(3)
    seq_len = encode_token_ur(token, 60).seq_len
    parts = _parts(token, 6 * seq_len)[seq_len:]  # skip every plain fragment
    events = _collect(scan, parts, clock)
    assert events[-1] == Complete(token, "token")


def test_completed_ur_shown_on_is_not_read_twice(scan: ScanAssembler, clock: FakeClock) -> None:
    token = fake_token(3)
    seq_len = encode_token_ur(token, 60).seq_len
    parts = _parts(token, 12 * seq_len)  # the wallet goes on showing new parts
    events = _collect(scan, parts, clock)
    assert [e for e in events if isinstance(e, Complete)] == [Complete(token, "token")]
    assert isinstance(events[-1], Complete)  # no Progress after completion either
    clock.advance(5)  # out of sight longer than the window: a new scan
    events = _collect(scan, parts, clock)
    assert [e for e in events if isinstance(e, Complete)] == [Complete(token, "token")]


def test_ur_of_another_message_starts_over(scan: ScanAssembler, clock: FakeClock) -> None:
    first, second = fake_token(3, seed=1), fake_token(3, seed=2)
    seq_len = encode_token_ur(first, 60).seq_len
    events = _collect(scan, _parts(first, seq_len // 2), clock)
    assert isinstance(events[-1], Progress) and events[-1].parts_seen == seq_len // 2
    before = events[-1].fraction
    events = _collect(scan, _parts(second, 3 * seq_len), clock)
    assert isinstance(events[0], Progress)
    assert events[0].parts_seen == 1 and events[0].fraction < before
    assert [e for e in events if not isinstance(e, Progress)] == [Complete(second, "token")]


def test_single_part_ur_is_a_static_code(scan: ScanAssembler, clock: FakeClock) -> None:
    encoder = encode_token_ur(TOKEN, 500)
    assert encoder.is_single_part
    part = encoder.next_part().upper()
    assert scan.feed(part) == [Complete(TOKEN, "token")]
    for _ in range(10):
        clock.advance(0.1)
        assert scan.feed(part) == []
    clock.advance(3.5)
    assert scan.feed(part) == [Complete(TOKEN, "token")]


def test_single_part_ur_interrupts_a_partial_one(scan: ScanAssembler, clock: FakeClock) -> None:
    assert _collect(scan, _parts(fake_token(3), 4), clock)
    assert scan.collecting
    assert scan.feed(encode_single(TOKEN.encode())) == [Complete(TOKEN, "token")]
    assert not scan.collecting


def test_ur_of_a_payment_request(scan: ScanAssembler) -> None:
    assert scan.feed(encode_single(CREQA[0].encode())) == [Complete(CREQA[0], "request")]


def test_ur_of_other_text_is_not_a_token(scan: ScanAssembler) -> None:
    assert scan.feed(encode_single(b"lnbc1invoice0000")) == [NotAToken(asm.MSG_NOT_TOKEN)]
    invoice = "lnbc2500u1pvjluezsp5zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3zyg3"
    assert scan.feed(encode_single(invoice.encode())) == [NotAToken(asm.MSG_LIGHTNING_INVOICE)]


@pytest.mark.parametrize(
    "text",
    [
        "ur:bytes/",
        "ur:bytes/zzzzzzzz",
        "UR:BYTES/1-3/LPADAXCFAXHLCYYNLSZMLBWFVALB",
        "ur:bytes/1-3/x/y",
        "ur:bytes/0-0/" + bytewords.encode(b"\x85\x00\x00\x00\x00\x40"),
    ],
)
def test_invalid_ur(scan: ScanAssembler, text: str) -> None:
    events = scan.feed(text)
    assert len(events) == 1 and isinstance(events[0], Invalid)
    assert events[0].message  # a short cashier-facing text


def test_ur_that_is_not_utf8_is_invalid(scan: ScanAssembler) -> None:
    part = UREncoder(b"\xff\xfe\xfd binary").next_part()
    assert scan.feed(part) == [Invalid("This QR code is not a valid UR code.")]


def test_damaged_part_does_not_abort_collection(scan: ScanAssembler, clock: FakeClock) -> None:
    token = fake_token(3)
    seq_len = encode_token_ur(token, 60).seq_len
    parts = _parts(token, 3 * seq_len)
    good = parts[2]
    damaged = [good[:-8] + "AAAA" + good[-4:], good[:-12] + "BBBB" + good[-8:]]
    assert good not in damaged
    events = _collect(scan, [*parts[:2], *damaged, damaged[0]], clock)
    assert [type(e) for e in events] == [Progress, Progress, Invalid]  # the same message once
    assert events[-1].message == "This QR code was read damaged. Keep scanning."
    events = _collect(scan, parts[2:], clock)
    assert events[0] == Progress(pytest.approx(3 / seq_len), 3)
    assert Complete(token, "token") in events


def test_other_ur_types_are_not_ecash(scan: ScanAssembler, clock: FakeClock) -> None:
    encoder = UREncoder(bytes(range(200)) * 3, 60, ur_type="crypto-psbt")
    events = _collect(scan, [encoder.next_part() for _ in range(20)], clock)
    assert events == [NotAToken(asm.MSG_OTHER_UR)]


def test_frames_mixing_ur_and_static(scan: ScanAssembler, clock: FakeClock) -> None:
    token = fake_token(3)
    parts = _parts(token, 60)
    events = []
    for part in parts:  # a price sticker stays in view while the wallet animates
        events += scan.feed_frame([part, "https://shop.example/price/42"])
        clock.advance(0.1)
    assert [e for e in events if not isinstance(e, Progress)] == [
        NotAToken(asm.MSG_LINK),
        Complete(token, "token"),
    ]
