#!/usr/bin/env bash
# Throughput of the pcap reader alone. Not part of `mvn verify`.
# Writes a ~1 GB capture with PcapWriter, reads it back (from the page cache) and prints datagrams/s
# and MB/s per pass; deletes the file afterwards.
# Usage: bench/pcap-read.sh [FILE [MEGABYTES [PASSES]]]   (default /tmp/omd-pcap-bench.pcap 1024 3)
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B test-compile
mvn -q -B dependency:build-classpath -Dmdep.outputFile=target/bench.classpath >/dev/null
exec java -Xmx512m --add-exports java.base/jdk.internal.misc=ALL-UNNAMED \
  -cp "target/classes:target/test-classes:$(cat target/bench.classpath)" \
  io.omdprt.pcap.PcapReadThroughput "$@"
