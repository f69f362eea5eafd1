"""Mutation testing of the money code with mutmut 3: ``make mutation`` (tools/mutation.py).

Each money module is mutated on its own, in a copy of the project under
``build/mutation/<module>/`` (mutmut writes its mutants into ``mutants/`` there), so
the working tree never holds mutated code. Each module runs only the test files in
:data:`MODULES`: the fast tests that cover it. Modules covered only by tests that
start a mint are slow (minutes per module on two cores): select modules by name
to run a few at a time.

    python tools/mutation.py                       # every module, one after another
    python tools/mutation.py store.keys payments.policy
    python tools/mutation.py --list                # modules and their test files
    python tools/mutation.py --max-children 2 wallet.coins
    python tools/mutation.py payments.settlement --recheck   # survivors only, new tests
    python tools/mutation.py wallet.receive --only '*x__check_locks__*'   # a subset

For each module it prints the score (mutants killed, timeouts counting as killed,
over all mutants less the known equivalent ones) and every surviving mutant with
its diff. A mutant that is "not covered" was reached by none of the module's test
files: it counts as a survivor. ``build/mutation/summary.json`` keeps the figures.

Limits: mutmut records which test reaches a function in the test process only, so
code run solely by ``pos-app`` subprocesses (``Cli.run``) is not credited to any
test here. An equivalent mutant (same behaviour, so no test can kill it) goes in
:data:`EQUIVALENT` with the reason; mutant names are numbered per function and
shift when that function changes, so the tool reports entries that no longer match.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORK = ROOT / "build" / "mutation"
# ``python -m mutmut`` rather than the venv's ``mutmut`` script: a venv copied or moved
# elsewhere keeps a script whose shebang names the old interpreter, which fails to start.
MUTMUT = [sys.executable, "-m", "mutmut"]

# module (under pos_app/core) -> the fast test files that cover it
MODULES: dict[str, list[str]] = {
    "store.keys": [
        "tests/unit/test_keys.py",
        "tests/unit/test_store.py",
        "tests/unit/test_keyring_refusal.py",
    ],
    "payments.policy": ["tests/unit/test_policy.py"],
    "wallet.coins": ["tests/unit/test_coins.py"],
    "cashu.keysets": [
        "tests/unit/test_keyset_errors.py",
        "tests/unit/test_keysets.py",
        "tests/unit/test_amounts.py",
    ],
    "payments.settlement": ["tests/unit/test_settlement.py"],
    "payments.refund_lines": [
        "tests/unit/test_refund_lines_rule.py",
        "tests/unit/test_refund_lines_fake_mint.py",
    ],
    "cashu.crypto": [
        "tests/unit/test_crypto_errors.py",
        "tests/unit/test_crypto.py",
        "tests/unit/test_nut13.py",
        "tests/unit/test_p2pk.py",
    ],
    # Not test_parsers_fuzz.py: its hypothesis runs made a run take 21 minutes; the
    # refusal table in test_token_errors.py checks the same boundaries deterministically.
    "cashu.tokens": ["tests/unit/test_tokens.py", "tests/unit/test_token_errors.py"],
    "payments.lnurl": ["tests/unit/test_lnurl.py"],
    # Against the in-process fake mint (tests/support/fakemint.py).
    "wallet.send": ["tests/unit/test_send_fake_mint.py", "tests/unit/test_bulk_fake_mint.py"],
    # the checkout melts customers' tokens: the received token's side of a melt
    "wallet.melt": ["tests/unit/test_melt_fake_mint.py", "tests/unit/test_checkout_fake_mint.py"],
    "payments.checkout": [
        "tests/unit/test_checkout_fake_mint.py",
        "tests/unit/test_convert_untrusted_fake_mint.py",
    ],
    "payments.crossmint": ["tests/unit/test_convert_untrusted_fake_mint.py"],
    "wallet.minting": ["tests/unit/test_convert_untrusted_fake_mint.py"],
    "wallet.sweep": ["tests/unit/test_sweep_fake_mint.py"],
    "payments.withdraw": [
        "tests/unit/test_withdraw_fake_mint.py",
        "tests/unit/test_withdraw_rounds_fake_mint.py",
        "tests/unit/test_withdraw_rules.py",
    ],
    "wallet.receive": [
        "tests/unit/test_receive_fake_mint.py",
        "tests/unit/test_receive_parts.py",
        # a reclaim is a receive that names the export it takes back
        "tests/unit/test_exports_fake_mint.py",
    ],
    "wallet.recovery": [
        "tests/unit/test_recovery_fake_mint.py",
        "tests/unit/test_retry_policy.py",
    ],
    "webhooks.signing": ["tests/unit/test_webhook_signing.py"],
    "webhooks.backoff": ["tests/unit/test_webhook_signing.py"],
    "webhooks.urls": ["tests/unit/test_webhook_signing.py"],
    "webhooks.outbox": ["tests/unit/test_webhook_outbox.py"],
    "schedule": ["tests/unit/test_schedule.py"],
    "services.export_schedule": ["tests/unit/test_export_schedule.py"],
}

# Reasons shared by several equivalent mutants.
_BIG = 'int.from_bytes without "big": big-endian is the default since Python 3.11'
_CODEC = 'codec names are case-insensitive ("ASCII", "UTF-8")'
_ONE_DOT = "every event type has exactly one dot: split, rsplit and any maxsplit agree"
_ADDRESSES_ONLY = (
    "getaddrinfo's port and socket type change only the sockaddr's port and duplicates; "
    "the check reads the addresses"
)
_COMPRESSED = "format(compressed=None): None is falsy, the same uncompressed encoding"
_UNREACHABLE = "after 2**16 (hash_to_curve) or 256 (nonce) failed tries: a chance below 2**-200"
_SWALLOWED = "the name of a bad input in an error that the verify function turns into False"
_HAS_DLEQ = "getattr without a default: Proof and BlindSignature always have a dleq field"
_NEXT_FOUND = (
    "Schedule.next returns within 8 days (every schedule has a weekday, which recurs each "
    "week; one more day for a slot a DST gap moved): a longer search and the closing raise "
    "are never reached"
)
_ALL_SETTINGS = "reading every setting instead of the four it uses: the same four values"
_DLEQ_EDGE = (
    "the verify functions turn the ValueError coincurve raises for a zero or out-of-range "
    "scalar, and a failed hash comparison, into the same False"
)
_NONCE_EDGE = "a SHA-256 nonce of exactly 0, 1 or N, or a 257th try: a chance below 2**-200"
_TEXT_STANDIN = (
    'is_utf8_safe checks "XXXX" instead of "" for a missing memo or witness: both encode'
)
_REWRAPPED = "the code a field check raises with: tokens' rewrap() replaces it with token.invalid"
_REDUMP = (
    "except branch for a V3 witness object json.dumps cannot write back: json.loads made it, "
    "so its keys are text and its values JSON, and loads hits the recursion limit before "
    "dumps does (measured: nesting of 988+ levels fails in loads)"
)

_CPU_SIZE = "WalletContext.cpu ignores its size argument (kept for the callers' record)"
_SAME_KEYSET = (
    "only decides whether the outputs' keyset is read again from the store: callers pass "
    "that keyset with its keys (execute_receive) or none (recovery), the same verified keys"
)
_PARSED_ONCE = (
    "receive() parses and stores the token's facts up front only to spare planning a second "
    "parse and write: with the token (or text, source) withheld, plan_receive parses the "
    "stored text and writes the same facts itself"
)
_DEAD_MESSAGE = (
    "token.already_spent's user message after a restore found nothing: fail_operation keeps "
    "the error's detail (a non-empty constant), the message is never stored nor shown"
)
_SPARE_READ = (
    "execute_receive hands send_swap the inputs, mint URL and keyset it just journalled only "
    "to spare reads: without them send_swap reads the same from the committed row and store"
)
_AUX_RAND = (
    "aux_rand only picks which of the valid BIP-340 signatures is made; the mint checks "
    "validity, and every one is valid"
)
_ROW_STATE = (
    "a failed melt reported 'pending': _record reports the row's own state when the attempt "
    "closed the operation, and resolve_melt failed the row"
)
_R = "pos_app.core.wallet.receive."
_RECOVERY = "pos_app.core.wallet.recovery.xǁRecoveryǁ"

_CPU = "WalletContext.cpu ignores its size argument (kept for the callers' record of the work)"
_ALIGNED = (
    "unblind returns one proof and one counter per signature, and positions has one entry "
    "per signature: the three sequences always have the same length"
)
_UNSHOWN = (
    "the user message of this error is never shown: fail_operation records its detail "
    "(always set here), and the caller sees only the result's state and the code"
)
_RECODED = (
    "the code check_point gives its refusal is never seen: _check_lock re-raises it as "
    "send.invalid_lock with the same detail"
)
_EXPORT_DEFAULT = 'purpose None: the exports table defaults purpose to "export"'
_LINKED = (
    "the settlement links a payment without an operation to its token's newest operation "
    "(Settlement._link, in settle and recovering): the one queue_receive has just made"
)
_CAP_UNSHOWN = (
    "the message and detail of an offline cap refusal are never shown: _offline_ok catches "
    "it, logs its code and leaves the token to recovery"
)
_STEP_DEFAULT = 'step=None or left out: the operations table defaults step to "prepared"'
_OFFLINE_TWICE = (
    "offline=True is written twice in one flow: by update_payment, then kept by credit "
    "(offline or payment.offline); either write alone gives the same payment"
)
_SAME_TOKEN = "without the parsed token, plan_receive parses the same text into the same token"
_SAME_MINT = (
    "without the stored mint, plan_receive reads the same row itself (and finds the token's "
    "row already in the state its lookup writes)"
)
_IN_ORDER = (
    "indexes=None means index-aligned: the same as range(len(change)) for change in the answer"
)

# mutant name -> why no test can tell it from the original
EQUIVALENT: dict[str, str] = {
    _R + "x__add_untrusted__mutmut_3": (
        "Mint(trusted=None): the column's default applies, the row stores False"
    ),
    _R + "x__add_untrusted__mutmut_5": "Mint() without trusted: the column's default, False",
    _R + "x_complete_receive__mutmut_1": (
        "recovered's default: both callers (send_swap, Recovery) pass it"
    ),
    _R + "x_complete_receive__mutmut_2": _SAME_KEYSET,
    _R + "x_complete_receive__mutmut_5": _SAME_KEYSET,
    _R + "x_complete_receive__mutmut_6": _SAME_KEYSET,
    _R + "x_complete_receive__mutmut_16": _CPU_SIZE,
    _R + "x_execute_receive__mutmut_36": (
        "looking up a new operation id finds nothing, as not looking it up"
    ),
    _R + "x_execute_receive__mutmut_45": "Operation(attempts=None): the column's default, 0",
    _R + "x_execute_receive__mutmut_50": "Operation() without attempts: the column's default, 0",
    _R + "x_execute_receive__mutmut_126": _SPARE_READ,
    _R + "x_execute_receive__mutmut_127": _SPARE_READ,
    _R + "x_execute_receive__mutmut_128": _SPARE_READ,
    _R + "x_execute_receive__mutmut_134": "send_swap's first_attempt defaults to True",
    _R + "x_execute_receive__mutmut_135": _SPARE_READ,
    _R + "x_execute_receive__mutmut_136": _SPARE_READ,
    _R + "x_execute_receive__mutmut_137": _SPARE_READ,
    _R + "x__plan_checked__mutmut_1": "offline's default: its one caller, plan_receive, passes it",
    _R + "x__plan_checked__mutmut_43": (
        "the owner check after a sync: sync_keysets stored every keyset of the mapping for "
        "this mint and refuses one stored for another mint itself (keyset.foreign), so the "
        "check finds nothing; _check_keyset_owner is tested directly"
    ),
    _R + "x__plan_checked__mutmut_106": _CPU_SIZE,
    _R + "x__signed_inputs__mutmut_9": _AUX_RAND,
    _R + "x__signed_inputs__mutmut_15": _AUX_RAND,
    _R + "x_send_swap__mutmut_1": (
        "first_attempt's default: both callers (execute_receive, Recovery) pass it"
    ),
    _R + "x_send_swap__mutmut_2": "recovered's default: both callers pass it",
    _R + "x_send_swap__mutmut_86": _SAME_KEYSET,
    _R + "x_send_swap__mutmut_93": _SAME_KEYSET,
    _R + "x_receive__mutmut_3": _PARSED_ONCE,
    _R + "x_receive__mutmut_4": _PARSED_ONCE + " (parse_token(None) raises, caught)",
    _R + "x_receive__mutmut_10": _PARSED_ONCE,
    _R + "x_receive__mutmut_14": _PARSED_ONCE,
    _R + "x_receive__mutmut_17": _PARSED_ONCE,
    _R + "x_receive__mutmut_18": _PARSED_ONCE,
    _R + "x_receive__mutmut_20": _PARSED_ONCE,
    _R + "x_receive__mutmut_23": _PARSED_ONCE,
    _R + "x_receive__mutmut_25": _PARSED_ONCE,
    _RECOVERY + "_resolve_swap__mutmut_112": _DEAD_MESSAGE,
    _RECOVERY + "_resolve_swap__mutmut_115": _DEAD_MESSAGE,
    _RECOVERY + "_resolve_swap__mutmut_119": _DEAD_MESSAGE,
    _RECOVERY + "_resolve_swap__mutmut_120": _DEAD_MESSAGE,
    _RECOVERY + "_resolve_swap__mutmut_121": _DEAD_MESSAGE,
    _RECOVERY + "_resolve__mutmut_21": _ROW_STATE,
    _RECOVERY + "_resolve__mutmut_22": _ROW_STATE,
    _RECOVERY + "_resolve_swap__mutmut_65": "send_swap(first_attempt=None): as falsy as False",
    _RECOVERY + "_resolve_swap__mutmut_13": _CPU_SIZE,
    _RECOVERY + "_resolve_swap__mutmut_23": _CPU_SIZE,
    _RECOVERY + "_resolve_swap__mutmut_31": _CPU_SIZE,
    _RECOVERY + "_resolve_swap__mutmut_32": _CPU_SIZE,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_mint_down__mutmut_4": (
        "plan_receive reads the text only to parse or store it: the token and its row are given"
    ),
    "pos_app.core.payments.checkout.xǁCheckoutǁ_mint_down__mutmut_7": _SAME_TOKEN,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_mint_down__mutmut_13": _SAME_TOKEN,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_mint_down__mutmut_8": _SAME_MINT,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_mint_down__mutmut_14": _SAME_MINT,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_accept_offline__mutmut_5": _OFFLINE_TWICE,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_accept_offline__mutmut_7": _OFFLINE_TWICE,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_accept_offline__mutmut_11": _OFFLINE_TWICE,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_accept_offline__mutmut_15": _OFFLINE_TWICE,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_accept_offline__mutmut_16": _OFFLINE_TWICE,
    "pos_app.core.wallet.send.x__check_lock__mutmut_4": _RECODED,
    "pos_app.core.wallet.send.x__check_lock__mutmut_11": _RECODED,
    "pos_app.core.wallet.send.x__check_lock__mutmut_12": _RECODED,
    "pos_app.core.wallet.send.x__export_with_swap__mutmut_85": (
        'step=None: the operations table defaults step to "prepared"'
    ),
    "pos_app.core.wallet.send.x__export_with_swap__mutmut_101": "as x__export_with_swap__mutmut_85",
    "pos_app.core.wallet.send.x_complete_send__mutmut_95": _EXPORT_DEFAULT,
    "pos_app.core.wallet.send.x_complete_send__mutmut_97": _EXPORT_DEFAULT,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_mint_down__mutmut_54": _LINKED,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_mint_down__mutmut_56": _LINKED,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_mint_down__mutmut_70": _LINKED,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_mint_down__mutmut_72": _LINKED,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_check_offline_caps__mutmut_47": _CAP_UNSHOWN,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_check_offline_caps__mutmut_48": _CAP_UNSHOWN,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_check_offline_caps__mutmut_50": _CAP_UNSHOWN,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_check_offline_caps__mutmut_54": _CAP_UNSHOWN,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_check_offline_caps__mutmut_55": _CAP_UNSHOWN,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_check_offline_caps__mutmut_56": _CAP_UNSHOWN,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_check_offline_caps__mutmut_60": _CAP_UNSHOWN,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_check_offline_caps__mutmut_61": _CAP_UNSHOWN,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_check_offline_caps__mutmut_63": _CAP_UNSHOWN,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_check_offline_caps__mutmut_67": _CAP_UNSHOWN,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_check_offline_caps__mutmut_68": _CAP_UNSHOWN,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_check_offline_caps__mutmut_69": _CAP_UNSHOWN,
    "pos_app.core.wallet.melt.x_execute_melt__mutmut_94": _STEP_DEFAULT,
    "pos_app.core.wallet.melt.x_execute_melt__mutmut_112": _STEP_DEFAULT,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_check_offline_caps__mutmut_51": _CAP_UNSHOWN,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_check_offline_caps__mutmut_64": _CAP_UNSHOWN,
    "pos_app.core.payments.checkout.xǁCheckoutǁ_finish_melt__mutmut_11": (
        "a melt's result (state PAID) is written in the same transaction that makes it done "
        "or recovered (complete_melt): the two conditions are both true or both false"
    ),
    "pos_app.core.payments.checkout.xǁCheckoutǁ_finish_melt__mutmut_33": (
        "the result of a done melt always holds its change; paid_out is used only then"
    ),
    "pos_app.core.wallet.send.x__check_lock__mutmut_8": "check_point lowercases the hex itself",
    "pos_app.core.wallet.send.x__finish_files__mutmut_1": (
        '"" and None are both falsy: the result says None either way, and both are set when out is'
    ),
    "pos_app.core.wallet.send.x__export_with_swap__mutmut_21": "split_with_keyset(0, keys) is []",
    "pos_app.core.wallet.send.x__export_with_swap__mutmut_39": (
        "make_p2pk_secret draws its own 32 random bytes as the nonce when given none, as "
        "random_secret_pair does; the secret is journalled whole, never rebuilt from the nonce"
    ),
    "pos_app.core.wallet.send.x__export_with_swap__mutmut_41": "as x__export_with_swap__mutmut_39",
    "pos_app.core.wallet.send.x_complete_send__mutmut_11": _CPU,
    "pos_app.core.wallet.send.x_complete_send__mutmut_52": _ALIGNED,
    "pos_app.core.wallet.send.x_complete_send__mutmut_56": _ALIGNED,
    "pos_app.core.wallet.send.x_complete_send__mutmut_57": _ALIGNED,
    "pos_app.core.wallet.melt.x__release_if_unspent__mutmut_11": _CPU,
    "pos_app.core.wallet.melt.x__release_if_unspent__mutmut_27": _UNSHOWN,
    "pos_app.core.wallet.melt.x__release_if_unspent__mutmut_30": _UNSHOWN,
    "pos_app.core.wallet.melt.x__release_if_unspent__mutmut_34": _UNSHOWN,
    "pos_app.core.wallet.melt.x__release_if_unspent__mutmut_35": _UNSHOWN,
    "pos_app.core.wallet.melt.x__release_if_unspent__mutmut_36": _UNSHOWN,
    "pos_app.core.wallet.melt.x_complete_melt__mutmut_1": (
        "the default of recovered is never used: its one caller, settle_melt, always passes it"
    ),
    "pos_app.core.wallet.melt.x_complete_melt__mutmut_12": _CPU,
    "pos_app.core.wallet.melt.x_complete_melt__mutmut_49": _CPU,
    "pos_app.core.wallet.melt.x_complete_melt__mutmut_21": _IN_ORDER,
    "pos_app.core.wallet.melt.x_complete_melt__mutmut_36": (
        "counters stays empty only when no change proof is made: insert_proofs of no proofs "
        "never reads it"
    ),
    "pos_app.core.wallet.coins.x_balances__mutmut_12": (
        "join(Mint, None): SQLAlchemy joins along the one foreign key, proofs.mint_id"
    ),
    "pos_app.core.wallet.coins.x_balances__mutmut_14": "join(Mint): as above",
    "pos_app.core.wallet.coins.x_balances__mutmut_3": (
        "order_by without the unit: GROUP BY mint_id, unit already yields unit order in SQLite"
    ),
    "pos_app.core.wallet.coins.x_balances__mutmut_5": "as above",
    "pos_app.core.wallet.coins.x_exact_stored__mutmut_1": (
        "amount < 0 instead of <= 0: for 0 the general path also returns [] (nothing wanted, "
        "an empty IN query)"
    ),
    "pos_app.core.wallet.coins.x_select_coins__mutmut_26": (
        "short = None: the last select_proofs then runs on the same candidates and raises "
        "the same insufficient_funds"
    ),
    "pos_app.core.wallet.coins.x_select_coins__mutmut_30": (
        "select_coins' last select_proofs runs only when no coin was read: with no proofs it "
        "never looks up a fee nor a preferred keyset"
    ),
    "pos_app.core.wallet.coins.x_select_coins__mutmut_34": "as above",
    "pos_app.core.wallet.coins.x_select_coins__mutmut_35": "as above",
    "pos_app.core.cashu.crypto.x_verify_dleq_proof__mutmut_17": _SWALLOWED,
    "pos_app.core.cashu.crypto.x_verify_dleq_proof__mutmut_20": _SWALLOWED,
    "pos_app.core.cashu.crypto.x_verify_dleq_proof__mutmut_21": _SWALLOWED,
    "pos_app.core.cashu.crypto.x_verify_dleq_proof__mutmut_33": _SWALLOWED,
    "pos_app.core.cashu.crypto.x_verify_dleq_proof__mutmut_35": _SWALLOWED,
    "pos_app.core.cashu.crypto.x_verify_dleq_proof__mutmut_36": _SWALLOWED,
    "pos_app.core.cashu.crypto.x_verify_dleq_proof__mutmut_37": _SWALLOWED,
    "pos_app.core.cashu.crypto.x_verify_dleq_signature__mutmut_12": _SWALLOWED,
    "pos_app.core.cashu.crypto.x_verify_dleq_signature__mutmut_14": _SWALLOWED,
    "pos_app.core.cashu.crypto.x_verify_dleq_signature__mutmut_15": _SWALLOWED,
    "pos_app.core.cashu.crypto.x_verify_dleq_signature__mutmut_16": _SWALLOWED,
    "pos_app.core.cashu.crypto.x_verify_dleq_signature__mutmut_18": _SWALLOWED,
    "pos_app.core.cashu.crypto.x_verify_dleq_signature__mutmut_20": _SWALLOWED,
    "pos_app.core.cashu.crypto.x_verify_dleq_signature__mutmut_21": _SWALLOWED,
    "pos_app.core.cashu.crypto.x_verify_dleq_signature__mutmut_22": _SWALLOWED,
    "pos_app.core.cashu.crypto.x_verify_unblinded__mutmut_2": _SWALLOWED,
    "pos_app.core.cashu.crypto.x_verify_unblinded__mutmut_5": _SWALLOWED,
    "pos_app.core.cashu.crypto.x_verify_unblinded__mutmut_6": _SWALLOWED,
    "pos_app.core.cashu.crypto.x_verify_dleq_proof__mutmut_6": _HAS_DLEQ,
    "pos_app.core.cashu.crypto.x_verify_signature_dleq__mutmut_6": _HAS_DLEQ,
    "pos_app.core.cashu.crypto.x__dleq_holds__mutmut_2": _DLEQ_EDGE,
    "pos_app.core.cashu.crypto.x__dleq_holds__mutmut_16": _DLEQ_EDGE,
    "pos_app.core.cashu.crypto.x__dleq_holds__mutmut_18": _DLEQ_EDGE,
    "pos_app.core.cashu.crypto.x__dleq_holds__mutmut_20": _DLEQ_EDGE,
    "pos_app.core.cashu.crypto.x__dleq_holds__mutmut_21": _DLEQ_EDGE,
    "pos_app.core.cashu.crypto.x__dleq_holds__mutmut_28": _DLEQ_EDGE,
    "pos_app.core.cashu.crypto.x_derive_dleq_nonce__mutmut_12": _NONCE_EDGE,
    "pos_app.core.cashu.crypto.x_derive_dleq_nonce__mutmut_23": _NONCE_EDGE,
    "pos_app.core.cashu.crypto.x_derive_dleq_nonce__mutmut_24": _NONCE_EDGE,
    "pos_app.core.cashu.crypto.x_derive_dleq_nonce__mutmut_31": _NONCE_EDGE,
    "pos_app.core.cashu.crypto.x__b32__mutmut_4": _BIG,
    "pos_app.core.cashu.crypto.x__dleq_holds__mutmut_13": _BIG,
    "pos_app.core.cashu.crypto.x__dleq_holds__mutmut_25": _BIG,
    "pos_app.core.cashu.crypto.x__dleq_holds__mutmut_45": _COMPRESSED,
    "pos_app.core.cashu.crypto.x__dleq_holds__mutmut_47": _COMPRESSED,
    "pos_app.core.cashu.crypto.x__dleq_holds__mutmut_49": _COMPRESSED,
    "pos_app.core.cashu.crypto.x__dleq_holds__mutmut_58": _CODEC,
    "pos_app.core.cashu.crypto.x__scalar__mutmut_15": _BIG,
    "pos_app.core.cashu.crypto.x__utf8__mutmut_3": _CODEC,
    "pos_app.core.cashu.crypto.x_derive_dleq_nonce__mutmut_28": _BIG,
    "pos_app.core.cashu.crypto.x_derive_dleq_nonce__mutmut_32": _UNREACHABLE,
    "pos_app.core.cashu.crypto.x_derive_dleq_nonce__mutmut_33": _UNREACHABLE,
    "pos_app.core.cashu.crypto.x_derive_dleq_nonce__mutmut_34": _UNREACHABLE,
    "pos_app.core.cashu.crypto.x_derive_dleq_nonce__mutmut_35": _UNREACHABLE,
    "pos_app.core.cashu.crypto.x_derive_dleq_nonce__mutmut_36": _UNREACHABLE,
    "pos_app.core.cashu.crypto.x_derive_dleq_nonce__mutmut_37": _UNREACHABLE,
    "pos_app.core.cashu.crypto.x_derive_dleq_nonce__mutmut_38": _UNREACHABLE,
    "pos_app.core.cashu.crypto.x_derive_dleq_nonce__mutmut_39": _UNREACHABLE,
    "pos_app.core.cashu.crypto.x_derive_dleq_nonce__mutmut_40": _UNREACHABLE,
    "pos_app.core.cashu.crypto.x_derive_dleq_nonce__mutmut_5": _COMPRESSED,
    "pos_app.core.cashu.crypto.x_derive_dleq_nonce__mutmut_7": _COMPRESSED,
    "pos_app.core.cashu.crypto.x_derive_dleq_nonce__mutmut_9": _COMPRESSED,
    "pos_app.core.cashu.crypto.x_hash_e__mutmut_4": _COMPRESSED,
    "pos_app.core.cashu.crypto.x_hash_e__mutmut_9": _CODEC,
    "pos_app.core.cashu.crypto.x_hash_to_curve__mutmut_19": _UNREACHABLE,
    "pos_app.core.cashu.crypto.x_hash_to_curve__mutmut_20": _UNREACHABLE,
    "pos_app.core.cashu.crypto.x_hash_to_curve__mutmut_21": _UNREACHABLE,
    "pos_app.core.cashu.crypto.x_hash_to_curve__mutmut_22": _UNREACHABLE,
    "pos_app.core.cashu.crypto.x_hash_to_curve__mutmut_23": _UNREACHABLE,
    "pos_app.core.cashu.crypto.x_hash_to_curve__mutmut_24": _UNREACHABLE,
    "pos_app.core.cashu.crypto.x_hash_to_curve__mutmut_25": _UNREACHABLE,
    "pos_app.core.cashu.crypto.x_hash_to_curve__mutmut_26": _UNREACHABLE,
    "pos_app.core.cashu.crypto.x_sign_blinded_with_dleq__mutmut_52": _BIG,
    "pos_app.core.payments.settlement.xǁSettlementǁcredit__mutmut_39": (
        "coalesce(sum, None): the payment being credited is settled in the same query, "
        "so the sum is never NULL"
    ),
    "pos_app.core.payments.settlement.xǁSettlementǁcredit__mutmut_43": (
        "coalesce(sum, 1): as above, the sum is never NULL"
    ),
    "pos_app.core.payments.settlement.xǁSettlementǁsettled__mutmut_51": (
        "max(1, due - paid) in the still-to-pay message: a sale that is not paid has "
        "paid < due (credit() marks it paid otherwise), so due - paid >= 1"
    ),
    "pos_app.core.payments.lnurl.xǁLightningAddressǁ_check_invoice__mutmut_42": (
        '(description_hash or "XXXX"): a missing hash is refused either way, since '
        "sha256(metadata) is 64 hex characters, never empty nor 'xxxx'"
    ),
    "pos_app.core.payments.lnurl.x_is_missing_preimage__mutmut_3": (
        "upper() instead of lower(): '00' * 32 has no letters, and no other character "
        "changes case into '0'"
    ),
    "pos_app.core.payments.lnurl.x_check_preimage__mutmut_1": (
        "'and' instead of 'or': a missing preimage or hash (None or '') then fails the hex or "
        "32-byte check below, False either way"
    ),
    "pos_app.core.payments.lnurl.x__scheme_for__mutmut_6": (
        'hostname or "XXXX": a missing host is no loopback host either way, so https'
    ),
    "pos_app.core.payments.lnurl.xǁLightningAddressǁ__init____mutmut_18": (
        "an owned client's own timeout: every request passes timeout=self.timeout, which wins"
    ),
    "pos_app.core.payments.lnurl.xǁLightningAddressǁ__init____mutmut_20": "as above",
    "pos_app.core.payments.lnurl.x__decode_lnurl__mutmut_14": _CODEC,
    "pos_app.core.payments.lnurl.xǁLightningAddressǁ_get_json__mutmut_30": (
        'data = "" for an unparsable answer: like None, no dict, so the same refusal'
    ),
    "pos_app.core.payments.lnurl.xǁLightningAddressǁ_get_json__mutmut_8": (
        'stream("get"): httpx upper-cases the method (Request.method = method.upper())'
    ),
    "pos_app.core.payments.lnurl.x__lnurl_error__mutmut_5": (
        'the default for an answer without "status": str(None) "NONE" is no "ERROR" either'
    ),
    "pos_app.core.payments.lnurl.x__lnurl_error__mutmut_7": "as above",
    "pos_app.core.payments.lnurl.x__lnurl_error__mutmut_10": 'as above, "XXXX"',
    "pos_app.core.payments.lnurl.x__parse_params__mutmut_69": (
        "commentAllowed's default None instead of 0: None is accepted too and becomes 0"
    ),
    "pos_app.core.payments.lnurl.x__parse_params__mutmut_71": "as above",
    "pos_app.core.payments.settlement.xǁSettlementǁreject__mutmut_26": (
        "record_error(sale_id=None): record_error finds the sale by its correlation id"
    ),
    "pos_app.core.payments.settlement.xǁSettlementǁreject__mutmut_30": (
        "record_error without sale_id: as above"
    ),
    "pos_app.core.cashu.keysets.x_keyset_id_v2__mutmut_15": (
        'encode("UTF-8"): codec names are case-insensitive'
    ),
    "pos_app.core.cashu.keysets.x_verify_keyset_id__mutmut_47": (
        'encode("UTF-8"): codec names are case-insensitive'
    ),
    "pos_app.core.store.keys.x_derive_passphrase_key__mutmut_19": (
        'encode("UTF-8"): codec names are case-insensitive'
    ),
    "pos_app.core.store.keys.x_new_random_key__mutmut_1": (
        "token_hex(None): secrets' default is the same 32 bytes"
    ),
    "pos_app.core.store.keys.xǁKeyStoreǁcreate__mutmut_23": (
        "token_bytes(None): secrets' default is the same 32 bytes"
    ),
    "pos_app.core.store.keys.x_parse_hex_key__mutmut_5": (
        'key = b"XXXX" for non-hex text: refused by the same 32-byte check as b""'
    ),
    "pos_app.core.store.keys.xǁKeyStoreǁ_write_meta__mutmut_10": (
        'with_suffix(".TMP"): only the name of the temporary file, replaced at once'
    ),
    "pos_app.core.payments.policy.x_check_fee_cap__mutmut_3": (
        "fee < 0 instead of fee <= 0: a fee of 0 still returns at fee <= allowance "
        "(fees.always_accept has a minimum of 0), and 0% never exceeds a cap (minimum 0)"
    ),
    "pos_app.core.cashu.tokens.x_parse_token__mutmut_8": _CODEC,
    "pos_app.core.cashu.tokens.x__parse_v3__mutmut_8": _CODEC,
    "pos_app.core.cashu.tokens.x_is_utf8_safe__mutmut_11": _CODEC,
    "pos_app.core.cashu.tokens.x_token_version__mutmut_22": _CODEC,
    "pos_app.core.cashu.tokens.x_token_version__mutmut_19": (
        'decode(errors="replace") without "utf-8": UTF-8 is the default codec'
    ),
    "pos_app.core.cashu.tokens.x_strip_scheme__mutmut_3": (
        "text[:13]: the longest scheme has 12 characters; one more lowered character "
        "cannot change a startswith of at most 12 ASCII characters"
    ),
    "pos_app.core.cashu.tokens.x_serialize_token_v4__mutmut_7": (
        "b64url_encode(pad=None): None is falsy, the same unpadded text"
    ),
    "pos_app.core.cashu.tokens.x_is_utf8_safe__mutmut_3": _TEXT_STANDIN,
    "pos_app.core.cashu.tokens.x_is_utf8_safe__mutmut_8": _TEXT_STANDIN,
    "pos_app.core.cashu.tokens.x__field__mutmut_21": _REWRAPPED,
    "pos_app.core.cashu.tokens.x__proof__mutmut_2": _REWRAPPED,
    "pos_app.core.cashu.tokens.x__proof__mutmut_4": _REWRAPPED,
    "pos_app.core.cashu.tokens.x__proof__mutmut_11": _REDUMP,
    "pos_app.core.cashu.tokens.x__proof__mutmut_12": _REDUMP,
    "pos_app.core.cashu.tokens.x__proof__mutmut_13": _REDUMP,
    "pos_app.core.cashu.tokens.x__proof__mutmut_14": _REDUMP,
    "pos_app.core.cashu.tokens.x__proof__mutmut_15": _REDUMP,
    "pos_app.core.cashu.tokens.x__proof__mutmut_16": _REDUMP,
    "pos_app.core.webhooks.signing.x_btcpay_signature__mutmut_12": _CODEC,
    "pos_app.core.webhooks.signing.x_new_secret__mutmut_6": _CODEC,
    "pos_app.core.webhooks.signing.x_sign__mutmut_17": _CODEC,
    "pos_app.core.webhooks.outbox.x__rank__mutmut_10": _ONE_DOT,
    "pos_app.core.webhooks.outbox.x__rank__mutmut_12": _ONE_DOT,
    "pos_app.core.webhooks.outbox.x__rank__mutmut_9": _ONE_DOT,
    "pos_app.core.webhooks.outbox.x__rank__mutmut_14": (
        "the default rank is only compared with itself and the lower ranks 0-2"
    ),
    "pos_app.core.webhooks.outbox.x__state_change__mutmut_13": (
        "SQLAlchemy records setting a loaded attribute to its value as unchanged (nothing "
        "added), so before == after never reaches this line"
    ),
    "pos_app.core.webhooks.outbox.x__state_change__mutmut_9": (
        "the reported rows are loaded before they change: a changed attribute always has "
        "its old value in history.deleted"
    ),
    "pos_app.core.webhooks.urls.x_check_resolved__mutmut_5": _ADDRESSES_ONLY,
    "pos_app.core.webhooks.urls.x_check_resolved__mutmut_9": _ADDRESSES_ONLY,
    "pos_app.core.webhooks.signing.x_new_secret__mutmut_4": (
        "secrets.token_bytes(None) draws DEFAULT_ENTROPY, 32 bytes: SECRET_BYTES"
    ),
    "pos_app.core.services.export_schedule.xǁExportScheduleǁ_read__mutmut_3": _ALL_SETTINGS,
    "pos_app.core.services.export_schedule.xǁExportScheduleǁ_read__mutmut_5": _ALL_SETTINGS,
    "pos_app.core.services.export_schedule.xǁExportScheduleǁ_read__mutmut_48": (
        "with no exports.schedule row the schedule is its default, off, and enabled_at is "
        "never compared"
    ),
    "pos_app.core.schedule.xǁScheduleǁnext__mutmut_8": _NEXT_FOUND,
    "pos_app.core.schedule.xǁScheduleǁnext__mutmut_19": _NEXT_FOUND,
    "pos_app.core.schedule.xǁScheduleǁnext__mutmut_20": _NEXT_FOUND,
    "pos_app.core.schedule.xǁScheduleǁnext__mutmut_21": _NEXT_FOUND,
    "pos_app.core.payments.withdraw.xǁWithdrawalsǁauto_round__mutmut_15": (
        "without ORDER BY, SQLite reads the trusted mints in rowid order, which is Mint.id"
    ),
}

KILLED = {1: "killed", 3: "killed"}
# -9: SIGKILL, which follows the CPU limit's SIGXCPU (a timeout) and also ends a test
# process that a mutant made kill itself (pos_app/core/faults.py armed for every name).
TIMEOUT = {36, 24, -24, -9, 152, 255}
NOT_COVERED = {5, 33}


def status(exit_code: int | None) -> str:
    """mutmut's verdict for a mutant's test exit code (see mutmut.stats)."""
    if exit_code is None:
        return "not checked"
    if exit_code in KILLED:
        return "killed"
    if exit_code in TIMEOUT:
        return "timeout"
    if exit_code in NOT_COVERED:
        return "not covered"
    if exit_code == 0:
        return "survived"
    if exit_code == 34:
        return "skipped"
    return "suspicious"


def source_path(module: str) -> str:
    return "pos_app/core/" + module.replace(".", "/") + ".py"


def prepare(module: str, tests: list[str]) -> Path:
    """A fresh copy of the project for one module, with mutmut's settings for it."""
    work = WORK / module
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    shutil.copytree(ROOT / "pos_app", work / "pos_app", ignore=ignore)
    shutil.copytree(ROOT / "tests", work / "tests", ignore=ignore)
    # Data the tests read from the repository (the webhook payload's JSON Schema).
    shutil.copytree(ROOT / "docs" / "webhooks", work / "docs" / "webhooks", ignore=ignore)
    write_settings(work, module, tests)
    return work


