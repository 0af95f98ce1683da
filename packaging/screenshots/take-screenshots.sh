#!/bin/sh
# Retakes the README / AppStream screenshots from the real app, driven by keyboard only,
# in a throwaway HOME with an unlocked throwaway keyring and the built-in sandbox.
# Needs: xvfb xauth xdotool imagemagick gnome-keyring dbus-daemon qt6-gtk-platformtheme
#   packaging/screenshots/take-screenshots.sh [build-dir]
set -eu
here=$(cd "$(dirname "$0")" && pwd)
build=$(cd "${1:-$here/../../build}" && pwd)
if [ "${INSIDE_SESSION:-}" != 1 ]; then
    for palette in light dark; do
        theme=Adwaita
        [ "$palette" = dark ] && theme=Adwaita:dark
        INSIDE_SESSION=1 PALETTE=$palette QT_QPA_PLATFORMTHEME=gtk3 GTK_THEME=$theme \
            xvfb-run -a -s "-screen 0 1280x1024x24" dbus-run-session -- "$0" "$build"
    done
    exit 0
fi
scratch=$(mktemp -d)
export HOME="$scratch" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config"
printf 'screenshots' | gnome-keyring-daemon --foreground --unlock --components=secrets >/dev/null 2>&1 &
sleep 1
"$build/app/agentfolio" &
sleep 3
xdotool windowmove "$(xdotool search --sync --name Agentfolio | head -1)" 0 0
sleep 0.5
xdotool type --delay 40 "2000"; xdotool key Tab
xdotool type --delay 40 "MyPort1"; xdotool key Tab
xdotool type --delay 40 "momentum-bot"; sleep 0.5
shot() { import -window root -crop 960x660+0+0 +repage "$here/$1"; }
if [ "$PALETTE" = dark ]; then shot main-dark.png; else shot main-light.png; fi
xdotool key Return; sleep 1.5   # the confirmation, with Cancel as the default
xdotool key Tab; sleep 0.3      # to "Create and invest $2,000.00"
xdotool key space; sleep 2.5
if [ "$PALETTE" = dark ]; then shot result-dark.png; else shot result.png; fi
# Without a window manager the keyboard focus does not come back after the dialog
# closes, so the tab is clicked.
xdotool mousemove 200 138 click 1; sleep 1
xdotool key Tab; sleep 0.3; xdotool key Down; sleep 0.3; xdotool key Down; sleep 0.5
if [ "$PALETTE" = light ]; then shot tokens.png; fi
xdotool key ctrl+q; sleep 1
rm -rf "$scratch"
