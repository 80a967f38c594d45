#!/usr/bin/env bash
# Grades the generated class of 200 submissions of notebook 03 (correct, typical mistakes, blank, an
# endless loop, a stack overflow, Environment.Exit, unbounded allocation, a changed locked cell, a
# forbidden call), checks every score against its expected value, and prints each submission's time
# and the class's total. Takes about 10-20 minutes on 2 cores. The regular test suite grades one of each kind.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
COURSEKIT_KERNEL="${COURSEKIT_KERNEL:-$(bash scripts/kernel.sh)}"
export COURSEKIT_KERNEL COURSEKIT_CLASS_SIZE=200
exec dotnet test tests/CourseKit.Notebooks.Tests -c Release --filter "FullyQualifiedName~ClassGradingTests.ClassOf200" \
  --logger "console;verbosity=detailed"
