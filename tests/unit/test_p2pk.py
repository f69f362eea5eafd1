"""NUT-10/NUT-11 spending conditions: spec vectors, own cases and fuzzing."""

from __future__ import annotations

import hashlib
import json
from dataclasses import replace
from pathlib import Path

import pytest
from coincurve import PrivateKey
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pos_app.core.cashu import p2pk
from pos_app.core.cashu.models import BlindedMessage, Proof
from pos_app.core.cashu.p2pk import (
    SIG_ALL,
    SIG_INPUTS,
    P2PKConditions,
    Pathway,
    WellKnownSecret,
    can_shop_spend,
    check_locked_to,
    make_p2pk_secret,
    parse_conditions,
    parse_secret,
    parse_witness,
    proof_pathway,
    schnorr_sign,
    schnorr_verify,
    sig_all_message,
    sign_proofs,
    sign_sig_all,
    transaction_pathways,
    verify_proof_witness,
    verify_transaction,
)
from pos_app.core.errors import ValidationError

VECTORS = json.loads(
    (Path(__file__).parents[1] / "vectors" / "nut11_p2pk.json").read_text(encoding="utf-8")
)
CASES = VECTORS["cases"]
NOW = 1_782_000_000  # mid 2026: the vectors' locktimes are either tiny or far future
PATHWAY_TEXT = {
    "main pathway": Pathway.MAIN,
    "refund pathway": Pathway.REFUND,
    "no pathway satisfied": None,
}

C_POINT = "02698c4e2b5f9534cd0687d87513c759790cf829aa5739184a3e3735471fbda904"
B_POINT = "038ec853d65ae1b79b5cdbc2774150b2cb288d6d26e12958a16fb33c32d9a86c39"
KEYSET = "009a1f293253e41e"


def key(n: int) -> bytes:
    return PrivateKey.from_int(n).secret


def pub(n: int) -> str:
    return PrivateKey.from_int(n).public_key.format(compressed=True).hex()


def flip(pubkey: str) -> str:
    """The same x-coordinate with the other y-parity prefix."""
    return ("03" if pubkey[:2] == "02" else "02") + pubkey[2:]


def proof(secret: str, witness: str | None = None, amount: int = 1) -> Proof:
    return Proof(amount=amount, id=KEYSET, secret=secret, C=C_POINT, witness=witness)


def outputs(*amounts: int) -> tuple[BlindedMessage, ...]:
    return tuple(BlindedMessage(amount=a, id=KEYSET, B_=B_POINT) for a in amounts)


def secret_text(kind: str = "P2PK", data: str | None = None, tags: list | None = None) -> str:
    body = {"nonce": "00", "data": pub(1) if data is None else data, "tags": tags or []}
    return json.dumps([kind, body], separators=(",", ":"))


def request_of(case: dict) -> tuple[list[Proof], list[BlindedMessage], str | None]:
    req = case["request"]
    inputs = [Proof.from_dict(p) for p in req["inputs"]]
    outs = [BlindedMessage.from_dict(o) for o in req["outputs"]]
    return inputs, outs, req.get("quote")


def cases_of(*kinds: str) -> list[dict]:
    return [c for c in CASES if c["kind"] in kinds]


def assert_code(exc_info: pytest.ExceptionInfo[ValidationError], code: str) -> None:
    assert exc_info.value.code == code, exc_info.value


# --- spec vectors ------------------------------------------------------------------------


def test_vector_file_has_all_22_cases():
    assert len(CASES) == 22
    assert [c["index"] for c in CASES] == list(range(22))
    kinds = {c["kind"] for c in CASES}
    assert kinds == {"proof", "swap_request", "melt_request", "msg_to_sign"}


@pytest.mark.parametrize("case", cases_of("proof"), ids=lambda c: f"case{c['index']}")
def test_vector_proof_witness(case):
    pr = Proof.from_dict(case["proof"])
    expected = case["expected_valid"]
    path = proof_pathway(pr, NOW)
    if expected is None:  # the unsigned template: locked, no witness, refund tag present
        assert path is None
        assert not verify_proof_witness(pr, NOW)
        return
    assert verify_proof_witness(pr, NOW) is expected
    assert path == PATHWAY_TEXT[case["cross_check_derived"]]


@pytest.mark.parametrize("case", cases_of("msg_to_sign"), ids=lambda c: f"case{c['index']}")
def test_vector_sig_all_message(case):
    inputs, outs, quote = request_of(CASES[case["index"] - 1])
    msg = sig_all_message(inputs, outs, quote)
    assert msg == case["msg_to_sign"]
    assert hashlib.sha256(msg.encode()).hexdigest() == case["expected_sha256_hex"]


