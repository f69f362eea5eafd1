"""A token a customer offers: its text, read once, and kept once, whatever happens next.

The checkout and the wallet receive the same value from every face: the text as
scanned, pasted, read from a file or posted to the API, its parse (a token or the
reason it is not one) and where it came from. The text is stored before anything
can spend or lose it (docs/architecture.md section 3): :meth:`OfferedToken.store`
inside a transaction that does more (one disk flush), :meth:`OfferedToken.keep` on
its own when nothing else is written, and never twice.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy.orm import Session

from pos_app.core.cashu.models import Token
from pos_app.core.cashu.tokens import parse_token
from pos_app.core.errors import PosError
from pos_app.core.wallet import journal
from pos_app.core.wallet.context import WalletContext


@dataclass(slots=True)
class OfferedToken:
    """One offered token.

    Attributes:
        text: exactly what was offered.
        source: where it came from: ``scan``, ``paste``, ``file``, ``api``, ``nut18-post``
            (a wallet posted it to the request's API route) or ``cli``.
        token: ``text`` parsed, or None when it is not a token.
        error: why ``text`` is not a token (None when it is).
        token_id: its stored ``received_tokens`` row, once stored.
    """

    text: str
    source: str
    token: Token | None
    error: PosError | None
    token_id: int | None = field(default=None)

    @classmethod
    def read(cls, text: str, source: str) -> OfferedToken:
        """Parse ``text`` once; a text that is no token is still an offer, refused later."""
        try:
            return cls(text, source, parse_token(text), None)
        except PosError as exc:
            return cls(text, source, None, exc)

    def parsed(self) -> Token:
        """The token.

        Raises:
            PosError: why the text is not a token (``token.invalid``...).
        """
        if self.token is None:
            assert self.error is not None  # read() sets one of the two
            raise self.error
        return self.token

    def store(self, session: Session) -> int:
        """Its row id, stored in ``session``'s transaction if not stored yet.

        The caller records the id in :attr:`token_id` once that transaction committed
        (:meth:`stored`): a rolled-back row must not count as kept.
        """
        if self.token_id is not None:
            return self.token_id
        return journal.store_received(session, self.text, self.source, self.token)

    def stored(self, token_id: int) -> None:
        """Record the row that a committed transaction stored (see :meth:`store`)."""
        self.token_id = token_id

    async def keep(self, ctx: WalletContext) -> int:
        """Store it now, in a transaction of its own, unless it is stored already."""
        if self.token_id is None:
            self.token_id = await ctx.db.run(self.store)
        return self.token_id
