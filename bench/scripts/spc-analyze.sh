#!/usr/bin/env bash
# Wall time of `./cncvision spc analyze` on 1,000,000 measurements (200,000 subgroups of 5), all Nelson
# rules and capability, JVM start included. Usage: bench/scripts/spc-analyze.sh [runs]
set -euo pipefail
runs="${1:-5}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
[[ -f "$root/app/target/cncvision-exec.jar" ]] || (cd "$root" && ./mvnw -q -B -DskipTests package)
data="$(mktemp -d)"
trap 'rm -rf "$data"' EXIT
# Normal measurements, seeded, so every run and every machine reads the same file.
python3 - "$data/measurements.csv" <<'PY'
import random, sys
random.seed(7)
with open(sys.argv[1], "w") as f:
    f.write("subgroup,value\n")
    for g in range(1, 200001):
        for _ in range(5):
            f.write(f"{g},{random.gauss(74.0, 0.01):.5f}\n")
PY
"$root/cncvision" spc analyze --chart xbar-r --phase1 25 --lsl 73.95 --usl 74.05 "$data/measurements.csv" > /dev/null  # warm the page cache
times=()
for i in $(seq 1 "$runs"); do
  start=$(date +%s%N)
  "$root/cncvision" spc analyze --chart xbar-r --phase1 25 --lsl 73.95 --usl 74.05 --rules nelson \
    "$data/measurements.csv" > "$data/out.json"
  t=$(( ($(date +%s%N) - start) / 1000000 ))
  echo "run $i: ${t} ms"
  times+=("$t")
done
python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print('points', len(d['points']), 'with signals', sum(1 for p in d['points'] if p['signals']))" "$data/out.json"
printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "median %d ms, min %d ms, max %d ms over %d runs\n", m, a[1], a[NR], NR}'
