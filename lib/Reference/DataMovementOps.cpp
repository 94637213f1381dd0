//===- DataMovementOps.cpp - Copies, reshapes, pads, slices, resize -------===//
//
// These ops work on the stored order: their axes, pads and scales are those
// of the stored shapes, whatever the data format.
//
//===----------------------------------------------------------------------===//

#include "Evaluators.h"

#include "llvm/ADT/TypeSwitch.h"

#include <algorithm>
#include <cmath>

using namespace mlir;
using namespace mlir::aidge;
using namespace mlir::aidge::reference;
using namespace mlir::aidge::reference::detail;

static ArrayRef<int64_t> shapeOf(Value value) {
  return cast<RankedTensorType>(value.getType()).getShape();
}

/// Reshape, flatten, squeeze, unsqueeze: the same elements, another shape.
static LogicalResult evaluateSameElements(Operation *op, ValueMap &values) {
  setResult(values, op->getResult(0), lookup(values, op->getOperand(0)).values);
  return success();
}

static LogicalResult compute(ConcatOp op, ValueMap &values) {
  int64_t axis = op.getAxisAttr().getInt();
  ArrayRef<int64_t> shape = op.getType().getShape();
  int64_t outer = getNumElements(shape.take_front(axis));
  int64_t inner = getNumElements(shape.drop_front(axis + 1));
  std::vector<double> y;
  y.reserve(op.getType().getNumElements());
  for (int64_t o = 0; o < outer; ++o)
    for (Value input : op.getInputs()) {
      int64_t chunk = shapeOf(input)[axis] * inner;
      const std::vector<double> &x = lookup(values, input).values;
      y.insert(y.end(), x.begin() + o * chunk, x.begin() + (o + 1) * chunk);
    }
  setResult(values, op.getResult(), std::move(y));
  return success();
}

static LogicalResult compute(TransposeOp op, ValueMap &values) {
  const Tensor &x = lookup(values, op.getInput());
  setResult(values, op.getResult(), permute(x.values, x.type.getShape(), op.getPerm()));
  return success();
}

/// Begin pads then end pads per dimension; negative pads crop.
static LogicalResult compute(PadOp op, ValueMap &values) {
  const Tensor &x = lookup(values, op.getInput());
  ArrayRef<int64_t> in = x.type.getShape(), pads = op.getPads();
  SmallVector<int64_t> strides = getStrides(in);
  int64_t rank = in.size();
  double fill = op.getValueAttr().getValueAsDouble();
  std::vector<double> y(op.getType().getNumElements());
  forEachIndex(op.getType().getShape(), [&](int64_t flat, ArrayRef<int64_t> index) {
    int64_t source = 0;
    for (int64_t d = 0; d < rank; ++d) {
      int64_t i = index[d] - pads[d], size = in[d];
      if (i < 0 || i >= size) {
        switch (op.getMode()) {
        case PadMode::constant:
          y[flat] = fill;
          return;
        case PadMode::reflect:
          i = i < 0 ? -i : 2 * (size - 1) - i;
          break;
        case PadMode::edge:
          i = i < 0 ? 0 : size - 1;
          break;
        }
      }
      source += i * strides[d];
    }
    y[flat] = x.values[source];
  });
  setResult(values, op.getResult(), std::move(y));
  return success();
}

static LogicalResult compute(SliceOp op, ValueMap &values) {
  const Tensor &x = lookup(values, op.getInput());
  SmallVector<int64_t> strides = getStrides(x.type.getShape());
  ArrayRef<int64_t> starts = op.getStarts(), steps = op.getSteps();
  std::vector<double> y(op.getType().getNumElements());
  forEachIndex(op.getType().getShape(), [&](int64_t flat, ArrayRef<int64_t> index) {
    int64_t source = 0;
    for (size_t d = 0; d < index.size(); ++d)
      source += (starts[d] + index[d] * steps[d]) * strides[d];
    y[flat] = x.values[source];
  });
  setResult(values, op.getResult(), std::move(y));
  return success();
}

