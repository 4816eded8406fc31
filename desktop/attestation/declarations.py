"""Which declarations fit a lot, with their exact wording and the reason when one is left out."""

from __future__ import annotations

from desktop.attestation.data import AttestedData
from desktop.lot import Category, Lot
from desktop.rules.language import Language, country_name_in, semicolon, typeset

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

# The statements above are given in English, the wording their schemes define; a French attestation prints
# each with this translation beside it, for information.
TRANSLATIONS: dict[str, dict[str, str]] = {
    "fr": {
        WDC_SOW_2021: "Les diamants facturés ci-dessus ont été achetés auprès de sources légitimes qui ne "
        "participent pas au financement de conflits, conformément aux résolutions des Nations unies et aux lois "
        "nationales correspondantes. Le vendeur garantit que ces diamants sont exempts de conflit et confirme "
        "adhérer aux lignes directrices du système de garanties du WDC.",
        CBP_NON_INDUSTRIAL: "Je certifie que les diamants non industriels de cet envoi n'ont pas été extraits, "
        "produits ou fabriqués, en tout ou en partie, dans la Fédération de Russie, même s'ils ont été "
        "substantiellement transformés en d'autres produits hors de la Fédération de Russie.",
        CBP_JEWELRY_UNSORTED: "Je certifie que les bijoux en diamants et les diamants non triés de cet envoi ne "
        "sont pas originaires de la Fédération de Russie ou n'ont pas été exportés de la Fédération de Russie.",
    }
}

