#!/bin/sh
# The AppStream metainfo passes appstreamcli validate (package appstream). Offline: the
# screenshot URLs are checked for existence by check-consistency.sh instead.
set -eu
metainfo=$1
if ! command -v appstreamcli >/dev/null 2>&1; then
    echo "SKIP: appstreamcli not found (apt-get install appstream)"
    exit 77
fi
# Exits non-zero on errors and warnings; infos (e.g. a tag newer than this appstream) pass.
appstreamcli validate --no-net --explain "$metainfo"
