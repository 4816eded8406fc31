"""The high-water mark kept beside the register: every attestation number ever issued, and the last chain head
given out. It lives outside the register file, so a restored backup or a file replaced by hand cannot lower it."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.fileio import write_atomic
from desktop.register.errors import NumberRecordError
from desktop.register.evidence import FILE_NAME

FORMAT = "clearstone.register-watermark/1"
MAX_SEQ = 999_999


def watermark_path(register_path: Path) -> Path:
    """`register-watermark.json` beside the conventional register, `<name>.watermark.json` beside any other."""
    path = Path(register_path)
    if path.name == FILE_NAME:
        return path.parent / "register-watermark.json"
    return path.with_name(path.name + ".watermark.json")


@dataclass(frozen=True)
class Watermark:
    """Highest attestation number per year ever issued from this register, and the newest chain head handed
    out (on an attestation or in a backup): a register without that entry was rolled back or rewritten."""

    numbers: dict[int, int] = field(default_factory=dict)
    head_seq: int = 0
    head_hash: str = ""
    head_at: str = ""

    def to_json(self) -> dict[str, Any]:
        return {
            "format": FORMAT,
            "numbers": {str(year): last for year, last in sorted(self.numbers.items())},
            "head": {"seq": self.head_seq, "hash": self.head_hash, "at": self.head_at}
            if self.head_seq
            else None,
        }


def read_watermark(path: Path) -> Watermark:
    """The mark, or an empty one when none was written yet; NumberRecordError when it cannot be trusted."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Watermark()
    except OSError as exc:
        raise NumberRecordError(
            f"{path}: cannot read the record of attestation numbers ({exc.strerror})", path
        ) from None
    except ValueError:
        raise NumberRecordError(_damaged(path), path) from None
    try:
        if raw.get("format") != FORMAT:
            raise ValueError("format")
        numbers = {int(year): int(last) for year, last in raw["numbers"].items()}
        if any(not 1900 <= year <= 9999 or not 0 <= last <= MAX_SEQ for year, last in numbers.items()):
            raise ValueError("range")
        head = raw.get("head") or {}
        seq, digest, at = int(head.get("seq", 0)), str(head.get("hash", "")), str(head.get("at", ""))
        if seq < 0 or (seq and len(digest) != 64):
            raise ValueError("head")
    except (ValueError, TypeError, AttributeError, KeyError):
        raise NumberRecordError(_damaged(path), path) from None
    return Watermark(numbers, seq, digest, at)


def _damaged(path: Path) -> str:
    return (
        f"{path} (the record of attestation numbers ever issued) is damaged; move it aside to continue, "
        "then check with `clearstone register verify` that no number was issued twice"
    )


def write_watermark(path: Path, mark: Watermark) -> None:
    write_atomic(path, json.dumps(mark.to_json(), indent=1) + "\n")


def raised(
    mark: Watermark,
    numbers: dict[int, int],
    head: tuple[int, str] | None = None,
    at: str = "",
    *,
    reset_head: bool = False,
) -> Watermark:
    """`mark` with every number at least as high as `numbers`, and the head moved forward (or reset)."""
    merged = dict(mark.numbers)
    for year, last in numbers.items():
        merged[year] = max(merged.get(year, 0), last)
    seq, digest, when = mark.head_seq, mark.head_hash, mark.head_at
    if head is not None and head[0] and (reset_head or head[0] >= seq):
        seq, digest, when = head[0], head[1], at
    return Watermark(merged, seq, digest, when)
