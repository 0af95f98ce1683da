#!/bin/sh
# Renders the committed PNG icons from the SVG, so that the build itself needs no converter.
# Run after changing the SVG (needs rsvg-convert, Debian package librsvg2-bin).
set -eu
cd "$(dirname "$0")"
id=io.github.agentfolio.Agentfolio
for size in 16 32 48 64 128 256; do
    mkdir -p "${size}x${size}"
    rsvg-convert --width "$size" --height "$size" "$id.svg" --output "${size}x${size}/$id.png"
done
