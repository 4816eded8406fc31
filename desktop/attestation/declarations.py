"""Which declarations fit a lot, with their exact wording and the reason when one is left out."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict

from desktop.lot import Category, Lot, country_name

RUSSIA = "RU"

# Revised WDC System of Warranties statement (2021), as rendered by AWDC quoting WDC
# (shared/domain/regulations.md section 3). Of the bracketed options "(sourced) purchased" we print
# "purchased" and omit the optional invoice-country clause. [U] Check against the WDC toolkit text.
WDC_SOW_2021 = (
    "The diamonds herein invoiced have been purchased from legitimate sources not involved in funding "
    "conflict, in compliance with the United Nations Resolutions and corresponding national laws. The seller "
    "hereby guarantees that these diamonds are conflict free and confirms adherence to the WDC SoW Guidelines."
)

# US CBP self-certification wording (regulations.md section 1.1, US-R6), verbatim.
CBP_NON_INDUSTRIAL = (
    "I certify that the non-industrial diamonds in this shipment were not mined, extracted, produced, or "
    "manufactured wholly or in part in the Russian Federation, notwithstanding whether such diamonds have been "
    "substantially transformed into other products outside of the Russian Federation."
)
CBP_JEWELRY_UNSORTED = (
    "I certify that the diamond jewelry and unsorted diamonds in this shipment are not of Russian Federation "
    "origin or were not exported from the Russian Federation."
)


class Declaration(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: str  # wdc_sow_2021 | us_cbp_self_certification | non_russian_origin | lab_grown | russian_link
    title: str
    text: str
    note: str = ""


class OmittedDeclaration(BaseModel):
    model_config = ConfigDict(frozen=True)

    kind: str
    reason: str


def russian_links(lot: Lot) -> list[str]:
    """Every fact tying the lot to Russia, in words; empty when there is none."""
    links: list[str] = []
    grown = lot.goods.lab_grown
    if RUSSIA in lot.origin.mining_countries:
        links.append("grown in Russia" if grown else "mined in Russia")
    for step in lot.processing:
        if step.country == RUSSIA:
            links.append(f"{step.activity.value.replace('_', ' and ')} in Russia")
    if lot.origin.exported_from_russia_on is not None:
        links.append(f"exported from Russia on {lot.origin.exported_from_russia_on.isoformat()}")
    if RUSSIA in lot.origin.transit_countries:
        links.append("shipped through Russia")
    for item in lot.evidence:
        if item.type == "kp_certificate" and item.issuing_country == RUSSIA:
            links.append(f"Kimberley Process certificate {item.reference} issued by Russia")
    return list(dict.fromkeys(links))


def _is_cbp_category(lot: Lot) -> bool:
    return lot.goods.category in (Category.JEWELLERY, Category.UNSORTED)


def select_declarations(
    lot: Lot, jurisdictions: list[str], sow_id: str | None
) -> tuple[list[Declaration], list[OmittedDeclaration]]:
    """The declarations this lot supports; a declaration that would be untrue is omitted with the reason."""
    chosen: list[Declaration] = []
    omitted: list[OmittedDeclaration] = []
    goods = lot.goods
    links = russian_links(lot)
    if goods.lab_grown:
        grown_in = ", ".join(country_name(c) for c in lot.origin.mining_countries)
        hs = f" (HS {goods.hs_code})" if goods.hs_code else ""
        chosen.append(
            Declaration(
                kind="lab_grown",
                title="Laboratory-grown diamonds",
                text=(
                    f"The stones of this lot{hs} are laboratory-grown (synthetic) diamonds, grown in {grown_in}. "
                    "They are not natural diamonds. The Kimberley Process and the WDC System of Warranties "
                    "apply to natural diamonds only, so no conflict-free warranty is given for these stones."
                ),
            )
        )
        omitted.append(
            OmittedDeclaration(
                kind="wdc_sow_2021", reason="laboratory-grown diamonds: SoW is for natural diamonds"
            )
        )
    else:
        invoice = lot.transaction.invoice
        if invoice is None or invoice.sow_statement is None:
            omitted.append(
                OmittedDeclaration(
                    kind="wdc_sow_2021",
                    reason="the supplier's invoice carries no System of Warranties statement, so a warranty "
                    "could not be corroborated",
                )
            )
        elif not sow_id:
            omitted.append(
                OmittedDeclaration(
                    kind="wdc_sow_2021",
                    reason="no WDC SoW ID is configured for the issuer (set it in the settings or pass --sow-id)",
                )
            )
        else:
            chosen.append(
                Declaration(
                    kind="wdc_sow_2021",
                    title=f"WDC System of Warranties (SoW ID {sow_id})",
                    text=WDC_SOW_2021,
                    note=f"Supplier's warranty received: {invoice.sow_statement} statement"
                    + (f", SoW ID {invoice.sow_id}" if invoice.sow_id else ""),
                )
            )
    if "US" in jurisdictions:
        if goods.lab_grown:
            omitted.append(
                OmittedDeclaration(
                    kind="us_cbp_self_certification",
                    reason="laboratory-grown diamonds (HS 7104) are outside the CBP diamond certification",
                )
            )
        elif goods.industrial:
            omitted.append(
                OmittedDeclaration(
                    kind="us_cbp_self_certification",
                    reason="industrial diamonds are outside the CBP non-industrial diamond certification",
                )
            )
        elif links:
            omitted.append(
                OmittedDeclaration(
                    kind="us_cbp_self_certification",
                    reason="the lot has a Russian link ("
                    + "; ".join(links)
                    + "), so the CBP sentence cannot "
                    "truthfully be given",
                )
            )
        else:
            text = CBP_JEWELRY_UNSORTED if _is_cbp_category(lot) else CBP_NON_INDUSTRIAL
            chosen.append(
                Declaration(
                    kind="us_cbp_self_certification",
                    title="US CBP self-certification (US-R6)",
                    text=text,
                    note="The importer files this sentence once per entry on company letterhead in ACE DIS "
                    "(Agency Code CBP, DocCode CBP03).",
                )
            )
    if links:
        chosen.append(
            Declaration(
                kind="russian_link",
                title="Russian link disclosed",
                text=(
                    "This lot has a link to the Russian Federation: "
                    + "; ".join(links)
                    + ". No non-Russian-origin declaration is given. The verdict for each jurisdiction above "
                    "states why the transaction is permitted there."
                ),
            )
        )
        omitted.append(OmittedDeclaration(kind="non_russian_origin", reason="the lot has a Russian link"))
    else:
        verb = (
            "grown, produced, cut, polished or otherwise manufactured"
            if goods.lab_grown
            else ("mined, extracted, produced or manufactured")
        )
        chosen.append(
            Declaration(
                kind="non_russian_origin",
                title="Non-Russian origin",
                text=(
                    f"The issuer declares that, on the records and evidence listed in this attestation, the "
                    f"diamonds of this lot were not {verb}, wholly or in part, in the Russian Federation, and "
                    "were not exported from or shipped through the Russian Federation."
                ),
            )
        )
    return chosen, omitted
