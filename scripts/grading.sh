#!/usr/bin/env bash
# The grading commands of the notebook tool, after building it (Release) and the precompiled kernel:
#   scripts/grading.sh assign [NOTEBOOK.ipynb | FOLDER]... [--out release] [--instructor instructor]
#   scripts/grading.sh grade SUBMISSIONS --assignment instructor/NAME.ipynb --out grades [--jobs N] [--test-timeout S]
#   scripts/grading.sh autograder --assignment instructor/NAME.ipynb --out autograder.zip
#   scripts/grading.sh figures EXECUTED.ipynb... [--out DIR]   (no kernel: it reads executed notebooks)
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
log="$(mktemp)"
trap 'rm -f "$log"' EXIT
echo "grading: building CourseKit and the notebook tool (Release)" >&2
if ! dotnet build lib/CourseKit.Notebooks -c Release -nologo > "$log" 2>&1; then
  cat "$log" >&2
  echo "grading: FAILED: the build failed (see above)" >&2
  exit 1
fi
if [ "${1:-}" != autograder ] && [ "${1:-}" != figures ]; then
  COURSEKIT_KERNEL="${COURSEKIT_KERNEL:-$(bash scripts/kernel.sh)}"
  export COURSEKIT_KERNEL
fi
exec dotnet lib/CourseKit.Notebooks/bin/Release/net10.0/coursekit-notebooks.dll "$@"
