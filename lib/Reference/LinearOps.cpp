//===- LinearOps.cpp - Dense layers and matrix products -------------------===//

#include "Evaluators.h"

#include "aidge/Dialect/Aidge/IR/ShapeInference.h"

#include "llvm/ADT/TypeSwitch.h"

using namespace mlir;
using namespace mlir::aidge;
using namespace mlir::aidge::reference;
using namespace mlir::aidge::reference::detail;

/// ONNX Gemm: alpha * op(a) x op(b) + beta * c, c broadcast to M x N.
static LogicalResult compute(FCOp op, ValueMap &values) {
  const Tensor &a = lookup(values, op.getA()), &b = lookup(values, op.getB());
  ArrayRef<int64_t> as = a.type.getShape(), bs = b.type.getShape();
  bool transA = op.getTransA(), transB = op.getTransB();
  int64_t m = transA ? as[1] : as[0], k = transA ? as[0] : as[1];
  int64_t n = transB ? bs[0] : bs[1];
  const Tensor *c = op.getC() ? &lookup(values, op.getC()) : nullptr;
  // c's shape right-aligned to M x N; a size-1 dimension broadcasts.
  int64_t cRows = 1, cCols = 1;
  if (c) {
    ArrayRef<int64_t> cs = c->type.getShape();
    cCols = cs.empty() ? 1 : cs.back();
    cRows = cs.size() == 2 ? cs[0] : 1;
  }
  double alpha = op.getAlphaAttr().getValueAsDouble();
  double beta = op.getBetaAttr().getValueAsDouble();
  std::vector<double> y(m * n);
  for (int64_t i = 0; i < m; ++i)
    for (int64_t j = 0; j < n; ++j) {
      double acc = 0;
      for (int64_t l = 0; l < k; ++l)
        acc += a.values[transA ? l * m + i : i * k + l] *
               b.values[transB ? j * k + l : l * n + j];
      double v = alpha * acc;
      if (c)
        v += beta * c->values[(cRows == 1 ? 0 : i) * cCols + (cCols == 1 ? 0 : j)];
      y[i * n + j] = activate(op.getActivationAttr(), v);
    }
  setResult(values, op.getResult(), std::move(y));
  return success();
}

/// numpy matmul: 1-D operands promoted to matrices, batch dimensions
/// broadcast.
static LogicalResult compute(MatMulOp op, ValueMap &values) {
  const Tensor &lhs = lookup(values, op.getLhs()), &rhs = lookup(values, op.getRhs());
  SmallVector<int64_t> l(lhs.type.getShape()), r(rhs.type.getShape());
  if (l.size() == 1)
    l.insert(l.begin(), 1);
  if (r.size() == 1)
    r.push_back(1);
  int64_t m = l[l.size() - 2], k = l.back(), n = r.back();
  ArrayRef<int64_t> lBatch = ArrayRef(l).drop_back(2), rBatch = ArrayRef(r).drop_back(2);
  // The verifier checked that they broadcast.
  SmallVector<int64_t> batch = *broadcastShapes(lBatch, rBatch);
  // Offset of each operand's matrix for a batch index.
  auto matrixOffset = [&](ArrayRef<int64_t> index, ArrayRef<int64_t> shape,
                          int64_t matrix) {
    int64_t offset = 0, stride = matrix;
    for (int64_t d = (int64_t)shape.size() - 1; d >= 0; --d) {
      int64_t i = index[index.size() - shape.size() + d];
      offset += (shape[d] == 1 ? 0 : i) * stride;
      stride *= shape[d];
    }
    return offset;
  };
  std::vector<double> y;
  y.reserve(getNumElements(batch) * m * n);
  forEachIndex(batch, [&](int64_t, ArrayRef<int64_t> index) {
    int64_t lo = matrixOffset(index, lBatch, m * k);
    int64_t ro = matrixOffset(index, rBatch, k * n);
    for (int64_t i = 0; i < m; ++i)
      for (int64_t j = 0; j < n; ++j) {
        double acc = 0;
        for (int64_t p = 0; p < k; ++p)
          acc += lhs.values[lo + i * k + p] * rhs.values[ro + p * n + j];
        y.push_back(acc);
      }
  });
  setResult(values, op.getResult(), std::move(y));
  return success();
}

std::optional<LogicalResult> reference::detail::evaluateLinearOp(Operation *op,
                                                      ValueMap &values) {
  return llvm::TypeSwitch<Operation *, std::optional<LogicalResult>>(op)
      .Case<FCOp, MatMulOp>([&](auto op) { return compute(op, values); })
      .Default([](Operation *) { return std::nullopt; });
}
