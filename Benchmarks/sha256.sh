#!/bin/sh
# SHA-256 file hashing speed of `help hash` next to GNU sha256sum, on one random file in the page
# cache: sha256sum, then help with the SHA-NI kernel, then help with the portable Swift rounds,
# interleaved run by run. Prints the median of each in MB/s (10^6 bytes/s) and the ratios.
#
# Usage: Benchmarks/sha256.sh [size-in-MiB] [runs]   (run from the repository root; default 1024, 5)
# Needs the `hash` command of the help binary (`help hash FILE` printing sha256sum lines).
# HELP_BIN=/path/to/binary measures another binary that accepts `hash FILE` and skips the build.
set -eu
size_mib=${1:-1024}
runs=${2:-5}

if [ -z "${HELP_BIN:-}" ]; then
    swift build -c release --static-swift-stdlib >/dev/null
    HELP_BIN=.build/release/help
fi

work=$(mktemp -d /tmp/help-sha256-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM
file="$work/data.bin"

# The binary must print exactly what sha256sum prints, or its speed means nothing.
printf 'abc' > "$work/probe"
sha256sum "$work/probe" > "$work/probe.want"
"$HELP_BIN" hash "$work/probe" > "$work/probe.got" 2>/dev/null || true
if ! cmp -s "$work/probe.want" "$work/probe.got"; then
    echo "error: '$HELP_BIN hash FILE' does not print sha256sum's line (is the hash command there?)" >&2
    exit 69
fi

head -c "$((size_mib * 1048576))" /dev/urandom > "$file"
bytes=$(wc -c < "$file")
expected=$(sha256sum "$file" | cut -c1-64)

now() { date +%s%N; }

# time_one LABEL COMMAND...: appends the seconds one run took to $work/LABEL, checks the digest.
time_one() {
    label=$1
    shift
    start=$(now)
    digest=$("$@" | cut -c1-64)
    end=$(now)
    if [ "$digest" != "$expected" ]; then
        echo "error: $label printed $digest, expected $expected" >&2
        exit 1
    fi
    echo "$start $end" | awk '{ printf "%.6f\n", ($2 - $1) / 1e9 }' >> "$work/$label"
}

i=0
while [ "$i" -lt "$runs" ]; do
    time_one sha256sum sha256sum "$file"
    time_one ni env HELP_SHA256_IMPL=ni "$HELP_BIN" hash "$file"
    time_one swift env HELP_SHA256_IMPL=swift "$HELP_BIN" hash "$file"
    i=$((i + 1))
done

median() { sort -g "$work/$1" | awk '{ v[NR] = $1 } END { print (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

awk -v b="$bytes" -v runs="$runs" -v ref="$(median sha256sum)" -v ni="$(median ni)" -v sw="$(median swift)" \
    -v cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" \
    -v sha="$(grep -qw sha_ni /proc/cpuinfo && echo yes || echo no)" 'BEGIN {
  printf "file: %.0f MiB in the page cache, median of %d runs; CPU: %s (SHA-NI: %s)\n", b / 1048576, runs, cpu, sha
  printf "%-34s %8s %8s %10s\n", "", "seconds", "MB/s", "vs sha256sum"
  printf "%-34s %8.3f %8.0f %10.2fx\n", "sha256sum", ref, b / ref / 1e6, 1
  printf "%-34s %8.3f %8.0f %10.2fx\n", "help hash, HELP_SHA256_IMPL=ni", ni, b / ni / 1e6, ref / ni
  printf "%-34s %8.3f %8.0f %10.2fx\n", "help hash, HELP_SHA256_IMPL=swift", sw, b / sw / 1e6, ref / sw
}'
