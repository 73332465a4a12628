#!/usr/bin/env bash
# Times `help run` on the example until GET /health first answers 200: from a fresh copy (no
# .venv, .env or database; empty pip cache and wheelhouse) and warm (everything in place), beside
# the same by hand: venv + pip install -r + .env + alembic upgrade head + uvicorn --reload fresh,
# and warm both `alembic upgrade head && uvicorn --reload` and uvicorn --reload alone (the floor).
# Each run is stopped with SIGINT. Prints medians: FRESH_RUNS fresh runs (default 1), RUNS warm
# runs (default 7), the commands alternating so load from elsewhere hits both alike.
# Usage: Benchmarks/run-times.sh [PROJECT_DIR] (default Examples/auth-service)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source_project="${1:-$root/Examples/auth-service}"
fresh_runs="${FRESH_RUNS:-1}"
runs="${RUNS:-7}"
help_bin="${HELP_BIN:-$root/.build/release/help}"
[ -x "$help_bin" ] || (cd "$root" && swift build -c release --product help >/dev/null)
work="$(mktemp -d /tmp/help-bench-run-XXXXXX)"
port=$((20000 + $$ % 20000))
trap 'rm -rf "$work"' EXIT

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

# Starts "$@" in its own process group (setsid), waits for the first 200 from /health, prints the
# seconds it took, then stops the group with SIGINT and waits for it.
first_200() {
  local folder=$1; shift
  local start end pid
  start=$(date +%s.%N)
  (cd "$folder" && exec setsid "$@" >"$work/last.log" 2>&1) &
  pid=$!
  until [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/health" 2>/dev/null)" = 200 ]; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "failed: $*" >&2; tail -20 "$work/last.log" >&2; return 1; fi
    sleep 0.02
  done
  end=$(date +%s.%N)
  kill -INT -- "-$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  echo "$end - $start" | bc
}

fresh_copy() {
  rm -rf "$1"; cp -R "$source_project" "$1"
  rm -rf "$1"/*/.venv "$1/.helpcache" "$1/server/.env" "$1/server/dev.db"
}

by_hand() {
  local server=$1/server
  python3 -m venv "$server/.venv" && "$server/.venv/bin/pip" install -q -r "$server/requirements-dev.txt" &&
    printf 'DATABASE_URL=sqlite:///./dev.db\nSECRET_KEY=%s\n' "$(python3 -c 'import secrets; print(secrets.token_urlsafe(32))')" >"$server/.env" &&
    (cd "$server" && .venv/bin/python -m alembic upgrade head >/dev/null 2>&1) &&
    cd "$server" && exec .venv/bin/python -m uvicorn app.main:app --reload --host 127.0.0.1 --port "$port"
}
export -f by_hand
export port

help_fresh=(); hand_fresh=()
for run in $(seq "$fresh_runs"); do
  export XDG_CACHE_HOME="$work/cache-$run" PIP_CACHE_DIR="$work/pip-$run" HELP_INSTALLER=pip
  fresh_copy "$work/help-$run"
  help_fresh+=("$(first_200 "$work/help-$run" "$help_bin" run --port "$port")")
  export PIP_CACHE_DIR="$work/pip-hand-$run"
  fresh_copy "$work/hand-$run"
  hand_fresh+=("$(first_200 "$work/hand-$run" bash -c "by_hand '$work/hand-$run'")")
done

project="$work/help-$fresh_runs"
server="$project/server"
help_warm=(); hand_warm=(); uvicorn_warm=()
for _ in $(seq "$runs"); do
  help_warm+=("$(first_200 "$project" "$help_bin" run --port "$port")")
  hand_warm+=("$(first_200 "$server" bash -c ".venv/bin/python -m alembic upgrade head >/dev/null 2>&1 && exec .venv/bin/python -m uvicorn app.main:app --reload --host 127.0.0.1 --port $port")")
  uvicorn_warm+=("$(first_200 "$server" .venv/bin/python -m uvicorn app.main:app --reload --host 127.0.0.1 --port "$port")")
done

printf '%-44s %9s\n' "time to first 200 from GET /health" "seconds"
printf '%-44s %9.2f\n' "help run, fresh copy (median of $fresh_runs)" "$(printf '%s\n' "${help_fresh[@]}" | median)"
printf '%-44s %9.2f\n' "by hand, fresh copy (median of $fresh_runs)" "$(printf '%s\n' "${hand_fresh[@]}" | median)"
printf '%-44s %9.2f\n' "help run, warm (median of $runs)" "$(printf '%s\n' "${help_warm[@]}" | median)"
printf '%-44s %9.2f\n' "alembic upgrade head + uvicorn, warm" "$(printf '%s\n' "${hand_warm[@]}" | median)"
printf '%-44s %9.2f\n' "uvicorn --reload alone, warm" "$(printf '%s\n' "${uvicorn_warm[@]}" | median)"