@pytest.mark.parametrize(
    "case", cases_of("swap_request", "melt_request"), ids=lambda c: f"case{c['index']}"
)
def test_vector_transaction(case):
    inputs, outs, quote = request_of(case)
    msg = sig_all_message(inputs, outs, quote)
    if "sig_all_msg_derived" in case:
        assert msg == case["sig_all_msg_derived"]
        assert hashlib.sha256(msg.encode()).hexdigest() == case["sig_all_msg_sha256_derived"]
    expected = case["expected_valid"]
    assert verify_transaction(inputs, outs, NOW, quote) is (expected is not False)
    cross = case.get("cross_check_derived", "main pathway")
    if cross.startswith("SIG_ALL inputs do not share"):
        with pytest.raises(ValidationError) as exc:
            transaction_pathways(inputs, outs, NOW, quote)
        assert_code(exc, "p2pk.sig_all_mismatch")
        return
    paths = transaction_pathways(inputs, outs, NOW, quote)
    assert paths == tuple(PATHWAY_TEXT[cross] for _ in inputs)


@pytest.mark.parametrize(
    "case",
    [c for c in cases_of("swap_request", "melt_request") if c["expected_valid"] is not False],
    ids=lambda c: f"case{c['index']}",
)
def test_vector_sig_all_signature_covers_outputs_and_quote(case):
    inputs, outs, quote = request_of(case)
    assert verify_transaction(inputs, outs, NOW, quote)
    bumped = [replace(outs[0], amount=outs[0].amount + 1), *outs[1:]]
    assert not verify_transaction(inputs, bumped, NOW, quote)
    if quote is not None:
        assert not verify_transaction(inputs, outs, NOW, quote + "x")
        assert not verify_transaction(inputs, outs, NOW, None)
    else:
        assert not verify_transaction(inputs, outs, NOW, "some-quote")


def test_vector_refund_works_once_locktime_passes():
    locked = Proof.from_dict(CASES[8]["proof"])  # locktime 99999999999, refund signature
    assert proof_pathway(locked, 99_999_999_999) is None  # equal: not yet expired
    assert proof_pathway(locked, 100_000_000_000) is Pathway.REFUND
    inputs, outs, _ = request_of(CASES[16])  # HTLC, refund-signed, locktime 4854185133
    assert transaction_pathways(inputs, outs, 4_854_185_134) == (Pathway.REFUND,)


def test_vector_template_is_unlocked_only_by_signatures():
    template = Proof.from_dict(CASES[0]["proof"])
    cond = parse_conditions(template.secret)
    assert cond.n_sigs == 2 and len(cond.pubkeys) == 3 and len(cond.refund) == 2
    assert cond.locktime == 21 and cond.sigflag == SIG_INPUTS
    assert proof_pathway(template, 0) is None


def test_vector_secrets_round_trip_to_identical_text():
    secrets = [Proof.from_dict(c["proof"]).secret for c in cases_of("proof")]
    for c in cases_of("swap_request", "melt_request"):
        secrets += [p["secret"] for p in c["request"]["inputs"]]
    for text in secrets:
        parsed = parse_secret(text)
        assert parsed is not None and parsed.kind in ("P2PK", "HTLC")
        assert parsed.to_json() == text


def test_vector_signature_checks_directly():
    pr = Proof.from_dict(CASES[3]["proof"])
    sig = parse_witness(pr.witness).signatures[0]
    data = parse_secret(pr.secret).data
    assert schnorr_verify(data, sig, pr.secret)
    assert schnorr_verify(data[2:], sig, pr.secret)  # x-only form
    assert schnorr_verify(flip(data), sig, pr.secret)  # only x matters
    assert not schnorr_verify(data, sig, pr.secret + " ")


def test_vector_sig_all_proof_alone_is_not_verifiable():
    inputs, _, _ = request_of(CASES[11])
    assert not verify_proof_witness(inputs[0], NOW)
    with pytest.raises(ValidationError) as exc:
        proof_pathway(inputs[0], NOW)
    assert_code(exc, "p2pk.sig_all_required")


def test_vector_melt_reordered_inputs_fail():
    inputs, outs, _ = request_of(CASES[12])
    same_lock = [replace(p, secret=inputs[0].secret) for p in inputs]  # force one lock
    assert not verify_transaction(same_lock, outs, NOW)


# --- parse_secret -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "407915bc212be61a77e3e6d2aeb4c727980bda51cd06a6afc29e2861768a7837",
        "",
        "123",
        '"P2PK"',
        '{"P2PK": 1}',
        "[]",
        "[1, 2]",
        '[{"nonce": "a"}]',
        '["P2PK", {"nonce": "a"',  # not JSON at all: the mint sees a plain secret
        "null",
    ],
)
def test_plain_secrets_give_none(text):
    assert parse_secret(text) is None
    assert parse_conditions(text) is None
    assert proof_pathway(proof(text or "x"), NOW) is Pathway.PLAIN


