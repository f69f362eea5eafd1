"""Loaded by Python at start-up when this folder is on PYTHONPATH (tests/lifecycle only).

With ``POS_GUI_SCENARIO`` set, it starts the scenario driver beside the real
program, which is otherwise untouched: the console script, ``run_gui``, Qt and the
event loop run exactly as a shop runs them.
"""

import os

if os.environ.get("POS_GUI_SCENARIO"):
    import pos_gui_driver

    pos_gui_driver.start(os.environ["POS_GUI_SCENARIO"])
