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
echo "Clearstone installed in $prefix; start it from the menu or with: $bin/clearstone"
