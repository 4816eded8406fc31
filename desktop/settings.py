"""The user's preferences (firm, signer, paper, language, window), kept as JSON in the data folder."""

from __future__ import annotations

import json
import re
import shutil
from dataclasses import asdict, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from desktop.fileio import write_atomic

# Plain dataclasses, not pydantic: the settings are read before the window opens, and importing pydantic
# would cost a third of a second of start-up on every launch.

SETTINGS_FILE = "settings.json"
LOCATION_FILE = "data-location.json"
MAX_RECENT = 10
MAX_TEXT = 1000
MAX_PEOPLE = 50
PAPER_SIZES = ("auto", "A4", "Letter")  # auto: Letter for a buyer in the US or Canada, else A4
LANGUAGES = ("en", "fr")
THEMES = ("system", "light", "dark")


class SettingsError(ValueError):
    """The settings file could not be read or written, or a value is not allowed; one line."""


def _text(name: str, value: Any) -> str:
    if not isinstance(value, str):
        raise SettingsError(f"{name}: must be text, not {json.dumps(value)}")
    if len(value) > MAX_TEXT or any(ord(ch) < 32 for ch in value):
        raise SettingsError(f"{name}: text too long or with control characters")
    return value


def _code(name: str, value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Z]{2,3}", value):
        raise SettingsError(f"{name}: not a jurisdiction code: {json.dumps(value)}")
    return value


def _choice(name: str, value: Any, allowed: tuple[str, ...]) -> str:
    if value not in allowed:
        raise SettingsError(f"{name}: must be one of {', '.join(allowed)}, not {json.dumps(value)}")
    return str(value)


@dataclass(frozen=True)
class Signer:
    name: str = ""
    title: str = ""
    email: str = ""

    def __post_init__(self) -> None:
        for item in fields(self):
            _text(f"signer.{item.name}", getattr(self, item.name))


@dataclass(frozen=True)
class Settings:
    """Everything the user chooses once; unknown keys from newer versions are ignored."""

    firm_name: str = ""
    firm_address: str = ""
    firm_country: str = ""
    sow_id: str = ""
    # Regimes added to every new check on top of those derived from its facts (the firm's own country
    # brings its regime in by itself). Codes are the rule pack's; unknown ones are ignored when used.
    home_jurisdictions: tuple[str, ...] = ()
    signer: Signer = field(default_factory=Signer)
    paper_size: str = "auto"
    language: str = "en"
    theme: str = "system"
    window_geometry: str = ""  # base64 of the window's own saved geometry, opaque to the core
    recent_files: tuple[str, ...] = ()
    # A loaded official list older than this (by its publication date) no longer counts as coverage.
    list_max_age_days: int = 30
    # The people who decide on this install (chosen at start when several share a PC); the signer is one.
    people: tuple[str, ...] = ()
    # Four eyes: dismissing an exact sanctions match takes a second person's confirmation before attest.
    second_person_for_exact: bool = False
    # The folder the window's file dialogs open in: the last one used (empty: the user's Documents).
    last_folder: str = ""

    def __post_init__(self) -> None:
        for name in ("firm_name", "firm_address", "sow_id", "window_geometry", "last_folder"):
            _text(name, getattr(self, name))
        if self.firm_country and not re.fullmatch(r"[A-Z]{2}", _text("firm_country", self.firm_country)):
            raise SettingsError(f"firm_country: not an ISO 3166 code: {json.dumps(self.firm_country)}")
        if not isinstance(self.home_jurisdictions, list | tuple):
            raise SettingsError("home_jurisdictions: must be a list")
        codes = tuple(_code("home_jurisdictions", j) for j in self.home_jurisdictions)
        if len(set(codes)) != len(codes):
            raise SettingsError("home_jurisdictions: each jurisdiction may be listed once")
        object.__setattr__(self, "home_jurisdictions", codes)
        if not isinstance(self.signer, Signer):
            raise SettingsError("signer: must be an object with name, title and email")
        _choice("paper_size", self.paper_size, PAPER_SIZES)
        _choice("language", self.language, LANGUAGES)
        _choice("theme", self.theme, THEMES)
        if (
            not isinstance(self.list_max_age_days, int)
            or isinstance(self.list_max_age_days, bool)
            or not 1 <= self.list_max_age_days <= 366
        ):
            raise SettingsError(
                f"list_max_age_days: a number of days from 1 to 366, not {self.list_max_age_days!r}"
            )
        if not isinstance(self.people, list | tuple) or len(self.people) > MAX_PEOPLE:
            raise SettingsError(f"people: must be a list of at most {MAX_PEOPLE} names")
        people = tuple(_text("people", p).strip() for p in self.people)
        if any(not p for p in people) or len(set(people)) != len(people):
            raise SettingsError("people: each person once, by name")
        object.__setattr__(self, "people", people)
        if not isinstance(self.second_person_for_exact, bool):
            raise SettingsError("second_person_for_exact: must be true or false")
        if not isinstance(self.recent_files, list | tuple):
            raise SettingsError("recent_files: must be a list")
        object.__setattr__(self, "recent_files", tuple(_text("recent_files", p) for p in self.recent_files))

    def updated(self, **changes: Any) -> Settings:
        """A validated copy with `changes` applied."""
        return replace(self, **changes)

    def with_recent(self, path: str) -> Settings:
        recent = (path, *(p for p in self.recent_files if p != path))[:MAX_RECENT]
        return self.updated(recent_files=recent)

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data["home_jurisdictions"] = list(self.home_jurisdictions)
        data["people"] = list(self.people)
        data["recent_files"] = list(self.recent_files)
        return data

    @classmethod
    def from_json(cls, raw: Any) -> Settings:
        if not isinstance(raw, dict):
            raise SettingsError("settings must be a JSON object")
        known = {item.name for item in fields(cls)}
        values = {k: v for k, v in raw.items() if k in known}
        signer = values.get("signer")
        if signer is not None:
            if not isinstance(signer, dict):
                raise SettingsError("signer: must be an object with name, title and email")
            values["signer"] = Signer(**{k: v for k, v in signer.items() if k in {"name", "title", "email"}})
        return cls(**values)


