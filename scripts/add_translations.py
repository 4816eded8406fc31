"""Append French translations to resources/translations/clearstone_fr.ts from a TSV of `source<TAB>translation`.

    python scripts/add_translations.py NEW.tsv

Only new sources are added (an existing one is reported and left as it is: edit it in place); the file is
otherwise kept byte for byte, comments included. XML escaping is done here, so the TSV holds the strings
exactly as the code writes them (`&` mnemonics included; `\\n` for a line break).
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
            pairs.append((source.replace("\\n", "\n"), translation.replace("\\n", "\n")))
    text = CATALOGUE.read_text(encoding="utf-8")
    existing = {m.findtext("source") for m in ElementTree.fromstring(text.split("\n", 2)[2]).iter("message")}
    blocks = []
    for source, translation in pairs:
        if source in existing:
            print(f"already translated, left as it is: {source!r}", file=sys.stderr)
            continue
        blocks.append(
            f"    <message>\n        <source>{escape(source)}</source>\n"
            f"        <translation>{escape(translation)}</translation>\n    </message>\n"
        )
    at = text.rindex("</context>")
    CATALOGUE.write_text(text[:at] + "".join(blocks) + text[at:], encoding="utf-8")
    print(f"{len(blocks)} translation(s) added to {CATALOGUE}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
