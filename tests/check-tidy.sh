#!/bin/sh
# Runs clang-tidy with the committed .clang-tidy over every .cpp under app/ and ui/ and fails
# on any finding. BUILD_DIR must hold compile_commands.json from a clang build
# (CMAKE_EXPORT_COMPILE_COMMANDS is on) and its generated moc/uic headers.
# Usage: tests/check-tidy.sh BUILD_DIR [run-clang-tidy]
set -eu
build_dir=${1:?usage: check-tidy.sh BUILD_DIR [run-clang-tidy]}
run_tidy=${2:-run-clang-tidy}
source_dir=$(cd "$(dirname "$0")/.." && pwd)
build_dir=$(cd "$build_dir" && pwd)
[ -f "$build_dir/compile_commands.json" ] || {
    echo "check-tidy: no compile_commands.json in $build_dir" >&2
    exit 2
}
files=$(find "$source_dir/app" "$source_dir/ui" -name '*.cpp' | sort)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
# run-clang-tidy 14 exits 0 even when a check fires as an error, so the log decides too.
status=0
# shellcheck disable=SC2086
"$run_tidy" -p "$build_dir" -j "$(nproc)" -quiet $files >"$log" 2>&1 || status=$?
cat "$log"
if [ "$status" -ne 0 ] || grep -Eq '(warning|error): ' "$log"; then
    echo "check-tidy: clang-tidy reported findings" >&2
    exit 1
fi
echo "check-tidy: clean"
