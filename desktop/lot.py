"""The lot file format `clearstone.lot/1`: pydantic models, loading with clear errors, saving."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Collection
from dataclasses import dataclass
from datetime import date
from decimal import Decimal, InvalidOperation
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, Literal

import pycountry
from pydantic import (
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    PlainSerializer,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from desktop.fileio import write_atomic
from desktop.textnorm import bidi_controls, canonical_text, invisible_characters, without_invisibles

FORMAT_ID = "clearstone.lot/1"
MAX_FILE_BYTES = 5 * 1024 * 1024
MAX_NESTING = 64
MAX_STONE_CARATS = Decimal("5000")  # the largest rough ever found (Cullinan) weighed 3,106 ct
MAX_TOTAL_CARATS = Decimal("1000000")
MAX_TEXT = 1000

# Codes that ISO 3166 reserves or that trade documents use although pycountry lacks them.
_EXTRA_COUNTRIES = {"XK": "Kosovo"}


class LotError(ValueError):
    """A lot file could not be read; the message is one line naming the field and the problem."""


# The parts of a lot a finding can point at (the wizard maps them to its steps); `evidence:TYPE` names one
# kind of document, e.g. `evidence:kp_certificate`.
SECTIONS = ("transaction", "goods", "origin", "processing", "counterparty", "parties", "evidence")


def is_section(value: str) -> bool:
    kind = value.removeprefix("evidence:")
    return value in SECTIONS or (kind != value and kind in EVIDENCE_TYPES)


def evidence_section(kind: str) -> str:
    return f"evidence:{kind}"


def _fail(kind: str, message: str) -> PydanticCustomError:
    return PydanticCustomError(kind, message)


def _decimal_pattern(places: int) -> str:
    return r"^\d+(\.\d{1,%s})?$".replace("%s", str(places))


def _decimal_parser(places: int, maximum: Decimal | None, what: str) -> Callable[[Any], Decimal]:
    pattern = re.compile(_decimal_pattern(places))

    def parse(value: Any) -> Decimal:
        if isinstance(value, Decimal):
            text = format(value, "f")
        elif isinstance(value, bool) or not isinstance(value, str):
            raise _fail("decimal_string", f'must be a decimal string such as "0.50", not {json.dumps(value)}')
        else:
            text = value.strip()
        if text.startswith("-"):
            raise _fail("negative", f"{what} cannot be negative: {json.dumps(value)}")
        if not pattern.match(text):
            try:
                Decimal(text)
            except InvalidOperation:
                raise _fail("decimal_string", f"not a decimal number: {json.dumps(value)}") from None
            raise _fail("decimal_places", f"at most {places} decimal places allowed: {json.dumps(value)}")
        number = Decimal(text)
        if maximum is not None and number > maximum:
            raise _fail("too_large", f"{what} of {text} is not plausible (more than {maximum})")
        return number

    return parse


def _schema_for_decimal(places: int) -> dict[str, Any]:
    return {"type": "string", "pattern": _decimal_pattern(places)}


Carats = Annotated[
    Decimal,
    BeforeValidator(_decimal_parser(3, MAX_TOTAL_CARATS, "a weight")),
    PlainSerializer(lambda d: format(d, "f"), return_type=str),
    WithJsonSchema(_schema_for_decimal(3)),
]
StoneCarats = Annotated[
    Decimal,
    BeforeValidator(_decimal_parser(3, MAX_STONE_CARATS, "a stone weight")),
    PlainSerializer(lambda d: format(d, "f"), return_type=str),
    WithJsonSchema(_schema_for_decimal(3)),
]
Amount = Annotated[
    Decimal,
    BeforeValidator(_decimal_parser(4, None, "an amount")),
    PlainSerializer(lambda d: format(d, "f"), return_type=str),
    WithJsonSchema(_schema_for_decimal(4)),
]


def _parse_percent(value: Any) -> Decimal:
    number = _decimal_parser(4, None, "a share")(value)
    if number > 100:
        raise _fail("percent", f"a share cannot exceed 100 %: {json.dumps(value)}")
    return number


Percent = Annotated[
    Decimal,
    BeforeValidator(_parse_percent),
    PlainSerializer(lambda d: format(d, "f"), return_type=str),
    WithJsonSchema(_schema_for_decimal(4)),
]

_DATE_PATTERN = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _parse_date(value: Any) -> date:
    if isinstance(value, date):
        return value
    if not isinstance(value, str) or not _DATE_PATTERN.match(value):
        raise _fail("date", f"not a date (YYYY-MM-DD): {json.dumps(value)}")
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise _fail("date", f"not a date: {json.dumps(value)}") from None


IsoDate = Annotated[
    date,
    BeforeValidator(_parse_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date"}),
]


def is_country(code: str) -> bool:
    return code in _EXTRA_COUNTRIES or pycountry.countries.get(alpha_2=code) is not None


def country_name(code: str) -> str:
    if code in _EXTRA_COUNTRIES:
        return _EXTRA_COUNTRIES[code]
    found = pycountry.countries.get(alpha_2=code)
    if found is None:
        return code
    return str(getattr(found, "common_name", None) or found.name)


def _parse_country(value: Any) -> str:
    if not isinstance(value, str) or not re.fullmatch(r"[A-Z]{2}", value) or not is_country(value):
        raise _fail("country", f"unknown country (ISO 3166-1 alpha-2 expected): {json.dumps(value)}")
    return value


Country = Annotated[
    str,
    BeforeValidator(_parse_country),
    WithJsonSchema({"type": "string", "pattern": "^[A-Z]{2}$"}),
]


def _parse_jurisdiction(value: Any, info: ValidationInfo) -> str:
    """A regime code. Which codes exist is the rule pack's to say: loaders pass its codes as the validation
    context (`jurisdictions`); without one only the form is checked."""
    if not isinstance(value, str) or not re.fullmatch(r"[A-Z]{2,3}", value):
        raise _fail("jurisdiction", f"not a jurisdiction code: {json.dumps(value)}")
    known = info.context.get("jurisdictions") if isinstance(info.context, dict) else None
    if known is not None and value not in known:
        raise _fail("jurisdiction", f"unknown jurisdiction {json.dumps(value)} (known: {', '.join(known)})")
    return value


JurisdictionCode = Annotated[
    str,
    BeforeValidator(_parse_jurisdiction),
    WithJsonSchema({"type": "string", "pattern": "^[A-Z]{2,3}$"}),
]


def _parse_text(value: Any) -> str:
    """Text as stored: invisible characters (zero-width, soft hyphen, BOM...) removed — they can hide a
    word from screening while a page still shows it — and bidirectional controls refused outright, since
    they make text read differently from what is stored (the lot keeps a note of what was removed)."""
    if not isinstance(value, str):
        raise _fail("text", f"must be text, not {json.dumps(value)}")
    if len(value) > MAX_TEXT:
        raise _fail("text", f"text longer than {MAX_TEXT} characters")
    if any(ord(ch) < 32 and ch not in "\t" for ch in value):
        raise _fail("text", "control characters are not allowed")
    controls = bidi_controls(value)
    if controls:
        raise _fail(
            "text",
            f"contains {', '.join(controls)}: a direction control makes text read differently from what is "
            "stored, and is not allowed",
        )
    return without_invisibles(value)


def _parse_name(value: Any) -> str:
    """A party's or owner's name as screened, stored and printed: canonical (look-alike letters of another
    script folded, compatibility forms unified), so what the attestation shows is what was screened."""
    text = canonical_text(_parse_text(value))
    if not text:
        raise _fail("text", "must not be empty")
    return text


Name = Annotated[str, BeforeValidator(_parse_name)]


Text = Annotated[str, BeforeValidator(_parse_text)]


def _parse_required_text(value: Any) -> str:
    text = _parse_text(value)
    if not text.strip():
        raise _fail("text", "must not be empty")
    return text


RequiredText = Annotated[str, BeforeValidator(_parse_required_text)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True, strict=False)


class Invoice(Model):
    number: Text | None = None
    date: IsoDate | None = None
    sow_statement: Literal["2021", "2002"] | None = None
    sow_id: Text | None = None


class Money(Model):
    amount: Amount
    currency: Annotated[str, Field(pattern=r"^[A-Z]{3}$")]


class TransactionKind(StrEnum):
    IMPORT = "import"
    PURCHASE = "purchase"
    SALE = "sale"
    EXPORT = "export"


class Transaction(Model):
    date: IsoDate
    kind: TransactionKind = TransactionKind.IMPORT
    # Regimes added to those derived from the facts (lot-format.md "Which regimes apply"); may be empty.
    jurisdictions: list[JurisdictionCode] = Field(default_factory=list)
    issuer_country: Country | None = None  # the seat of the dealer making the check
    contract_date: IsoDate | None = None
    delivery_country: Country | None = None
    invoice: Invoice | None = None
    value: Money | None = None

    @model_validator(mode="after")
    def _unique_jurisdictions(self) -> Transaction:
        if len(set(self.jurisdictions)) != len(self.jurisdictions):
            raise ValueError("jurisdictions: each jurisdiction may be listed once")
        return self


class Category(StrEnum):
    ROUGH = "rough"
    POLISHED = "polished"
    JEWELLERY = "jewellery"
    UNSORTED = "unsorted"


class Goods(Model):
    category: Category
    lab_grown: bool = False
    industrial: bool = False
    hs_code: Annotated[str, Field(pattern=r"^\d{4}(\.?\d{2}){0,3}$")] | None = None
    stone_count: Annotated[int, Field(ge=1, le=10_000_000, strict=True)] = 1
    total_carats: Carats | None = None
    largest_stone_carats: StoneCarats
    personal_use: bool = False

    @model_validator(mode="after")
    def _weights_agree(self) -> Goods:
        if self.largest_stone_carats <= 0:
            raise ValueError("largest_stone_carats: must be greater than 0")
        if self.total_carats is not None and self.largest_stone_carats > self.total_carats:
            raise ValueError(
                f"largest_stone_carats: {self.largest_stone_carats} is more than total_carats {self.total_carats}"
            )
        return self


class OriginShare(Model):
    country: Country
    stone_count: Annotated[int, Field(ge=1, strict=True)] | None = None
    carats: Carats | None = None
    largest_stone_carats: StoneCarats


class Origin(Model):
    mining_countries: Annotated[list[Country], Field(min_length=1)]
    mining_area: Text | None = None
    exported_from_russia_on: IsoDate | None = None
    located_outside_russia_since: IsoDate | None = None
    transit_countries: list[Country] = Field(default_factory=list)
    breakdown: list[OriginShare] | None = None

    @model_validator(mode="after")
    def _breakdown_consistent(self) -> Origin:
        for share in self.breakdown or []:
            if share.country not in self.mining_countries:
                raise ValueError(f"breakdown: {share.country} is not one of the mining_countries")
            if share.carats is not None and share.largest_stone_carats > share.carats:
                raise ValueError(f"breakdown: largest stone of {share.country} weighs more than its carats")
        return self


class Activity(StrEnum):
    CUTTING_POLISHING = "cutting_polishing"
    SETTING = "setting"
    SORTING = "sorting"
    GROWING = "growing"


class ProcessingStep(Model):
    country: Country
    activity: Activity
    completed_on: IsoDate | None = None


class PartyKind(StrEnum):
    ORGANIZATION = "organization"
    PERSON = "person"


IdentifierType = Literal["registration", "tax", "lei", "passport", "national_id", "imo", "other"]
IDENTIFIER_TYPES: tuple[str, ...] = ("registration", "tax", "lei", "passport", "national_id", "imo", "other")


class Identifier(Model):
    type: IdentifierType
    value: RequiredText
    country: Country | None = None


_BIRTH_DATE = re.compile(r"^\d{4}(-\d{2}-\d{2})?$")


def _parse_birth_date(value: Any) -> str:
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not _BIRTH_DATE.match(value):
        raise _fail("date", f"not a date of birth (YYYY-MM-DD, or YYYY): {json.dumps(value)}")
    if len(value) > 4:
        _parse_date(value)
    return value


BirthDate = Annotated[
    str,
    BeforeValidator(_parse_birth_date),
    WithJsonSchema({"type": "string", "pattern": "^\\d{4}(-\\d{2}-\\d{2})?$"}),
]


class _Identified(Model):
    """What identifies a party or owner beyond its name (all optional; used to confirm or rule out a match)."""

    date_of_birth: BirthDate | None = None  # persons; "YYYY" when only the year is known
    nationality: Country | None = None  # persons
    identifiers: list[Identifier] = Field(default_factory=list)

    def birth_date(self) -> date | None:
        return (
            date.fromisoformat(self.date_of_birth)
            if self.date_of_birth and len(self.date_of_birth) > 4
            else None
        )

    def birth_year(self) -> int | None:
        return int(self.date_of_birth[:4]) if self.date_of_birth else None


class Owner(_Identified):
    name: Name
    kind: PartyKind = PartyKind.ORGANIZATION
    country: Country | None = None
    share_percent: Percent | None = None


class _PartyBase(_Identified):
    kind: PartyKind = PartyKind.ORGANIZATION
    name: Name
    country: Country | None = None
    aliases: list[Name] = Field(default_factory=list)
    registration_number: Text | None = None  # an identifier of type `registration` (the older field)
    address: Text | None = None
    owners: list[Owner] = Field(default_factory=list)

    @model_validator(mode="after")
    def _shares_add_up(self) -> _PartyBase:
        total = sum((o.share_percent or Decimal(0)) for o in self.owners)
        if total > 100:
            raise ValueError(f"owners: shares add up to {total} %, more than 100 %")
        return self

    def all_identifiers(self) -> list[Identifier]:
        """The identifiers, with the older `registration_number` as one of type `registration`."""
        found = list(self.identifiers)
        if self.registration_number and not any(
            i.type == "registration" and i.value == self.registration_number for i in found
        ):
            found.insert(
                0, Identifier(type="registration", value=self.registration_number, country=self.country)
            )
        return found


class Counterparty(_PartyBase):
    role: Literal["seller", "buyer"] = "seller"


PartyRole = Literal["seller", "buyer", "consignee", "broker", "carrier"]
PARTY_ROLES: tuple[str, ...] = ("seller", "buyer", "consignee", "broker", "carrier")


class Party(_PartyBase):
    """A further party of the same deal (added 2026-12): typically the buyer the dealer sells to."""

    role: PartyRole


class _Evidence(Model):
    reference: RequiredText


class KpCertificate(_Evidence):
    type: Literal["kp_certificate"]
    issuing_country: Country | None = None
    issued_on: IsoDate | None = None
    expires_on: IsoDate | None = None
    mining_countries: list[Country] = Field(default_factory=list)
    mixed_origin: bool = False


class G7Verification(_Evidence):
    type: Literal["g7_verification"]
    issued_on: IsoDate | None = None


class SupplierDeclaration(_Evidence):
    type: Literal["supplier_declaration"]
    issued_on: IsoDate | None = None


class DueDiligenceStatement(_Evidence):
    type: Literal["due_diligence_statement"]
    jurisdiction: JurisdictionCode | None = None
    issued_on: IsoDate | None = None


class GradingReport(_Evidence):
    type: Literal["grading_report"]
    lab: Text | None = None
    carats: StoneCarats | None = None


class OriginReport(_Evidence):
    type: Literal["origin_report"]
    lab: Text | None = None
    country: Country | None = None


class GeneralLicence(_Evidence):
    type: Literal["general_licence"]
    jurisdiction: JurisdictionCode | None = None


class PriorConfirmation(_Evidence):
    type: Literal["prior_confirmation"]
    jurisdiction: JurisdictionCode | None = None


class PreBanProof(_Evidence):
    type: Literal["pre_ban_proof"]
    located_outside_russia_since: IsoDate | None = None


Evidence = Annotated[
    KpCertificate
    | G7Verification
    | SupplierDeclaration
    | DueDiligenceStatement
    | GradingReport
    | OriginReport
    | GeneralLicence
    | PriorConfirmation
    | PreBanProof,
    Field(discriminator="type"),
]

# The document types of the format and their names (the one home: the wizard, the attestation and the
# translations take them from here). The order is the order they are offered in.
EVIDENCE_LABELS: dict[str, str] = {
    "kp_certificate": "Kimberley Process certificate",
    "g7_verification": "G7 verification (e.g. Antwerp Diamond Office)",
    "supplier_declaration": "Supplier's declaration of non-Russian origin",
    "due_diligence_statement": "Due diligence statement",
    "grading_report": "Grading report",
    "origin_report": "Origin report",
    "general_licence": "General licence",
    "prior_confirmation": "Authority's prior confirmation",
    "pre_ban_proof": "Proof of location before a ban",
}
EVIDENCE_TYPES: tuple[str, ...] = tuple(EVIDENCE_LABELS)


class Lot(Model):
    format: Literal["clearstone.lot/1"]
    lot_id: RequiredText
    description: Text | None = None
    transaction: Transaction
    goods: Goods
    origin: Origin
    processing: list[ProcessingStep] = Field(default_factory=list)
    counterparty: Counterparty
    parties: list[Party] = Field(default_factory=list)
    evidence: list[Evidence] = Field(default_factory=list)
    extensions: dict[str, Any] | None = None
    # What loading changed in the text as written (invisible characters removed, look-alike letters read);
    # not part of the format: the assessment turns it into a note, so nothing is silently rewritten.
    _text_notes: list[TextNote] = PrivateAttr(default_factory=list)

    @model_validator(mode="wrap")
    @classmethod
    def _note_hidden_text(cls, data: Any, handler: Callable[[Any], Lot]) -> Lot:
        lot = handler(data)
        if isinstance(data, dict):
            lot._text_notes = hidden_text_notes(data)
        return lot

    @property
    def text_notes(self) -> list[TextNote]:
        return list(self._text_notes)

    @model_validator(mode="after")
    def _breakdown_within_goods(self) -> Lot:
        for share in self.origin.breakdown or []:
            if share.largest_stone_carats > self.goods.largest_stone_carats:
                raise ValueError(
                    f"origin.breakdown: the largest {share.country} stone ({share.largest_stone_carats} ct) "
                    f"is heavier than goods.largest_stone_carats ({self.goods.largest_stone_carats} ct)"
                )
        return self


_NAME_PATH = re.compile(r"(^|\.)(name|aliases\[\d+\])$")


@dataclass(frozen=True)
class TextNote:
    """One change loading made to the text as written: `kind` "invisible" (characters removed; `detail`
    names them) or "lookalike" (a name read as `detail`)."""

    path: str
    kind: Literal["invisible", "lookalike"]
    detail: str

    def describe(self, language: str = "en") -> str:
        if language == "fr":
            if self.kind == "invisible":
                return f"{self.path} : caractères invisibles supprimés ({self.detail})"
            return f"{self.path} : lu « {self.detail} » (lettres semblables d'une autre écriture)"
        if self.kind == "invisible":
            return f"{self.path}: invisible characters removed ({self.detail})"
        return f"{self.path}: read as «{self.detail}» (letters that look alike in another script)"

    @property
    def section(self) -> str:
        return self.path.split(".", 1)[0].split("[", 1)[0]


def hidden_text_notes(data: Any, path: str = "") -> list[TextNote]:
    """What loading changes in the texts of raw lot data: invisible characters, and in names look-alike
    letters of another script read as the script of the word ("ALRОSA" with a Cyrillic О)."""
    notes: list[TextNote] = []
    if isinstance(data, dict):
        for key, value in data.items():
            if key != "extensions":
                notes += hidden_text_notes(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            notes += hidden_text_notes(value, f"{path}[{index}]")
    elif isinstance(data, str):
        hidden = invisible_characters(data)
        if hidden:
            notes.append(TextNote(path, "invisible", ", ".join(hidden)))
        if _NAME_PATH.search(path):
            canonical = canonical_text(data)
            if canonical != " ".join(without_invisibles(data).split()):
                notes.append(TextNote(path, "lookalike", canonical))
    return notes


def _location(loc: tuple[int | str, ...]) -> str:
    parts: list[str] = []
    for item in loc:
        if isinstance(item, int):
            parts.append(f"[{item}]")
        elif item in EVIDENCE_TYPES and parts and parts[-1].startswith("["):
            continue  # the discriminator tag pydantic inserts is noise for the reader
        elif item.startswith("function-") or item in {"tagged-union"}:
            continue
        else:
            parts.append(("." if parts else "") + item)
    return "".join(parts) or "(document)"


def describe_validation_error(error: ValidationError) -> str:
    """One line: the first problem with its field path, and how many more there are."""
    problems = error.errors(include_url=False)
    first = problems[0]
    loc = _location(tuple(first["loc"]))
    kind = first["type"]
    message = first["msg"]
    if kind == "missing":
        message = "required field is missing"
    elif kind == "extra_forbidden":
        message = 'unknown field (put private data under the top-level "extensions")'
    elif kind == "union_tag_invalid":
        message = f"unknown evidence type {json.dumps(first.get('input', {}).get('type'))}"
    elif kind == "union_tag_not_found":
        message = 'evidence item has no "type"'
    elif kind == "literal_error" and loc == "format":
        message = f"not a clearstone.lot/1 file (format is {json.dumps(first.get('input'))})"
    elif message.startswith("Value error, "):
        message = message.removeprefix("Value error, ")
        if ": " in message and loc != "(document)":
            field, _, rest = message.partition(": ")
            if " " not in field:
                loc, message = f"{loc}.{field}", rest
    more = len(problems) - 1
    suffix = f" (and {more} more problem{'s' if more > 1 else ''})" if more else ""
    return f"{loc}: {message}{suffix}"


def _reject_duplicates(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise LotError(f"{key}: the field appears twice in one object")
        result[key] = value
    return result


def _nesting_depth(text: str) -> int:
    depth = deepest = 0
    in_string = escaped = False
    for ch in text:
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in "]}":
            depth -= 1
    return deepest


def parse_lot(data: bytes, source: str = "lot", *, jurisdictions: Collection[str] | None = None) -> Lot:
    """Parse the bytes of a lot file; raise LotError with a one-line message on any problem. With
    `jurisdictions` (the rule pack's codes), a regime the pack does not know is an error."""
    if len(data) > MAX_FILE_BYTES:
        raise LotError(
            f"{source}: file is {len(data):,} bytes; a lot file is at most {MAX_FILE_BYTES:,} bytes"
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise LotError(f"{source}: not UTF-8 text (invalid byte at offset {exc.start})") from None
    if _nesting_depth(text) > MAX_NESTING:
        raise LotError(f"{source}: JSON nested more than {MAX_NESTING} levels deep")
    try:
        raw = json.loads(text, object_pairs_hook=_reject_duplicates)
    except json.JSONDecodeError as exc:
        raise LotError(
            f"{source}: not valid JSON ({exc.msg} at line {exc.lineno}, column {exc.colno})"
        ) from None
    if not isinstance(raw, dict):
        raise LotError(f"{source}: a lot file is a JSON object, not {type(raw).__name__}")
    try:
        # JSON may escape half of a UTF-16 pair ("\ud800"): no character, and no way to store or print it.
        json.dumps(raw, ensure_ascii=False).encode("utf-8")
    except UnicodeEncodeError as exc:
        bad = exc.object[exc.start : exc.end].encode("unicode_escape", "backslashreplace").decode("ascii")
        raise LotError(
            f"{source}: text contains {bad}, half of a UTF-16 surrogate pair, which is no character"
        ) from None
    return validate_lot(raw, jurisdictions=jurisdictions)


def validate_lot(raw: dict[str, Any], *, jurisdictions: Collection[str] | None = None) -> Lot:
    context = {"jurisdictions": tuple(jurisdictions)} if jurisdictions is not None else None
    try:
        return Lot.model_validate(raw, context=context)
    except ValidationError as exc:
        raise LotError(describe_validation_error(exc)) from None


def load_lot(path: Path | str, *, jurisdictions: Collection[str] | None = None) -> Lot:
    file = Path(path)
    try:
        size = file.stat().st_size
        if size > MAX_FILE_BYTES:
            raise LotError(f"{file}: file is {size:,} bytes; a lot file is at most {MAX_FILE_BYTES:,} bytes")
        data = file.read_bytes()
    except FileNotFoundError:
        raise LotError(f"{file}: no such file") from None
    except IsADirectoryError:
        raise LotError(f"{file}: is a folder, not a lot file") from None
    except PermissionError:
        raise LotError(f"{file}: permission denied") from None
    return parse_lot(data, str(file), jurisdictions=jurisdictions)


def lot_to_json(lot: Lot) -> str:
    return json.dumps(lot.model_dump(mode="json", exclude_none=False), ensure_ascii=False, indent=2) + "\n"


def save_lot(lot: Lot, path: Path | str) -> None:
    """Write atomically, so a crash mid-save never leaves a half-written lot file."""
    write_atomic(Path(path), lot_to_json(lot))


def lot_json_schema() -> dict[str, Any]:
    schema = Lot.model_json_schema()
    schema["$id"] = "https://clearstone.invalid/schema/clearstone.lot-1.json"
    schema["title"] = "clearstone.lot/1"
    return schema
