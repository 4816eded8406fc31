"""Dialogs opened from the menus: verify an attestation, the register, imports, settings."""
