#!/usr/bin/env bash
# Cluster scaling measurement (docs/performance.md#cluster-scaling): one experiment submitted with --redis to
# a cluster of 1, then 2, ... `supplysim silo` processes, each pinned to its own core with taskset, on a private
# redis-server. Prints, per silo count, the client's wall time, the silos' CPU time (user+system, read from
# /proc/PID/stat before and after the client ran, so silo start-up is not counted) and the client's CPU time, and the
# hash of all metrics.csv files, which must be the same for every silo count.
#
# Usage: scripts/cluster-scaling.sh [-s "1 2"] [-n REPEATS] [-o DIR] [-w] -- ARGS FOR `supplysim run`
#   -w  warm the cluster first (the same command with --replicates = 2 x silos, not measured): a long-lived cluster
#       has compiled its code already; without -w each silo's JIT compilation (about 1-2 s of CPU) is counted.
#   scripts/cluster-scaling.sh -- scenarios/baseline.yaml --replicates 40
#   scripts/cluster-scaling.sh -n 3 -- benchmarks/scenarios/national-10m.yaml
# Environment: SUPPLYSIM (default: dotnet src/SupplySim.Cli/bin/Release/net10.0/supplysim.dll; build it first),
#   NETNS=1 runs every silo in its own network namespace joined by veth links to a bridge, with NETEM (default
#   "delay 0.5ms") on each link (needs root; see docs/performance.md#cluster-scaling).
set -euo pipefail
cd "$(dirname "$0")/.."

counts="1 2"; repeats=1; warm=0; out=$(mktemp -d /tmp/cluster-scaling.XXXXXX)
while getopts "s:n:o:w" opt; do
  case $opt in s) counts=$OPTARG ;; n) repeats=$OPTARG ;; o) out=$OPTARG ;; w) warm=1 ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1)); [[ ${1:-} == -- ]] && shift; mkdir -p "$out"
[[ $# -gt 0 ]] || { echo "usage: $0 [-s \"1 2\"] [-n REPEATS] -- SCENARIO [run flags]" >&2; exit 2; }
read -r -a supplysim <<< "${SUPPLYSIM:-dotnet src/SupplySim.Cli/bin/Release/net10.0/supplysim.dll}"
cores=$(nproc)
ticks_per_sec=$(getconf CLK_TCK)

pids=(); netns=()
cleanup() {
  for p in "${pids[@]}"; do kill -9 "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  for n in "${netns[@]}"; do ip netns del "$n" 2>/dev/null || true; done
  [[ ${#netns[@]} -gt 0 ]] && ip link del ssclbr 2>/dev/null || true
  pids=(); netns=()
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
cpu_of() { awk -v t="$ticks_per_sec" '{ printf "%.2f", ($14 + $15) / t }' "/proc/$1/stat"; }

# One host per silo: namespace ssN with address 10.77.0.(10+N), bridged to the root namespace (10.77.0.1) where
# Redis and the client live. NETEM shapes what each silo sends (so silo to silo and silo to client; 0.5 ms: a 1 ms
# round trip between silos).
setup_netns() {
  local n=$1
  ip netns add "sscl$n"; netns+=("sscl$n")
  ip link add "sscv$n" type veth peer name "sscp$n"
  ip link set "sscp$n" netns "sscl$n"
  ip link set "sscv$n" master ssclbr up
  ip -n "sscl$n" addr add "10.77.0.$((10 + n))/24" dev "sscp$n"
  ip -n "sscl$n" link set "sscp$n" up; ip -n "sscl$n" link set lo up
  ip netns exec "sscl$n" tc qdisc add dev "sscp$n" root netem ${NETEM:-delay 0.5ms}
}

start_silo() { # $1 index, $2 redis endpoint, $3 cluster id
  local i=$1 core=$(( $1 % cores )) log="$out/silo-$1.log" addr=127.0.0.1 pre=()
  if [[ ${NETNS:-0} == 1 ]]; then setup_netns "$i"; addr=10.77.0.$((10 + i)); pre=(ip netns exec "sscl$i"); fi
  "${pre[@]}" taskset -c "$core" "${supplysim[@]}" silo --redis "$2" --cluster-id "$3" --advertise "$addr" \
    --port $((11300 + i)) --gateway-port $((30300 + i)) > "$log" 2>&1 &
  pids+=($!)
  for _ in $(seq 600); do grep -qs "^silo ready" "$log" && return 0; sleep 0.2; done
  echo "silo $i did not start: $(cat "$log")" >&2; exit 1
}

printf "%-6s %-7s %9s %9s %9s %s\n" silos repeat wall_s silo_cpu_s client_cpu_s metrics_sha256
for k in $counts; do
  for r in $(seq "$repeats"); do
    port=$(free_port); bind=127.0.0.1; [[ ${NETNS:-0} == 1 ]] && bind="127.0.0.1 10.77.0.1"
    [[ ${NETNS:-0} == 1 ]] && { ip link add ssclbr type bridge; ip addr add 10.77.0.1/24 dev ssclbr; ip link set ssclbr up; }
    redis-server --port "$port" --bind $bind --save "" --appendonly no --protected-mode no > "$out/redis.log" 2>&1 & pids+=($!)
    sleep 0.3
    redis=127.0.0.1:$port; [[ ${NETNS:-0} == 1 ]] && redis=10.77.0.1:$port
    id=scaling-$k-$r-$$
    silo_pids=()
    for i in $(seq 0 $((k - 1))); do start_silo "$i" "$redis" "$id"; silo_pids+=("${pids[-1]}"); done
    procs=("${silo_pids[@]}") # taskset and `ip netns exec` exec the silo: the pid is the dotnet process
    if [[ $warm == 1 ]]; then
      "${supplysim[@]}" run "$1" --replicates $((2 * k)) --out "$out/warm-k$k-r$r" --redis "$redis" --cluster-id "$id" > /dev/null 2>&1 \
        || { echo "warm-up failed" >&2; exit 1; }
    fi
    before=0; for p in "${procs[@]}"; do before=$(echo "$before + $(cpu_of "$p")" | bc); done
    dir="$out/k$k-r$r"; start=$(date +%s.%N)
    TIMEFORMAT='%U %S'
    { time "${supplysim[@]}" run "$@" --out "$dir" --redis "$redis" --cluster-id "$id" > "$out/client-k$k-r$r.log" 2>&1 \
      || { echo "client failed: $(tail -3 "$out/client-k$k-r$r.log")" >&2; exit 1; } ; } 2> "$out/client-time"
    end=$(date +%s.%N)
    client_cpu=$(awk '{ printf "%.2f", $1 + $2 }' "$out/client-time")
    after=0; for p in "${procs[@]}"; do after=$(echo "$after + $(cpu_of "$p")" | bc); done
    sha=$(find "$dir" -name metrics.csv | sort | xargs cat | sha256sum | cut -c1-16)
    each=""; for p in "${procs[@]}"; do each+=" $(cpu_of "$p")"; done
    printf "%-6s %-7s %9.2f %9.2f %9.2f %s (silo CPU totals:%s)\n" "$k" "$r" "$(echo "$end - $start" | bc)" "$(echo "$after - $before" | bc)" "$client_cpu" "$sha" "$each"
    cleanup
  done
done
echo "outputs in $out"
