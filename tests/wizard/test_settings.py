"""The Qt-free settings model: defaults, round trip, bad files, data-folder choice, portable copy."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.settings import (
    MAX_RECENT,
    Settings,
    SettingsError,
    choose_data_dir,
    chosen_data_dir,
    load_settings,
    make_portable,
    save_settings,
    settings_path,
)


def test_defaults_when_nothing_saved(tmp_path: Path) -> None:
    settings = load_settings(tmp_path)
    assert settings.paper_size == "auto" and settings.language == "en"
    # the firm's country brings its own regime; nothing is added on top by default
    assert settings.home_jurisdictions == ()
    assert settings.list_max_age_days == 30 and settings.people == () and not settings.second_person_for_exact


def test_round_trip(tmp_path: Path) -> None:
    settings = Settings(firm_name="Antwerp Gems BV", home_jurisdictions=("EU", "US"))
    settings = settings.updated(paper_size="Letter", language="fr")
    save_settings(settings, tmp_path)
    assert load_settings(tmp_path) == settings


def test_bad_file_is_one_clear_line(tmp_path: Path) -> None:
    settings_path(tmp_path).write_text('{"paper_size": "A3"}', encoding="utf-8")
    with pytest.raises(
        SettingsError, match=r"settings.json: paper_size: must be one of auto, A4, Letter, not \"A3\""
    ):
        load_settings(tmp_path)
    settings_path(tmp_path).write_text("{", encoding="utf-8")
    with pytest.raises(SettingsError):
        load_settings(tmp_path)


def test_unknown_keys_from_newer_versions_are_ignored(tmp_path: Path) -> None:
    settings_path(tmp_path).write_text('{"firm_name": "X", "future": 1}', encoding="utf-8")
    assert load_settings(tmp_path).firm_name == "X"


def test_recent_files_are_unique_newest_first_and_bounded() -> None:
    s = Settings()
    for i in range(MAX_RECENT + 3):
        s = s.with_recent(f"/lots/{i}.lot.json")
    s = s.with_recent("/lots/5.lot.json")
    assert s.recent_files[0] == "/lots/5.lot.json"
    assert len(s.recent_files) == MAX_RECENT
    assert len(set(s.recent_files)) == MAX_RECENT


def test_every_change_is_validated() -> None:
    s = Settings()
    with pytest.raises(SettingsError, match="paper_size: must be one of auto, A4, Letter"):
        s.updated(paper_size="A5")
    with pytest.raises(SettingsError, match="home_jurisdictions"):
        s.updated(home_jurisdictions=("EU", "EU"))
    with pytest.raises(SettingsError, match="home_jurisdictions: not a jurisdiction code"):
        s.updated(home_jurisdictions=("eu",))
    with pytest.raises(SettingsError, match="list_max_age_days"):
        s.updated(list_max_age_days=0)
    with pytest.raises(SettingsError, match="list_max_age_days"):
        s.updated(list_max_age_days=True)
    with pytest.raises(SettingsError, match="people: each person once"):
        s.updated(people=("Ilse Peeters", "Ilse Peeters"))
    with pytest.raises(SettingsError, match="people: each person once"):
        s.updated(people=("  ",))
    with pytest.raises(SettingsError, match="second_person_for_exact"):
        s.updated(second_person_for_exact="yes")
    with pytest.raises(SettingsError, match="firm_country"):
        s.updated(firm_country="Belgium")


def test_jurisdiction_codes_are_checked_for_form_only() -> None:
    # which regimes exist is the rule pack's to say (a signed pack may add one): the settings keep any code
    # of the right form, and the application layer ignores those the active pack does not know
    assert Settings(home_jurisdictions=("KR",)).home_jurisdictions == ("KR",)


def test_reading_settings_does_not_import_pydantic(tmp_path: Path) -> None:
    """Settings are read before the window opens; pydantic would cost a third of a second there."""
    import subprocess
    import sys

    code = (
        "import sys; from pathlib import Path; from desktop.settings import load_settings; "
        f"load_settings(Path({str(tmp_path)!r})); print('pydantic' in sys.modules)"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"


def test_chosen_data_dir(tmp_path: Path) -> None:
    config, data = tmp_path / "config", tmp_path / "data"
    assert chosen_data_dir(config) is None
    data.mkdir()
    choose_data_dir(config, data)
    assert chosen_data_dir(config) == data
    choose_data_dir(config, None)
    assert chosen_data_dir(config) is None


def test_make_portable_copies_and_never_overwrites(tmp_path: Path) -> None:
    data = tmp_path / "data"
    data.mkdir()
    save_settings(Settings(firm_name="F"), data)
    stick = tmp_path / "stick" / "clearstone-data"
    assert make_portable(data, stick) == stick
    assert load_settings(stick).firm_name == "F"
    with pytest.raises(SettingsError, match="already holds data"):
        make_portable(data, stick)
