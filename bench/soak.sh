#!/usr/bin/env bash
# Soak: the monitor (the real jar) fed by the simulator for a long run at a steady rate, with faults
# every minute, sampling heap, RSS, threads and open files from /metrics every 30 s. Everything stays
# on loopback (TTL 0). Prints the samples and whether they stayed flat.
# Usage: bench/soak.sh [MINUTES (default 30)] [RATE per channel (default 500)]
set -euo pipefail
cd "$(dirname "$0")/.."
minutes="${1:-30}"
rate="${2:-500}"
port=9477
work="$(mktemp -d /tmp/omd-soak.XXXXXX)"
mvn -q -B -DskipTests package

# The demo's channels on groups of their own (239.20x instead of 239.19x, so a demo or a test running
# at the same time never hears the soak), with this run's HTTP port, journal and reports.
sed -e "s/port: 9466/port: $port/" -e "s#dir: data/journal#dir: $work/journal#" -e "s/group: 239\.19\([4-7]\)/group: 239.20\1/" \
  config/demo.yaml > "$work/soak.yaml"
printf 'reports:\n  dir: %s/reports\n' "$work" >> "$work/soak.yaml"

# A fault cycle every 60 s on every channel, repeated for the whole run.
{
  echo "name: soak ${minutes} min"
  echo "duration: $((minutes * 60))s"
  echo "rate: $rate"
  echo "faults:"
  for ((c = 0; c < minutes - 1; c++)); do
    t=$((c * 60))
    echo "  - { at: $((t + 5))s,  type: line-down,      feed: omdc-sp,    channel: 11, line: $([ $((c % 2)) = 0 ] && echo A || echo B), for: 8s }"
    echo "  - { at: $((t + 10))s, type: drop,           feed: omdc-sp,    channel: 12, line: A, messages: 50 }"
    echo "  - { at: $((t + 20))s, type: drop,           feed: omdcc,      channel: 31, messages: 5 }"
    echo "  - { at: $((t + 25))s, type: channel-silent, feed: omdc-index, channel: 21, for: 8s }"
    echo "  - { at: $((t + 30))s, type: duplicate,      feed: omdcc,      channel: 32, line: B, packets: 20 }"
    echo "  - { at: $((t + 40))s, type: reorder,        feed: omdc-sp,    channel: 12, line: B, pairs: 5 }"
    echo "  - { at: $((t + 45))s, type: delay,          feed: omdcc,      channel: 32, line: A, by: 30ms, for: 5s }"
  done
} > "$work/soak-scenario.yaml"

java -Xmx256m -jar target/omd-prt-monitor.jar monitor --config "$work/soak.yaml" > "$work/monitor.log" 2>&1 &
monitor=$!
trap 'kill $monitor $sim 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
java -Xmx128m -jar target/omd-prt-monitor.jar simulate --config "$work/soak.yaml" --script "$work/soak-scenario.yaml" \
  --truth-out "$work/truth.json" > "$work/simulator.log" 2>&1 &
sim=$!

metric() { awk -v m="$1" 'index($0, m "{") == 1 || index($0, m " ") == 1 { s += $NF } END { printf "%.0f", s }' "$work/scrape"; }
echo "minute,heap_used_bytes,rss_bytes,threads,open_files,journal_events,journal_errors,kernel_drops,real_loss_messages" | tee "$work/samples.csv"
samples=$((minutes * 2))
for ((i = 1; i <= samples; i++)); do
  sleep 30
  curl -fs "http://127.0.0.1:$port/metrics" > "$work/scrape" || { echo "scrape failed at sample $i"; exit 1; }
  awk '/^jvm_memory_used_bytes[{].*area="heap"/ { s += $NF } END { printf "%s,%.0f,", '"$i"'/2, s }' "$work/scrape" | tee -a "$work/samples.csv"
  echo "$(metric process_resident_memory_bytes),$(metric jvm_threads_live_threads),$(metric process_files_open_files),$(metric omd_journal_events_written_total),$(metric omd_journal_write_errors_total),$(metric omd_socket_drops_total),$(metric omd_arbitrated_missing_messages_total)" | tee -a "$work/samples.csv"
done
wait $sim || true
kill -TERM $monitor; wait $monitor || true

python3 - "$work/samples.csv" <<'PY'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1])))
warm = rows[min(3, len(rows) - 1)]          # after 2 minutes of warm-up
last = rows[-1]
half = len(rows) // 2
def mx(col, part): return max(float(r[col]) for r in part)
rss_growth = (float(last["rss_bytes"]) - float(warm["rss_bytes"])) / float(warm["rss_bytes"]) * 100
print(f"samples: {len(rows)}; RSS {float(warm['rss_bytes'])/2**20:.0f} MiB after warm-up -> {float(last['rss_bytes'])/2**20:.0f} MiB at the end ({rss_growth:+.1f}%)")
print(f"heap max first half {mx('heap_used_bytes', rows[:half])/2**20:.0f} MiB, second half {mx('heap_used_bytes', rows[half:])/2**20:.0f} MiB")
print(f"threads {warm['threads']} -> {last['threads']}; open files {warm['open_files']} -> {last['open_files']}")
print(f"journal events {last['journal_events']}, journal errors {last['journal_errors']}, kernel drops {last['kernel_drops']}, real loss {last['real_loss_messages']} messages")
flat = rss_growth < 10 and warm["threads"] == last["threads"] and abs(int(last["open_files"]) - int(warm["open_files"])) <= 2 \
    and mx('heap_used_bytes', rows[half:]) <= 1.25 * mx('heap_used_bytes', rows[:half])
print("FLAT" if flat else "NOT FLAT")
sys.exit(0 if flat else 1)
PY
echo "work folder: $work (samples.csv, monitor.log, journal, reports)"
