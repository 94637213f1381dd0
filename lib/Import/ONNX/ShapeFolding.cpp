//===- ShapeFolding.cpp - Evaluate shape subgraphs at import --------------===//
//
// PyTorch and Keras exporters compute shapes at run time (Shape -> Gather ->
// Unsqueeze -> Concat -> Reshape, ConstantOfShape, Range...). With static
// input shapes all of that is known at import, so it is evaluated here and
// never reaches the IR: the imported graph is fully static.
//
//===----------------------------------------------------------------------===//

#include "NodeImporter.h"
#include "OpParameters.h"

#include "aidge/Dialect/Aidge/IR/ShapeInference.h"
#include "llvm/ADT/StringSwitch.h"

#include <cmath>
#include <functional>

using namespace mlir;
using namespace mlir::aidge;
using namespace mlir::aidge::onnx_import;
using onnx::TensorProto;

namespace {

/// Tensors larger than this are not folded: folding is for shapes and small
/// constants, not for computing on weights at import time.
constexpr int64_t kMaxFoldElements = 1 << 20;

SmallVector<int64_t> stridesOf(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t i = (int64_t)shape.size() - 2; i >= 0; --i)
    strides[i] = strides[i + 1] * shape[i + 1];
  return strides;
}

/// For each output element, the flat index it reads from a broadcast input.
std::vector<int64_t> broadcastIndices(ArrayRef<int64_t> inShape,
                                      ArrayRef<int64_t> outShape) {
  SmallVector<int64_t> outStrides = stridesOf(outShape);
  SmallVector<int64_t> inStrides = stridesOf(inShape);
  int64_t offset = outShape.size() - inShape.size();
  int64_t total = 1;
  for (int64_t d : outShape)
    total *= d;
  std::vector<int64_t> indices(total);
  for (int64_t flat = 0; flat < total; ++flat) {
    int64_t index = 0;
    for (size_t d = offset; d < outShape.size(); ++d) {
      int64_t coord = (flat / outStrides[d]) % outShape[d];
      if (inShape[d - offset] != 1)
        index += coord * inStrides[d - offset];
    }
    indices[flat] = index;
  }
  return indices;
}

/// Gathers elements of `in` by flat index into a tensor of `shape`.
HostTensor gatherFlat(const HostTensor &in, ArrayRef<int64_t> shape,
                      ArrayRef<int64_t> indices, int32_t type) {
  if (in.isFloat()) {
    std::vector<double> values;
    for (int64_t i : indices)
      values.push_back(in.getDouble(i));
    return HostTensor::fromDoubles(type, shape, values);
  }
  std::vector<int64_t> values;
  for (int64_t i : indices)
    values.push_back(in.getInt(i));
  return HostTensor::fromInts(type, shape, values);
}

/// Flat input indices of a strided box (slice, gather along one axis).
std::vector<int64_t> boxIndices(ArrayRef<int64_t> inShape,
                                ArrayRef<SmallVector<int64_t>> coordsPerDim) {
  SmallVector<int64_t> strides = stridesOf(inShape);
  std::vector<int64_t> indices{0};
  for (size_t d = 0; d < inShape.size(); ++d) {
    std::vector<int64_t> next;
    for (int64_t base : indices)
      for (int64_t c : coordsPerDim[d])
        next.push_back(base + c * strides[d]);
    indices = std::move(next);
  }
  return indices;
}

class Folder {
public:
  explicit Folder(NodeImporter &node) : node(node) {}

  /// Evaluates the node; failure means an error was emitted.
  LogicalResult fold();

private:
  const HostTensor &in(int i) { return *node.constantInput(i); }
  void result(HostTensor tensor) { node.setConstantOutput(0, std::move(tensor)); }

  LogicalResult foldConstant();
  LogicalResult foldElementwise(
      std::function<double(double, double)> floatFn,
      std::function<int64_t(int64_t, int64_t)> intFn, bool boolResult = false);
  LogicalResult foldUnary(std::function<double(double)> fn);
  LogicalResult foldWhere();
  LogicalResult foldConcat();
  LogicalResult foldSlice();
  LogicalResult foldGather();
  LogicalResult foldTranspose();
  LogicalResult foldRange();
  LogicalResult foldExpand();
  LogicalResult foldReduceProd();

  NodeImporter &node;
};

} // namespace

