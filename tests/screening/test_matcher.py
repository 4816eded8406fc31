"""The matcher: cross-script recall, typos, reordering, generic words, identifiers, refinements."""

from __future__ import annotations

import csv
from collections.abc import Sequence
from datetime import date
from pathlib import Path

import pytest

from desktop.screening.importers import ParsedList
from desktop.screening.matcher import ALERT_THRESHOLD
from desktop.screening.model import Alias, Entry, Identifier
from desktop.screening.normalize import abjad_skeleton
from desktop.screening.service import Screener
from desktop.screening.similarity import token_similarity
from desktop.screening.types import Match, PartyIdentifier, PartyQuery


def _screener(entries: Sequence[Entry], bundled: bool = False) -> Screener:
    parsed = ParsedList(
        id="TEST",
        name="test list",
        source="test",
        jurisdictions=["US"],
        as_of=None,
        sha256="0" * 64,
        format="test",
        entries=list(entries),
    )
    return Screener.from_parsed([parsed], bundled=bundled)


def _best(screener: Screener, name: str, **facts: object) -> Match | None:
    matches = screener.screen(PartyQuery(name=name, **facts))  # type: ignore[arg-type]
    return matches[0] if matches else None


PUTIN = Entry(id="P1", kind="person", name="PUTIN, Vladimir Vladimirovich", birth_dates=["1952-10-07"])


def test_putin_names_cross_script_recall(sanctions_data: Path) -> None:
    names = [
        n.strip() for n in (sanctions_data / "names/putin_names.txt").read_text().splitlines() if n.strip()
    ]
    screener = _screener([PUTIN])
    found = [n for n in names if _best(screener, n) is not None]
    # Known misses: surname-only queries ("Präsident Putin"), Hangul, Japanese kana, Han, Armenian,
    # Myanmar; measured 60 of 81 when written.
    assert len(found) >= 58, sorted(set(names) - set(found))
    for must in (
        "Владимир Владимирович Путин",
        "Путин, Владимир",
        "PUTIN vladimir vladimirovich",
        "Vladimir V. Putin",
        "В. В. Путин",
        "Wladimir Putin",
        "فلاديمير بوتين",
        "Vladimir Poutine",
        "Βλαντίμιρ Βλαντίμιροβιτς Πούτιν",
        "Путін Володимир Володимирович",
    ):
        assert must in found, must


def _pairs(sanctions_data: Path) -> list[tuple[str, str, float]]:
    with (sanctions_data / "names/cross_script_pairs.csv").open(encoding="utf-8") as fh:
        rows = [r for r in csv.reader(fh) if r and not r[0].startswith("#")]
    return [(q, expected, float(minimum)) for q, expected, minimum, _ in rows]


def test_cross_script_pairs(sanctions_data: Path) -> None:
    scripts_we_read = ("Arabic", "Cyrillic", "Hebrew", "Greek", "Chinese", "Thai")
    results = {}
    for query, expected, _minimum in _pairs(sanctions_data):
        m = _best(_screener([Entry(id="X", kind="person", name=expected)]), query)
        results[query] = m.score if m else 0.0
    alerted = [q for q, s in results.items() if s >= ALERT_THRESHOLD]
    # Korean and Japanese names (and Kim Jong Un written in Han characters) need readings we lack.
    # A lone common given name spelt otherwise (Αλέξανδρος / Alexander) no longer alerts: words common in
    # the world never decide a match alone (issue 14).
    assert len(alerted) >= 15, results
    for query in (
        "محمد علي",
        "أحمد حسن",
        "عبد الله",
        "خالد محمود",
        "Владимир Путин",
        "Иван Иванов",
        "Александр Петров",
        "Дмитрий Медведев",
        "Νικόλαος",
        "משה",
        "דוד",
        "李明",
        "习近平",
        "王伟",
        "สมชาย",
    ):
        assert results[query] >= ALERT_THRESHOLD, (query, results[query], scripts_we_read)


