#!/usr/bin/env bash
# Resource figures: peak RSS of a no-op `help cache key` on a 100k-file git tree (goal < 50 MB)
# and of `help test` on Examples/auth-service (help itself and, separately, its largest child),
# and the size of the static release binary, unstripped and stripped (goal <= 12 MB).
#
#   Benchmarks/resources.sh        (HELP_BIN=/path/to/help skips the release build)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
if [ -z "${HELP_BIN:-}" ]; then
  (cd "$root" && swift build -c release --static-swift-stdlib --product help >/dev/null)
  HELP_BIN="$root/.build/release/help"
fi
work="$(mktemp -d /tmp/help-resources-XXXXXX)"
trap 'rm -rf "$work"' EXIT
export HOME="$work/home" XDG_CACHE_HOME="$work/cache" TMPDIR="$work/tmp" NO_COLOR=1 HELP_INSTALLER=pip
mkdir -p "$HOME" "$XDG_CACHE_HOME" "$TMPDIR"

# peak_kb COMMAND…: GNU time's maximum resident set size of COMMAND (help alone, not its children).
peak_kb() { /usr/bin/time -f "%M" -o "$work/rss" "$@" >/dev/null 2>&1 || true; tail -1 "$work/rss"; }
mb() { awk -v kb="$1" 'BEGIN { printf "%.1f MB", kb / 1024 }'; }

python3 - "$work/tree" 100000 <<'PY'
import os, sys
root, count = sys.argv[1], int(sys.argv[2])
for i in range(count):
    folder = os.path.join(root, "pkg%03d" % (i // 100))
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "m%05d.py" % i), "w") as f:
        f.write("VALUE = %d\n" % i)
PY
(cd "$work/tree" && git init -q && git add -A && git -c user.email=b@localhost -c user.name=b commit -qm tree)
"$HELP_BIN" -C "$work/tree" cache key . >/dev/null
noop=$(peak_kb "$HELP_BIN" -C "$work/tree" cache key .)
echo "no-op cache key, 100k files:  $(mb "$noop") peak RSS (goal < 50 MB)"

cp -R "$root/Examples/auth-service" "$work/auth"
(cd "$work/auth" && git init -q && git add -A && git -c user.email=b@localhost -c user.name=b commit -qm start)
"$HELP_BIN" -C "$work/auth" install >/dev/null 2>&1 || true
# help's own peak: its status file just before it exits is not reachable, so run it under a
# wrapper that reads /proc/<pid>/status (VmHWM) while it runs; the largest child comes from time.
"$HELP_BIN" -C "$work/auth" test --no-cache >/dev/null 2>&1 &
pid=$!
own=0
while kill -0 "$pid" 2>/dev/null; do
  hwm=$(awk '/VmHWM/ {print $2}' "/proc/$pid/status" 2>/dev/null || true)
  [ -n "$hwm" ] && [ "$hwm" -gt "$own" ] && own=$hwm
  sleep 0.05
done
wait "$pid" || true
children=$(peak_kb "$HELP_BIN" -C "$work/auth" test --no-cache)
echo "help test on the example:     $(mb "$own") peak RSS of help, $(mb "$children") of help or its largest child"

size=$(stat -c %s "$HELP_BIN")
strip -o "$work/help-stripped" "$HELP_BIN"
stripped=$(stat -c %s "$work/help-stripped")
awk -v a="$size" -v b="$stripped" -v bin="$HELP_BIN" 'BEGIN { printf "binary (%s): %.1f MB, stripped %.1f MB (goal <= 12 MB for the static release build)\n", bin, a / 1048576, b / 1048576 }'
