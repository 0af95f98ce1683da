#!/usr/bin/env bash
# Agentfolio's Quick start, for a fresh Debian 12 machine (as root, or as a user with sudo):
#
#   packaging/quickstart.sh run    install what is missing, build, launch the app
#   packaging/quickstart.sh test   install what is missing, build, run every test
#
# Safe to run again: it installs only missing packages and rebuilds incrementally.
set -euo pipefail

mode=${1:-}
case "$mode" in
run | test) ;;
*)
    echo "usage: $0 run|test" >&2
    exit 2
    ;;
esac

source_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${AGENTFOLIO_BUILD_DIR:-$source_dir/build}

# Build: compiler, CMake, Qt 6 (Widgets, Network, HttpServer, which needs WebSockets'
# CMake files), QtKeychain, Qt's translation tools, fontconfig (read at start-up on a thread).
# Run: libsecret-1-0, which QtKeychain loads at run time without depending on it.
packages=(
    g++ cmake ninja-build pkg-config
    qt6-base-dev qt6-httpserver-dev qt6-websockets-dev qt6-tools-dev qt6-tools-dev-tools
    qt6-l10n-tools qtkeychain-qt6-dev libgl-dev libfontconfig-dev
    libsecret-1-0 qt6-qpa-plugins
)
if [ "$mode" = test ]; then
    # Tests: a real Secret Service (gnome-keyring) on a private D-Bus session, secret-tool
    # to look into it, Xvfb for screenshots, clang-format for the style check, the desktop
    # entry's and metainfo's validators, dpkg-dev and lintian to build and check the .deb.
    packages+=(gnome-keyring dbus-daemon dbus-bin libsecret-tools xvfb xauth clang-format git
        desktop-file-utils appstream dpkg-dev lintian)
    # The hardening build: clang with its sanitizer and libFuzzer runtimes, clang-tidy, clazy.
    packages+=(clang libclang-rt-14-dev clang-tidy clazy)
fi

missing=()
for package in "${packages[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q 'install ok installed'; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing missing Debian packages: ${missing[*]}"
    as_root=()
    [ "$(id -u)" -eq 0 ] || as_root=(sudo)
    "${as_root[@]}" apt-get update -q
    "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
        apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

cmake -S "$source_dir" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo
cmake --build "$build_dir"

if [ "$mode" = test ]; then
    # Each test sets up what it needs (offscreen platform, its own D-Bus session and
    # keyring, a throwaway HOME); see tests/CMakeLists.txt.
    status=0
    ctest --test-dir "$build_dir" --output-on-failure --timeout 600 || status=$?

    # The same suite again, built by clang with AddressSanitizer and UndefinedBehaviorSanitizer
    # (leaks included), plus what only that build has: clang-tidy and clazy over app/ and ui/, and a
    # short run of every libFuzzer harness (tests/fuzz). Not repeated there: the style check
    # and the .deb's install and lintian check, which test files, not code.
    hardening_dir=${AGENTFOLIO_HARDENING_BUILD_DIR:-$source_dir/build-hardening}
    CC=clang CXX=clang++ cmake -S "$source_dir" -B "$hardening_dir" -G Ninja \
        -DCMAKE_BUILD_TYPE=RelWithDebInfo -DAGENTFOLIO_SANITIZE=ON -DAGENTFOLIO_FUZZ=ON
    cmake --build "$hardening_dir"
    ctest --test-dir "$hardening_dir" --output-on-failure --timeout 900 \
        --exclude-regex '^(format|packaging_deb_install|packaging_deb_lintian)$' || status=$?
    exit $status
fi

if [ -z "${DISPLAY:-}" ] && [ -z "${WAYLAND_DISPLAY:-}" ]; then
    echo "No graphical display here; Agentfolio needs one. Run this from a desktop session." >&2
    exit 1
fi
exec "$build_dir/app/agentfolio" "${@:2}"
