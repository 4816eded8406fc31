"""Atomic, owner-only file writes for key material and the trust list."""

from desktop.fileio import write_atomic

__all__ = ["write_atomic"]
