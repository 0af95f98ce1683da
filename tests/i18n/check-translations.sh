#!/bin/sh
# Fails when a user-visible source string has no finished translation.
#
#   check-translations.sh LUPDATE SOURCE_DIR TS_FILE...
#
# Each committed .ts file is copied to a temporary directory and brought up to date there with
# lupdate, over the same sources as the update_translations target (resources/CMakeLists.txt):
# app/ and ui/ except app/sandbox/. A string added or changed in the code then appears in the
# copy as an unfinished message, and is listed here. The committed files are never touched.
# Exits 77 (skipped) only when lupdate is not installed (Debian: qt6-l10n-tools).
set -eu

lupdate=$1
source_dir=$2
shift 2

if ! command -v "$lupdate" >/dev/null 2>&1; then
    echo "SKIP: lupdate ($lupdate) is not installed; install qt6-l10n-tools" >&2
    exit 77
fi
[ $# -gt 0 ] || { echo "usage: $0 LUPDATE SOURCE_DIR TS_FILE..." >&2; exit 2; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT INT TERM

# The list of sources, one a line, as lupdate's @list-file.
(cd "$source_dir" && find app ui -type f \( -name '*.cpp' -o -name '*.h' \) \
    ! -path 'app/sandbox/*' | LC_ALL=C sort) | sed "s|^|$source_dir/|" >"$work/sources.lst"
[ -s "$work/sources.lst" ] || { echo "FAIL: no sources under $source_dir/app and ui" >&2; exit 1; }

status=0
for ts in "$@"; do
    name=$(basename "$ts")
    if [ ! -f "$ts" ]; then
        echo "FAIL: $ts does not exist" >&2
        status=1
        continue
    fi
    cp "$ts" "$work/$name"
    # The include paths are the targets' own: with them lupdate sees each class's namespace
    # and names the context as tr() does at run time (agentfolio::MainWindow).
    # English is the source language: its file holds only the plural forms.
    only=
    case $name in *_en.ts) only=-pluralonly ;; esac
    # shellcheck disable=SC2086
    if ! "$lupdate" -silent $only -no-obsolete -locations none -I "$source_dir/app" \
        -I "$source_dir/ui" "@$work/sources.lst" -ts "$work/$name" >"$work/lupdate.log" 2>&1; then
        cat "$work/lupdate.log" >&2
        echo "FAIL: lupdate failed on $name" >&2
        status=1
        continue
    fi
    # lupdate writes one element a line: a message's <source> may span lines, its
    # <translation> (or each <numerusform>) is finished when it has text and no
    # type="unfinished". Prints "context: source" for each message that is not finished.
    awk -v file="$name" '
        function unescape(s) {
            gsub(/&lt;/, "<", s); gsub(/&gt;/, ">", s); gsub(/&quot;/, "\"", s)
            gsub(/&apos;/, "\047", s); gsub(/&amp;/, "\\&", s)
            return s
        }
        /<name>/ { context = $0; sub(/.*<name>/, "", context); sub(/<\/name>.*/, "", context) }
        /<message[ >]/ { inmsg = 1; missing = 0; source = ""; insource = 0; total++ }
        inmsg && /<source>/ { insource = 1 }
        insource { source = source (source == "" ? "" : "\\n") $0 }
        insource && /<\/source>/ { insource = 0 }
        inmsg && /type="unfinished"/ { missing = 1 }
        inmsg && /<translation[^>]*><\/translation>|<translation[^>]*\/>/ { missing = 1 }
        inmsg && /<numerusform[^>]*><\/numerusform>|<numerusform[^>]*\/>/ { missing = 1 }
        inmsg && /<\/message>/ {
            inmsg = 0
            if (missing) {
                sub(/^[ \t]*<source>/, "", source); sub(/<\/source>.*$/, "", source)
                printf "%s: untranslated in %s: %s\n", context, file, unescape(source)
                bad++
            }
        }
        END {
            if (total == 0) { printf "%s: no messages at all\n", file; exit 1 }
            printf "%s: %d messages, %d without a finished translation\n", file, total, bad
            exit (bad > 0 ? 1 : 0)
        }' "$work/$name" || status=1
done
exit $status
