"""Turn the texts read from QR codes, frame after frame, into scan events.

Pure logic (no Qt, no camera): the decode loop feeds each frame's texts to a
:class:`ScanAssembler` and acts on the events it returns:

- :class:`Progress` while an animated ``ur:bytes`` QR code is being collected;
- :class:`Complete` when a token (``kind="token"``) or a payment request
  (``kind="request"``, scanned by mistake) has been read, statically or as a
  finished UR;
- :class:`NotAToken` for a readable QR code that is something else (a
  Lightning invoice, a Bitcoin address, a web link...);
- :class:`Invalid` for a UR code that cannot be decoded.

A camera reads the same code many times a second, so a static code (or a
single-part UR) repeated within ``dedupe_seconds`` of its last sighting is
ignored; the window restarts each time the code is seen, so a code held in
front of the camera fires once. A different code seen in between ends the
suppression (A, B, A gives three events). Repeated UR parts are ignored by the
UR decoder; parts of an animated code already completed keep being ignored
while the wallet goes on showing it. A part of another UR message starts over
on that message. After a completion the assembler is ready for the next token.
"""

from __future__ import annotations

import re
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Literal
from urllib.parse import parse_qsl, unquote, urlsplit

from pos_app.core.cashu import bytewords
from pos_app.core.cashu.fountain import FountainPart
from pos_app.core.cashu.tokens import MSG_NOT_CASHU, MSG_UNSUPPORTED, strip_scheme
from pos_app.core.cashu.ur import URDecoder, looks_like_ur
from pos_app.core.errors import ValidationError

Kind = Literal["token", "request"]

DEFAULT_DEDUPE_SECONDS = 3.0

MSG_LIGHTNING_INVOICE = "This is a Lightning invoice, not ecash."
MSG_LIGHTNING_OFFER = "This is a Lightning offer, not ecash."
MSG_LNURL = "This is an LNURL code, not ecash."
MSG_LIGHTNING_ADDRESS = "This is a Lightning address, not ecash."
MSG_BITCOIN = "This is a Bitcoin address, not ecash."
MSG_LINK = "This is a web link, not ecash."
MSG_NOSTR = "This is a Nostr code, not ecash."
MSG_EMPTY = "This QR code is empty."
MSG_UNSUPPORTED_TOKEN = MSG_UNSUPPORTED
MSG_NOT_TOKEN = MSG_NOT_CASHU
MSG_OTHER_UR = "This QR code holds another kind of data, not ecash."


@dataclass(frozen=True, slots=True)
class Progress:
    """An animated QR code is being collected.

    Attributes:
        fraction: 0..1, how much of the message is known.
        parts_seen: distinct useful parts received for this message so far.
    """

    fraction: float
    parts_seen: int


@dataclass(frozen=True, slots=True)
class Complete:
    """A token or a payment request was read.

    Attributes:
        text: the token (``cashuA…``/``cashuB…``) or request (``creqA…``/``creqb1…``),
            without a URI scheme or surrounding blanks.
        kind: ``"token"`` or ``"request"``.
    """

    text: str
    kind: Kind


@dataclass(frozen=True, slots=True)
class NotAToken:
    """A readable QR code that is not Cashu ecash; ``message`` says what it is."""

    message: str


@dataclass(frozen=True, slots=True)
class Invalid:
    """A UR code that failed to decode; ``message`` is for the cashier."""

    message: str


ScanEvent = Progress | Complete | NotAToken | Invalid

# -- classification of one text ----------------------------------------------------

_INVOICE = re.compile(r"\Aln(?:bcrt|bc|tbs|tb|sb)[0-9]*[munp]?1[02-9ac-hj-np-z]{6,}\Z", re.I)
_OFFER = re.compile(r"\Alno1[02-9ac-hj-np-z]{6,}\Z", re.I)
_LNURL = re.compile(r"\Alnurl1[02-9ac-hj-np-z]{6,}\Z", re.I)
_LIGHTNING_ADDRESS = re.compile(r"\A[a-z0-9._+-]{1,64}@[a-z0-9-]+(?:\.[a-z0-9-]+)+\Z", re.I)
_SEGWIT = re.compile(r"\A(?:bc|tb|bcrt)1[02-9ac-hj-np-z]{8,87}\Z", re.I)
_BASE58 = re.compile(r"\A[123mn][1-9A-HJ-NP-Za-km-z]{25,34}\Z")
_NOSTR = re.compile(r"\A(?:npub|nprofile|nevent|note|naddr|nsec)1[02-9ac-hj-np-z]{6,}\Z", re.I)


