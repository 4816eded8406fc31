"""`clearstone rules`: show the active rule pack, install signed updates, and publishers' tools."""

from __future__ import annotations

import argparse
import json
import os
from collections import Counter
from pathlib import Path
from typing import Any

from desktop.cli.common import EXIT_OK, CommandError, add_common_options, data_dir, print_json


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "rules", help="the rule pack: status, import a signed update, publisher tools"
    )
    actions = parser.add_subparsers(dest="rules_command", metavar="ACTION", required=True)

    status = actions.add_parser("status", help="show the active rule pack")
    add_common_options(status)
    status.set_defaults(handler=_status)

    install = actions.add_parser("import", help="install a newer pack signed by a trusted publisher")
    install.add_argument("pack", type=Path, metavar="PACK")
    add_common_options(install)
    install.set_defaults(handler=_import)

    trust = actions.add_parser("trust", help="trust a publisher's Ed25519 public key (PEM) for pack imports")
    trust.add_argument("key", type=Path, metavar="PUBLIC_KEY.pem")
    add_common_options(trust)
    trust.set_defaults(handler=_trust)

    keygen = actions.add_parser("keygen", help="publishers: create an Ed25519 signing key pair")
    keygen.add_argument("--out", type=Path, required=True, metavar="PRIVATE_KEY.pem")
    add_common_options(keygen)
    keygen.set_defaults(handler=_keygen)

    build = actions.add_parser("build", help="publishers: assemble a pack from its YAML sources and sign it")
    build.add_argument("source", type=Path, metavar="SOURCE_DIR")
    build.add_argument("--key", type=Path, required=True, metavar="PRIVATE_KEY.pem")
    build.add_argument("--publisher", default="Clearstone rule publisher")
    build.add_argument("--out", type=Path, required=True, metavar="PACK.cspack.json")
    add_common_options(build)
    build.set_defaults(handler=_build)


def _status(args: argparse.Namespace) -> int:
    from desktop.rules.pack import load_active_pack

    loaded = load_active_pack(data_dir(args))
    pack = loaded.pack
    per_jurisdiction: Counter[str] = Counter()
    for rule in pack.rules:
        for code in rule.jurisdictions():
            per_jurisdiction[code] += 1
    document = {
        "id": pack.id,
        "version": pack.version,
        "as_of": pack.as_of.isoformat(),
        "sha256": loaded.sha256,
        "origin": loaded.origin,
        "publisher_key": loaded.publisher_key,
        "rules": len(pack.rules),
        "exemptions": len(pack.exemptions),
        "rules_per_jurisdiction": dict(sorted(per_jurisdiction.items())),
        "kp_participants_as_of": pack.kp.as_of.isoformat(),
        "notice": loaded.notice,
    }
    if args.json:
        print_json(document)
        return EXIT_OK
    print(f"Rule pack {pack.id} {pack.version} (as of {pack.as_of})")
    print(f"  {pack.title}")
    print(f"  source: {loaded.origin}; sha256 {loaded.sha256}")
    print(
        f"  {len(pack.rules)} rules, {len(pack.exemptions)} exemptions; KP participants as of {pack.kp.as_of}"
    )
    print("  rules per jurisdiction: " + ", ".join(f"{k} {v}" for k, v in sorted(per_jurisdiction.items())))
    if loaded.notice:
        print(f"  note: {loaded.notice}")
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from desktop.rules.pack import PackError, import_pack

    try:
        installed = import_pack(data_dir(args), args.pack)
    except PackError as exc:
        raise CommandError(str(exc)) from None
    pack = installed.pack
    if args.json:
        print_json(
            {
                "installed": True,
                "id": pack.id,
                "version": pack.version,
                "as_of": pack.as_of.isoformat(),
                "sha256": installed.sha256,
            }
        )
    else:
        print(f"Installed rule pack {pack.id} {pack.version} (as of {pack.as_of}), sha256 {installed.sha256}")
    return EXIT_OK


def _trust(args: argparse.Namespace) -> int:
    from desktop.rules.pack import PackError, trust_publisher

    try:
        ident = trust_publisher(data_dir(args), args.key)
    except PackError as exc:
        raise CommandError(str(exc)) from None
    if args.json:
        print_json({"trusted": ident})
    else:
        print(f"Trusted publisher key {ident}")
    return EXIT_OK


def _keygen(args: argparse.Namespace) -> int:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

    from desktop.rules.pack import key_id

    out: Path = args.out
    if out.exists():
        raise CommandError(f"{out} exists; refusing to overwrite a key")
    key = Ed25519PrivateKey.generate()
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )
    public = key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    fd = os.open(out, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as handle:
        handle.write(private)
    public_path = out.with_suffix(".pub.pem")
    public_path.write_bytes(public)
    ident = key_id(key.public_key())
    if args.json:
        print_json({"private_key": str(out), "public_key": str(public_path), "key_id": ident})
    else:
        print(
            f"Private key: {out} (keep it offline)\nPublic key:  {public_path} (distribute; key id {ident})"
        )
    return EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from desktop.rules.pack import PackError, load_private_key, load_source_dir, pack_sha256, sign_pack

    try:
        pack = load_source_dir(args.source)
        signed = sign_pack(pack, load_private_key(args.key), args.publisher)
    except PackError as exc:
        raise CommandError(str(exc)) from None
    args.out.write_text(json.dumps(signed, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    if args.json:
        print_json(
            {"out": str(args.out), "id": pack.id, "version": pack.version, "sha256": pack_sha256(pack)}
        )
    else:
        print(f"Signed pack {pack.id} {pack.version} written to {args.out} (sha256 {pack_sha256(pack)})")
    return EXIT_OK
