"""The Mints page checks again on opening when the last check is stale: no minute-old "online"."""

from __future__ import annotations

import pytest
from sqlalchemy import update

from pos_app.core.store.schema import Mint
from pos_app.ui.pages.health import HealthPage
from pos_app.ui.tasks import running_tasks

pytestmark = [pytest.mark.gui, pytest.mark.mint]


def test_opening_the_mints_page_notices_a_mint_that_went_down(ui, qtbot, arun, make_mint):
    mint = make_mint(name="down the road")
    arun(ui.core.mints.add(mint.url))
    arun(ui.core.services.health.check_all())  # online, as the periodic check saw it
    mint.stop()
    arun(ui.core.db.run(lambda s: s.execute(update(Mint).values(checked_at=0))))  # stale
    page = HealthPage(ui)
    qtbot.addWidget(page)
    page.show()
    page.activated()  # no "Check now", no periodic round
    qtbot.waitUntil(lambda: bool(page.rows) and page.rows[0]["status"] == "offline", timeout=10_000)
    page.deactivated()
    qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)
