#!/usr/bin/env bash
# Builds libcoursekit_native.so, the C bridge between CourseKit.dll and libtorch.
#
#   bash lib/CourseKit.Native/build.sh OUTPUT_DIR
#
# libtorch is taken from $LIBTORCH when set: a libtorch folder (e.g. a CUDA build from
# pytorch.org) or the `torch` folder of a Python install (python3 -c 'import torch, os;
# print(os.path.dirname(torch.__file__))'). Otherwise Debian's system install (libtorch-dev).
# The library's RUNPATH names $ORIGIN and the libtorch lib folder, so loading CourseKit.dll is
# all it takes; LD_LIBRARY_PATH is never needed. Rebuilds only when a source or libtorch changed.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${1:?usage: build.sh OUTPUT_DIR}"
mkdir -p "$out"
target="$out/libcoursekit_native.so"

if [ -n "${LIBTORCH:-}" ]; then
  [ -f "$LIBTORCH/lib/libtorch.so" ] || { echo "coursekit-native: LIBTORCH=$LIBTORCH has no lib/libtorch.so" >&2; exit 1; }
  includes=(-isystem "$LIBTORCH/include" -isystem "$LIBTORCH/include/torch/csrc/api/include")
  libdir="$LIBTORCH/lib"
else
  [ -f /usr/include/torch/csrc/api/include/torch/version.h ] || {
    echo "coursekit-native: libtorch not found: install Debian's libtorch-dev or set LIBTORCH" >&2; exit 1; }
  includes=(-isystem /usr/include/torch/csrc/api/include)
  libdir="/usr/lib/$(gcc -print-multiarch)"
fi

# The C++ standard libtorch's headers require: C++17 up to 2.11, C++20 from PyTorch 2.12 on.
version_h="${includes[-1]}/torch/version.h"
major=$(sed -n 's/^#define TORCH_VERSION_MAJOR \([0-9]*\).*/\1/p' "$version_h")
minor=$(sed -n 's/^#define TORCH_VERSION_MINOR \([0-9]*\).*/\1/p' "$version_h")
if [ "${major:-1}" -gt 2 ] || { [ "${major:-1}" -eq 2 ] && [ "${minor:-0}" -ge 12 ]; }; then std=c++20; else std=c++17; fi

# Match the C++ ABI that libtorch was built with (pytorch.org builds differ from Debian's).
# grep -c reads all of nm's output: grep -q stops at the first match, nm can then die of SIGPIPE and
# pipefail would take the whole test as false.
cxx11_symbols=$(nm -D --defined-only "$libdir/libc10.so" | grep -c '__cxx11' || true)
if [ "${cxx11_symbols:-0}" -gt 0 ]; then abi=1; else abi=0; fi
libs=(-ltorch -ltorch_cpu -lc10)
defines=()
if [ -f "$libdir/libtorch_cuda.so" ]; then libs+=(-ltorch_cuda -lc10_cuda); defines+=(-DCOURSEKIT_WITH_CUDA=1); fi

stamp="$out/.coursekit_native.stamp"
signature="$libdir abi=$abi std=$std $(cat "$here/coursekit.cpp" "$here/coursekit.h" "$here/build.sh" | sha256sum | cut -c1-16)"
if [ -f "$target" ] && [ -f "$stamp" ] && [ "$(cat "$stamp")" = "$signature" ]; then
  exit 0
fi

echo "coursekit-native: compiling against libtorch in $libdir (this takes about 30 s)"
"${CXX:-g++}" -std=$std -O2 -fPIC -shared -fvisibility=hidden -D_GLIBCXX_USE_CXX11_ABI=$abi ${defines[@]+"${defines[@]}"} \
  "${includes[@]}" "$here/coursekit.cpp" -o "$target.tmp" \
  -L"$libdir" -Wl,--no-as-needed "${libs[@]}" -Wl,--as-needed \
  -Wl,-rpath,'$ORIGIN' -Wl,-rpath,"$libdir" -Wl,--enable-new-dtags
mv "$target.tmp" "$target"
echo "$signature" > "$stamp"
echo "coursekit-native: built $target"
