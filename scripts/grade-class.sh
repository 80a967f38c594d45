#!/usr/bin/env bash
# Grades the generated class of 200 submissions of notebook 03 (correct, typical mistakes, blank, an
# endless loop, a stack overflow, Environment.Exit, unbounded allocation, a changed locked cell, a
# forbidden call), checks every score against its expected value, and prints each submission's time
# and the class's total (also written as it goes to the class-200-graded-*/progress.log under the test
# project's bin/Release/net10.0/scratch). Each submission costs one kernel start plus ten cells, and each
# sabotaged one a timeout or a restart per cell it breaks: on a busy 2-core machine (load ~45) that was
# 30-70 s per submission with 2 at a time, so the class takes well over an hour there; an idle machine
# is several times faster. The regular test suite grades one of each kind.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
COURSEKIT_KERNEL="${COURSEKIT_KERNEL:-$(bash scripts/kernel.sh)}"
export COURSEKIT_KERNEL COURSEKIT_CLASS_SIZE=200
exec dotnet test tests/CourseKit.Notebooks.Tests -c Release --filter "FullyQualifiedName~ClassGradingTests.ClassOf200" \
  --logger "console;verbosity=detailed"
