"""The core services the window uses, injected as one object and imported lazily so start-up stays fast."""

from __future__ import annotations

import importlib
import logging
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from desktop.settings import Settings, SettingsError, load_settings, save_settings

log = logging.getLogger(__name__)


class ServiceUnavailable(RuntimeError):
    """A part of Clearstone is not installed or could not start; the message says which and why."""


# The core's error families; each is matched only once its module is loaded (importing it just to catch an
# error would defeat lazy start-up, and an error of a module never loaded cannot occur).
_CORE_ERRORS = (
    ("desktop.identity.errors", "IdentityError"),
    ("desktop.register.errors", "RegisterError"),
    ("desktop.screening.errors", "ScreeningError"),
)


def user_errors() -> tuple[type[BaseException], ...]:
    """The exceptions that mean "this could not be done, here is why": shown to the user, not a crash."""
    found: list[type[BaseException]] = [ServiceUnavailable, RuntimeError, ValueError, OSError, KeyError]
    for module_name, class_name in _CORE_ERRORS:
        module = sys.modules.get(module_name)
        kind = getattr(module, class_name, None) if module is not None else None
        if isinstance(kind, type) and issubclass(kind, BaseException):
            found.append(kind)
    return tuple(found)


def _load(module: str, attribute: str, what: str) -> Any:
    try:
        return getattr(importlib.import_module(module), attribute)
    except ImportError as exc:
        raise ServiceUnavailable(f"{what} is not available in this build ({exc})") from None
    except AttributeError:
        raise ServiceUnavailable(
            f"{what} is not available in this build ({module}.{attribute} missing)"
        ) from None


