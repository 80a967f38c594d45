#!/usr/bin/env bash
# Checks CourseKit on a CUDA machine that has PyTorch but no .NET SDK (a GPU server, a cloud VM).
#
#   bash scripts/cuda-check.sh pack DIR       on a machine with the SDK: builds Release and writes
#                                             DIR/dotnet.tar.xz (the .NET runtime, about 25 MB) and
#                                             DIR/coursekit.tar.xz (the built programs, about 25 MB)
#   bash scripts/cuda-check.sh run DIR OUT    on the GPU machine, in a checkout of the same commit:
#                                             unpacks both, builds the bridge against the libtorch inside
#                                             python3's torch package ($LIBTORCH overrides), then runs
#   1. the PyTorch parity tests (tests/CourseKit.Tests/Parity) on CUDA, with TF32 off;
#   2. the same tests on the CPU of that libtorch;
#   3. notebook 03 in its full setting and every notebook in its quick setting with --device cuda.
# OUT receives the logs, the xUnit results and the executed notebooks; the exit status is non-zero
# when any step failed. Set CUDA_CHECK_NOTEBOOKS to a list of notebooks to run other ones in full.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
verb="${1:?usage: cuda-check.sh pack DIR | run DIR OUT}"
dir="${2:?usage: cuda-check.sh pack DIR | run DIR OUT}"
runner_bin=lib/CourseKit.Notebooks/bin/Release/net10.0
library_bin=lib/CourseKit/bin/Release/net8.0
tests_bin=tests/CourseKit.Tests/bin/Release/net10.0

