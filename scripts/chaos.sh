#!/usr/bin/env bash
# Chaos trials (docs/cluster.md#chaos-testing): ChaosTests of tests/SupplySim.Cli.Tests with more trials. Each trial
# submits a 6-replicate quickstart experiment with --redis to three `supplysim silo` processes on a private redis-server
# (appendonly, so a kill -9 loses nothing written), then kills one or two random silos with SIGKILL at random moments
# of its first 4 s, starts a new silo after each, and in every third trial kills Redis and starts it again; every
# trial's files must be byte-identical to the embedded run's. The faults come from a seeded generator: the report names
# the seed, and SEED=... repeats the same faults (the moments are the same; what they hit depends on timing).
#
# Usage: scripts/chaos.sh [TRIALS (default 20)] [SEED (default: from the clock)]
# Needs redis-server on PATH (test.sh installs it). Takes about 15-40 s per trial on a 2-core machine.
set -euo pipefail
cd "$(dirname "$0")/.."
trials=${1:-20}
report=$(mktemp /tmp/chaos-report.XXXXXX)
dotnet build tests/SupplySim.Cli.Tests -c Release > /dev/null
status=0
SUPPLYSIM_CHAOS_TRIALS=$trials SUPPLYSIM_CHAOS_SEED=${2:-} SUPPLYSIM_CHAOS_REPORT=$report \
  dotnet test --project tests/SupplySim.Cli.Tests -c Release --no-build -- \
  --filter-method '*Should_Give_Identical_Metrics_To_Embedded_In_Every_Trial_Of_Random_Silo_Kills_And_Redis_Restarts' \
  > "$report.log" 2>&1 || status=$?
if [[ -s $report ]]; then cat "$report"; else grep -v '^\s*at ' "$report.log" | tail -40; fi
echo "test log: $report.log"
exit $status
