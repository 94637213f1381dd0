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

echo "==> Python package (python/tests)"
set +e
PYTHONPATH="$AIDGE_BUILD/python" /usr/bin/python3 -m pytest -q -p no:cacheprovider \
  "$AIDGE_ROOT/python/tests" --junitxml="$results/python.xml"
set -e
# A crash before pytest writes its report must still count as a failure.
[ -f "$results/python.xml" ] || cat > "$results/python.xml" <<'XML'
<testsuite><testcase classname="python" name="pytest"><failure message="pytest wrote no report"/></testcase></testsuite>
XML

echo "==> ONNX backend conformance (test/conformance)"
set +e
/usr/bin/python3 "$AIDGE_ROOT/test/conformance/run_conformance.py" \
  --aidge-export "$AIDGE_BUILD/bin/aidge-export" \
  --aidge-translate "$AIDGE_BUILD/bin/aidge-translate" \
  --expected "$AIDGE_ROOT/test/conformance/expected.txt" \
  --work "$AIDGE_BUILD/conformance" --jobs 2 \
  --docs "$AIDGE_BUILD/conformance.md" --check-docs "$AIDGE_ROOT/docs/conformance.md" \
  --xunit "$results/conformance.xml"
set -e

/usr/bin/python3 "$AIDGE_ROOT/scripts/summarize_results.py" "$results"/*.xml
