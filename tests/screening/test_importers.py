"""Every official sample imports with the right counts and known records; hostile files are refused."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from desktop.screening.errors import FileTooLargeError, ListFormatError, ScreeningError, UnsafeFileError
from desktop.screening.importers import ParsedList, detect, read_path


def _entry(parsed: ParsedList, entry_id: str):  # type: ignore[no-untyped-def]
    return next(e for e in parsed.entries if e.id == entry_id)


def test_ofac_tiny_set_joins_aliases_and_knows_vessels(parsed_samples: dict[str, ParsedList]) -> None:
    tiny = parsed_samples["ofac-tiny"]
    assert (tiny.id, tiny.jurisdictions, len(tiny.entries)) == ("OFAC-SDN", ["US"], 17)
    vessels = {e.name for e in tiny.entries if e.kind == "vessel"}
    assert "NS LEADER" in vessels
    iran = _entry(tiny, "11195")
    assert "HESA TRADE CENTER" in {a.name for a in iran.aliases}
    assert iran.programmes == ["NPWMD", "IFSR", "IRAN-CON-ARMS-EO"]
    assert _entry(tiny, "10278").birth_dates == ["1963-07-28"]


def test_ofac_2021_full_sdn(parsed_samples: dict[str, ParsedList]) -> None:
    sdn = parsed_samples["ofac-2021"]
    assert sdn.id == "OFAC-SDN" and len(sdn.entries) == 8976
    assert _entry(sdn, "23252").name == "GERTLER, Dan"
    kardiam = _entry(sdn, "18431")
    assert {"KARDIAM BVBA", "CARDIAM"} <= {a.name for a in kardiam.aliases}
    assert all(e.name and e.name != "-0-" for e in sdn.entries)


def test_ofac_2025_alias_extract_has_alrosa(parsed_samples: dict[str, ParsedList]) -> None:
    extract = parsed_samples["ofac-2025-aliases"]
    assert extract.id == "OFAC-SDN" and len(extract.entries) == 8653
    assert "primary names absent" in extract.source
    alrosa = _entry(extract, "34644")
    assert {n for n, _ in alrosa.all_names()} == {"AK ALROSA PAO", "PJSC ALROSA", "ALROSA GROUP"}
    assert alrosa.countries == ["RU"]
    assert "VO ALMAZYUVELIREKSPORT AO" in {n for n, _ in _entry(extract, "47474").all_names()}


def test_ofac_consolidated_is_detected_from_content(parsed_samples: dict[str, ParsedList]) -> None:
    cons = parsed_samples["ofac-cons"]
    assert cons.id == "OFAC-CONS" and len(cons.entries) == 442
    haniya = _entry(cons, "9639")
    assert haniya.kind == "person" and "HANIYA, Ismail" in {a.name for a in haniya.aliases}


def test_un_consolidated_list(parsed_samples: dict[str, ParsedList]) -> None:
    un = parsed_samples["un"]
    assert un.id == "UN" and str(un.as_of) == "2026-02-27"
    assert sorted(un.jurisdictions) == sorted(["US", "EU", "UK", "CA", "JP", "CH", "AU", "NZ"])
    kinds = [e.kind for e in un.entries]
    assert (kinds.count("person"), kinds.count("organization")) == (730, 273)
    younous = _entry(un, "CFi.006")
    assert younous.name == "OUMAR YOUNOUS ABDOULAY" and str(younous.listed_on) == "2015-08-20"
    assert "Oumar Younous" in {a.name for a in younous.aliases}
    assert "CFe.001" not in {e.id for e in un.entries}  # BADICA/KARDIAM: delisted by the UN
    assert all(e.id == e.id.strip() for e in un.entries)
    saddam = [e for e in un.entries if any(a.kind == "original-script" for a in e.aliases)]
    assert len(saddam) > 300


def test_eu_fsf_excerpt(parsed_samples: dict[str, ParsedList]) -> None:
    eu = parsed_samples["eu"]
    assert (eu.id, str(eu.as_of), len(eu.entries)) == ("EU-FSF", "2026-08-05", 4)
    parchin = _entry(eu, "3822")
    assert parchin.kind == "organization" and len(parchin.all_names()) >= 15
    assert "صنایع شیمیایی پارچین" in {a.name for a in parchin.aliases}
    assert _entry(eu, "191").name == "Khalid Sheikh MOHAMMED"
    assert _entry(eu, "6106").countries == ["LY"]


def test_uk_sanctions_list_excerpt(parsed_samples: dict[str, ParsedList]) -> None:
    uk = parsed_samples["uk"]
    assert (uk.id, str(uk.as_of), len(uk.entries)) == ("UK-SL", "2026-09-10", 5)
    bnk = _entry(uk, "BEL0107")
    assert {(a.name, a.strong) for a in bnk.aliases} == {("BNK UK Limited", True), ("BNK", False)}
    akhund = _entry(uk, "AFG0006")
    assert akhund.birth_dates == ["1958-05-12", "1945", "1946"]
    ship = _entry(uk, "DPR0075")
    assert ship.kind == "vessel" and ship.identifiers[0].value == "IMO9562233"


def test_opensanctions_ftm(parsed_samples: dict[str, ParsedList]) -> None:
    t1 = parsed_samples["ftm-t1"]
    assert t1.id == "OS-FTM" and len(t1.entries) == 6 and t1.confidence == "S"
    zala = parsed_samples["ftm-zala"]
    assert len(zala.entries) == 14
    inns = {i.value for e in zala.entries for i in e.identifiers if i.kind == "innCode"}
    assert "183116181362" in inns


def test_detection_reads_content_not_names(sanctions_data: Path, tmp_path: Path) -> None:
    disguised = tmp_path / "list.dat"
    shutil.copy(sanctions_data / "un/UN_consolidated_2026-02-27.xml", disguised)
    assert detect(disguised) == "xml:CONSOLIDATED_LIST"
    renamed = tmp_path / "whatever.txt"
    shutil.copy(sanctions_data / "ofac/sdn-tiny-2025/alt.csv", renamed)
    assert detect(renamed) == "ofac-csv:alias"


# --- hostile inputs -------------------------------------------------------------------------------------

BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&lol3;</FIRST_NAME></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
"""
XXE = """<?xml version="1.0"?>
<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>&xxe;</FIRST_NAME>
<REFERENCE_NUMBER>X.1</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS></CONSOLIDATED_LIST>
"""


