"""Step 2: where the stones were mined, their route out of Russia if any, and the KP certificate."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QSignalBlocker, Qt, QTimer
from PySide6.QtWidgets import QCheckBox, QGroupBox, QLabel, QLineEdit, QSizePolicy, QWidget

from desktop.ui.i18n import finding_text, tr
from desktop.ui.pages.base import SHORT_FIELD_WIDTH, StepPage, text_or_none
from desktop.ui.pages.match_card import esc
from desktop.ui.services import user_errors
from desktop.ui.widgets import CountryListEditor, CountryPicker, hint
from desktop.wizard import Step

KP_FIELDS = ("reference", "issuing_country", "issued_on", "expires_on", "mining_countries", "mixed_origin")


class OriginPage(StepPage):
    step = Step.ORIGIN
    title = "Origin"
    description = (
        "Every country where the stones were mined, and the Kimberley Process certificate if there is one."
    )

    def build(self) -> None:
        box = QGroupBox(tr("Mining"))
        form = self.form()
        box.setLayout(form)
        self.mining = CountryListEditor(tr("Mining countries"))
        error = self._row(form, "&Mining countries", self.mining, ("origin", "mining_countries"))
        self.mining.picker.setAccessibleName(tr("Mining country"))
        self.mining.countries_changed.connect(
            lambda codes: self.set_value(("origin", "mining_countries"), codes)
        )
        self.bind_custom(("origin", "mining_countries"), self.mining, self._load_codes(self.mining), error)
        self.bind_line(
            form, "Mining &area", ("origin", "mining_area"), placeholder=tr("only where it matters")
        )
        self.layout_.addWidget(box)

        route = QGroupBox(tr("Route"))
        form = self.form()
        route.setLayout(form)
        self.transit = CountryListEditor(tr("Transit countries"))
        error = self._row(form, "&Transit countries", self.transit, ("origin", "transit_countries"))
        self.transit.countries_changed.connect(
            lambda codes: self.set_value(("origin", "transit_countries"), codes)
        )
        self.bind_custom(("origin", "transit_countries"), self.transit, self._load_codes(self.transit), error)
        self.bind_line(
            form,
            "&Left Russia on",
            ("origin", "exported_from_russia_on"),
            placeholder=tr("YYYY-MM-DD, if ever"),
        )
        self.bind_line(
            form,
            "Outside R&ussia since",
            ("origin", "located_outside_russia_since"),
            placeholder="YYYY-MM-DD",
        )
        self.layout_.addWidget(route)

        kp = QGroupBox(tr("Kimberley Process certificate"))
        form = self.form()
        kp.setLayout(form)
        self.has_kp = QCheckBox(tr("A KP &certificate accompanies this lot"))
        self.has_kp.setAccessibleName(tr("A KP certificate accompanies this lot"))
        self.has_kp.toggled.connect(self._on_has_kp_toggled)
        form.addRow("", self.has_kp)
        self.kp_reference = QLineEdit()
        self.kp_reference.setPlaceholderText("BW-2026-004512")
        self.kp_country = CountryPicker()
        self.kp_issued = QLineEdit()
        self.kp_issued.setPlaceholderText(tr("YYYY-MM-DD"))
        self.kp_expires = QLineEdit()
        self.kp_expires.setPlaceholderText(tr("YYYY-MM-DD"))
        for date_edit in (self.kp_issued, self.kp_expires):
            date_edit.setMaximumWidth(SHORT_FIELD_WIDTH)
        self.kp_mining = CountryListEditor(tr("Countries of origin on the certificate"))
        self.kp_mixed = QCheckBox(tr("Certificate says \u201cmixed ori&gin\u201d"))
        self.kp_mixed.setAccessibleName(tr("Certificate says mixed origin"))
        self._kp_errors: dict[str, QLabel] = {}
        for key, label, widget in (
            ("reference", "Certificate numb&er", self.kp_reference),
            ("issuing_country", "Issuing c&ountry", self.kp_country),
            ("issued_on", "&Issued on", self.kp_issued),
            ("expires_on", "E&xpires on", self.kp_expires),
            ("mining_countries", "Countries of origin", self.kp_mining),
        ):
            self._kp_errors[key] = self._row(form, label, widget, ("evidence", -1, key))
        form.addRow("", self.kp_mixed)
        # What the rule pack's KP rules say about the certificate as entered (issuer a participant, valid on
        # the day, expiry after issue, number prefix, countries of origin), shown where it is typed.
        self.kp_findings = QLabel()
        self.kp_findings.setWordWrap(True)
        self.kp_findings.setAccessibleName(tr("Plausibility of the certificate"))
        self.kp_findings.setTextFormat(Qt.TextFormat.RichText)
        self.kp_findings.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        form.addRow(self.kp_findings)  # the whole width: a wrapped label in the field column is squeezed
        self._kp_timer = QTimer(self)
        self._kp_timer.setSingleShot(True)
        self._kp_timer.setInterval(250)
        self._kp_timer.timeout.connect(self.show_kp_findings)
        self.checklist.add_change_listener(self._on_checklist_changed)
        self._kp_errors["mixed_origin"] = QLabel(self)
        self._kp_errors["mixed_origin"].hide()
        self.kp_box = kp
        self.kp_reference.textEdited.connect(lambda t: self._kp_set("reference", t))
        self.kp_country.country_changed.connect(lambda c: self._kp_set("issuing_country", c))
        self.kp_issued.textEdited.connect(lambda t: self._kp_set("issued_on", text_or_none(t)))
        self.kp_expires.textEdited.connect(lambda t: self._kp_set("expires_on", text_or_none(t)))
        self.kp_mining.countries_changed.connect(lambda codes: self._kp_set("mining_countries", codes))
        self.kp_mixed.toggled.connect(lambda on: self._kp_set("mixed_origin", on))
        self.layout_.addWidget(kp)
        self.layout_.addWidget(
            hint(tr("Other documents (G7 verification, declarations, reports) come later."))
        )

    # ----- KP plausibility, from the rule pack (desktop.service.drafting.certificate_findings)
    def _on_checklist_changed(self, _checklist: object) -> None:
        self._kp_timer.start()

    def entered(self) -> None:
        self.show_kp_findings()

    def shutdown(self) -> None:
        self._kp_timer.stop()
        self.checklist.remove_change_listener(self._on_checklist_changed)

    def show_kp_findings(self) -> None:
        self._kp_timer.stop()
        if self.kp_index() is None:
            self.kp_findings.clear()
            return
        try:
            found = self.services.certificate_findings(self.checklist.draft.data())
        except user_errors() as exc:
            self.kp_findings.setText(esc(str(exc)))
            return
        shown = [f for f in found if f.outcome.value != "cleared" or f.level.value == "warning"]
        goods = self.checklist.value(("goods", "category"))
        if shown:
            self.kp_findings.setText(
                "<br>".join(
                    f"<span style='color:#9a6700'>\u26a0</span> {esc(finding_text(f))}" for f in shown
                )
            )
        elif goods in ("rough", "unsorted") and self.checklist.value(
            ("evidence", self.kp_index() or 0, "issued_on")
        ):
            self.kp_findings.setText(
                "\u2714 "
                + tr(
                    "Plausible: issued by a participant, valid on the day, dates, number and countries agree."
                )
            )
        else:
            self.kp_findings.clear()

    def field_for(self, finding: Any) -> QWidget | None:
        """The certificate's fields for a KP finding (the check box when it is missing), else the origin."""
        section = finding.section or ""
        needed = finding.evidence_needed.any_of if finding.evidence_needed is not None else []
        if any(item.get("type") == "kp_certificate" for item in needed) and self.kp_index() is None:
            return self.has_kp
        if section.startswith("evidence"):
            return self.kp_reference if self.kp_index() is not None else self.has_kp
        return self.mining.picker

    @staticmethod
    def _load_codes(editor: CountryListEditor) -> Any:
        def load(value: Any) -> None:
            editor.set_codes(list(value) if isinstance(value, list) else [])

        return load

    # ----- the KP certificate lives in evidence[], wherever it is in the list
    def kp_index(self) -> int | None:
        items = self.checklist.value(("evidence",)) or []
        return next(
            (i for i, e in enumerate(items) if isinstance(e, dict) and e.get("type") == "kp_certificate"),
            None,
        )

    def _kp_set(self, key: str, value: Any) -> None:
        index = self.kp_index()
        if index is not None:
            self.set_value(("evidence", index, key), value)

    def _on_has_kp_toggled(self, on: bool) -> None:
        index = self.kp_index()
        if on and index is None:
            mining = self.checklist.value(("origin", "mining_countries")) or []
            self.checklist.append_item(
                ("evidence",),
                {
                    "type": "kp_certificate",
                    "reference": "",
                    "mining_countries": mining,
                    "mixed_origin": False,
                },
            )
        elif not on and index is not None:
            self.checklist.remove_item(("evidence",), index)
        self.reload()
        self.show_kp_findings()

    def reload_extra(self) -> None:
        index = self.kp_index()
        self.clear_bindings(("evidence",))
        with QSignalBlocker(self.has_kp):
            self.has_kp.setChecked(index is not None)
        for widget in (
            self.kp_reference,
            self.kp_country,
            self.kp_issued,
            self.kp_expires,
            self.kp_mining,
            self.kp_mixed,
        ):
            widget.setEnabled(index is not None)
        if index is None:
            for label in self._kp_errors.values():
                label.hide()
            return
        item = self.checklist.value(("evidence", index)) or {}
        for edit, key in (
            (self.kp_reference, "reference"),
            (self.kp_issued, "issued_on"),
            (self.kp_expires, "expires_on"),
        ):
            text = item.get(key) or ""
            if edit.text() != text:
                edit.setText(text)
        if self.kp_country.code() != item.get("issuing_country"):
            self.kp_country.set_code(item.get("issuing_country"))
        self.kp_mining.set_codes(list(item.get("mining_countries") or []))
        with QSignalBlocker(self.kp_mixed):
            self.kp_mixed.setChecked(bool(item.get("mixed_origin")))
        for key, label in self._kp_errors.items():
            self.bind_custom(("evidence", index, key), self.kp_box, lambda _v: None, label)
