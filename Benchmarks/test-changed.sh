#!/usr/bin/env bash
# Times `help test --changed` after one edit of a server module beside the full suite, on a git
# copy of the example, and says how many tests each ran. All runs use --no-cache so that none is
# answered from the result cache. The full suite is timed twice: first as on a fresh checkout
# (mypy's own cache cold, the reference of the target) and again after the edit with every tool's
# cache warm, which is what a developer who ran it before would see.
# Usage: Benchmarks/test-changed.sh [PROJECT_DIR] (default Examples/auth-service);
# HELP_BIN=/path/to/help measures another binary; RUNS=N repeats the --changed run (median).
source "$(dirname "$0")/common.sh"
cp -R "$source_project/." "$work/project"
cd "$work/project"
git init -q && git add -A && git -c user.email=b@example.com -c user.name=bench commit -qm base
export HOME="$work/home" XDG_CACHE_HOME="$work/cache" TMPDIR="$work/tmp" NO_COLOR=1
mkdir -p "$HOME" "$XDG_CACHE_HOME" "$TMPDIR"
"$help_bin" install >/dev/null 2>&1

# count JSON: the tests each run ran, summed over components.
count() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(sum((c.get("passed") or 0)+(c.get("failed") or 0) for x in d["components"] for c in x["checks"] if c["check"]=="tests"))'; }
timed() { local start end; start=$(date +%s.%N); "$help_bin" "$@" 2>/dev/null || true; end=$(date +%s.%N); echo "$end - $start" | bc >"$work/seconds"; }

timed test --all --no-cache --json >"$work/full.json"
full=$(cat "$work/seconds")
# One server module, a function body (hash_password): what a developer edits most.
sed -i "s/salt = secrets.token_bytes(16)/salt = secrets.token_bytes(8 * 2)/" server/app/security.py
for _ in $(seq "$runs"); do
    timed test --changed --no-cache --json >"$work/changed.json"
    cat "$work/seconds"
done | median >"$work/changed-median"
changed=$(cat "$work/changed-median")
timed test --all --no-cache --json >"$work/warm.json"
warm=$(cat "$work/seconds")
printf 'full suite, fresh checkout  %6.1f s  %s tests\n' "$full" "$(count <"$work/full.json")"
printf 'full suite, caches warm     %6.1f s  %s tests\n' "$warm" "$(count <"$work/warm.json")"
printf 'changed (1 edit, median %s) %6.1f s  %s tests  (%s%% faster than fresh, %s%% than warm)\n' "$runs" \
    "$changed" "$(count <"$work/changed.json")" \
    "$(echo "scale=0; 100 - 100 * $changed / $full" | bc)" "$(echo "scale=0; 100 - 100 * $changed / $warm" | bc)"
