"""Regenerate resources/translations/workstation_zh_CN.ts from the sources and the glossaries.

    .venv/bin/python tools/i18n.py          # lupdate ui/ and player/, fill translations, list what is missing

Translations are kept as glossaries, `resources/translations/glossary/*.tsv` (English source text, a tab,
Simplified Chinese; one file per feature area so that parallel work never edits the same file). The .ts
file (what Qt Linguist and lrelease read) is derived from them; the set-up compiles it to .qm. Exits 1
when a source string has no translation.
"""

import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "resources" / "translations"
TS_FILE = TRANSLATIONS / "workstation_zh_CN.ts"


def glossary() -> dict[str, str]:
    entries: dict[str, str] = {}
    for path in sorted((TRANSLATIONS / "glossary").glob("*.tsv")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if not line.strip() or line.startswith("#"):
                continue
            source, separator, translation = line.partition("\t")
            if not separator or not translation:
                raise SystemExit(f"{path.name}:{number}: expected 'source<TAB>translation'")
            entries[source.replace("\\n", "\n")] = translation.replace("\\n", "\n")
    return entries


def main() -> int:
    sources = sorted(
        str(path.relative_to(ROOT)) for folder in ("ui", "player") for path in (ROOT / folder).rglob("*.py")
    )
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run([str(lupdate), "-silent", "-no-obsolete", *sources, "-ts", str(TS_FILE)], cwd=ROOT, check=True)
    known = glossary()
    tree = ElementTree.parse(TS_FILE)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        if source in known:
            translation.text = known[source]
            translation.attrib.pop("type", None)
        else:
            missing.append(source)
    tree.write(TS_FILE, encoding="utf-8", xml_declaration=True)
    for source in missing:
        print(f"untranslated: {source!r}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
