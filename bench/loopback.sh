#!/usr/bin/env bash
# Loopback end to end: the C reference receiver (bench/loopback/omd-recv.c, recvmmsg) and the monitor
# (the real jar) receive the same blast of valid OMD-C packets from the C sender
# (bench/loopback/omd-blast.c, sendmmsg) on two lines: two multicast groups, interface 127.0.0.1,
# TTL 0. Not part of `mvn verify`.
#
# At each rate of a ladder: datagrams received, kernel drops (/proc/net/udp, the receiver's own
# sockets), CPU seconds per million datagrams (/proc/PID/stat utime + stime around the blast) and the
# monitor/reference CPU ratio. Both receivers run for the whole ladder (the monitor's JIT stays warm).
#
# MODE=together: both join the same two groups, so every blast reaches both at once and
#   whatever else loads the machine loads both alike. MODE=apart: each has its own groups and gets
#   its own blast, one after the other (no competition between them for the CPU); the default.
#
# Usage: bench/loopback.sh [RATE ...]    packets per second per line; 0 = as fast as the sender can
#   PACKETS=2000000   packets per line per blast (each goes to line A and line B: twice the datagrams)
#   REPEAT=1          blasts per rate
#   JAR=...           the jar to measure (default target/omd-prt-monitor.jar, built when missing)
#   JAVA_OPTS=...     JVM options, after the launcher's own (huge pages)
#   RCVBUF=8388608    SO_RCVBUF asked for by both receivers (the kernel caps it at net.core.rmem_max)
#   THREADS=1         the monitor's receiver.threads
#   TRANSPORT=epoll   the monitor's receiver.transport (epoll: its own reader, recv(2) per datagram, nothing
#                     allocated; nio: Netty's NIO channel, one datagram per read and a DatagramPacket each)
#   MIN=100 MAX=1400  packet sizes in bytes
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

