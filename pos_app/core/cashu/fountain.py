"""Multipart UR fountain codes (Blockchain Commons BCR-2024-001).

A message is cut into ``seq_len`` equal fragments (the last zero-padded). Parts
``1..seq_len`` carry one fragment each; later parts XOR a pseudo-random subset
of fragments, chosen identically on both sides by the *consensus stack*:
SHA-256 of ``(seq_num, checksum)`` seeds Xoshiro256**, a Walker-Vose alias
sampler with weights ``1/k`` picks the degree, and a partial Fisher-Yates
shuffle picks the fragments. Every part is the CBOR array
``[seq_num, seq_len, message_len, checksum, data]``.

The decoder solves the parts as a linear system over GF(2) (incremental
Gauss-Jordan elimination on bit masks): it subsumes the reference "peeling"
decoder, so it never needs more parts than that one, and it finishes as soon as
the parts received pin down every fragment.
"""

from __future__ import annotations

import hashlib
import zlib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from pos_app.core.cashu.models import invalid

CODE = "ur.invalid"
# Caps against a hostile QR code: a Cashu token this large would never be shown.
MAX_FRAGMENTS = 10_000
MAX_MESSAGE_LEN = 1_000_000

_U32 = 0xFFFF_FFFF
_U64 = 0xFFFF_FFFF_FFFF_FFFF
_TWO64 = float(1 << 64)
_MESSAGE = "This QR code is not a valid UR code."
_CORRUPT = "The animated QR code did not reassemble correctly. Scan it again."


# --- CBOR (only the few shapes UR needs) ------------------------------------


def cbor_head(major: int, value: int) -> bytes:
    """Encode a CBOR item head (major type and argument) in its shortest form."""
    if value < 24:
        return bytes([major << 5 | value])
    for info, size in ((24, 1), (25, 2), (26, 4), (27, 8)):
        if value < 1 << (8 * size):
            return bytes([major << 5 | info]) + value.to_bytes(size, "big")
    raise ValueError("CBOR argument too large")


def cbor_read_head(buf: bytes, pos: int) -> tuple[int, int, int]:
    """Read a definite-length CBOR item head at ``pos``.

    Returns:
        ``(major, argument, next_pos)``.

    Raises:
        ValidationError: ``ur.invalid`` on truncation, or an indefinite or reserved head.
    """
    if pos >= len(buf):
        raise invalid(CODE, "CBOR: truncated", _MESSAGE)
    initial = buf[pos]
    major, info = initial >> 5, initial & 0x1F
    pos += 1
    if info < 24:
        return major, info, pos
    if info > 27:
        raise invalid(CODE, f"CBOR: unsupported head 0x{initial:02x}", _MESSAGE)
    size = 1 << (info - 24)
    if pos + size > len(buf):
        raise invalid(CODE, "CBOR: truncated", _MESSAGE)
    return major, int.from_bytes(buf[pos : pos + size], "big"), pos + size


# --- consensus stack ---------------------------------------------------------


def crc32(data: bytes) -> int:
    """CRC-32 (ISO-HDLC, as zlib) of ``data``: the message checksum of UR."""
    return zlib.crc32(data)


def _rotl(x: int, k: int) -> int:
    return ((x << k) | (x >> (64 - k))) & _U64


class Xoshiro256:
    """Xoshiro256** seeded with the SHA-256 digest of ``seed`` (big-endian words)."""

    def __init__(self, seed: bytes) -> None:
        digest = hashlib.sha256(seed).digest()
        self._s = [int.from_bytes(digest[i : i + 8], "big") for i in range(0, 32, 8)]

    def next(self) -> int:
        """The next 64-bit output."""
        s = self._s
        result = (_rotl((s[1] * 5) & _U64, 7) * 9) & _U64
        t = (s[1] << 17) & _U64
        s[2] ^= s[0]
        s[3] ^= s[1]
        s[1] ^= s[2]
        s[0] ^= s[3]
        s[2] ^= t
        s[3] = _rotl(s[3], 45)
        return result

    def next_double(self) -> float:
        """A float in [0, 1]: ``double(next()) / 2**64``, as the reference rounds it."""
        return float(self.next()) / _TWO64

    def next_int(self, low: int, high: int) -> int:
        """An int in ``[low, high]`` (``high + 1`` only if :meth:`next_double` rounds to 1.0)."""
        return int(self.next_double() * float(high - low + 1)) + low

    def next_byte(self) -> int:
        """A byte value."""
        return self.next_int(0, 255) & 0xFF

    def next_data(self, count: int) -> bytes:
        """``count`` pseudo-random bytes (``makeMessage`` of the reference tests)."""
        return bytes(self.next_byte() for _ in range(count))


