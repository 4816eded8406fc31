"""The dealer's signing identity: ECDSA P-256 key and certificate in a passphrase-protected PKCS#12."""