@pytest.mark.parametrize(
    "text",
    [
        '["P2PK"]',
        '["P2PK", {"nonce": "a", "data": "b"}, 1]',
        '["", {"nonce": "a", "data": "b"}]',
        '["P2PK", ["nonce", "data"]]',
        '["P2PK", {"data": "b"}]',
        '["P2PK", {"nonce": "a"}]',
        '["P2PK", {"nonce": 1, "data": "b"}]',
        '["P2PK", {"nonce": "a", "data": null}]',
        '["P2PK", {"nonce": "a", "data": "b", "tags": "x"}]',
        '["P2PK", {"nonce": "a", "data": "b", "tags": [[]]}]',
        '["P2PK", {"nonce": "a", "data": "b", "tags": ["locktime"]}]',
        '["P2PK", {"nonce": "a", "data": "b", "tags": [["locktime", 1765300829]]}]',
        '["P2PK", {"nonce": "a", "data": "b", "tags": [["locktime", ""]]}]',
        '["P2PK", {"nonce": "a", "data": "b", "tags": [[""]]}]',
        '["P2PK", {"nonce": "a", "data": "b", "data": "c"}]',
        '["P2PK", {"nonce": "a", "data": "b", "tags": [[' + "1" * 5000 + "]]}]",
        "[" * 100_000 + "]" * 100_000,
        '["HTLC", 3]',
    ],
)
def test_malformed_well_known_secrets_raise(text):
    with pytest.raises(ValidationError) as exc:
        parse_secret(text)
    assert_code(exc, "p2pk.invalid")
    assert not verify_proof_witness(proof(text), NOW)


def test_parse_secret_fields_and_optional_tags():
    parsed = parse_secret('  ["X", {"nonce": "n", "data": "d", "extra": 1}]')
    assert parsed == WellKnownSecret(kind="X", nonce="n", data="d", tags=())
    parsed = parse_secret('["X",{"nonce":"n","data":"d","tags":null}]')
    assert parsed.tags == ()
    parsed = parse_secret('["X",{"nonce":"n","data":"d","tags":[["a","1","2"],["b"]]}]')
    assert parsed.tags == (("a", "1", "2"), ("b",))
    assert parsed.tag_values("a") == ("1", "2")
    assert parsed.tag_values("b") == ()
    assert parsed.tag_values("c") is None


def test_parse_secret_rejects_non_text():
    with pytest.raises(ValidationError) as exc:
        parse_secret(b"[]")  # type: ignore[arg-type]
    assert_code(exc, "p2pk.invalid")


# --- P2PKConditions ------------------------------------------------------------------------


def test_conditions_defaults():
    cond = parse_conditions(secret_text())
    assert cond == P2PKConditions(kind="P2PK", pubkeys=(pub(1),))
    assert cond.n_sigs == 1 and cond.n_sigs_refund == 1 and cond.sigflag == SIG_INPUTS
    assert cond.locktime is None and not cond.locktime_malformed and not cond.is_expired(NOW)


def test_conditions_full():
    tags = [
        ["sigflag", "SIG_ALL"],
        ["n_sigs", "2"],
        ["locktime", "021"],
        ["refund", pub(4), pub(1).upper()],
        ["pubkeys", pub(2).upper(), pub(3)],
        ["n_sigs_refund", "2"],
        ["memo", "a"],
        ["memo", "b"],  # unknown tags may repeat
    ]
    cond = parse_conditions(secret_text(tags=tags))
    assert cond.pubkeys == (pub(1), pub(2), pub(3))  # lowercase, data first
    assert cond.refund == (pub(4), pub(1))  # a key may sit in both pathways
    assert (cond.n_sigs, cond.n_sigs_refund, cond.locktime) == (2, 2, 21)
    assert cond.sigflag == SIG_ALL
    assert cond.is_expired(22) and not cond.is_expired(21)


@pytest.mark.parametrize(
    "tags",
    [
        [["sigflag", "SIG_ALL"], ["sigflag", "SIG_ALL"]],
        [["pubkeys", "{2}"], ["pubkeys", "{3}"]],
        [["n_sigs", "1"], ["n_sigs", "1"]],
        [["locktime", "1"], ["locktime", "2"]],
        [["refund", "{2}"], ["refund", "{3}"]],
        [["refund", "{2}"], ["n_sigs_refund", "1"], ["n_sigs_refund", "1"]],
        [["n_sigs", "0"]],
        [["n_sigs", "-1"]],
        [["n_sigs", "1.5"]],
        [["n_sigs", "two"]],
        [["n_sigs", " 1"]],
        [["n_sigs", "\u0661"]],  # Arabic-Indic one: int() would accept it
        [["n_sigs", "1_0"]],
        [["n_sigs", "2"]],  # only data: one key
        [["n_sigs"]],
        [["n_sigs", "1", "1"]],
        [["pubkeys", "{2}"], ["n_sigs", "3"]],
        [["n_sigs_refund", "1"]],  # no refund keys
        [["refund", "{2}"], ["n_sigs_refund", "2"]],
        [["refund", "{2}"], ["n_sigs_refund", "0"]],
        [["sigflag", "SIG_NONE"]],
        [["sigflag", "sig_all"]],
        [["sigflag"]],
        [["sigflag", "SIG_ALL", "SIG_INPUTS"]],
        [["pubkeys", "{1}"]],  # data repeated
        [["pubkeys", "{1f}"]],  # same x, other parity
        [["pubkeys", "{1u}"]],  # same key in capitals
        [["pubkeys", "{2}", "{2f}"]],
        [["refund", "{2}", "{2f}"]],
        [["pubkeys", "zz" * 33]],
        [["pubkeys", "02" + "00" * 31]],
        [["pubkeys", "04" + "11" * 32]],
        [["pubkeys", "02" + "00" * 32]],  # x = 0 is not on the curve
        [["refund", "02" + "ff" * 32]],
    ],
)
def test_malformed_conditions_raise(tags):
    subst = {
        "{1}": pub(1),
        "{2}": pub(2),
        "{3}": pub(3),
        "{1f}": flip(pub(1)),
        "{1u}": pub(1).upper(),
        "{2f}": flip(pub(2)),
    }
    tags = [[subst.get(v, v) for v in tag] for tag in tags]
    text = secret_text(tags=tags)
    with pytest.raises(ValidationError) as exc:
        parse_conditions(text)
    assert_code(exc, "p2pk.invalid")
    assert not verify_proof_witness(proof(text, witness='{"signatures":[]}'), NOW)


