#!/usr/bin/env bash
# Times `help test --changed` after one edit of a server module beside the full suite, on a git
# copy of the example, one run each side by side, and says how many tests each ran. Both run
# with --no-cache so that neither is answered from the result cache.
# Usage: Benchmarks/test-changed.sh [PROJECT_DIR] (default Examples/auth-service);
# HELP_BIN=/path/to/help measures another binary.
source "$(dirname "$0")/common.sh"
cp -R "$source_project/." "$work/project"
cd "$work/project"
git init -q && git add -A && git -c user.email=b@example.com -c user.name=bench commit -qm base
export HOME="$work/home" XDG_CACHE_HOME="$work/cache" TMPDIR="$work/tmp" NO_COLOR=1
mkdir -p "$HOME" "$XDG_CACHE_HOME" "$TMPDIR"
"$help_bin" install >/dev/null 2>&1

# count JSON: the tests each run ran, summed over components.
count() { python3 -c 'import json,sys; d=json.load(sys.stdin); print(sum((c.get("passed") or 0)+(c.get("failed") or 0) for x in d["components"] for c in x["checks"] if c["check"]=="tests"))'; }

start=$(date +%s.%N); "$help_bin" test --all --no-cache --json >"$work/full.json" 2>/dev/null || true; end=$(date +%s.%N)
full=$(echo "$end - $start" | bc)
# One server module, a function body (hash_password): what a developer edits most.
sed -i "s/salt = secrets.token_bytes(16)/salt = secrets.token_bytes(8 * 2)/" server/app/security.py
printf '\n# edited\n' >>server/app/security.py
start=$(date +%s.%N); "$help_bin" test --changed --no-cache --json >"$work/changed.json" 2>/dev/null || true; end=$(date +%s.%N)
changed=$(echo "$end - $start" | bc)
printf 'full suite        %6.1f s  %s tests\n' "$full" "$(count <"$work/full.json")"
printf 'changed (1 edit)  %6.1f s  %s tests  (%s%% faster)\n' "$changed" "$(count <"$work/changed.json")" \
    "$(echo "scale=0; 100 - 100 * $changed / $full" | bc)"
