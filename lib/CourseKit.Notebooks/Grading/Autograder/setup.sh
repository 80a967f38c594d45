#!/usr/bin/env bash
# Gradescope runs this once when it builds the autograder image (Ubuntu, as root, with network):
# it installs the .NET runtime, libtorch and BLAS, and builds CourseKit's native bridge against the
# image's libtorch. The grading itself (run_autograder) needs no network.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq curl ca-certificates g++ libtorch-dev libopenblas0-openmp > /dev/null
# The grader targets .NET 10; the library (net8.0) runs on it too.
curl -sSL https://dot.net/v1/dotnet-install.sh -o /tmp/dotnet-install.sh
bash /tmp/dotnet-install.sh --channel 10.0 --runtime dotnet --install-dir /usr/share/dotnet
ln -sf /usr/share/dotnet/dotnet /usr/local/bin/dotnet
# The bridge shipped in the zip was built against another libtorch; rebuild it against this one.
rm -f lib/CourseKit/bin/Release/net8.0/libcoursekit_native.so
bash lib/CourseKit.Native/build.sh lib/CourseKit/bin/Release/net8.0
dotnet --info | head -n 3
