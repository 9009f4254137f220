#!/usr/bin/env bash
# Runs per hour, side by side (docs/performance.md#runs-per-hour): the same `supplysim run SCENARIO --replicates R`
# with two builds, alternated A B A B ... N times in one sitting, so that both see the same machine. Prints each
# repeat, then per build the median wall time, the median CPU time (user + system) and runs per hour, and the ratio.
#
# Usage: scripts/throughput.sh [-n REPEATS] [-r REPLICATES] [-s SCENARIO] BUILD_A BUILD_B
#   BUILD_x: a `supplysim` executable, e.g. a worktree of an older commit built in Release:
#     git worktree add /tmp/old dd9b0b5 && dotnet build /tmp/old/src/SupplySim.Cli -c Release
#     scripts/throughput.sh -n 4 /tmp/old/src/SupplySim.Cli/bin/Release/net10.0/supplysim \
#         src/SupplySim.Cli/bin/Release/net10.0/supplysim
# Defaults: 4 repeats, 20 replicates, scenarios/baseline.yaml. Needs GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
repeats=4; replicates=20; scenario=scenarios/baseline.yaml
while getopts "n:r:s:" opt; do
  case $opt in n) repeats=$OPTARG ;; r) replicates=$OPTARG ;; s) scenario=$OPTARG ;; *) exit 2 ;; esac
done
shift $((OPTIND - 1))
[[ $# -eq 2 ]] || { echo "usage: $0 [-n REPEATS] [-r REPLICATES] [-s SCENARIO] BUILD_A BUILD_B" >&2; exit 2; }
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time is missing (apt-get install time)" >&2; exit 2; }
out=$(mktemp -d /tmp/throughput.XXXXXX); trap 'rm -rf "$out"' EXIT

declare -A walls cpus
for ((i = 1; i <= repeats; i++)); do
  for build in A B; do
    bin=$1; [[ $build == B ]] && bin=$2
    rm -rf "$out/run"
    /usr/bin/time -o "$out/time" -f "%e %U %S" "$bin" run "$scenario" --replicates "$replicates" --out "$out/run" \
      > "$out/log" 2>&1 || { echo "error: build $build failed; its output:" >&2; tail -5 "$out/log" >&2; exit 1; }
    read -r wall user sys < "$out/time"
    cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }')
    walls[$build]+="$wall "; cpus[$build]+="$cpu "
    printf '%s repeat %d: %6.2f s wall, %6.2f s CPU\n' "$build" "$i" "$wall" "$cpu"
  done
done

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }'; }
for build in A B; do
  w=$(echo "${walls[$build]}" | median); c=$(echo "${cpus[$build]}" | median)
  printf '%s: median %6.2f s wall, %6.2f s CPU, %6.0f runs an hour\n' "$build" "$w" "$c" "$(awk -v r="$replicates" -v w="$w" 'BEGIN { print 3600 * r / w }')"
  declare "median_$build=$w"
done
printf 'runs per hour, B / A: %.2fx\n' "$(awk -v a="$median_A" -v b="$median_B" 'BEGIN { print a / b }')"