static LogicalResult compute(SplitOp op, ValueMap &values) {
  const Tensor &x = lookup(values, op.getInput());
  ArrayRef<int64_t> shape = x.type.getShape();
  int64_t axis = op.getAxisAttr().getInt();
  int64_t outer = getNumElements(shape.take_front(axis));
  int64_t inner = getNumElements(shape.drop_front(axis + 1));
  int64_t begin = 0;
  for (auto [result, size] : llvm::zip_equal(op.getOutputs(), op.getSplit())) {
    std::vector<double> y;
    for (int64_t o = 0; o < outer; ++o) {
      auto from = x.values.begin() + (o * shape[axis] + begin) * inner;
      y.insert(y.end(), from, from + size * inner);
    }
    setResult(values, result, std::move(y));
    begin += size;
  }
  return success();
}

/// ONNX Gather; a negative index counts from the end.
static LogicalResult compute(GatherOp op, ValueMap &values) {
  const Tensor &data = lookup(values, op.getData());
  const Tensor &indices = lookup(values, op.getIndices());
  ArrayRef<int64_t> shape = data.type.getShape();
  int64_t axis = op.getAxisAttr().getInt(), size = shape[axis];
  int64_t outer = getNumElements(shape.take_front(axis));
  int64_t inner = getNumElements(shape.drop_front(axis + 1));
  std::vector<double> y;
  y.reserve(op.getType().getNumElements());
  for (int64_t o = 0; o < outer; ++o)
    for (auto [i, value] : llvm::enumerate(indices.values)) {
      int64_t index = static_cast<int64_t>(value);
      if (index < -size || index >= size)
        return op.emitOpError("index ")
               << index << " (element " << i << " of the indices) is out of range ["
               << -size << ", " << size << ")";
      if (index < 0)
        index += size;
      auto from = data.values.begin() + (o * size + index) * inner;
      y.insert(y.end(), from, from + inner);
    }
  setResult(values, op.getResult(), std::move(y));
  return success();
}

//===----------------------------------------------------------------------===//
// Resize
//===----------------------------------------------------------------------===//

namespace {
/// The input cells that one output coordinate of one axis reads, with
/// their weights; `outside` when it reads the extrapolation value instead.
struct Taps {
  SmallVector<std::pair<int64_t, double>, 4> cells;
  bool outside = false;
};
} // namespace

/// Input coordinate of output coordinate `x` along an axis of `in` cells
/// resized to `out` with `scale`, as ONNX's reference computes it: with the
/// resized length `scale * in`, not `out`, where the two differ.
static double sourceCoordinate(ResizeOp op, int64_t axis, int64_t x, int64_t in,
                               int64_t out, double scale) {
  double length = scale * in, center = x + 0.5;
  switch (op.getCoordinateTransform()) {
  case CoordinateTransform::half_pixel:
    return center / scale - 0.5;
  case CoordinateTransform::pytorch_half_pixel:
    return length > 1 ? center / scale - 0.5 : 0.0;
  case CoordinateTransform::align_corners:
    return length > 1 ? x * double(in - 1) / (length - 1) : 0.0;
  case CoordinateTransform::asymmetric:
    return x / scale;
  case CoordinateTransform::half_pixel_symmetric:
    return in / 2.0 * (1 - out / length) + center / scale - 0.5;
  case CoordinateTransform::tf_half_pixel_for_nn:
    return center / scale;
  case CoordinateTransform::tf_crop_and_resize: {
    ArrayRef<float> roi = *op.getRoi();
    double start = roi[axis], end = roi[axis + roi.size() / 2];
    return length > 1 ? start * (in - 1) + x * (end - start) * (in - 1) / (length - 1)
                      : (start + end) / 2 * (in - 1);
  }
  }
  llvm_unreachable("unknown coordinate transform");
}

/// Keys' cubic convolution kernel with parameter `a` at distance t >= 0.
static double cubicWeight(double t, double a) {
  if (t <= 1)
    return ((a + 2) * t - (a + 3)) * t * t + 1;
  if (t < 2)
    return ((a * t - 5 * a) * t + 8 * a) * t - 4 * a;
  return 0;
}