def classify(text: str) -> Complete | NotAToken:
    """What a scanned text is: a token, a payment request, or something else.

    Accepted tokens: ``cashuA…``/``cashuB…`` with an optional ``cashu:``-style
    scheme (any case), or a wallet link carrying one in a ``token`` parameter.
    Requests: ``creqA…``, ``creqb1…`` (any case), with an optional ``cashu:``
    scheme, or in the ``creq`` parameter of a ``bitcoin:`` URI.

    Returns:
        :class:`Complete` for a token or request, else :class:`NotAToken` with a
        short message naming what was scanned.
    """
    text = text.strip()
    if not text:
        return NotAToken(MSG_EMPTY)
    body = strip_scheme(text)
    lowered = body.lower()
    if lowered.startswith("cashu") and len(body) > 6:
        if body[5] in "AB":
            return Complete(body, "token")
        return NotAToken(MSG_UNSUPPORTED_TOKEN)
    if lowered.startswith("creqa") or lowered.startswith("creqb1"):
        return Complete(body, "request")
    if lowered.startswith("bitcoin:"):
        creq = _query_value(body, "creq")
        if creq is not None and creq.lower().startswith(("creqa", "creqb1")):
            return Complete(creq, "request")
        if _query_value(body, "lightning") is not None:
            return NotAToken(MSG_LIGHTNING_INVOICE)
        return NotAToken(MSG_BITCOIN)
    if lowered.startswith(("http://", "https://")):
        token = _query_value(body, "token")
        if token is not None:
            found = classify(token)
            if isinstance(found, Complete) and found.kind == "token":
                return found
        return NotAToken(MSG_LINK)
    if lowered.startswith("lightning:"):
        body = body[len("lightning:") :]
    elif lowered.startswith("nostr:"):
        return NotAToken(MSG_NOSTR)
    for pattern, message in (
        (_INVOICE, MSG_LIGHTNING_INVOICE),
        (_OFFER, MSG_LIGHTNING_OFFER),
        (_LNURL, MSG_LNURL),
        (_LIGHTNING_ADDRESS, MSG_LIGHTNING_ADDRESS),
        (_SEGWIT, MSG_BITCOIN),
        (_BASE58, MSG_BITCOIN),
        (_NOSTR, MSG_NOSTR),
    ):
        if pattern.match(body):
            return NotAToken(message)
    return NotAToken(MSG_NOT_TOKEN)


def _query_value(uri: str, key: str) -> str | None:
    """A parameter of a URI's query or fragment (``#token=…`` links), case-insensitive key."""
    try:
        parts = urlsplit(uri)
    except ValueError:
        return None
    query = parts.query or uri.partition("?")[2]
    for section in (query, parts.fragment):
        for name, value in parse_qsl(section, keep_blank_values=True):
            if name.lower() == key:
                return unquote(value) if "%" in value else value
    return None


# -- the assembler -----------------------------------------------------------------


def _dedupe_key(text: str) -> str:
    """What counts as "the same code": the text; a UR in lower case; a non-bytes UR by type."""
    if not looks_like_ur(text):
        return text
    lowered = text.lower()
    ur_type = lowered[3:].split("/", 1)[0]
    return lowered if ur_type == "bytes" else f"ur:{ur_type}"


def _ur_identity(text: str) -> tuple[int, int, int] | None:
    """``(seq_len, message_len, checksum)`` of a multi-part UR part, None for single-part.

    Raises:
        ValidationError: ``ur.invalid`` for a malformed part.
    """
    components = text.strip().lower().split("/")
    if len(components) != 3:
        return None
    part = FountainPart.from_cbor(bytewords.decode(components[2]))
    return part.seq_len, part.message_len, part.checksum


