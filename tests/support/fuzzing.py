"""Hypothesis strategies that damage real data: the seeds of every parser fuzz test.

Random input mostly stops at a parser's first check; damaged real data (one to
four edits to a valid token, answer or body) reaches the checks behind it.
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

B64_CHARS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_+/="
NOISE = st.one_of(st.sampled_from(B64_CHARS), st.characters())


@st.composite
def mutated_text(draw: st.DrawFn, seeds: list[str]) -> str:
    """A seed string with one to four character-level edits."""
    text = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "case", "dup"]))
        i = draw(st.integers(0, max(len(text) - 1, 0)))
        if op == "flip" and text:
            text = text[:i] + draw(NOISE) + text[i + 1 :]
        elif op == "insert":
            text = text[:i] + draw(NOISE) + text[i:]
        elif op == "delete":
            text = text[:i] + text[i + 1 :]
        elif op == "truncate":
            text = text[:i]
        elif op == "case":
            text = text[:i] + text[i:].swapcase()
        else:
            j = draw(st.integers(i, len(text)))
            text = text[:j] + text[i:j] + text[j:]
    return text


@st.composite
def mutated_bytes(draw: st.DrawFn, seeds: list[bytes]) -> bytes:
    """A seed byte string with one to four byte-level edits."""
    data = bytearray(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 4))):
        op = draw(st.sampled_from(["flip", "insert", "delete", "truncate", "bit"]))
        i = draw(st.integers(0, max(len(data) - 1, 0)))
        if op == "flip" and data:
            data[i] = draw(st.integers(0, 255))
        elif op == "bit" and data:
            data[i] ^= 1 << draw(st.integers(0, 7))
        elif op == "insert":
            data[i:i] = draw(st.binary(min_size=1, max_size=4))
        elif op == "delete":
            del data[i : i + draw(st.integers(1, 4))]
        elif op == "truncate":
            del data[i:]
    return bytes(data)


def _copy(obj: Any) -> Any:
    # copy.deepcopy cannot copy cbor2.undefined.
    if isinstance(obj, dict):
        return {k: _copy(v) for k, v in obj.items()}
    if isinstance(obj, list):
        return [_copy(v) for v in obj]
    return obj


def _slots(obj: Any, out: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    if isinstance(obj, dict):
        for key, value in obj.items():
            out.append((obj, key))
            _slots(value, out)
    elif isinstance(obj, list):
        for index, value in enumerate(obj):
            out.append((obj, index))
            _slots(value, out)
    return out


@st.composite
def mutated_tree(
    draw: st.DrawFn, seeds: list[Any], values: st.SearchStrategy[Any], *, json_safe: bool = False
) -> Any:
    """A decoded seed with one to three values replaced, deleted or retyped."""
    obj = _copy(draw(st.sampled_from(seeds)))
    for _ in range(draw(st.integers(1, 3))):
        slots = _slots(obj, [])
        if not slots:
            break
        parent, key = draw(st.sampled_from(slots))
        op = draw(st.sampled_from(["replace", "delete", "retype", "wrap"]))
        if op == "delete":
            del parent[key]
        elif op == "wrap":
            parent[key] = [parent[key]]
        elif op == "retype":
            value = parent[key]
            if isinstance(value, str):
                parent[key] = [value] if json_safe else value.encode()
            elif isinstance(value, bytes):
                parent[key] = value.hex()
            elif isinstance(value, bool):
                parent[key] = int(value)
            elif isinstance(value, int):
                parent[key] = str(value)
            else:
                parent[key] = draw(values)
        else:
            parent[key] = draw(values)
    return obj
