"""Legal-form words and honorifics that say what kind of party a name is, not which party it is."""

from __future__ import annotations

from functools import lru_cache

from desktop.paths import resource

LEGAL_FORMS_FILE = ("screening", "legal_forms.txt")

# Written for Clearstone from the ideas of rigour's org_types (MIT): the forms a diamond dealer meets,
# in Latin and Cyrillic spellings. Each phrase is normalised with the same pipeline as names.
LEGAL_FORMS = (
    # Russian and CIS forms, Cyrillic and their transliterations
    "ПАО", "ОАО", "ЗАО", "АО", "ООО", "АК", "НАО", "ТОО", "ОДО", "ИП", "ФГУП", "ГУП", "МУП", "НПО", "ПО", "ВО",
    "КТ", "ТОВ", "ПрАТ", "ПАТ", "ВАТ", "ЗАТ", "ПП",
    "Публичное акционерное общество", "Открытое акционерное общество", "Закрытое акционерное общество",
    "Акционерное общество", "Непубличное акционерное общество", "Общество с ограниченной ответственностью",
    "Акционерная компания", "Федеральное государственное унитарное предприятие",
    "Государственное унитарное предприятие", "Производственное объединение", "Научно-производственное объединение",
    "Внешнеэкономическое объединение", "Товарищество с ограниченной ответственностью",
    "Товариство з обмеженою відповідальністю", "Приватне акціонерне товариство",
    "PAO", "OAO", "ZAO", "AO", "OOO", "AK", "NAO", "TOO", "FGUP", "GUP", "MUP", "NPO", "PO", "VO",
    "PJSC", "OJSC", "CJSC", "JSC", "JSCo", "PrJSC", "PJSCo",
    "Public Joint Stock Company", "Public Joint-Stock Company", "Open Joint Stock Company",
    "Closed Joint Stock Company", "Joint Stock Company", "Joint-Stock Company", "Joint Stock Co",
    "Public Stock Company", "Limited Liability Company", "Limited Liability Partnership",
    "Federal State Unitary Enterprise", "State Unitary Enterprise", "Production Association",
    "Scientific Production Association", "Foreign Trade Association", "Open Stock Company",
    # English-speaking and offshore forms
    "LLC", "L.L.C.", "LLP", "LP", "Ltd", "Limited", "Inc", "Incorporated", "Corp", "Co", "Company Limited",
    "Co Ltd", "PLC", "Public Limited Company", "Pvt", "Pvt Ltd", "Private Limited", "(Private) Limited",
    "Pte", "Pte Ltd", "Pty", "Pty Ltd", "DMCC", "DMCCA", "FZE", "FZC", "FZCO", "FZ LLC", "FZ-LLC",
    "Sdn Bhd", "Bhd", "LLC FZ",
    # Continental European forms
    "GmbH", "Gesellschaft mit beschränkter Haftung", "AG", "Aktiengesellschaft", "KG", "GmbH & Co KG",
    "SA", "S.A.", "SARL", "S.a.r.l.", "SAS", "SRL", "S.r.l.", "SpA", "S.p.A.", "BV", "B.V.", "BVBA",
    "NV", "N.V.", "SE", "AB", "AS", "A/S", "ApS", "Oy", "Oyj", "Sp. z o.o.", "s.r.o.", "a.s.", "d.o.o.",
    "Kft", "Zrt", "Nyrt", "UAB", "SIA", "OU", "Ltda", "SL", "S.L.", "CV", "C.V.", "Comm.V", "VOF",
    # Irish and Maltese forms missing from rigour's org_types (checked at its commit 14a456ca)
    "Teoranta", "Teo", "Cuideachta Phoiblí Theoranta", "CPT", "Cuideachta Ghníomhaíochta Ainmnithe", "CGA",
    "Cuideachta Faoi Theorainn Scaireanna", "Limitata", "Kumpannija Pubblika Limitata",
    # Elsewhere
    "PT", "Tbk", "JSC", "Co.,Ltd", "KK", "Kabushiki Kaisha", "YK", "Pvt. Ltd.", "Private Ltd",
)  # fmt: skip


@lru_cache(maxsize=1)
def resource_phrases() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Legal forms and honorifics of resources/screening/legal_forms.txt (generated from rigour, MIT)."""
    legal: list[str] = []
    honor: list[str] = []
    target = legal
    for line in resource(*LEGAL_FORMS_FILE).read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        if line in ("[legal]", "[honorific]"):
            target = legal if line == "[legal]" else honor
            continue
        target.append(line)
    return tuple(legal), tuple(honor)


HONORIFICS = (
    "Mr", "Mrs", "Ms", "Miss", "Mx", "Dr", "Prof", "Professor", "Sir", "Dame", "Lord", "Lady", "Herr", "Frau",
    "Monsieur", "Madame", "Mme", "Mlle", "Senor", "Senora", "Sr", "Sra", "Dott", "Ing", "Gospodin",
    "Gospozha", "Господин", "Госпожа", "President", "Prasident", "Presidente", "Presiden", "Predsjednik",
    "Presedintele", "Президент", "Prezident", "Elnok", "Prezydent", "His Excellency", "HE", "Excellency",
    "Sheikh", "Shaykh", "Hon", "Honourable", "Rev", "Reverend",
)  # fmt: skip

# Words common to thousands of trade names: they may support a match but never decide one alone.
_GENERIC_TEXT = """
    DIAMOND DIAMONDS DIAMANT DIAMANTS DIAMANTEN ALMAZ ALMAZY BRILLIANT BRILLIANTS TRADING TRADE TRADERS TRADER
    GLOBAL GEM GEMS GEMSTONE GEMSTONES JEWELLERY JEWELRY JEWELLERS JEWELERS JEWELS JEWEL GOLD GOLDEN SILVER
    PRECIOUS STONES STONE METALS METAL BULLION INTERNATIONAL INTL WORLD WORLDWIDE GROUP COMPANY CO CORPORATION
    CORP HOLDING HOLDINGS INVESTMENT INVESTMENTS ENTERPRISE ENTERPRISES INDUSTRIES INDUSTRY INDUSTRIAL SERVICES
    SERVICE EXPORT EXPORTS IMPORT IMPORTS EXIM MINING MINES MINE RESOURCES DEVELOPMENT MANAGEMENT CONSULTING
    PARTNERS SOLUTIONS TECHNOLOGY TECHNOLOGIES SHIPPING LOGISTICS GENERAL COMMERCIAL COMMERCE MARKETING
    DISTRIBUTION SUPPLY SUPPLIES PRODUCTION PRODUCTS MANUFACTURING FACTORY OVERSEAS UNITED NATIONAL NEW
    FIRST STAR ROYAL EAST WEST NORTH SOUTH ASIA EUROPE AFRICA AMERICA MIDDLE BOURSE BOURSES EXCHANGE CENTER
    CENTRE OF THE AND FOR IN LUXURY FINE DESIGN DESIGNS BV BVBA LLC LTD LIMITED DMCC FZE FZCO INC PVT PJSC JSC
    AO OOO PAO ZAO OAO AK USA UK UAE DUBAI ANTWERP HONG KONG INDIA RUSSIA RESURS RESURSY RESOURCE
"""
GENERIC_WORDS = frozenset(_GENERIC_TEXT.split())
