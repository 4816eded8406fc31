#!/usr/bin/env bash
# Package Clearstone.app (built by installer/clearstone.spec) into a drag-to-Applications .dmg.
#   installer/macos/make_dmg.sh installer/dist/Clearstone.app installer/dist/packages/Clearstone-X.Y.Z-macos-arm64.dmg
# Signing and notarisation run when the environment names a certificate and a notary profile:
#   CLEARSTONE_CODESIGN_IDENTITY="Developer ID Application: Firm Name (TEAMID)"   (security find-identity -v -p codesigning)
#   CLEARSTONE_NOTARY_PROFILE=clearstone-notary   (made once: xcrun notarytool store-credentials clearstone-notary
#                                                  --apple-id ID --team-id TEAMID --password APP-SPECIFIC-PASSWORD)
# Without them the .dmg is unsigned: it opens after right-click > Open (Gatekeeper asks once).
set -euo pipefail
app=${1:?usage: make_dmg.sh Clearstone.app OUT.dmg}
dmg=${2:?usage: make_dmg.sh Clearstone.app OUT.dmg}
here=$(cd "$(dirname "$0")" && pwd)
identity=${CLEARSTONE_CODESIGN_IDENTITY:-}
profile=${CLEARSTONE_NOTARY_PROFILE:-}

[ -d "$app" ] || { echo "make_dmg: no app bundle at $app" >&2; exit 2; }

if [ -n "$identity" ]; then
    # PyInstaller already signed every binary inside (codesign_identity in the spec); seal the bundle itself
    # with the hardened runtime and a secure timestamp, as notarisation requires.
    codesign --force --timestamp --options runtime --entitlements "$here/entitlements.plist" \
        --sign "$identity" "$app"
    codesign --verify --deep --strict --verbose=2 "$app"
fi

staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
cp -R "$app" "$staging/"
ln -s /Applications "$staging/Applications"
rm -f "$dmg"
hdiutil create -volname "Clearstone" -srcfolder "$staging" -ov -format UDZO -fs HFS+ "$dmg"

if [ -n "$identity" ]; then
    codesign --force --timestamp --sign "$identity" "$dmg"
    if [ -n "$profile" ]; then
        xcrun notarytool submit "$dmg" --keychain-profile "$profile" --wait
        xcrun stapler staple "$dmg"
        xcrun stapler validate "$dmg"
        spctl --assess --type open --context context:primary-signature --verbose=2 "$dmg"
    else
        echo "make_dmg: signed but not notarised (set CLEARSTONE_NOTARY_PROFILE to notarise)"
    fi
else
    echo "make_dmg: unsigned .dmg (set CLEARSTONE_CODESIGN_IDENTITY to sign)"
fi
echo "make_dmg: $dmg"
