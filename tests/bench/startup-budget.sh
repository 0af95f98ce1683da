#!/bin/bash
# The start-up and memory budget (issue 7): the app, started until its first window is on
# screen and then quit, against a minimal Qt Widgets program (a window with one label)
# built by the same CMake, on the same machine, in the same run.
#
#   tests/bench/startup-budget.sh BUILD_DIR [RUNS]       (RUNS per program, default 20)
#
# Targets (exit status 1 when one is missed):
#   wall time, empty index      <= 1.3 x the minimal program's
#   wall time, 10,000 tokens    <= 1.5 x
#   peak RSS,  10,000 tokens    <= 1.5 x
# For information (no target), the same minimal window, linked so that it loads the same
# shared libraries as the app, runs too: roughly how much of the difference is the loading of
# those libraries, and how the app's own start-up compares with a window that loads them all.
# Wall time compares medians (the machine may be busy; the mean and its standard deviation
# are printed too); peak RSS is /usr/bin/time's "Maximum resident set size", median of runs.
# Beside each wall-time ratio stands a 95 % interval: the rounds drawn again at random, with
# replacement and each round's runs together, 2,000 times, and the ratio taken each time
# (a bootstrap). It says how precisely this run measured the ratio from round to round: on a
# busy two-core machine, with 40 runs, about +-0.05 (wider with the default 20). A ratio just
# over its target with an interval reaching well below it is within this run's noise; one
# whose whole interval lies over the target is unlikely to be that noise alone. It leaves out
# what shifts from one run of the script to the next (the machine's state over minutes), so
# repeated runs scatter more than one interval shows. The verdict and the exit status go by
# the ratio itself.
#
# Needs: the build's agentfolio, bench_minimal_window, bench_minimal_window_linked and
# bench_make_index (tests on);
# /usr/bin/time; Xvfb + xvfb-run (else Qt's offscreen platform, which says less: no X
# server receives the pixels). hyperfine, where installed, times each run; otherwise the
# script does. Either way the four cases' runs are interleaved, so that a busy moment of
# the machine weighs on all of them alike. No keychain or D-Bus daemon is needed: the session
# bus address points nowhere, so anything that tried to reach the keychain before the
# window shows would show up as an error or a delay.
set -eu

usage() { echo "usage: $0 BUILD_DIR [RUNS]" >&2; exit 2; }
[ $# -ge 1 ] || usage
build=$(cd "$1" && pwd) || usage
runs=${2:-20}
case $runs in ''|*[!0-9]*) usage ;; esac
[ "$runs" -ge 3 ] || { echo "$0: RUNS must be at least 3" >&2; exit 2; }

app=$build/app/agentfolio
minimal=$build/tests/bench/bench_minimal_window
linked=$build/tests/bench/bench_minimal_window_linked
make_index=$build/tests/bench/bench_make_index
for program in "$app" "$minimal" "$linked" "$make_index"; do
    [ -x "$program" ] || { echo "$0: $program is missing; build the targets agentfolio," \
        "bench_minimal_window, bench_minimal_window_linked and bench_make_index" >&2; exit 2; }
done
[ -x /usr/bin/time ] || { echo "$0: /usr/bin/time is missing (Debian: apt install time)" >&2; exit 2; }

# One X server for the whole run: re-run this script inside it.
if [ -z "${AGENTFOLIO_BUDGET_INSIDE:-}" ]; then
    export AGENTFOLIO_BUDGET_INSIDE=1
    if command -v xvfb-run >/dev/null && command -v Xvfb >/dev/null; then
        export AGENTFOLIO_BUDGET_DISPLAY="Xvfb (xvfb-run -a, 1280x1024x24), platform xcb"
        exec xvfb-run -a -s "-screen 0 1280x1024x24 -nolisten tcp" "$0" "$@"
    fi
    export AGENTFOLIO_BUDGET_DISPLAY="no Xvfb: Qt's offscreen platform"
    export QT_QPA_PLATFORM=offscreen
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/agentfolio-budget.XXXXXX")
trap 'rm -rf "$work"' EXIT

# A throwaway home per case, and no session bus: nothing may reach a keychain (or any other
# D-Bus service) here. All programs get the same environment.
unset DBUS_SESSION_BUS_ADDRESS SESSION_MANAGER
export DBUS_SESSION_BUS_ADDRESS="unix:path=$work/no-such-bus"
export NO_AT_BRIDGE=1
export AGENTFOLIO_QUIT_AFTER_FIRST_SHOW=1
unset QT_LOGGING_RULES QT_QPA_PLATFORMTHEME QT_STYLE_OVERRIDE
[ "${QT_QPA_PLATFORM:-}" = offscreen ] || export QT_QPA_PLATFORM=xcb

