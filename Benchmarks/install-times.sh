#!/usr/bin/env bash
# Times `help install` on the example server: first install (empty wheelhouse and pip cache),
# "up to date" (nothing changed), and an offline rebuild after deleting .venv; beside each, the
# plain reference (python3 -m venv + pip install -r). Prints medians of RUNS runs (default 3).
# Usage: Benchmarks/install-times.sh [PROJECT_DIR] (default Examples/auth-service)
. "$(dirname "$0")/common.sh"

first=(); uptodate=(); offline=(); ref_first=(); ref_offline=()
for run in $(seq "$runs"); do
  export XDG_CACHE_HOME="$work/cache-$run" PIP_CACHE_DIR="$work/pip-cache-$run" HELP_INSTALLER=pip
  project="$work/project-$run"; cp -R "$source_project" "$project"; rm -rf "$project"/*/.venv "$project/.helpcache"
  first+=("$(cd "$project" && seconds "$help_bin" install --server)")
  uptodate+=("$(cd "$project" && seconds "$help_bin" install --server)")
  rm -rf "$project/server/.venv"
  offline+=("$(cd "$project" && seconds "$help_bin" install --offline --server)")
  # Reference: what a developer types by hand, cold pip cache, then again with the cache warm.
  export PIP_CACHE_DIR="$work/ref-cache-$run"; ref="$work/ref-$run"
  ref_first+=("$(seconds sh -c "python3 -m venv '$ref' && '$ref/bin/pip' install -q -r '$project/server/requirements-dev.txt'")")
  rm -rf "$ref"
  ref_offline+=("$(seconds sh -c "python3 -m venv '$ref' && '$ref/bin/pip' install -q -r '$project/server/requirements-dev.txt'")")
  rm -rf "$ref"
done

printf '%-34s %10s   %s\n' "case (median of $runs)" "help" "reference"
printf '%-34s %9.2fs   %.2fs (venv + pip install -r, cold cache)\n' "first install" "$(printf '%s\n' "${first[@]}" | median)" "$(printf '%s\n' "${ref_first[@]}" | median)"
printf '%-34s %9.3fs   -\n' "up to date" "$(printf '%s\n' "${uptodate[@]}" | median)"
first_median=$(printf '%s\n' "${first[@]}" | median); offline_median=$(printf '%s\n' "${offline[@]}" | median)
printf '%-34s %9.2fs   %.2fs (venv + pip install -r, warm cache)\n' "offline rebuild (.venv deleted)" "$offline_median" "$(printf '%s\n' "${ref_offline[@]}" | median)"
printf 'offline rebuild: %s%% less time than the first install\n' "$(echo "scale=0; 100 - 100 * $offline_median / $first_median" | bc)"
