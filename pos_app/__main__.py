from pos_app.launcher import run

raise SystemExit(run())
