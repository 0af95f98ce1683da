#!/bin/sh
# Runs every libFuzzer harness (or the ones named) for a fixed number of runs, each over a
# scratch copy of its seed corpus in the build directory: the committed corpus is never
# changed. Prints, per harness, the runs done, coverage, features, execs/s and the time;
# exits non-zero when any harness crashed or broke an invariant, keeping the reproducer.
#
#   tests/fuzz/run-fuzzers.sh BUILD_DIR [RUNS] [HARNESS...]
#
# BUILD_DIR is configured with AGENTFOLIO_FUZZ=ON (and, as CI does, AGENTFOLIO_SANITIZE=ON);
# RUNS defaults to 200000 per harness. FUZZ_SEED=N makes a run repeatable (default: random,
# printed). Reproduce a finding with: BUILD_DIR/tests/fuzz/HARNESS CRASH_FILE
set -u

usage() {
    echo "usage: $0 BUILD_DIR [RUNS] [HARNESS...]" >&2
    exit 2
}
[ $# -ge 1 ] || usage
build=$(cd "$1" 2>/dev/null && pwd) || { echo "no build directory $1" >&2; exit 2; }
shift
runs=200000
if [ $# -ge 1 ]; then
    runs=$1
    shift
fi
case $runs in '' | *[!0-9]*) usage ;; esac

here=$(cd "$(dirname "$0")" && pwd)
all="fuzz_create_response fuzz_portfolio_list fuzz_created_token fuzz_error_body fuzz_amount
fuzz_names fuzz_ip_list fuzz_expiry_text fuzz_index_loader"
harnesses=${*:-$all}

# Long enough for every realistic input of each kind, short enough to stay fast.
max_len() {
    case $1 in
    fuzz_amount | fuzz_expiry_text) echo 64 ;;
    fuzz_names) echo 128 ;;
    fuzz_ip_list) echo 1024 ;; # room for more than the 100 entries allowed
    fuzz_created_token) echo 2048 ;;
    fuzz_create_response | fuzz_error_body) echo 4096 ;;
    fuzz_portfolio_list | fuzz_index_loader) echo 8192 ;;
    *) echo 4096 ;;
    esac
}
uses_json() {
    case $1 in
    fuzz_amount | fuzz_names | fuzz_ip_list | fuzz_expiry_text) return 1 ;;
    *) return 0 ;;
    esac
}

# Leaks are reported per input by libFuzzer; an invariant or UB stops at once.
export ASAN_OPTIONS="${ASAN_OPTIONS:-abort_on_error=1:detect_leaks=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}"
export QT_QPA_PLATFORM=offscreen

failed=0
summary=""
for harness in $harnesses; do
    binary="$build/tests/fuzz/$harness"
    seeds="$here/corpus/$harness"
    work="$build/tests/fuzz/work/$harness"
    artifacts="$build/tests/fuzz/artifacts/$harness"
    if [ ! -x "$binary" ]; then
        echo "$harness: not built ($binary); build the 'fuzzers' target" >&2
        failed=1
        summary="$summary
$harness: NOT BUILT"
        continue
    fi
    rm -rf "$work"
    mkdir -p "$work/corpus" "$artifacts"
    [ -d "$seeds" ] && cp "$seeds"/* "$work/corpus/" 2>/dev/null
    set -- -runs="$runs" -max_len="$(max_len "$harness")" -timeout=10 -rss_limit_mb=2048 \
        -print_final_stats=1 -artifact_prefix="$artifacts/"
    uses_json "$harness" && set -- "$@" -dict="$here/json.dict"
    [ -n "${FUZZ_SEED:-}" ] && set -- "$@" -seed="$FUZZ_SEED"

    echo "== $harness: $runs runs"
    start=$(date +%s)
    "$binary" "$@" "$work/corpus" >"$work/log.txt" 2>&1
    status=$?
    seconds=$(($(date +%s) - start))

    done_runs=$(sed -n 's/^Done \([0-9]*\) runs.*/\1/p' "$work/log.txt" | tail -n 1)
    last=$(grep -E '^#[0-9]+.*cov: ' "$work/log.txt" | tail -n 1)
    cov=$(echo "$last" | sed -n 's/.*cov: \([0-9]*\).*/\1/p')
    ft=$(echo "$last" | sed -n 's/.* ft: \([0-9]*\).*/\1/p')
    speed=$(sed -n 's/^stat::average_exec_per_sec:[[:space:]]*\([0-9]*\).*/\1/p' "$work/log.txt")
    # libFuzzer says 0 for a run shorter than a second.
    if [ -n "$done_runs" ] && [ "${speed:-0}" -eq 0 ]; then
        if [ "$seconds" -gt 0 ]; then speed=$((done_runs / seconds)); else speed=">$done_runs"; fi
    fi
    seed=$(sed -n 's/.*Seed: \([0-9]*\).*/\1/p' "$work/log.txt" | head -n 1)
    corpus=$(ls "$work/corpus" | wc -l)
    line="$harness: runs ${done_runs:-?} cov ${cov:-?} ft ${ft:-?} exec/s ${speed:-?} corpus $corpus time ${seconds}s seed ${seed:-?}"

    if [ $status -ne 0 ] || [ -z "$done_runs" ]; then
        failed=1
        crash=$(sed -n 's/.*Test unit written to \(.*\)$/\1/p' "$work/log.txt" | tail -n 1)
        grep -E 'INVARIANT VIOLATED|ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error' \
            "$work/log.txt" | head -n 5
        echo "$harness: FAILED (exit $status); log $work/log.txt"
        [ -n "$crash" ] && echo "$harness: reproducer kept at $crash"
        line="$line FAILED${crash:+ reproducer $crash}"
    else
        echo "$line"
    fi
    summary="$summary
$line"
done

echo "== summary$summary"
exit $failed
