#!/bin/sh
# Parse and encode speed of HelpSystem's JSONValue next to Python's json module (C accelerated),
# on the same generated document. Prints medians of 7 runs, in milliseconds and MB/s.
# Usage: Benchmarks/json.sh [size-in-MB]   (run from the repository root)
set -eu
size_mb=${1:-20}
work=$(mktemp -d /tmp/help-json-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
[ -n "${KEEP_BENCH:-}" ] && trap - EXIT && echo "work: $work"

python3 - "$work/doc.json" "$size_mb" <<'PY'
import json, random, sys
random.seed(7)
path, size = sys.argv[1], int(sys.argv[2]) << 20
def record(i):
    return {"id": i, "name": f"package-{i}", "version": f"{i % 10}.{i % 7}.{i % 13}",
            "score": random.random() * 1000, "tags": ["a", "é", "世界", "x\ny"], "ok": i % 2 == 0,
            "deps": {f"dep{j}": {"spec": ">=1.0", "optional": None} for j in range(3)}}
items, total, i = [], 0, 0
while total < size:
    items.append(record(i)); total += 330; i += 1
with open(path, "w") as f: json.dump(items, f, ensure_ascii=False)
PY

cat > "$work/main.swift" <<'SWIFT'
import Glibc
func now() -> Double { var t = timespec(); clock_gettime(CLOCK_MONOTONIC, &t); return Double(t.tv_sec) + Double(t.tv_nsec) / 1e9 }
func median(_ xs: [Double]) -> Double { xs.sorted()[xs.count / 2] }
let path = CommandLine.arguments[1]
let fd = open(path, O_RDONLY); var st = stat(); fstat(fd, &st)
var bytes = [UInt8](repeating: 0, count: Int(st.st_size)); var got = 0
while got < bytes.count { got += bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + got, $0.count - got) } }
var parse: [Double] = [], encode: [Double] = []
var value: JSONValue = nil
for _ in 0..<7 { let t = now(); value = try! JSONValue.parse(bytes); parse.append(now() - t) }
for _ in 0..<7 { let t = now(); _ = value.encodedBytes(); encode.append(now() - t) }
print("\(median(parse)) \(median(encode))")
SWIFT

swiftc -O -wmo -o "$work/bench" "$work/main.swift" Sources/HelpSystem/JSON*.swift Sources/HelpSystem/HelpError.swift Sources/HelpSystem/ExitCode.swift
read swift_parse swift_encode <<EOF2
$("$work/bench" "$work/doc.json")
EOF2

read py_parse py_encode <<EOF2
$(python3 - "$work/doc.json" <<'PY'
import json, sys, time
data = open(sys.argv[1], "rb").read()
def median(xs): return sorted(xs)[len(xs) // 2]
p, e = [], []
for _ in range(7):
    t = time.perf_counter(); v = json.loads(data); p.append(time.perf_counter() - t)
for _ in range(7):
    t = time.perf_counter(); json.dumps(v, ensure_ascii=False, separators=(",", ":")).encode(); e.append(time.perf_counter() - t)
print(median(p), median(e))
PY
)
EOF2

bytes=$(wc -c < "$work/doc.json")
awk -v b="$bytes" -v sp="$swift_parse" -v se="$swift_encode" -v pp="$py_parse" -v pe="$py_encode" 'BEGIN {
  mb = b / 1048576
  printf "document: %.1f MB\n", mb
  printf "%-28s %10s %10s\n", "", "ms", "MB/s"
  printf "%-28s %10.1f %10.0f\n", "JSONValue.parse", sp * 1000, mb / sp
  printf "%-28s %10.1f %10.0f\n", "python3 json.loads", pp * 1000, mb / pp
  printf "%-28s %10.1f %10.0f\n", "JSONValue.encodedBytes", se * 1000, mb / se
  printf "%-28s %10.1f %10.0f\n", "python3 json.dumps", pe * 1000, mb / pe
}'