@pytest.mark.parametrize("content", [BILLION_LAUGHS, XXE], ids=["billion-laughs", "xxe"])
def test_entity_xml_is_refused(tmp_path: Path, content: str) -> None:
    bad = tmp_path / "bad.xml"
    bad.write_text(content)
    with pytest.raises(UnsafeFileError, match="refused"):
        read_path(bad)


def test_truncated_xml_is_refused(sanctions_data: Path, tmp_path: Path) -> None:
    data = (sanctions_data / "un/UN_consolidated_2026-02-27.xml").read_bytes()
    cut = tmp_path / "cut.xml"
    cut.write_bytes(data[: len(data) // 2])
    with pytest.raises(ListFormatError, match="malformed or truncated"):
        read_path(cut)


def test_ofac_set_entries_are_made_from_the_bytes_read_and_hashed(
    sanctions_data: Path, tmp_path: Path
) -> None:
    """Entries are made again each time they are walked, always from the bytes the parse read, checked
    and hashed: a file changed on disk afterwards changes nothing of what gets stored."""
    folder = tmp_path / "ofac"
    shutil.copytree(sanctions_data / "ofac/sdn-tiny-2025", folder)
    (parsed,) = read_path(folder)
    first = list(parsed.entries)
    (folder / "sdn.csv").write_text('1,"SOMEONE ELSE",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n')
    assert list(parsed.entries) == first and len(parsed.entries) == 17
    assert parsed.entries[0] == first[0] and first[0].id == "10278"


def test_csv_with_wrong_column_count_is_refused(sanctions_data: Path, tmp_path: Path) -> None:
    lines = (sanctions_data / "ofac/sdn-tiny-2025/sdn.csv").read_bytes().split(b"\r\n")
    lines[3] = b'99999,"BROKEN ROW",-0- '
    folder = tmp_path / "ofac"
    folder.mkdir()
    (folder / "sdn.csv").write_bytes(b"\r\n".join(lines))
    with pytest.raises(ListFormatError, match="row 4: expected 12 columns, found 3"):
        read_path(folder)


def test_200_mb_file_is_refused_quickly(tmp_path: Path) -> None:
    huge = tmp_path / "huge.xml"
    with huge.open("wb") as fh:  # sparse: no 200 MB written to disk
        fh.truncate(200 * 1024 * 1024)
    started = time.monotonic()
    with pytest.raises(FileTooLargeError, match="200 MB; files over 150 MB are refused"):
        read_path(huge)
    assert time.monotonic() - started < 1.0


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("empty.xml", b"", "empty"),
        ("notes.txt", b"just some text\nnot a list\n", "not a sanctions list format"),
        ("other.xml", b"<?xml version='1.0'?><catalog><book/></catalog>", "root <catalog>"),
        (
            "bad.json",
            b'{"id": "x", "schema": "Person", "properties": {"name": ["A"]}, "target": true}\n{"id": ',
            "line 2",
        ),
    ],
)
def test_unknown_or_damaged_files_are_refused(
    tmp_path: Path, name: str, content: bytes, message: str
) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(ScreeningError, match=message):
        read_path(path)


def test_address_file_alone_is_refused(sanctions_data: Path, tmp_path: Path) -> None:
    folder = tmp_path / "only-add"
    folder.mkdir()
    shutil.copy(sanctions_data / "ofac/sdn-tiny-2025/add.csv", folder / "add.csv")
    with pytest.raises(ListFormatError, match=r"without its sdn\.csv or alt\.csv"):
        read_path(folder)


def test_missing_path_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ListFormatError, match="does not exist"):
        read_path(tmp_path / "nope")
    assert not os.listdir(tmp_path)


