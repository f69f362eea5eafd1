"""German, French and Spanish: every visible text is translated, and the translations
are up to date with the code.

When one of these fails after you added or changed a text:
    make translations                                   # new texts into resources/i18n/*.ts
    .venv/bin/python tools/translations.py todo > todo.json
    # translate each entry of todo.json (de, fr, es), or use pyside6-linguist instead
    .venv/bin/python tools/translations.py fill todo.json
    make translations                                   # compiles the .qm files
and commit the .ts and .qm files.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication

from pos_app import language
from pos_app.core.config import OPTIONS
from pos_app.ui import i18n

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
LANGUAGES = i18n.TRANSLATED
BIN = Path(sys.executable).parent
HOW_TO_FIX = (
    "Run `make translations`, then `.venv/bin/python tools/translations.py todo > todo.json`, "
    "translate its entries (de, fr, es), `tools/translations.py fill todo.json`, "
    "`make translations` again, and commit the .ts and .qm files (see tests/gui/test_i18n.py)."
)
# Placeholders that must survive translation: {name}, %1, %n, %p.
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%\d|%n|%p")


def sources() -> list[Path]:
    """What `make translations` reads (keep in step with I18N_SOURCES in the Makefile)."""
    return [
        *sorted((ROOT / "pos_app" / "ui").rglob("*.py")),
        ROOT / "pos_app/core/config.py",
        ROOT / "pos_app/core/presets.py",
        ROOT / "pos_app/core/reports/zsections.py",
    ]


def messages(ts: Path) -> list[tuple[str, ET.Element]]:
    """(context, message) for every current entry (obsolete ones are not shown)."""
    out = []
    for context in ET.parse(ts).getroot().iter("context"):
        for message in context.iter("message"):
            kind = message.find("translation").get("type")
            if kind not in ("obsolete", "vanished"):
                out.append((context.findtext("name") or "", message))
    return out


def keys(ts: Path) -> set[tuple[str, str]]:
    return {(context, m.findtext("source")) for context, m in messages(ts)}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_text_has_a_finished_translation(lang):
    ts = I18N / f"pos_app_{lang}.ts"
    assert ts.is_file() and (I18N / f"pos_app_{lang}.qm").is_file(), HOW_TO_FIX
    problems = []
    for context, message in messages(ts):
        source = message.findtext("source")
        translation = message.find("translation")
        forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
        if translation.get("type") == "unfinished" or not all(f.strip() for f in forms):
            problems.append(f"{context}: {source!r} is not translated")
            continue
        wanted = sorted(PLACEHOLDER.findall(source))
        for form in forms:
            if sorted(PLACEHOLDER.findall(form)) != wanted:
                problems.append(f"{context}: {form!r} does not keep {wanted} of {source!r}")
    assert not problems, f"{len(problems)} problem(s) in {ts.name}:\n" + "\n".join(
        [*problems[:40], HOW_TO_FIX]
    )


def test_translations_are_up_to_date_with_the_code(tmp_path):
    lupdate, lrelease = BIN / "pyside6-lupdate", BIN / "pyside6-lrelease"
    if not lupdate.exists():
        pytest.skip("pyside6-lupdate is not installed next to this Python")
    fresh = tmp_path / "fresh_de.ts"
    shutil.copy(I18N / "pos_app_de.ts", fresh)
    subprocess.run(
        [lupdate, "-silent", "-locations", "none", "-no-obsolete", *sources(), "-ts", fresh],
        check=True,
        cwd=ROOT,
    )
    in_code, shipped = keys(fresh), keys(I18N / "pos_app_de.ts")
    new = sorted(in_code - shipped)
    gone = sorted(shipped - in_code)
    assert not new and not gone, (
        f"texts in the code but not in the translations: {new[:20]}\n"
        f"translations of texts no longer in the code: {gone[:20]}\n{HOW_TO_FIX}"
    )
    for lang in LANGUAGES:
        assert keys(I18N / f"pos_app_{lang}.ts") == shipped, f"{lang}: {HOW_TO_FIX}"
        qm = tmp_path / f"{lang}.qm"
        subprocess.run(
            [lrelease, "-silent", I18N / f"pos_app_{lang}.ts", "-qm", qm], check=True, cwd=ROOT
        )
        assert qm.read_bytes() == (I18N / f"pos_app_{lang}.qm").read_bytes(), (
            f"pos_app_{lang}.qm is older than its .ts: {HOW_TO_FIX}"
        )


def _name(func: ast.expr) -> str | None:
    return func.id if isinstance(func, ast.Name) else getattr(func, "attr", None)


def test_no_text_is_hidden_from_lupdate():
    """lupdate reads tr()/translate()/QT_TRANSLATE_NOOP calls with literal texts only: a text
    built inside an f-string, or passed to a helper of another name, is never translated."""
    seen_by_lupdate = {"tr", "translate", "QT_TRANSLATE_NOOP", "QT_TR_NOOP"}
    problems = []
    for path in sources():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        in_fstring = {
            id(call)
            for node in ast.walk(tree)
            if isinstance(node, ast.JoinedStr)
            for call in ast.walk(node)
            if isinstance(call, ast.Call)
        }
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call):
                continue
            name = _name(node.func)
            literal = any(
                isinstance(a, ast.Constant) and isinstance(a.value, str) for a in node.args
            )
            where = f"{path.relative_to(ROOT)}:{node.lineno}"
            if name in seen_by_lupdate:
                if literal and id(node) in in_fstring:
                    problems.append(f"{where}: {name}() inside an f-string")
                if any(isinstance(a, (ast.JoinedStr, ast.BinOp)) for a in node.args[:2]):
                    problems.append(f"{where}: {name}() of a built text (f-string or +)")
            elif name in ("_tr", "_translate", "_t") and literal:
                problems.append(f"{where}: {name}() is not read by lupdate; call tr()")
    assert not problems, "\n".join(problems)


def test_settings_texts_are_marked_for_translation():
    shipped = keys(I18N / "pos_app_de.ts")
    missing = [
        text
        for option in OPTIONS.values()
        for text in (option.label, option.help, option.group)
        if ("Settings", text) not in shipped
    ]
    assert not missing, (
        f"wrap these in QT_TRANSLATE_NOOP('Settings', ...) in pos_app/core/config.py: {missing}. "
        + HOW_TO_FIX
    )


@pytest.mark.parametrize(
    ("lang", "words"),
    [("de", "Bereits ausgegeben"), ("fr", "Déjà dépensé"), ("es", "Ya gastado")],
)
def test_the_app_speaks_the_chosen_language(qapp, tmp_path, monkeypatch, lang, words):
    monkeypatch.delenv("POS_APP_LANGUAGE", raising=False)
    language.remember(tmp_path, lang)
    assert language.preference(tmp_path) == lang
    try:
        assert i18n.install(qapp, tmp_path) == lang
        assert QCoreApplication.translate("messages", "Already spent") == words
        # a module-level tr() helper: lupdate filed it under the empty context
        assert QCoreApplication.translate("Settings", "Trusted mints only") != (
            "Trusted mints only"
        )
        # a text added later and not translated yet shows in English, never empty
        assert QCoreApplication.translate("messages", "Nobody translated this") == (
            "Nobody translated this"
        )
        # Qt's own buttons come from Qt's translations
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") != "Cancel"
    finally:
        i18n.uninstall(qapp)
    assert QCoreApplication.translate("messages", "Already spent") == "Already spent"


def test_language_choice_defaults_to_the_system(tmp_path, monkeypatch):
    monkeypatch.delenv("POS_APP_LANGUAGE", raising=False)
    assert language.preference(tmp_path) == i18n.SYSTEM
    assert i18n.resolve(tmp_path) == i18n.system_language()
    (tmp_path / language.PREFERENCE_FILE).write_text("xx\n")
    assert language.preference(tmp_path) == i18n.SYSTEM  # unknown codes are ignored
    language.remember(tmp_path, "fr")
    monkeypatch.setenv("POS_APP_LANGUAGE", "es")
    assert i18n.resolve(tmp_path) == "es"
    language.remember(tmp_path, i18n.SYSTEM)
    assert not (tmp_path / language.PREFERENCE_FILE).exists()


def test_refusals_in_settings_speak_the_language(qapp, tmp_path, monkeypatch):
    from pos_app.core.errors import ConfigError
    from pos_app.ui.widgets.option_fields import refusal_text

    def refusal(key: str, raw: str) -> str:
        with pytest.raises(ConfigError) as caught:
            OPTIONS[key].parse(raw)
        return refusal_text(caught.value)

    assert refusal("fees.max_mint_fee_pct", "150") == "Highest mint fee (%): must be at most 100."
    monkeypatch.setenv("POS_APP_LANGUAGE", "de")
    try:
        assert i18n.install(qapp, tmp_path) == "de"
        assert refusal("fees.max_mint_fee_pct", "150") == (
            "Höchste Mint-Gebühr (%): darf höchstens 100 sein."
        )
        assert refusal("sale.expiry_seconds", "soon").endswith("muss eine ganze Zahl sein.")
        assert "three-letter" not in refusal("currency", "euros")
    finally:
        i18n.uninstall(qapp)


def test_cli_keeps_the_language_for_the_next_start(tmp_path):
    from tests.support.cli import Cli

    shop = Cli(tmp_path / "shop")
    shop.setup("init")
    shop.setup("config", "set", "language", "es")
    assert language.preference(tmp_path / "shop") == "es"
    shop.setup("config", "unset", "language")
    assert language.preference(tmp_path / "shop") == language.SYSTEM
