"""Fixed word lists the faces offer before any service is loaded.

Argument choices of the command line (``--role``, ``--scopes``, ``--status``,
``--period`` ...) must exist when the arguments are parsed, and parsing must not
load the database layer or the HTTP client (``pos-app --help`` answers in a blink,
and a command imports only what it runs). So the lists live here, free of imports,
and the services that own them import them from here: one definition each.
"""

from __future__ import annotations

# Staff roles, fewest rights first (core.staff ranks by this order).
ROLES = ("cashier", "manager", "owner")

# What an API key may do (core.apikeys).
API_SCOPES = (
    "sales:read",
    "sales:write",
    "payments:write",
    "wallet:read",
    "wallet:export",
    "reports:read",
    "webhooks:admin",
    "admin",
)

# An export's stored state -> the state shown (core.wallet.exports).
EXPORT_SHOWN = {
    "exported": "pending",
    "partially_spent": "partially_claimed",
    "spent": "claimed",
    "reclaimed": "reclaimed",
}
EXPORT_STATES = tuple(EXPORT_SHOWN.values())

# A webhook delivery's states (core.webhooks.service).
DELIVERY_STATES = ("pending", "delivered", "failed")

# Report periods by name (core.reports.periods).
PERIOD_NAMES = ("today", "yesterday", "this_week", "last_week", "this_month", "last_month")

# How the training customer can pay wrongly on purpose (pos_app.training).
MISBEHAVIOURS = ("double-spend", "too-little", "untrusted-mint")

# The names of the settings presets (core.presets.PRESETS, which a test compares with).
PRESET_NAMES = ("cafe", "market", "online", "minimal")
