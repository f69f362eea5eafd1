"""The till stays responsive while the local API answers 200 requests a second.

The API is served by uvicorn on the GUI's own qasync loop (as the desktop app does) while
the Sell page is shown; another process (tests/support/api_load.py, as a web shop would
be) reads a sale over HTTP at a paced 200 requests a second for 3 seconds. A 5 ms
watchdog on the GUI thread records the longest gap. As in tests/gui/test_sell_flow.py,
the figures are printed and the test fails only on a gross stall; it also fails when
the load was not reached, so it cannot pass by sending too little.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from pos_app.api.app import make_api
from pos_app.api.limits import Guard
from pos_app.api.server import ApiServer
from pos_app.ui.tasks import running_tasks
from tests.support.sell_page import show_sell_page
from tests.support.watchdog import Watchdog

pytestmark = pytest.mark.gui

ROOT = Path(__file__).resolve().parents[2]
GROSS_STALL = 0.5  # seconds, as tests/gui/test_sell_flow.py: a blocked GUI, not noise
RATE = 200  # requests a second, all clients together
SECONDS = 3.0
CLIENTS = 8  # keep-alive connections, each paced at RATE / CLIENTS
MIN_RATE = 180  # what must have been answered for the measurement to count


def load_once(qtbot, server: ApiServer, key: str, sale_id: str) -> dict:
    """One paced load from another process, checked but for its rate; its figures."""
    command = [sys.executable, "-m", "tests.support.api_load", server.url]
    command += [f"/sales/{sale_id}", str(RATE), str(SECONDS), str(CLIENTS)]
    env = {  # the key not on the command line; the client not traced by coverage either
        name: value
        for name, value in (os.environ | {"API_KEY": key}).items()
        if not name.startswith(("COVERAGE_", "COV_CORE_"))
    }
    with Watchdog() as watchdog:
        load = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
        try:
            qtbot.waitUntil(lambda: load.poll() is not None, timeout=60_000)
        finally:
            if load.poll() is None:
                load.kill()
        out = load.stdout.read() if load.stdout else ""
    assert load.returncode == 0, out
    result = json.loads(out)
    report(result, watchdog)
    assert not result["errors"] and result["statuses"] == [200], result
    assert result["requests"] == result["expected"] == int(RATE * SECONDS)
    assert watchdog.max_gap < GROSS_STALL
    return result


def report(result: dict, watchdog: Watchdog) -> None:
    print(
        f"\nAPI load on the GUI loop: {result['requests']} requests from another process, "
        f"{result['rate']:.0f}/s answered (paced at {RATE}/s, {CLIENTS} connections); latency "
        f"median {result['median_ms']:.1f} ms, p95 {result['p95_ms']:.1f} ms; GUI watchdog "
        f"max gap {1000 * watchdog.max_gap:.1f} ms over {watchdog.ticks} ticks"
    )


# A measurement, not a coverage run: tracing every line would halve what the server answers
# (98/s under `make test`); the API's code paths are covered by its other tests. And alone:
# beside another worker's test it got 149/s with a 436 ms gap (make test runs it after).
# A run that falls short of the rate is measured once more (the machine's noise: 178/s once,
# then 200/s alone); a second miss fails, and so does an error or a stalled GUI in either run.
@pytest.mark.no_cover
@pytest.mark.alone
def test_the_gui_stays_responsive_under_200_api_requests_a_second(qtbot, ui, arun):
    core = ui.core
    page = show_sell_page(qtbot, ui)
    server = ApiServer(make_api(core, Guard(10**6, 10**6)), "127.0.0.1:0")
    try:
        key = arun(core.api_keys.create("load", ["sales:read"]))["key"]
        sale = arun(core.sales.new_sale("21", "sat"))
        arun(server.start())
        result = load_once(qtbot, server, key, sale["sale_id"])
        if result["rate"] < MIN_RATE:
            result = load_once(qtbot, server, key, sale["sale_id"])
        assert page.isVisible()
    finally:
        arun(server.stop())
        page.shutdown()
        qtbot.waitUntil(lambda: running_tasks() == 0, timeout=10_000)
    assert result["rate"] >= MIN_RATE, f"only {result['rate']:.0f} requests a second answered"