LogicalResult Folder::foldConstant() {
  if (const auto *attr = node.findAttr("value")) {
    auto tensor = HostTensor::fromProto(attr->t(), "");
    if (!tensor)
      return node.error() << "value: " << llvm::toString(tensor.takeError());
    result(std::move(*tensor));
  } else if (const auto *attr = node.findAttr("value_float")) {
    result(HostTensor::fromDoubles(TensorProto::FLOAT, {}, {attr->f()}));
  } else if (node.hasAttr("value_floats")) {
    std::vector<float> values = node.getFloats("value_floats");
    result(HostTensor::fromDoubles(TensorProto::FLOAT, {(int64_t)values.size()},
                                   std::vector<double>(values.begin(), values.end())));
  } else if (const auto *attr = node.findAttr("value_int")) {
    result(HostTensor::fromInts(TensorProto::INT64, {}, {attr->i()}));
  } else if (node.hasAttr("value_ints")) {
    std::vector<int64_t> values = node.getInts("value_ints");
    result(HostTensor::fromInts(TensorProto::INT64, {(int64_t)values.size()}, values));
  } else {
    return node.error() << "only dense numeric values are supported";
  }
  return success();
}

LogicalResult Folder::foldElementwise(
    std::function<double(double, double)> floatFn,
    std::function<int64_t(int64_t, int64_t)> intFn, bool boolResult) {
  // Variadic Max/Min fold pairwise.
  HostTensor acc = in(0);
  for (int i = 1; i < node.numInputs(); ++i) {
    FailureOr<SmallVector<int64_t>> rhsShape =
        legacyBroadcastShape(node, acc.shape(), in(i).shape());
    if (failed(rhsShape))
      return failure();
    HostTensor rhs = in(i).reshaped(*rhsShape);
    auto shape = broadcastShapes(acc.shape(), rhs.shape());
    if (!shape)
      return node.error() << "operand shapes are not broadcastable";
    std::vector<int64_t> li = broadcastIndices(acc.shape(), *shape);
    std::vector<int64_t> ri = broadcastIndices(rhs.shape(), *shape);
    int32_t type = boolResult ? (int32_t)TensorProto::BOOL : acc.dataType();
    if (acc.isFloat()) {
      std::vector<double> values;
      for (size_t k = 0; k < li.size(); ++k)
        values.push_back(floatFn(acc.getDouble(li[k]), rhs.getDouble(ri[k])));
      acc = HostTensor::fromDoubles(type, *shape, values);
    } else {
      std::vector<int64_t> values;
      for (size_t k = 0; k < li.size(); ++k) {
        int64_t b = rhs.getInt(ri[k]);
        if (b == 0 && node.opType() == "Div")
          return node.error() << "integer division by zero";
        values.push_back(intFn(acc.getInt(li[k]), b));
      }
      acc = HostTensor::fromInts(type, *shape, values);
    }
  }
  result(std::move(acc));
  return success();
}

LogicalResult Folder::foldUnary(std::function<double(double)> fn) {
  const HostTensor &x = in(0);
  std::vector<double> values;
  for (double v : x.toDoubles())
    values.push_back(fn(v));
  result(HostTensor::fromDoubles(x.dataType(), x.shape(), values));
  return success();
}

LogicalResult Folder::foldWhere() {
  const HostTensor &cond = in(0), &a = in(1), &b = in(2);
  auto shape = broadcastShapes(cond.shape(), a.shape());
  if (shape)
    shape = broadcastShapes(*shape, b.shape());
  if (!shape)
    return node.error() << "operand shapes are not broadcastable";
  std::vector<int64_t> ci = broadcastIndices(cond.shape(), *shape);
  std::vector<int64_t> ai = broadcastIndices(a.shape(), *shape);
  std::vector<int64_t> bi = broadcastIndices(b.shape(), *shape);
  std::vector<double> values;
  for (size_t k = 0; k < ci.size(); ++k)
    values.push_back(cond.getInt(ci[k]) ? a.getDouble(ai[k]) : b.getDouble(bi[k]));
  if (a.isFloat()) {
    result(HostTensor::fromDoubles(a.dataType(), *shape, values));
  } else {
    std::vector<int64_t> ints;
    for (size_t k = 0; k < ci.size(); ++k)
      ints.push_back(cond.getInt(ci[k]) ? a.getInt(ai[k]) : b.getInt(bi[k]));
    result(HostTensor::fromInts(a.dataType(), *shape, ints));
  }
  return success();
}

