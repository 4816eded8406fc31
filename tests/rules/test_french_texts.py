"""The core's texts in French: every rule and exemption of the pack has them (the pack does not load otherwise),
the engine and the screening word every finding in English and French, and `check --json` only adds."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings

from desktop.cli import run
from desktop.lot import save_lot
from desktop.parties import TEXTS as SCREENING_TEXTS
from desktop.paths import resource
from desktop.rules.engine import Engine
from desktop.rules.language import NBSP, NNBSP
from desktop.rules.model import template_fields
from desktop.rules.pack import PackError, bundled_pack, canonical_bytes, load_source_dir, pack_sha256
from desktop.rules.result import Finding, Verdict, resolved
from tests.lotfactory import kp, rough
from tests.rules.test_unverified_never_clears import lots

# English stand-ins for absent values, and English words of the facts: never in a French summary.
ENGLISH_WORDS = re.compile(r"\b(none|unknown|not stated|no processing|cutting polishing|area not stated|rough|"
                           r"polished|jewellery|unsorted|exempt|held|needs|may apply|listed|decided by)\b")  # fmt: skip
# French spacing: punctuation that ends a word has a no-break space before it.
BAD_SPACING = re.compile(r"[^\s\u00a0\u202f][:;!?](?=\s|$)|[ ][:;!?](?=\s|$)")


def french_ok(text: str) -> None:
    assert "{" not in text and "}" not in text, text
    assert not ENGLISH_WORDS.search(text), text
    assert not BAD_SPACING.search(text.replace("[U]", "")), text


def test_every_rule_and_exemption_has_french_texts() -> None:
    pack = bundled_pack().pack
    assert pack.languages() == ["fr"]
    for item in pack.worded():
        words = item.texts["fr"]
        assert words.title.strip() and words.summary.strip(), item.id
        assert template_fields(words.summary) == template_fields(item.summary), item.id
        assert (words.evidence is None) == (item.evidence is None), item.id
    for participant in pack.kp.participants:
        for suspension in participant.suspensions:
            assert suspension.texts["fr"].reason.strip(), participant.country
    for key in SCREENING_TEXTS["en"]:
        assert template_fields(SCREENING_TEXTS["en"][key]) == template_fields(SCREENING_TEXTS["fr"][key]), key
    assert set(SCREENING_TEXTS["en"]) == set(SCREENING_TEXTS["fr"])


def _pack_copy(tmp_path: Path) -> tuple[Path, dict[str, Any]]:
    folder = tmp_path / "pack"
    shutil.copytree(resource("rules", "pack"), folder)
    texts = yaml.safe_load((folder / "texts-fr.yaml").read_text(encoding="utf-8"))
    return folder, texts


def _write(folder: Path, texts: dict[str, Any]) -> None:
    (folder / "texts-fr.yaml").write_text(yaml.safe_dump(texts, allow_unicode=True), encoding="utf-8")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda t: t["texts"]["fr"].pop("US-R2"), "no fr text for US-R2"),
        (lambda t: t["texts"]["fr"]["US-R2"].update(summary="Diamant de {carats} ct"), "placeholders"),
        (lambda t: t["texts"]["fr"]["EU-R8-ROUGH"].pop("evidence"), "evidence text"),
        (
            lambda t: t["texts"]["fr"].update({"XX-R9": {"title": "t", "summary": "s"}}),
            "no rule or exemption",
        ),
        (lambda t: t["texts"].update({"de": {"US-R1": {"title": "t", "summary": "s"}}}), "unknown language"),
    ],
)
def test_a_pack_with_missing_or_wrong_french_does_not_load(tmp_path: Path, change: Any, message: str) -> None:
    folder, texts = _pack_copy(tmp_path)
    change(texts)
    _write(folder, texts)
    with pytest.raises(PackError, match=message):
        load_source_dir(folder)


def test_a_pack_without_translations_keeps_its_hash(tmp_path: Path) -> None:
    """Packs signed before texts existed: no `texts` key appears in their canonical form."""
    pack = bundled_pack().pack
    bare = pack.model_copy(
        update={
            "rules": [r.model_copy(update={"texts": {}}) for r in pack.rules],
            "exemptions": [e.model_copy(update={"texts": {}}) for e in pack.exemptions],
        }
    )
    assert b'"texts"' not in canonical_bytes(bare).replace(b'"texts":{"fr"', b"")
    assert bare.languages() == []
    finding = Engine(bare).evaluate(rough("RU", transaction__jurisdictions=["EU"])).results["EU"].findings[0]
    assert finding.summaries == {} and "summaries" not in finding.to_json()
    assert pack_sha256(bare) != bundled_pack().sha256


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lot=lots())
def test_every_finding_is_worded_in_english_and_french(engine: Engine, lot) -> None:  # type: ignore[no-untyped-def]
    for result in engine.evaluate(lot).results.values():
        for finding in result.findings:
            assert set(finding.summaries) == {"en", "fr"} and finding.summaries["en"] == finding.summary
            assert finding.titles["fr"] and finding.titles["en"] == finding.title
            french_ok(finding.summaries["fr"])
            if finding.evidence_needed is not None:
                french_ok(finding.evidence_needed.texts["fr"])


def test_french_values_numbers_and_suspension(engine: Engine) -> None:
    lot = rough("CF", "1.20", transaction__date="2016-06-01", transaction__jurisdictions=["EU"],
                origin__mining_area="Bria (Haute-Kotto)", evidence=[])  # fmt: skip
    findings = {f.rule: f for f in engine.evaluate(lot).results["EU"].findings}
    french = findings["KP-R3"].summaries["fr"]
    assert (
        "République centrafricaine" in french
        and f"RCA suspendue du PK en mai 2013{NNBSP}; pleinement" in french
    )
    russian = rough("RU", "1.20", transaction__jurisdictions=["EU", "UK"],
                    origin__exported_from_russia_on="2025-01-10",
                    processing=[{"country": "IN", "activity": "cutting_polishing"}])  # fmt: skip
    results = engine.evaluate(russian).results
    eu = {f.rule: f.summaries["fr"] for f in results["EU"].findings}
    assert eu["EU-R3"].startswith("Diamant de 1,20 ct extrait en RU et transformé dans un pays tiers (IN)")
    uk = {f.rule: f.summaries["fr"] for f in results["UK"].findings}
    assert "(taille et polissage (IN))" in uk["UK-R2"] and "(à partir de 0,50 ct)" in uk["UK-R2"]


def test_a_resolution_is_worded_in_every_language() -> None:
    finding = Finding(rule="UK-R2-J", jurisdiction="UK", outcome=Verdict.REVIEW, summary="Jewellery: a person must decide",
                      source="s", summaries={"en": "Jewellery: a person must decide", "fr": f"Bijou{NBSP}: à trancher"})  # fmt: skip
    done = resolved(finding, Verdict.CLEARED, "Élise Van den Broeck", "2026-12-01", "set in Thailand in 2019")
    assert done.outcome is Verdict.CLEARED
    assert done.summary.endswith(
        "resolved as cleared by Élise Van den Broeck on 2026-12-01: set in Thailand in 2019"
    )
    assert done.summaries["fr"].endswith(
        f"tranché comme «{NNBSP}conforme{NNBSP}» par Élise Van den Broeck le 2026-12-01{NBSP}: set in Thailand in 2019"
    )


def test_screening_findings_in_french_and_check_json_only_adds(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lot = rough("AO", transaction__jurisdictions=["US"], counterparty__name="ПАО «АЛРОСА»",
                counterparty__country="RU", evidence=[kp("AO")])  # fmt: skip
    path = tmp_path / "alrosa.lot.json"
    save_lot(lot, path)
    capsys.readouterr()
    assert run(["check", str(path), "--json", "--data-dir", str(data_dir)]) == 0
    document = json.loads(capsys.readouterr().out)
    # The screener's explanation of a match is printed as it comes (in English).
    whys = [m["why"] for m in document["screening"]["matches"]]
    for result in document["jurisdictions"].values():
        for finding in result["findings"]:
            # Every key a client read before is still there, with the English text; the French is added.
            assert {"rule", "outcome", "summary", "source", "confidence"} <= set(finding)
            assert finding["summaries"]["en"] == finding["summary"]
            french = finding["summaries"]["fr"]
            for why in whys:
                french = french.replace(why, "")
            french_ok(french)
    us = document["jurisdictions"]["US"]["findings"]
    hit = next(f for f in us if f.get("title") == "Sanctioned party" and f["outcome"] == "blocked")
    assert hit["titles"]["fr"] == "Partie sanctionnée"
    assert hit["summaries"]["fr"].startswith("Vendeur ПАО «АЛРОСА» est PJSC ALROSA")
    assert "toute relation est interdite" in hit["summaries"]["fr"]
    assert "»»" not in hit["summary"] and "»»" not in hit["summaries"]["fr"]
    coverage = next(f for f in us if f["rule"] == "SCR-COVERAGE")["summaries"]["fr"]
    assert coverage.startswith("Aucune liste officielle de sanctions de cette juridiction n'est chargée")