class RandomSampler:
    """Walker-Vose alias sampler, built exactly as the reference does.

    The float operations and their order follow the reference so both ends of a
    transfer agree bit for bit (IEEE-754 doubles). ``sum()`` is avoided on
    purpose: Python 3.12 made it compensated, which would change the result.
    """

    def __init__(self, probs: Sequence[float]) -> None:
        n = len(probs)
        total = 0.0
        for p in probs:
            if p < 0:
                raise ValueError("negative probability")
            total += p
        if n == 0 or total <= 0:
            raise ValueError("probabilities must not all be zero")
        scaled = [p * float(n) / total for p in probs]
        small = [i for i in range(n - 1, -1, -1) if scaled[i] < 1]
        large = [i for i in range(n - 1, -1, -1) if scaled[i] >= 1]
        self._probs = [0.0] * n
        self._aliases = [0] * n
        while small and large:
            a = small.pop()
            g = large.pop()
            self._probs[a] = scaled[a]
            self._aliases[a] = g
            scaled[g] += scaled[a] - 1
            (small if scaled[g] < 1 else large).append(g)
        for i in large:
            self._probs[i] = 1.0
        for i in small:  # only through rounding
            self._probs[i] = 1.0

    def next(self, rng: Callable[[], float]) -> int:
        """Draw one index, using two values of ``rng``."""
        r1 = rng()
        r2 = rng()
        n = len(self._probs)
        # r1 == 1.0 is possible in theory (next() rounding up to 2**64); stay in range.
        i = min(int(float(n) * r1), n - 1)
        return i if r2 < self._probs[i] else self._aliases[i]


@lru_cache(maxsize=8)
def _degree_sampler(seq_len: int) -> RandomSampler:
    return RandomSampler([1.0 / k for k in range(1, seq_len + 1)])


def choose_degree(seq_len: int, rng: Xoshiro256) -> int:
    """How many fragments a rateless part mixes (1..seq_len, weights 1/k)."""
    return _degree_sampler(seq_len).next(rng.next_double) + 1


def shuffled(items: Sequence[int], rng: Xoshiro256, count: int | None = None) -> list[int]:
    """Fisher-Yates shuffle as the reference does it, stopping after ``count`` picks."""
    remaining = list(items)
    want = len(remaining) if count is None else count
    result: list[int] = []
    while remaining and len(result) < want:
        index = min(rng.next_int(0, len(remaining) - 1), len(remaining) - 1)
        result.append(remaining.pop(index))
    return result


def choose_fragments(seq_num: int, seq_len: int, checksum: int) -> frozenset[int]:
    """The fragment indexes (0-based) mixed into part ``seq_num`` (1-based)."""
    if seq_num <= seq_len:
        return frozenset((seq_num - 1,))
    rng = Xoshiro256(seq_num.to_bytes(4, "big") + checksum.to_bytes(4, "big"))
    degree = choose_degree(seq_len, rng)
    return frozenset(shuffled(range(seq_len), rng, degree))


# --- message partitioning -------------------------------------------------------


