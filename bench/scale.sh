#!/usr/bin/env bash
# Scale: the monitor (the real jar) joins CHANNELS channels x 2 lines on loopback (interface 127.0.0.1,
# TTL 0) and receives a moderate aggregate rate from the C sender, in two phases of DURATION/2 seconds
# each: the first without scrapes (the CPU per datagram, scrapes excluded), the second while /metrics is
# scraped SCRAPES times with curl; then SCRAPES scrapes back to back on the idle monitor (what one
# costs). The C reference (bench/loopback/omd-recv.c) receives the same blast for the CPU ratio. Not
# part of `mvn verify`.
#
# MODE=apart (default): the C reference gets its own groups and its own blast after the monitor is
#   stopped (no competition between the two). MODE=together: both join the same groups and receive every
#   datagram of the same blasts at the same time, so whatever else loads the machine loads both alike
#   (the fairer comparison on a shared 2-core machine).
#
# Prints: resident memory (idle, after the run, peak), CPU seconds (user + system) per million datagrams
# for both, with and without scrapes, kernel drops, and each scrape's time and size.
#
# Usage: bench/scale.sh
#   CHANNELS=200      channels (each with lines A and B: 2 x CHANNELS groups)
#   RATE=20000        packets per second per line, all channels together (round robin)
#   DURATION=60       seconds of sending, both phases together
#   SCRAPES=10        scrapes, spread over the second phase
#   WARMUP=5          seconds of the same traffic before the first phase, not measured (the monitor's JIT)
#   MODE=apart        or together (see above)
#   JAR, JAVA_OPTS, RCVBUF, THREADS as for bench/loopback.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

channels=${CHANNELS:-200}
rate=${RATE:-20000}
duration=${DURATION:-60}
scrapes=${SCRAPES:-10}
mode=${MODE:-apart}
rcvbuf=${RCVBUF:-8388608}
http_port=9492
half=$((rate * duration / 2))
mon_groups=(--a 239.205.0.1 --b 239.206.0.1 --port 57000 --channels "$channels")
if [ "$mode" = together ]; then
  ref_groups=("${mon_groups[@]}")
else
  ref_groups=(--a 239.207.0.1 --b 239.208.0.1 --port 58000 --channels "$channels")
fi

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

start_ref() {
  bench/loopback/target/omd-recv "${ref_groups[@]}" --rcvbuf "$rcvbuf" >"$work/ref.log" &
  ref_pid=$!
  until grep -q ready "$work/ref.log"; do sleep 0.1; done
}


# User and system CPU seconds of a process so far: "user sys".
cpu_split() {
  local hz
  hz=$(getconf CLK_TCK)
  sed 's/.*) //' "/proc/$1/stat" | awk -v hz="$hz" '{printf "%.2f %.2f\n", $12 / hz, $13 / hz}'
}

# "CPU seconds, user + sys, and s per M" from two cpu_split readings and a datagram count.
cpu_line() { # user0 sys0 user1 sys1 datagrams
  awk -v u0="$1" -v s0="$2" -v u1="$3" -v s1="$4" -v n="$5" 'BEGIN {
    u = u1 - u0; s = s1 - s0
    printf "CPU %.2f s (user %.2f, sys %.2f) = %.3f s per M datagrams", u + s, u, s, (n > 0 ? (u + s) / (n / 1e6) : 0) }'
}

cpu_delta() { # user0 sys0 user1 sys1
  awk -v u0="$1" -v s0="$2" -v u1="$3" -v s1="$4" 'BEGIN {printf "%.2f", u1 - u0 + s1 - s0}'
}

per_million() { # cpu_seconds datagrams
  awk -v c="$1" -v n="$2" 'BEGIN {printf "%.3f", (n > 0 ? c / (n / 1e6) : 0)}'
}

blast() { # groups... -- packets
  bench/loopback/target/omd-blast "${@:1:$#-1}" --packets "${*: -1}" --rate "$rate"
}

[ "$mode" = together ] && start_ref
# shellcheck disable=SC2086
# shellcheck disable=SC2046
java $(monitor_java_opts) -jar "$jar" monitor --config "$work/scale.yaml" >"$work/monitor.log" 2>&1 &
mon_pid=$!
wait_healthy "$http_port"
sleep 2
echo "# $(date -u +%FT%TZ) $(nproc) CPUs, load $(load_average), jar $jar, JVM options '$(monitor_java_opts)', mode $mode"
echo "# $channels channels x 2 lines = $((2 * channels)) groups; $rate packets/s per line in all ($((2 * rate)) datagrams/s)," \
  "two phases of $((duration / 2)) s"
echo "monitor idle: RSS $(rss_mb "$mon_pid") MB, sockets joined $(grep -c '' <(find "/proc/$mon_pid/fd" -lname 'socket:*' 2>/dev/null))"

bench/loopback/target/omd-blast "${mon_groups[@]}" --packets "$((rate * ${WARMUP:-5}))" --rate "$rate" >/dev/null
sleep 1

# Phase 1: no scrapes. The counts are read by scraping, outside the CPU windows.
d0=$(udp_drops "$mon_pid"); r0=$(metric_sum "$http_port" omd_line_packets_total)
[ "$mode" = together ] && { rd0=$(udp_drops "$ref_pid"); rn0=$(ref_received); read -r ru0 rs0 < <(cpu_split "$ref_pid"); }
read -r mu0 ms0 < <(cpu_split "$mon_pid")
blast "${mon_groups[@]}" "$half" >"$work/blast1.out"
sleep 1
read -r mu1 ms1 < <(cpu_split "$mon_pid")
[ "$mode" = together ] && { read -r ru1 rs1 < <(cpu_split "$ref_pid"); rn1=$(ref_received); }
r1=$(metric_sum "$http_port" omd_line_packets_total)

