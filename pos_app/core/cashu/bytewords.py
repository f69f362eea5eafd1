"""Bytewords: bytes written as English words (Blockchain Commons BCR-2020-012).

Each byte is one of 256 four-letter words; the first and last letters of every
word are a unique pair, so the *minimal* style used inside UR QR codes writes
two letters per byte. Every encoding ends with the CRC-32 (big-endian) of the
body, which :func:`decode` checks.
"""

from __future__ import annotations

import zlib
from typing import Literal

from pos_app.core.cashu.models import invalid

CODE = "ur.invalid"
_MESSAGE = "This QR code is not a valid UR code."
_DAMAGED = "This QR code was read damaged. Keep scanning."

Style = Literal["minimal", "standard", "uri"]

# The word list of BCR-2020-012, in byte order (0x00 = "able" ... 0xff = "zoom").
_WORD_TABLE = """
    able acid also apex aqua arch atom aunt away axis back bald barn belt beta bias
    blue body brag brew bulb buzz calm cash cats chef city claw code cola cook cost
    crux curl cusp cyan dark data days deli dice diet door down draw drop drum dull
    duty each easy echo edge epic even exam exit eyes fact fair fern figs film fish
    fizz flap flew flux foxy free frog fuel fund gala game gear gems gift girl glow
    good gray grim guru gush gyro half hang hard hawk heat help high hill holy hope
    horn huts iced idea idle inch inky into iris iron item jade jazz join jolt jowl
    judo jugs jump junk jury keep keno kept keys kick kiln king kite kiwi knob lamb
    lava lazy leaf legs liar limp lion list logo loud love luau luck lung main many
    math maze memo menu meow mild mint miss monk nail navy need news next noon note
    numb obey oboe omit onyx open oval owls paid part peck play plus poem pool pose
    puff puma purr quad quiz race ramp real redo rich road rock roof ruby ruin runs
    rust safe saga scar sets silk skew slot soap solo song stub surf swan taco task
    taxi tent tied time tiny toil tomb toys trip tuna twin ugly undo unit urge user
    vast very veto vial vibe view visa void vows wall wand warm wasp wave waxy webs
    what when whiz wolf work yank yawn yell yoga yurt zaps zero zest zinc zone zoom
"""
WORDS: tuple[str, ...] = tuple(_WORD_TABLE.split())

# Minimal form: first and last letter of each word.
MINIMAL: tuple[str, ...] = tuple(w[0] + w[-1] for w in WORDS)

_WORD_INDEX = {w: i for i, w in enumerate(WORDS)}
_MINIMAL_INDEX = {m: i for i, m in enumerate(MINIMAL)}
_SEPARATORS = {"standard": " ", "uri": "-"}
_CRC_LEN = 4
# 1 byte of body is the least a UR can carry; shorter input is certainly garbled.
_MIN_DECODED = _CRC_LEN + 1


def _check_tables() -> None:
    # The spec promises 256 words and unique first/last pairs; fail loudly at import otherwise.
    if len(WORDS) != 256 or len(_MINIMAL_INDEX) != 256 or len(_WORD_INDEX) != 256:
        raise RuntimeError("bytewords table is corrupt")


_check_tables()


def encode(data: bytes, style: Style = "minimal") -> str:
    """Encode ``data`` with its CRC-32 appended.

    Args:
        data: the body (for UR: CBOR bytes).
        style: ``minimal`` (2 letters per byte, no separator; used in URs),
            ``standard`` (words separated by spaces) or ``uri`` (hyphens).

    Returns:
        The lowercase bytewords text.
    """
    full = bytes(data) + zlib.crc32(data).to_bytes(_CRC_LEN, "big")
    if style == "minimal":
        return "".join([MINIMAL[b] for b in full])
    sep = _SEPARATORS.get(style)
    if sep is None:
        raise ValueError(f"unknown bytewords style {style!r}")
    return sep.join([WORDS[b] for b in full])


def decode(text: str, style: Style = "minimal") -> bytes:
    """Decode bytewords text and check its CRC-32; letters may be in any case.

    Args:
        text: the bytewords text.
        style: as for :func:`encode`.

    Returns:
        The body without the checksum.

    Raises:
        ValidationError: ``ur.invalid`` for an unknown word, a bad length or a
            checksum mismatch.
    """
    if not isinstance(text, str) or not text.isascii():
        raise invalid(CODE, "bytewords: not ASCII text", _MESSAGE)
    text = text.lower()
    if style == "minimal":
        if len(text) % 2:
            raise invalid(CODE, "bytewords: odd number of letters", _MESSAGE)
        table, chunks = _MINIMAL_INDEX, [text[i : i + 2] for i in range(0, len(text), 2)]
    else:
        sep = _SEPARATORS.get(style)
        if sep is None:
            raise ValueError(f"unknown bytewords style {style!r}")
        table, chunks = _WORD_INDEX, text.split(sep)
    try:
        raw = bytes([table[c] for c in chunks])
    except KeyError as exc:
        raise invalid(
            CODE, f"bytewords: unknown word {str(exc.args[0])[:16]!r}", _MESSAGE
        ) from None
    if len(raw) < _MIN_DECODED:
        raise invalid(CODE, "bytewords: too short", _MESSAGE)
    body, crc = raw[:-_CRC_LEN], raw[-_CRC_LEN:]
    if zlib.crc32(body).to_bytes(_CRC_LEN, "big") != crc:
        raise invalid(CODE, "bytewords: checksum mismatch", _DAMAGED)
    return body
