//===- ElementwiseOps.cpp - Unary, binary, softmax, reductions, cast ------===//
//
// These ops work on the stored order of their operands: their axes and
// broadcasting are those of the stored shapes, whatever the data format.
//
//===----------------------------------------------------------------------===//

#include "Evaluators.h"

#include "llvm/ADT/TypeSwitch.h"

#include <cmath>
#include <functional>
#include <limits>

using namespace mlir;
using namespace mlir::aidge;
using namespace mlir::aidge::reference;
using namespace mlir::aidge::reference::detail;

static double nan() { return std::numeric_limits<double>::quiet_NaN(); }

static LogicalResult mapUnary(Operation *op, ValueMap &values,
                              function_ref<double(double)> fn) {
  const Tensor &x = lookup(values, op->getOperand(0));
  std::vector<double> y(x.values.size());
  for (size_t i = 0; i < y.size(); ++i)
    y[i] = fn(x.values[i]);
  setResult(values, op->getResult(0), std::move(y));
  return success();
}

static double clamp(double v, double lo, double hi) {
  return v < lo ? lo : (v > hi ? hi : v);
}

static std::optional<LogicalResult> evaluateUnary(Operation *op, ValueMap &values) {
  using Fn = std::function<double(double)>;
  std::optional<Fn> fn =
      llvm::TypeSwitch<Operation *, std::optional<Fn>>(op)
          .Case([](ReLUOp) { return Fn([](double v) { return v < 0 ? 0 : v; }); })
          .Case([](SigmoidOp) {
            return Fn([](double v) { return 1 / (1 + std::exp(-v)); });
          })
          .Case([](TanhOp) { return Fn([](double v) { return std::tanh(v); }); })
          .Case([](HardSwishOp) {
            return Fn([](double v) { return v * clamp(v / 6 + 0.5, 0, 1); });
          })
          .Case([](ErfOp) { return Fn([](double v) { return std::erf(v); }); })
          .Case([](ExpOp) { return Fn([](double v) { return std::exp(v); }); })
          .Case([](SqrtOp) { return Fn([](double v) { return std::sqrt(v); }); })
          .Case([](AbsOp) { return Fn([](double v) { return std::fabs(v); }); })
          .Case([](NegOp) { return Fn([](double v) { return -v; }); })
          .Case([](IdentityOp) { return Fn([](double v) { return v; }); })
          .Case([](LeakyReLUOp op) {
            double alpha = op.getAlphaAttr().getValueAsDouble();
            return Fn([alpha](double v) { return v >= 0 ? v : alpha * v; });
          })
          .Case([](ClipOp op) {
            double lo = op.getMinAttr() ? op.getMinAttr().getValueAsDouble()
                                        : -std::numeric_limits<double>::infinity();
            double hi = op.getMaxAttr() ? op.getMaxAttr().getValueAsDouble()
                                        : std::numeric_limits<double>::infinity();
            return Fn([lo, hi](double v) { return clamp(v, lo, hi); });
          })
          .Case([](HardSigmoidOp op) {
            double alpha = op.getAlphaAttr().getValueAsDouble();
            double beta = op.getBetaAttr().getValueAsDouble();
            return Fn([alpha, beta](double v) { return clamp(alpha * v + beta, 0, 1); });
          })
          .Default([](Operation *) { return std::nullopt; });
  if (!fn)
    return std::nullopt;
  return mapUnary(op, values, *fn);
}

/// Offset in a tensor of `shape` (strides `strides`) of the element that
/// numpy broadcasting reads for `index` of the larger result.
static int64_t broadcastOffset(ArrayRef<int64_t> index, ArrayRef<int64_t> shape,
                               ArrayRef<int64_t> strides) {
  int64_t offset = 0;
  size_t lead = index.size() - shape.size();
  for (size_t d = 0; d < shape.size(); ++d)
    if (shape[d] != 1)
      offset += index[lead + d] * strides[d];
  return offset;
}

/// The element-wise binary ops; integer division truncates toward zero and
/// fails on a zero divisor.
static std::optional<LogicalResult> evaluateBinary(Operation *op, ValueMap &values) {
  if (!isa<AddOp, SubOp, MulOp, DivOp, PowOp, MaxOp, MinOp>(op))
    return std::nullopt;
  const Tensor &lhs = lookup(values, op->getOperand(0));
  const Tensor &rhs = lookup(values, op->getOperand(1));
  auto resultType = cast<RankedTensorType>(op->getResult(0).getType());
  bool integer = isa<IntegerType>(resultType.getElementType());
  ActivationAttr activation = op->getAttrOfType<ActivationAttr>("activation");
  SmallVector<int64_t> ls = getStrides(lhs.type.getShape()),
                       rs = getStrides(rhs.type.getShape());
  std::vector<double> y(resultType.getNumElements());
  int64_t zeroDivisor = -1;
  forEachIndex(resultType.getShape(), [&](int64_t flat, ArrayRef<int64_t> index) {
    double a = lhs.values[broadcastOffset(index, lhs.type.getShape(), ls)];
    double b = rhs.values[broadcastOffset(index, rhs.type.getShape(), rs)];
    double v = llvm::TypeSwitch<Operation *, double>(op)
                   .Case([&](AddOp) { return a + b; })
                   .Case([&](SubOp) { return a - b; })
                   .Case([&](MulOp) { return a * b; })
                   .Case([&](DivOp) {
                     if (!integer)
                       return a / b;
                     if (b == 0) {
                       if (zeroDivisor < 0)
                         zeroDivisor = flat;
                       return 0.0;
                     }
                     return std::trunc(a / b);
                   })
                   .Case([&](PowOp) { return std::pow(a, b); })
                   .Case([&](MaxOp) {
                     return std::isnan(a) || std::isnan(b) ? nan() : std::max(a, b);
                   })
                   .Case([&](MinOp) {
                     return std::isnan(a) || std::isnan(b) ? nan() : std::min(a, b);
                   });
    y[flat] = activate(activation, v);
  });
  if (zeroDivisor >= 0)
    return op->emitOpError("divides an integer by zero at element ") << zeroDivisor;
  setResult(values, op->getResult(0), std::move(y));
  return success();
}