LogicalResult Folder::foldConcat() {
  const HostTensor &first = in(0);
  FailureOr<int64_t> axis = concatAxis(node, first.shape().size());
  if (failed(axis))
    return failure();
  SmallVector<int64_t> shape(first.shape());
  shape[*axis] = 0;
  for (int i = 0; i < node.numInputs(); ++i) {
    if (in(i).shape().size() != shape.size())
      return node.error() << "inputs differ in rank";
    shape[*axis] += in(i).shape()[*axis];
  }
  // Outer (dims before axis) x per-input block.
  int64_t outer = 1;
  for (int64_t d = 0; d < *axis; ++d)
    outer *= shape[d];
  std::vector<double> doubles;
  std::vector<int64_t> ints;
  for (int64_t o = 0; o < outer; ++o)
    for (int i = 0; i < node.numInputs(); ++i) {
      const HostTensor &t = in(i);
      int64_t block = t.numElements() / std::max<int64_t>(outer, 1);
      for (int64_t k = 0; k < block; ++k) {
        if (first.isFloat())
          doubles.push_back(t.getDouble(o * block + k));
        else
          ints.push_back(t.getInt(o * block + k));
      }
    }
  result(first.isFloat() ? HostTensor::fromDoubles(first.dataType(), shape, doubles)
                         : HostTensor::fromInts(first.dataType(), shape, ints));
  return success();
}

LogicalResult Folder::foldSlice() {
  const HostTensor &x = in(0);
  FailureOr<SliceBounds> bounds = sliceBounds(node, x.shape());
  if (failed(bounds))
    return failure();
  SmallVector<SmallVector<int64_t>> coords;
  SmallVector<int64_t> shape;
  for (size_t d = 0; d < x.shape().size(); ++d) {
    SmallVector<int64_t> c;
    int64_t n = sliceOutputSize(bounds->starts[d], bounds->ends[d], bounds->steps[d]);
    for (int64_t k = 0; k < n; ++k)
      c.push_back(bounds->starts[d] + k * bounds->steps[d]);
    shape.push_back(n);
    coords.push_back(std::move(c));
  }
  result(gatherFlat(x, shape, boxIndices(x.shape(), coords), x.dataType()));
  return success();
}

LogicalResult Folder::foldGather() {
  const HostTensor &x = in(0);
  if (x.shape().empty())
    return node.error() << "data must have rank 1 or more";
  FailureOr<GatherParams> params = gatherParams(node, x.shape());
  if (failed(params))
    return failure();
  // Gathering along one axis is a box whose coordinates on that axis are
  // the indices.
  SmallVector<SmallVector<int64_t>> coords;
  SmallVector<int64_t> shape;
  for (size_t d = 0; d < x.shape().size(); ++d) {
    SmallVector<int64_t> c;
    if ((int64_t)d == params->axis) {
      for (int64_t v : params->indices.toInts())
        c.push_back(v);
      llvm::append_range(shape, params->indices.shape());
    } else {
      for (int64_t k = 0; k < x.shape()[d]; ++k)
        c.push_back(k);
      shape.push_back(x.shape()[d]);
    }
    coords.push_back(std::move(c));
  }
  result(gatherFlat(x, shape, boxIndices(x.shape(), coords), x.dataType()));
  return success();
}

LogicalResult Folder::foldTranspose() {
  const HostTensor &x = in(0);
  FailureOr<SmallVector<int64_t>> perm = transposePerm(node, x.shape().size());
  if (failed(perm))
    return failure();
  SmallVector<int64_t> shape, inStrides = stridesOf(x.shape());
  for (int64_t p : *perm)
    shape.push_back(x.shape()[p]);
  SmallVector<int64_t> outStrides = stridesOf(shape);
  std::vector<int64_t> indices(x.numElements());
  for (int64_t flat = 0; flat < x.numElements(); ++flat) {
    int64_t index = 0;
    for (size_t d = 0; d < shape.size(); ++d)
      index += ((flat / outStrides[d]) % shape[d]) * inStrides[(*perm)[d]];
    indices[flat] = index;
  }
  result(gatherFlat(x, shape, indices, x.dataType()));
  return success();
}

LogicalResult Folder::foldRange() {
  const HostTensor &start = in(0), &limit = in(1), &delta = in(2);
  double s = start.getDouble(0), l = limit.getDouble(0), d = delta.getDouble(0);
  if (d == 0)
    return node.error() << "delta is zero";
  int64_t n = std::max<int64_t>(0, (int64_t)std::ceil((l - s) / d));
  if (n > kMaxFoldElements)
    return node.error() << "range of " << n << " elements is too large";
  std::vector<double> values;
  for (int64_t i = 0; i < n; ++i)
    values.push_back(s + i * d);
  result(HostTensor::fromDoubles(start.dataType(), {n}, values));
  return success();
}