pack() {
  mkdir -p "$dir"
  dir="$(cd "$dir" && pwd)"
  echo "cuda-check: building Release"
  dotnet build lib/CourseKit -c Release -nologo -v quiet
  dotnet build lib/CourseKit.Notebooks -c Release -nologo -v quiet
  dotnet build tests/CourseKit.Tests -c Release -nologo -v quiet

  # xUnit's console runner runs the test assembly where no SDK (dotnet test) is installed.
  local restore; restore="$(mktemp -d)"
  cat > "$restore/console.csproj" <<'PROJ'
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><TargetFramework>net10.0</TargetFramework><ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally></PropertyGroup>
  <ItemGroup><PackageDownload Include="xunit.runner.console" Version="[2.4.1]" /></ItemGroup>
</Project>
PROJ
  dotnet restore "$restore/console.csproj" -nologo -v quiet
  rm -rf "$restore"
  local console="${NUGET_PACKAGES:-$HOME/.nuget/packages}/xunit.runner.console/2.4.1/tools/netcoreapp2.0"

  local stage; stage="$(mktemp -d)"
  for bin in "$runner_bin" "$library_bin" "$tests_bin"; do
    mkdir -p "$stage/$bin"
    # Linux x64 only: no other platforms' native libraries, no translations, no debug symbols.
    (cd "$bin" && find . -type f \
        ! -path './runtimes/*' ! -name '*.pdb' ! -regex '\./[a-z][a-z]\(-[A-Za-z]+\)?/.*\.resources\.dll' -print0;
      find ./runtimes/linux-x64 -type f -print0 2>/dev/null) |
      (cd "$bin" && tar --null -T - -cf -) | tar -C "$stage/$bin" -xf -
    rm -f "$stage/$bin/libcoursekit_native.so"   # built on the GPU machine against its libtorch
  done
  cp "$console"/* "$stage/$tests_bin/"
  command -v hardlink > /dev/null && hardlink -q "$stage" || true   # the three folders share most files
  echo "cuda-check: compressing"
  tar -C "$stage" -cf - . | xz -T0 -9 > "$dir/coursekit.tar.xz"
  rm -rf "$stage"
  git rev-parse HEAD > "$dir/commit"

  local root; root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
  local framework; framework="$(ls -d "$root"/shared/Microsoft.NETCore.App/10.* | sort -V | tail -1)"
  tar -C "$root" -cf - dotnet host "shared/Microsoft.NETCore.App/$(basename "$framework")" | xz -T0 -9 > "$dir/dotnet.tar.xz"
  ls -l "$dir"
}

step() { # step NAME COMMAND...: runs one check, logs it to OUT/NAME.log, remembers a failure
  local name="$1"; shift
  echo "cuda-check: $name"
  local start=$SECONDS
  if "$@" > "$out/$name.log" 2>&1; then echo "cuda-check: $name passed ($((SECONDS - start)) s)"
  else echo "cuda-check: $name FAILED ($((SECONDS - start)) s), see $name.log"; tail -n 30 "$out/$name.log"; failed+=("$name"); fi
}

parity() { # parity DEVICE: the parity test classes, xUnit results in OUT/parity-DEVICE.xml
  (cd "$tests_bin" && COURSEKIT_TEST_DEVICE="$1" NVIDIA_TF32_OVERRIDE=0 DOTNET_ROLL_FORWARD=Major \
    dotnet xunit.console.dll CourseKit.Tests.dll -parallel none -xml "$out/parity-$1.xml" \
      -class CourseKit.Tests.Parity.OpParityTests -class CourseKit.Tests.Parity.ConvNetParityTests)
}

notebooks() { # notebooks FOLDER ARGS...: the runner with --device cuda, executed notebooks in FOLDER
  rm -rf "$1"
  dotnet "$runner_bin/coursekit-notebooks.dll" run --device cuda --out "$1" "${@:2}"
}

run() {
  out="${3:?usage: cuda-check.sh run DIR OUT}"
  mkdir -p "$out"; out="$(cd "$out" && pwd)"
  local tmp; tmp="$(mktemp -d)"
  mkdir -p "$tmp/dotnet"
  tar -C "$tmp/dotnet" -xJf "$dir/dotnet.tar.xz"
  tar -xJf "$dir/coursekit.tar.xz"
  local packed; packed="$(cat "$dir/commit")"
  [ "$packed" = "$(git rev-parse HEAD 2>/dev/null || echo "$packed")" ] ||
    echo "cuda-check: warning: packed at $packed, this checkout is $(git rev-parse HEAD)"
  export DOTNET_ROOT="$tmp/dotnet" PATH="$tmp/dotnet:$PATH" DOTNET_CLI_TELEMETRY_OPTOUT=1
  # GPU images often lack ICU; CourseKit formats numbers in the invariant culture anyway.
  export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1
  if [ -z "${LIBTORCH:-}" ]; then   # the libtorch inside python3's torch package, where it has one
    local package; package="$(python3 -c 'import os, torch; print(os.path.dirname(torch.__file__))' 2> /dev/null || true)"
    if [ -n "$package" ] && [ -f "$package/lib/libtorch.so" ]; then export LIBTORCH="$package"; fi
  fi
  failed=()
  { nvidia-smi -L; python3 -c 'import torch; print("torch", torch.__version__, "CUDA", torch.version.cuda)'; } 2>&1 | tee "$out/machine.txt" || true
  step bridge bash lib/CourseKit.Native/build.sh "$tmp/native"
  for bin in "$runner_bin" "$library_bin" "$tests_bin"; do cp "$tmp/native/libcoursekit_native.so" "$bin/"; done
  step parity-cuda parity cuda
  step parity-cpu parity cpu
  # Beside notebooks/, so that each notebook's relative #r path holds.
  step notebooks-full notebooks cuda-full --full --cell-timeout 1200 ${CUDA_CHECK_NOTEBOOKS:-notebooks/03_variational_autoencoders.ipynb}
  step notebooks-quick notebooks cuda-quick notebooks
  tar -cJf "$out/notebooks.tar.xz" cuda-full cuda-quick 2> /dev/null || true
  rm -rf "$tmp"
  if [ ${#failed[@]} -gt 0 ]; then echo "cuda-check: FAILED: ${failed[*]}"; exit 1; fi
  echo "cuda-check: every step passed"
}

case "$verb" in
  pack) pack ;;
  run) run "$@" ;;
  *) echo "usage: cuda-check.sh pack DIR | run DIR OUT" >&2; exit 2 ;;
esac