# OFAC SDN XML: a small hand-written file in the published shape; the namespace differs between years.
SDN_XML = """<?xml version="1.0" standalone="yes"?>
<sdnList xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns="{ns}">
  <publshInformation><Publish_Date>07/15/2021</Publish_Date><Record_Count>2</Record_Count></publshInformation>
  <sdnEntry>
    <uid>23252</uid><firstName>Dan</firstName><lastName>GERTLER</lastName><sdnType>Individual</sdnType>
    <programList><program>GLOMAG</program></programList>
    <akaList><aka><uid>1</uid><type>a.k.a.</type><category>strong</category><lastName>GERTLER</lastName>
      <firstName>Daniel</firstName></aka></akaList>
    <dateOfBirthList><dateOfBirthItem><uid>2</uid><dateOfBirth>23 Dec 1973</dateOfBirth></dateOfBirthItem>
    </dateOfBirthList>
    <nationalityList><nationality><uid>3</uid><country>Israel</country></nationality></nationalityList>
  </sdnEntry>
  <sdnEntry>
    <uid>18431</uid><lastName>KARDIAM</lastName><sdnType>Entity</sdnType>
    <programList><program>CAR</program></programList>
    <idList><id><uid>4</uid><idType>V.A.T. Number</idType><idNumber>BE 0430.033.662</idNumber></id></idList>
  </sdnEntry>
</sdnList>
"""


@pytest.mark.parametrize(
    "namespace",
    [
        "http://tempuri.org/sdnList.xsd",
        "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/XML",
    ],
)
def test_ofac_sdn_xml_any_namespace(tmp_path: Path, namespace: str) -> None:
    path = tmp_path / "sdn.xml"
    path.write_text(SDN_XML.replace("{ns}", namespace))
    (parsed,) = read_path(path)
    assert (parsed.id, str(parsed.as_of), len(parsed.entries)) == ("OFAC-SDN", "2021-07-15", 2)
    gertler = parsed.entries[0]
    assert (gertler.name, gertler.kind, gertler.birth_dates, gertler.countries) == (
        "GERTLER, Dan",
        "person",
        ["1973-12-23"],
        ["IL"],
    )
    assert gertler.aliases[0].name == "GERTLER, Daniel"
    assert parsed.entries[1].identifiers[0].value == "BE 0430.033.662"


# UK Sanctions List CSV: hand-written in the published layout (a report-date line, then one row per name).
UK_CSV = (
    "Report Date: 10-Sep-2026\n"
    "Last Updated,Unique ID,OFSI Group ID,UN Reference Number,Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,"
    "Name type,Alias strength,Title,Name non-latin script,Regime Name,Designation Type,Date Designated,D.O.B,"
    "Nationality(/ies),Address Country,Business registration number (s),IMO number,Other Information\n"
    "09/04/2025,BEL0107,14124,,BNK (UK) Ltd,,,,,,Primary Name,,,,The Republic of Belarus (Sanctions) (EU Exit)"
    " Regulations 2019,Entity,21/06/2021,,,United Kingdom,UK Company no. 06527449,,Oil trading\n"
    "09/04/2025,BEL0107,14124,,BNK UK Limited,,,,,,Alias,Good quality a.k.a,,,,Entity,21/06/2021,,,,,,\n"
    "09/04/2025,BEL0107,14124,,BNK,,,,,,Alias,Low quality a.k.a,,,,Entity,21/06/2021,,,,,,\n"
    "14/04/2026,AFG0006,7172,TAi.002,AKHUND,MOHAMMAD,HASSAN,,,,Primary Name,,Mullah,محمد حسن آخوند,"
    "The Afghanistan (Sanctions) (EU Exit) Regulations 2020,Individual,25/01/2001,dd/mm/1945,Afghanistan,,,,\n"
)


def test_uk_sanctions_list_csv(tmp_path: Path) -> None:
    path = tmp_path / "export.csv"
    path.write_text(UK_CSV, encoding="utf-8")
    assert detect(path) == "uk-csv"
    (parsed,) = read_path(path)
    assert (parsed.id, str(parsed.as_of), len(parsed.entries)) == ("UK-SL", "2026-09-10", 2)
    bnk, akhund = parsed.entries
    assert (bnk.id, bnk.kind, bnk.name, str(bnk.listed_on)) == (
        "BEL0107",
        "organization",
        "BNK (UK) Ltd",
        "2021-06-21",
    )
    assert {(a.name, a.strong) for a in bnk.aliases} == {("BNK UK Limited", True), ("BNK", False)}
    assert bnk.identifiers[0].value == "UK Company no. 06527449" and bnk.countries == ["GB"]
    assert (akhund.name, akhund.kind, akhund.birth_dates) == ("MOHAMMAD HASSAN AKHUND", "person", ["1945"])
    broken = tmp_path / "broken.csv"
    broken.write_text(UK_CSV + "01/01/2026,XXX0001,1\n", encoding="utf-8")
    with pytest.raises(ListFormatError, match="expected 23 columns, found 3"):
        read_path(broken)
