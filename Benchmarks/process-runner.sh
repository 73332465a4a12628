#!/bin/sh
# Child process costs of HelpSystem's PosixProcessRunner next to Python's subprocess module
# (CPython's C fork/exec path), on the same machine and commands. Prints medians of 7 runs:
#   spawn: run `true` N times with captured output (microseconds per child)
#   capture: a child writing S MB to stdout and S MB to stderr, captured (MB/s over both)
#   lines: `seq 1 L` streamed line by line (lines per second)
# Usage: Benchmarks/process-runner.sh [spawns] [megabytes] [lines]   (from the repository root)
set -eu
spawns=${1:-300}
megabytes=${2:-64}
lines=${3:-500000}
work=$(mktemp -d /tmp/help-runner-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT

cat > "$work/main.swift" <<'SWIFT'
import Glibc
func now() -> Double { var t = timespec(); clock_gettime(CLOCK_MONOTONIC, &t); return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9 }
func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
let spawns = Int(CommandLine.arguments[1])!, megabytes = Int(CommandLine.arguments[2])!, lines = Int(CommandLine.arguments[3])!
let quiet = Console(style: .init(), stdout: { _ in }, stderr: { _ in })
let runner = PosixProcessRunner(environment: Environment.current().values, console: quiet)
var spawn: [Double] = [], capture: [Double] = [], stream: [Double] = []
let script = "head -c \(megabytes << 20) /dev/zero & head -c \(megabytes << 20) /dev/zero >&2; wait"
for _ in 0..<7 {
    var t = now()
    for _ in 0..<spawns { _ = try! runner.run(Command("true")) }
    spawn.append((now() - t) / Double(spawns) * 1e6)
    t = now()
    let result = try! runner.run(Command("sh", ["-c", script]))
    precondition(result.stdout.utf8.count == megabytes << 20 && result.stderr.utf8.count == megabytes << 20)
    capture.append(Double(2 * megabytes) / (now() - t))
    t = now()
    _ = try! runner.run(Command("seq", ["1", String(lines)], output: .stream(prefix: "seq")))
    stream.append(Double(lines) / (now() - t))
}
print(Int(median(spawn)), Int(median(capture)), Int(median(stream)))
SWIFT

swiftc -O -wmo -o "$work/bench" "$work/main.swift" Sources/HelpSystem/*.swift 2>&1 | grep -v warning || true

cat > "$work/bench.py" <<'PY'
import subprocess, sys, time, statistics
spawns, megabytes, lines = map(int, sys.argv[1:4])
script = f"head -c {megabytes << 20} /dev/zero & head -c {megabytes << 20} /dev/zero >&2; wait"
spawn, capture, stream = [], [], []
for _ in range(7):
    t = time.monotonic()
    for _ in range(spawns): subprocess.run(["true"], capture_output=True)
    spawn.append((time.monotonic() - t) / spawns * 1e6)
    t = time.monotonic()
    r = subprocess.run(["sh", "-c", script], capture_output=True)
    assert len(r.stdout) == megabytes << 20 and len(r.stderr) == megabytes << 20
    capture.append(2 * megabytes / (time.monotonic() - t))
    t = time.monotonic()
    with subprocess.Popen(["seq", "1", str(lines)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as p:
        for line in p.stdout: pass
    stream.append(lines / (time.monotonic() - t))
print(int(statistics.median(spawn)), int(statistics.median(capture)), int(statistics.median(stream)))
PY

set -- $("$work/bench" "$spawns" "$megabytes" "$lines")
help_spawn=$1 help_capture=$2 help_lines=$3
set -- $(python3 "$work/bench.py" "$spawns" "$megabytes" "$lines")
py_spawn=$1 py_capture=$2 py_lines=$3
printf '%-28s %14s %18s\n' "measure (median of 7)" "help runner" "python subprocess"
printf '%-28s %14s %18s\n' "spawn+wait true (us/child)" "$help_spawn" "$py_spawn"
printf '%-28s %14s %18s\n' "capture 2x${megabytes} MB (MB/s)" "$help_capture" "$py_capture"
printf '%-28s %14s %18s\n' "stream ${lines} lines (lines/s)" "$help_lines" "$py_lines"
