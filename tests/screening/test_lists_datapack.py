"""Data packs: the office's lists to an offline laptop, signed; hostile packs refused whole, nothing changed."""

from __future__ import annotations

import io
import json
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from desktop.cli import run
from desktop.identity import IdentityInfo, IdentityStore, TrustList, certificate_pem
from desktop.screening import archive
from desktop.screening.datapack import install_pack, open_pack
from desktop.screening.errors import DataPackError, ImportRefusedError
from desktop.screening.service import Screener
from desktop.screening.store import STORE_FILE
from desktop.screening.types import PartyQuery
from desktop.service import lists as service

NOW = datetime(2026, 12, 5, 9, 0, tzinfo=UTC)
PASSPHRASE = "Tr4de-show laptop, Antwerp 2026!"
UN_FILE = "un/UN_consolidated_2026-02-27.xml"


def _identity(folder: Path, name: str = "Jane Dealer") -> None:
    info = IdentityInfo(name=name, title="Director", company="Gems BV", country="BE")
    IdentityStore(folder).create(info, PASSPHRASE, now=NOW - timedelta(days=1))


@pytest.fixture(scope="module")
def office(sanctions_data: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An office data folder: a signing identity and three official lists."""
    folder = tmp_path_factory.mktemp("office")
    _identity(folder)
    screener = Screener.for_import(folder, clock=lambda: NOW)
    for rel in (UN_FILE, "eu/eu_fsf_excerpt_2026-08-05.xml", "ofac/sdn-tiny-2025"):
        screener.import_path(sanctions_data / rel)
    return folder


@pytest.fixture(scope="module")
def pack(office: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    target = tmp_path_factory.mktemp("usb") / "office-lists.cspack"
    service.export(office, target, PASSPHRASE, now=NOW)
    return target


def _snapshot(folder: Path) -> tuple[bytes, list[str]]:
    store = folder / STORE_FILE
    return (store.read_bytes() if store.exists() else b""), sorted(
        str(p.relative_to(folder)) for p in folder.rglob("*")
    )


def test_a_pack_moves_every_list_to_another_data_folder(office: Path, pack: Path, data_dir: Path) -> None:
    result = service.import_lists(data_dir, pack, now=NOW)
    assert result.pack is not None and result.pack.trusted is None  # signed, but by nobody this laptop trusts
    office_lists = {
        (i.id, i.sha256, i.as_of, i.entries) for i in Screener.open(office).lists() if not i.bundled
    }
    laptop = Screener.open(data_dir)
    assert {(i.id, i.sha256, i.as_of, i.entries) for i in laptop.lists() if not i.bundled} == office_lists
    assert {i.via for i in laptop.lists() if not i.bundled} == {"pack"}
    assert any(
        m.list == "UN" and m.entry_id == "CFi.006" for m in laptop.screen(PartyQuery(name="Oumar Younous"))
    )
    log = laptop.store.import_log("UN")  # type: ignore[union-attr]
    assert "signed by Jane Dealer" in str(log[0]["detail"]) and "signer NOT trusted" in str(log[0]["detail"])
    # the laptop keeps the files too: it can pass the lists on in a pack of its own
    assert all(archive.files(data_dir, i.id, i.sha256) for i in laptop.lists() if not i.bundled)


def test_trust_is_reported_for_own_identity_and_the_trust_list(
    office: Path, pack: Path, data_dir: Path
) -> None:
    TrustList(data_dir).add(certificate_pem(IdentityStore(office).certificate()))
    assert service.import_lists(data_dir, pack, now=NOW).pack.trusted == "in your trust list"  # type: ignore[union-attr]
    own = service.import_lists(office, pack, now=NOW).pack
    assert own is not None and own.trusted == "your own signing identity"


def test_a_pack_respects_the_import_guards_all_or_nothing(
    pack: Path, data_dir: Path, sanctions_data: Path, tmp_path: Path
) -> None:
    newer = tmp_path / "un-newer.xml"
    text = (sanctions_data / UN_FILE).read_text(encoding="utf-8")
    newer.write_text(
        text.replace('dateGenerated="2026-02-27', 'dateGenerated="2026-06-30', 1), encoding="utf-8"
    )
    Screener.for_import(data_dir).import_path(newer)
    before = _snapshot(data_dir)
    with pytest.raises(
        ImportRefusedError, match="UN: published 2026-02-27, older than the loaded copy published 2026-06-30"
    ):
        service.import_lists(data_dir, pack, now=NOW)
    assert _snapshot(data_dir) == before  # EU-FSF and OFAC-SDN were not installed either
    forced = service.import_lists(data_dir, pack, now=NOW, force=True)
    assert {i.id: bool(i.forced) for i in forced.infos} == {"EU-FSF": False, "OFAC-SDN": False, "UN": True}


# -- hostile packs -----------------------------------------------------------------------------------------


def _members(pack: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(pack) as zf:
        return {i.filename: zf.read(i) for i in zf.infolist()}


def _zip(target: Path, members: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return target


def _other_signer() -> tuple[ec.EllipticCurvePrivateKey, bytes]:
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Jane Dealer")])  # same name, other key
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(NOW - timedelta(days=1))
        .not_valid_after(NOW + timedelta(days=30))
        .sign(key, hashes.SHA256())
    )
    return key, cert.public_bytes(serialization.Encoding.PEM)


def _resigned(members: dict[str, bytes], manifest: dict[str, object]) -> dict[str, bytes]:
    key, pem = _other_signer()
    data = json.dumps(manifest).encode()
    return {
        **members,
        "manifest.json": data,
        "manifest.sig": key.sign(data, ec.ECDSA(hashes.SHA256())),
        "signer.pem": pem,
    }


def _bomb(members: dict[str, bytes]) -> list[tuple[str | zipfile.ZipInfo, bytes]]:
    return [*members.items(), ("lists/UN/bomb.xml", b"\0" * (40 * 1024 * 1024))]


def _symlink(members: dict[str, bytes]) -> list[tuple[str | zipfile.ZipInfo, bytes]]:
    link = zipfile.ZipInfo("lists/UN/link.xml")
    link.external_attr = 0o120777 << 16
    return [*members.items(), (link, b"/etc/passwd")]


def _tampered_manifest(members: dict[str, bytes]) -> list[tuple[str | zipfile.ZipInfo, bytes]]:
    manifest = json.loads(members["manifest.json"])
    manifest["lists"][0]["publication_date"] = "2027-01-01"
    return [*{**members, "manifest.json": json.dumps(manifest).encode()}.items()]


def _altered_file(members: dict[str, bytes]) -> list[tuple[str | zipfile.ZipInfo, bytes]]:
    name = next(n for n in members if n.startswith("lists/UN/"))
    data = members[name].replace(b"YOUNOUS", b"YOUNOUZ", 1)
    return [*{**members, name: data}.items()]


def _resigned_lie(members: dict[str, bytes]) -> list[tuple[str | zipfile.ZipInfo, bytes]]:
    """A forger with a key of their own: signature valid, but the manifest lies about the entry count."""
    manifest = json.loads(members["manifest.json"])
    un = next(item for item in manifest["lists"] if item["id"] == "UN")
    un["entries"] = 1500
    return [*_resigned(members, manifest).items()]


def _unlisted_file(members: dict[str, bytes]) -> list[tuple[str | zipfile.ZipInfo, bytes]]:
    return [*members.items(), ("lists/UN/extra.xml", b"<CONSOLIDATED_LIST/>")]


HOSTILE: dict[str, tuple[Callable[[dict[str, bytes]], list[tuple[str | zipfile.ZipInfo, bytes]]], str]] = {
    "unsigned": (
        lambda m: [(n, d) for n, d in m.items() if n != "manifest.sig"],
        "the data pack is unsigned",
    ),
    "no signer": (lambda m: [(n, d) for n, d in m.items() if n != "signer.pem"], "the data pack is unsigned"),
    "tampered manifest": (_tampered_manifest, "the manifest's signature does not verify"),
    "altered list file": (_altered_file, "does not match its SHA-256 in the manifest"),
    "re-signed lie": (_resigned_lie, "UN's entry count is 1003, the manifest says 1500"),
    "file not in manifest": (
        _unlisted_file,
        "the pack does not match its manifest (files not in the manifest: lists/UN/extra.xml)",
    ),
    "path traversal": (
        lambda m: [*m.items(), ("../../evil.xml", b"x")],
        "unexpected file name '../../evil.xml'",
    ),
    "absolute path": (
        lambda m: [*m.items(), ("/etc/cron.d/evil", b"x")],
        "unexpected file name '/etc/cron.d/evil'",
    ),
    "dot segments": (
        lambda m: [*m.items(), ("lists/UN/../../x.xml", b"x")],
        "unexpected file name 'lists/UN/../../x.xml'",
    ),
    "zip bomb": (_bomb, "expands"),
    "symlink": (_symlink, "is a symbolic link"),
    "duplicate": (lambda m: [*m.items(), ("manifest.json", m["manifest.json"])], "appears twice"),
    "empty zip": (lambda m: [], "the data pack is unsigned"),
}


@pytest.mark.filterwarnings("ignore:Duplicate name:UserWarning")
@pytest.mark.parametrize("case", sorted(HOSTILE))
def test_hostile_packs_are_refused_whole(pack: Path, data_dir: Path, tmp_path: Path, case: str) -> None:
    build, message = HOSTILE[case]
    hostile = _zip(tmp_path / f"{case}.cspack", build(_members(pack)))
    screener = Screener.for_import(data_dir)
    before = _snapshot(data_dir)
    with pytest.raises(DataPackError) as caught:
        install_pack(screener, hostile)
    assert message in str(caught.value) and "\n" not in str(caught.value)
    assert _snapshot(data_dir) == before
    assert [i.id for i in screener.lists()] == ["CS-DIAMOND"]


def test_a_damaged_zip_is_refused(pack: Path, data_dir: Path, tmp_path: Path) -> None:
    cut = tmp_path / "cut.cspack"
    cut.write_bytes(pack.read_bytes()[: pack.stat().st_size // 2])
    with pytest.raises(DataPackError, match="not a readable data pack"):
        install_pack(Screener.for_import(data_dir), cut)


def test_a_forged_but_consistent_pack_imports_only_as_untrusted(
    pack: Path, data_dir: Path, tmp_path: Path
) -> None:
    """Anyone can sign a pack: the laptop installs what matches, and says the signer is not trusted."""
    members = _members(pack)
    forged = _zip(
        tmp_path / "forged.cspack", [*_resigned(members, json.loads(members["manifest.json"])).items()]
    )
    result = install_pack(Screener.for_import(data_dir), forged, trust=service.trust_check(data_dir))
    assert result.trusted is None and result.signer_name == "Jane Dealer"


def test_open_pack_never_writes_outside_staging(pack: Path, tmp_path: Path) -> None:
    staging = tmp_path / "staging"
    staging.mkdir()
    manifest, _cert, folders = open_pack(pack, staging)
    assert {item.id for item in manifest.lists} == set(folders) == {"EU-FSF", "OFAC-SDN", "UN"}
    assert all(staging in p.parents for f in folders.values() for p in f.iterdir())


def test_export_needs_kept_files_and_the_passphrase(
    office: Path, tmp_path: Path, sanctions_data: Path
) -> None:
    from desktop.identity import WrongPassphraseError

    with pytest.raises(WrongPassphraseError):
        service.export(office, tmp_path / "x.cspack", "not the passphrase at all", now=NOW)
    folder = tmp_path / "old"
    _identity(folder)
    Screener.for_import(folder).import_path(sanctions_data / UN_FILE)
    for kept in (folder / archive.ARCHIVE_DIR).rglob("*.xml"):
        kept.unlink()  # as if imported by a version that did not keep the files
    with pytest.raises(DataPackError, match="the official files of UN are not kept in the data folder"):
        service.export(folder, tmp_path / "y.cspack", PASSPHRASE, now=NOW)
    assert not (tmp_path / "y.cspack").exists()


def test_cli_export_then_import(
    office: Path,
    data_dir: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("CS_PASS", PASSPHRASE)
    target = tmp_path / "lists.cspack"
    assert (
        run(
            [
                "lists",
                "export-pack",
                str(target),
                "--passphrase-env",
                "CS_PASS",
                "--data-dir",
                str(office),
                "--json",
            ]
        )
        == 0
    )
    exported = json.loads(capsys.readouterr().out)
    assert [item["id"] for item in exported["lists"]] == ["EU-FSF", "OFAC-SDN", "UN"]
    assert exported["lists"][2]["publication_date"] == "2026-02-27" and len(exported["sha256"]) == 64
    assert run(["lists", "import", str(target), "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "signed by Jane Dealer (SHA-256 " in out and "signer NOT trusted" in out
    assert "imported UN (UN Security Council Consolidated List): 1003 entries, published 2026-02-27" in out
    assert run(["lists", "import", str(target), "--data-dir", str(office), "--json"]) == 0
    doc = json.loads(capsys.readouterr().out)
    assert doc["pack"]["trusted"] is True and doc["pack"]["trusted_as"] == "your own signing identity"
    bad = tmp_path / "bad.cspack"
    bad.write_bytes(io.BytesIO(target.read_bytes()).getvalue()[:-200])
    assert run(["lists", "import", str(bad), "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith("clearstone: import refused, loaded lists unchanged: bad.cspack: ")
        and err.count("\n") == 1
    )
    assert (
        run(
            [
                "lists",
                "export-pack",
                str(tmp_path / "z.cspack"),
                "--passphrase-env",
                "CS_PASS",
                "--data-dir",
                str(data_dir),
            ]
        )
        == 2
    )
    assert "no data pack written: no signing identity" in capsys.readouterr().err


def test_the_screener_import_path_also_takes_a_pack(pack: Path, data_dir: Path) -> None:
    """What the GUI's import dialog calls: a pack is told from a list file by its content."""
    infos = Screener.for_import(data_dir).import_path(pack, trust=service.trust_check(data_dir))
    assert [i.id for i in infos] == ["EU-FSF", "OFAC-SDN", "UN"]
