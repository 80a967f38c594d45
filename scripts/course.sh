#!/usr/bin/env bash
# Runs the course notebooks headlessly, top to bottom, and writes the executed notebooks, one HTML
# page per notebook and an index to the output folder (default: out/).
#   ./coursekit run [--full] [--out DIR] [--seed N] [--device cpu|cuda] [--cell-timeout S] [NOTEBOOK.ipynb...]
# The quick setting (the default) trains on small budgets; --full gives the results the notebooks quote.
#   ./coursekit student [--out DIR]: writes student versions instead (solution regions removed).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
verb=run
if [ "${1:-}" = --student ]; then verb=student; shift; fi
args=("$@")
if [ "$verb" = student ]; then
  [[ " ${args[*]} " == *" --out "* ]] || args+=(--out student)   # beside notebooks/, so their relative #r paths hold
else
  [[ " ${args[*]} " == *" --out "* ]] || args+=(--out out)
  [[ " ${args[*]} " == *" --full "* ]] || args+=(--quick)
fi
[[ " ${args[*]} " == *".ipynb "* ]] || args=(notebooks "${args[@]}")
echo "course: building CourseKit and the notebook runner (Release)"
log="$(mktemp)"
if ! dotnet build lib/CourseKit.Notebooks -c Release -nologo > "$log" 2>&1; then
  cat "$log"; rm -f "$log"
  echo "course: FAILED: the build failed (see above)" >&2
  exit 1
fi
rm -f "$log"
# The precompiled kernel (scripts/kernel.sh), unless COURSEKIT_KERNEL names another one.
COURSEKIT_KERNEL="${COURSEKIT_KERNEL:-$(bash scripts/kernel.sh)}"
export COURSEKIT_KERNEL
exec dotnet lib/CourseKit.Notebooks/bin/Release/net10.0/coursekit-notebooks.dll "$verb" "${args[@]}"
