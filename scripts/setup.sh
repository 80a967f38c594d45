#!/usr/bin/env bash
# Installs what CourseKit needs on Debian/Ubuntu, when it is missing, and says what it does.
#   - libtorch-dev          libtorch (CPU build) that the native bridge binds
#   - libopenblas0-openmp   a fast BLAS for libtorch (Debian's default reference BLAS is ~12x slower)
#   - g++                   compiles the native bridge
#   - python3-torch         PyTorch, for the interop test and the side-by-side benchmark
#   - python3-scipy         SciPy, the independent FID computation the metric tests compare against
#   - fonts-dejavu-core     the font of the charts' static images and of image-grid labels
#   - nodejs, npm           fetch the browser scripts the HTML pages embed (web/package.json: plotly.js
#                           for interactive charts, MathJax for formulas) into web/node_modules
#   - python3-nbformat      the reference nbformat validator, for the notebook runner's tests
#   - python3-jsonschema    validates the grader's results.json against Gradescope's format
#   - python3-nbclient, python3-jupyter-kernel-test
#                           a real Jupyter client and the kernel conformance suite, for the kernel's tests
#   - chromium              headless browser, for the screenshot test of the notebook pages
#   - iproute2, util-linux  `ip` and `unshare`: the grader's network namespace (loopback only)
# The .NET SDK (8.0 or later) must already be installed.
set -euo pipefail

packages=(libtorch-dev libopenblas0-openmp g++ python3-torch python3-scipy fonts-dejavu-core python3-nbformat python3-jsonschema python3-nbclient
          python3-jupyter-kernel-test chromium iproute2 util-linux)
# node and npm: Debian's packages unless a Node.js with npm is already installed (e.g. from NodeSource).
command -v npm >/dev/null || packages+=(nodejs npm)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]} with apt-get (about 2 minutes on first use)"
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null && sudo -n true 2>/dev/null; then
    as_root=(sudo -n)
  else
    echo "setup: FAILED: these packages are missing and this user is neither root nor allowed to use sudo" >&2
    echo "       without a password. Ask an administrator to run:" >&2
    echo "       apt-get update && apt-get install -y ${missing[*]}" >&2
    exit 1
  fi
  export DEBIAN_FRONTEND=noninteractive
  if ! "${as_root[@]}" apt-get update -qq || ! "${as_root[@]}" apt-get install -y -qq "${missing[@]}" >/dev/null; then
    echo "setup: FAILED: apt-get could not install ${missing[*]} (see the messages above)" >&2
    exit 1
  fi
  echo "setup: installed ${missing[*]}"
fi

if ! command -v dotnet >/dev/null; then
  echo "setup: FAILED: the .NET SDK is not installed (dotnet is not on PATH). Install .NET 8 or later:" >&2
  echo "       https://learn.microsoft.com/dotnet/core/install/linux-debian" >&2
  exit 1
fi

# The browser scripts of the HTML pages, pinned in web/package.json, installed once into web/node_modules.
web="$(dirname "${BASH_SOURCE[0]}")/../web"
if [ ! -f "$web/node_modules/plotly.js-dist-min/plotly.min.js" ] || [ ! -f "$web/node_modules/mathjax/es5/tex-svg.js" ]; then
  echo "setup: installing plotly.js and MathJax from npm into web/node_modules (for offline HTML pages)"
  if ! npm install --prefix "$web" --no-audit --no-fund --loglevel=error >/dev/null; then
    echo "setup: FAILED: npm could not install web/package.json (plotly.js-dist-min, mathjax); see the messages above" >&2
    exit 1
  fi
fi