# Every other text of a declaration, by language (a test keeps both complete and alike).
TEXTS: dict[str, dict[str, str]] = {
    "en": {
        "lab_title": "Laboratory-grown diamonds",
        "lab_text": "The stones of this lot{hs} are laboratory-grown (synthetic) diamonds, grown in {countries}. "
        "They are not natural diamonds. The Kimberley Process and the WDC System of Warranties apply to natural "
        "diamonds only, so no conflict-free warranty is given for these stones.",
        "hs": " (HS {code})",
        "sow_lab": "laboratory-grown diamonds: the System of Warranties is for natural diamonds",
        "sow_no_supplier": "the supplier's invoice carries no System of Warranties statement, so a warranty "
        "could not be corroborated",
        "sow_no_id": "the issuer has no WDC SoW ID",
        "sow_title": "WDC System of Warranties (SoW ID {sow_id})",
        "sow_note": "Supplier's warranty received: {statement} statement",
        "sow_note_id": "Supplier's warranty received: {statement} statement, SoW ID {sow_id}",
        "cbp_lab": "laboratory-grown diamonds (HS 7104) are outside the CBP diamond certification",
        "cbp_industrial": "industrial diamonds are outside the CBP non-industrial diamond certification",
        "cbp_link": "the lot has a Russian link ({links}), so the CBP sentence cannot truthfully be given",
        "cbp_title": "US CBP self-certification (US-R6)",
        "cbp_note": "The importer files this sentence once per entry on company letterhead in ACE DIS (Agency "
        "Code CBP, DocCode CBP03).",
        "link_title": "Russian link disclosed",
        "link_text": "This lot has a link to the Russian Federation: {links}. No non-Russian-origin declaration "
        "is given. The verdict for each jurisdiction above states why the transaction is permitted there.",
        "link_omitted": "the lot has a Russian link",
        "origin_title": "Non-Russian origin",
        "origin_text": "The issuer declares that, on the records and evidence listed in this attestation, the "
        "diamonds of this lot were not {verb}, wholly or in part, in the Russian Federation, and were not "
        "exported from or shipped through the Russian Federation.",
        "verb_natural": "mined, extracted, produced or manufactured",
        "verb_lab": "grown, produced, cut, polished or otherwise manufactured",
        "grown_ru": "grown in Russia",
        "mined_ru": "mined in Russia",
        "step_cutting_polishing": "cutting and polishing in Russia",
        "step_setting": "setting in Russia",
        "step_sorting": "sorting in Russia",
        "step_growing": "growing in Russia",
        "exported_ru": "exported from Russia on {date}",
        "transit_ru": "shipped through Russia",
        "kp_ru": "Kimberley Process certificate {reference} issued by Russia",
    },
    "fr": {
        "lab_title": "Diamants synthétiques (de laboratoire)",
        "lab_text": "Les pierres de ce lot{hs} sont des diamants synthétiques, produits en laboratoire (pays de "
        "fabrication : {countries}). Ce ne sont pas des diamants naturels. Le Processus de Kimberley et le "
        "système de garanties du WDC ne s'appliquent qu'aux diamants naturels : aucune garantie « exempt de "
        "conflit » n'est donc donnée pour ces pierres.",
        "hs": " (SH {code})",
        "sow_lab": "diamants synthétiques : le système de garanties ne vise que les diamants naturels",
        "sow_no_supplier": "la facture du fournisseur ne porte pas de déclaration du système de garanties ; "
        "une garantie ne pourrait donc pas être corroborée",
        "sow_no_id": "l'émetteur n'a pas d'ID SoW du WDC",
        "sow_title": "Système de garanties du WDC (ID SoW {sow_id})",
        "sow_note": "Garantie reçue du fournisseur : déclaration {statement}",
        "sow_note_id": "Garantie reçue du fournisseur : déclaration {statement}, ID SoW {sow_id}",
        "cbp_lab": "les diamants synthétiques (SH 7104) ne relèvent pas de la certification CBP sur les diamants",
        "cbp_industrial": "les diamants industriels ne relèvent pas de la certification CBP sur les diamants "
        "non industriels",
        "cbp_link": "le lot a un lien avec la Russie ({links}) : la phrase CBP ne serait donc pas exacte",
        "cbp_title": "Auto-certification CBP des États-Unis (US-R6)",
        "cbp_note": "L'importateur dépose cette phrase une fois par déclaration en douane, sur papier à en-tête, "
        "dans ACE DIS (Agency Code CBP, DocCode CBP03).",
        "link_title": "Lien avec la Russie déclaré",
        "link_text": "Ce lot a un lien avec la Fédération de Russie : {links}. Aucune déclaration d'origine non "
        "russe n'est donnée. Le verdict de chaque juridiction ci-dessus indique pourquoi la transaction y est "
        "permise.",
        "link_omitted": "le lot a un lien avec la Russie",
        "origin_title": "Origine non russe",
        "origin_text": "L'émetteur déclare que, d'après les documents et justificatifs énumérés dans la présente "
        "attestation, les diamants de ce lot n'ont pas été {verb}, en tout ou en partie, dans la Fédération de "
        "Russie, et n'ont été ni exportés de la Fédération de Russie ni transportés par elle.",
        "verb_natural": "extraits, produits ou fabriqués",
        "verb_lab": "produits, fabriqués, taillés, polis ou autrement transformés",
        "grown_ru": "fabriqué en Russie",
        "mined_ru": "extrait en Russie",
        "step_cutting_polishing": "taille et polissage en Russie",
        "step_setting": "sertissage en Russie",
        "step_sorting": "tri en Russie",
        "step_growing": "croissance en Russie",
        "exported_ru": "exporté de Russie le {date}",
        "transit_ru": "transporté par la Russie",
        "kp_ru": "certificat du Processus de Kimberley {reference} délivré par la Russie",
    },
}


class Declaration(AttestedData):
    kind: str  # wdc_sow_2021 | us_cbp_self_certification | non_russian_origin | lab_grown | russian_link
    title: str
    text: str
    note: str = ""
    # added 2026-12: the attestation's own language's rendering of an English statement, for information
    translation: str | None = None

    ADDED = frozenset({"translation"})


class OmittedDeclaration(AttestedData):
    kind: str
    reason: str


def _say(language: Language, key: str, **values: object) -> str:
    template = typeset(TEXTS.get(language, TEXTS["en"])[key], language)
    return template.format(**{k: str(v) for k, v in values.items()})


def russian_links(lot: Lot, language: Language = "en") -> list[str]:
    """Every fact tying the lot to Russia, in words; empty when there is none."""
    links: list[str] = []
    grown = lot.goods.lab_grown
    if RUSSIA in lot.origin.mining_countries:
        links.append(_say(language, "grown_ru" if grown else "mined_ru"))
    for step in lot.processing:
        if step.country == RUSSIA:
            links.append(_say(language, f"step_{step.activity.value}"))
    if lot.origin.exported_from_russia_on is not None:
        links.append(_say(language, "exported_ru", date=lot.origin.exported_from_russia_on.isoformat()))
    if RUSSIA in lot.origin.transit_countries:
        links.append(_say(language, "transit_ru"))
    for item in lot.evidence:
        if item.type == "kp_certificate" and item.issuing_country == RUSSIA:
            links.append(_say(language, "kp_ru", reference=item.reference))
    return list(dict.fromkeys(links))