@pytest.mark.parametrize(
    ("query", "expected_score_at_least"),
    [
        ("Vladimir Putin", 0.85),  # patronymic left out
        ("Putin Vladimir Vladimirovich", 1.0),  # reordered: exact
        ("Vladimir Vladimirovich Puttin", 0.9),  # typo
        ("Vladmir Vladimirovich Putin", 0.9),  # letter dropped
        ("Vladimir Vladimirovitch Poutine", 0.85),  # French transliteration
        ("PUTIN, V. V.", 0.82),  # initials
    ],
)
def test_typos_order_and_initials(query: str, expected_score_at_least: float) -> None:
    m = _best(_screener([PUTIN]), query)
    assert m is not None and m.score >= expected_score_at_least, m


def test_exact_is_strong_and_fuzzy_is_not() -> None:
    uvz = Entry(id="U1", kind="organization", name="URALVAGONZAVOD")
    screener = _screener([PUTIN, uvz])
    exact = _best(screener, "Uralvagonzavod", kind="organization")
    fuzzy = _best(screener, "Uralvagonzavood", kind="organization")
    assert exact is not None and exact.strong and exact.exact and exact.score == 1.0
    assert fuzzy is not None and not fuzzy.strong and not fuzzy.exact and fuzzy.score < 1.0
    assert "URALVAGONZAVOOD~URALVAGONZAVOD" in fuzzy.why
    # a name every part of which is common in the world (PUTIN is, in the press) is exact, not strong,
    # until a fact corroborates it (issue 14: strong means corroborated)
    common = _best(screener, "Putin Vladimir Vladimirovich")
    assert common is not None and common.exact and common.common_name and not common.strong
    assert "common name — confirm identity" in common.why
    dated = _best(screener, "Putin Vladimir Vladimirovich", birth_date=date(1952, 10, 7))
    assert dated is not None and dated.strong and dated.corroborated_by == ["date of birth 1952-10-07 listed"]
    fuzzy_dated = _best(screener, "Vladimir Vladimirovich Puttin", birth_date=date(1952, 10, 7))
    assert fuzzy_dated is not None and fuzzy_dated.strong and not fuzzy_dated.exact


@pytest.mark.parametrize(
    "name", ["Mohammed Ali", "Sergei Ivanov", "Zhang Wei", "Ajay Gupta", "Hassan Ali", "Ibrahim Mustafa"]
)
def test_common_personal_names_never_block_alone(name: str) -> None:
    screener = _screener([Entry(id="C1", kind="person", name=name)])
    m = _best(screener, name, kind="person")
    assert m is not None and m.exact and m.common_name and not m.strong and m.score == 1.0
    with_year = _best(screener, name, kind="person", birth_year=1970)
    assert with_year is not None and not with_year.strong  # the list gives no date: nothing corroborates


def test_facts_corroborate_or_dismiss() -> None:
    listed = Entry(
        id="I1",
        kind="person",
        name="IVANOV, Sergei",
        birth_dates=["1961-03-02"],
        countries=["RU"],
        identifiers=[Identifier(kind="Passport", value="721234567")],
    )
    screener = _screener([listed])
    same_passport = _best(
        screener,
        "Sergei Ivanov",
        identifiers=[PartyIdentifier(type="passport", value="72 1234567", country="RU")],
    )
    assert same_passport is not None and same_passport.strong and same_passport.exact
    other_passport = PartyIdentifier(type="passport", value="530000001", country="RU")
    assert screener.screen(PartyQuery(name="Sergei Ivanov", identifiers=[other_passport])) == []
    dismissed = screener.screen(
        PartyQuery(name="Sergei Ivanov", identifiers=[other_passport]), with_dismissed=True
    )
    assert dismissed and dismissed[0].score < ALERT_THRESHOLD and dismissed[0].conflicts
    assert "passport 530000001 differs" in dismissed[0].why
    other_year = screener.screen(PartyQuery(name="Sergei Ivanov", birth_year=1985), with_dismissed=True)
    assert other_year[0].score < ALERT_THRESHOLD and "conflict: birth year 1985" in other_year[0].why
    abroad = _best(screener, "Sergei Ivanov", nationality="DE")
    assert abroad is not None and abroad.score < 1.0 and "nationality DE not among listed RU" in abroad.why
    assert screener.listed_facts("TEST", "I1") == {
        "date_of_birth": ["1961-03-02"],
        "country": ["RU"],
        "passport": ["721234567 (Passport)"],
    }


