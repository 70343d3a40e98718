#!/usr/bin/env bash
# Receive paths alone (bench/readpaths/ReadPaths.java: Netty's epoll channel per group, one per port
# with the destination per datagram, Netty's io_uring channel, the monitor's recv(2) reader), each
# against the C reference receiving the same blast on the same groups at the same time, both doing the
# same least work per datagram: what the path costs, without the monitor's tracker. Loopback only
# (127.0.0.1, TTL 0). Not part of `mvn verify`.
#
# Usage: bench/readpaths.sh [PATH ...]   (default: netty-epoll netty-epoll-shared netty-uring epoll-recv)
#   CHANNELS=200 RATE=20000 PACKETS=400000   the omd-blast run per path (RATE 0: as fast as it goes)
#   JAR=...                                  the jar whose Netty the paths use (default target/omd-prt-monitor.jar)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/lib.sh

paths=("$@")
[ ${#paths[@]} -gt 0 ] || paths=(netty-epoll netty-epoll-shared netty-uring epoll-recv)
channels=${CHANNELS:-200}
rate=${RATE:-20000}
packets=${PACKETS:-400000}
groups=(--a 239.209.0.1 --b 239.210.0.1 --port 59000 --channels "$channels")

build_c_tools
jar=$(monitor_jar)
work=$(mktemp -d /tmp/omd-readpaths.XXXXXX)
ref_pid=
mon_pid=
trap stop_receivers EXIT

# Datagrams a receiver that prints "totals datagrams=N" on SIGUSR1 has received so far.
received() { # pid log
  local before
  before=$(grep -c '^totals' "$2" || true)
  kill -USR1 "$1"
  while [ "$(grep -c '^totals' "$2" || true)" = "$before" ]; do
    sleep 0.05
  done
  grep '^totals' "$2" | tail -1 | sed 's/.*datagrams=\([0-9]*\).*/\1/'
}

echo "# $(date -u +%FT%TZ) $(nproc) CPUs, load $(load_average), jar $jar; $channels channels x 2 lines," \
  "$packets packets a line at $rate a second"
echo "| path | sent/line/s | datagrams | path received | path drops | path CPU s per M | C ref received | C ref drops | C ref CPU s per M | path/ref | load |"
echo "|---|---|---|---|---|---|---|---|---|---|---|"
for path in "${paths[@]}"; do
  java -cp "$jar" bench/readpaths/ReadPaths.java "$path" 239.209.0.1 239.210.0.1 59000 "$channels" >"$work/path.log" 2>&1 &
  mon_pid=$!
  bench/loopback/target/omd-recv "${groups[@]}" --rcvbuf 8388608 >"$work/ref.log" &
  ref_pid=$!
  until grep -q ready "$work/path.log" && grep -q ready "$work/ref.log"; do sleep 0.1; done
  bench/loopback/target/omd-blast "${groups[@]}" --packets 60000 --rate 20000 >/dev/null # warm-up: the JIT
  sleep 1
  n0=$(received "$mon_pid" "$work/path.log"); r0=$(received "$ref_pid" "$work/ref.log")
  c0=$(cpu_seconds "$mon_pid"); rc0=$(cpu_seconds "$ref_pid"); d0=$(udp_drops "$mon_pid"); rd0=$(udp_drops "$ref_pid")
  out=$(bench/loopback/target/omd-blast "${groups[@]}" --packets "$packets" --rate "$rate")
  sleep 1
  c1=$(cpu_seconds "$mon_pid"); rc1=$(cpu_seconds "$ref_pid"); d1=$(udp_drops "$mon_pid"); rd1=$(udp_drops "$ref_pid")
  n1=$(received "$mon_pid" "$work/path.log"); r1=$(received "$ref_pid" "$work/ref.log")
  awk -v path="$path" -v sent="$(sed 's/.*rate_per_line=//' <<<"$out")" -v dg="$(sed 's/.*datagrams=\([0-9]*\).*/\1/' <<<"$out")" \
    -v n=$((n1 - n0)) -v r=$((r1 - r0)) -v c="$(awk -v a="$c0" -v b="$c1" 'BEGIN {print b - a}')" \
    -v rc="$(awk -v a="$rc0" -v b="$rc1" 'BEGIN {print b - a}')" -v d=$((d1 - d0)) -v rd=$((rd1 - rd0)) -v load="$(load_average)" 'BEGIN {
      m = (n > 0 ? c / (n / 1e6) : 0); f = (r > 0 ? rc / (r / 1e6) : 0)
      printf "| %s | %s | %d | %d | %d | %.3f | %d | %d | %.3f | %.2f | %s |\n", path, sent, dg, n, d, m, r, rd, f, (f > 0 ? m / f : 0), load }'
  kill "$mon_pid" "$ref_pid"
  wait "$mon_pid" "$ref_pid" 2>/dev/null || true
  mon_pid=
  ref_pid=
done
rm -rf "$work"
