//===- ShapeInference.h - Shape rules shared by ops and passes --*- C++ -*-===//
//
// The shape arithmetic of the aidge operators as free functions, so that the
// op verifiers, the ONNX importer and the implementation matcher agree.
//
//===----------------------------------------------------------------------===//

#ifndef AIDGE_DIALECT_AIDGE_IR_SHAPEINFERENCE_H
#define AIDGE_DIALECT_AIDGE_IR_SHAPEINFERENCE_H

#include "mlir/Support/LLVM.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>

namespace mlir::aidge {

/// numpy multidirectional broadcast of two shapes, or nullopt when the
/// shapes are incompatible.
std::optional<SmallVector<int64_t>> broadcastShapes(ArrayRef<int64_t> lhs,
                                                    ArrayRef<int64_t> rhs);

/// True when `from` broadcasts to `to` without changing `to`.
bool isUnidirectionallyBroadcastable(ArrayRef<int64_t> from,
                                     ArrayRef<int64_t> to);

/// Output size of a sliding window along one axis (convolution and pooling).
/// With `ceilMode`, a last window starting in the end padding is dropped.
int64_t slidingWindowOutputSize(int64_t in, int64_t kernel, int64_t stride,
                                int64_t dilation, int64_t padBegin,
                                int64_t padEnd, bool ceilMode = false);

/// Output size of a transposed convolution along one axis.
int64_t transposedConvOutputSize(int64_t in, int64_t kernel, int64_t stride,
                                 int64_t dilation, int64_t padBegin,
                                 int64_t padEnd, int64_t outputPadding);

/// Number of elements of a normalized slice (see aidge.slice).
int64_t sliceOutputSize(int64_t start, int64_t end, int64_t step);

/// Result shape of numpy matmul, or nullopt when incompatible.
std::optional<SmallVector<int64_t>> matmulShape(ArrayRef<int64_t> lhs,
                                                ArrayRef<int64_t> rhs);

/// Shape after removing the (sorted) `axes`.
SmallVector<int64_t> squeezedShape(ArrayRef<int64_t> shape,
                                   ArrayRef<int64_t> axes);

/// Shape after inserting size-1 dimensions at the (sorted, output-numbered)
/// `axes`.
SmallVector<int64_t> unsqueezedShape(ArrayRef<int64_t> shape,
                                     ArrayRef<int64_t> axes);

/// The 2-D shape of flattening at `axis`.
SmallVector<int64_t> flattenedShape(ArrayRef<int64_t> shape, int64_t axis);

/// True when `axes` is strictly increasing within [0, rank).
bool isSortedAxisList(ArrayRef<int64_t> axes, int64_t rank);

} // namespace mlir::aidge

#endif // AIDGE_DIALECT_AIDGE_IR_SHAPEINFERENCE_H
