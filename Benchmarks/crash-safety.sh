#!/usr/bin/env bash
# help SIGKILLed at random moments of install, `help run`'s .env, `version --bump` and cache
# writes, KILLS times (default 200), each kill followed by the checks of
# Tests/EndToEndTests/CrashSafetyEndToEndTests.swift. Prints the closing tally.
#
#   Benchmarks/crash-safety.sh [KILLS] [SEED]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
swift build --build-tests >/dev/null
export HELP_CRASH_KILLS="${1:-200}"
[ -n "${2:-}" ] && export HELP_CRASH_SEED="$2"
status=0
swift test --skip-build --filter CrashSafetyEndToEndTests >"${TMPDIR:-/tmp}/help-crash-safety.log" 2>&1 || status=$?
grep -E "crash safety:|recorded an issue|Test run with" "${TMPDIR:-/tmp}/help-crash-safety.log" | grep -v "^↳"
exit "$status"