def write_settings(work: Path, module: str, tests: list[str]) -> None:
    """The project's pyproject.toml with mutmut's settings for one module."""
    settings = {
        "source_paths": ["pos_app"],
        "only_mutate": [source_path(module)],
        # mutmut runs pytest in-process from mutants/: the tests package must import from there.
        "pytest_add_cli_args": ["-p", "no:cacheprovider", "-o", "pythonpath=."],
        "pytest_add_cli_args_test_selection": tests,
        "also_copy": ["docs/webhooks"],
        # The suite's own runs are fast; a mutant that loops is stopped early.
        "timeout_multiplier": 5.0,
    }
    lines = ["", "[tool.mutmut]"] + [f"{k} = {json.dumps(v)}" for k, v in settings.items()]
    (work / "pyproject.toml").write_text(
        (ROOT / "pyproject.toml").read_text() + "\n".join(lines) + "\n"
    )


def refresh_tests(module: str, tests: list[str]) -> tuple[Path, list[str]]:
    """Copy today's tests into the last run's copy; the mutants they must look at again.

    Raises:
        SystemExit: no earlier run, or the module changed since (its mutants are stale).
    """
    work = WORK / module
    meta = work / "mutants" / (source_path(module) + ".meta")
    source = source_path(module)
    if not meta.exists():
        raise SystemExit(f"{module}: no earlier run to recheck; run it without --recheck")
    if (work / source).read_bytes() != (ROOT / source).read_bytes():
        raise SystemExit(f"{module}: {source} changed since the last run; run it again in full")
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for tests_copy in (work / "tests", work / "mutants" / "tests"):
        shutil.rmtree(tests_copy, ignore_errors=True)
        shutil.copytree(ROOT / "tests", tests_copy, ignore=ignore)
    write_settings(work, module, tests)
    codes = json.loads(meta.read_text())["exit_code_by_key"]
    # Mutants a subset run (--only) never checked stay unchecked.
    done = ("killed", "timeout", "not checked")
    return work, sorted(n for n, c in codes.items() if status(c) not in done)