rates=("$@")
[ ${#rates[@]} -gt 0 ] || rates=(20000 40000 60000 80000 0)
mode=${MODE:-apart}
packets=${PACKETS:-2000000}
repeat=${REPEAT:-1}
rcvbuf=${RCVBUF:-8388608}
java_opts=$(monitor_java_opts)
http_port=9491
ref_groups=(--a 239.201.0.1 --b 239.202.0.1 --port 56001)
if [ "$mode" = together ]; then
  mon_groups=("${ref_groups[@]}")
else
  mon_groups=(--a 239.203.0.1 --b 239.204.0.1 --port 56101)
fi

build_c_tools
jar=$(monitor_jar)
work=$(mktemp -d /tmp/omd-loopback.XXXXXX)
cat >"$work/bench.yaml" <<EOF
instance: bench
http: { bind: 127.0.0.1, port: $http_port }
receiver: { transport: ${TRANSPORT:-epoll}, threads: ${THREADS:-1}, receive-buffer: $rcvbuf }
journal: { dir: $work/journal }
reports: { dir: $work/reports }
feeds:
  - name: bench
    protocol: omd-c
    interface: 127.0.0.1
    channels:
      - id: 1
        lines:
          - { name: A, site: primary, group: ${mon_groups[1]}, port: ${mon_groups[5]} }
          - { name: B, site: primary, group: ${mon_groups[3]}, port: ${mon_groups[5]} }
EOF

ref_pid=
mon_pid=
trap stop_receivers EXIT

bench/loopback/target/omd-recv "${ref_groups[@]}" --rcvbuf "$rcvbuf" >"$work/ref.log" &
ref_pid=$!
# shellcheck disable=SC2086
java $java_opts -jar "$jar" monitor --config "$work/bench.yaml" >"$work/monitor.log" 2>&1 &
mon_pid=$!
wait_healthy "$http_port"


# received CPU-seconds drops, for both receivers, once their counts have stopped moving.
snapshot() {
  local last= now
  now="$(ref_received) $(metric_sum "$http_port" omd_line_packets_total)"
  while [ "$now" != "$last" ]; do
    last=$now
    sleep 0.4
    now="$(ref_received) $(metric_sum "$http_port" omd_line_packets_total)"
  done
  read -r ref_n mon_n <<<"$now"
  echo "$ref_n $(cpu_seconds "$ref_pid") $(udp_drops "$ref_pid") $mon_n $(cpu_seconds "$mon_pid") $(udp_drops "$mon_pid")"
}

blast() { # groups... -- rate packets
  local rate=${*: -2:1} n=${*: -1}
  bench/loopback/target/omd-blast "${@:1:$#-2}" --packets "$n" --rate "$rate" --min "${MIN:-100}" --max "${MAX:-1400}"
}

# Prints "received drops cpu cpu_per_million" from two snapshots' fields for one receiver.
delta() { # n0 c0 d0 n1 c1 d1
  awk -v n0="$1" -v c0="$2" -v d0="$3" -v n1="$4" -v c1="$5" -v d1="$6" 'BEGIN {
    n = n1 - n0; c = c1 - c0
    printf "%d %d %.2f %.3f\n", n, d1 - d0, c, (n > 0 ? c / (n / 1e6) : 0) }'
}

# One measurement at a rate; prints: sent/line/s datagrams-sent, then ref and monitor deltas.
measure() {
  local rate=$1 n=$2 s0 s1 out_ref out_mon
  s0=($(snapshot))
  if [ "$mode" = together ]; then
    out_ref=$(blast "${ref_groups[@]}" "$rate" "$n")
    out_mon=$out_ref
  else
    out_ref=$(blast "${ref_groups[@]}" "$rate" "$n")
    out_mon=$(blast "${mon_groups[@]}" "$rate" "$n")
  fi
  s1=($(snapshot))
  local sent achieved_ref achieved_mon
  sent=$(sed 's/.*datagrams=\([0-9]*\).*/\1/' <<<"$out_ref")
  achieved_ref=$(sed 's/.*rate_per_line=\([0-9]*\).*/\1/' <<<"$out_ref")
  achieved_mon=$(sed 's/.*rate_per_line=\([0-9]*\).*/\1/' <<<"$out_mon")
  echo "$sent $achieved_ref $(delta "${s0[0]}" "${s0[1]}" "${s0[2]}" "${s1[0]}" "${s1[1]}" "${s1[2]}")" \
    "$achieved_mon $(delta "${s0[3]}" "${s0[4]}" "${s0[5]}" "${s1[3]}" "${s1[4]}" "${s1[5]}")"
}

echo "# $(date -u +%FT%TZ) $(nproc) CPUs, load $(load_average), jar $jar, JVM options '$java_opts', mode $mode, transport ${TRANSPORT:-epoll}," \
  "rcvbuf $rcvbuf, $packets packets/line per blast"
measure 20000 300000 >/dev/null # warm-up, not reported: the monitor's JIT
printf '| rate/line asked | receiver | sent/line/s | datagrams sent | received | kernel drops | CPU s | CPU s per M | mon/ref CPU | load |\n'
printf '|---|---|---|---|---|---|---|---|---|---|\n'
for rate in "${rates[@]}"; do
  for _ in $(seq 1 "$repeat"); do
    read -r sent ref_rate ref_n ref_d ref_c ref_pm mon_rate mon_n mon_d mon_c mon_pm < <(measure "$rate" "$packets")
    ratio=$(awk -v m="$mon_pm" -v r="$ref_pm" 'BEGIN {printf "%.2f", (r > 0 ? m / r : 0)}')
    asked=$([ "$rate" = 0 ] && echo max || echo "$rate")
    load=$(load_average)
    printf '| %s | C ref | %s | %s | %s | %s | %s | %s | | %s |\n' "$asked" "$ref_rate" "$sent" "$ref_n" "$ref_d" "$ref_c" "$ref_pm" "$load"
    printf '| %s | monitor | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$asked" "$mon_rate" "$sent" "$mon_n" "$mon_d" "$mon_c" "$mon_pm" "$ratio" "$load"
  done
done
echo "# monitor: omd_socket_drops_total $(metric_sum "$http_port" omd_socket_drops_total)," \
  "omd_line_gaps_total $(metric_sum "$http_port" omd_line_gaps_total)," \
  "omd_malformed_packets_total $(metric_sum "$http_port" omd_malformed_packets_total)," \
  "omd_line_unknown_message_types_total $(metric_sum "$http_port" omd_line_unknown_message_types_total)," \
  "omd_line_message_size_mismatches_total $(metric_sum "$http_port" omd_line_message_size_mismatches_total)," \
  "RSS $(rss_mb "$mon_pid") MB, GC: $(metric_sum "$http_port" jvm_gc_pause_seconds_count) pauses," \
  "longest $(curl -s "http://127.0.0.1:$http_port/metrics" | awk '/^jvm_gc_pause_seconds_max/ {if ($NF > m) m = $NF} END {printf "%.1f", m * 1000}') ms (recent)"
echo "# reference: $(grep '^totals' "$work/ref.log" | tail -1)"
rm -rf "$work"
