"""Uniform Resources (Blockchain Commons BCR-2020-005) for animated Cashu QR codes.

Wallets (cashu.me, Macadamia, cdk...) show large tokens (NUT-16) as
``ur:bytes`` URs whose message is the CBOR *byte string* of the token text
(cashu.me: ``UR.fromBuffer(Buffer.from(token))``). A short message is one
single-part UR ``ur:bytes/<bytewords>``; a longer one is an endless stream of
parts ``ur:bytes/<seqNum>-<seqLen>/<bytewords>`` (see :mod:`.fountain`).
Bytewords are in the minimal style (:mod:`.bytewords`).

Encoders produce lowercase text (canonical); show it uppercased in a QR code
to get the denser alphanumeric mode. Decoders accept any case.
"""

from __future__ import annotations

import re

from pos_app.core.cashu import bytewords
from pos_app.core.cashu.fountain import (
    MAX_MESSAGE_LEN,
    FountainDecoder,
    FountainEncoder,
    FountainPart,
    cbor_head,
    cbor_read_head,
)
from pos_app.core.cashu.models import invalid
from pos_app.core.errors import ValidationError

CODE = "ur.invalid"
DEFAULT_MAX_FRAGMENT_LEN = 200
# A part never needs more than its fragment (at most the message) in bytewords plus a header.
MAX_TEXT_LEN = 2 * (MAX_MESSAGE_LEN + 64)

_MESSAGE = "This QR code is not a valid UR code."
_TYPE = re.compile(r"\A[a-z0-9-]{1,64}\Z")
_SEQ = re.compile(r"\A([0-9]{1,10})-([0-9]{1,10})\Z")


def looks_like_ur(text: str) -> bool:
    """True if ``text`` starts with the ``ur:`` scheme (any case, surrounding blanks ignored)."""
    return isinstance(text, str) and text.strip()[:3].lower() == "ur:"


def wrap_bytes(payload: bytes) -> bytes:
    """The UR message for a ``bytes`` payload: its CBOR byte string."""
    return cbor_head(2, len(payload)) + bytes(payload)


def unwrap_bytes(message: bytes) -> bytes:
    """The payload of a ``ur:bytes`` message: the content of its CBOR string.

    A text string is accepted too, as the JavaScript decoders wallets use do.

    Raises:
        ValidationError: ``ur.invalid`` if the message is not exactly one definite
            byte or text string.
    """
    major, size, pos = cbor_read_head(message, 0)
    if major not in (2, 3):
        raise invalid(CODE, f"message is CBOR major type {major}, not a byte string", _MESSAGE)
    if pos + size != len(message):
        raise invalid(CODE, "message: string length does not match", _MESSAGE)
    return bytes(message[pos:])


def _check_type(ur_type: str) -> str:
    if not isinstance(ur_type, str) or not _TYPE.match(ur_type):
        shown = ur_type[:40] if isinstance(ur_type, str) else type(ur_type).__name__
        raise invalid(CODE, f"invalid UR type {shown!r}", _MESSAGE)
    return ur_type


def encode_single(payload: bytes, ur_type: str = "bytes") -> str:
    """Single-part UR of ``payload`` (wrapped in a CBOR byte string).

    Returns:
        ``ur:<type>/<bytewords>`` in lowercase.
    """
    _check_type(ur_type)
    return f"ur:{ur_type}/{bytewords.encode(wrap_bytes(payload))}"


class UREncoder:
    """Endless UR parts of ``payload`` (wrapped in a CBOR byte string).

    When the message fits one fragment every :meth:`next_part` is the same
    single-part UR, so the caller can show a static QR code. Otherwise parts
    ``1..seq_len`` carry the plain fragments and the later ones fountain mixes.

    Args:
        payload: the bytes to send.
        max_fragment_len: longest fragment in bytes (QR density: 50..200 is usual).
        min_fragment_len: shortest fragment the length search may consider.
        first_seq_num: start after this part number (0: start at part 1).
        ur_type: the UR type; Cashu wallets use ``bytes``.

    Raises:
        ValidationError: ``ur.invalid`` for bad lengths or a payload over the size cap.
    """

    def __init__(
        self,
        payload: bytes,
        max_fragment_len: int = DEFAULT_MAX_FRAGMENT_LEN,
        min_fragment_len: int = 10,
        first_seq_num: int = 0,
        ur_type: str = "bytes",
    ) -> None:
        self.ur_type = _check_type(ur_type)
        self.message = wrap_bytes(payload)
        self._fountain = FountainEncoder(
            self.message, max_fragment_len, min_fragment_len, first_seq_num
        )

    @property
    def seq_len(self) -> int:
        """Number of fragments (the parts of one full cycle)."""
        return self._fountain.seq_len

    @property
    def is_single_part(self) -> bool:
        """True when the message fits one fragment (a static QR code)."""
        return self._fountain.is_single_part

    def next_part(self) -> str:
        """The next part, lowercase."""
        if self.is_single_part:
            return f"ur:{self.ur_type}/{bytewords.encode(self.message)}"
        part = self._fountain.next_part()
        body = bytewords.encode(part.to_cbor())
        return f"ur:{self.ur_type}/{part.seq_num}-{part.seq_len}/{body}"


