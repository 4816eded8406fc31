"""Foreign, corrupted or truncated files given as the register are refused with a clear message, untouched."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from desktop.register import NotARegisterError, Register, RegisterDamagedError, RegisterError
from tests.register.conftest import NOW, MakeAssessment


def _refused(path: Path, error: type[Exception], message: str) -> None:
    before = path.read_bytes()
    siblings = sorted(p.name for p in path.parent.iterdir())
    with pytest.raises(error, match=message):
        Register.open(path, now=NOW)
    assert path.read_bytes() == before, "a refused file must not be changed"
    assert sorted(p.name for p in path.parent.iterdir()) == siblings, (
        "no -wal/-shm left beside a refused file"
    )


def test_a_text_file_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    path.write_text("lot_id,verdict\nL-1,cleared\n")
    _refused(path, NotARegisterError, "not a Clearstone register \\(not an SQLite database\\)")


def test_another_programs_sqlite_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE moz_bookmarks (id INTEGER PRIMARY KEY, title TEXT)")
    conn.execute("INSERT INTO moz_bookmarks (title) VALUES ('kept')")
    conn.commit()
    conn.close()
    _refused(path, NotARegisterError, "SQLite database of another program")


def test_a_database_with_a_foreign_application_id_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA application_id = 1234")
    conn.commit()
    conn.close()
    _refused(path, NotARegisterError, "another program")


def test_a_corrupted_register_is_refused(tmp_path: Path, make_assessment: MakeAssessment) -> None:
    path = tmp_path / "register.sqlite"
    with Register.open(path, now=NOW) as register:
        register.record_assessment(make_assessment())
        register.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    data[100:4096] = b"\xa5" * (4096 - 100)  # the schema page, after the intact 100-byte header
    path.write_bytes(bytes(data))
    _refused(path, RegisterDamagedError, "is damaged .*left unchanged")


def test_a_truncated_header_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "register.sqlite"
    path.write_bytes(b"SQLite format 3\x00" + b"\x10\x00")
    _refused(path, RegisterDamagedError, "truncated")


def test_a_folder_or_missing_folder_is_refused(tmp_path: Path) -> None:
    with pytest.raises(NotARegisterError, match="not a file"):
        Register.open(tmp_path, now=NOW)
    with pytest.raises(RegisterError, match="does not exist"):
        Register.open(tmp_path / "nowhere" / "register.sqlite", now=NOW)


def test_damage_inside_data_pages_is_found_by_verify(tmp_path: Path, make_assessment: MakeAssessment) -> None:
    path = tmp_path / "register.sqlite"
    with Register.open(path, now=NOW) as register:
        for n in range(40):
            register.record_assessment(make_assessment(lot_id=f"L-{n}"))
        register.connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    middle = len(data) // 4096 // 2 * 4096
    data[middle + 8 : middle + 4096] = b"\x00\xff" * ((4096 - 8) // 2)
    path.write_bytes(bytes(data))
    try:
        register = Register.open(path, now=NOW)
    except RegisterDamagedError:
        return  # refusing at open is as good as reporting
    with register:
        report = register.verify()
    assert not report.ok
    assert report.describe().startswith("register damaged")