def run_module(
    module: str,
    max_children: int,
    tests: list[str] | None = None,
    only: list[str] | None = None,
    recheck: bool = False,
) -> dict:
    """Mutate one module, run its tests against its mutants and collect the verdicts."""
    previous: dict[str, int | None] = {}
    if recheck:
        work, only = refresh_tests(module, tests or MODULES[module])
        meta_path = work / "mutants" / (source_path(module) + ".meta")
        previous = json.loads(meta_path.read_text())["exit_code_by_key"]
    else:
        work = prepare(module, tests or MODULES[module])
    # mutmut puts mutants/ first on sys.path itself; tests start ``python -m pos_app``
    # subprocesses from there too, so they run the mutated copy.
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "POS_DB_KEY")}
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env.setdefault("QT_API", "pyside6")
    # The copy has no .venv-mint of its own: the mint tests use the project's.
    env.setdefault("POS_TEST_MINT_VENV", str(ROOT / ".venv-mint"))
    started = time.monotonic()
    log = work / "mutmut.log"  # written as it runs: tail -f it to follow the progress
    returncode = 0
    if not (recheck and not only):  # a recheck with no survivors has nothing to run
        with log.open("w") as out:
            returncode = subprocess.run(
                [*MUTMUT, "run", "--max-children", str(max_children), *(only or [])],
                cwd=work,
                env=env,
                stdout=out,
                stderr=subprocess.STDOUT,
                check=False,
            ).returncode
    meta = work / "mutants" / (source_path(module) + ".meta")
    if not meta.exists():
        tail = "\n".join(log.read_text().splitlines()[-15:])
        return {"module": module, "error": f"mutmut exited {returncode}:\n{tail}"}
    data = json.loads(meta.read_text())
    codes = data["exit_code_by_key"]
    if recheck:
        # mutmut may forget verdicts when the tests change: keep the earlier ones it did not redo.
        codes = {**previous, **{n: codes.get(n) for n in only or []}}
        data["exit_code_by_key"] = codes
        meta.write_text(json.dumps(data))
    verdicts = {name: status(code) for name, code in codes.items()}
    unchecked = [n for n, v in verdicts.items() if v == "not checked"]
    if len(unchecked) == len(verdicts):
        return {"module": module, "error": f"no mutant was checked; see {work / 'mutmut.log'}"}
    # A subset run (--only) leaves the others unchecked: they are out of the count already.
    equivalent = sorted(
        n for n in verdicts if n in EQUIVALENT and verdicts[n] not in ("killed", "not checked")
    )
    survivors = sorted(
        n
        for n, v in verdicts.items()
        if v not in ("killed", "timeout", "not checked") and n not in EQUIVALENT
    )
    counted = len(verdicts) - len(equivalent) - len(unchecked)
    detected = sum(1 for v in verdicts.values() if v in ("killed", "timeout"))
    return {
        "module": module,
        "only": None if recheck else (only or None),
        "mutants": len(verdicts) - len(unchecked),
        "killed": detected,
        "equivalent": len(equivalent),
        "score": round(100 * detected / counted, 1) if counted else 100.0,
        "survivors": {n: verdicts[n] for n in survivors},
        "stale_equivalents": sorted(
            n
            for n in EQUIVALENT
            if n.startswith(f"pos_app.core.{module}.")
            and (n not in verdicts or verdicts[n] == "killed")
        ),
        "seconds": round(time.monotonic() - started),
        "work": str(work),
    }


