#!/usr/bin/env bash
# Times `help build` on a fresh copy of the example: first build (environments created, build
# installed), all-restored build (nothing changed), and a one-component rebuild after editing a
# python-client file; beside them, the reference: the same tools by hand (python -m build in the
# existing environment plus npm pack), which is what a first or one-component build costs at least.
# Prints medians of RUNS runs (default 3).
# Usage: Benchmarks/build-times.sh [PROJECT_DIR] (default Examples/auth-service)
. "$(dirname "$0")/common.sh"

first=(); restored=(); one=(); reference=()
for run in $(seq "$runs"); do
  export XDG_CACHE_HOME="$work/cache-$run" HELP_INSTALLER=pip
  project="$work/project-$run"; cp -R "$source_project" "$project"; rm -rf "$project"/*/.venv "$project/.helpcache" "$project/dist"
  first+=("$(cd "$project" && seconds "$help_bin" build)")
  restored+=("$(cd "$project" && seconds "$help_bin" build)")
  echo "# edited $run" >> "$project/python-client/src/auth_client/__init__.py"
  one+=("$(cd "$project" && seconds "$help_bin" build)")
  reference+=("$(seconds sh -c "cd '$project/python-client' && .venv/bin/python -m build --sdist --wheel --outdir '$work/ref-$run' && cd ../js-client && npm pack --pack-destination '$work/ref-$run'")")
done

f="$(printf '%s\n' "${first[@]}" | median)"; r="$(printf '%s\n' "${restored[@]}" | median)"
printf '%-34s %9s   %s\n' "case (median of $runs)" "help" "reference"
printf '%-34s %8.2fs   %.2fs (python -m build + npm pack by hand, environment ready)\n' "first build" "$f" "$(printf '%s\n' "${reference[@]}" | median)"
printf '%-34s %8.3fs   %.1f%% faster than the first build\n' "all restored (nothing changed)" "$r" "$(echo "100 - 100 * $r / $f" | bc -l)"
printf '%-34s %8.2fs   -\n' "one component rebuilt" "$(printf '%s\n' "${one[@]}" | median)"