def test_weak_alias_exact_is_review_only() -> None:
    entry = Entry(
        id="B1", kind="organization", name="BNK (UK) Ltd", aliases=[Alias(name="BNK", strong=False)]
    )
    m = _best(_screener([entry]), "BNK")
    assert m is not None and not m.strong and m.score >= ALERT_THRESHOLD and "low-quality" in m.why


def test_generic_words_never_decide_alone() -> None:
    entries = [
        Entry(id="D1", kind="organization", name="Daesong Trading Company"),
        Entry(id="D2", kind="organization", name="Global Diamond Gems Trading"),
    ]
    screener = _screener(entries)
    assert screener.screen(PartyQuery(name="Diamond Trading LLC", kind="organization")) == []
    assert screener.screen(PartyQuery(name="Global Gems Trading DMCC", kind="organization")) == []
    # an exact listed name made of generic words still matches, for review: it proves no identity
    m = _best(screener, "GLOBAL DIAMOND GEMS TRADING")
    assert m is not None and m.exact and not m.strong


def test_identifier_matches_exactly_and_strongly() -> None:
    entry = Entry(
        id="K1",
        kind="organization",
        name="KARDIAM",
        identifiers=[Identifier(kind="VAT", value="BE 0430.033.662")],
    )
    screener = _screener([entry])
    m = _best(screener, "Completely Different Name BVBA", registration_number="0430033662")
    assert m is not None and m.strong and m.entry_id == "K1" and "identifier" in m.why
    assert (
        screener.screen(PartyQuery(name="Completely Different Name", registration_number="0430033663")) == []
    )


def test_birth_year_and_country_refine_but_never_hide_an_exact_name() -> None:
    screener = _screener([PUTIN])
    same = _best(screener, "Vladimir Putin", birth_year=1952)
    other = _best(screener, "Vladimir Putinn", birth_year=1990)
    assert same is not None and "birth year 1952 matches" in same.why
    assert other is None or other.score < same.score
    # the entry lists no country: a country cannot move it; a birth year two or more years off dismisses it
    abroad = _best(screener, "Putin Vladimir Vladimirovich", country="FR")
    assert abroad is not None and abroad.exact and abroad.score == 1.0
    assert _best(screener, "Putin Vladimir Vladimirovich", birth_year=1990) is None


def test_related_company_surfaces_for_review() -> None:
    screener = _screener(
        [Entry(id="34644", kind="organization", name="PJSC ALROSA", aliases=[Alias(name="ALROSA GROUP")])]
    )
    m = _best(screener, "Alrosa USA Inc", kind="organization")
    assert m is not None and not m.strong and m.entry_id == "34644"


def test_results_sorted_and_at_or_above_threshold() -> None:
    screener = _screener([PUTIN, Entry(id="P2", kind="person", name="PUTINA, Lyudmila")], bundled=True)
    matches = screener.screen(PartyQuery(name="Putin Vladimir Vladimirovich"))
    scores = [m.score for m in matches]
    assert scores == sorted(scores, reverse=True) and all(s >= ALERT_THRESHOLD for s in scores)
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_legal_forms_are_only_stripped_from_organisations() -> None:
    screener = _screener([Entry(id="T1", kind="organization", name="TAMAS COMPANY")])
    assert screener.screen(PartyQuery(name="Thomas Sá", kind="person")) == []  # "SA" is his surname here
    m = _best(
        _screener([Entry(id="K1", kind="organization", name="AO PO KRISTALL")]),
        "Kristall SA",
        kind="organization",
    )
    assert m is not None and m.strong


