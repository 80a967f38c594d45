#!/usr/bin/env bash
# Trains the benchmark models in CourseKit and in PyTorch (python3-torch, same libtorch engine,
# same thread count) in one run and prints steps/s and the ratio CourseKit / PyTorch (for sample16 a
# step is one batch of 16 PixelCNN samples drawn pixel by pixel, 784 forward passes; unet-sample is one DDPM reverse step for 64 images); the op:
# rows are calls/s of single small operators (add and matmul of 8x8 tensors, an 8-8 Linear
# forward + backward), where the ratio measures the per-call overhead of each language binding.
# The two alternate for several rounds and each keeps its best round, so a burst of load from
# other processes on a shared machine does not decide the ratio; the ratios of single rounds
# (median, lowest, highest) show how much that load moves it.
#   ./coursekit bench [--rounds N] [--threads N] [--mlp-steps N] [--dcgan-steps N] [--wgan-gp-steps N] [--vae-steps N] [--pixelcnn-steps N] [--sample-batches N] [--unet-steps N] [--op-calls N]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
threads=$(nproc)
rounds=3
pass=()
while [ $# -gt 0 ]; do
  case "$1" in
    --rounds) rounds="$2" ;;
    --threads) threads="$2" ;;
    *) pass+=("$1" "$2") ;;
  esac
  shift 2
done
echo "bench: building CourseKit.Bench (Release)"
dotnet build bench/CourseKit.Bench -c Release -v quiet -nologo >/dev/null
results=""
for ((round = 1; round <= rounds; round++)); do
  echo "bench: round $round/$rounds"
  results+=$(dotnet bench/CourseKit.Bench/bin/Release/net10.0/CourseKit.Bench.dll --threads "$threads" "${pass[@]}" |
    grep '^{' | sed 's/^{/{"engine":"CourseKit",/')$'\n'
  results+=$(/usr/bin/python3 bench/bench_pytorch.py --threads "$threads" "${pass[@]}" |
    grep '^{' | sed 's/^{/{"engine":"PyTorch",/')$'\n'
done
/usr/bin/python3 - "$threads" "$rounds" "$results" <<'PY'
import json, sys
threads, rounds, lines = sys.argv[1], sys.argv[2], sys.argv[3]
from statistics import median
runs = {}  # (engine, model) -> steps/s of each round, in round order
for r in map(json.loads, filter(None, lines.splitlines())):
    runs.setdefault((r["engine"], r["model"]), []).append(r["steps_per_s"])
best = {key: max(values) for key, values in runs.items()}
models = [m for (e, m) in runs if e == "CourseKit"]
print(f"benchmark: {threads} threads, best of {rounds} rounds; then the ratio of each round (CourseKit's run")
print("against the PyTorch run right after it): median [lowest, highest], the spread that load gives")
print(f"{'model':<11} {'CourseKit steps/s':>18} {'PyTorch steps/s':>16} {'ratio':>7}   {'rounds':>20}")
for m in models:
    ck, pt = best[("CourseKit", m)], best[("PyTorch", m)]
    each = [c / p for c, p in zip(runs[("CourseKit", m)], runs[("PyTorch", m)])]
    spread = f"{median(each):.2f}x [{min(each):.2f}, {max(each):.2f}]"
    print(f"{m:<11} {ck:>18.2f} {pt:>16.2f} {ck / pt:>6.2f}x   {spread:>20}")
print("op: rows are calls/s; per-call overhead in microseconds, CourseKit vs PyTorch:")
for m in (m for m in models if m.startswith("op:")):
    ck, pt = best[("CourseKit", m)], best[("PyTorch", m)]
    print(f"  {m:<10} {1e6 / ck:8.2f} us vs {1e6 / pt:8.2f} us")
PY