def settings_path(data_dir: Path) -> Path:
    return data_dir / SETTINGS_FILE


def load_settings(data_dir: Path) -> Settings:
    """The saved settings, or the defaults when none were saved yet."""
    path = settings_path(data_dir)
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return Settings()
    except OSError as exc:
        raise SettingsError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        return Settings.from_json(json.loads(text))
    except json.JSONDecodeError as exc:
        raise SettingsError(f"{path}: not valid JSON ({exc.msg} at line {exc.lineno})") from None
    except SettingsError as exc:
        raise SettingsError(f"{path}: {exc}") from None


def _write_json_atomically(path: Path, text: str) -> None:
    write_atomic(path, text)


def save_settings(settings: Settings, data_dir: Path) -> None:
    """Atomic, so a crash while saving never loses the previous settings."""
    try:
        _write_json_atomically(settings_path(data_dir), json.dumps(settings.to_json(), indent=2) + "\n")
    except OSError as exc:
        raise SettingsError(f"{settings_path(data_dir)}: cannot save ({exc.strerror})") from None


def chosen_data_dir(config_dir: Path) -> Path | None:
    """The data folder the user picked in the settings dialog, when one was picked and still exists."""
    try:
        raw = json.loads((config_dir / LOCATION_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    folder = raw.get("data_dir") if isinstance(raw, dict) else None
    return Path(folder) if isinstance(folder, str) and Path(folder).is_dir() else None


def choose_data_dir(config_dir: Path, folder: Path | None) -> None:
    """Remember `folder` as the data folder for the next start (None: back to the default)."""
    target = config_dir / LOCATION_FILE
    try:
        if folder is None:
            target.unlink(missing_ok=True)
        else:
            _write_json_atomically(target, json.dumps({"data_dir": str(folder)}) + "\n")
    except OSError as exc:
        raise SettingsError(f"{target}: cannot save ({exc.strerror})") from None


def make_portable(current_data_dir: Path, portable_dir: Path) -> Path:
    """Copy the data folder beside the program so it travels on a USB stick; returns the new folder."""
    if portable_dir.resolve() == current_data_dir.resolve():
        return portable_dir
    if portable_dir.exists() and any(portable_dir.iterdir()):
        raise SettingsError(f"{portable_dir}: already holds data; not overwriting it")
    try:
        shutil.copytree(current_data_dir, portable_dir, dirs_exist_ok=True)
    except OSError as exc:
        raise SettingsError(f"cannot copy the data to {portable_dir}: {exc}") from None
    return portable_dir
