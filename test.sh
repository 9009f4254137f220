#!/usr/bin/env bash
# SupplySim's one test command (README.md): installs what the tests need, builds the solution once in
# Release, runs the benchmarks in their dry mode (so they cannot rot), runs every test project, and
# ends with a line "N passed, N failed". Exit code 0 only when everything passed.
set -uo pipefail
cd "$(dirname "$0")"

# --- prerequisites -----------------------------------------------------------------------------------
if ! command -v dotnet >/dev/null 2>&1; then
  echo "error: the .NET SDK 10 is required (https://dot.net); 'dotnet' is not on PATH" >&2
  echo "0 passed, 1 failed"
  exit 2
fi
# The cluster tests start their own redis-server on a free 127.0.0.1 port; install it from Debian when missing.
if ! command -v redis-server >/dev/null 2>&1; then
  echo "== installing redis-server (Debian package)"
  if ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server) >/dev/null 2>&1 \
     || ! command -v redis-server >/dev/null 2>&1; then
    echo "error: redis-server is required by the cluster tests and could not be installed (apt-get install redis-server)" >&2
    echo "0 passed, 1 failed"
    exit 2
  fi
  # The package starts a system instance on port 6379; the tests do not use it.
fi
# The TLS cluster test makes a throwaway CA and server certificate with openssl; install it from Debian when missing
# (a minimal Debian image has libssl, which redis-server links, but not the openssl command).
if ! command -v openssl >/dev/null 2>&1; then
  echo "== installing openssl (Debian package)"
  if ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openssl) >/dev/null 2>&1 \
     || ! command -v openssl >/dev/null 2>&1; then
    echo "error: openssl is required by the TLS cluster test and could not be installed (apt-get install openssl)" >&2
    echo "0 passed, 1 failed"
    exit 2
  fi
fi
# The workshop's browser test drives Debian's chromium through Playwright (its executable path set, so Playwright
# downloads no browser); install it from Debian when missing.
if [ ! -x /usr/bin/chromium ]; then
  echo "== installing chromium (Debian package)"
  if ! (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium) >/dev/null 2>&1 \
     || [ ! -x /usr/bin/chromium ]; then
    echo "error: chromium is required by the workshop browser test and could not be installed (apt-get install chromium)" >&2
    echo "0 passed, 1 failed"
    exit 2
  fi
fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log_dir=$(mktemp -d)
trap 'rm -rf "$log_dir"' EXIT

# --- build ---------------------------------------------------------------------------------------------
echo "== build (Release)"
if ! dotnet build SupplySim.sln -c Release -nologo >"$log_dir/build.log" 2>&1; then
  grep -E "error" "$log_dir/build.log" | sort -u | head -n 20
  tail -n 5 "$log_dir/build.log"
  echo "0 passed, 1 failed"
  exit 1
fi

failed=0
passed=0

# --- benchmarks, dry mode (one invocation of each benchmark, in process: checks they still run) --------
echo "== benchmarks (dry run)"
if dotnet run -c Release --no-build --project benchmarks/SupplySim.Benchmarks -- --filter '*' --job Dry --inProcess \
     >"$log_dir/bench.log" 2>&1; then
  echo "benchmarks: dry run ok"
  passed=$((passed + 1))
else
  tail -n 40 "$log_dir/bench.log"
  echo "benchmarks: dry run FAILED"
  failed=$((failed + 1))
fi

# --- tests -------------------------------------------------------------------------------------------
echo "== tests"
dotnet test --solution SupplySim.sln -c Release --no-build 2>&1 | tee "$log_dir/test.log"
test_status=${PIPESTATUS[0]}
t_total=$(grep -E '^\s*total:' "$log_dir/test.log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
t_failed=$(grep -E '^\s*failed:' "$log_dir/test.log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
t_passed=$(grep -E '^\s*succeeded:' "$log_dir/test.log" | tail -n 1 | grep -oE '[0-9]+' || echo 0)
if [ "$test_status" -ne 0 ] && [ "${t_failed:-0}" -eq 0 ]; then t_failed=1; fi   # a crash counts as a failure
if [ "${t_total:-0}" -eq 0 ]; then t_failed=$((t_failed + 1)); fi                # running no test is a failure
passed=$((passed + ${t_passed:-0}))
failed=$((failed + ${t_failed:-0}))

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