def _utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass
class Services:
    """What the UI may do to the world; tests build one on a temporary data folder and a fixed clock."""

    data_dir: Path
    config_dir: Path | None = None  # where the chosen data folder is remembered; None: the platform's
    clock: Callable[[], datetime] = _utc_now
    user: str = ""
    _cache: dict[str, Any] = field(default_factory=dict, repr=False)

    def config_folder(self) -> Path:
        if self.config_dir is None:
            from platformdirs import user_config_dir  # only when asked: not on the start-up path

            from desktop.paths import APP_NAME

            self.config_dir = Path(user_config_dir(APP_NAME, appauthor=False))
        return self.config_dir

    # ----- time and settings
    def now(self) -> datetime:
        return self.clock()

    def today(self) -> date:
        return self.clock().date()

    def settings(self) -> Settings:
        if "settings" not in self._cache:
            try:
                self._cache["settings"] = load_settings(self.data_dir)
            except SettingsError as exc:  # the window said so at start; work on with the defaults
                log.warning("%s; using default settings", exc)
                self._cache["settings"] = Settings()
        settings: Settings = self._cache["settings"]
        return settings

    def save_settings(self, settings: Settings) -> None:
        save_settings(settings, self.data_dir)
        self._cache["settings"] = settings

    def decided_by(self) -> str:
        signer = self.settings().signer
        return signer.name or self.user or "unknown user"

    # ----- rules
    def pack(self) -> Any:
        """The active rule pack (bundled or imported)."""
        if "pack" not in self._cache:
            load_active_pack = _load("desktop.rules.pack", "load_active_pack", "The rule pack")
            self._cache["pack"] = load_active_pack(self.data_dir)
        return self._cache["pack"]

    def import_rule_pack(self, path: Path) -> Any:
        install = _load("desktop.rules.pack", "import_pack", "Rule pack import")
        result = install(self.data_dir, path)
        self._cache.pop("pack", None)
        return result

    # ----- screening
    def screener(self) -> Any:
        if "screener" not in self._cache:
            screener_class = _load("desktop.screening.service", "Screener", "Sanctions screening")
            self._cache["screener"] = screener_class.open(self.data_dir, clock=self.clock)
        return self._cache["screener"]

    def lists(self) -> list[Any]:
        return list(self.screener().lists())

    def screen(self, query: Any) -> list[Any]:
        return list(self.screener().screen(query))

    def import_lists(self, path: Path, progress: Callable[..., Any]) -> Any:
        screener_class = _load("desktop.screening.service", "Screener", "Sanctions screening")
        result = screener_class.for_import(self.data_dir, clock=self.clock).import_path(path, progress)
        self._cache.pop("screener", None)  # reopen so the new lists are used
        return result

    # ----- register
    def register(self) -> Any:
        if "register" not in self._cache:
            register_class = _load("desktop.register", "Register", "The register")
            self._cache["register"] = register_class.in_data_dir(self.data_dir)
        return self._cache["register"]

    # ----- assessment
    def assess(self, lot: Any, decisions: Sequence[Any] = ()) -> Any:
        assess = _load("desktop.assessment", "assess", "The rules engine")
        return assess(
            lot,
            pack=self.pack(),
            screener=self.screener(),
            decisions=tuple(decisions),
            reviews=self.reviews(),
            now=self.now(),
        )

    def reviews(self) -> tuple[Any, ...]:
        """Review resolutions recorded for any lot (assess applies those of the lot being checked)."""
        try:
            return tuple(self.register().reviews())
        except ServiceUnavailable as exc:
            log.warning("review resolutions not read: %s", exc)
            return ()

    def record_review(self, resolution: Any) -> int:
        return int(self.register().record_review(resolution))

    def record_check(self, assessment: Any, decisions: Sequence[Any] = ()) -> int | None:
        """Keep the check in the register (lot, assessment, decisions); its id, or None without a register."""
        try:
            register = self.register()
        except ServiceUnavailable as exc:
            log.warning("check not recorded: %s", exc)
            return None
        register.record_lot(assessment.lot, now=self.now())
        assessment_id = int(register.record_assessment(assessment))
        for decision in decisions:
            register.record_decision(decision, assessment_id=assessment_id)
        return assessment_id

    def recent_records(self, limit: int = 8) -> list[Any]:
        kinds = _load("desktop.register", "RecordKind", "The register")
        return list(self.register().list_records([kinds.ASSESSMENT, kinds.ATTESTATION], limit=limit))

    # ----- autosaved drafts
    def new_draft_key(self) -> str:
        return "check-" + self.now().strftime("%Y%m%dT%H%M%S%f")

    def save_draft(self, key: str, json_text: str) -> None:
        self.register().save_draft(key, json_text, now=self.now())

    def pending_drafts(self) -> list[Any]:
        return list(self.register().pending_drafts())

    def draft_text(self, key: str) -> str:
        draft = self.register().latest_draft(key)
        if draft is None:
            raise ServiceUnavailable(f"no autosaved draft {key!r}")
        return str(draft.json_text)

    def discard_draft(self, key: str) -> None:
        self.register().discard_draft(key, now=self.now())

    def add_evidence_file(self, path: Path) -> str:
        return str(self.register().add_evidence_file(path, now=self.now()))

    # ----- files the user asked to write
    def write_file(self, path: Path, data: bytes) -> None:
        """Atomic write, so a failed save never leaves half a PDF under the user's chosen name."""
        from desktop.fileio import write_atomic

        write_atomic(path, data)

    # ----- identity and attestation
    def identity_store(self) -> Any:
        store_class = _load("desktop.identity", "IdentityStore", "The signing identity")
        return store_class(self.data_dir)

    def identity_description(self) -> str | None:
        """Who signs, or None when no identity was created yet."""
        store = self.identity_store()
        if not store.exists():
            return None
        info_from_certificate = _load(
            "desktop.identity.certificate", "info_from_certificate", "The signing identity"
        )
        fingerprint = _load("desktop.identity", "certificate_fingerprint", "The signing identity")
        certificate = store.certificate()
        info = info_from_certificate(certificate)
        return f"{info.name}, {info.title}, {info.company} ({info.country}) — {fingerprint(certificate)[:23]}"

    def create_identity(
        self, *, name: str, title: str, company: str, country: str, email: str | None, passphrase: str
    ) -> None:
        info_class = _load("desktop.identity", "IdentityInfo", "The signing identity")
        self.identity_store().create(
            info_class(name=name, title=title, company=company, country=country, email=email),
            passphrase,
            now=self.now(),
        )

    def sign_attestation(
        self, assessment: Any, assessment_id: int | None, passphrase: str
    ) -> tuple[str, bytes]:
        """Unlock the identity, then number, build, sign and store the PDF: the same service as `attest`."""
        issue = _load("desktop.attestation.issue", "issue_attestation", "Attestation signing")
        now = self.now()
        identity = self.identity_store().load(passphrase, now=now)
        settings = self.settings()
        issued = issue(
            self.register(),
            assessment,
            identity,
            now=now,
            sow_id=settings.sow_id or None,
            paper=settings.paper_size,
        )
        if assessment_id is not None and issued.assessment_id != assessment_id:
            log.warning("attested assessment %s, checked as %s", issued.assessment_id, assessment_id)
        return str(issued.number), bytes(issued.pdf)

    def trusted_certificates(self) -> list[Any]:
        """The trust list plus this dealer's own certificate (one's own attestations verify at home)."""
        trust_list = _load("desktop.identity", "TrustList", "The trust list")
        certificates = list(trust_list(self.data_dir).certificates())
        store = self.identity_store()
        if store.exists():
            own = store.certificate()
            if own not in certificates:
                certificates.append(own)
        return certificates

    def verify_pdf(self, data: bytes) -> Any:
        verify = _load("desktop.attestation.verify", "verify_pdf", "Attestation verification")
        return verify(data, self.trusted_certificates(), now=self.now())

    def verify_qr(self, text: str) -> Any:
        verify = _load("desktop.attestation.verify", "verify_qr_text", "Attestation verification")
        return verify(text, self.trusted_certificates())

    def attestation_facts(self, pdf: bytes) -> str:
        """The text facts of a signed PDF, shown when no PDF renderer is installed."""
        return str(self.verify_pdf(pdf).summary())

    def close(self) -> None:
        for key in ("register", "screener"):
            service = self._cache.pop(key, None)
            closer = getattr(service, "close", None)
            if callable(closer):
                closer()
