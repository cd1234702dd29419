#!/usr/bin/env bash
# Time from `./cncvision demo` launched to /actuator/health answering UP, on a built jar.
# Usage: bench/scripts/demo-startup.sh [runs] [port]
# Each run starts from an empty data directory but after one warm-up run, so the PostgreSQL binaries
# are already unpacked (as on any start after the first); prints each run and median, min and max.
set -euo pipefail
runs="${1:-5}"
port="${2:-18080}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
[[ -f "$root/app/target/cncvision-exec.jar" ]] || (cd "$root" && ./mvnw -q -B -DskipTests package)

one_run() {
  local dir start pid elapsed
  dir="$(mktemp -d)"
  start=$(date +%s%N)
  (cd "$dir" && exec "$root/cncvision" demo --server.port "$port" > "$dir/demo.log" 2>&1) &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health" | grep -q '"UP"'; do
    if ! kill -0 "$pid" 2>/dev/null; then echo "demo exited; see $dir/demo.log" >&2; exit 1; fi
    sleep 0.05
  done
  elapsed=$(( ($(date +%s%N) - start) / 1000000 ))
  kill "$pid"; wait "$pid" 2>/dev/null || true
  rm -rf "$dir"
  echo "$elapsed"
}

one_run > /dev/null   # warm-up: unpacks the PostgreSQL binaries once
times=()
for i in $(seq 1 "$runs"); do
  t=$(one_run)
  echo "run $i: ${t} ms to healthy"
  times+=("$t")
done
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median %d ms, min %d ms, max %d ms over %d runs\n", m, a[1], a[NR], NR}'