home_for() {
    mkdir -p "$work/$1/config" "$work/$1/data" "$work/$1/cache" "$work/$1/runtime"
    chmod 700 "$work/$1/runtime"
}
# run_in CASE COMMAND...: the command with CASE's home.
run_in() {
    local case=$1
    shift
    HOME="$work/$case" XDG_CONFIG_HOME="$work/$case/config" XDG_DATA_HOME="$work/$case/data" \
        XDG_CACHE_HOME="$work/$case/cache" XDG_RUNTIME_DIR="$work/$case/runtime" "$@"
}
for case in minimal linked empty tokens; do home_for "$case"; done
index=$(run_in tokens "$make_index" 10000)
echo "index with 10,000 tokens: $(du -k "$index" | cut -f1) KiB (written by bench_make_index)"

command_for() {
    case $1 in
    minimal) echo "$minimal" ;;
    linked) echo "$linked" ;;
    *) echo "$app" ;;
    esac
}

# One run: appends "<wall ns> <max rss KiB>" to $work/CASE.runs. A run that fails or does
# not quit on its own within 60 s fails the whole benchmark (the window never showed).
measure() {
    local case=$1 program start end status
    program=$(command_for "$case")
    start=$(date +%s%N)
    status=0
    run_in "$case" /usr/bin/time -v -o "$work/time.out" timeout 60 "$program" \
        >"$work/$case.stdout" 2>"$work/$case.stderr" || status=$?
    end=$(date +%s%N)
    if [ "$status" -ne 0 ]; then
        echo "$0: $case: $program exited with status $status" >&2
        cat "$work/$case.stderr" >&2
        exit 1
    fi
    # timeout(1) runs the program as its child: time(1) reports the largest of the two,
    # which is the program's.
    local rss
    rss=$(sed -n 's/^[[:space:]]*Maximum resident set size (kbytes): //p' "$work/time.out")
    echo "$((end - start)) $rss" >>"$work/$case.runs"
}

cases="minimal linked empty tokens"
# The linked minimal program is a yardstick only if it loads what the app loads. ldd(1) lists
# them without running either program's main(); a failure counts as a difference.
loaded() { ldd "$1" | awk '{ print $1 }' | sort; }
linked_note=
if ! ldd "$app" >/dev/null 2>&1 || ! ldd "$linked" >/dev/null 2>&1 ||
    [ "$(loaded "$app")" != "$(loaded "$linked")" ]; then
    linked_note="(the linked minimal program does not load the same libraries as the app, or ldd"
    linked_note="$linked_note failed: the figures below mean little)"
fi
# Warm-up: the files the program reads come into the page cache, and the app's first start
# in a fresh home (settings, the sandbox's state file) is out of the way.
for case in $cases; do measure "$case"; measure "$case"; rm -f "$work/$case.runs"; done

# The runs are interleaved, one of each case per round, each round beginning with the
# next case: a machine that is busier for a few seconds (another process, the processor's
# clock) then weighs on all four alike. Timed in blocks, one program's runs after another's,
# such a few seconds went into one program's median alone: the ratios moved by up to 0.18
# from one run of this script to the next.
if command -v hyperfine >/dev/null; then
    timer="hyperfine ($(hyperfine --version | cut -d' ' -f2)), one run per call, interleaved"
    # One run, timed by hyperfine without a shell: appends its wall time in ns to CASE.ns.
    time_one() {
        local case=$1
        run_in "$case" timeout 120 hyperfine --style none --runs 1 --shell=none \
            --export-csv "$work/one.csv" "$(command_for "$case")" >/dev/null 2>"$work/one.err" ||
            { echo "$0: $case: hyperfine failed or timed out" >&2; cat "$work/one.err" >&2; exit 1; }
        # command,mean,stddev,median,user,system,min,max (seconds)
        awk -F, 'NR == 2 { printf "%.0f\n", $2 * 1e9 }' "$work/one.csv" >>"$work/$case.ns"
    }
else
    timer="date +%s%N around /usr/bin/time -v, interleaved"
    time_one() { :; } # measure() below times the run itself
fi
order=(minimal linked empty tokens)
for _ in $(seq "$runs"); do
    for case in "${order[@]}"; do time_one "$case"; done
    # Peak memory (and, without hyperfine, the wall time).
    for case in "${order[@]}"; do measure "$case"; done
    order=("${order[@]:1}" "${order[0]}")
done
for case in $cases; do
    # In the order of the rounds: the interval below draws whole rounds.
    if [ -s "$work/$case.ns" ]; then
        cat "$work/$case.ns"
    else
        cut -d' ' -f1 "$work/$case.runs"
    fi >"$work/$case.ordered"
    sort -n "$work/$case.ordered" | awk '
        # mean, sample standard deviation, median of the wall times, in ms
        { v[NR] = $1 / 1e6; s += v[NR] }
        END {
            m = s / NR
            for (i = 1; i <= NR; i++) d += (v[i] - m) ^ 2
            med = NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2
            printf "%.3f %.3f %.3f\n", m, sqrt(d / (NR - 1)), med
        }' >"$work/$case.wall"
