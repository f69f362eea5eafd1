"""Work on the German, French and Spanish translations without Qt Linguist.

    make translations                                   # pick up new texts from the code
    .venv/bin/python tools/translations.py todo > todo.json
    # fill in the "de", "fr" and "es" of every entry of todo.json, then
    .venv/bin/python tools/translations.py fill todo.json
    make translations                                   # compile the .qm files

``todo`` lists every text that is unfinished in at least one language, as
``{"context|source": {"de": "", "fr": "", "es": ""}}`` (already finished languages are
filled in, to be kept or corrected). ``fill`` writes the given translations into
resources/i18n/pos_app_<lang>.ts and marks them finished; texts with a plural (%n)
take a list of forms. Empty strings are left unfinished.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LANGUAGES = ("de", "fr", "es")
HEADER = b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'


def ts_path(lang: str) -> Path:
    return ROOT / "resources" / "i18n" / f"pos_app_{lang}.ts"


def entries(tree: ET.ElementTree):
    for context in tree.getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            yield f"{name}|{message.findtext('source')}", message


def text_of(message: ET.Element) -> str | list[str]:
    translation = message.find("translation")
    forms = [f.text or "" for f in translation.iter("numerusform")]
    return forms if message.get("numerus") == "yes" else (translation.text or "")


def todo() -> dict[str, dict[str, str | list[str]]]:
    out: dict[str, dict[str, str | list[str]]] = {}
    for lang in LANGUAGES:
        for key, message in entries(ET.parse(ts_path(lang))):
            if message.find("translation").get("type") == "unfinished":
                out.setdefault(key, {})
    for lang in LANGUAGES:
        for key, message in entries(ET.parse(ts_path(lang))):
            if key in out:
                done = message.find("translation").get("type") != "unfinished"
                out[key][lang] = text_of(message) if done else ""
    return out


def fill(given: dict[str, dict[str, str | list[str]]]) -> int:
    written = 0
    for lang in LANGUAGES:
        tree = ET.parse(ts_path(lang))
        for key, message in entries(tree):
            value = given.get(key, {}).get(lang)
            if not value or (isinstance(value, list) and not all(value)):
                continue
            translation = message.find("translation")
            for child in list(translation):
                translation.remove(child)
            translation.attrib.pop("type", None)
            if message.get("numerus") == "yes":
                translation.text = None
                for form in value if isinstance(value, list) else [value, value]:
                    ET.SubElement(translation, "numerusform").text = form
            else:
                translation.text = value if isinstance(value, str) else value[0]
            written += 1
        with ts_path(lang).open("wb") as out:
            out.write(HEADER)
            tree.write(out, encoding="utf-8", xml_declaration=False)
    return written


def main(argv: list[str]) -> int:
    if argv[:1] == ["todo"]:
        json.dump(todo(), sys.stdout, ensure_ascii=False, indent=2)
        print()
        return 0
    if len(argv) == 2 and argv[0] == "fill":
        count = fill(json.loads(Path(argv[1]).read_text(encoding="utf-8")))
        print(f"{count} translation(s) written; now run `make translations`.")
        return 0
    print(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
