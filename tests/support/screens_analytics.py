"""Screenshots of the Analytics page over a realistic month, and Activity showing one slice.

``shop_month(days)`` makes a café's history up to yesterday in the computer's zone:
open 8:00 to 19:00 except Sundays, a lunch peak, busier Saturdays, prices in EUR,
three mints (one most customers use), a few refused tokens and their retries, melts
to Lightning with their fees. ``screenshot_states(ui, out_dir)`` loads it and saves
each chart tab in the light and the dark theme.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from pathlib import Path

from pos_app.core.reports.periods import local_zone
from pos_app.core.store.schema import Payment, Sale
from pos_app.ui.context import UiContext
from pos_app.ui.main_window import MainWindow
from pos_app.ui.pages.activity import ActivityPage
from pos_app.ui.pages.analytics import AnalyticsPage
from tests.support.screens_common import SCHEMES, pump_until, save, themed

SIZE = (1280, 800)
MINTS = (
    ("https://mint.coffee.example", 6),
    ("https://ecash.city.example", 3),
    ("https://mint.faraway.example", 1),
)
RATE = 95_000  # EUR per bitcoin
REFUSALS = ("token.already_spent", "mint.untrusted", "fee.too_high")


def shop_month(days: int = 28, seed: int = 3) -> tuple[list[dict], list[dict], date, date]:
    """Sales and payments of the ``days`` days before today; the first and last day."""
    rng = random.Random(seed)
    zone = local_zone()
    last = datetime.now(zone).date() - timedelta(days=1)
    first = last - timedelta(days=days - 1)
    sales: list[dict] = []
    payments: list[dict] = []
    mints = [url for url, weight in MINTS for _ in range(weight)]
    for offset in range(days):
        day = first + timedelta(days=offset)
        if day.weekday() == 6:  # closed on Sundays
            continue
        busy = 1.6 if day.weekday() == 5 else 1.0
        for hour in range(8, 19):
            peak = 2.2 if hour in (12, 13) else 1.4 if hour in (8, 16, 17) else 0.8
            for _ in range(rng.randint(0, round(4 * busy * peak))):
                n = len(sales)
                moment = datetime(
                    day.year, day.month, day.day, hour, rng.randrange(60), tzinfo=zone
                )
                created = int(moment.timestamp())
                cents = rng.choice([250, 320, 380, 450, 690, 850, 1290, 1850, 2400, 3900])
                advance = rng.choice([0, 0, 0, 1, 2])
                due = cents * 100_000_000 // (RATE * 100) + advance
                paid_at = created + rng.randrange(10, 90)
                sale_id = f"{n:08d}-5a1e-4000-8000-000000000000"
                sales.append(
                    dict(
                        id=sale_id,
                        state="paid",
                        currency="EUR",
                        amount=f"{cents // 100}.{cents % 100:02d}",
                        unit="sat",
                        due=due,
                        fee_advance=advance,
                        paid=due,
                        rate=str(RATE),
                        payment_request="creqA",
                        payment_request_bech32="creqb",
                        expires_at=created + 900,
                        paid_at=paid_at,
                        created_at=created,
                        updated_at=paid_at,
                    )
                )
                mint = rng.choice(mints)
                if rng.random() < 0.06:  # a refused token first, then one that works
                    payments.append(
                        _payment(f"{n:08d}-r", sale_id, "rejected", mint, due, created + 5)
                        | {"error_code": rng.choice(REFUSALS)}
                    )
                melt = mint.endswith("faraway.example") or rng.random() < 0.1
                payments.append(
                    _payment(f"{n:08d}-p", sale_id, "settled", mint, due, paid_at - 3)
                    | {
                        "method": "melt" if melt else "swap",
                        "mint_fee": rng.choice([0, 1, 1, 2]),
                        "lightning_fee": rng.choice([1, 2, 3]) if melt else 0,
                    }
                )
    return sales, payments, first, last


def _payment(pid: str, sale_id: str, state: str, mint: str, amount: int, at: int) -> dict:
    return dict(
        id=pid,
        sale_id=sale_id,
        state=state,
        method="swap",
        mint_url=mint,
        unit="sat",
        amount=amount,
        credited=amount if state == "settled" else 0,
        mint_fee=0,
        lightning_fee=0,
        offline=False,
        error_code=None,
        created_at=at,
        updated_at=at,
    )


def load_history(ui: UiContext) -> tuple[date, date]:
    """Write the month into the wallet database; its first and last day."""
    sales, payments, first, last = shop_month()

    def write(session):
        session.add_all(Sale(**s) for s in sales)
        session.flush()
        session.add_all(Payment(**p) for p in payments)

    ui.core.db.transact(write)
    return first, last


def screenshot_states(ui: UiContext, out_dir: Path | str) -> list[Path]:
    """Each chart tab over the month, and Activity after a click on a cell, in both themes."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    first, last = load_history(ui)
    shots: list[Path] = []
    for scheme in SCHEMES:
        with themed(scheme):
            ui.core.db.transact(
                lambda session, chosen=scheme: ui.core.config.set(session, "display.theme", chosen)
            )
            window = MainWindow(ui)
            window.resize(*SIZE)
            window.show()
            page = window.page(AnalyticsPage)
            window.show_page(window.pages.index(page))
            shown: list[bool] = []
            page.loaded.connect(lambda shown=shown: shown.append(True))
            page.choose("custom", first, last)
            pump_until(lambda shown=shown: shown)
            for tab in (page.over_time, page.week_hours, page.mints, page.fees, page.success):
                page.tabs.setCurrentWidget(tab)
                name = page.tabs.tabText(page.tabs.currentIndex()).lower().replace(" ", "-")
                shots.append(save(window, out / f"analytics-{scheme}-{name}.png"))
            page.tabs.setCurrentWidget(page.week_hours)
            page.week_hours.table_button.setChecked(True)
            shots.append(save(window, out / f"analytics-{scheme}-heatmap-table.png"))
            page.week_hours.table_button.setChecked(False)
            activity = window.page(ActivityPage)
            page.open_hour(5, 12)  # Saturday lunch
            pump_until(lambda activity=activity: activity.model.loaded and activity.model.total)
            shots.append(save(window, out / f"analytics-{scheme}-slice-in-activity.png"))
            activity.clear_slice()
            window.resize(1024, 700)
            shown.clear()
            window.show_page(window.pages.index(page))
            pump_until(lambda shown=shown: shown)
            shots.append(save(window, out / f"analytics-{scheme}-1024x700.png"))
            window.close()
            window.deleteLater()
    ui.core.db.transact(lambda session: ui.core.config.unset(session, "display.theme"))
    return shots
