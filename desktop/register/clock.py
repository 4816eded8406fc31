"""Timestamps as the register stores them: ISO 8601 in UTC, fixed width so text order is time order."""

from __future__ import annotations

from datetime import UTC, date, datetime


def utc_iso(moment: datetime) -> str:
    """Naive datetimes are taken as UTC; the caller passes the time in, the register never reads a clock."""
    aware = moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)
    return aware.astimezone(UTC).isoformat(timespec="microseconds")


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


def add_years(day: date, years: int) -> date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February in a non-leap target year
        return day.replace(year=day.year + years, day=28)