@pytest.mark.slow
def test_results_do_not_depend_on_hash_seed(sanctions_data: Path) -> None:
    import json
    import os
    import subprocess
    import sys

    script = (
        "import csv, json, sys\n"
        "from pathlib import Path\n"
        "from desktop.screening.importers import read_path\n"
        "from desktop.screening.service import Screener\n"
        "from desktop.screening.types import PartyQuery\n"
        "data = Path(sys.argv[1])\n"
        "s = Screener.from_parsed(read_path(data / 'un/UN_consolidated_2026-02-27.xml'), bundled=False)\n"
        "rows = list(csv.DictReader(open(data / 'eval/positives_un_treated.csv', encoding='utf-8')))[:150]\n"
        "out = [[(m.entry_id, m.score) for m in s.screen(PartyQuery(name=r['full_name'], kind='person'))]"
        " for r in rows]\n"
        "print(json.dumps(out))\n"
    )
    results = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run(
            [sys.executable, "-c", script, str(sanctions_data)],
            env=env,
            capture_output=True,
            text=True,
            check=True,
        )
        results.append(json.loads(done.stdout))
    assert results[0] == results[1]


def test_han_and_hangul_syllables_must_all_match() -> None:
    screener = _screener(
        [Entry(id="C1", kind="person", name="CHEN, Zhu"), Entry(id="W1", kind="person", name="WANG, Wei")]
    )
    assert screener.screen(PartyQuery(name="成 朱", kind="person")) == []  # CHENG ZHU is not CHEN ZHU
    m = _best(screener, "王伟", kind="person")
    assert m is not None and m.entry_id == "W1"


@pytest.mark.parametrize(
    ("listed", "query"),
    [
        ("SOLEIMANI, Qasem", "Ghasem Soleymani"),  # GH/Q, EY/EI
        ("MAKHLUF, Iyad", "Eyad Makhlouf"),  # E/I, OU/U
        ("KOZYAKOV, Serhiy", "Sergey Kozyakov"),  # Ukrainian H for Russian G, EY/IY
        ("RIFKI, Taufik", "Tawfiq Rifqi"),  # AW/AU, Q/K
    ],
)
def test_transliteration_variants_alert(listed: str, query: str) -> None:
    m = _best(_screener([Entry(id="T1", kind="person", name=listed)]), query)
    assert m is not None and m.score >= ALERT_THRESHOLD and not m.strong, m


def test_folded_sounds_do_not_join_other_names() -> None:
    # SHIMON and SEMNAN share consonants, and their folded spellings are still far apart
    m = _best(_screener([Entry(id="S1", kind="organization", name="SEMNAN")]), "Shimon Diamonds Ltd")
    assert m is None, m


@pytest.mark.parametrize(
    ("listed", "query"),
    [
        ("ZAKARYA ESSABAR", "زكريا الصبار"),  # the article assimilated onto the name in Latin
        ("AL-ITIHAAD AL-ISLAMIYA", "الاتحاد الاسلامي"),  # ta + ha is not the digraph TH
        ("AHMAD ZIA AGHA", "احمد ضیا آغا"),  # Persian dad is Z
    ],
)
def test_arabic_script_against_latin_names(listed: str, query: str) -> None:
    m = _best(_screener([Entry(id="A1", kind="unknown", name=listed)]), query)
    assert m is not None and m.score >= ALERT_THRESHOLD, m


def test_ta_marbuta_read_as_a_matches_a_latin_construct() -> None:
    m = _best(_screener([Entry(id="Q1", kind="organization", name="Qaidat al-Jihad")]), "قاعدة الجهاد")
    assert m is not None and m.score >= ALERT_THRESHOLD, m


def test_a_spelling_folded_alike_is_a_candidate() -> None:
    # GHASIR and QASIR are two edits apart and share no skeleton: the phonetic fold finds the listed one
    screener = _screener([Entry(id="G1", kind="person", name="QASIR, Ali"), PUTIN])
    index = screener._build().index
    assert "QASIR" in index.variants("GHASIR")
    assert "QASIR" not in index.variants("KASEM")


@pytest.mark.parametrize(
    ("a", "b", "alike"),
    [
        ("SAEED", "SAID", True),
        ("CHIMA", "CHEEMA", True),
        ("KONTSERN", "CONCERN", True),
        ("IDH", "IED", False),  # both fold to two letters: too short to say anything
        ("YAN", "IAN", False),  # an opening Y is a consonant
        ("SHIMON", "SEMNAN", False),
    ],
)
def test_token_similarity_of_folded_spellings(a: str, b: str, alike: bool) -> None:
    assert (token_similarity(a, b) >= 0.8) == alike, token_similarity(a, b)