def encode_token_ur(token_text: str, max_fragment_len: int = DEFAULT_MAX_FRAGMENT_LEN) -> UREncoder:
    """Encoder for a serialized token (``cashuB...``), as cashu.me builds it.

    The message is the CBOR byte string of the token's UTF-8 bytes, type ``bytes``.
    """
    if not isinstance(token_text, str):
        raise invalid(CODE, "token text must be a string", _MESSAGE)
    return UREncoder(token_text.encode("utf-8"), max_fragment_len)


def _parse(text: str) -> tuple[str, str | None, str]:
    """Split a UR into (type, seq or None, bytewords body), lowercased."""
    if not isinstance(text, str):
        raise invalid(CODE, f"expected text, got {type(text).__name__}", _MESSAGE)
    text = text.strip()
    if len(text) > MAX_TEXT_LEN:
        raise invalid(CODE, f"UR text of {len(text)} characters", _MESSAGE)
    if not text.isascii():
        raise invalid(CODE, "UR text is not ASCII", _MESSAGE)
    text = text.lower()
    if not text.startswith("ur:"):
        raise invalid(CODE, "missing ur: scheme", _MESSAGE)
    components = text[3:].split("/")
    if len(components) == 2:
        ur_type, body = components
        seq = None
    elif len(components) == 3:
        ur_type, seq, body = components
    else:
        raise invalid(CODE, f"UR has {len(components)} path components", _MESSAGE)
    return _check_type(ur_type), seq, body


class URDecoder:
    """Collect UR parts (single or multi-part) until the message is complete.

    Parts may come in any order, repeated, mixed or not; a part of another
    message while this one is incomplete starts over on the new one (the
    customer may switch tokens). Once complete, further parts are ignored until
    :meth:`reset`.

    Args:
        ur_type: the only type accepted (``bytes`` for Cashu); None accepts any
            type, and a change of type then starts over.
    """

    def __init__(self, ur_type: str | None = "bytes") -> None:
        self.expected_type = None if ur_type is None else _check_type(ur_type)
        self._fountain = FountainDecoder()
        self.reset()

    def reset(self) -> None:
        """Forget everything received."""
        self._fountain.reset()
        self._type: str | None = None
        self._message: bytes | None = None
        self._payload: bytes | None = None

    @property
    def is_complete(self) -> bool:
        """True once the message is reassembled and verified."""
        return self._payload is not None

    @property
    def progress(self) -> float:
        """0..1, monotone for one message; 1.0 exactly when complete."""
        return 1.0 if self.is_complete else self._fountain.progress

    @property
    def expected_part_count(self) -> int:
        """``seqLen`` of the message being collected (0 before any multi-part part)."""
        return self._fountain.expected_part_count

    @property
    def ur_type(self) -> str | None:
        """Type of the message being collected."""
        return self._type

    @property
    def result_cbor(self) -> bytes | None:
        """The reassembled UR message (CBOR), or None while incomplete."""
        return self._message

    @property
    def result(self) -> bytes | None:
        """The payload (content of the CBOR byte string), or None while incomplete."""
        return self._payload

    @property
    def result_text(self) -> str | None:
        """The payload as UTF-8 text (a token), or None while incomplete.

        Raises:
            ValidationError: ``ur.invalid`` if the payload is not UTF-8.
        """
        if self._payload is None:
            return None
        try:
            return self._payload.decode("utf-8")
        except UnicodeDecodeError:
            raise invalid(CODE, "payload is not UTF-8 text", _MESSAGE) from None

    def receive_part(self, text: str) -> bool:
        """Feed one scanned QR text.

        Returns:
            True if the part brought something new (or started a new message),
            False for a redundant part or when already complete.

        Raises:
            ValidationError: ``ur.invalid`` for anything that is not a valid UR
                part of the expected type; the decoder state is kept, except
                after a reassembled message fails its checksum (then it starts over).
        """
        if self.is_complete:
            return False
        ur_type, seq, body = _parse(text)
        if self.expected_type is not None and ur_type != self.expected_type:
            raise invalid(CODE, f"UR type {ur_type!r}, expected {self.expected_type!r}", _MESSAGE)
        if seq is None:
            message = bytewords.decode(body)
            payload = unwrap_bytes(message)
            self.reset()
            self._type, self._message, self._payload = ur_type, message, payload
            return True
        match = _SEQ.match(seq)
        if not match:
            raise invalid(CODE, f"malformed sequence {seq[:24]!r}", _MESSAGE)
        part = FountainPart.from_cbor(bytewords.decode(body))
        if (part.seq_num, part.seq_len) != (int(match[1]), int(match[2])):
            raise invalid(CODE, f"sequence {seq!r} does not match the part", _MESSAGE)
        if self._type is not None and ur_type != self._type:
            self.reset()
        self._type = ur_type
        added = self._fountain.receive_part(part)
        if self._fountain.result is not None:
            message = self._fountain.result
            try:
                payload = unwrap_bytes(message)
            except ValidationError:
                self.reset()
                raise
            self._message, self._payload = message, payload
        return added


def decode_ur(text: str, ur_type: str | None = "bytes") -> bytes:
    """Payload of a single-part UR (a multi-part UR of one fragment works too).

    Raises:
        ValidationError: ``ur.invalid`` for an invalid UR, or one part of a
            longer animated sequence.
    """
    decoder = URDecoder(ur_type)
    decoder.receive_part(text)
    if decoder.result is None:
        raise invalid(
            CODE, "one part of a multi-part UR", "This is part of an animated QR code; scan it all."
        )
    return decoder.result
