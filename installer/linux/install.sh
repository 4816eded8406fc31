#!/bin/sh
# Install this Clearstone folder for the current user (no root): ~/.local/opt/clearstone, a `clearstone`
# command in ~/.local/bin, the menu entry, icon and .lot.json file type. Run again to update; --uninstall
# removes the program and menu entry but keeps your data (~/.local/share/Clearstone).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
data_home=${XDG_DATA_HOME:-$HOME/.local/share}
prefix=$HOME/.local/opt/clearstone
bin=$HOME/.local/bin
app_id=io.clearstone.Clearstone

uninstall() {
    rm -rf "$prefix"
    rm -f "$bin/clearstone" "$data_home/applications/$app_id.desktop" "$data_home/metainfo/$app_id.metainfo.xml" \
          "$data_home/icons/hicolor/256x256/apps/$app_id.png" "$data_home/mime/packages/$app_id.xml"
    refresh
    echo "Clearstone removed; your data in $data_home/Clearstone was kept."
}

refresh() {
    command -v update-mime-database >/dev/null 2>&1 && update-mime-database "$data_home/mime" >/dev/null 2>&1 || true
    command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$data_home/applications" >/dev/null 2>&1 || true
    command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$data_home/icons/hicolor" >/dev/null 2>&1 || true
}

# The window needs these system libraries (Qt's xcb platform plugin links or loads them); the command line
# does not. Library file -> Debian/Ubuntu package.
REQUIRED_LIBS="libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4 libxcb-image.so.0:libxcb-image0
libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-randr.so.0:libxcb-randr0 libxcb-render-util.so.0:libxcb-render-util0
libxcb-shape.so.0:libxcb-shape0 libxcb-shm.so.0:libxcb-shm0 libxcb-sync.so.1:libxcb-sync1
libxcb-util.so.1:libxcb-util1 libxcb-xfixes.so.0:libxcb-xfixes0 libxcb-xkb.so.1:libxcb-xkb1
libxkbcommon-x11.so.0:libxkbcommon-x11-0 libxkbcommon.so.0:libxkbcommon0 libX11-xcb.so.1:libx11-xcb1
libEGL.so.1:libegl1 libGL.so.1:libgl1 libfontconfig.so.1:libfontconfig1 libdbus-1.so.3:libdbus-1-3
libglib-2.0.so.0:libglib2.0-0"

check_libraries() {
    known=$( (ldconfig -p || /sbin/ldconfig -p) 2>/dev/null ) || return 0
    missing=""
    for pair in $REQUIRED_LIBS; do
        printf '%s\n' "$known" | grep -q "${pair%%:*} " || missing="$missing ${pair#*:}"
    done
    if [ -n "$missing" ]; then
        echo "Note: the Clearstone window needs system packages that are missing here:$missing" >&2
        echo "      Debian/Ubuntu: sudo apt-get install$missing   (other systems: the same libraries by name)" >&2
        echo "      The command line (clearstone --help) works without them." >&2
    fi
}

if [ "${1:-}" = "--uninstall" ]; then
    uninstall
    exit 0
fi

if [ -d "$here/clearstone-data" ]; then
    echo "This copy is in portable mode (it has a clearstone-data folder): run ./clearstone from here instead." >&2
    exit 2
fi
mkdir -p "$prefix" "$bin" "$data_home/applications" "$data_home/metainfo" \
         "$data_home/icons/hicolor/256x256/apps" "$data_home/mime/packages"
rm -rf "$prefix.new"
mkdir -p "$prefix.new"
cp -R "$here/clearstone" "$here/_internal" "$prefix.new/"
rm -rf "$prefix"
mv "$prefix.new" "$prefix"
ln -sf "$prefix/clearstone" "$bin/clearstone"
sed "s|^Exec=clearstone|Exec=$prefix/clearstone|; s|^TryExec=clearstone|TryExec=$prefix/clearstone|" \
    "$here/share/applications/$app_id.desktop" > "$data_home/applications/$app_id.desktop"
cp "$here/share/metainfo/$app_id.metainfo.xml" "$data_home/metainfo/"
cp "$here/share/icons/hicolor/256x256/apps/$app_id.png" "$data_home/icons/hicolor/256x256/apps/"
cp "$here/share/mime/packages/$app_id.xml" "$data_home/mime/packages/"
refresh
check_libraries
echo "Clearstone installed in $prefix; start it from the menu or with: $bin/clearstone"