# Phase 2: the same blast, scraped SCRAPES times in its course.
read -r mu2 ms2 < <(cpu_split "$mon_pid")
[ "$mode" = together ] && read -r ru2 rs2 < <(cpu_split "$ref_pid")
blast "${mon_groups[@]}" "$half" >"$work/blast2.out" &
blast_pid=$!
sleep 1
echo "| scrape | seconds | bytes |"
echo "|---|---|---|"
gap=$(awk -v d="$duration" -v n="$scrapes" 'BEGIN {printf "%.2f", (d / 2 - 2) / n}')
for i in $(seq 1 "$scrapes"); do
  curl -s -o /dev/null -w "| $i | %{time_total} | %{size_download} |\n" "http://127.0.0.1:$http_port/metrics"
  sleep "$gap"
done
wait "$blast_pid"
sleep 1
read -r mu3 ms3 < <(cpu_split "$mon_pid")
[ "$mode" = together ] && { read -r ru3 rs3 < <(cpu_split "$ref_pid"); rn3=$(ref_received); rd3=$(udp_drops "$ref_pid"); }
d3=$(udp_drops "$mon_pid"); r3=$(metric_sum "$http_port" omd_line_packets_total)
echo "sender: $(cat "$work/blast1.out"); $(cat "$work/blast2.out")"

n1=$((r1 - r0)); n2=$((r3 - r1))
c1=$(cpu_delta "$mu0" "$ms0" "$mu1" "$ms1"); c2=$(cpu_delta "$mu2" "$ms2" "$mu3" "$ms3")
mon_pm=$(per_million "$c1" "$n1")
mon_all_pm=$(per_million "$(awk -v a="$c1" -v b="$c2" 'BEGIN {print a + b}')" "$((n1 + n2))")
echo "monitor, no scrapes: received $n1 datagrams, $(cpu_line "$mu0" "$ms0" "$mu1" "$ms1" "$n1")"
echo "monitor, $scrapes scrapes: received $n2 datagrams, $(cpu_line "$mu2" "$ms2" "$mu3" "$ms3" "$n2")"
# What a scrape costs, on the monitor idle after the run: SCRAPES scrapes back to back, less as long idle.
read -r iu0 is0 < <(cpu_split "$mon_pid"); t0=$(date +%s.%N)
for _ in $(seq 1 "$scrapes"); do curl -s -o /dev/null "http://127.0.0.1:$http_port/metrics"; done
t1=$(date +%s.%N); read -r iu1 is1 < <(cpu_split "$mon_pid")
sleep "$(awk -v a="$t0" -v b="$t1" 'BEGIN {printf "%.2f", b - a}')"
read -r iu2 is2 < <(cpu_split "$mon_pid")
echo "a scrape costs $(awk -v busy="$(cpu_delta "$iu0" "$is0" "$iu1" "$is1")" -v idle="$(cpu_delta "$iu1" "$is1" "$iu2" "$is2")" \
  -v k="$scrapes" 'BEGIN {printf "%.3f", (busy - idle) / k}') CPU s (on the idle monitor after the run: $scrapes back to back, less as long idle)"
echo "monitor: kernel drops $((d3 - d0)), RSS $(rss_mb "$mon_pid") MB, peak $(awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$mon_pid/status") MB," \
  "own scrape timer: $(curl -s "http://127.0.0.1:$http_port/metrics" | awk '/^omd_scrape_duration_seconds_(sum|count)/ {v[$1] = $2} END {for (k in v) if (k ~ /count/) c = v[k]; else s = v[k]; printf "%.1f ms mean over %d", 1000 * s / c, c}')"
kill "$mon_pid"
wait "$mon_pid" 2>/dev/null || true
mon_pid=

if [ "$mode" = together ]; then
  rn=$((rn1 - rn0))
  ref_pm=$(per_million "$(cpu_delta "$ru0" "$rs0" "$ru1" "$rs1")" "$rn")
  echo "C reference, phase 1: received $rn datagrams, $(cpu_line "$ru0" "$rs0" "$ru1" "$rs1" "$rn");" \
    "phase 2: $((rn3 - rn1)) datagrams, $(cpu_line "$ru2" "$rs2" "$ru3" "$rs3" "$((rn3 - rn1))"); kernel drops $((rd3 - rd0))"
else
  start_ref
  rd0=$(udp_drops "$ref_pid"); rn0=$(ref_received); read -r ru0 rs0 < <(cpu_split "$ref_pid")
  blast "${ref_groups[@]}" "$half" >/dev/null
  sleep 1
  read -r ru1 rs1 < <(cpu_split "$ref_pid"); rn1=$(ref_received); rd1=$(udp_drops "$ref_pid")
  rn=$((rn1 - rn0))
  ref_pm=$(per_million "$(cpu_delta "$ru0" "$rs0" "$ru1" "$rs1")" "$rn")
  echo "C reference: received $rn datagrams, kernel drops $((rd1 - rd0)), $(cpu_line "$ru0" "$rs0" "$ru1" "$rs1" "$rn")"
fi
kill "$ref_pid"
wait "$ref_pid" 2>/dev/null || true
ref_pid=
echo "monitor/reference CPU per datagram: $(awk -v m="$mon_pm" -v r="$ref_pm" 'BEGIN {printf "%.2f", (r > 0 ? m / r : 0)}') without scrapes," \
  "$(awk -v m="$mon_all_pm" -v r="$ref_pm" 'BEGIN {printf "%.2f", (r > 0 ? m / r : 0)}') with $scrapes scrapes in the run"
rm -rf "$work"
