"""The signed attestation: content, PDF rendering, PDF signature, QR payload, verification."""