# Diffs of many mutants in one process (``mutmut show`` starts one process per mutant).
_DIFFS = """
import json, sys
from mutmut.mutation.diff_apply import find_mutant, get_diff_for_mutant
print(json.dumps({n: get_diff_for_mutant(n, path=find_mutant(n).path) for n in sys.argv[1:]}))
"""


def diffs(work: str, names: list[str]) -> dict[str, str]:
    """The diff of each mutant, by name (empty when mutmut cannot tell)."""
    if not names:
        return {}
    proc = subprocess.run(
        [sys.executable, "-c", _DIFFS, *names],
        cwd=work,
        capture_output=True,
        text=True,
        check=False,
    )
    try:
        return json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        return {}


def report(result: dict) -> None:
    if "error" in result:
        print(f"{result['module']}: {result['error']}")
        return
    print(
        f"{result['module']}: {result['score']}% killed "
        f"({result['killed']}/{result['mutants'] - result['equivalent']}, "
        f"{result['equivalent']} equivalent, {result['seconds']} s)"
        + (f" [subset: {' '.join(result['only'])}]" if result.get("only") else "")
    )
    # "not covered": no test reached the function at all, its name says enough.
    shown = [n for n, v in result["survivors"].items() if v in ("survived", "suspicious")]
    diff_by_name = diffs(result["work"], shown)
    for name, verdict in result["survivors"].items():
        print(f"  {verdict}: {name}")
        for line in diff_by_name.get(name, "").splitlines()[2:]:
            if line.startswith(("-", "+")):
                print(f"      {line}")
    for name in result["stale_equivalents"]:
        print(f"  EQUIVALENT entry no longer matches a surviving mutant: {name}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("modules", nargs="*", help="e.g. store.keys (default: all)")
    parser.add_argument("--max-children", type=int, default=1, help="parallel test processes")
    parser.add_argument("--list", action="store_true", help="list modules and their tests")
    parser.add_argument(
        "--tests", nargs="+", help="run these test files instead of the mapping (one module)"
    )
    parser.add_argument(
        "--only",
        nargs="+",
        metavar="PATTERN",
        help="check only mutants matching these names, e.g. '*x_plan_receive__*' (one module)",
    )
    parser.add_argument(
        "--recheck",
        action="store_true",
        help="after adding tests: check only the last run's survivors, with the new tests",
    )
    args = parser.parse_args(argv)
    if args.list:
        for module, tests in MODULES.items():
            print(f"{module}: {' '.join(tests)}")
        return 0
    unknown = [m for m in args.modules if m not in MODULES]
    if unknown:
        parser.error(f"unknown module(s) {', '.join(unknown)}; see --list")
    if (args.tests or args.only) and len(args.modules) != 1:
        parser.error("--tests and --only need exactly one module")
    if importlib.util.find_spec("mutmut") is None:
        print("mutmut is not installed: pip install -e '.[dev]'", file=sys.stderr)
        return 2
    summary_path = WORK / "summary.json"
    WORK.mkdir(parents=True, exist_ok=True)
    summary = json.loads(summary_path.read_text()) if summary_path.exists() else {}
    failed = False
    for module in args.modules or list(MODULES):
        result = run_module(module, args.max_children, args.tests, args.only, args.recheck)
        report(result)
        failed = failed or "error" in result
        # Re-read: another run (one module at a time, in parallel) may have written since.
        summary = json.loads(summary_path.read_text()) if summary_path.exists() else {}
        summary[module] = {k: v for k, v in result.items() if k != "work"}
        summary_path.write_text(json.dumps(summary, indent=2))
    print("\nscores:")
    for module, result in summary.items():
        print(f"  {module:22} {result.get('score', 'error')}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
