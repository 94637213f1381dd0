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

/// The shape the second operand of a binary element-wise op takes so that
/// numpy broadcasting computes what the node means. Before opset 7 these ops
/// broadcast only with `broadcast=1`, the second operand onto the first,
/// aligned at `axis` rather than at the end: that operand gets trailing 1s.
/// From opset 7 on, and for suffix alignment, its shape is unchanged.
FailureOr<SmallVector<int64_t>> legacyBroadcastShape(NodeImporter &node,
                                                     ArrayRef<int64_t> lhs,
                                                     ArrayRef<int64_t> rhs);

/// Concat's normalized axis; opset < 4 defaults it to 1, later opsets
/// require it.
FailureOr<int64_t> concatAxis(NodeImporter &node, int64_t rank);

/// Cast's target ONNX data type: an enum value from opset 6, its name (for
/// instance "FLOAT") before.
FailureOr<int32_t> castTarget(NodeImporter &node);

/// Reshape's target shape (the `shape` attribute before opset 5, input 1
/// from then on) with ONNX's 0 (copy, unless allowzero) and -1 (infer)
/// entries resolved.
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
