#!/usr/bin/env bash
# What the ./help wrapper adds on a warm run: the median wall time of `./help --version` next to
# `.build/release/help --version` run directly, and the difference (the goal is under 20 ms).
# Usage: Benchmarks/wrapper.sh [RUNS]   (default 30 runs each, after one warm-up)
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}

./help --version >/dev/null # builds first if needed, so every measured run is warm

# Wall time of one run in microseconds, from bash's EPOCHREALTIME (no extra fork).
time_us() {
    local start end
    start=${EPOCHREALTIME/./}
    "$@" >/dev/null
    end=${EPOCHREALTIME/./}
    echo $((end - start))
}

median() { sort -n | sed -n "$(((runs + 1) / 2))p"; }

# The two commands alternate, so a burst of load from elsewhere hits both alike.
wrapped_samples=() direct_samples=()
for ((i = 0; i < runs; i++)); do
    wrapped_samples+=("$(time_us ./help --version)")
    direct_samples+=("$(time_us .build/release/help --version)")
done

ms() { printf '%d.%02d' $(($1 / 1000)) $(($1 % 1000 / 10)); }

wrapped=$(printf '%s\n' "${wrapped_samples[@]}" | median)
direct=$(printf '%s\n' "${direct_samples[@]}" | median)
overhead=$((wrapped - direct))
sign=""
if ((overhead < 0)); then sign="-" overhead=$((-overhead)); fi
printf '%-36s %10s\n' "command ($runs runs, median)" "ms"
printf '%-36s %10s\n' "./help --version" "$(ms "$wrapped")"
printf '%-36s %10s\n' ".build/release/help --version" "$(ms "$direct")"
printf '%-36s %10s\n' "wrapper overhead" "$sign$(ms "$overhead")"

if command -v hyperfine >/dev/null 2>&1; then
    echo
    hyperfine --warmup 3 --runs "$runs" -N './help --version' '.build/release/help --version'
fi
