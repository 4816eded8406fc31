"""Draw a QR code straight onto the PDF canvas (reportlab's encoder, one filled path: fast and crisp)."""

from __future__ import annotations

import re
from itertools import pairwise

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.platypus import Flowable

QUIET_ZONE = 4  # modules of white border the QR standard requires around the symbol


_RUNS = re.compile(r"0{5,}|1{5,}")
# Every mask pattern repeats with the row number modulo 12 (the patterns use i % 2, i % 3 and i // 2 % 2).
_MASK_ROW_PERIOD = 12


def _count(line: str, pattern: str) -> int:
    count, start = 0, line.find(pattern)
    while start != -1:
        count += 1
        start = line.find(pattern, start + 1)
    return count


def penalty(rows: list[int], n: int) -> int:
    """ISO/IEC 18004 mask penalty (N1 runs, N2 blocks, N3 finder-like patterns, N4 dark balance).

    Rows are n-bit integers, most significant bit = leftmost module.
    """
    text_rows = [format(row, f"0{n}b") for row in rows]
    lines = text_rows + ["".join(column) for column in zip(*text_rows, strict=True)]
    score = 0
    for line in lines:
        score += sum(len(run) - 2 for run in _RUNS.findall(line))
        score += 40 * (_count(line, "10111010000") + _count(line, "00001011101"))
    full = (1 << n) - 1
    for upper, lower in pairwise(rows):
        dark = upper & lower
        light = ~(upper | lower) & full
        score += 3 * ((dark & (dark >> 1)).bit_count() + (light & (light >> 1)).bit_count())
    dark_share = 100 * sum(row.bit_count() for row in rows) / (n * n)
    return score + 10 * int(abs(dark_share - 50) // 5)


class _Recorder:
    """Stands in for reportlab's QRCode to capture where the format information bits go."""

    def __init__(self, size: int, level: int) -> None:
        self.moduleCount = size
        self.errorCorrectLevel = level
        self.cells: dict[tuple[int, int], bool] = {}
        self.modules = self

    def __getitem__(self, row: int) -> _Row:
        return _Row(self.cells, row)


class _Row:
    def __init__(self, cells: dict[tuple[int, int], bool], row: int) -> None:
        self.cells, self.row = cells, row

    def __setitem__(self, col: int, value: bool) -> None:
        self.cells[(self.row, col)] = bool(value)


def qr_matrix(value: str, level: str = "M") -> list[list[bool]]:
    """The module matrix; reportlab's encoder picks the mode and error correction, we pick the mask.

    reportlab's own mask search rebuilds and rescans the whole symbol eight times in pure Python (about
    60 ms for a version 13 code); here the data is placed once and each mask is applied to bit rows.
    """
    ec_level = getattr(qrencoder.QRErrorCorrectLevel, level)
    code = qrencoder.QRCode(None, ec_level)
    code.addData(value)
    code.version = code.calculate_version()
    code.makeImpl(False, 0)
    n = code.getModuleCount()
    positions = code.dataPosIterator()
    bits = list(code.dataBitIterator(code.dataCache))
    data_rows, area_rows = [0] * n, [0] * n
    for index, (col, row) in enumerate(positions):
        bit = 1 << (n - 1 - col)
        area_rows[row] |= bit
        if index < len(bits) and bits[index]:
            data_rows[row] |= bit
    fixed_rows = [
        int("".join("1" if cell else "0" for cell in code.modules[r]), 2) & ~area_rows[r] for r in range(n)
    ]
    best: tuple[int, list[int]] | None = None
    for pattern in range(8):
        mask = qrencoder.QRUtil.getMask(pattern)
        period = [
            sum(1 << (n - 1 - c) for c in range(n) if mask(r, c)) for r in range(min(n, _MASK_ROW_PERIOD))
        ]
        rows = [
            fixed_rows[r] | (data_rows[r] ^ (period[r % _MASK_ROW_PERIOD] & area_rows[r])) for r in range(n)
        ]
        recorder = _Recorder(n, ec_level)
        qrencoder.QRCode.setupTypeInfo(recorder, False, pattern)
        for (r, c), dark in recorder.cells.items():
            bit = 1 << (n - 1 - c)
            rows[r] = rows[r] | bit if dark else rows[r] & ~bit
        score = penalty(rows, n)
        if best is None or score < best[0]:
            best = (score, rows)
    assert best is not None
    return [[ch == "1" for ch in format(row, f"0{n}b")] for row in best[1]]


class QrFlowable(Flowable):  # type: ignore[misc]  # reportlab ships no type hints
    """A square QR code of `size` points including its quiet zone."""

    def __init__(self, value: str, size: float, level: str = "M") -> None:
        super().__init__()
        self.matrix = qr_matrix(value, level)
        self.width = self.height = size

    def draw(self) -> None:
        count = len(self.matrix)
        module = self.width / (count + 2 * QUIET_ZONE)
        canvas = self.canv
        canvas.saveState()
        canvas.setFillColor(colors.black)
        path = canvas.beginPath()
        for r, row in enumerate(self.matrix):
            y = self.height - (r + QUIET_ZONE + 1) * module
            c = 0
            while c < count:
                if row[c]:
                    start = c
                    while c < count and row[c]:
                        c += 1
                    path.rect((start + QUIET_ZONE) * module, y, (c - start) * module, module)
                else:
                    c += 1
        canvas.drawPath(path, stroke=0, fill=1)
        canvas.restoreState()
