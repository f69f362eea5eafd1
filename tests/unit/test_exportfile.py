"""Export files: informative unique names, created exclusively, never replacing a token file."""

from __future__ import annotations

import os
from datetime import datetime

import pytest

from pos_app.core.errors import StorageError
from pos_app.core.wallet.exportfile import create_exclusive, export_stem, write_export_files

# Two tokens from one keyset share their first characters ("cashuB" + the same CBOR map keys):
# the old name was taken from those characters, so the second export replaced the first.
TOKEN_1000 = "cashuBo2FteBxodHRwOi8vMTI3LjAuMC4xOjMzMzgvAAAAAAAAAGF1Y3NhdGFwgaJhaUgAFAKE" + "A" * 40
TOKEN_100 = "cashuBo2FteBxodHRwOi8vMTI3LjAuMC4xOjMzMzgvAAAAAAAAAGF1Y3NhdGFwgaJhaUgAFAKE" + "B" * 40
MINT = "https://mint.example.com:3338"


def test_two_exports_to_one_folder_keep_both_files(tmp_path):
    first, png1 = write_export_files(
        tmp_path, TOKEN_1000, amount=1000, unit="sat", mint_url=MINT, qr=True
    )
    second, png2 = write_export_files(
        tmp_path, TOKEN_100, amount=100, unit="sat", mint_url=MINT, qr=True
    )
    assert first != second and png1 != png2
    assert first.read_text().strip() == TOKEN_1000
    assert second.read_text().strip() == TOKEN_100
    assert png1.read_bytes().startswith(b"\x89PNG") and png1.stem == first.stem
    assert len(list(tmp_path.iterdir())) == 4
    assert "-1000sat-mint.example.com_3338-" in first.name
    assert "-100sat-mint.example.com_3338-" in second.name


def test_the_same_token_twice_in_one_second_gets_a_second_name(tmp_path):
    first, _ = write_export_files(tmp_path, TOKEN_100, amount=100, unit="sat", mint_url=MINT)
    again, _ = write_export_files(tmp_path, TOKEN_100, amount=100, unit="sat", mint_url=MINT)
    assert first != again and first.read_text() == again.read_text()
    assert {first.suffix, again.suffix} == {".txt"}


def test_name_holds_date_time_amount_unit_host_and_short_id():
    stem = export_stem(TOKEN_1000, 1000, "sat", MINT, datetime(2026, 12, 2, 6, 49, 5))
    assert stem.startswith("cashu-20261202-064905-1000sat-mint.example.com_3338-")
    short_id = stem.rsplit("-", 1)[1]
    assert (
        len(short_id) == 8
        and short_id != export_stem(TOKEN_100, 1000, "sat", MINT).rsplit("-", 1)[1]
    )
    training = export_stem(TOKEN_1000, 1000, "sat", MINT, datetime(2026, 12, 2), training=True)
    assert training.startswith("TRAINING-play-money-cashu-20261202-")
    odd = export_stem(TOKEN_100, 5, "u/s d", "http://[::1]:3338")
    assert "/" not in odd and " " not in odd and ":" not in odd


def test_an_existing_file_is_never_replaced(tmp_path):
    target = tmp_path / "till.txt"
    target.write_text("an earlier token\n")
    with pytest.raises(StorageError) as refused:
        write_export_files(target, TOKEN_100, amount=100, unit="sat", mint_url=MINT)
    assert refused.value.code == "export.file_exists"
    assert "not replaced" in refused.value.user_message
    assert target.read_text() == "an earlier token\n"


def test_a_failed_write_leaves_no_half_file(tmp_path, monkeypatch):
    target = tmp_path / "t.txt"

    def full_disk(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(OSError):
        create_exclusive(target, b"token")
    assert not target.exists()
    with pytest.raises(StorageError) as refused:
        write_export_files(tmp_path, TOKEN_100, amount=100, unit="sat", mint_url=MINT)
    assert refused.value.code == "export.write_failed"
    assert list(tmp_path.iterdir()) == []
