#!/bin/sh
# Builds the .deb with CPack, installs it on this machine with apt (which pulls in any missing
# dependency), runs the installed program as the desktop entry would, and removes the package
# again, checking that every file it brought is gone.
#
# CAUTION: this really installs into /usr. It needs root, refuses to run when an agentfolio
# package or binary is already installed (it would replace and then remove someone's
# install), and fails loudly if the removal does not happen.
set -eu
build_dir=$1
version=$2
id=io.github.agentfolio.Agentfolio

if [ "$(id -u)" -ne 0 ]; then
    echo "SKIP: installing a .deb needs root"
    exit 77
fi
for tool in cpack dpkg dpkg-deb dpkg-query apt-get timeout; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool not found"
        exit 77
    fi
done

if dpkg-query -W -f='${Status}' agentfolio 2>/dev/null | grep -q ' installed$'; then
    echo "FAIL: an agentfolio package is already installed on this machine. This test would"
    echo "      replace it and then remove it; remove it first: apt-get remove agentfolio"
    exit 1
fi
for path in /usr/bin/agentfolio /usr/bin/agentfolio-sandbox; do
    if [ -e "$path" ]; then
        echo "FAIL: $path exists but belongs to no agentfolio package; this test will not"
        echo "      overwrite it. Move it away and run the test again."
        exit 1
    fi
done

work=$(mktemp -d)
installed=0
remove_package() {
    DEBIAN_FRONTEND=noninteractive apt-get remove -y -q agentfolio || dpkg --remove agentfolio
}
cleanup() {
    status=$?
    if [ "$installed" -eq 1 ]; then
        echo "Removing the agentfolio package after a failure"
        if ! remove_package; then
            echo "FAIL: LOUDLY: could not remove the agentfolio package; remove it by hand:"
            echo "      dpkg --remove agentfolio"
            status=1
        fi
    fi
    rm -rf "$work"
    exit "$status"
}
trap cleanup EXIT
trap 'exit 1' HUP INT TERM

failures=0
fail() {
    echo "FAIL: $*"
    failures=$((failures + 1))
}

echo "== cpack -G DEB"
cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log"
    exit 1
}
deb=$(find "$work" -maxdepth 1 -name "agentfolio_${version}_*.deb")
if [ -z "$deb" ] || [ ! -f "$deb" ]; then
    cat "$work/cpack.log"
    echo "FAIL: cpack made no agentfolio_${version}_*.deb"
    exit 1
fi
echo "built $(basename "$deb")"

echo "== the package's control fields and files"
dpkg-deb --field "$deb" Package Version Section Depends Recommends
[ "$(dpkg-deb --field "$deb" Package)" = agentfolio ] || fail "Package is not agentfolio"
[ "$(dpkg-deb --field "$deb" Version)" = "$version" ] || fail "Version is not $version"
depends=$(dpkg-deb --field "$deb" Depends)
for package in libqt6core6 libqt6gui6 libqt6widgets6 libqt6network6 libqt6httpserver6 \
    libqt6keychain1 libsecret-1-0 qt6-qpa-plugins; do
    printf '%s\n' "$depends" | tr ',' '\n' | grep -qE "^ *$package( |\$)" \
        || fail "Depends lacks $package"
done
dpkg-deb --field "$deb" Recommends | grep -qF "gnome-keyring | kwalletmanager" \
    || fail "Recommends lacks gnome-keyring | kwalletmanager"
dpkg-deb --contents "$deb" | awk '{ print $NF }' | sed 's|^\./|/|' >"$work/contents"
for path in /usr/bin/agentfolio /usr/bin/agentfolio-sandbox \
    /usr/share/applications/$id.desktop /usr/share/metainfo/$id.metainfo.xml \
    /usr/share/icons/hicolor/scalable/apps/$id.svg /usr/share/doc/agentfolio/copyright \
    /usr/share/doc/agentfolio/changelog.gz /usr/share/man/man1/agentfolio.1.gz \
    /usr/share/man/man1/agentfolio-sandbox.1.gz; do
    grep -qxF "$path" "$work/contents" || fail "the package lacks $path"