class ScanAssembler:
    """Consume decoded QR texts and produce :data:`ScanEvent` values.

    Args:
        dedupe_seconds: a repeated static code is ignored until it has been out
            of sight this long (or a different code was seen).
        clock: monotonic seconds; injectable for tests.
    """

    def __init__(
        self,
        dedupe_seconds: float = DEFAULT_DEDUPE_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if dedupe_seconds < 0:
            raise ValueError("dedupe_seconds must not be negative")
        self.dedupe_seconds = dedupe_seconds
        self.clock = clock
        self._ur = URDecoder()
        self._recent: dict[str, float] = {}  # static code -> last sighting
        self._message: tuple[int, int, int] | None = None  # UR being collected
        self._parts_seen = 0
        self._done: tuple[int, int, int] | None = None  # UR completed last
        self._done_seen = 0.0
        self._last_invalid: tuple[str, float] | None = None

    def reset(self) -> None:
        """Forget everything: partial UR, completed codes and the dedupe memory."""
        self._ur.reset()
        self._recent.clear()
        self._message = None
        self._parts_seen = 0
        self._done = None
        self._last_invalid = None

    @property
    def collecting(self) -> bool:
        """True while an animated code is partly collected."""
        return self._message is not None

    @property
    def progress(self) -> float:
        """Progress of the animated code being collected (0 when none)."""
        return self._ur.progress if self._message is not None else 0.0

    def feed(self, text: str) -> list[ScanEvent]:
        """Feed the text of one QR code (a frame with one code)."""
        return self.feed_frame([text])

    def feed_frame(self, texts: Iterable[str]) -> list[ScanEvent]:
        """Feed every QR text read in one frame.

        Codes read together in one frame do not end each other's dedupe window,
        so two codes in view do not fire on every frame.

        Returns:
            The events, in order; usually none or one.
        """
        now = self.clock()
        frame = [t.strip() for t in texts if isinstance(t, str) and t.strip()]
        in_view = {_dedupe_key(t) for t in frame}
        self._prune(now)
        events: list[ScanEvent] = []
        for text in frame:
            if looks_like_ur(text):
                event = self._feed_ur(text, now, in_view)
            else:
                event = self._feed_static(text, now, in_view)
            if event is not None:
                events.append(event)
        return events

    # -- static codes --------------------------------------------------------------

    def _seen_recently(
        self, key: str, now: float, in_view: set[str], *, new_code: bool = True
    ) -> bool:
        """Dedupe check that also records the sighting.

        Args:
            key: the code's dedupe key.
            now: the clock reading for this frame.
            in_view: keys of every code read in this frame.
            new_code: whether a code not seen recently ends the other codes'
                suppression (not for damaged reads).
        """
        last = self._recent.get(key)
        self._recent[key] = now
        if last is not None and now - last < self.dedupe_seconds:
            return True
        if new_code:  # the codes out of view may fire again when they come back
            for other in [k for k in self._recent if k != key and k not in in_view]:
                del self._recent[other]
            self._done = None
        return False

    def _prune(self, now: float) -> None:
        for key in [k for k, t in self._recent.items() if now - t >= self.dedupe_seconds]:
            del self._recent[key]

    def _feed_static(self, text: str, now: float, in_view: set[str]) -> ScanEvent | None:
        if self._seen_recently(text, now, in_view):
            return None
        return classify(text)

    # -- UR codes ------------------------------------------------------------------

    def _feed_ur(self, text: str, now: float, in_view: set[str]) -> ScanEvent | None:
        key = _dedupe_key(text)
        if not key.startswith("ur:bytes/"):  # a PSBT, an account...: all parts are one code
            return None if self._seen_recently(key, now, in_view) else NotAToken(MSG_OTHER_UR)
        try:
            identity = _ur_identity(text)
        except ValidationError as exc:
            if self._seen_recently(key, now, in_view, new_code=False):
                return None
            return self._invalid(exc, now)
        if identity is None:
            if self._seen_recently(key, now, in_view):
                return None  # a single-part UR is a static code
        elif identity == self._done and now - self._done_seen < self.dedupe_seconds:
            self._done_seen = now  # the wallet still shows the code just read
            return None
        try:
            added = self._ur.receive_part(text)
        except ValidationError as exc:
            self._restart_if_dropped()
            return self._invalid(exc, now)
        if identity is not None and identity != self._message:
            self._message, self._parts_seen = identity, 0
        if added:
            self._parts_seen += 1
        if not self._ur.is_complete:
            return Progress(self._ur.progress, self._parts_seen) if added else None
        return self._finish(identity, now)

    def _invalid(self, exc: ValidationError, now: float) -> Invalid | None:
        """The cashier-facing event for a bad UR, once per window for the same message."""
        message = exc.user_message
        last = self._last_invalid
        self._last_invalid = (message, now)
        if last is not None and last[0] == message and now - last[1] < self.dedupe_seconds:
            return None
        return Invalid(message)

    def _restart_if_dropped(self) -> None:
        # URDecoder starts over after a reassembled message fails its checksum.
        if self._ur.expected_part_count == 0:
            self._message, self._parts_seen = None, 0

    def _finish(self, identity: tuple[int, int, int] | None, now: float) -> ScanEvent | None:
        try:
            result = self._ur.result_text or ""
        except ValidationError as exc:
            return self._invalid(exc, now)
        finally:
            self._ur.reset()
            self._message, self._parts_seen = None, 0
            if identity is not None:
                self._done, self._done_seen = identity, now
        return classify(result)
