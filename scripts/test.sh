#!/usr/bin/env bash
# Installs what is missing, builds, runs every test suite and ends with
# "N passed, N failed".
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

aidge_install_deps
aidge_build all mlir-doc

results="$AIDGE_BUILD/test-results"
rm -rf "$results" && mkdir -p "$results"

echo "==> lit suite (test/)"
set +e
"$LLVM_PREFIX/bin/lit" -sv --time-tests -j2 \
  --xunit-xml-output "$results/lit.xml" "$AIDGE_BUILD/test" "$AIDGE_BUILD/test/Unit"
set -e

/usr/bin/python3 "$AIDGE_ROOT/scripts/summarize_results.py" "$results"/*.xml
