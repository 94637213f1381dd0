//===- OpParameters.h - ONNX operands decoded per opset ---------*- C++ -*-===//
//
// The parameters that moved from attributes to inputs across opsets, decoded
// once for both the op handlers and the import-time evaluator, so that a
// folded shape subgraph and an imported op always agree.
//
//===----------------------------------------------------------------------===//

#ifndef AIDGE_LIB_IMPORT_ONNX_OPPARAMETERS_H
#define AIDGE_LIB_IMPORT_ONNX_OPPARAMETERS_H

#include "NodeImporter.h"

namespace mlir::aidge::onnx_import {

/// Reshape's target shape with ONNX's 0 (copy, unless allowzero) and -1
/// (infer) entries resolved.
FailureOr<SmallVector<int64_t>> reshapeTarget(NodeImporter &node,
                                              ArrayRef<int64_t> inShape);

/// Sorted non-negative Squeeze axes (all size-1 dims when none given).
FailureOr<SmallVector<int64_t>> squeezeAxes(NodeImporter &node,
                                            ArrayRef<int64_t> inShape);

/// Sorted non-negative Unsqueeze axes, numbered in the output.
FailureOr<SmallVector<int64_t>> unsqueezeAxes(NodeImporter &node,
                                              int64_t inRank);

/// Flatten's normalized axis in [0, rank].
FailureOr<int64_t> flattenAxis(NodeImporter &node, int64_t rank);

/// Transpose's permutation (reversed dims by default).
FailureOr<SmallVector<int64_t>> transposePerm(NodeImporter &node,
                                              int64_t rank);

/// Slice bounds with one clamped (start, end, step) per dimension.
struct SliceBounds {
  SmallVector<int64_t> starts, ends, steps;
};
FailureOr<SliceBounds> sliceBounds(NodeImporter &node,
                                   ArrayRef<int64_t> inShape);

/// Gather's axis and constant, normalized (non-negative) indices.
struct GatherParams {
  int64_t axis;
  HostTensor indices;
};
FailureOr<GatherParams> gatherParams(NodeImporter &node,
                                     ArrayRef<int64_t> dataShape);

} // namespace mlir::aidge::onnx_import

#endif // AIDGE_LIB_IMPORT_ONNX_OPPARAMETERS_H