def test_arabic_article_assimilated_in_a_latin_compound() -> None:
    # ABD AL RHMN WLD: the Latin spelling writes ABDERRAHMANE (no L) and OULD for walad
    listed = Entry(id="M1", kind="person", name="ABDERRAHMANE OULD SIDI")
    m = _best(_screener([listed, PUTIN]), "عبد الرحمن ولد سيدي")
    assert m is not None and m.entry_id == "M1" and m.score >= ALERT_THRESHOLD, m


def test_short_arabic_skeletons_compared_as_sounds() -> None:
    # يحيى in Persian text reads YHII: one consonant left, and the sounds agree with YAHYA
    assert token_similarity("YHII", "YAHYA", abjad=True) == 0.9
    # two consonants alike but the sounds apart: still nothing
    assert token_similarity("SNAII", "CHEN", abjad=True) == 0.0


def test_a_latin_name_opening_with_a_doubled_sun_letter_is_also_read_as_written() -> None:
    # ALLAH and ISSA are not the article assimilated onto LAH and SA (as ESSABAR is onto SABAR)
    assert token_similarity("ALLH", "ALLAH", abjad=True) == 0.9
    assert token_similarity("AISA", "ISSA", abjad=True) == 0.9
    assert token_similarity("SBAR", "ESSABAR", abjad=True) == 0.9
    m = _best(
        _screener([Entry(id="F1", kind="person", name="FAIZULLAH KHAN NOORZAI"), PUTIN]), "فیض الله خان نورزی"
    )
    assert m is not None and m.entry_id == "F1" and m.score >= ALERT_THRESHOLD, m


def test_arabic_words_run_together_match_the_listed_name() -> None:
    m = _best(_screener([Entry(id="D1", kind="person", name="MOHAMED DAHIR AWEYS"), PUTIN]), "محمد ظاهرعويس")
    # matched word by word, not only by the whole-name skeleton (which the candidate search cannot use)
    assert m is not None and m.entry_id == "D1" and m.score >= ALERT_THRESHOLD, m
    assert "ZAHR~DAHIR" in m.why and "AUIS~AWEYS" in m.why, m.why


def test_somali_x_is_the_arabic_ha() -> None:
    # Somali spelling writes ha as X: محمد حسن حرسي is MAXAMED XASAN XIRSI
    assert abjad_skeleton("XASAN") == abjad_skeleton("HSN") == "HSN"
    assert token_similarity("HRSI", "XIRSI", abjad=True) == 0.9
    m = _best(_screener([Entry(id="S1", kind="person", name="MAXAMED XASAN XIRSI"), PUTIN]), "محمد حسن حرسي")
    assert m is not None and m.entry_id == "S1" and m.score >= ALERT_THRESHOLD, m


def test_dhal_may_be_th_in_a_latin_spelling() -> None:
    # ذ read DH is TH in many Latin spellings: القذافي is GHATHAFI, الذهب is AL-THAHAB
    assert token_similarity("QDHAFI", "GHATHAFI", abjad=True) == 0.9
    assert token_similarity("DHHB", "THAHAB", abjad=True) == 0.9
    m = _best(_screener([Entry(id="G1", kind="person", name="SAADI GHATHAFI"), PUTIN]), "الساعدي القذافي")
    assert m is not None and m.entry_id == "G1" and m.score >= ALERT_THRESHOLD, m


def test_somali_c_is_the_arabic_ain() -> None:
    # Somali spelling writes ain as C: عمر عبدي فارح is CUMAR CABDI FAARAX
    assert token_similarity("AMR", "CUMAR", abjad=True) == 0.9
    assert token_similarity("ARIA", "CURA", abjad=True) == 0.0  # one consonant left: not enough
    m = _best(_screener([Entry(id="S2", kind="person", name="CUMAR CABDI FAARAX"), PUTIN]), "عمر عبدي فارح")
    assert m is not None and m.entry_id == "S2" and m.score >= ALERT_THRESHOLD, m