/// Softmax along `axis` of the stored shape.
static LogicalResult compute(SoftmaxOp op, ValueMap &values) {
  const Tensor &x = lookup(values, op.getInput());
  ArrayRef<int64_t> shape = x.type.getShape();
  int64_t axis = op.getAxisAttr().getInt();
  int64_t size = shape[axis], inner = getNumElements(shape.drop_front(axis + 1));
  int64_t outer = getNumElements(shape.take_front(axis));
  std::vector<double> y(x.values.size());
  for (int64_t o = 0; o < outer; ++o)
    for (int64_t i = 0; i < inner; ++i) {
      int64_t base = o * size * inner + i;
      double max = -std::numeric_limits<double>::infinity();
      for (int64_t k = 0; k < size; ++k)
        max = std::max(max, x.values[base + k * inner]);
      double sum = 0;
      for (int64_t k = 0; k < size; ++k)
        sum += y[base + k * inner] = std::exp(x.values[base + k * inner] - max);
      for (int64_t k = 0; k < size; ++k)
        y[base + k * inner] /= sum;
    }
  setResult(values, op.getResult(), std::move(y));
  return success();
}

/// reduce_mean, reduce_sum and reduce_max over the stored `axes`; max
/// propagates NaN.
static std::optional<LogicalResult> evaluateReduce(Operation *op, ValueMap &values) {
  if (!isa<ReduceMeanOp, ReduceSumOp, ReduceMaxOp>(op))
    return std::nullopt;
  const Tensor &x = lookup(values, op->getOperand(0));
  ArrayRef<int64_t> axes = op->getAttrOfType<DenseI64ArrayAttr>("axes").asArrayRef();
  ArrayRef<int64_t> shape = x.type.getShape();
  // The result in the input's rank (reduced dimensions of size 1) has the
  // result's row-major order, with or without keepdims.
  SmallVector<int64_t> kept(shape);
  for (int64_t axis : axes)
    kept[axis] = 1;
  SmallVector<int64_t> strides = getStrides(kept);
  for (int64_t axis : axes)
    strides[axis] = 0;
  bool isMax = isa<ReduceMaxOp>(op);
  int64_t count = getNumElements(shape) / std::max<int64_t>(getNumElements(kept), 1);
  std::vector<double> y(getNumElements(kept),
                        isMax ? -std::numeric_limits<double>::infinity() : 0.0);
  forEachIndex(shape, [&](int64_t flat, ArrayRef<int64_t> index) {
    int64_t at = 0;
    for (size_t d = 0; d < index.size(); ++d)
      at += index[d] * strides[d];
    double v = x.values[flat];
    y[at] = isMax ? (std::isnan(v) || v > y[at] ? v : y[at]) : y[at] + v;
  });
  if (isa<ReduceMeanOp>(op))
    for (double &v : y)
      v /= count;
  setResult(values, op->getResult(0), std::move(y));
  return success();
}

/// ONNX Cast: to a float type, the nearest value; to bool, nonzero; to an
/// integer, truncation toward zero, which must fit (ONNX leaves other
/// values undefined).
static LogicalResult compute(CastOp op, ValueMap &values) {
  const Tensor &x = lookup(values, op.getInput());
  auto target = dyn_cast<IntegerType>(op.getType().getElementType());
  if (target && target.getWidth() > 1 && isa<FloatType>(x.type.getElementType())) {
    double lo = target.isUnsigned() ? 0 : -std::ldexp(1.0, target.getWidth() - 1);
    double hi = target.isUnsigned() ? std::ldexp(1.0, target.getWidth())
                                    : std::ldexp(1.0, target.getWidth() - 1);
    for (auto [i, v] : llvm::enumerate(x.values))
      if (!(std::trunc(v) >= lo && std::trunc(v) < hi))
        return op.emitOpError("casts element ")
               << i << " (" << v << ") to " << target << ", which cannot hold it";
  }
  setResult(values, op.getResult(), x.values);
  return success();
}

std::optional<LogicalResult> reference::detail::evaluateElementwiseOp(Operation *op,
                                                           ValueMap &values) {
  if (std::optional<LogicalResult> done = evaluateUnary(op, values))
    return done;
  if (std::optional<LogicalResult> done = evaluateBinary(op, values))
    return done;
  if (std::optional<LogicalResult> done = evaluateReduce(op, values))
    return done;
  return llvm::TypeSwitch<Operation *, std::optional<LogicalResult>>(op)
      .Case<SoftmaxOp, CastOp>([&](auto op) { return compute(op, values); })
      .Default([](Operation *) { return std::nullopt; });
}
