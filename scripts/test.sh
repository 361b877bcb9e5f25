#!/usr/bin/env bash
# Runs the whole test suite on a fresh machine: installs what is missing, restores, builds, tests.
# The last line is the summary: "N passed, N failed, N skipped".
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"

bash scripts/setup.sh
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

results="$root/artifacts/test-results"
rm -rf "$results"
mkdir -p "$root/artifacts"
set +e
dotnet test VideoRecognition.sln -c Release \
  --logger "console;verbosity=normal" --logger "trx;LogFileName=tests.trx" \
  --results-directory "$results" 2>&1 | tee "$root/artifacts/test.log"
status=${PIPESTATUS[0]}
set -e

summary=$(grep -Eo 'Failed: +[0-9]+, Passed: +[0-9]+, Skipped: +[0-9]+' "$root/artifacts/test.log" | tail -n 1 || true)
if [ -n "$summary" ]; then
  failed=$(sed -E 's/Failed: +([0-9]+).*/\1/' <<<"$summary")
  passed=$(sed -E 's/.*Passed: +([0-9]+).*/\1/' <<<"$summary")
  skipped=$(sed -E 's/.*Skipped: +([0-9]+).*/\1/' <<<"$summary")
  echo "${passed} passed, ${failed} failed, ${skipped} skipped"
fi
exit "$status"
