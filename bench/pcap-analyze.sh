#!/usr/bin/env bash
# End-to-end throughput of `analyze` (read + map + track + report written). Not part of `mvn verify`.
# Writes a capture of realistic OMD traffic with the simulator (config/demo.yaml: five channels on two
# lines each plus the DR channel, the message mix of the spec tables, several messages a packet) in
# simulated time, then analyses it PASSES times and prints packets/s and MB/s per pass. The file was
# just written, so it is read from the page cache: this measures the analysis, not the disk.
# Usage: bench/pcap-analyze.sh [FILE [SECONDS_OF_TRAFFIC [RATE [PASSES]]]]
#        default /tmp/omd-analyze-bench.pcap 360 4000 3 (about 1.1 GB, 3.9 M packets)
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:-/tmp/omd-analyze-bench.pcap}
seconds=${2:-360}
rate=${3:-4000}
passes=${4:-3}
out=$(mktemp -d /tmp/omd-analyze-bench.XXXXXX)
trap 'rm -rf "$out" "$file"' EXIT

mvn -q -B -DskipTests package
jar=target/omd-prt-monitor.jar
java -Xmx1g -jar "$jar" simulate --config config/demo.yaml --duration "${seconds}s" --rate "$rate" --seed 1 \
  --no-send --pcap-out "$file" --truth-out "$out/truth.json" 2>&1 | grep -v ' INFO '
echo "capture: $(stat -c %s "$file") bytes"
for pass in $(seq 1 "$passes"); do
  start=$(date +%s%N)
  java -Xmx1g -jar "$jar" analyze "$file" --config config/demo.yaml --out "$out/report" 2>/dev/null | grep -E '^(capture|analysed)'
  end=$(date +%s%N)
  echo "pass $pass: whole command (JVM start, analysis, report written) $(( (end - start) / 1000000 )) ms"
done