done
for size in 16 32 48 64 128 256; do
    path=/usr/share/icons/hicolor/${size}x${size}/apps/$id.png
    grep -qxF "$path" "$work/contents" || fail "the package lacks $path"
done
[ "$failures" -eq 0 ] || exit 1

echo "== apt-get install $(basename "$deb")"
installed=1
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "$deb"
dpkg-query -W -f='${Status}\n' agentfolio | grep -q ' installed$' || fail "dpkg does not list agentfolio as installed"
dpkg-query -L agentfolio >"$work/files"

echo "== the installed program"
output=$(/usr/bin/agentfolio --version)
echo "/usr/bin/agentfolio --version: $output"
[ "$output" = "agentfolio $version" ] || fail "expected \"agentfolio $version\""
/usr/bin/agentfolio-sandbox --help >/dev/null || fail "agentfolio-sandbox --help failed"

echo "== the desktop entry's Exec line"
desktop=/usr/share/applications/$id.desktop
exec_line=$(sed -n 's/^Exec=//p' "$desktop" | head -n 1)
# Field codes (%f, %U, ...) are the launcher's to fill in; there are none to pass here.
exec_line=$(printf '%s\n' "$exec_line" | sed 's/ *%[a-zA-Z]//g')
program=${exec_line%% *}
# The PATH a desktop session gives a launcher, not this build's.
resolved=$(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin command -v "$program" || true)
echo "Exec=$exec_line -> $resolved"
[ "$resolved" = /usr/bin/agentfolio ] || fail "Exec's $program resolves to \"$resolved\", not /usr/bin/agentfolio"
output=$(PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin $exec_line --version)
[ "$output" = "agentfolio $version" ] || fail "the Exec line with --version printed \"$output\""

# Launch it as the menu would, on the offscreen platform, in a throwaway HOME with no D-Bus
# session: it must start and keep running (the timeout ends it, status 124); a missing
# library, plugin or resource makes it exit at once instead.
home=$work/home
mkdir -p "$home"
mkdir -m 700 "$home/runtime"
set +e
(cd "$home" && exec env -i PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    HOME="$home" XDG_CONFIG_HOME="$home/.config" XDG_DATA_HOME="$home/.local/share" \
    XDG_CACHE_HOME="$home/.cache" XDG_RUNTIME_DIR="$home/runtime" \
    DBUS_SESSION_BUS_ADDRESS=disabled: QT_QPA_PLATFORM=offscreen \
    timeout -k 5 5 $exec_line) >"$work/launch.log" 2>&1
launched=$?
set -e
echo "launch: exit status $launched (124: still running when stopped)"
if [ "$launched" -ne 124 ]; then
    cat "$work/launch.log"
    fail "the Exec line did not keep the app running (status $launched)"
fi

echo "== apt-get remove agentfolio"
DEBIAN_FRONTEND=noninteractive apt-get remove -y -q agentfolio
installed=0
dpkg --purge agentfolio >/dev/null 2>&1 || true
if dpkg-query -W -f='${Status}\n' agentfolio 2>/dev/null | grep -qE ' (installed|config-files|half-installed|unpacked)$'; then
    fail "LOUDLY: agentfolio is still on this machine after apt-get remove"
fi
for path in /usr/bin/agentfolio /usr/bin/agentfolio-sandbox; do
    [ ! -e "$path" ] || fail "LOUDLY: $path is still there after removal"
done
# Every file and the package's own folders are gone (shared folders like /usr/share stay).
while IFS= read -r path; do
    if [ -d "$path" ]; then
        case "$path" in
        /usr/share/doc/agentfolio) fail "$path is still there after removal" ;;
        esac
    elif [ -e "$path" ] || [ -L "$path" ]; then
        fail "$path is still there after removal"
    fi
done <"$work/files"

if [ "$failures" -ne 0 ]; then
    echo "$failures problem(s)"
    exit 1
fi
echo "OK: built, installed, launched and removed agentfolio $version"
