#!/usr/bin/env bash
# Installs what is missing, builds, and runs the whole flow on the bundled
# example CNN (examples/small_cnn.onnx): import, fuse, match to the cpp
# library, plan the memory, write the C++ project, build it with
# -Wall -Wextra -Werror, run it on the embedded input and compare with the
# reference output computed independently (examples/small_cnn_test_data).
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

aidge_install_deps
aidge_build aidge-opt aidge-translate aidge-export

model="$AIDGE_ROOT/examples/small_cnn.onnx"
echo "==> aidge-translate --import-onnx $model | aidge-opt --aidge-fuse --aidge-match-impl=lib=cpp"
# Weights are dense_resource blobs; elide their hex so the graph reads well.
"$AIDGE_BUILD/bin/aidge-translate" --import-onnx "$model" \
  | "$AIDGE_BUILD/bin/aidge-opt" --aidge-fuse --aidge-match-impl=lib=cpp \
      --mlir-elide-resource-strings-if-larger=64 \
      --mlir-elide-elementsattrs-if-larger=16 \
  | grep -v '^ *$'

export_dir="$AIDGE_BUILD/demo/small_cnn"
rm -rf "$export_dir"
echo "==> aidge-export $model -o $export_dir --test-data=examples/small_cnn_test_data"
"$AIDGE_BUILD/bin/aidge-export" "$model" -o "$export_dir" \
  --test-data="$AIDGE_ROOT/examples/small_cnn_test_data"
echo "==> memory plan (stats/memory_info.txt)"
sed -n '1,9p' "$export_dir/stats/memory_info.txt"
echo "==> make -C $export_dir && ./model"
make -s -C "$export_dir"
"$export_dir/model"
echo "==> ./model --bench 100"
"$export_dir/model" --bench 100 | head -1