def sow_applies(lot: Lot) -> bool:
    """The WDC statement fits the lot: natural diamonds whose supplier's invoice carried a SoW statement (a
    warranty must be corroborated by the warranties received), so only the issuer's SoW ID can be missing."""
    invoice = lot.transaction.invoice
    return not lot.goods.lab_grown and invoice is not None and invoice.sow_statement is not None


def _is_cbp_category(lot: Lot) -> bool:
    return lot.goods.category in (Category.JEWELLERY, Category.UNSORTED)


def select_declarations(
    lot: Lot, jurisdictions: list[str], sow_id: str | None, language: Language = "en"
) -> tuple[list[Declaration], list[OmittedDeclaration]]:
    """The declarations this lot supports; a declaration that would be untrue is omitted with the reason."""
    chosen: list[Declaration] = []
    omitted: list[OmittedDeclaration] = []
    goods = lot.goods
    links = russian_links(lot, language)
    translations = TRANSLATIONS.get(language, {})

    def say(key: str, **values: object) -> str:
        return _say(language, key, **values)

    if goods.lab_grown:
        grown_in = ", ".join(country_name_in(c, language) for c in lot.origin.mining_countries)
        hs = say("hs", code=goods.hs_code) if goods.hs_code else ""
        chosen.append(
            Declaration(
                kind="lab_grown", title=say("lab_title"), text=say("lab_text", hs=hs, countries=grown_in)
            )
        )
        omitted.append(OmittedDeclaration(kind="wdc_sow_2021", reason=say("sow_lab")))
    else:
        invoice = lot.transaction.invoice
        if invoice is None or invoice.sow_statement is None:
            omitted.append(OmittedDeclaration(kind="wdc_sow_2021", reason=say("sow_no_supplier")))
        elif not sow_id:
            omitted.append(OmittedDeclaration(kind="wdc_sow_2021", reason=say("sow_no_id")))
        else:
            note = (
                say("sow_note_id", statement=invoice.sow_statement, sow_id=invoice.sow_id)
                if invoice.sow_id
                else say("sow_note", statement=invoice.sow_statement)
            )
            chosen.append(
                Declaration(
                    kind="wdc_sow_2021",
                    title=say("sow_title", sow_id=sow_id),
                    text=WDC_SOW_2021,
                    note=note,
                    translation=translations.get(WDC_SOW_2021),
                )
            )
    if "US" in jurisdictions:
        if goods.lab_grown:
            omitted.append(OmittedDeclaration(kind="us_cbp_self_certification", reason=say("cbp_lab")))
        elif goods.industrial:
            omitted.append(OmittedDeclaration(kind="us_cbp_self_certification", reason=say("cbp_industrial")))
        elif links:
            omitted.append(
                OmittedDeclaration(
                    kind="us_cbp_self_certification",
                    reason=say("cbp_link", links=semicolon(language).join(links)),
                )
            )
        else:
            text = CBP_JEWELRY_UNSORTED if _is_cbp_category(lot) else CBP_NON_INDUSTRIAL
            chosen.append(
                Declaration(
                    kind="us_cbp_self_certification",
                    title=say("cbp_title"),
                    text=text,
                    note=say("cbp_note"),
                    translation=translations.get(text),
                )
            )
    if links:
        chosen.append(
            Declaration(
                kind="russian_link",
                title=say("link_title"),
                text=say("link_text", links=semicolon(language).join(links)),
            )
        )
        omitted.append(OmittedDeclaration(kind="non_russian_origin", reason=say("link_omitted")))
    else:
        verb = say("verb_lab" if goods.lab_grown else "verb_natural")
        chosen.append(
            Declaration(
                kind="non_russian_origin", title=say("origin_title"), text=say("origin_text", verb=verb)
            )
        )
    return chosen, omitted