done
for case in $cases; do
    cut -d' ' -f2 "$work/$case.runs" | sort -n | awk '
        { v[NR] = $1 }
        END { printf "%d\n", NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }' \
        >"$work/$case.rss"
done

echo "display: $AGENTFOLIO_BUDGET_DISPLAY; timing: $timer; $runs runs each"
echo "machine: $(nproc) CPU(s), $(uname -r); load average $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-34s %10s %8s %10s %12s\n' "" "mean ms" "sd ms" "median ms" "peak RSS KiB"
label() {
    case $1 in
    minimal) echo "minimal Qt program" ;;
    linked) echo "minimal, the app's libraries" ;;
    empty) echo "agentfolio, empty index" ;;
    tokens) echo "agentfolio, 10,000 tokens" ;;
    esac
}
for case in $cases; do
    read -r mean sd median <"$work/$case.wall"
    printf '%-34s %10s %8s %10s %12s\n' "$(label "$case")" "$mean" "$sd" "$median" \
        "$(cat "$work/$case.rss")"
done

median() { cut -d' ' -f3 "$work/$1.wall"; } # a case's median wall time, ms
# interval CASE: "LOW HIGH", the 95 % bootstrap interval of CASE's median wall time over the
# minimal program's (see the top of this file). The same seed each time: the same runs give
# the same interval with the same awk.
interval() {
    paste -d' ' "$work/minimal.ordered" "$work/$1.ordered" | awk '
        # The k-th smallest of a[1..n] (reorders a): Hoare selection.
        function kth(a, n, k,    lo, hi, i, j, p, t) {
            lo = 1; hi = n
            while (lo < hi) {
                p = a[int((lo + hi) / 2)]; i = lo; j = hi
                while (i <= j) {
                    while (a[i] < p) i++
                    while (a[j] > p) j--
                    if (i <= j) { t = a[i]; a[i] = a[j]; a[j] = t; i++; j-- }
                }
                if (k <= j) hi = j
                else if (k >= i) lo = i
                else return a[k]
            }
            return a[k]
        }
        function median(a, n) {
            return n % 2 ? kth(a, n, (n + 1) / 2) : (kth(a, n, n / 2) + kth(a, n, n / 2 + 1)) / 2
        }
        { base[NR] = $1; ours[NR] = $2 }
        END {
            srand(1)
            for (b = 1; b <= 2000; b++) {
                for (i = 1; i <= NR; i++) {
                    k = int(rand() * NR) + 1
                    if (k > NR) k = NR
                    x[i] = base[k]; y[i] = ours[k]
                }
                print median(y, NR) / median(x, NR)
            }
        }' | LC_ALL=C sort -g | sed -n '50p;1951p' | paste -sd' '
}
failed=0
# check WHAT CASE KIND TARGET: KIND is wall (medians) or rss.
check() {
    local what=$1 case=$2 kind=$3 target=$4 ours base verdict
    if [ "$kind" = wall ]; then
        ours=$(median "$case")
        base=$(median minimal)
    else
        ours=$(cat "$work/$case.rss")
        base=$(cat "$work/minimal.rss")
    fi
    verdict=$(awk -v a="$ours" -v b="$base" -v t="$target" \
        'BEGIN { r = a / b; printf "%.2f %s", r, (r <= t ? "ok" : "MISSED") }')
    local ratio=${verdict% *} word=${verdict#* } spread=
    if [ "$kind" = wall ]; then
        # Nothing (not 0.00 to 0.00) if the resampling printed nothing.
        spread=$(interval "$case" |
            awk 'NF == 2 { printf "95 %% interval %.2f to %.2f", $1, $2 }')
    fi
    if [ -n "$spread" ]; then
        printf '%-40s %5s x (target <= %s)  %-6s  %s\n' "$what" "$ratio" "$target" "$word" \
            "$spread"
    else
        printf '%-40s %5s x (target <= %s)  %s\n' "$what" "$ratio" "$target" "$word"
    fi
    [ "$word" = ok ] || failed=1
}
echo
check "start-up wall time, empty index" empty wall 1.3
check "start-up wall time, 10,000 tokens" tokens wall 1.5
check "peak memory, 10,000 tokens" tokens rss 1.5

# For information: the minimal window that loads the app's libraries. A difference of two
# medians, so as noisy as the wall times above.
echo
echo "information, no targets:"
[ -z "$linked_note" ] || echo "  $linked_note"
awk -v m="$(median minimal)" -v l="$(median linked)" -v e="$(median empty)" -v t="$(median tokens)" 'BEGIN {
    printf "  %-56s %+6.1f ms\n", "the libraries the app links (linked - minimal)", l - m
    printf "  %-56s %6.2f x\n", "the app over the linked minimal program, empty index", e / l
    printf "  %-56s %6.2f x\n", "the app over the linked minimal program, 10,000 tokens", t / l
}'
exit "$failed"
