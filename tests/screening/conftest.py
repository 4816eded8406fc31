"""Shared screening fixtures: parsed official samples, parsed once per session."""

from __future__ import annotations

import tempfile
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from desktop.screening.importers import ParsedList, read_path


@pytest.fixture(scope="session")
def parsed_samples(sanctions_data: Path) -> dict[str, ParsedList]:
    """Every official sample in ../shared/sanctions-data, keyed by its folder or file."""
    paths = {
        "ofac-tiny": "ofac/sdn-tiny-2025",
        "ofac-2021": "ofac/sdn-2021-07",
        "ofac-2025-aliases": "ofac/sdn-aliases-addresses-2025-12",
        "ofac-cons": "ofac/consolidated-non-sdn-2025-12",
        "un": "un/UN_consolidated_2026-02-27.xml",
        "eu": "eu/eu_fsf_excerpt_2026-08-05.xml",
        "uk": "uk/uk_sanctions_list_excerpt_2026-09-10.xml",
        "ftm-t1": "opensanctions-ftm/yente_t1_eu_fsf_sample.ftm.json",
        "ftm-zala": "opensanctions-ftm/yente_zala_cluster.ftm.json",
    }
    out = {}
    for key, rel in paths.items():
        lists = read_path(sanctions_data / rel)
        assert len(lists) == 1, key
        out[key] = lists[0]
    return out


def lists_status(data_dir: Path | None, today: date) -> tuple[list[Any], list[str]]:
    """`lists status` through the application layer, as of `today`, over every regime of the pack."""
    from datetime import UTC, datetime, time

    from desktop.service import Workspace
    from desktop.service.status import data_status, list_warnings

    folder = data_dir if data_dir is not None else Path(tempfile.mkdtemp(prefix="clearstone-status-"))
    with Workspace(folder, clock=lambda: datetime.combine(today, time(12), tzinfo=UTC)) as ws:
        status = data_status(ws, every_regime=True)
    return status.lists, list_warnings(status)
