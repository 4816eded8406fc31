"""The signed attestation: content, PDF rendering, PDF signature, QR payload, verification."""

import warnings

# pyHanko imports cryptography's DSA types at start-up, which cryptography deprecates (a warning on stderr for
# every command that signs or verifies); Clearstone uses ECDSA P-256 only and never touches DSA.
warnings.filterwarnings("ignore", message="DSA is deprecated", module=r"pyhanko\.")