@pytest.mark.parametrize("data", ["", "hello", "02" + "ff" * 32, pub(1)[:-2], "04" + "11" * 64])
def test_p2pk_data_must_be_a_key(data):
    with pytest.raises(ValidationError) as exc:
        parse_conditions(secret_text(data=data))
    assert_code(exc, "p2pk.invalid")


@pytest.mark.parametrize("value", [["-5"], ["1e9"], [" 21"], ["abc"], ["1", "2"], [], ["9" * 30]])
def test_locktime_not_a_unix_time_is_a_permanent_lock(value):
    cond = parse_conditions(secret_text(tags=[["locktime", *value], ["refund", pub(2)]]))
    assert cond.locktime is None and cond.locktime_malformed
    assert not cond.is_expired(10**40)


def test_unknown_kind():
    with pytest.raises(ValidationError) as exc:
        parse_conditions(secret_text(kind="DLC"))
    assert_code(exc, "p2pk.unsupported_kind")
    assert not verify_proof_witness(proof(secret_text(kind="DLC")), NOW)


def test_htlc_conditions():
    lock = hashlib.sha256(bytes(32)).hexdigest().upper()
    cond = parse_conditions(secret_text(kind="HTLC", data=lock))
    assert cond.pubkeys == () and cond.n_sigs == 0 and cond.hashlock == lock.lower()
    cond = parse_conditions(secret_text(kind="HTLC", data=lock, tags=[["pubkeys", pub(1)]]))
    assert cond.pubkeys == (pub(1),) and cond.n_sigs == 1
    with pytest.raises(ValidationError):
        parse_conditions(secret_text(kind="HTLC", data=lock, tags=[["n_sigs", "1"]]))


def test_htlc_preimage_pathway():
    preimage = "11" * 32
    lock = hashlib.sha256(bytes.fromhex(preimage)).hexdigest()
    text = secret_text(kind="HTLC", data=lock)
    assert proof_pathway(proof(text, json.dumps({"preimage": preimage})), NOW) is Pathway.MAIN
    assert proof_pathway(proof(text, json.dumps({"preimage": "22" * 32})), NOW) is None
    assert proof_pathway(proof(text, json.dumps({"preimage": "zz"})), NOW) is None
    assert proof_pathway(proof(text), NOW) is None
    locked = secret_text(kind="HTLC", data=lock, tags=[["pubkeys", pub(1)]])
    unsigned = proof(locked, json.dumps({"preimage": preimage}))
    assert proof_pathway(unsigned, NOW) is None
    (signed,) = sign_proofs([unsigned], key(1))
    assert parse_witness(signed.witness).preimage == preimage  # kept while signing
    assert proof_pathway(signed, NOW) is Pathway.MAIN


# --- Schnorr ---------------------------------------------------------------------------------


def test_sign_verify_round_trip():
    sig = schnorr_sign(key(7), "hello")
    assert len(sig) == 128
    assert schnorr_verify(pub(7), sig, "hello")
    assert schnorr_verify(pub(7), sig, b"hello")
    assert schnorr_verify(pub(7), sig.upper(), "hello")
    assert not schnorr_verify(pub(7), sig, "hellO")
    assert not schnorr_verify(pub(8), sig, "hello")
    assert schnorr_sign(key(7), "m", aux_rand=None) == schnorr_sign(key(7), "m", aux_rand=None)
    assert schnorr_sign(key(7), "m", aux_rand=bytes(32)) != schnorr_sign(key(7), "m")


def test_sign_hashes_the_message_with_sha256():
    from coincurve import PublicKeyXOnly

    sig = bytes.fromhex(schnorr_sign(key(3), "msg"))
    xonly = PublicKeyXOnly(bytes.fromhex(pub(3))[1:])
    assert xonly.verify(sig, hashlib.sha256(b"msg").digest())


@pytest.mark.parametrize(
    ("pubkey", "sig"),
    [
        ("zz", "00" * 64),
        ("", "00" * 64),
        ("04" + "11" * 32, "00" * 64),
        ("02" + "00" * 32, "00" * 64),
        (None, "00" * 64),
        ("PUB", "00" * 63),
        ("PUB", "00" * 65),
        ("PUB", "not hex"),
        ("PUB", None),
        ("PUB", "00" * 64),
    ],
)
def test_verify_never_raises(pubkey, sig):
    pubkey = pub(1) if pubkey == "PUB" else pubkey
    assert schnorr_verify(pubkey, sig, "m") is False


