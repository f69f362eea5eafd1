"""The text of a URL before it is parsed: what every URL check refuses first."""

from __future__ import annotations


def has_blank_or_control(url: str) -> bool:
    r"""Whether ``url`` holds a space, tab, line break or other control character.

    ``urlsplit`` silently drops tabs and line breaks before parsing, so ``"h\rttps://..."``
    parses as https while the text itself, the one that is kept and used, is no URL; and
    it keeps a space inside a host name ("pay .example") that no request can reach.
    """
    return any(ch.isspace() or not ch.isprintable() for ch in url)
