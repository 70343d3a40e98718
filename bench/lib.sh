# Helpers shared by the loopback benchmarks (sourced, not run).

# Builds the C sender and reference receiver into bench/loopback/target.
build_c_tools() {
  mkdir -p bench/loopback/target
  gcc -O2 -Wall -Wextra -o bench/loopback/target/omd-blast bench/loopback/omd-blast.c
  gcc -O2 -Wall -Wextra -o bench/loopback/target/omd-recv bench/loopback/omd-recv.c
}

# The jar to measure: $JAR, or target/omd-prt-monitor.jar built from the working tree when missing.
monitor_jar() {
  local jar=${JAR:-target/omd-prt-monitor.jar}
  if [ ! -f "$jar" ]; then
    mvn -q -B -o -DskipTests package >&2
  fi
  echo "$jar"
}

# JVM options for the monitor: the launcher's (./omd-prt-monitor: huge pages where the kernel offers
# them), then $JAVA_OPTS.
monitor_java_opts() {
  local opts=""
  if grep -qs '\[always\]\|\[madvise\]' /sys/kernel/mm/transparent_hugepage/enabled; then
    opts="-XX:+UseTransparentHugePages"
  fi
  echo "$opts ${JAVA_OPTS:-}"
}

# On exit: stops the receivers whose PIDs are in $ref_pid and $mon_pid (empty once stopped).
stop_receivers() {
  [ -z "${ref_pid:-}" ] || kill "$ref_pid" 2>/dev/null || true
  [ -z "${mon_pid:-}" ] || kill "$mon_pid" 2>/dev/null || true
  wait 2>/dev/null || true
}

# CPU seconds (user + system) a process has used so far.
cpu_seconds() {
  local hz
  hz=$(getconf CLK_TCK)
  sed 's/.*) //' "/proc/$1/stat" | awk -v hz="$hz" '{printf "%.2f\n", ($12 + $13) / hz}'
}

# Resident set size of a process, in MB.
rss_mb() {
  awk '/^VmRSS:/ {printf "%.0f\n", $2 / 1024}' "/proc/$1/status"
}

# Datagrams the kernel dropped on every UDP socket of a process (/proc/net/udp, matched by inode).
udp_drops() {
  local inodes
  inodes=$(find "/proc/$1/fd" -lname 'socket:*' -printf '%l\n' 2>/dev/null | tr -dc '0-9\n' | paste -sd, -)
  awk -v list="$inodes" 'BEGIN {n = split(list, a, ","); for (i = 1; i <= n; i++) want[a[i]] = 1}
    NR > 1 && ($10 in want) {s += $13} END {print s + 0}' /proc/net/udp
}

# Sum of one metric's samples in a /metrics page on 127.0.0.1:PORT (optionally only lines matching FILTER).
metric_sum() {
  curl -s "http://127.0.0.1:$1/metrics" | awk -v name="$2" -v filter="${3:-}" \
    'index($0, name) == 1 && (filter == "" || index($0, filter)) {s += $NF} END {printf "%.0f\n", s}'
}

# Waits until the monitor on PORT answers /healthz (at most 60 s).
wait_healthy() {
  for _ in $(seq 1 600); do
    curl -sf "http://127.0.0.1:$1/healthz" >/dev/null 2>&1 && return 0
    sleep 0.1
  done
  echo "monitor on port $1 did not become healthy" >&2
  return 1
}

load_average() {
  cut -d' ' -f1-3 /proc/loadavg
}

# Datagrams the C reference has received so far (it prints its totals on SIGUSR1): reads the calling
# script's $work/ref.log and signals its $ref_pid.
ref_received() {
  local before
  before=$(grep -c '^totals' "$work/ref.log" || true)
  kill -USR1 "$ref_pid"
  while [ "$(grep -c '^totals' "$work/ref.log" || true)" = "$before" ]; do
    sleep 0.05
  done
  grep '^totals' "$work/ref.log" | tail -1 | sed 's/.*datagrams=\([0-9]*\).*/\1/'
}
