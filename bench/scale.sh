#!/usr/bin/env bash
# Scale: the monitor (the real jar) joins CHANNELS channels x 2 lines on loopback (interface 127.0.0.1,
# TTL 0) and receives a moderate aggregate rate from the C sender for DURATION seconds; meanwhile
# /metrics is scraped SCRAPES times with curl. Then the C reference receives the same blast on its own
# groups, for the CPU ratio. Not part of `mvn verify`.
#
# Prints: resident memory (idle, after the run, peak), CPU seconds per million datagrams for both,
# kernel drops, and each scrape's time and size.
#
# Usage: bench/scale.sh
#   CHANNELS=200      channels (each with lines A and B: 2 x CHANNELS groups)
#   RATE=20000        packets per second per line, all channels together (round robin)
#   DURATION=60       seconds of sending
#   SCRAPES=10        scrapes, spread over the second half of the run
#   JAR, JAVA_OPTS, RCVBUF as for bench/loopback.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

channels=${CHANNELS:-200}
rate=${RATE:-20000}
duration=${DURATION:-60}
scrapes=${SCRAPES:-10}
rcvbuf=${RCVBUF:-8388608}
http_port=9492
packets=$((rate * duration))
mon_groups=(--a 239.205.0.1 --b 239.206.0.1 --port 57000 --channels "$channels")
ref_groups=(--a 239.207.0.1 --b 239.208.0.1 --port 58000 --channels "$channels")

build_c_tools
jar=$(monitor_jar)
work=$(mktemp -d /tmp/omd-scale.XXXXXX)
{
  cat <<EOF
instance: bench-scale
http: { bind: 127.0.0.1, port: $http_port }
receiver: { transport: epoll, threads: ${THREADS:-1}, receive-buffer: $rcvbuf }
journal: { dir: $work/journal }
reports: { dir: $work/reports }
feeds:
  - name: scale
    protocol: omd-c
    interface: 127.0.0.1
    channels:
EOF
  for ((c = 0; c < channels; c++)); do
    # The sender's scheme: channel c on group + c (A: 239.205.0.1 + c, B: 239.206.0.1 + c), port 57000 + c.
    a=$((1 + c))
    printf '      - id: %d\n        lines:\n' $((c + 1))
    printf '          - { name: A, site: primary, group: 239.205.%d.%d, port: %d }\n' $((a / 256)) $((a % 256)) $((57000 + c))
    printf '          - { name: B, site: primary, group: 239.206.%d.%d, port: %d }\n' $((a / 256)) $((a % 256)) $((57000 + c))
  done
} >"$work/scale.yaml"

ref_pid=
mon_pid=
trap stop_receivers EXIT

# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -jar "$jar" monitor --config "$work/scale.yaml" >"$work/monitor.log" 2>&1 &
mon_pid=$!
wait_healthy "$http_port"
sleep 2
echo "# $(date -u +%FT%TZ) $(nproc) CPUs, load $(load_average), jar $jar, JAVA_OPTS='${JAVA_OPTS:-}'"
echo "# $channels channels x 2 lines = $((2 * channels)) groups; $rate packets/s per line in all ($((2 * rate)) datagrams/s), ${duration}s"
echo "monitor idle: RSS $(rss_mb "$mon_pid") MB, sockets joined $(grep -c '' <(find "/proc/$mon_pid/fd" -lname 'socket:*' 2>/dev/null))"

c0=$(cpu_seconds "$mon_pid"); d0=$(udp_drops "$mon_pid"); r0=$(metric_sum "$http_port" omd_line_packets_total)
bench/loopback/target/omd-blast "${mon_groups[@]}" --packets "$packets" --rate "$rate" >"$work/blast.out" &
blast_pid=$!
sleep $((duration / 2))
echo "| scrape | seconds | bytes |"
echo "|---|---|---|"
gap=$(awk -v d="$duration" -v n="$scrapes" 'BEGIN {printf "%.2f", (d / 2 - 2) / n}')
for i in $(seq 1 "$scrapes"); do
  curl -s -o /dev/null -w "| $i | %{time_total} | %{size_download} |\n" "http://127.0.0.1:$http_port/metrics"
  sleep "$gap"
done
wait "$blast_pid"
sleep 1
c1=$(cpu_seconds "$mon_pid"); d1=$(udp_drops "$mon_pid"); r1=$(metric_sum "$http_port" omd_line_packets_total)
received=$((r1 - r0))
cpu=$(awk -v a="$c0" -v b="$c1" 'BEGIN {printf "%.2f", b - a}')
mon_pm=$(awk -v c="$cpu" -v r="$received" 'BEGIN {printf "%.3f", (r > 0 ? c / (r / 1e6) : 0)}')
echo "sender: $(cat "$work/blast.out")"
echo "monitor: received $received datagrams, kernel drops $((d1 - d0)), CPU ${cpu}s = $mon_pm s per M datagrams (scrapes included)," \
  "RSS $(rss_mb "$mon_pid") MB, peak $(awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$mon_pid/status") MB," \
  "own scrape timer: $(curl -s "http://127.0.0.1:$http_port/metrics" | awk '/^omd_scrape_duration_seconds_(sum|count)/ {v[$1] = $2} END {for (k in v) if (k ~ /count/) c = v[k]; else s = v[k]; printf "%.1f ms mean over %d", 1000 * s / c, c}')"
kill "$mon_pid"
wait "$mon_pid" 2>/dev/null || true
mon_pid=

bench/loopback/target/omd-recv "${ref_groups[@]}" --rcvbuf "$rcvbuf" >"$work/ref.log" &
ref_pid=$!
until grep -q ready "$work/ref.log"; do sleep 0.1; done
c0=$(cpu_seconds "$ref_pid"); d0=$(udp_drops "$ref_pid")
bench/loopback/target/omd-blast "${ref_groups[@]}" --packets "$packets" --rate "$rate" >/dev/null
sleep 1
c1=$(cpu_seconds "$ref_pid"); d1=$(udp_drops "$ref_pid")
kill "$ref_pid"
wait "$ref_pid" 2>/dev/null || true
ref_pid=
received=$(grep '^totals' "$work/ref.log" | tail -1 | sed 's/.*datagrams=\([0-9]*\).*/\1/')
cpu=$(awk -v a="$c0" -v b="$c1" 'BEGIN {printf "%.2f", b - a}')
ref_pm=$(awk -v c="$cpu" -v r="$received" 'BEGIN {printf "%.3f", (r > 0 ? c / (r / 1e6) : 0)}')
echo "C reference: received $received datagrams, kernel drops $((d1 - d0)), CPU ${cpu}s = $ref_pm s per M datagrams"
echo "monitor/reference CPU per datagram: $(awk -v m="$mon_pm" -v r="$ref_pm" 'BEGIN {printf "%.2f", (r > 0 ? m / r : 0)}')"
rm -rf "$work"
