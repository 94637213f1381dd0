#!/usr/bin/env bash
# Installs what is missing, builds, and imports the bundled example CNN
# (examples/small_cnn.onnx) into the aidge dialect.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

aidge_install_deps
aidge_build aidge-opt aidge-translate

model="$AIDGE_ROOT/examples/small_cnn.onnx"
echo "==> aidge-translate --import-onnx $model"
# Weights are dense_resource blobs; elide their hex so the graph reads well.
"$AIDGE_BUILD/bin/aidge-translate" --import-onnx "$model" \
  --mlir-elide-resource-strings-if-larger=64
