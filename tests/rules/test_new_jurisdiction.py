"""A new jurisdiction is a data change: a signed rule pack that declares one is used with no code release."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml

from desktop.cli import run
from desktop.lot import save_lot
from desktop.paths import resource
from desktop.rules.model import RulePack
from desktop.rules.pack import PackError, bundled_pack, load_source_dir
from tests.lotfactory import make_lot

KOREA = {
    "code": "KR",
    "names": {"en": "Republic of Korea", "fr": "République de Corée"},
    "countries": ["KR"],
    "official_lists": [],
    "also_bound_by": ["UN"],
}
KOREA_RULE = {
    "id": "KR-R1",
    "jurisdiction": "KR",
    "title": "Russian-origin diamonds (test measure)",
    "source": {
        "instrument": "Test Foreign Trade Act",
        "citation": "Test Act art. 1 (a made-up measure)",
        "url": "",
    },
    "confidence": "P",
    "effective_from": "2025-01-01",
    "when": {"use": "ru_mined_or_produced"},
    "outcome": "blocked",
    "section": "origin",
    "summary": "Russian-mined or -processed diamond: import prohibited in Korea (test measure)",
}


def _pack_with_korea(tmp_path: Path, *, rules: bool = True) -> Path:
    folder = tmp_path / "src"
    shutil.copytree(resource("rules", "pack"), folder)
    manifest = yaml.safe_load((folder / "pack.yaml").read_text(encoding="utf-8"))
    manifest.update(version="2099.1.1", as_of="2099-01-01")
    manifest["files"].append("korea.yaml")
    (folder / "pack.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    regimes = yaml.safe_load((folder / "jurisdictions.yaml").read_text(encoding="utf-8"))
    regimes["jurisdictions"].append(KOREA)
    (folder / "jurisdictions.yaml").write_text(yaml.safe_dump(regimes, allow_unicode=True), encoding="utf-8")
    korea: dict[str, Any] = {"rules": [KOREA_RULE] if rules else []}
    if rules:  # the pack's rules all have French texts, so the new one must too
        korea["texts"] = {"fr": {"KR-R1": {"title": "Diamants d'origine russe (mesure de test)",
                                           "summary": "Diamant extrait ou taillé en Russie : importation interdite en Corée (mesure de test)"}}}  # fmt: skip
    (folder / "korea.yaml").write_text(yaml.safe_dump(korea, allow_unicode=True), encoding="utf-8")
    return folder


def test_a_signed_pack_adds_a_jurisdiction_and_a_lot_is_checked_against_it(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    key = tmp_path / "publisher.pem"
    out = tmp_path / "korea.cspack.json"
    assert run(["rules", "keygen", "--out", str(key)]) == 0
    assert run(["rules", "build", str(_pack_with_korea(tmp_path)), "--key", str(key), "--out", str(out)]) == 0
    assert run(["rules", "trust", str(key.with_suffix(".pub.pem"))]) == 0
    assert run(["rules", "import", str(out)]) == 0
    # a Korean buyer brings the Korean regime in; a lot may also name it
    lot = make_lot(transaction__kind="sale", transaction__jurisdictions=[], counterparty__role="buyer",
                   counterparty__name="Seoul Jewels Co", counterparty__country="KR")  # fmt: skip
    path = tmp_path / "kr.lot.json"
    save_lot(lot, path)
    capsys.readouterr()
    assert run(["check", str(path), "--json", "--no-record"]) == 0
    document = json.loads(capsys.readouterr().out)
    assert list(document["jurisdictions"]) == ["KR"]
    (finding,) = [f for f in document["jurisdictions"]["KR"]["findings"] if f["rule"] == "KR-R1"]
    assert finding["outcome"] == "blocked" and finding["source"].startswith("Test Act")
    assert document["regimes"][0]["names"]["fr"] == "République de Corée"
    # the lot format takes the new code too (it is the pack's, not the program's, to say which codes exist)
    listed = make_lot(transaction__jurisdictions=["KR"]).model_dump(mode="json")
    path.write_text(json.dumps(listed), encoding="utf-8")
    assert run(["check", str(path), "--no-record", "--json"]) == 0


def test_without_the_pack_the_code_is_unknown(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "kr.lot.json"
    path.write_text(json.dumps(make_lot(transaction__jurisdictions=["US"]).model_dump(mode="json")).replace(
        '"jurisdictions": ["US"]', '"jurisdictions": ["KR"]'), encoding="utf-8")  # fmt: skip
    assert run(["check", str(path), "--no-record"]) == 2
    assert 'transaction.jurisdictions[0]: unknown jurisdiction "KR"' in capsys.readouterr().err


def test_a_rule_for_an_undeclared_jurisdiction_is_refused_when_the_pack_loads(tmp_path: Path) -> None:
    folder = _pack_with_korea(tmp_path)
    regimes = yaml.safe_load((folder / "jurisdictions.yaml").read_text(encoding="utf-8"))
    regimes["jurisdictions"] = [r for r in regimes["jurisdictions"] if r["code"] != "KR"]
    (folder / "jurisdictions.yaml").write_text(yaml.safe_dump(regimes, allow_unicode=True), encoding="utf-8")
    with pytest.raises(PackError, match="KR-R1: unknown jurisdiction KR"):
        load_source_dir(folder)


def test_packs_signed_before_jurisdictions_were_data_still_load(tmp_path: Path) -> None:
    """An older signed pack has no `jurisdictions`: it gets the bundled declaration and hashes as before."""
    data = json.loads(RulePack.model_dump_json(bundled_pack().pack, by_alias=True))
    del data["jurisdictions"]
    old = RulePack.model_validate(data)
    assert old.jurisdictions is None
    from desktop.rules.pack import LoadedPack, canonical_bytes

    assert "jurisdictions" not in json.loads(canonical_bytes(old))
    loaded = LoadedPack(old, "x", "test")
    assert loaded.jurisdiction_codes() == bundled_pack().jurisdiction_codes()


def test_a_lot_section_a_rule_points_at_is_checked_when_the_pack_loads(tmp_path: Path) -> None:
    folder = _pack_with_korea(tmp_path)
    text = (folder / "korea.yaml").read_text(encoding="utf-8").replace("section: origin", "section: origni")
    (folder / "korea.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(PackError, match="unknown lot section 'origni'"):
        load_source_dir(folder)
