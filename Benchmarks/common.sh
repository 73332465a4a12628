# Sourced by the benchmark scripts: the release binary (built when missing), a scratch folder
# removed on exit, and the timing helpers.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
source_project="${1:-$root/Examples/auth-service}"
runs="${RUNS:-3}"
help_bin="${HELP_BIN:-$root/.build/release/help}"
[ -x "$help_bin" ] || (cd "$root" && swift build -c release --product help >/dev/null)
work="$(mktemp -d /tmp/help-bench-XXXXXX)"
trap 'rm -rf "$work"' EXIT

seconds() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); echo "$end - $start" | bc; }
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
