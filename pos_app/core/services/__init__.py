"""Background services of the app: retries, mint health, notifications.

The package imports nothing itself: a command that needs one service (the notification
centre, which every wallet has) does not load the others' modules. The timers that run
them together are :class:`pos_app.core.services.timers.Services`.
"""
