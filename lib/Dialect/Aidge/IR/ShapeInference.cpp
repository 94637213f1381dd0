//===- ShapeInference.cpp - Shape rules shared by ops and passes ----------===//

#include "aidge/Dialect/Aidge/IR/ShapeInference.h"

#include "llvm/ADT/STLExtras.h"

#include <algorithm>

namespace mlir::aidge {

std::optional<SmallVector<int64_t>> broadcastShapes(ArrayRef<int64_t> lhs,
                                                    ArrayRef<int64_t> rhs) {
  size_t rank = std::max(lhs.size(), rhs.size());
  SmallVector<int64_t> result(rank);
  for (size_t i = 0; i < rank; ++i) {
    int64_t l = i < rank - lhs.size() ? 1 : lhs[i - (rank - lhs.size())];
    int64_t r = i < rank - rhs.size() ? 1 : rhs[i - (rank - rhs.size())];
    if (l != r && l != 1 && r != 1)
      return std::nullopt;
    result[i] = l == 1 ? r : l;
  }
  return result;
}

bool isUnidirectionallyBroadcastable(ArrayRef<int64_t> from,
                                     ArrayRef<int64_t> to) {
  auto shape = broadcastShapes(from, to);
  return shape && ArrayRef<int64_t>(*shape) == to;
}

static int64_t ceilDiv(int64_t a, int64_t b) { return (a + b - 1) / b; }

int64_t slidingWindowOutputSize(int64_t in, int64_t kernel, int64_t stride,
                                int64_t dilation, int64_t padBegin,
                                int64_t padEnd, bool ceilMode) {
  int64_t span = in + padBegin + padEnd - ((kernel - 1) * dilation + 1);
  if (span < 0)
    return 0;
  int64_t out = (ceilMode ? ceilDiv(span, stride) : span / stride) + 1;
  if (ceilMode && (out - 1) * stride >= in + padBegin)
    --out;
  return out;
}

int64_t transposedConvOutputSize(int64_t in, int64_t kernel, int64_t stride,
                                 int64_t dilation, int64_t padBegin,
                                 int64_t padEnd, int64_t outputPadding) {
  return stride * (in - 1) + outputPadding + (kernel - 1) * dilation + 1 -
         padBegin - padEnd;
}

int64_t sliceOutputSize(int64_t start, int64_t end, int64_t step) {
  if (step > 0)
    return std::max<int64_t>(0, ceilDiv(end - start, step));
  return std::max<int64_t>(0, ceilDiv(start - end, -step));
}

std::optional<SmallVector<int64_t>> matmulShape(ArrayRef<int64_t> lhs,
                                                ArrayRef<int64_t> rhs) {
  if (lhs.empty() || rhs.empty())
    return std::nullopt;
  SmallVector<int64_t> l(lhs), r(rhs);
  bool lhsVector = l.size() == 1, rhsVector = r.size() == 1;
  if (lhsVector)
    l.insert(l.begin(), 1);
  if (rhsVector)
    r.push_back(1);
  if (l.back() != r[r.size() - 2])
    return std::nullopt;
  auto batch = broadcastShapes(ArrayRef(l).drop_back(2), ArrayRef(r).drop_back(2));
  if (!batch)
    return std::nullopt;
  SmallVector<int64_t> result = *batch;
  if (!lhsVector)
    result.push_back(l[l.size() - 2]);
  if (!rhsVector)
    result.push_back(r.back());
  return result;
}

SmallVector<int64_t> squeezedShape(
    ArrayRef<int64_t> shape, ArrayRef<int64_t> axes) {
  SmallVector<int64_t> out;
  for (auto [i, d] : llvm::enumerate(shape))
    if (!llvm::is_contained(axes, (int64_t)i))
      out.push_back(d);
  return out;
}

SmallVector<int64_t> unsqueezedShape(
    ArrayRef<int64_t> shape, ArrayRef<int64_t> axes) {
  SmallVector<int64_t> out;
  int64_t rank = shape.size() + axes.size();
  for (int64_t d = 0; d < rank; ++d) {
    if (llvm::is_contained(axes, d)) {
      out.push_back(1);
    } else {
      out.push_back(shape.front());
      shape = shape.drop_front();
    }
  }
  return out;
}

SmallVector<int64_t> flattenedShape(
    ArrayRef<int64_t> shape, int64_t axis) {
  int64_t rows = 1, cols = 1;
  for (auto [i, d] : llvm::enumerate(shape))
    ((int64_t)i < axis ? rows : cols) *= d;
  return {rows, cols};
}

bool isSortedAxisList(ArrayRef<int64_t> axes, int64_t rank) {
  for (size_t i = 0; i < axes.size(); ++i)
    if (axes[i] < 0 || axes[i] >= rank || (i && axes[i] <= axes[i - 1]))
      return false;
  return true;
}

} // namespace mlir::aidge
