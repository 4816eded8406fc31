"""The window's way to the application layer: one Workspace, typed calls, nothing decided here.

Every method forwards to a use case of `desktop.service`; the window adds only what a window needs (where
the data folder is remembered, the person at the keyboard). Modules are imported on first use, so opening
the window does not load the rules engine, the screening index or the signing library.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desktop.service import Workspace
from desktop.service.workspace import utc_now
from desktop.settings import Settings

if TYPE_CHECKING:
    from desktop.assessment import Assessment
    from desktop.attestation.anchors import AnchorCheck
    from desktop.attestation.verify import Verification
    from desktop.identity.trust import TrustResult
    from desktop.lot import Lot
    from desktop.register import AttestationRecord, ChainReport, RecordSummary, ReviewResolution
    from desktop.rules.pack import LoadedPack
    from desktop.rules.regimes import RegimeInScope
    from desktop.rules.result import Finding, Verdict
    from desktop.screening.datapack import PackExport
    from desktop.screening.importers.common import Progress
    from desktop.screening.types import ListInfo, Match, PartyQuery, ScreeningDecision
    from desktop.screening.update import UpdateProgress
    from desktop.service.attesting import Issued, Prepared
    from desktop.service.datapacks import PackPreview
    from desktop.service.deciding import MatchDecision
    from desktop.service.drafts import SavedDraft
    from desktop.service.identity import IdentitySummary
    from desktop.service.lists import ImportResult, UpdateResult
    from desktop.service.records import WorkRow
    from desktop.service.status import DataStatus

log = logging.getLogger(__name__)


class ServiceUnavailable(RuntimeError):
    """A part of Clearstone could not start; the message says which and why."""


def user_errors() -> tuple[type[BaseException], ...]:
    """What means "this could not be done, here is why": shown to the user in one line, never a crash."""
    from desktop.service.errors import user_errors as core
    from desktop.wizard.draft import DraftError
    from desktop.wizard.machine import NavigationError

    return (*core(), DraftError, NavigationError, ServiceUnavailable, OSError)


class Services:
    """What the window may do to the world; tests build one on a temporary data folder and a fixed clock."""

    def __init__(
        self,
        data_dir: Path,
        config_dir: Path | None = None,
        clock: Callable[[], datetime] = utc_now,
        user: str = "",
    ) -> None:
        self.data_dir = data_dir
        self.config_dir = config_dir  # where the chosen data folder is remembered; None: the platform's
        self.clock = clock
        self.user = user  # the person at the keyboard when chosen at start (Settings → People)
        # `lists update --source ID=URL` for the window: a firm's own mirror (and tests' loopback server)
        self.list_sources: list[str] = []
        self.workspace = Workspace(data_dir, clock=clock, strict_settings=False)

    def config_folder(self) -> Path:
        if self.config_dir is None:
            from platformdirs import user_config_dir  # only when asked: not on the start-up path

            from desktop.paths import APP_NAME

            self.config_dir = Path(user_config_dir(APP_NAME, appauthor=False))
        return self.config_dir

    # ----- time and settings
    def now(self) -> datetime:
        return self.workspace.now()

    def today(self) -> date:
        return self.workspace.today()

    def settings(self) -> Settings:
        return self.workspace.settings()

    def reload_settings(self) -> Settings:
        """Read the settings file again (after another program or a test changed it)."""
        self.workspace = Workspace(self.data_dir, clock=self.clock, strict_settings=False)
        return self.settings()

    def save_settings(self, settings: Settings) -> None:
        self.workspace.save_settings(settings)

    def people(self) -> list[str]:
        """The people who decide on this install (Settings → People), the signer first."""
        settings = self.settings()
        return list(dict.fromkeys(p for p in (settings.signer.name.strip(), *settings.people) if p))

    def firm_country(self) -> str | None:
        """The dealer's seat: the settings' country, else the signing identity's."""
        from desktop.service.checking import firm_country

        try:
            return firm_country(self.workspace)
        except user_errors():
            return self.settings().firm_country or None

    def decided_by(self) -> str:
        """Who decides at this keyboard: the person chosen at start, else the signer in the settings, else the
        signing identity's person; empty when nobody is known (the window then asks)."""
        if self.user:
            return self.user
        signer = self.settings().signer.name
        if signer:
            return signer
        summary = self.identity_summary()
        return summary.name if summary is not None else ""

    # ----- rules
    def pack(self) -> LoadedPack:
        return self.workspace.pack()

    def jurisdiction_names(self, language: str = "en") -> dict[str, str]:
        """Code -> name of every regime the active rule pack knows, in its order."""
        return {r.code: r.name(language) for r in self.pack().regimes}

    def import_rule_pack(self, path: Path) -> LoadedPack:
        from desktop.service.rules import import_rule_pack

        return import_rule_pack(self.workspace, path)

    # ----- a lot being typed
    def draft_regimes(self, draft: dict[str, Any]) -> list[RegimeInScope]:
        """The regimes the lot engages as entered so far (derived ones with why, plus those it adds)."""
        from desktop.service.drafting import draft_regimes

        return draft_regimes(self.workspace, draft)

    def certificate_findings(self, draft: dict[str, Any]) -> list[Finding]:
        """The rule pack's Kimberley Process findings on the certificate as entered so far."""
        from desktop.service.drafting import certificate_findings

        return certificate_findings(self.workspace, draft)

    # ----- screening
    def lists(self) -> list[ListInfo]:
        from desktop.service.lists import loaded_lists

        return loaded_lists(self.workspace)

    def warm_screening(self) -> None:
        """Build the name index now (off the GUI thread) so the first screening is fast."""
        self.workspace.screener().warm()

    def screening_queries(self, draft: dict[str, Any]) -> list[PartyQuery]:
        """What a lot screens as it stands while being typed (every party and owner named so far)."""
        from desktop.service.checking import screening_queries

        return screening_queries(draft)

    def screen(self, query: PartyQuery) -> list[Match]:
        return list(self.workspace.screener().screen(query))

    def import_lists(self, path: Path, progress: Progress, *, force: bool = False) -> ImportResult:
        """Official files, a folder of them, or a data pack; then the register's past parties re-screened.
        `force`: a person confirmed importing over the guards' refusal (recorded with the list)."""
        from desktop.service.lists import import_lists

        try:
            return import_lists(self.data_dir, path, now=self.now(), progress=progress, force=force)
        finally:
            self.workspace.forget_screener()

    def is_data_pack(self, path: Path) -> bool:
        from desktop.service.datapacks import is_data_pack

        return is_data_pack(path)

    def inspect_pack(self, path: Path) -> PackPreview:
        """Who signed a data pack, whether that signer is trusted here, what it holds (nothing installed)."""
        from desktop.service.datapacks import inspect_pack

        return inspect_pack(self.data_dir, path)

    def export_pack(self, dest: Path, passphrase: str) -> PackExport:
        """The loaded official lists in one file signed with this data folder's identity."""
        from desktop.service.lists import export

        return export(self.data_dir, dest, passphrase, now=self.now())

    def list_sources_named(self) -> list[tuple[str, str]]:
        """(list id, publisher) of every source `update_lists` fetches."""
        from desktop.service.lists import sources

        return [(s.id, s.publisher) for s in sources(self.list_sources)]

    def update_lists(self, progress: UpdateProgress, cancel: Callable[[], bool]) -> UpdateResult:
        """Fetch the official lists from their publishers (the program's only network access, on request),
        install them all or none, then re-screen the register's past parties."""
        from desktop.service.lists import update

        try:
            return update(
                self.data_dir, now=self.now(), overrides=self.list_sources, progress=progress, cancel=cancel
            )
        finally:
            self.workspace.forget_screener()

    def has_official_lists(self) -> bool:
        """Whether any official list is loaded (a fresh install has only the bundled diamond-sector list)."""
        return any(not info.bundled for info in self.lists())

    def data_status(self, regimes: Sequence[str] | None = None) -> DataStatus:
        from desktop.service.status import data_status

        return data_status(self.workspace, regimes)

    # ----- checks and decisions
    def assess(self, lot: Lot, decisions: Sequence[ScreeningDecision] = ()) -> Assessment:
        from desktop.service.checking import assess_lot

        return assess_lot(self.workspace, lot, decisions=decisions)

    def record_check(self, assessment: Assessment, decisions: Sequence[ScreeningDecision] = ()) -> int:
        from desktop.service.checking import record_check

        return record_check(self.workspace, assessment, decisions)

    def match_decision(self, request: MatchDecision, match: Match | None = None) -> ScreeningDecision:
        """A checked decision for the check in progress (recorded with the check)."""
        from desktop.service.deciding import match_decision

        return match_decision(self.workspace, request, match=match)

    def is_exact(self, match: Match) -> bool:
        """Whether dismissing this match needs the identifying fact that tells the party apart."""
        from desktop.service.deciding import is_exact_match

        return is_exact_match(match)

    def listed_facts(self, list_id: str, entry_id: str) -> dict[str, list[str]]:
        """What the list itself gives to identify the entry (field -> values), as far as it says."""
        from desktop.service.deciding import listed_facts

        return listed_facts(self.workspace, list_id, entry_id)

    def awaiting_confirmation(
        self, matches: Sequence[Match], decisions: Sequence[ScreeningDecision]
    ) -> list[ScreeningDecision]:
        """Dismissals of exact matches that wait for a second person (the four-eyes setting)."""
        from desktop.service.deciding import awaiting_confirmation

        return awaiting_confirmation(self.workspace, matches, decisions)

    def confirm_dismissal(self, decision: ScreeningDecision, confirmed_by: str) -> ScreeningDecision:
        """A second person confirms a recorded dismissal; recorded in the register."""
        from desktop.service.deciding import confirm_dismissal

        return confirm_dismissal(
            self.workspace, decision.party, decision.list, decision.entry_id, confirmed_by
        )

    def resolve_review(
        self,
        finding: Finding,
        *,
        lot_id: str,
        resolution: Verdict,
        reason: str,
        decided_by: str,
        assessment_id: int | None,
    ) -> ReviewResolution:
        from desktop.service.deciding import resolve_review

        return resolve_review(
            self.workspace,
            lot_id=lot_id,
            jurisdiction=finding.jurisdiction,
            rule=finding.rule,
            resolution=resolution,
            reason=reason,
            decided_by=decided_by,
            finding=finding,
            assessment_id=assessment_id,
        )

    # ----- register
    def recent_records(self, limit: int = 8) -> list[RecordSummary]:
        from desktop.service.records import recent

        return recent(self.workspace, limit)

    def recent_work(self, limit: int = 8) -> list[WorkRow]:
        """The latest checks and attestations as people name them (lot, sides, verdict, day, number)."""
        from desktop.service.records import recent_work

        return recent_work(self.workspace, limit)

    def work_rows(self, records: Sequence[RecordSummary]) -> list[WorkRow]:
        from desktop.service.records import work_rows

        return work_rows(self.workspace, records)

    def records(self, search: str = "", limit: int = 500) -> list[RecordSummary]:
        if not self.workspace.has_register():
            return []
        register = self.workspace.register()
        return list(register.search(search, limit=limit) if search else register.list_records(limit=limit))

    def rescreen_alerts(self, limit: int = 5) -> list[RecordSummary]:
        """The latest re-screening runs that found a change (new or lifted hits on past counterparties)."""
        if not self.workspace.has_register():
            return []
        from desktop.register import RecordKind

        return list(self.workspace.register().list_records([RecordKind.RESCREEN], limit=limit))

    def show_record(self, ref: str) -> dict[str, Any]:
        from desktop.service.records import show

        return show(self.workspace, ref)

    def attestation_record(self, number: str) -> AttestationRecord | None:
        from desktop.service.records import attestation

        return attestation(self.workspace, number)

    def export_register_csv(self, path: Path) -> None:
        from desktop.service.records import export_csv

        export_csv(self.workspace, path)

    def check_against(self, pdfs: Sequence[Path]) -> list[AnchorCheck]:
        """Signed attestations held against the register: each names a rewrite or rollback, or agrees."""
        from desktop.service.records import check_against

        return check_against(self.workspace, pdfs)

    def verify_register(self) -> ChainReport:
        from desktop.service.records import verify_chain

        return verify_chain(self.workspace)

    def add_evidence_file(self, path: Path) -> str:
        from desktop.service.records import add_evidence_file

        return add_evidence_file(self.workspace, path)

    # ----- autosaved drafts (their own store, outside the register's audit chain)
    def _drafts(self) -> Any:
        from desktop.service.drafts import DraftStore

        return DraftStore(self.data_dir)

    def new_draft_key(self) -> str:
        return "check-" + self.now().strftime("%Y%m%dT%H%M%S%f")

    def save_draft(self, key: str, json_text: str) -> None:
        self._drafts().save(key, json_text, now=self.now())

    def pending_drafts(self) -> list[SavedDraft]:
        drafts: list[SavedDraft] = self._drafts().pending()
        return drafts

    def draft_text(self, key: str) -> str:
        draft = self._drafts().latest(key)
        if draft is None:
            raise ServiceUnavailable(f"no autosaved draft {key!r}")
        return str(draft.json_text)

    def discard_draft(self, key: str) -> None:
        self._drafts().discard(key)

    # ----- files the user asked to write
    def write_file(self, path: Path, data: bytes) -> None:
        """Atomic write, so a failed save never leaves half a PDF under the user's chosen name."""
        from desktop.fileio import write_atomic

        write_atomic(path, data)

    # ----- identity and attestation
    def identity_summary(self) -> IdentitySummary | None:
        from desktop.service.identity import identity_summary

        return identity_summary(self.workspace)

    def identity_description(self) -> str | None:
        """Who signs, or None when no identity was created yet."""
        summary = self.identity_summary()
        return summary.describe() if summary is not None else None

    def create_identity(
        self, *, name: str, title: str, company: str, country: str, email: str | None, passphrase: str
    ) -> IdentitySummary:
        from desktop.service.identity import create_identity

        return create_identity(
            self.workspace,
            name=name,
            title=title,
            company=company,
            country=country,
            email=email,
            passphrase=passphrase,
        )

    def prepare_attestation(self, assessment: Assessment, accept_list_gap: str | None = None) -> Prepared:
        """Whether the checked lot may be signed now, and every reason when not (list coverage included)."""
        from desktop.service.attesting import AttestRequest, prepare_attestation

        request = AttestRequest(lot=assessment.lot, accept_list_gap=accept_list_gap)
        return prepare_attestation(self.workspace, request, assessment=assessment)

    def sign_attestation(
        self, assessment: Assessment, passphrase: str, accept_list_gap: str | None = None
    ) -> Issued:
        """Unlock the identity, then number, build, sign and store the PDF: the same use case as `attest`."""
        from desktop.service.attesting import issue

        return issue(self.workspace, self.prepare_attestation(assessment, accept_list_gap), passphrase)

    def verify_pdf(self, data: bytes) -> Verification:
        from desktop.service.verifying import verify_pdf

        return verify_pdf(self.workspace, data)

    def trust_issuer_of(self, pdf: bytes, *, replace: bool = False) -> TrustResult:
        """Trust the certificate that signed this attestation (after comparing its fingerprint by phone)."""
        from desktop.service.verifying import trust_issuer_of

        return trust_issuer_of(self.workspace, pdf, replace=replace)

    def verify_qr(self, text: str) -> Verification:
        from desktop.service.verifying import verify_qr

        return verify_qr(self.workspace, text)

    def attestation_facts(self, pdf: bytes) -> str:
        """The text facts of a signed PDF, shown when no PDF renderer is installed."""
        return str(self.verify_pdf(pdf).summary())

    def close(self) -> None:
        self.workspace.close()
