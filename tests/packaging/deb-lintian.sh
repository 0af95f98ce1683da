#!/bin/sh
# Builds the .deb with CPack and checks it with lintian, Debian's own package checker: any
# error or warning fails (information tags are printed but pass). Needs no root: the package
# is only built and read, never installed.
set -eu
build_dir=$1
version=$2

for tool in cpack lintian; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "SKIP: $tool not found (Debian: apt-get install lintian)"
        exit 77
    fi
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cpack -G DEB --config "$build_dir/CPackConfig.cmake" -B "$work" >"$work/cpack.log" 2>&1 || {
    cat "$work/cpack.log"
    echo "FAIL: cpack could not build the .deb"
    exit 1
}
set -- "$work"/agentfolio_"$version"_*.deb
[ -f "$1" ] || {
    cat "$work/cpack.log"
    echo "FAIL: cpack made no agentfolio_${version}_*.deb"
    exit 1
}

echo "== lintian $(lintian --version | cut -d' ' -f2) on $(basename "$1")"
# --info shows the information tags too, for whoever reads the log; only errors and warnings
# fail. lintian complains about running as root (CI does) on stderr; that is not a finding.
status=0
lintian --info --tag-display-limit 0 --fail-on error,warning "$1" || status=$?
if [ "$status" -ne 0 ]; then
    echo "FAIL: lintian found errors or warnings in the package (exit status $status)"
    exit 1
fi
echo "OK: lintian finds no error or warning in $(basename "$1")"
