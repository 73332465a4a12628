#!/bin/sh
# Cache key speed of `help cache key` next to git and sha256sum, on synthetic git repositories of
# 10k and 100k small files (built in /tmp, committed, removed afterwards). Prints medians in ms:
#
#   cold      first key of a tree: no .helpcache yet, every file read and hashed
#   no-op     key again with nothing changed (warm stat cache): compare with `git status`
#   rehash    key with the stat cache dropped (files in the page cache): compare with sha256sum
#
# Usage: Benchmarks/cache.sh [runs]   (run from the repository root; default 7)
# Needs the `cache key PATH [--rehash]` command of the help binary, printing
# `<64 hex> files=N hashed=M source=git ms=T`. HELP_BIN=/path/to/binary measures another binary
# that accepts the same arguments and skips the build.
set -eu
runs=${1:-7}

if [ -z "${HELP_BIN:-}" ]; then
    swift build -c release --static-swift-stdlib >/dev/null
    HELP_BIN=.build/release/help
fi

work=$(mktemp -d /tmp/help-cache-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT INT TERM

now() { date +%s%N; }

# make_tree DIR COUNT: COUNT small Python files, 100 per folder, committed in a fresh repository.
make_tree() {
    python3 - "$1" "$2" <<'EOF'
import os, sys
root, count = sys.argv[1], int(sys.argv[2])
for i in range(count):
    folder = os.path.join(root, "src", "m%03d" % (i // 1000), "p%02d" % ((i // 100) % 10))
    if i % 100 == 0:
        os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "f%06d.py" % i), "w") as f:
        f.write("# file %d\nvalue = %d\n%s\n" % (i, i * 7919, "x" * (i % 200)))
with open(os.path.join(root, ".gitignore"), "w") as f:
    f.write(".helpcache/\n")
EOF
    git -C "$1" init -q
    git -C "$1" add -A
    git -C "$1" -c user.name=bench -c user.email=bench@example.com commit -qm tree
}

# time_run FILE COMMAND...: appends the milliseconds one run took to FILE; output goes to $work/out.
time_run() {
    file=$1
    shift
    start=$(now)
    "$@" > "$work/out"
    end=$(now)
    echo "$start $end" | awk '{ printf "%.3f\n", ($2 - $1) / 1e6 }' >> "$file"
}

median() { sort -g "$1" | awk '{ v[NR] = $1 } END { printf "%.1f", (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }

# check_key COUNT: the last key run printed a key over COUNT files.
check_key() {
    if ! grep -Eq "^[0-9a-f]{64} files=$1 " "$work/out"; then
        echo "error: '$HELP_BIN cache key' printed '$(cat "$work/out")', expected a key over $1 files" >&2
        exit 1
    fi
}

printf '%-7s %9s %9s %9s %9s %9s %9s %9s\n' files cold no-op git-status ratio rehash sha256sum ratio
for count in 10000 100000; do
    tree="$work/t$count"
    mkdir -p "$tree"
    make_tree "$tree" "$count"
    sleep 3  # a settled checkout: files written seconds ago would count as racy and be re-read
    rm -f "$work"/*.ms
    i=0
    while [ "$i" -lt "$runs" ]; do
        rm -rf "$tree/.helpcache"
        time_run "$work/cold.ms" "$HELP_BIN" cache key "$tree"
        check_key "$((count + 1))"
        time_run "$work/rehash.ms" "$HELP_BIN" cache key "$tree" --rehash
        check_key "$((count + 1))"
        time_run "$work/sha.ms" sh -c 'cd "$1" && git ls-files -z | xargs -0 sha256sum' sh "$tree"
        # Creating .helpcache just moved the tree's top folder; let that age past the racy
        # window, as it has in a checkout nobody is touching, and settle the caches once.
        sleep 3
        "$HELP_BIN" cache key "$tree" > /dev/null
        time_run "$work/noop.ms" "$HELP_BIN" cache key "$tree"
        check_key "$((count + 1))"
        time_run "$work/status.ms" git -C "$tree" status --porcelain
        i=$((i + 1))
    done
    cold=$(median "$work/cold.ms")
    noop=$(median "$work/noop.ms")
    status=$(median "$work/status.ms")
    rehash=$(median "$work/rehash.ms")
    sha=$(median "$work/sha.ms")
    printf '%-7s %9s %9s %9s %8sx %9s %9s %8sx\n' "$count" "$cold" "$noop" "$status" \
        "$(echo "$noop $status" | awk '{ printf "%.2f", $1 / $2 }')" "$rehash" "$sha" \
        "$(echo "$rehash $sha" | awk '{ printf "%.2f", $1 / $2 }')"
    rm -rf "$tree"
done
echo "(medians of $runs runs in ms; ratio = help / reference, lower is better)"
