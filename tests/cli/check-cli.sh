#!/bin/sh
# The agentfolio command line: --help and --version without a display, and a clear
# error with exit code 2 for every bad value (nothing starts, nothing is sent).
app=$1
fail=0
expect() { # expect CODE PATTERN ARGS...
    code=$1; pattern=$2; shift 2
    out=$(env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen HOME="$scratch" \
        XDG_CONFIG_HOME="$scratch/config" XDG_DATA_HOME="$scratch/data" "$app" "$@" 2>&1)
    got=$?
    if [ "$got" != "$code" ] || ! printf '%s' "$out" | grep -qi -- "$pattern"; then
        echo "FAIL: agentfolio $* -> exit $got (want $code), output: $out"
        fail=1
    else
        echo "ok: agentfolio $*"
    fi
}
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
expect 0 "agentfolio 0.1" --version
expect 0 "--sandbox" --help
expect 0 "--api-base-url" --help
expect 2 "plain http" --api-base-url http://public-api.etoro.com
expect 2 "https" --api-base-url ftp://127.0.0.1
expect 2 "not a valid server address" --api-base-url "https://"
expect 2 'no account with id "nobody"' --profile nobody
expect 2 "exclude each other" --sandbox --profile sandbox
expect 2 'unexpected argument "extra"' extra
expect 1 "Unknown option" --no-such-option
[ "$fail" = 0 ] && echo "10 passed, 0 failed"
exit $fail