def test_lone_surrogates_are_signed_not_crashed_on():
    sig = schnorr_sign(key(1), "\ud800")
    assert schnorr_verify(pub(1), sig, "\ud800")
    assert not schnorr_verify(pub(1), sig, "\ud801")


@pytest.mark.parametrize("bad", [b"", b"\x00" * 32, b"\xff" * 32, "00" * 32])
def test_sign_rejects_bad_private_keys(bad):
    with pytest.raises(ValidationError) as exc:
        schnorr_sign(bad, "m")
    assert_code(exc, "p2pk.invalid")
    with pytest.raises(ValidationError):
        sign_proofs([proof(secret_text())], bad)


# --- signing proofs ----------------------------------------------------------------------


def test_sign_proofs_sig_inputs():
    plain = proof("a" * 64)
    locked = proof(make_p2pk_secret(pub(1)))
    out = sign_proofs([plain, locked], key(1))
    assert out[0] is plain
    assert json.loads(out[1].witness).keys() == {"signatures"}
    assert proof_pathway(out[1], NOW) is Pathway.MAIN
    assert sign_proofs(out, key(1))[1].witness == out[1].witness  # no second signature
    wrong = sign_proofs([locked], key(2))[0]
    assert proof_pathway(wrong, NOW) is None


def test_sign_proofs_keeps_other_witness_fields():
    locked = proof(make_p2pk_secret(pub(1)), witness='{"memo":"x","signatures":["ab"]}')
    (signed,) = sign_proofs([locked], key(1))
    obj = json.loads(signed.witness)
    assert obj["memo"] == "x" and obj["signatures"][0] == "ab" and len(obj["signatures"]) == 2
    assert verify_proof_witness(signed, NOW)


def test_sign_proofs_refuses_sig_all_and_bad_witness():
    with pytest.raises(ValidationError) as exc:
        sign_proofs([proof(make_p2pk_secret(pub(1), sigflag=SIG_ALL))], key(1))
    assert_code(exc, "p2pk.sig_all_required")
    with pytest.raises(ValidationError) as exc:
        sign_proofs([proof(make_p2pk_secret(pub(1)), witness="[1]")], key(1))
    assert_code(exc, "p2pk.invalid")


@pytest.mark.parametrize(
    "witness",
    [
        "not json",
        "[]",
        '{"signatures": "ab"}',
        '{"signatures": [1]}',
        '{"preimage": 5}',
        '{"signatures": [], "signatures": []}',
        "{" * 50_000,
    ],
)
def test_bad_witness(witness):
    with pytest.raises(ValidationError) as exc:
        parse_witness(witness)
    assert_code(exc, "p2pk.invalid")
    assert not verify_proof_witness(proof(make_p2pk_secret(pub(1)), witness), NOW)


def test_witness_defaults():
    assert parse_witness(None) == p2pk.Witness()
    assert parse_witness('{"signatures": null, "x": 1}') == p2pk.Witness()
    assert p2pk.add_signature(None, "ab") == '{"signatures":["ab"]}'
    assert p2pk.add_signature('{"signatures":["ab"]}', "ab") == '{"signatures":["ab"]}'


# --- multisig and locktime -----------------------------------------------------------------


def _signed_by(secret: str, *signers: int, witness: str | None = None) -> Proof:
    pr = proof(secret, witness)
    for n in signers:
        sig = schnorr_sign(key(n), secret)
        pr = replace(pr, witness=p2pk.add_signature(pr.witness, sig))
    return pr


def test_two_of_three():
    secret = make_p2pk_secret(pub(1), pubkeys=[pub(2), pub(3)], n_sigs=2)
    assert proof_pathway(_signed_by(secret), NOW) is None
    assert proof_pathway(_signed_by(secret, 1), NOW) is None
    assert proof_pathway(_signed_by(secret, 1, 1), NOW) is None  # same key twice counts once
    assert proof_pathway(_signed_by(secret, 2, 4), NOW) is None  # outsider does not count
    for pair in ((1, 2), (1, 3), (2, 3), (3, 1, 2)):
        assert proof_pathway(_signed_by(secret, *pair), NOW) is Pathway.MAIN


def test_signature_order_and_junk_do_not_matter():
    secret = make_p2pk_secret(pub(1), pubkeys=[pub(2)], n_sigs=2)
    junk = json.dumps({"signatures": ["zz", "00" * 64, "ab" * 70]})
    assert proof_pathway(_signed_by(secret, 2, 1, witness=junk), NOW) is Pathway.MAIN


def test_locktime_and_refund():
    t = NOW + 100
    secret = make_p2pk_secret(pub(1), locktime=t, refund=[pub(5)])
    refund_signed = _signed_by(secret, 5)
    assert proof_pathway(refund_signed, t - 1) is None
    assert proof_pathway(refund_signed, t) is None  # expiry is strictly after locktime
    assert proof_pathway(refund_signed, t + 1) is Pathway.REFUND
    assert proof_pathway(_signed_by(secret, 1), t + 1) is Pathway.MAIN  # main stays open
    assert proof_pathway(_signed_by(secret), t + 1) is None