def find_nominal_fragment_length(
    message_len: int, min_fragment_len: int, max_fragment_len: int
) -> int:
    """The fragment length giving the fewest fragments no longer than ``max_fragment_len``.

    Same result as the reference linear search (which starts at one fragment and
    stops at the first count that fits); ``min_fragment_len`` only bounds that
    search, so it matters only when the reference would exceed the maximum.
    """
    if message_len <= 0 or min_fragment_len <= 0 or max_fragment_len < min_fragment_len:
        raise invalid(CODE, "invalid message or fragment length", _MESSAGE)
    count = -(-message_len // max_fragment_len)
    return -(-message_len // count)


def partition_message(message: bytes, fragment_len: int) -> list[bytes]:
    """Cut ``message`` into ``fragment_len`` pieces, zero-padding the last one."""
    fragments = [message[i : i + fragment_len] for i in range(0, len(message), fragment_len)]
    if fragments:
        fragments[-1] = fragments[-1].ljust(fragment_len, b"\0")
    return fragments


def join_fragments(fragments: Sequence[bytes], message_len: int) -> bytes:
    """Concatenate fragments and strip the padding."""
    return b"".join(fragments)[:message_len]


# --- parts -----------------------------------------------------------------------


@dataclass(frozen=True)
class FountainPart:
    """One part: a fragment (or XOR mix of fragments) with the message metadata."""

    seq_num: int
    seq_len: int
    message_len: int
    checksum: int
    data: bytes

    def to_cbor(self) -> bytes:
        """CBOR array ``[seq_num, seq_len, message_len, checksum, data]``."""
        return b"".join(
            (
                cbor_head(4, 5),
                cbor_head(0, self.seq_num),
                cbor_head(0, self.seq_len),
                cbor_head(0, self.message_len),
                cbor_head(0, self.checksum),
                cbor_head(2, len(self.data)),
                self.data,
            )
        )

    @classmethod
    def from_cbor(cls, buf: bytes) -> FountainPart:
        """Parse and sanity-check a part.

        Raises:
            ValidationError: ``ur.invalid`` for a malformed part, values out of
                range (``seq_len`` over :data:`MAX_FRAGMENTS`, ``message_len`` over
                :data:`MAX_MESSAGE_LEN`), or a fragment length that does not fit
                ``message_len`` and ``seq_len``.
        """
        major, count, pos = cbor_read_head(buf, 0)
        if major != 4 or count != 5:
            raise invalid(CODE, "part: not a 5-element CBOR array", _MESSAGE)
        numbers = []
        for name in ("seqNum", "seqLen", "messageLen", "checksum"):
            major, value, pos = cbor_read_head(buf, pos)
            if major != 0:
                raise invalid(CODE, f"part: {name} is not an unsigned integer", _MESSAGE)
            numbers.append(value)
        major, size, pos = cbor_read_head(buf, pos)
        if major != 2:
            raise invalid(CODE, "part: data is not a byte string", _MESSAGE)
        if pos + size != len(buf):
            raise invalid(CODE, "part: data length does not match the part size", _MESSAGE)
        seq_num, seq_len, message_len, checksum = numbers
        data = bytes(buf[pos:])
        if not 1 <= seq_num <= _U32:
            raise invalid(CODE, f"part: seqNum {seq_num} out of range", _MESSAGE)
        if not 1 <= seq_len <= MAX_FRAGMENTS:
            raise invalid(CODE, f"part: seqLen {seq_len} out of range", _MESSAGE)
        if not 1 <= message_len <= MAX_MESSAGE_LEN:
            raise invalid(CODE, f"part: messageLen {message_len} out of range", _MESSAGE)
        if checksum > _U32:
            raise invalid(CODE, "part: checksum out of range", _MESSAGE)
        # The encoder cuts message_len bytes into seq_len fragments of len(data) bytes.
        if not data or len(data) > message_len or -(-message_len // len(data)) != seq_len:
            raise invalid(
                CODE,
                f"part: {len(data)}-byte fragment does not fit {message_len} bytes"
                f" in {seq_len} fragments",
                _MESSAGE,
            )
        return cls(seq_num, seq_len, message_len, checksum, data)


class FountainEncoder:
    """Produce parts of ``message`` forever: the simple parts first, then mixes.

    Args:
        message: the bytes to send (for UR: the CBOR message).
        max_fragment_len: longest fragment, in bytes.
        min_fragment_len: shortest fragment the length search may consider.
        first_seq_num: the part before the first one produced (0 starts at part 1).

    Raises:
        ValidationError: ``ur.invalid`` for an empty or oversized message or bad lengths.
    """

    def __init__(
        self,
        message: bytes,
        max_fragment_len: int,
        min_fragment_len: int = 10,
        first_seq_num: int = 0,
    ) -> None:
        if not message or len(message) > MAX_MESSAGE_LEN:
            raise invalid(CODE, f"message of {len(message)} bytes", _MESSAGE)
        if not 0 <= first_seq_num <= _U32:
            raise invalid(CODE, f"first_seq_num {first_seq_num} out of range", _MESSAGE)
        self.message_len = len(message)
        self.checksum = crc32(message)
        self.fragment_len = find_nominal_fragment_length(
            len(message), min_fragment_len, max_fragment_len
        )
        self.fragments = partition_message(bytes(message), self.fragment_len)
        if len(self.fragments) > MAX_FRAGMENTS:
            raise invalid(CODE, f"{len(self.fragments)} fragments; use longer ones", _MESSAGE)
        self.seq_num = first_seq_num

    @property
    def seq_len(self) -> int:
        """Number of fragments."""
        return len(self.fragments)

    @property
    def is_single_part(self) -> bool:
        """True when the whole message fits in one fragment."""
        return self.seq_len == 1

    @property
    def is_complete(self) -> bool:
        """True once every simple part has been produced (from part 1 on)."""
        return self.seq_num >= self.seq_len

    def next_part(self) -> FountainPart:
        """Produce the next part (``seq_num`` wraps after 2**32 - 1, skipping 0)."""
        self.seq_num = (self.seq_num + 1) & _U32 or 1
        indexes = choose_fragments(self.seq_num, self.seq_len, self.checksum)
        acc = 0
        for i in indexes:
            acc ^= int.from_bytes(self.fragments[i], "big")
        data = acc.to_bytes(self.fragment_len, "big")
        return FountainPart(self.seq_num, self.seq_len, self.message_len, self.checksum, data)


class FountainDecoder:
    """Reassemble a message from parts received in any order, with losses and repeats.

    Rows of a GF(2) system are kept in reduced echelon form: ``_rows[p]`` is
    ``[mask, data]`` where bit ``p`` (the pivot) is set in ``mask`` and no other
    row's pivot is. Fragment data are held as big ints so a XOR is one operation.

    A part of a different message (other ``seq_len``, ``message_len``,
    ``checksum`` or fragment length) starts the decoder over on that message:
    the sender switched tokens.
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Forget everything received."""
        self._expect: tuple[int, int, int, int] | None = None
        self._rows: dict[int, list[int]] = {}
        self._pivots = 0
        self._result: bytes | None = None
        self.parts_processed = 0

    @property
    def expected_part_count(self) -> int:
        """``seq_len`` of the message being decoded (0 before the first part)."""
        return self._expect[0] if self._expect else 0

    @property
    def is_complete(self) -> bool:
        """True once the message is reassembled and its checksum verified."""
        return self._result is not None

    @property
    def result(self) -> bytes | None:
        """The reassembled message, or None while incomplete."""
        return self._result

    @property
    def progress(self) -> float:
        """Rank of the received parts over ``seq_len``: 0..1, 1.0 exactly when complete.

        Equals the fraction of fragments known while only simple parts arrive;
        mixed parts count as soon as they are independent of what is known,
        since each one pins down one more fragment once the rest arrives.
        """
        if self._result is not None:
            return 1.0
        if not self._expect:
            return 0.0
        return len(self._rows) / self._expect[0]

    @property
    def fragments_known(self) -> int:
        """How many fragments are individually solved so far."""
        if self._result is not None:
            return self._expect[0] if self._expect else 0
        return sum(1 for mask, _ in self._rows.values() if mask & (mask - 1) == 0)

    def receive_part(self, part: FountainPart) -> bool:
        """Feed one part.

        Returns:
            True if the part brought new information (or started a new message),
            False if it was redundant or the decoder is already complete.

        Raises:
            ValidationError: ``ur.invalid`` when the reassembled message fails its
                checksum; the decoder is then reset.
        """
        if self._result is not None:
            return False
        key = (part.seq_len, part.message_len, part.checksum, len(part.data))
        started = False
        if self._expect != key:
            self.reset()
            self._expect = key
            started = True
        self.parts_processed += 1
        indexes = choose_fragments(part.seq_num, part.seq_len, part.checksum)
        mask = 0
        for i in indexes:
            mask |= 1 << i
        added = self._insert(mask, int.from_bytes(part.data, "big"))
        if len(self._rows) == part.seq_len:
            self._finish()
        return added or started

    def _insert(self, mask: int, data: int) -> bool:
        # Eliminate every known pivot from the new row. Rows hold no other row's pivot,
        # so XORing one in cannot bring a pivot back.
        hits = mask & self._pivots
        while hits:
            low = hits & -hits
            row = self._rows[low.bit_length() - 1]
            mask ^= row[0]
            data ^= row[1]
            hits ^= low
        if not mask:
            return False
        low = mask & -mask
        for row in self._rows.values():
            if row[0] & low:
                row[0] ^= mask
                row[1] ^= data
        self._rows[low.bit_length() - 1] = [mask, data]
        self._pivots |= low
        return True

    def _finish(self) -> None:
        if self._expect is None:
            return
        seq_len, message_len, checksum, fragment_len = self._expect
        # Full rank in reduced form: every row is a single fragment, keyed by its index.
        message = join_fragments(
            [self._rows[i][1].to_bytes(fragment_len, "big") for i in range(seq_len)],
            message_len,
        )
        if crc32(message) != checksum:
            self.reset()
            raise invalid(CODE, "reassembled message fails its checksum", _CORRUPT)
        self._result = message
