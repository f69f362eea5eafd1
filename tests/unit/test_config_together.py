"""Settings valid one by one but fatal together: a fiat shop currency needs a rate."""

from __future__ import annotations

import pytest

from pos_app.core.config import Config, check_together
from pos_app.core.errors import ConfigError
from pos_app.core.store.db import DB_FILE, Database
from pos_app.core.store.schema import Setting, now

SOURCE = {"url": "https://rates.example/api", "path": "bitcoin.eur"}


@pytest.fixture
def store(tmp_path):
    db = Database(tmp_path / DB_FILE, bytes(range(32)), create=True)
    db.migrate()
    yield db
    db.close()


def test_a_fiat_currency_without_rate_is_refused_with_the_reason(store):
    config = Config()
    with pytest.raises(ConfigError) as refused:
        store.transact(lambda s: config.set(s, "currency", "eur"))
    err = refused.value
    assert err.code == "config.currency_without_rate" and err.data["key"] == "currency"
    assert "EUR needs an exchange rate" in err.user_message
    assert "rate source" in err.user_message and "fixed rate" in err.user_message
    assert store.transact(lambda s: config.get(s, "currency")) == "sat"


def test_currency_saved_together_with_a_rate_or_after_one(store):
    config = Config()
    stored = store.transact(
        lambda s: config.set_many(s, {"currency": "eur", "rate.fixed": "95000.50"})
    )
    assert stored == {"currency": "EUR", "rate.fixed": "95000.5"}
    # Removing the only rate now would leave EUR sales unpriceable: refused, nothing changed.
    with pytest.raises(ConfigError):
        store.transact(lambda s: config.set(s, "rate.fixed", "0"))
    with pytest.raises(ConfigError):
        store.transact(lambda s: config.unset(s, "rate.fixed"))
    assert store.transact(lambda s: config.get(s, "rate.fixed")) == "95000.5"
    store.transact(lambda s: config.set(s, "rate.sources", [SOURCE]))
    store.transact(lambda s: config.set(s, "rate.fixed", "0"))  # the source serves EUR now
    store.transact(lambda s: config.set(s, "currency", "sat"))
    store.transact(lambda s: config.set(s, "rate.sources", []))  # sat needs no rate


def test_a_source_tagged_for_another_currency_does_not_count():
    usd_only = {**SOURCE, "currency": "USD"}
    with pytest.raises(ConfigError):
        check_together({"currency": "EUR", "rate.sources": [usd_only], "rate.fixed": "0"})
    check_together({"currency": "USD", "rate.sources": [usd_only], "rate.fixed": "0"})
    check_together({"currency": "EUR", "rate.sources": [{**SOURCE, "currency": "EUR"}]})
    check_together({"currency": "sat", "rate.sources": [], "rate.fixed": "0"})


def test_other_settings_still_save_for_a_shop_stored_before_the_check(store):
    config = Config()

    def old_shop(session):
        session.add(Setting(key="currency", value_json='"EUR"', updated_at=now()))

    store.transact(old_shop)
    assert store.transact(lambda s: config.set(s, "mode", "hold_when_trusted")) == (
        "hold_when_trusted"
    )
