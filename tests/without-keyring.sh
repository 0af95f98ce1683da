#!/bin/sh
# Runs "$@" in a D-Bus session with no Secret Service and a throwaway HOME, the
# situation of a desktop without a keyring daemon.
set -eu
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
export HOME="$scratch/home" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config"
mkdir -p "$HOME" "$XDG_DATA_HOME" "$XDG_CONFIG_HOME"
"$@"