def test_expired_lock_without_refund_is_anyone_can_spend():
    secret = make_p2pk_secret(pub(1), locktime=NOW)
    assert proof_pathway(proof(secret), NOW) is None
    assert proof_pathway(proof(secret), NOW + 1) is Pathway.EXPIRED
    assert verify_proof_witness(proof(secret), NOW + 1)


def test_refund_multisig_and_no_mixing_of_pathways():
    secret = make_p2pk_secret(
        pub(1),
        pubkeys=[pub(2)],
        n_sigs=2,
        locktime=NOW,
        refund=[pub(5), pub(6)],
        n_sigs_refund=2,
    )
    later = NOW + 1
    assert proof_pathway(_signed_by(secret, 5), later) is None
    assert proof_pathway(_signed_by(secret, 5, 6), later) is Pathway.REFUND
    assert proof_pathway(_signed_by(secret, 1, 5), later) is None  # one of each: no pathway
    assert proof_pathway(_signed_by(secret, 5, 6), NOW) is None


def test_same_key_in_both_pathways():
    secret = make_p2pk_secret(pub(1), locktime=NOW, refund=[flip(pub(1))])
    assert proof_pathway(_signed_by(secret, 1), NOW) is Pathway.MAIN


# --- SIG_ALL ----------------------------------------------------------------------------


def _sig_all_inputs(n: int, **kw) -> list[Proof]:
    # one lock (same data and tags), distinct nonces as real wallets make them
    return [
        proof(make_p2pk_secret(pub(1), sigflag=SIG_ALL, nonce=f"{i:064x}", **kw), amount=2**i)
        for i in range(n)
    ]


def test_sign_sig_all_swap():
    inputs, outs = _sig_all_inputs(3), outputs(1, 2, 4)
    signed = sign_sig_all(inputs, outs, key(1))
    assert signed[1:] == tuple(inputs[1:]) and signed[0].witness is not None
    assert transaction_pathways(signed, outs, NOW) == (Pathway.MAIN,) * 3
    assert not verify_transaction(signed, outputs(1, 2, 3), NOW)
    assert not verify_transaction(signed[::-1], outs, NOW)
    assert not verify_transaction(signed, outs, NOW, "quote")
    assert not verify_transaction(inputs, outs, NOW)
    assert not verify_transaction(sign_sig_all(inputs, outs, key(2)), outs, NOW)


def test_sign_sig_all_melt_multisig():
    inputs, outs = _sig_all_inputs(2, pubkeys=[pub(2)], n_sigs=2), outputs(0, 0)
    once = sign_sig_all(inputs, outs, key(1), "q1")
    assert not verify_transaction(once, outs, NOW, "q1")
    twice = sign_sig_all(once, outs, key(2), "q1")
    assert verify_transaction(twice, outs, NOW, "q1")
    assert not verify_transaction(twice, outs, NOW, "q2")
    msg = sig_all_message(twice, outs, "q1")
    assert msg.endswith("0" + B_POINT + "0" + B_POINT + "q1")


def test_sign_sig_all_refuses_mixed_locks():
    inputs = _sig_all_inputs(2)
    other = proof(make_p2pk_secret(pub(1), sigflag=SIG_ALL, locktime=NOW + 10))
    for bad in (
        [inputs[0], other],
        [inputs[0], proof("a" * 64)],
        [proof(make_p2pk_secret(pub(1))), proof(make_p2pk_secret(pub(1)))],
        [],
    ):
        with pytest.raises(ValidationError) as exc:
            sign_sig_all(bad, outputs(1), key(1))
        assert_code(exc, "p2pk.sig_all_mismatch")
    signed = sign_sig_all(inputs, outputs(1), key(1))
    assert not verify_transaction([*signed, proof("a" * 64)], outputs(1), NOW)


def test_sig_inputs_transaction():
    locked = sign_proofs([proof(make_p2pk_secret(pub(1)))], key(1))[0]
    plain = proof("b" * 64)
    assert transaction_pathways([plain, locked], outputs(2), NOW) == (
        Pathway.PLAIN,
        Pathway.MAIN,
    )
    assert verify_transaction([plain, locked], outputs(2), NOW)
    assert not verify_transaction([plain, proof(locked.secret)], outputs(2), NOW)
    assert not verify_transaction([], outputs(2), NOW)


# --- the shop's checks -------------------------------------------------------------------

SHOP = 11
MARGIN = 3600


def _check(*secrets: str, shop=None, now=NOW, **kw):
    shop = pub(SHOP) if shop is None else shop
    return check_locked_to([proof(s) for s in secrets], shop, now, MARGIN, **kw)


def _check_code(code: str, *secrets: str, **kw) -> None:
    with pytest.raises(ValidationError) as exc:
        _check(*secrets, **kw)
    assert_code(exc, code)
    assert exc.value.user_message


