"""The shipped resources: the world frequency prior and the legal forms generated from rigour."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.screening.importers import ParsedList, read_path
from desktop.screening.legal_forms import resource_phrases
from desktop.screening.model import Entry
from desktop.screening.normalize import normalise
from desktop.screening.prior import is_common_person_name, world_factor, zipf
from desktop.screening.service import Screener
from desktop.screening.types import PartyQuery


def test_prior_knows_common_words_and_names() -> None:
    assert zipf("ALPHA") > 4.0 and zipf("CROWN") > 4.0 and zipf("MOHAMMED") > 3.5
    assert zipf("URALVAGONZAVOD") < 3.0 and zipf("XQZPLORTAVIN") == 0.0
    assert world_factor("STAR") < 0.5 < world_factor("ALROSA") == 1.0


@pytest.mark.parametrize(
    ("name", "common"),
    [
        ("MOHAMMED ALI", True),
        ("SERGEI IVANOV", True),
        ("ZHANG WEI", True),
        ("AJAY GUPTA", True),
        ("DELCY RODRIGUEZ", False),
        ("GENNADY TIMCHENKO", False),
    ],
)
def test_common_person_names(name: str, common: bool) -> None:
    assert is_common_person_name(name.split()) is common


@pytest.mark.parametrize(
    "text",
    [
        "Murphy Teoranta",  # Irish
        "Novák s.r.o.",  # Czech
        "Nowak spółka z ograniczoną odpowiedzialnością",  # Polish, spelt out
        "Novak d.o.o.",  # Slovenian/Croatian
        "Nowak Sp. z o.o.",
        "Novak Kft.",  # Hungarian
        "Novak OÜ",  # Estonian
        "Novak SIA",  # Latvian
        "Novak UAB",  # Lithuanian
        "Novak ЕООД",  # Bulgarian
        "Novak Ε.Π.Ε.",  # Greek
    ],
)
def test_legal_forms_of_eu_languages_are_recognised(text: str) -> None:
    reading = normalise(text, "organization")[0]
    assert len(reading.tokens) == 1 and reading.stripped, reading


def test_legal_forms_resource_is_generated_from_rigour() -> None:
    legal, honorific = resource_phrases()
    assert len(legal) > 2000 and "s.r.o." in legal and "Mr" in honorific


def test_a_word_common_in_commerce_does_not_alert_alone() -> None:
    listed = [
        Entry(id="V7", kind="vessel", name="VENUS 7"),
        Entry(id="N1", kind="organization", name="NOOR"),
        Entry(id="A1", kind="organization", name="ALROSA"),
    ]
    screener = Screener.from_parsed(
        [
            ParsedList(
                id="T",
                name="t",
                source="t",
                jurisdictions=["US"],
                as_of=None,
                sha256="0",
                format="t",
                entries=listed,
            )
        ],
        bundled=False,
    )
    assert screener.screen(PartyQuery(name="Venus Jewel BVBA", kind="organization")) == []
    assert screener.screen(PartyQuery(name="Noor Gems Trading LLC", kind="organization")) == []
    # a word rare in the world still finds its listed company with other words around it
    hit = screener.screen(PartyQuery(name="Alrosa Diamonds Trading", kind="organization"))
    assert hit and hit[0].entry_id == "A1"


def test_ofac_quoted_akas_in_remarks_are_weak(sanctions_data: Path) -> None:
    ofac = read_path(sanctions_data / "ofac/sdn-2021-07")[0]
    bnc = next(e for e in ofac.entries if e.id == "306")  # BANCO NACIONAL DE CUBA, remarks: a.k.a. 'BNC'
    weak = [a for a in bnc.aliases if a.name == "BNC"]
    assert weak and not weak[0].strong
    screener = Screener.from_parsed([ofac], bundled=False)
    m = [x for x in screener.screen(PartyQuery(name="BNC")) if x.entry_id == "306"]
    assert m and m[0].weak_alias and m[0].exact and not m[0].strong
