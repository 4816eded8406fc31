"""`clearstone screen` and `clearstone lists` through desktop.cli.run, in a fresh data folder."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.cli import run


def _json(capsys: pytest.CaptureFixture[str]) -> object:
    return json.loads(capsys.readouterr().out)


def test_screen_json_for_one_name(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert (
        run(
            [
                "screen",
                "ПАО «Алроса»",
                "--kind",
                "organization",
                "--country",
                "RU",
                "--json",
                "--data-dir",
                str(data_dir),
            ]
        )
        == 0
    )
    doc = _json(capsys)
    assert isinstance(doc, dict) and doc["query"] == "ПАО «Алроса»"
    top = doc["matches"][0]
    assert {k: top[k] for k in ("list", "entry_id", "name", "strong", "score")} == {
        "list": "CS-DIAMOND",
        "entry_id": "34644",
        "name": "PJSC ALROSA",
        "strong": True,
        "score": 1.0,
    }
    assert set(top) >= {"alias", "jurisdictions", "why"}
    assert [item["id"] for item in doc["lists"]] == ["CS-DIAMOND"]


def test_screen_text_and_no_match(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["screen", "Antwerp Diamond Bourse Services BV", "--data-dir", str(data_dir)]) == 0
    out = capsys.readouterr().out
    assert "no match" in out and "CS-DIAMOND" in out


def test_screen_file_batch_in_input_order(
    data_dir: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    names = tmp_path / "names.csv"
    names.write_text(
        "name,country,kind\nOumar Younous,,person\n,,\nDiamond Trading LLC,AE,organization\nKARDIAM BVBA,BE,\n",
        encoding="utf-8",
    )
    assert run(["screen", "--file", str(names), "--json", "--data-dir", str(data_dir)]) == 0
    doc = _json(capsys)
    assert isinstance(doc, list)
    assert [row["query"] for row in doc] == ["Oumar Younous", "", "Diamond Trading LLC", "KARDIAM BVBA"]
    assert doc[0]["matches"][0]["entry_id"] == "CFi.006"
    assert doc[1]["matches"] == [] and "empty" in doc[1]["error"]
    assert doc[2]["matches"] == []
    assert doc[3]["matches"][0]["entry_id"] == "18431"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["screen"], "give a NAME"),
        (["screen", "x" * 10_000], "10000 characters"),
        (["screen", "--file", "/nonexistent/names.csv"], "cannot read"),
    ],
)
def test_screen_bad_input_exits_2(
    argv: list[str], message: str, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run([*argv, "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert message in err and err.count("\n") == 1


def test_lists_import_then_status(
    sanctions_data: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    un = sanctions_data / "un/UN_consolidated_2026-02-27.xml"
    assert run(["lists", "import", str(un), "--json", "--data-dir", str(data_dir)]) == 0
    imported = _json(capsys)
    assert isinstance(imported, dict) and imported["imported"][0]["id"] == "UN"
    assert imported["imported"][0]["entries"] == 1003
    assert run(["lists", "status", "--json", "--data-dir", str(data_dir)]) == 0
    status = _json(capsys)
    assert isinstance(status, dict)
    by_id = {item["id"]: item for item in status["lists"]}
    assert set(by_id) == {"CS-DIAMOND", "UN"}
    un_row = by_id["UN"]
    assert un_row["as_of"] == "2026-02-27" and len(un_row["sha256"]) == 64 and un_row["age_days"] > 30
    assert any("UN is" in w and "days old" in w for w in status["warnings"])
    assert run(["lists", "status", "--data-dir", str(data_dir)]) == 0
    text = capsys.readouterr().out
    assert "UN " in text and "warning: list UN" in text
    assert run(["screen", "Oumar Younous", "--json", "--data-dir", str(data_dir)]) == 0
    lists = {m["list"] for m in _json(capsys)["matches"]}  # type: ignore[index]
    assert lists == {"CS-DIAMOND", "UN"}


def test_lists_import_refuses_hostile_file(
    tmp_path: Path, data_dir: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    huge = tmp_path / "huge.csv"
    with huge.open("wb") as fh:
        fh.truncate(200 * 1024 * 1024)
    assert run(["lists", "import", str(huge), "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "import refused, loaded lists unchanged" in err and "150 MB" in err
    assert run(["lists", "status", "--json", "--data-dir", str(data_dir)]) == 0
    assert [item["id"] for item in _json(capsys)["lists"]] == ["CS-DIAMOND"]  # type: ignore[index]


def test_damaged_store_is_reported_in_one_line(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.screening.store import STORE_FILE

    (data_dir / STORE_FILE).write_bytes(b"not a database, just bytes\n" * 10)
    assert run(["lists", "status", "--data-dir", str(data_dir)]) == 2
    err = capsys.readouterr().err
    assert "cannot be opened" in err and err.count("\n") == 1


def test_screen_with_facts_the_party_holds(data_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    args = ["screen", "Oumar Younous", "--kind", "person", "--json", "--data-dir", str(data_dir)]
    assert run([*args, "--nationality", "cf", "--identifier", "passport=X123"]) == 0
    top = _json(capsys)["matches"][0]  # type: ignore[index]
    assert top["entry_id"] == "CFi.006" and set(top) >= {
        "exact",
        "corroborated_by",
        "conflicts",
        "common_name",
    }
    assert run([*args, "--identifier", "passport"]) == 2
    assert "TYPE=VALUE" in capsys.readouterr().err


def test_screen_text_names_an_undated_list_as_such(
    data_dir: Path, sanctions_data: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # OFAC's legacy CSV set carries no publication date: the header says so instead of "as of None"
    assert (
        run(["lists", "import", str(sanctions_data / "ofac/sdn-tiny-2025"), "--data-dir", str(data_dir)]) == 0
    )
    capsys.readouterr()
    assert run(["screen", "Antwerp Diamond Bourse Services BV", "--data-dir", str(data_dir)]) == 0
    header = capsys.readouterr().out.splitlines()[0]
    assert "OFAC-SDN (publication date unknown)" in header and "None" not in header
    assert "CS-DIAMOND (published 2026-" in header