def test_locked_to_shop_accepted():
    a = make_p2pk_secret(pub(SHOP))
    b = make_p2pk_secret(pub(1), pubkeys=[pub(SHOP)], locktime=NOW + MARGIN, refund=[pub(2)])
    c = make_p2pk_secret(pub(SHOP), sigflag=SIG_INPUTS)
    conds = _check(a, b, c)
    assert [x.pubkeys[0] for x in conds] == [pub(SHOP), pub(1), pub(SHOP)]
    assert _check(a, shop=flip(pub(SHOP)))  # parity does not matter
    assert _check(a, shop=pub(SHOP).upper())


def test_locked_to_shop_rejections():
    _check_code("p2pk.not_locked_to_shop", "c" * 64)
    _check_code("p2pk.not_locked_to_shop", make_p2pk_secret(pub(SHOP)), "c" * 64)
    _check_code("p2pk.not_locked_to_shop", make_p2pk_secret(pub(1)))
    _check_code("p2pk.not_locked_to_shop", make_p2pk_secret(pub(1), refund=[pub(SHOP)]))
    _check_code("p2pk.not_locked_to_shop")
    htlc = secret_text(kind="HTLC", data="00" * 32, tags=[["pubkeys", pub(SHOP)]])
    _check_code("p2pk.not_locked_to_shop", htlc)
    _check_code("p2pk.not_locked_to_shop", secret_text(kind="DLC", data=pub(SHOP)))
    multisig = make_p2pk_secret(pub(SHOP), pubkeys=[pub(1)], n_sigs=2)
    _check_code("p2pk.multisig_unsupported", multisig)
    assert _check(multisig, shop=[pub(SHOP), pub(1)])  # both keys held by the shop
    _check_code("p2pk.locktime_too_soon", make_p2pk_secret(pub(SHOP), locktime=NOW + MARGIN - 1))
    _check_code("p2pk.locktime_too_soon", make_p2pk_secret(pub(SHOP), locktime=NOW - 5))
    _check_code(
        "p2pk.locktime_too_soon",
        make_p2pk_secret(pub(SHOP), locktime=NOW + 10, refund=[pub(1)]),
    )
    bad_time = secret_text(data=pub(SHOP), tags=[["locktime", "-1"], ["refund", pub(1)]])
    _check_code("p2pk.locktime_invalid", bad_time)
    _check_code("p2pk.blinded_key_unsupported", make_p2pk_secret(pub(SHOP)), has_p2pk_e=True)
    _check_code("p2pk.invalid", secret_text(data=pub(SHOP), tags=[["n_sigs", "0"]]))
    _check_code("p2pk.invalid", make_p2pk_secret(pub(SHOP)), shop="02abc")


def test_locked_to_shop_sig_all_must_share_one_lock():
    one = make_p2pk_secret(pub(SHOP), sigflag=SIG_ALL, nonce="01")
    two = make_p2pk_secret(pub(SHOP), sigflag=SIG_ALL, nonce="02")
    assert len(_check(one, two)) == 2
    other = make_p2pk_secret(pub(SHOP), sigflag=SIG_ALL, pubkeys=[pub(1)])
    _check_code("p2pk.sig_all_mismatch", one, other)
    _check_code("p2pk.sig_all_mismatch", one, make_p2pk_secret(pub(SHOP)))


def test_can_shop_spend():
    cond = parse_conditions(make_p2pk_secret(pub(SHOP)))
    assert can_shop_spend(cond, pub(SHOP), NOW)
    assert not can_shop_spend(cond, pub(1), NOW)
    cond = parse_conditions(make_p2pk_secret(pub(1), locktime=NOW, refund=[pub(SHOP)]))
    assert not can_shop_spend(cond, pub(SHOP), NOW)
    assert can_shop_spend(cond, pub(SHOP), NOW + 1)
    cond = parse_conditions(make_p2pk_secret(pub(1), locktime=NOW))
    assert can_shop_spend(cond, pub(SHOP), NOW + 1)  # anyone can, once expired
    cond = parse_conditions(make_p2pk_secret(pub(1), pubkeys=[pub(SHOP)], n_sigs=2))
    assert not can_shop_spend(cond, pub(SHOP), NOW)
    assert can_shop_spend(cond, [pub(1), flip(pub(SHOP))], NOW)
    htlc = parse_conditions(secret_text(kind="HTLC", data="00" * 32, tags=[["pubkeys", pub(SHOP)]]))
    assert not can_shop_spend(htlc, pub(SHOP), NOW)  # needs a preimage too


# --- make_p2pk_secret ----------------------------------------------------------------------


def test_make_reproduces_spec_secrets():
    spec = Proof.from_dict(CASES[3]["proof"]).secret
    parsed = parse_secret(spec)
    assert make_p2pk_secret(parsed.data, nonce=parsed.nonce, sigflag=SIG_INPUTS) == spec
    spec = Proof.from_dict(CASES[7]["proof"]).secret
    parsed = parse_secret(spec)
    made = make_p2pk_secret(
        parsed.data, nonce=parsed.nonce, locktime=21, refund=parsed.tag_values("refund")
    )
    assert made == spec