LogicalResult Folder::foldExpand() {
  const HostTensor &x = in(0);
  std::vector<int64_t> target = in(1).toInts();
  auto shape = broadcastShapes(x.shape(), target);
  if (!shape)
    return node.error() << "shape is not broadcastable with the input";
  result(gatherFlat(x, *shape, broadcastIndices(x.shape(), *shape), x.dataType()));
  return success();
}

LogicalResult Folder::foldReduceProd() {
  const HostTensor &x = in(0);
  std::vector<int64_t> axes = node.getInts("axes");
  if (node.opset() >= 18 && node.hasInput(1))
    axes = in(1).toInts();
  if (!axes.empty() && axes.size() != x.shape().size())
    return node.error() << "only the product over all axes is supported";
  double product = 1;
  for (double v : x.toDoubles())
    product *= v;
  SmallVector<int64_t> shape;
  if (node.getInt("keepdims", 1))
    shape.assign(x.shape().size(), 1);
  result(HostTensor::fromDoubles(x.dataType(), shape, {product}));
  return success();
}

LogicalResult Folder::fold() {
  StringRef op = node.opType();
  if (op == "Constant")
    return foldConstant();
  if (op == "Identity")
    return result(in(0)), success();
  if (op == "Shape" || op == "Size") {
    ArrayRef<int64_t> shape = node.inputType(0).getShape();
    if (op == "Size") {
      int64_t n = 1;
      for (int64_t d : shape)
        n *= d;
      return result(HostTensor::fromInts(TensorProto::INT64, {}, {n})), success();
    }
    int64_t rank = shape.size();
    auto clampEnd = [&](int64_t v) {
      return std::clamp<int64_t>(v < 0 ? v + rank : v, 0, rank);
    };
    int64_t start = clampEnd(node.getInt("start", 0));
    int64_t end = clampEnd(node.getInt("end", rank));
    std::vector<int64_t> dims(shape.begin() + start,
                              shape.begin() + std::max(start, end));
    return result(HostTensor::fromInts(TensorProto::INT64,
                                       {(int64_t)dims.size()}, dims)),
           success();
  }
  if (op == "ConstantOfShape") {
    std::vector<int64_t> shape = in(0).toInts();
    HostTensor fill = HostTensor::fromDoubles(TensorProto::FLOAT, {}, {0.0});
    if (const auto *attr = node.findAttr("value")) {
      auto tensor = HostTensor::fromProto(attr->t(), "");
      if (!tensor)
        return node.error() << "value: " << llvm::toString(tensor.takeError());
      fill = std::move(*tensor);
    }
    int64_t n = 1;
    for (int64_t d : shape)
      n *= d;
    if (n > kMaxFoldElements)
      return node.error() << "tensor of " << n << " elements is too large";
    return result(gatherFlat(fill, shape, std::vector<int64_t>(n, 0),
                             fill.dataType())),
           success();
  }
  if (op == "Cast") {
    FailureOr<int32_t> to = castTarget(node);
    if (failed(to))
      return failure();
    if (!byteWidth(*to))
      return node.error() << "cast to " << dataTypeName(*to) << " is not supported";
    const HostTensor &x = in(0);
    return result(x.isFloat() ? HostTensor::fromDoubles(*to, x.shape(), x.toDoubles())
                              : HostTensor::fromInts(*to, x.shape(), x.toInts())),
           success();
  }
  if (op == "Reshape") {
    FailureOr<SmallVector<int64_t>> shape = reshapeTarget(node, in(0).shape());
    if (failed(shape))
      return failure();
    return result(in(0).reshaped(*shape)), success();
  }
  if (op == "Squeeze") {
    FailureOr<SmallVector<int64_t>> axes = squeezeAxes(node, in(0).shape());
    if (failed(axes))
      return failure();
    return result(in(0).reshaped(squeezedShape(in(0).shape(), *axes))), success();
  }
  if (op == "Unsqueeze") {
    FailureOr<SmallVector<int64_t>> axes = unsqueezeAxes(node, in(0).shape().size());
    if (failed(axes))
      return failure();
    return result(in(0).reshaped(unsqueezedShape(in(0).shape(), *axes))), success();
  }
  if (op == "Flatten") {
    FailureOr<int64_t> axis = flattenAxis(node, in(0).shape().size());
    if (failed(axis))
      return failure();
    return result(in(0).reshaped(flattenedShape(in(0).shape(), *axis))), success();
  }
  if (op == "Concat")
    return foldConcat();
  if (op == "Slice")
    return foldSlice();
  if (op == "Gather")
    return foldGather();
  if (op == "Transpose")
    return foldTranspose();
  if (op == "Range")
    return foldRange();
  if (op == "Expand")
    return foldExpand();
  if (op == "Where")
    return foldWhere();
  if (op == "ReduceProd")
    return foldReduceProd();
  if (op == "Neg")
    return foldUnary([](double v) { return -v; });
  if (op == "Abs")
    return foldUnary([](double v) { return std::fabs(v); });
  if (op == "Floor")
    return foldUnary([](double v) { return std::floor(v); });
  if (op == "Ceil")
    return foldUnary([](double v) { return std::ceil(v); });
  if (op == "Sqrt")
    return foldUnary([](double v) { return std::sqrt(v); });
  if (op == "Not")
    return foldUnary([](double v) { return v == 0 ? 1.0 : 0.0; });

  using FloatFn = std::function<double(double, double)>;
  using IntFn = std::function<int64_t(int64_t, int64_t)>;
  // ONNX integer Div truncates toward zero, as C++ does.
  auto binary = llvm::StringSwitch<std::optional<std::pair<FloatFn, IntFn>>>(op)
      .Case("Add", std::pair<FloatFn, IntFn>{std::plus<double>(), std::plus<int64_t>()})
      .Case("Sub", std::pair<FloatFn, IntFn>{std::minus<double>(), std::minus<int64_t>()})
      .Case("Mul", std::pair<FloatFn, IntFn>{std::multiplies<double>(), std::multiplies<int64_t>()})
      .Case("Div", std::pair<FloatFn, IntFn>{std::divides<double>(), std::divides<int64_t>()})
      .Case("Max", std::pair<FloatFn, IntFn>{[](double a, double b) { return std::max(a, b); },
                                             [](int64_t a, int64_t b) { return std::max(a, b); }})
      .Case("Min", std::pair<FloatFn, IntFn>{[](double a, double b) { return std::min(a, b); },
                                             [](int64_t a, int64_t b) { return std::min(a, b); }})
      .Default(std::nullopt);
  if (binary)
    return foldElementwise(binary->first, binary->second);
  auto compare = llvm::StringSwitch<std::optional<std::pair<FloatFn, IntFn>>>(op)
      .Case("Equal", std::pair<FloatFn, IntFn>{[](double a, double b) { return double(a == b); },
                                               [](int64_t a, int64_t b) { return int64_t(a == b); }})
      .Case("Less", std::pair<FloatFn, IntFn>{[](double a, double b) { return double(a < b); },
                                              [](int64_t a, int64_t b) { return int64_t(a < b); }})
      .Case("Greater", std::pair<FloatFn, IntFn>{[](double a, double b) { return double(a > b); },
                                                 [](int64_t a, int64_t b) { return int64_t(a > b); }})
      .Default(std::nullopt);
  return foldElementwise(compare->first, compare->second, /*boolResult=*/true);
}

