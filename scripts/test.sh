#!/usr/bin/env bash
# Builds everything (the native bridge included), runs the unit test suites, then runs every course
# notebook in its quick setting through the runner (each in its own kernel process) and validates the
# executed notebooks with the nbformat validator, checks their figures (coursekit figures), then tests the Jupyter kernel with the conformance
# suite and executes every notebook through nbclient (scripts/jupyter.sh).
# Ends with a line "N passed, N failed, N skipped" (notebooks count one each per route).
# Extra arguments go to `dotnet test` (e.g. --filter Parity).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
log="$(mktemp)"
nbout="$(mktemp -d)"
trap 'rm -rf "$log" "$nbout"' EXIT
status=0
# The notebook runs in the tests start the precompiled kernel, as ./coursekit run does.
COURSEKIT_KERNEL="$(bash scripts/kernel.sh)"
export COURSEKIT_KERNEL
dotnet test CourseKit.sln -c Release "$@" 2>&1 | tee "$log" || status=$?
# dotnet test prints one summary line per test assembly: "Passed!  - Failed: 0, Passed: 12, Skipped: 0, ..."
read -r failed passed skipped < <(grep -E "(Passed|Failed)! +- Failed: " "$log" |
  sed -E 's/.*Failed: *([0-9]+), Passed: *([0-9]+), Skipped: *([0-9]+).*/\1 \2 \3/' |
  awk '{f+=$1; p+=$2; s+=$3} END {print f+0, p+0, s+0}')
if [ "$passed" -eq 0 ]; then
  echo "test: FAILED: no test ran (see the build output above)" >&2
  exit 1
fi

echo "test: running the course notebooks (quick setting)"
if bash scripts/course.sh --out "$nbout"; then notebook_status=0; else notebook_status=$?; fi
for nb in "$nbout"/*.ipynb; do
  if [ -f "$nb" ] && /usr/bin/python3 -c "import nbformat, sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))" "$nb"; then
    passed=$((passed + 1))
  else
    echo "test: FAILED: ${nb##*/} is not a valid executed nbformat 4 notebook" >&2
    failed=$((failed + 1))
  fi
done
if [ "$notebook_status" -ne 0 ]; then
  failed=$((failed + 1)); status=1
fi

echo "test: checking every figure of the executed notebooks (static PNG not blank; plotly.js draws data, title and labels)"
for nb in "$nbout"/*.ipynb; do
  [ -f "$nb" ] || continue
  if dotnet lib/CourseKit.Notebooks/bin/Release/net10.0/coursekit-notebooks.dll figures "$nb"; then
    passed=$((passed + 1))
  else
    failed=$((failed + 1)); status=1
  fi
done

echo "test: the Jupyter kernel and the course notebooks through nbclient"
bash scripts/jupyter.sh "$nbout/nbclient" notebooks/*.ipynb < /dev/null > "$log" 2>&1 || status=1
cat "$log"
read -r jpassed jfailed < <(sed -nE 's/^jupyter: ([0-9]+) passed, ([0-9]+) failed$/\1 \2/p' "$log" | tail -1) || true
if [ -z "${jpassed:-}" ]; then jpassed=0; jfailed=1; fi
passed=$((passed + jpassed)); failed=$((failed + jfailed))
[ "$failed" -eq 0 ] || status=1
echo "$passed passed, $failed failed, $skipped skipped"
exit "$status"
