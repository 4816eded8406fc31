"""Add French translations to resources/translations/clearstone_fr.ts from a TSV of `source<TAB>translation`.

    python scripts/add_translations.py NEW.tsv

Sources already in the catalogue are replaced; new ones are appended. XML escaping is done here, so the TSV
holds the strings exactly as the code writes them (`&` mnemonics included).
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path
from xml.sax.saxutils import escape

CATALOGUE = Path(__file__).resolve().parent.parent / "resources" / "translations" / "clearstone_fr.ts"


def main(argv: list[str]) -> int:
    pairs = []
    for line in Path(argv[1]).read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            source, _, translation = line.partition("\t")
            if not translation:
                print(f"no translation for {source!r}", file=sys.stderr)
                return 2
            pairs.append((source, translation))
    tree = ElementTree.parse(CATALOGUE)
    context = tree.getroot().find("context")
    assert context is not None
    existing = {m.findtext("source"): m for m in context.iter("message")}
    for source, translation in pairs:
        message = existing.get(source)
        if message is None:
            message = ElementTree.SubElement(context, "message")
            ElementTree.SubElement(message, "source").text = source
            ElementTree.SubElement(message, "translation").text = translation
        else:
            found = message.find("translation")
            assert found is not None
            found.text = translation
            found.attrib.pop("type", None)
    CATALOGUE.write_text(_serialise(tree.getroot()), encoding="utf-8")
    print(f"{len(pairs)} translation(s) written to {CATALOGUE}")
    return 0


def _serialise(root: ElementTree.Element) -> str:
    """The catalogue in the layout Qt Linguist writes (one context at the left margin), so diffs stay small."""
    attrs = " ".join(f'{k}="{escape(v)}"' for k, v in root.attrib.items())
    lines = ['<?xml version="1.0" encoding="utf-8"?>', "<!DOCTYPE TS>", f"<TS {attrs}>"]
    for context in root.iter("context"):
        lines += ["<context>", f"    <name>{escape(context.findtext('name') or '')}</name>"]
        for message in context.iter("message"):
            translation = message.find("translation")
            kind = (
                f' type="{translation.get("type")}"'
                if translation is not None and translation.get("type")
                else ""
            )
            lines += [
                "    <message>",
                f"        <source>{escape(message.findtext('source') or '')}</source>",
                f"        <translation{kind}>{escape(translation.text or '' if translation is not None else '')}</translation>",
                "    </message>",
            ]
        lines.append("</context>")
    lines.append("</TS>")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    sys.exit(main(sys.argv))