/// What output coordinate `x` of `axis` reads: nearest one cell (an
/// integral coordinate is its own cell, else nearest_mode rounds), linear
/// the two around it, cubic the four from floor - 1. exclude_outside
/// renormalizes the weights of the cells inside the input; cells outside
/// read the nearest edge cell.
static Taps getTaps(ResizeOp op, int64_t axis, int64_t x, int64_t in, int64_t out,
                    double scale) {
  Taps taps;
  double source = sourceCoordinate(op, axis, x, in, out, scale);
  if (op.getCoordinateTransform() == CoordinateTransform::tf_crop_and_resize &&
      (source < 0 || source > in - 1)) {
    taps.outside = true;
    return taps;
  }
  double below = std::floor(source), ratio = source - below;
  int64_t base = static_cast<int64_t>(below);
  SmallVector<std::pair<int64_t, double>, 4> cells;
  switch (op.getMode()) {
  case ResizeMode::nearest: {
    bool up = false;
    if (ratio > 0) {
      switch (op.getNearestMode()) {
      case NearestMode::round_prefer_floor:
        up = ratio > 0.5;
        break;
      case NearestMode::round_prefer_ceil:
        up = ratio >= 0.5;
        break;
      case NearestMode::floor:
        break;
      case NearestMode::ceil:
        up = true;
        break;
      }
    }
    cells.push_back({up ? base + 1 : base, 1.0});
    break;
  }
  case ResizeMode::linear:
    cells.push_back({base, 1 - ratio});
    cells.push_back({base + 1, ratio});
    break;
  case ResizeMode::cubic: {
    double a = op.getCubicCoeffAAttr().getValueAsDouble();
    for (int64_t k = 0; k < 4; ++k)
      cells.push_back({base - 1 + k, cubicWeight(std::fabs(ratio - (k - 1)), a)});
    break;
  }
  }
  if (op.getExcludeOutside()) {
    double sum = 0;
    for (auto &[index, weight] : cells) {
      if (index < 0 || index >= in)
        weight = 0;
      sum += weight;
    }
    for (auto &cell : cells)
      cell.second /= sum;
  }
  for (auto [index, weight] : cells)
    if (weight != 0)
      taps.cells.push_back({std::clamp<int64_t>(index, 0, in - 1), weight});
  return taps;
}

/// Each output element sums, over one tap of every axis, the product of
/// the taps' weights times the input cell they name.
static LogicalResult compute(ResizeOp op, ValueMap &values) {
  const Tensor &x = lookup(values, op.getInput());
  ArrayRef<int64_t> in = x.type.getShape(), out = op.getType().getShape();
  ArrayRef<double> scales = op.getScales();
  int64_t rank = in.size();
  SmallVector<SmallVector<Taps>> taps(rank);
  for (int64_t d = 0; d < rank; ++d)
    for (int64_t i = 0; i < out[d]; ++i)
      taps[d].push_back(getTaps(op, d, i, in[d], out[d], scales[d]));
  SmallVector<int64_t> strides = getStrides(in);
  double extrapolation = op.getExtrapolationValueAttr().getValueAsDouble();
  std::vector<double> y(op.getType().getNumElements());
  forEachIndex(out, [&](int64_t flat, ArrayRef<int64_t> index) {
    SmallVector<const Taps *> axes;
    for (int64_t d = 0; d < rank; ++d) {
      axes.push_back(&taps[d][index[d]]);
      if (axes.back()->outside) {
        y[flat] = extrapolation;
        return;
      }
    }
    // Every combination of one tap per axis, as a mixed-radix counter.
    SmallVector<size_t> pick(rank, 0);
    double sum = 0;
    while (true) {
      double weight = 1;
      int64_t source = 0;
      for (int64_t d = 0; d < rank; ++d) {
        auto [cell, w] = axes[d]->cells[pick[d]];
        weight *= w;
        source += cell * strides[d];
      }
      sum += weight * x.values[source];
      int64_t d = rank - 1;
      for (; d >= 0; --d) {
        if (++pick[d] < axes[d]->cells.size())
          break;
        pick[d] = 0;
      }
      if (d < 0)
        break;
    }
    y[flat] = sum;
  });
  setResult(values, op.getResult(), std::move(y));
  return success();
}

std::optional<LogicalResult> reference::detail::evaluateDataMovementOp(Operation *op,
                                                            ValueMap &values) {
  return llvm::TypeSwitch<Operation *, std::optional<LogicalResult>>(op)
      .Case<ReshapeOp, FlattenOp, SqueezeOp, UnsqueezeOp>(
          [&](Operation *op) { return evaluateSameElements(op, values); })
      .Case<ConcatOp, TransposeOp, PadOp, SliceOp, SplitOp, GatherOp, ResizeOp>(
          [&](auto op) { return compute(op, values); })
      .Default([](Operation *) { return std::nullopt; });
}
