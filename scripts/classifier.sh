#!/usr/bin/env bash
# Retrains the evaluation classifier (lib/CourseKit/Metrics) on the shipped MNIST training split with a fixed
# seed, on one thread, writes checkpoints/mnist-classifier.safetensors, prints its test accuracy and
# FID(train, test), and rebuilds CourseKit so CourseKit.dll embeds the new weights.
#   ./coursekit classifier [--evaluate] [--epochs N] [--seed N] [--threads N] [--examples N] [--out PATH]
# --evaluate measures the checkpoint CourseKit.dll embeds without training.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
echo "classifier: building CourseKit.Classifier (Release)"
dotnet build lib/CourseKit.Classifier -c Release -v quiet -nologo >/dev/null
dotnet lib/CourseKit.Classifier/bin/Release/net10.0/CourseKit.Classifier.dll "$@"
case " $* " in
  *" --evaluate "*|*" --out "*) ;;
  *)
    echo "classifier: rebuilding CourseKit to embed the new checkpoint"
    dotnet build lib/CourseKit -c Release -v quiet -nologo >/dev/null
    ;;
esac
