"""Clearstone: offline compliance checks and signed attestations for diamond lots."""

__version__ = "0.1.0"