def test_make_round_trip():
    text = make_p2pk_secret(
        pub(1).upper(),
        locktime=NOW,
        refund=[pub(4), pub(5)],
        n_sigs=2,
        n_sigs_refund=2,
        sigflag=SIG_ALL,
        pubkeys=[pub(2), pub(3)],
    )
    assert " " not in text and text.startswith('["P2PK",{"nonce":"')
    assert parse_conditions(text) == P2PKConditions(
        kind="P2PK",
        pubkeys=(pub(1), pub(2), pub(3)),
        n_sigs=2,
        locktime=NOW,
        refund=(pub(4), pub(5)),
        n_sigs_refund=2,
        sigflag=SIG_ALL,
    )
    nonce = parse_secret(text).nonce
    assert len(nonce) == 64 and int(nonce, 16) >= 0
    assert (
        parse_secret(make_p2pk_secret(pub(1))).nonce != parse_secret(make_p2pk_secret(pub(1))).nonce
    )
    assert parse_secret(make_p2pk_secret(pub(1))).tags == ()


@pytest.mark.parametrize(
    "kwargs",
    [
        {"n_sigs": 2},
        {"n_sigs": 0},
        {"n_sigs": True},
        {"n_sigs": "1"},
        {"locktime": -1},
        {"locktime": 1.5},
        {"n_sigs_refund": 1},
        {"refund": ["02" + "ab" * 31]},
        {"pubkeys": ["{1}"]},
        {"pubkeys": ["{2}", "{2}"]},
        {"sigflag": "SIG_SOME"},
        {"nonce": 5},
    ],
)
def test_make_rejects_bad_input(kwargs):
    kwargs = {
        k: [{"{1}": flip(pub(1)), "{2}": pub(2)}.get(x, x) for x in v] if isinstance(v, list) else v
        for k, v in kwargs.items()
    }
    with pytest.raises(ValidationError) as exc:
        make_p2pk_secret(pub(1), **kwargs)
    assert_code(exc, "p2pk.invalid")
    with pytest.raises(ValidationError):
        make_p2pk_secret("nothex")


# --- fuzzing ---------------------------------------------------------------------------------

SEEDS = [Proof.from_dict(c["proof"]).secret for c in cases_of("proof")] + [
    make_p2pk_secret(pub(1), pubkeys=[pub(2)], n_sigs=2, locktime=5, refund=[pub(3)]),
    secret_text(kind="HTLC", data="00" * 32, tags=[["pubkeys", pub(1)]]),
]
JSONISH = st.sampled_from([*'[]{}",:0123456789 -.eE\\tnrulfas', "02", "03", "P2PK", "\u0661"])


@st.composite
def mutated(draw):
    text = draw(st.sampled_from(SEEDS))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 8)))
        insert = "".join(draw(st.lists(JSONISH, max_size=3)))
        text = text[:i] + insert + text[j:]
    return text


def _json_values():
    scalars = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=8)
    scalars = scalars | st.sampled_from([pub(1), pub(2), flip(pub(1)), "1", "SIG_ALL"])
    return st.recursive(
        scalars,
        lambda inner: (
            st.lists(inner, max_size=4)
            | st.dictionaries(st.sampled_from(["nonce", "data", "tags", "x"]), inner, max_size=4)
        ),
        max_leaves=12,
    )


def _only_validation_errors(text: str) -> None:
    try:
        parsed = parse_secret(text)
        if parsed is not None:
            parse_conditions(parsed)
    except ValidationError:
        pass
    assert verify_proof_witness(proof(text or "x", witness=text), NOW) in (True, False)


@settings(max_examples=400, deadline=None)
@given(st.text(max_size=200))
def test_fuzz_random_text(text):
    _only_validation_errors(text)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated())
def test_fuzz_mutated_secrets(text):
    _only_validation_errors(text)


@settings(max_examples=400, deadline=None)
@given(st.sampled_from(["P2PK", "HTLC", ""]), _json_values())
def test_fuzz_structured_secrets(kind, body):
    _only_validation_errors(json.dumps([kind, body]))
    _only_validation_errors(json.dumps([kind, {"nonce": "n", "data": pub(1), "tags": body}]))


@settings(max_examples=200, deadline=None)
@given(
    st.integers(1, 5),
    st.integers(0, 4),
    st.data(),
)
def test_fuzz_thresholds_round_trip(nkeys, nrefund, data):
    keys = [pub(i) for i in range(1, nkeys + 1)]
    refund = [pub(i) for i in range(20, 20 + nrefund)]
    n_sigs = data.draw(st.integers(1, nkeys))
    n_ref = data.draw(st.integers(1, nrefund)) if nrefund else None
    text = make_p2pk_secret(
        keys[0], pubkeys=keys[1:], n_sigs=n_sigs, refund=refund, n_sigs_refund=n_ref, locktime=9
    )
    cond = parse_conditions(text)
    assert cond.pubkeys == tuple(keys) and cond.refund == tuple(refund)
    signers = data.draw(st.lists(st.integers(1, nkeys), max_size=nkeys))
    pr = _signed_by(text, *signers)
    expect_main = len(set(signers)) >= n_sigs
    path = proof_pathway(pr, 5)  # before locktime: only the main pathway counts
    assert (path is Pathway.MAIN) is expect_main
