"""Commands that only read protocol data: ``token decode`` and ``request decode``."""

from __future__ import annotations

import argparse
from typing import Any

from pos_app.cli.args import read_arg


def register(sub: Any, common: argparse.ArgumentParser) -> None:
    """Add the ``token`` and ``request`` command groups."""
    token = sub.add_parser("token", help="inspect Cashu tokens", parents=[common])
    token_sub = token.add_subparsers(dest="token_command", metavar="COMMAND")
    decode = token_sub.add_parser("decode", help="show what a token holds", parents=[common])
    decode.add_argument("token", help="the token text (or crawB bytes), - for stdin, or @FILE")
    decode.set_defaults(handler=token_decode)

    request = sub.add_parser("request", help="inspect payment requests", parents=[common])
    request_sub = request.add_subparsers(dest="request_command", metavar="COMMAND")
    rdecode = request_sub.add_parser("decode", help="show a creqA/creqb1 request", parents=[common])
    rdecode.add_argument("request", help="the request text, - for stdin, or @FILE")
    rdecode.set_defaults(handler=request_decode)


def token_decode(args: argparse.Namespace) -> dict[str, Any]:
    """Decode a V3/V4 token (text, ``cashu:`` URI or raw ``crawB``) without contacting its mint."""
    from pos_app.core.cashu.tokens import parse_token, token_version

    data = read_arg(args.token, "token")
    token = parse_token(data)
    return {
        "version": token_version(data),
        "mint": token.mint,
        "unit": token.unit,
        "amount": token.amount,
        "memo": token.memo,
        "proofs": len(token.proofs),
        "keysets": list(token.keyset_ids),
        "has_dleq": token.has_dleq,
    }


def request_decode(args: argparse.Namespace) -> dict[str, Any]:
    """Decode a NUT-18 or NUT-26 payment request."""
    from pos_app.core.cashu.requests import parse_payment_request

    data = read_arg(args.request, "request")
    text = data.decode("utf-8", errors="replace") if isinstance(data, bytes) else data
    return parse_payment_request(text.strip()).to_dict()
