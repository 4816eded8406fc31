"""`clearstone schema`: print the JSON Schema of the lot file (or of the rule pack)."""

from __future__ import annotations

import argparse
from typing import Any

from desktop.cli.common import EXIT_OK, print_json


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "schema", help="print the JSON Schema of clearstone.lot/1 or of the rule pack"
    )
    parser.add_argument("which", nargs="?", choices=["lot", "rulepack"], default="lot")
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    if args.which == "lot":
        from desktop.lot import lot_json_schema

        print_json(lot_json_schema())
    else:
        from desktop.rules.model import RulePack

        print_json(RulePack.model_json_schema(by_alias=True))
    return EXIT_OK
