#!/bin/sh
# The pieces of desktop integration agree with each other and with the build:
# one reverse-DNS id in main.cpp, the desktop entry, the metainfo, the icons and the Flatpak
# manifest; icon files at every size they claim; a metainfo release for this version; the
# screenshots the metainfo points to are in the repository.
set -eu
source_dir=$1
version=$2
id=io.github.agentfolio.Agentfolio
failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}
has_line() { # file, fixed line
    grep -qxF -- "$2" "$1" || fail "$1 lacks the line: $2"
}

desktop=$source_dir/packaging/$id.desktop
metainfo=$source_dir/packaging/$id.metainfo.xml
flatpak=$source_dir/packaging/flatpak/$id.yml
icons=$source_dir/resources/icons

for file in "$desktop" "$metainfo" "$flatpak" "$icons/$id.svg"; do
    [ -f "$file" ] || fail "missing $file"
done
[ "$failures" -eq 0 ] || exit 1

grep -qF "setDesktopFileName(QStringLiteral(\"$id\"))" "$source_dir/app/main.cpp" \
    || fail "app/main.cpp does not set the desktop file name $id"

has_line "$desktop" "Icon=$id"
has_line "$desktop" "Exec=agentfolio"
has_line "$desktop" "StartupWMClass=agentfolio"

grep -qF "<id>$id</id>" "$metainfo" || fail "metainfo id is not $id"
grep -qF "<launchable type=\"desktop-id\">$id.desktop</launchable>" "$metainfo" \
    || fail "metainfo does not launch $id.desktop"
grep -qF "<release version=\"$version\"" "$metainfo" \
    || fail "metainfo has no <release> for version $version (project version)"
grep -qi "not affiliated with" "$metainfo" || fail "metainfo lacks the not-affiliated note"
grep -qF "<content_rating type=\"oars-1.1\"" "$metainfo" || fail "metainfo lacks an OARS 1.1 rating"

# Every screenshot the metainfo names is committed under packaging/screenshots/.
shots=$(sed -n 's|.*<image[^>]*>https://raw.githubusercontent.com/agentfolio/agentfolio/main/\(packaging/screenshots/[^<]*\)</image>.*|\1|p' "$metainfo")
[ -n "$shots" ] || fail "metainfo names no screenshot under packaging/screenshots/"
for shot in $shots; do
    [ -f "$source_dir/$shot" ] || fail "metainfo names $shot, which is not in the repository"
done

grep -qE "^(app-id|id): $id\$" "$flatpak" || fail "the Flatpak manifest's id is not $id"

# The Debian changelog's newest entry and the manual pages name this version.
changelog_version=$(sed -n '1s/^agentfolio (\([^)]*\)).*/\1/p' "$source_dir/packaging/changelog")
[ "$changelog_version" = "$version" ] ||
    fail "packaging/changelog's newest entry is for '$changelog_version', not $version"
for page in agentfolio.1 agentfolio-sandbox.1; do
    grep -q "^\.TH .* \"agentfolio $version\"" "$source_dir/packaging/$page" ||
        fail "packaging/$page does not say \"agentfolio $version\" in its .TH line"
done

# A PNG's width and height are the big-endian words at bytes 16 and 20 (the IHDR chunk).
png_size() {
    od -An -tu1 -j16 -N8 "$1" | awk '{ printf "%dx%d", $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8 }'
}
for size in 16 32 48 64 128 256; do
    png=$icons/${size}x${size}/$id.png
    if [ ! -f "$png" ]; then
        fail "missing $png"
        continue
    fi
    [ "$(od -An -c -j1 -N3 "$png" | tr -d ' ')" = PNG ] || fail "$png is not a PNG"
    actual=$(png_size "$png")
    [ "$actual" = "${size}x${size}" ] || fail "$png is $actual, not ${size}x${size}"
done
grep -q "<svg" "$icons/$id.svg" || fail "$icons/$id.svg is not an SVG"

if [ "$failures" -ne 0 ]; then
    echo "$failures problem(s)"
    exit 1
fi
echo "OK: desktop entry, metainfo, icons and Flatpak manifest agree on $id, version $version"
