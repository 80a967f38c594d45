#!/usr/bin/env bash
# Trains the benchmark models in CourseKit and in PyTorch (python3-torch, same libtorch engine,
# same thread count) in one run and prints steps/s and the ratio CourseKit / PyTorch.
#   ./coursekit bench [--threads N] [--mlp-steps N] [--dcgan-steps N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
threads=$(nproc)
args=("$@")
for ((k = 0; k < ${#args[@]}; k++)); do [ "${args[k]}" = --threads ] && threads="${args[k+1]}"; done
dotnet build bench/CourseKit.Bench -c Release -v quiet -nologo >/dev/null
ours=$(dotnet bench/CourseKit.Bench/bin/Release/net10.0/CourseKit.Bench.dll --threads "$threads" "$@" | grep '^{')
theirs=$(/usr/bin/python3 bench/bench_pytorch.py --threads "$threads" "$@" | grep '^{')
/usr/bin/python3 - "$threads" "$ours" "$theirs" <<'PY'
import json, sys
threads, ours, theirs = sys.argv[1], sys.argv[2], sys.argv[3]
ck = {r["model"]: r["steps_per_s"] for r in map(json.loads, ours.splitlines())}
pt = {r["model"]: r["steps_per_s"] for r in map(json.loads, theirs.splitlines())}
print(f"benchmark ({threads} threads)   CourseKit steps/s   PyTorch steps/s   ratio")
for model in ck:
    print(f"{model:<24} {ck[model]:>18.2f} {pt[model]:>17.2f} {ck[model] / pt[model]:>7.2f}x")
PY
