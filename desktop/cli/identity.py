"""`clearstone identity`: create, show, import and export the signing identity; manage the trust list."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.cli.common import EXIT_OK, CommandError, add_common_options, data_dir, print_json, workspace

if TYPE_CHECKING:  # the identity package is imported lazily to keep `clearstone --help` fast
    from cryptography import x509


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "identity",
        help="the dealer's signing identity and the trust list",
        description="Create or import the signing identity (ECDSA P-256 key + certificate in a passphrase-"
        "protected PKCS#12 in the data folder), show or export its certificate, and trust other issuers.",
    )
    actions = parser.add_subparsers(dest="identity_command", metavar="ACTION")

    create = actions.add_parser("create", help="create a new key and self-signed certificate")
    create.add_argument("--name", required=True, help="the signer's full name")
    create.add_argument("--title", required=True, help="the signer's position, e.g. Compliance Officer")
    create.add_argument("--company", required=True, help="the company the signer acts for")
    create.add_argument("--country", required=True, metavar="CC", help="the company's country (ISO alpha-2)")
    create.add_argument("--email", help="contact e-mail printed on attestations")
    create.add_argument(
        "--sow-id", metavar="ID", help="the firm's WDC System of Warranties ID, printed on every attestation"
    )
    create.add_argument("--replace", action="store_true", help="replace an existing identity")
    _passphrase_option(create)
    add_common_options(create)
    create.set_defaults(handler=run_create)

    show = actions.add_parser("show", help="show the certificate and its SHA-256 fingerprint")
    add_common_options(show)
    show.set_defaults(handler=run_show)

    imp = actions.add_parser("import", help="import an existing PKCS#12 (.p12/.pfx) with an ECDSA P-256 key")
    imp.add_argument("file", type=Path, metavar="FILE.p12")
    imp.add_argument("--replace", action="store_true", help="replace an existing identity")
    _passphrase_option(imp)
    imp.add_argument(
        "--new-passphrase-env",
        metavar="VAR",
        help="protect the stored copy with the passphrase in this variable instead of the file's own",
    )
    add_common_options(imp)
    imp.set_defaults(handler=run_import)

    export = actions.add_parser("export-certificate", help="write the certificate (PEM) for buyers to trust")
    export.add_argument("file", type=Path, metavar="FILE")
    add_common_options(export)
    export.set_defaults(handler=run_export)

    trust = actions.add_parser(
        "trust",
        help="add an issuer's certificate (PEM, DER, or the signer of an attestation PDF) to your trust list",
        description="Prints the certificate's SHA-256 fingerprint: compare it with the issuer by phone, on a "
        "number you already know, before you rely on it. A different key under a name you already trust is "
        "refused unless --replace.",
    )
    trust.add_argument("file", type=Path, metavar="CERT.pem")
    trust.add_argument(
        "--replace",
        action="store_true",
        help="the issuer confirmed a new key: replace the certificates trusted under the same name",
    )
    add_common_options(trust)
    trust.set_defaults(handler=run_trust)

    trusted = actions.add_parser("trusted", help="list the issuers in your trust list")
    add_common_options(trusted)
    trusted.set_defaults(handler=run_trusted)

    # Options such as --data-dir belong to each action; on the group too they would be overwritten by the
    # action's own default.
    parser.set_defaults(handler=lambda args: _usage(parser))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _passphrase_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-env", metavar="VAR", help="read the passphrase from this environment variable (scripts)"
    )


def read_passphrase(variable: str | None, *, confirm: bool = False, prompt: str = "Passphrase: ") -> str:
    """From the named environment variable, else asked on the terminal (twice when creating)."""
    if variable:
        value = os.environ.get(variable)
        if value is None:
            raise CommandError(f"environment variable {variable} is not set")
        return value
    if not sys.stdin.isatty():
        raise CommandError("no passphrase: there is no terminal to ask on; use --passphrase-env VAR")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat passphrase: ") != first:
        raise CommandError("the two passphrases differ; nothing was changed")
    return first


def describe(cert: x509.Certificate) -> dict[str, Any]:
    from desktop.identity import certificate_fingerprint, key_id
    from desktop.identity.certificate import info_from_certificate

    info = info_from_certificate(cert)
    return {
        "name": info.name,
        "title": info.title,
        "company": info.company,
        "country": info.country,
        "email": info.email,
        "fingerprint_sha256": certificate_fingerprint(cert),
        "key_id": key_id(cert).hex(),
        "self_signed": cert.issuer == cert.subject,
        "issuer": cert.issuer.rfc4514_string(),
        "not_before": cert.not_valid_before_utc.isoformat(),
        "not_after": cert.not_valid_after_utc.isoformat(),
    }


def _print_certificate(args: argparse.Namespace, cert: x509.Certificate, headline: str) -> None:
    data = describe(cert)
    if args.json:
        print_json(data)
        return
    lines = [
        headline,
        f"  Signer       {data['name']}, {data['title']}",
        f"  Company      {data['company']} ({data['country']})"
        + (f", {data['email']}" if data["email"] else ""),
        f"  Valid        {data['not_before'][:10]} to {data['not_after'][:10]}"
        + ("  (self-signed)" if data["self_signed"] else f"  (issued by {data['issuer']})"),
        f"  SHA-256      {data['fingerprint_sha256']}",
        f"  Key ID       {data['key_id'][:16]}",
    ]
    sys.stdout.write("\n".join(lines) + "\n")


def _identity_error(exc: Exception) -> CommandError:
    return CommandError(str(exc))


def run_create(args: argparse.Namespace) -> int:
    from desktop.identity import IdentityError, IdentityInfo, IdentityStore

    folder = data_dir(args)
    store = IdentityStore(folder)
    if store.exists() and not args.replace:
        raise CommandError(
            f"a signing identity already exists in {store.folder}; pass --replace to replace it"
        )
    info = IdentityInfo(
        name=args.name.strip(),
        title=args.title.strip(),
        company=args.company.strip(),
        country=args.country.strip().upper(),
        email=args.email.strip() if args.email else None,
    )
    try:
        info.validate()
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    passphrase = read_passphrase(args.passphrase_env, confirm=True)
    from desktop.service.identity import create_identity

    with workspace(args) as ws:
        try:
            create_identity(
                ws,
                name=info.name,
                title=info.title,
                company=info.company,
                country=info.country,
                email=info.email,
                passphrase=passphrase,
                sow_id=args.sow_id,
                replace=args.replace,
            )
        except IdentityError as exc:
            raise _identity_error(exc) from None
    _print_certificate(args, store.certificate(), f"Created signing identity in {store.folder}")
    return EXIT_OK


def run_show(args: argparse.Namespace) -> int:
    from desktop.identity import IdentityError, IdentityStore

    store = IdentityStore(data_dir(args))
    try:
        cert = store.certificate()
    except IdentityError as exc:
        raise _identity_error(exc) from None
    _print_certificate(args, cert, f"Signing identity in {store.folder}")
    return EXIT_OK


def run_import(args: argparse.Namespace) -> int:
    from desktop.identity import IdentityError, IdentityStore

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise CommandError(f"{args.file}: cannot read ({exc.strerror})") from None
    store = IdentityStore(data_dir(args))
    if store.exists() and not args.replace:
        raise CommandError(
            f"a signing identity already exists in {store.folder}; pass --replace to replace it"
        )
    passphrase = read_passphrase(args.passphrase_env, prompt=f"Passphrase of {args.file.name}: ")
    new = read_passphrase(args.new_passphrase_env) if args.new_passphrase_env else None
    try:
        identity = store.import_pkcs12(
            data,
            passphrase,
            now=datetime.now(UTC),
            source=str(args.file),
            new_passphrase=new,
            replace_existing=args.replace,
        )
    except IdentityError as exc:
        raise _identity_error(exc) from None
    _print_certificate(args, identity.certificate, f"Imported signing identity into {store.folder}")
    return EXIT_OK


def run_export(args: argparse.Namespace) -> int:
    from desktop.identity import IdentityError, IdentityStore, certificate_pem
    from desktop.identity.files import write_atomic

    store = IdentityStore(data_dir(args))
    try:
        cert = store.certificate()
    except IdentityError as exc:
        raise _identity_error(exc) from None
    try:
        write_atomic(args.file, certificate_pem(cert))
    except OSError as exc:
        raise CommandError(f"{args.file}: cannot write ({exc.strerror})") from None
    _print_certificate(
        args, cert, f"Certificate written to {args.file} — tell buyers its SHA-256 fingerprint:"
    )
    return EXIT_OK


def run_trust(args: argparse.Namespace) -> int:
    from desktop.identity import TrustList, TrustListError, certificate_pem

    try:
        data = args.file.read_bytes()
    except OSError as exc:
        raise CommandError(f"{args.file}: cannot read ({exc.strerror})") from None
    if data.startswith(b"%PDF"):
        from desktop.attestation.verify import signer_certificate

        try:
            data = certificate_pem(signer_certificate(data))
        except ValueError as exc:
            raise CommandError(f"{args.file}: {exc}") from None
    try:
        result = TrustList(data_dir(args)).add(
            data, str(args.file), now=datetime.now(UTC), replace=args.replace
        )
    except TrustListError as exc:
        raise CommandError(str(exc)) from None
    for warning in result.warnings:
        sys.stderr.write(f"clearstone: warning: {warning}\n")
    if args.json:
        print_json(
            {
                **describe(result.issuer.certificate),
                "already_trusted": result.already_trusted,
                "replaced": [describe(item.certificate) for item in result.replaced],
                "warnings": list(result.warnings),
            }
        )
        return EXIT_OK
    headline = (
        "Already in your trust list"
        if result.already_trusted
        else "Trusted issuer added — compare this fingerprint with the issuer (by phone, not by e-mail):"
    )
    _print_certificate(args, result.issuer.certificate, headline)
    for item in result.replaced:
        sys.stdout.write(f"  Replaced     SHA-256 {item.fingerprint}\n")
    return EXIT_OK


def run_trusted(args: argparse.Namespace) -> int:
    from desktop.identity import TrustList, TrustListError

    try:
        issuers = TrustList(data_dir(args)).issuers()
    except TrustListError as exc:
        raise CommandError(str(exc)) from None
    documents = [describe(i.certificate) for i in issuers]
    if args.json:
        print_json(documents)
        return EXIT_OK
    if not documents:
        sys.stdout.write(
            "Your trust list is empty; add an issuer with `clearstone identity trust CERT.pem`.\n"
        )
    for d in documents:
        sys.stdout.write(
            f"{d['company']} — {d['name']} ({d['country']})\n  SHA-256 {d['fingerprint_sha256']}\n"
        )
    return EXIT_OK