static bool isFoldable(StringRef op) {
  return llvm::is_contained(
      {"Constant", "Identity", "Shape", "Size", "ConstantOfShape", "Cast",
       "Reshape", "Squeeze", "Unsqueeze", "Flatten", "Concat", "Slice",
       "Gather", "Transpose", "Range", "Expand", "Where", "ReduceProd",
       "Neg", "Abs", "Floor", "Ceil", "Sqrt", "Not", "Add",
       "Sub", "Mul", "Div", "Max", "Min", "Equal", "Less", "Greater"},
      op);
}

bool mlir::aidge::onnx_import::isFoldOnlyOp(StringRef opType) {
  return llvm::is_contained({"Shape", "Size", "ConstantOfShape", "Range",
                             "Expand", "Where", "Equal", "Less", "Greater",
                             "Not", "ReduceProd", "Floor", "Ceil"},
                            opType);
}

FailureOr<bool> mlir::aidge::onnx_import::tryFoldNode(NodeImporter &node) {
  StringRef op = node.opType();
  if (!isFoldable(op))
    return false;
  // Shape and Size only need the (static) type of their input.
  bool needsValues = op != "Shape" && op != "Size";
  int64_t elements = 0;
  for (int i = 0; needsValues && i < node.numInputs(); ++i) {
    if (!node.hasInput(i))
      continue;
    const HostTensor *tensor = node.constantInput(i);
    if (!tensor)
      return false;
    elements += tensor->numElements();
  }
  if (elements > kMaxFoldElements)
    return false;
  if (failed(node.onlyOutputsUsed(1)) || failed(Folder(node).fold()))
    return failure();
  return true;
}
