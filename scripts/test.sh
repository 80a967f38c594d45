#!/usr/bin/env bash
# Builds everything (the native bridge included) and runs the test suite; ends with a line
# "N passed, N failed, N skipped". Extra arguments go to `dotnet test` (e.g. --filter Parity).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
status=0
dotnet test CourseKit.sln -c Release "$@" 2>&1 | tee "$log" || status=$?
# dotnet test prints one summary line per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, ..."
summary=$(grep -E "(Passed|Failed)! +- Failed: " "$log" | sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' |
  awk '{f+=$1; p+=$2; s+=$3} END {if (NR) printf "%d passed, %d failed, %d skipped\n", p, f, s}')
if [ -z "$summary" ]; then
  echo "test: FAILED: no test ran (see the build output above)" >&2
  exit 1
fi
echo "$summary"
exit "$status"
