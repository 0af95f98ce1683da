#!/bin/sh
# Runs clazy (Qt-specific checks, levels 0 and 1) over every .cpp under app/ and ui/ and
# fails on any finding. BUILD_DIR as for check-tidy.sh: a clang build's compile_commands.json
# and its generated moc/uic headers.
# Not checked: non-pod-global-static. Our namespace-scope constants are QStringLiterals,
# which allocate nothing at start-up.
# Usage: tests/check-clazy.sh BUILD_DIR [clazy-standalone]
set -eu
build_dir=${1:?usage: check-clazy.sh BUILD_DIR [clazy-standalone]}
clazy=${2:-clazy-standalone}
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$(cd "$build_dir" && pwd)
[ -f "$build_dir/compile_commands.json" ] || {
    echo "check-clazy: no compile_commands.json in $build_dir" >&2
    exit 2
}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
status=0
# Our headers only (not Qt's, not moc/uic output), as in .clang-tidy.
find "$source_dir/app" "$source_dir/ui" -name '*.cpp' | sort |
    xargs -P "$(nproc)" -n 4 "$clazy" -p "$build_dir" --checks=level0,level1,no-non-pod-global-static \
        --header-filter='/(app/[a-z]+|ui)/[a-z0-9]+\.h$' --ignore-dirs='_autogen' \
        >"$log" 2>&1 || status=$?
# One finding is reported once per file that includes its header.
grep -E '(warning|error): ' "$log" | sort -u || true
if [ "$status" -ne 0 ] || grep -Eq '(warning|error): ' "$log"; then
    echo "check-clazy: clazy reported findings" >&2
    exit 1
fi
echo "check-clazy: clean"
