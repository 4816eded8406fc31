"""An opened data folder: settings, rule pack, sanctions lists, register and identity, each opened on first use."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from desktop.settings import Settings, SettingsError, load_settings, save_settings

if TYPE_CHECKING:  # opened lazily: the window starts before any of these is needed
    from desktop.identity import IdentityStore, TrustList
    from desktop.register import Register
    from desktop.rules.pack import LoadedPack
    from desktop.screening.service import Screener

log = logging.getLogger(__name__)

REGISTER_FILE = "register.sqlite"
Clock = Callable[[], datetime]


def utc_now() -> datetime:
    return datetime.now(UTC)


class Workspace:
    """What a use case needs from the data folder; the clock is injected so every result is reproducible.

    Nothing is opened until asked for (start-up stays fast), and each thing is opened once. The register is
    created on first write only: reading a folder that has none creates nothing.
    """

    def __init__(self, data_dir: Path, *, clock: Clock = utc_now, strict_settings: bool = True) -> None:
        self.data_dir = data_dir
        self.clock = clock
        self._strict_settings = strict_settings
        self._settings: Settings | None = None
        self._pack: LoadedPack | None = None
        self._screener: Screener | None = None
        self._register: Register | None = None

    # ----- time
    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().date()

    # ----- settings
    def settings(self) -> Settings:
        """The saved settings. A damaged file is an error for the command line; the window works on with the
        defaults (it says so at start)."""
        if self._settings is None:
            try:
                self._settings = load_settings(self.data_dir)
            except SettingsError as exc:
                if self._strict_settings:
                    raise
                log.warning("%s; using default settings", exc)
                self._settings = Settings()
        return self._settings

    def save_settings(self, settings: Settings) -> None:
        save_settings(settings, self.data_dir)
        self._settings = settings

    # ----- rules
    def pack(self) -> LoadedPack:
        """The active rule pack: an installed signed pack newer than the bundled one, else the bundled one."""
        if self._pack is None:
            from desktop.rules.pack import load_active_pack

            self._pack = load_active_pack(self.data_dir)
        return self._pack

    def forget_pack(self) -> None:
        self._pack = None

    # ----- sanctions lists
    def screener(self) -> Screener:
        if self._screener is None:
            from desktop.screening.errors import ScreeningError
            from desktop.screening.seed import seed_bundled_lists
            from desktop.screening.service import Screener

            try:
                seed_bundled_lists(
                    self.data_dir
                )  # an installation's bundled lists, on first use; cheap later
            except ScreeningError as exc:  # e.g. a read-only folder: screen with what is there
                log.warning("bundled lists not installed: %s", exc)
            self._screener = Screener.open(self.data_dir, clock=self.clock)
        return self._screener

    def forget_screener(self) -> None:
        """After an import: the next screening reopens the lists."""
        self._screener = None

    # ----- register
    @property
    def register_path(self) -> Path:
        return self.data_dir / REGISTER_FILE

    def has_register(self) -> bool:
        return self._register is not None or self.register_path.exists()

    def register(self) -> Register:
        """The register, created on first use."""
        if self._register is None:
            from desktop.register import Register

            self._register = Register.in_data_dir(self.data_dir)
        return self._register

    # ----- identity
    def identity_store(self) -> IdentityStore:
        from desktop.identity import IdentityStore

        return IdentityStore(self.data_dir)

    def trust_list(self) -> TrustList:
        from desktop.identity import TrustList

        return TrustList(self.data_dir)

    # ----- lifetime
    def close(self) -> None:
        if self._register is not None:
            self._register.close()
            self._register = None
        self.forget_screener()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self, kind: type[BaseException] | None, value: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()
