#!/usr/bin/env bash
# JMH benchmarks of the hot path (decode + track per packet). Not part of `mvn verify`.
# Usage: bench/jmh.sh [JMH options, e.g. -prof gc or a benchmark regex]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -q -B -DskipTests install
mvn -q -B -f bench/jmh/pom.xml clean package
exec java -jar bench/jmh/target/benchmarks.jar "$@"
