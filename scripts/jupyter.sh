#!/usr/bin/env bash
# The notebooks as Jupyter front ends run them: installs CourseKit's kernelspec '.net-csharp' into a
# scratch Jupyter data folder, runs the kernel conformance suite (jupyter_kernel_test) and the
# protocol tests, then executes the given notebooks with nbclient and checks their outputs.
#   scripts/jupyter.sh OUT_DIR NOTEBOOK.ipynb...
# Prints "jupyter: N passed, N failed" last.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
out="$1"; shift
data="$(mktemp -d)"
log="$(mktemp)"
trap 'rm -rf "$data" "$log"' EXIT
dotnet "$(bash scripts/kernel.sh)" install --prefix "$data"
export JUPYTER_PATH="$data/share/jupyter"
passed=0; failed=0

# unittest ends with "Ran N tests" and "OK (skipped=S)" or "FAILED (failures=F, errors=E, skipped=S)".
# Output goes to a file, not a pipe: a process left behind by a failed test must not hold the run open.
/usr/bin/python3 -m unittest -v tests/jupyter/test_kernel_protocol.py < /dev/null > "$log" 2>&1 || true
cat "$log"
ran=$(sed -nE 's/^Ran ([0-9]+) tests? in .*/\1/p' "$log")
summary=$(grep -E '^(OK|FAILED)' "$log" || true)
bad=$(echo "$summary" | grep -oE '(failures|errors)=[0-9]+' | cut -d= -f2 | awk '{s+=$1} END {print s+0}' || true)
skipped=$(echo "$summary" | grep -oE 'skipped=[0-9]+' | cut -d= -f2 | awk '{s+=$1} END {print s+0}' || true)
if [ -z "$ran" ]; then failed=$((failed + 1)); else
  passed=$((passed + ran - ${bad:-0} - ${skipped:-0})); failed=$((failed + ${bad:-0})); fi

for nb in "$@"; do
  if /usr/bin/python3 tests/jupyter/execute_notebooks.py "$out" "$nb" < /dev/null; then passed=$((passed + 1)); else failed=$((failed + 1)); fi
done
echo "jupyter: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
