"""The Settings page: every option of ``core.config.OPTIONS`` by group, and the shop's mints.

The form is generated from the declarations (one editor per option, by kind, with
special editors for the mode, currency, camera, customer screen and rate sources).
The basics come first; options declared ``advanced`` sit in a section that opens on
demand, since their defaults work for most shops. Save
checks each field with ``Option.parse``: refused values are explained under their
field and not written; the valid ones are written in one transaction. Mint
changes (add, trust, remove) apply at once, as do those to the items catalogue and the staff.
On a shop's shared database each option says under its name whether it is this till's
own ("This till only") or the shop's ("All tills"); a till on its own file has one till
and shows neither.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from pos_app.core.config import RATE_KEYS, TILL, Option, check_together
from pos_app.core.errors import ConfigError, PosError
from pos_app.core.payments.lnurl import pay_params
from pos_app.core.payments.withdraw import THRESHOLD_KEYS
from pos_app.ui import theme
from pos_app.ui.context import UiContext
from pos_app.ui.dialogs.audit_dialog import AuditDialog
from pos_app.ui.dialogs.preset_dialog import PresetDialog
from pos_app.ui.dialogs.rerun_setup import RerunSetup
from pos_app.ui.dialogs.settings_transfer import ExportSettingsDialog, ImportSettingsDialog
from pos_app.ui.messages import explain_error
from pos_app.ui.page import Page
from pos_app.ui.tasks import spawn
from pos_app.ui.widgets.api_keys_panel import ApiKeysPanel
from pos_app.ui.widgets.items_panel import ItemsPanel
from pos_app.ui.widgets.mint_list import MintList
from pos_app.ui.widgets.option_fields import (
    TOUCH_INDICATORS,
    OptionField,
    make_field,
    refusal_text,
    tr,
)
from pos_app.ui.widgets.schedule_status import ScheduleStatus
from pos_app.ui.widgets.staff_panel import StaffPanel
from pos_app.ui.widgets.webhook_panel import WebhookPanel

MINTS_GROUP = "Mints"
WEBHOOKS_GROUP = "Webhooks"
EXPORTS_GROUP = "Exports"
API_GROUP = "API"
LABEL_WIDTH = 260  # the same in every group, so editors line up down the page


class SettingsPage(Page):
    """Settings form with Save and Revert, plus the trusted mints list."""

    shortcut = "F4"
    needs = "owner"

    def __init__(self, ui: UiContext, parent: QWidget | None = None) -> None:
        super().__init__(ui, parent)
        self.title = self.tr("Settings")
        self.setStyleSheet(TOUCH_INDICATORS)
        self.fields: dict[str, OptionField] = {}
        self.scope_labels: dict[str, QLabel] = {}  # filled on a shared store only
        self.values: dict[str, Any] = {}
        self.dirty = False
        self._loaded = False
        self._saving = False

        heading = QLabel(self.title)
        heading.setProperty("role", "title")
        content = QWidget()
        self._form = QVBoxLayout(content)
        self._form.setSpacing(14)
        self.mint_list = MintList(ui)
        self.webhooks = WebhookPanel(ui)
        self.api_keys = ApiKeysPanel(ui)
        self.schedule_status = ScheduleStatus(ui)
        for group, options in self._groups(advanced=False).items():
            self._form.addWidget(self._group_box(group, options))
        self.items = ItemsPanel(ui)
        items_box = QGroupBox(self.tr("Items"))
        items_box.setObjectName("group-Items")
        QVBoxLayout(items_box).addWidget(self.items)
        self._form.addWidget(items_box)
        self.staff = StaffPanel(ui)
        staff_box = QGroupBox(self.tr("Staff"))
        staff_box.setObjectName("group-Staff")
        QVBoxLayout(staff_box).addWidget(self.staff)
        self._form.addWidget(staff_box)
        self.advanced_button = QPushButton("▸ " + self.tr("Show advanced settings"))
        self.advanced_button.setObjectName("advanced-toggle")
        self.advanced_button.clicked.connect(
            lambda: self.show_advanced(not self.advanced.isVisibleTo(self))
        )
        advanced_row = QHBoxLayout()
        advanced_row.addWidget(self.advanced_button)
        advanced_row.addStretch(1)
        self.audit_button = QPushButton(self.tr("Audit log…"))
        theme.set_icon(self.audit_button, "shield-check-outline")
        self.audit_button.setToolTip(
            self.tr("Who did what and when; check that nobody changed the log.")
        )
        self.audit_button.clicked.connect(self.open_audit)
        self.audit_dialog: AuditDialog | None = None
        self.presets_button = QPushButton(self.tr("Presets…"))
        theme.set_icon(self.presets_button, "tune-variant")
        self.presets_button.setToolTip(
            self.tr("Settings for a cafe, a market stall, a shop with an online store…")
        )
        self.presets_button.clicked.connect(self.open_presets)
        self.preset_dialog: PresetDialog | None = None
        self.rerun_button = QPushButton(self.tr("Run setup again…"))
        theme.set_icon(self.rerun_button, "auto-fix")
        self.rerun_button.setToolTip(
            self.tr("The shop, how payments are kept and the Lightning address, step by step.")
        )
        self.rerun_button.clicked.connect(self.rerun_setup)
        self.rerun_wizard: RerunSetup | None = None
        advanced_row.addWidget(self.rerun_button)
        advanced_row.addWidget(self.presets_button)
        advanced_row.addWidget(self.audit_button)
        self._tools_row = advanced_row
        self._form.addLayout(advanced_row)
        self.advanced = QWidget()
        self.advanced.setObjectName("advanced-settings")
        advanced_layout = QVBoxLayout(self.advanced)
        advanced_layout.setContentsMargins(0, 0, 0, 0)
        advanced_layout.setSpacing(14)
        hint = QLabel(self.tr("Most shops never change these: the defaults are safe."))
        hint.setProperty("role", "muted")
        hint.setWordWrap(True)
        advanced_layout.addWidget(hint)
        for group, options in self._groups(advanced=True).items():
            advanced_layout.addWidget(self._group_box(group, options, advanced=True))
        self.advanced.hide()
        self._form.addWidget(self.advanced)
        self._form.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(content)
        self.scroll = scroll

        self.status = QLabel()
        self.status.setWordWrap(True)
        self.revert_button = QPushButton(self.tr("Revert"))
        theme.set_icon(self.revert_button, "undo")
        self.revert_button.clicked.connect(self.reload)
        self.save_button = QPushButton(self.tr("Save  (Ctrl+S)"))
        self.save_button.setProperty("role", "primary")
        theme.set_icon(self.save_button, "content-save-outline")
        self.save_button.clicked.connect(self.save)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        self.export_settings_button = QPushButton(self.tr("Export settings…"))
        self.export_settings_button.clicked.connect(self.export_settings)
        self.import_settings_button = QPushButton(self.tr("Import settings…"))
        self.import_settings_button.clicked.connect(self.import_settings)
        self.transfer_dialog: ExportSettingsDialog | ImportSettingsDialog | None = None
        # With the owner's other tools above the form: the bottom bar must stay narrow
        # enough for a 1024 px till.
        self._tools_row.insertWidget(2, self.export_settings_button)
        self._tools_row.insertWidget(3, self.import_settings_button)
        bar = QHBoxLayout()
        bar.addWidget(self.status, 1)
        bar.addWidget(self.revert_button)
        bar.addWidget(self.save_button)

        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addLayout(bar)

    def open_presets(self) -> PresetDialog:
        """Show the presets (not blocking); the form shows the new values once applied."""
        self.preset_dialog = PresetDialog(self.ui, self.window())
        self.preset_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.preset_dialog.applied.connect(lambda _changes: self.reload())
        self.preset_dialog.open()
        return self.preset_dialog

    def rerun_setup(self) -> None:
        """The setup wizard's shop pages again, filled with the current settings."""
        if self.rerun_wizard is None:
            spawn(self._rerun(), on_error=self._failed)

    async def _rerun(self) -> None:
        values = await self.ui.settings()
        rates = self.ui.core.sales.rate_service(values)

        wizard = RerunSetup(
            self.ui.core, values, rate=rates.rate, lightning=pay_params, parent=self.window()
        )
        self.rerun_wizard = wizard
        try:
            changed = await wizard.changed()
        finally:
            self.rerun_wizard = None
            wizard.deleteLater()
        if changed:
            stored = await self.ui.settings()
            self._show_values(stored)
            self._say(self.tr("Setup saved."), "ok")
            self.ui.bridge.settings_saved.emit(stored)

    def open_audit(self) -> AuditDialog:
        """Show the audit log (not blocking)."""
        self.audit_dialog = AuditDialog(self.ui, self.window())
        self.audit_dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.audit_dialog.open()
        return self.audit_dialog

    # -- building ----------------------------------------------------------------------------

    def _groups(self, *, advanced: bool) -> dict[str, list[Option]]:
        """Basic or advanced options by group in declaration order, the mints' group first."""
        groups: dict[str, list[Option]] = {} if advanced else {MINTS_GROUP: []}
        for option in self.ui.core.config.options.values():
            if option.advanced == advanced:
                groups.setdefault(option.group, []).append(option)
        return groups

    def show_advanced(self, shown: bool) -> None:
        """Open or close the advanced section."""
        self.advanced.setVisible(shown)
        self.advanced_button.setText(
            "▾ " + self.tr("Hide advanced settings")
            if shown
            else "▸ " + self.tr("Show advanced settings")
        )

    def _group_box(self, group: str, options: list[Option], *, advanced: bool = False) -> QGroupBox:
        box = QGroupBox(tr(group))
        box.setObjectName(f"group-{group}{'-advanced' if advanced else ''}")
        grid = QGridLayout(box)
        grid.setColumnStretch(1, 1)
        grid.setHorizontalSpacing(16)
        row = 0
        if group == MINTS_GROUP and not advanced:
            label = QLabel(self.tr("Trusted mints"))
            label.setStyleSheet("font-weight: 600;")
            label.setFixedWidth(LABEL_WIDTH)
            hint = QLabel(self.tr("Changes to mints apply at once."))
            hint.setProperty("role", "muted")
            hint.setWordWrap(True)
            hint.setFixedWidth(LABEL_WIDTH)
            column = QVBoxLayout()
            column.addWidget(label)
            column.addWidget(hint)
            column.addStretch(1)
            grid.addLayout(column, row, 0)
            grid.addWidget(self.mint_list, row, 1)
            row += 1
        if group == WEBHOOKS_GROUP:  # receivers first, then their settings
            grid.addWidget(self.webhooks, row, 0, 1, 2)
            row += 1
        if group == API_GROUP:  # the keys first, then whether and where the API serves
            grid.addWidget(self.api_keys, row, 0, 1, 2)
            row += 1
        for option in options:
            field = make_field(option)
            field.edited.connect(self._edited)
            self.fields[option.key] = field
            label = QLabel(field.label)
            label.setStyleSheet("font-weight: 600;")
            label.setWordWrap(True)
            label.setFixedWidth(LABEL_WIDTH)
            scope = self._scope_label(option)
            if scope is None:
                grid.addWidget(label, row, 0, Qt.AlignmentFlag.AlignTop)
            else:
                column = QVBoxLayout()
                column.setSpacing(2)
                column.addWidget(label)
                column.addWidget(scope)
                column.addStretch(1)
                grid.addLayout(column, row, 0)
            grid.addWidget(field, row, 1)
            row += 1
        if group == EXPORTS_GROUP:  # the schedule's next run, under its settings
            grid.addWidget(self.schedule_status, row, 1)
        return box

    def _scope_label(self, option: Option) -> QLabel | None:
        """Under an option's name on a shared store: how far a change of it reaches."""
        if not self.ui.core.settings.shared:
            return None
        if option.scope == TILL:
            label = QLabel(self.tr("This till only"))
            label.setToolTip(self.tr("Each till of the shop keeps its own value."))
        else:
            label = QLabel(self.tr("All tills"))
            label.setToolTip(self.tr("A change here applies to every till of the shop."))
        label.setObjectName(f"scope-{option.key}")
        label.setProperty("role", "muted")
        label.setFixedWidth(LABEL_WIDTH)
        self.scope_labels[option.key] = label
        return label

    # -- page hooks --------------------------------------------------------------------------

    def activated(self) -> None:
        """Load the stored values (unless the owner has unsaved edits) and the mints."""
        if not self.dirty:
            self.reload()
        self.mint_list.refresh()
        self.webhooks.refresh()
        self.api_keys.refresh()
        self.items.refresh()
        self.staff.refresh()
        self.schedule_status.load()

    def reload(self) -> None:
        """Show the stored values again, discarding edits."""
        spawn(self.ui.settings(), on_done=self._show_values, on_error=self._failed)

    def _show_values(self, values: dict[str, Any]) -> None:
        self.values = dict(values)
        for key, field in self.fields.items():
            field.blockSignals(True)
            field.set_value(values.get(key, field.option.default))
            field.blockSignals(False)
            field.set_error(None)
        self.dirty = False
        self._loaded = True
        self._say("", "")

    def _edited(self) -> None:
        self.dirty = True
        self._say(self.tr("Unsaved changes."), "muted")

    # -- export and import -------------------------------------------------------------------

    def export_settings(self) -> None:
        """Open the export dialog (non-blocking)."""
        self.transfer_dialog = ExportSettingsDialog(self.ui, self)
        self.transfer_dialog.open()

    def import_settings(self) -> None:
        """Open the import dialog; after Apply the page shows the new values."""
        dialog = ImportSettingsDialog(self.ui, self)
        dialog.applied.connect(self._imported)
        self.transfer_dialog = dialog
        dialog.open()

    def _imported(self, stored: dict[str, Any]) -> None:
        text = self.tr("Imported {n} setting(s).").format(n=len(stored))

        def show(values: dict[str, Any]) -> None:
            self._show_values(values)
            self._say(text, "ok")

        spawn(self.ui.settings(), on_done=show, on_error=self._failed)
        self.webhooks.refresh()
        self.ui.bridge.settings_saved.emit(stored)
        self.schedule_status.load()

    # -- saving ------------------------------------------------------------------------------

    def field(self, key: str) -> OptionField:
        """The editor of setting ``key``."""
        return self.fields[key]

    def save(self) -> None:
        """Validate every field; write the valid changed ones; explain the others in place."""
        if self._saving or not self._loaded:
            return
        changes: dict[str, Any] = {}
        refused: list[OptionField] = []
        for key, field in self.fields.items():
            try:
                value = field.option.parse(field.raw())
            except ConfigError as err:
                field.set_error(refusal_text(err))
                refused.append(field)
                continue
            field.set_error(None)
            if value != self.values.get(key):
                changes[key] = value
        self._check_together(changes, refused)
        if refused:
            if any(f.option.advanced for f in refused):
                self.show_advanced(True)  # a refused value must not hide in a closed section
            self.scroll.ensureWidgetVisible(refused[0])
        if not changes:
            self._report(0, len(refused))
            return
        self._saving = True
        self.save_button.setEnabled(False)
        spawn(
            self._store(changes),
            on_done=lambda done: self._saved(done[0], len(refused) + done[1]),
            on_error=self._failed,
        )

    async def _store(self, changes: dict[str, Any]) -> tuple[dict[str, Any], int]:
        """Write ``changes``; the withdrawal threshold is first checked live at the address.

        Returns the stored values and how many more fields were refused (0 or 1).
        """
        refused = 0
        if set(changes) & set(THRESHOLD_KEYS):
            try:
                await self.ui.core.withdrawals.check_threshold({**self.values, **changes})
            except ConfigError as err:
                self.fields["withdraw.threshold"].set_error(
                    self.tr(
                        "The Lightning address accepts {n} sat or more: the withdrawal "
                        "threshold must be at least that."
                    ).format(n=err.data["minimum"])
                )
                refused = 1
                for key in THRESHOLD_KEYS:
                    changes.pop(key, None)
        if not changes:
            return {}, refused
        return await self.ui.core.settings.set_many(changes), refused

    def _check_together(self, changes: dict[str, Any], refused: list[OptionField]) -> None:
        """Hold back the rate settings when together they would leave sales unpriceable."""
        if not set(changes) & set(RATE_KEYS):
            return
        try:
            check_together({**self.values, **changes})
        except ConfigError as err:
            field = self.fields.get(err.data.get("key", ""))
            if field is not None:
                field.set_error(explain_error(err).text)
                refused.append(field)
            for key in RATE_KEYS:
                changes.pop(key, None)

    def _saved(self, stored: dict[str, Any], refused: int) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self.values.update(stored)
        self.dirty = bool(refused)
        self._report(len(stored), refused)
        self.ui.bridge.settings_saved.emit(stored)
        self.schedule_status.load()

    def _report(self, saved: int, refused: int) -> None:
        if refused:
            text = self.tr("{n} setting(s) not saved: see the message under each.").format(
                n=refused
            )
            if saved:
                text = self.tr("Saved {n} setting(s).").format(n=saved) + " " + text
            self._say(text, "error")
        elif saved:
            self._say(self.tr("Saved {n} setting(s).").format(n=saved), "ok")
        else:
            self._say(self.tr("Nothing to save: no setting was changed."), "muted")

    def _failed(self, err: PosError) -> None:
        self._saving = False
        self.save_button.setEnabled(True)
        self._say(err.user_message, "error")

    def _say(self, text: str, role: str) -> None:
        theme.set_role(self.status, role)
        self.status.setText(text)
