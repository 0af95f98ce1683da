#!/bin/sh
# Runs "$@" against a real Secret Service: a gnome-keyring-daemon, unlocked, in the
# current D-Bus session (ctest starts each keychain test in its own dbus-run-session)
# with a throwaway HOME so that no real keyring is touched.
set -eu
test -n "${DBUS_SESSION_BUS_ADDRESS:-}" || { echo "with-keyring.sh: no D-Bus session" >&2; exit 1; }
scratch=$(mktemp -d)
trap 'kill "$keyring_pid" 2>/dev/null || true; rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
       XDG_CACHE_HOME="$scratch/cache" XDG_RUNTIME_DIR="$scratch/run"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME" "$XDG_CACHE_HOME" "$XDG_RUNTIME_DIR"
chmod 700 "$XDG_RUNTIME_DIR"
# The password only unlocks this throwaway login keyring.
printf 'agentfolio-test' | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
keyring_pid=$!
# Wait until the daemon owns the Secret Service name on the bus.
i=0
until dbus-send --session --print-reply --dest=org.freedesktop.DBus /org/freedesktop/DBus \
        org.freedesktop.DBus.NameHasOwner string:org.freedesktop.secrets 2>/dev/null | grep -q 'true'; do
    i=$((i + 1))
    if [ "$i" -gt 100 ]; then echo "with-keyring.sh: gnome-keyring did not start" >&2; exit 1; fi
    sleep 0.05
done
"$@"
