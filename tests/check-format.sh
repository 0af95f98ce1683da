#!/bin/sh
# Fails when a C++ file in the repository is not formatted with the committed .clang-format.
set -eu
clang_format=${1:-clang-format}
files=$(git ls-files -co --exclude-standard -- '*.cpp' '*.h' 2>/dev/null || find app ui tests -name '*.cpp' -o -name '*.h')
[ -n "$files" ] || exit 0
# shellcheck disable=SC2086
"$clang_format" --dry-run --Werror $files
