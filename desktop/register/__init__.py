"""The register: a crash-safe, tamper-evident SQLite record of checks, decisions and attestations."""
