#!/usr/bin/env bash
# Installs what is missing, builds, imports the bundled example CNN
# (examples/small_cnn.onnx) into the aidge dialect, then fuses it and
# matches every op to the built-in `cpp` export library.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

aidge_install_deps
aidge_build aidge-opt aidge-translate

model="$AIDGE_ROOT/examples/small_cnn.onnx"
echo "==> aidge-translate --import-onnx $model"
# Weights are dense_resource blobs; elide their hex so the graph reads well.
"$AIDGE_BUILD/bin/aidge-translate" --import-onnx "$model" \
  --mlir-elide-resource-strings-if-larger=64

echo "==> aidge-opt --aidge-fuse --aidge-match-impl=lib=cpp"
"$AIDGE_BUILD/bin/aidge-translate" --import-onnx "$model" \
  | "$AIDGE_BUILD/bin/aidge-opt" --aidge-fuse --aidge-match-impl=lib=cpp \
      --mlir-elide-resource-strings-if-larger=64 \
      --mlir-elide-elementsattrs-if-larger=16
