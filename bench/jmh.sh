#!/usr/bin/env bash
# JMH benchmarks of the hot path (decode + track per packet). Not part of `mvn verify`.
# Usage: bench/jmh.sh [JMH options, e.g. -prof gc or a benchmark regex]
# MVN overrides the Maven command, e.g. MVN="nice -n 19 mvn -o" bench/jmh.sh -prof gc
# The monitor and the benchmarks are built in one reactor (bench/jmh/reactor.xml): the benchmarks use
# the monitor's jar of this build, and nothing is installed into the Maven repository.
set -euo pipefail
cd "$(dirname "$0")/.."
${MVN:-mvn} -q -B -Dmaven.test.skip=true -f bench/jmh/reactor.xml clean package
exec java -jar bench/jmh/target/benchmarks.jar "$@"
