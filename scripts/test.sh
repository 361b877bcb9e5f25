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

# The closing line CI reads, from the TRX counters (the console logger's wording varies by verbosity).
trx="$results/tests.trx"
if [ -f "$trx" ]; then
  count() { grep -o "<Counters [^>]*" "$trx" | grep -Eo " $1=\"[0-9]+\"" | grep -Eo '[0-9]+'; }
  echo "$(count passed) passed, $(count failed) failed, $(( $(count total) - $(count executed) )) skipped"
fi
exit "$status"
