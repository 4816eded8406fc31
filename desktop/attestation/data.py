"""The base of every attested record: frozen, strict, and byte-stable for fields added after format 1."""

from __future__ import annotations

from typing import Any, ClassVar

from pydantic import BaseModel, ConfigDict, SerializerFunctionWrapHandler, model_serializer


class AttestedData(BaseModel):
    """Attested data. Fields added after format 1 are listed in ADDED and written only when they hold
    something, so the content of an attestation signed before they existed still reads back to exactly the
    bytes that were signed (verify compares the two)."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    ADDED: ClassVar[frozenset[str]] = frozenset()

    @model_serializer(mode="wrap")
    def _without_empty_additions(self, handler: SerializerFunctionWrapHandler) -> Any:
        data = handler(self)
        if isinstance(data, dict):
            for name in self.ADDED:
                if data.get(name) in (None, [], {}):
                    data.pop(name, None)
        return data
