"""The user's preferences (firm, signer, paper, language, window), kept as JSON in the data folder."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from desktop.lot import Jurisdiction, describe_validation_error

SETTINGS_FILE = "settings.json"
LOCATION_FILE = "data-location.json"
MAX_RECENT = 10


class SettingsError(ValueError):
    """The settings file could not be read or written; the message is one line."""


class Signer(BaseModel):
    model_config = ConfigDict(extra="ignore")

    name: str = ""
    title: str = ""
    email: str = ""


class Settings(BaseModel):
    """Everything the user chooses once; unknown keys from newer versions are ignored, not lost on error."""

    model_config = ConfigDict(extra="ignore", validate_assignment=True)

    firm_name: str = ""
    firm_address: str = ""
    firm_country: Annotated[str, Field(pattern=r"^([A-Z]{2})?$")] = ""
    sow_id: str = ""
    home_jurisdictions: list[Jurisdiction] = Field(default_factory=lambda: [Jurisdiction.EU])
    signer: Signer = Field(default_factory=Signer)
    paper_size: Literal["A4", "Letter"] = "A4"
    language: Literal["en", "fr"] = "en"
    theme: Literal["system", "light", "dark"] = "system"
    window_geometry: str = ""  # base64 of the window's own saved geometry, opaque to the core
    recent_files: list[str] = Field(default_factory=list)

    def with_recent(self, path: str) -> Settings:
        recent = [path, *(p for p in self.recent_files if p != path)][:MAX_RECENT]
        return self.model_copy(update={"recent_files": recent})


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
        return Settings.model_validate_json(text)
    except ValidationError as exc:
        raise SettingsError(f"{path}: {describe_validation_error(exc)}") from None


def _write_json_atomically(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".settings-", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def save_settings(settings: Settings, data_dir: Path) -> None:
    """Atomic, so a crash while saving never loses the previous settings."""
    try:
        _write_json_atomically(settings_path(data_dir), settings.model_dump_json(indent=2) + "\n")
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
