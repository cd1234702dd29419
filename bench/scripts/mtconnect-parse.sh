#!/usr/bin/env bash
# MTConnect streams parsing throughput (JMH): a 6.5 MB /sample answer of the simulator's agent parsed
# whole; the megabytesParsed line is MB/s. Usage: bench/scripts/mtconnect-parse.sh [JMH options]
# (default -wi 2 -i 3 -f 1). Builds with package only: the shared ~/.m2 is never installed into.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
cd "$root"
cp_file="$(mktemp)"
trap 'rm -f "$cp_file"' EXIT
./mvnw -q -B -o -pl bench -am -DskipTests package dependency:build-classpath -Dmdep.outputFile="$cp_file" \
  -Dmdep.includeScope=runtime >&2
args=("$@")
[[ ${#args[@]} -gt 0 ]] || args=(-wi 2 -i 3 -f 1)
java -cp "bench/target/classes:$(cat "$cp_file")" org.openjdk.jmh.Main MtConnectStreamsParse "${args[@]}"
