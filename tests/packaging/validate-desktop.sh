#!/bin/sh
# The desktop entry passes desktop-file-validate (package desktop-file-utils).
set -eu
desktop_file=$1
if ! command -v desktop-file-validate >/dev/null 2>&1; then
    echo "SKIP: desktop-file-validate not found (apt-get install desktop-file-utils)"
    exit 77
fi
# It exits 0 on hints too; any "error:" or "warning:" line counts as a failure here.
output=$(desktop-file-validate "$desktop_file" 2>&1) || {
    printf '%s\n' "$output"
    exit 1
}
printf '%s\n' "$output"
if printf '%s\n' "$output" | grep -Eq '(error|warning):'; then
    exit 1
fi
echo "OK: $desktop_file"
