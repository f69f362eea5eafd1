"""Amount splitting, input selection and blank-output counts (NUT-00, NUT-02, NUT-08).

- Denominations are powers of two; the canonical split of ``n`` is its binary decomposition,
  sorted ascending (outputs are sent ascending so the mint cannot tell payment from change).
- Input selection pays a per-input fee (NUT-02), so the fee is recomputed as inputs are added.
- Melt change (NUT-08): the wallet sends blank outputs; the mint fills some of them with the
  unused fee reserve as powers of two.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from typing import Protocol, TypeVar

from pos_app.core.cashu.models import MAX_AMOUNT
from pos_app.core.errors import ValidationError

#: Refuse to plan more outputs than this for one amount (a keyset missing large denominations
#: could otherwise ask for millions); mints cap requests far below it.
MAX_OUTPUTS = 10_000


class HasAmount(Protocol):
    """Anything with an ``amount`` (Proof, BlindedMessage, BlindSignature)."""

    @property
    def amount(self) -> int:
        """Face value in the keyset's unit."""
        ...


class ProofLike(HasAmount, Protocol):
    """A coin as selection sees it: an amount and a keyset id."""

    @property
    def id(self) -> str:
        """Keyset id."""
        ...


P = TypeVar("P", bound=ProofLike)


def _amount(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value < MAX_AMOUNT:
        raise ValidationError(
            "amount.invalid", "The amount is not valid.", f"{what}: {value!r} is not in [0, 2**64)"
        )
    return value


def split_amount(n: int) -> list[int]:
    """The powers of two summing to ``n``, ascending (``13 -> [1, 4, 8]``, ``0 -> []``)."""
    n = _amount(n, "amount")
    return [1 << i for i in range(n.bit_length()) if n >> i & 1]


def split_with_keyset(
    n: int, available_amounts: Iterable[int], max_outputs: int = MAX_OUTPUTS
) -> list[int]:
    """Split ``n`` into the fewest denominations the keyset has, ascending.

    Largest-first is optimal here because every denomination divides the next larger one.
    Amounts above the keyset's largest key repeat that key.

    Raises:
        ValidationError: ``amount.invalid`` for a bad amount or denomination,
            ``amount.unrepresentable`` when the keyset cannot make ``n`` (e.g. no key for 1
            and ``n`` odd) or would need more than ``max_outputs`` outputs.
    """
    n = _amount(n, "amount")
    denominations = sorted({_amount(a, "denomination") for a in available_amounts}, reverse=True)
    for d in denominations:
        if d == 0 or d & (d - 1):
            raise ValidationError(
                "amount.invalid", "The keyset is not valid.", f"{d} is not a power of two"
            )
    counts: list[tuple[int, int]] = []
    rest = n
    for d in denominations:
        if rest >= d:
            counts.append((d, rest // d))
            rest %= d
    if rest:
        raise ValidationError(
            "amount.unrepresentable",
            "This amount cannot be made from the mint's coin sizes.",
            f"{n} leaves {rest} with denominations {sorted(denominations)}",
        )
    if sum(c for _, c in counts) > max_outputs:
        raise ValidationError(
            "amount.unrepresentable",
            "This amount needs too many coins at this mint.",
            f"{n} needs more than {max_outputs} outputs",
        )
    return [d for d, c in reversed(counts) for _ in range(c)]


def total_amount(items: Iterable[HasAmount]) -> int:
    """Sum of the items' amounts."""
    return sum(item.amount for item in items)


def amounts_by_keyset(proofs: Iterable[ProofLike]) -> dict[str, int]:
    """Total amount per keyset id."""
    out: dict[str, int] = {}
    for p in proofs:
        out[p.id] = out.get(p.id, 0) + p.amount
    return out


def _fee(ppk_sum: int) -> int:
    return (ppk_sum + 999) // 1000


def select_proofs(
    proofs: Iterable[P],
    target: int,
    fee_by_keyset: Mapping[str, int],
    prefer_inactive: Iterable[str] = frozenset(),
) -> tuple[list[P], int]:
    """Choose inputs covering ``target`` plus their own input fee.

    Order: proofs of the keysets in ``prefer_inactive`` first (so old keysets are swapped away
    early), then the rest; largest amount first within each group. Inputs are added until
    ``sum >= target + input_fee(selected)``; proofs worth no more than their own fee are
    skipped. Then inputs from the other (active) keysets that turned out unnecessary are
    dropped, smallest first; inputs from preferred keysets are kept on purpose.

    Args:
        proofs: the spendable proofs.
        target: what must be paid after input fees (e.g. melt amount + fee reserve).
        fee_by_keyset: ``input_fee_ppk`` per keyset id.
        prefer_inactive: keyset ids to spend first (inactive or soon expiring).

    Returns:
        ``(selected, fee)`` where ``fee`` is the input fee of ``selected``.

    Raises:
        ValidationError: ``wallet.insufficient_funds`` when the proofs cannot cover it,
            ``keyset.unknown`` when a considered proof's keyset has no fee entry,
            ``amount.invalid`` for a bad target.
    """
    target = _amount(target, "target")
    if target == 0:
        return [], 0
    preferred = frozenset(prefer_inactive)
    selected: list[P] = []
    ppks: list[int] = []
    total = ppk_sum = 0
    for p in _largest_first(proofs, preferred):
        ppk = _ppk(fee_by_keyset, p.id)
        if p.amount * 1000 <= ppk:
            continue
        selected.append(p)
        ppks.append(ppk)
        total += p.amount
        ppk_sum += ppk
        if total >= target + _fee(ppk_sum):
            break
    else:
        raise ValidationError(
            "wallet.insufficient_funds",
            "Not enough ecash to cover this amount and its fees.",
            f"need {target} + {_fee(ppk_sum)} fee, have {total} usable",
            data={"target": target, "available": total, "fee": _fee(ppk_sum)},
        )

    dropped: set[int] = set()
    droppable = sorted(
        (i for i, p in enumerate(selected) if p.id not in preferred),
        key=lambda i: selected[i].amount,
    )
    for i in droppable:
        amount = selected[i].amount
        if total - amount >= target + _fee(ppk_sum - ppks[i]):
            dropped.add(i)
            total -= amount
            ppk_sum -= ppks[i]
    if dropped:
        selected = [p for i, p in enumerate(selected) if i not in dropped]
    return selected, _fee(ppk_sum)


def _largest_first(proofs: Iterable[P], preferred: frozenset[str]) -> Iterator[P]:
    """Preferred keysets first, then the rest; each largest amount first."""
    # Bucketing by amount (at most 64 distinct) is cheaper than sorting 100k proofs.
    groups: tuple[dict[int, list[P]], dict[int, list[P]]] = ({}, {})
    for p in proofs:
        groups[0 if p.id in preferred else 1].setdefault(p.amount, []).append(p)
    for group in groups:
        for amount in sorted(group, reverse=True):
            yield from group[amount]


def _ppk(fee_by_keyset: Mapping[str, int], keyset_id: str) -> int:
    try:
        return fee_by_keyset[keyset_id]
    except KeyError:
        raise ValidationError(
            "keyset.unknown",
            "A coin uses a keyset the mint does not list.",
            f"no fee known for keyset {keyset_id}",
        ) from None


def blank_output_count(fee_reserve: int) -> int:
    """NUT-08 blank outputs for a fee reserve: 0 if 0, else ``max(ceil(log2(fee_reserve)), 1)``."""
    fee_reserve = _amount(fee_reserve, "fee_reserve")
    if fee_reserve == 0:
        return 0
    return max((fee_reserve - 1).bit_length(), 1)  # (x - 1).bit_length() == ceil(log2(x))


def blank_outputs_for_overshoot(
    inputs_total: int, amount: int, input_fee: int, fee_reserve: int
) -> int:
    """Blank outputs so the mint can return *all* surplus of a melt, not just the fee reserve.

    The surplus ``inputs_total − amount − input_fee`` is the most the mint can hand back; ``b``
    blanks carry any value below ``2**b``, so ``surplus.bit_length()`` blanks suffice (never
    fewer than :func:`blank_output_count`).

    Raises:
        ValidationError: ``wallet.insufficient_funds`` when the inputs do not cover
            ``amount + input_fee + fee_reserve``.
    """
    inputs_total = _amount(inputs_total, "inputs_total")
    surplus = inputs_total - _amount(amount, "amount") - _amount(input_fee, "input_fee")
    if surplus < _amount(fee_reserve, "fee_reserve"):
        raise ValidationError(
            "wallet.insufficient_funds",
            "Not enough ecash to cover this payment and its fees.",
            f"inputs {inputs_total} < amount {amount} + input fee {input_fee} + "
            f"fee reserve {fee_reserve}",
        )
    return max(surplus.bit_length(), blank_output_count(fee_reserve))
