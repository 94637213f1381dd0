//===- Tensor.cpp - Values of reference tensors ---------------------------===//
//
// Tensors hold doubles whatever their element type: every f32, f16 or bf16
// value and every integer up to 2^53 is exact in a double, so the ops can
// compute in double and round once, when they store a result.
//
//===----------------------------------------------------------------------===//

#include "Evaluators.h"

#include "aidge/Dialect/Aidge/IR/ConstantData.h"
#include "aidge/Dialect/Aidge/IR/DataFormat.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "llvm/ADT/APFloat.h"

#include <cmath>
#include <cstring>

using namespace mlir;
using namespace mlir::aidge;
using namespace mlir::aidge::reference;
using namespace mlir::aidge::reference::detail;

static double toDouble(APFloat value) {
  bool lost;
  value.convert(APFloat::IEEEdouble(), APFloat::rmNearestTiesToEven, &lost);
  return value.convertToDouble();
}

static double toDouble(const APInt &value, IntegerType type) {
  if (type.getWidth() == 1 || type.isUnsigned())
    return static_cast<double>(value.getZExtValue());
  return static_cast<double>(value.getSExtValue());
}

double reference::roundToElementType(Type type, double value) {
  if (auto floatType = dyn_cast<FloatType>(type)) {
    if (floatType.isF64())
      return value;
    if (floatType.isF32())
      return static_cast<float>(value);
    APFloat rounded(value);
    bool lost;
    rounded.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven,
                    &lost);
    return toDouble(rounded);
  }
  auto integer = cast<IntegerType>(type);
  if (integer.getWidth() == 1)
    return value != 0; // NaN too, as numpy's bool(nan)
  if (std::isnan(value))
    return value;
  double whole = std::trunc(value);
  if (integer.getWidth() >= 64)
    return whole;
  // Two's complement wrap-around, as the integer ops of ONNX (numpy) do.
  double modulus = std::ldexp(1.0, integer.getWidth());
  double wrapped = std::fmod(whole, modulus);
  if (wrapped < 0)
    wrapped += modulus;
  if (!integer.isUnsigned() && wrapped >= modulus / 2)
    wrapped -= modulus;
  return wrapped;
}

std::optional<Tensor> reference::getTensor(ElementsAttr value) {
  auto type = dyn_cast<RankedTensorType>(value.getType());
  if (!type)
    return std::nullopt;
  Type element = type.getElementType();
  auto floatType = dyn_cast<FloatType>(element);
  auto intType = dyn_cast<IntegerType>(element);
  if (!floatType && !intType)
    return std::nullopt;
  Tensor tensor{type, {}};
  tensor.values.reserve(type.getNumElements());
  if (auto dense = dyn_cast<DenseElementsAttr>(value)) {
    if (floatType)
      for (APFloat v : dense.getValues<APFloat>())
        tensor.values.push_back(toDouble(v));
    else
      for (APInt v : dense.getValues<APInt>())
        tensor.values.push_back(toDouble(v, intType));
    return tensor;
  }
  std::optional<std::vector<char>> bytes = getConstantBytes(value);
  if (!bytes)
    return std::nullopt;
  unsigned bits = element.getIntOrFloatBitWidth();
  size_t width = bits / 8;
  if (element.isF32()) {
    std::vector<float> floats(bytes->size() / 4);
    std::memcpy(floats.data(), bytes->data(), floats.size() * 4);
    tensor.values.assign(floats.begin(), floats.end());
    return tensor;
  }
  for (size_t at = 0; at + width <= bytes->size(); at += width) {
    uint64_t raw = 0;
    std::memcpy(&raw, bytes->data() + at, width); // little-endian
    APInt v(bits, raw);
    tensor.values.push_back(floatType
                                ? toDouble(APFloat(floatType.getFloatSemantics(), v))
                                : toDouble(v, intType));
  }
  return tensor;
}

ElementsAttr reference::getElementsAttr(const Tensor &tensor) {
  Type element = tensor.type.getElementType();
  auto type = RankedTensorType::get(tensor.type.getShape(), element);
  if (element.isF32()) {
    std::vector<float> floats(tensor.values.begin(), tensor.values.end());
    return DenseElementsAttr::get(type, ArrayRef<float>(floats));
  }
  if (element.isF64())
    return DenseElementsAttr::get(type, ArrayRef<double>(tensor.values));
  if (auto floatType = dyn_cast<FloatType>(element)) {
    SmallVector<APFloat> floats;
    for (double v : tensor.values) {
      APFloat f(v);
      bool lost;
      f.convert(floatType.getFloatSemantics(), APFloat::rmNearestTiesToEven, &lost);
      floats.push_back(f);
    }
    return DenseElementsAttr::get(type, floats);
  }
  auto intType = cast<IntegerType>(element);
  SmallVector<APInt> ints;
  for (double v : tensor.values) {
    bool isSigned = !intType.isUnsigned() && intType.getWidth() > 1;
    uint64_t raw = isSigned ? static_cast<uint64_t>(static_cast<int64_t>(v))
                            : static_cast<uint64_t>(v);
    ints.push_back(APInt(intType.getWidth(), raw, isSigned));
  }
  return DenseElementsAttr::get(type, ints);
}

//===----------------------------------------------------------------------===//
// Helpers shared by the families
//===----------------------------------------------------------------------===//

const Tensor &reference::detail::lookup(const ValueMap &values, Value value) {
  return values.find(value)->second;
}

void reference::detail::setResult(ValueMap &map, Value result, std::vector<double> values) {
  auto type = cast<RankedTensorType>(result.getType());
  Type element = type.getElementType();
  if (!element.isF64())
    for (double &v : values)
      v = roundToElementType(element, v);
  map[result] = Tensor{type, std::move(values)};
}

SmallVector<int64_t> reference::detail::getStrides(ArrayRef<int64_t> shape) {
  SmallVector<int64_t> strides(shape.size(), 1);
  for (int64_t d = (int64_t)shape.size() - 2; d >= 0; --d)
    strides[d] = strides[d + 1] * shape[d + 1];
  return strides;
}

int64_t reference::detail::getNumElements(ArrayRef<int64_t> shape) {
  int64_t n = 1;
  for (int64_t d : shape)
    n *= d;
  return n;
}

void reference::detail::forEachIndex(ArrayRef<int64_t> shape,
                          function_ref<void(int64_t, ArrayRef<int64_t>)> fn) {
  int64_t n = getNumElements(shape);
  SmallVector<int64_t> index(shape.size(), 0);
  for (int64_t flat = 0; flat < n; ++flat) {
    fn(flat, index);
    for (int64_t d = (int64_t)shape.size() - 1; d >= 0; --d) {
      if (++index[d] < shape[d])
        break;
      index[d] = 0;
    }
  }
}

std::vector<double> reference::detail::permute(ArrayRef<double> values,
                                    ArrayRef<int64_t> shape,
                                    ArrayRef<int64_t> perm) {
  SmallVector<int64_t> inStrides = getStrides(shape), outShape;
  for (int64_t p : perm)
    outShape.push_back(shape[p]);
  std::vector<double> out(values.size());
  forEachIndex(outShape, [&](int64_t flat, ArrayRef<int64_t> index) {
    int64_t source = 0;
    for (size_t d = 0; d < perm.size(); ++d)
      source += index[d] * inStrides[perm[d]];
    out[flat] = values[source];
  });
  return out;
}

static bool isIdentity(ArrayRef<int64_t> perm) {
  for (auto [i, p] : llvm::enumerate(perm))
    if (p != (int64_t)i)
      return false;
  return true;
}

std::vector<double> reference::detail::toDefaultOrder(const Tensor &tensor) {
  // Stored dimension i is default dimension perm[i].
  auto perm = getFormatPermutation(getDataFormat(tensor.type), tensor.type.getRank());
  if (!perm || isIdentity(*perm))
    return tensor.values;
  SmallVector<int64_t> inverse(perm->size());
  for (auto [stored, dim] : llvm::enumerate(*perm))
    inverse[dim] = stored;
  return permute(tensor.values, tensor.type.getShape(), inverse);
}

std::vector<double> reference::detail::fromDefaultOrder(RankedTensorType type,
                                             std::vector<double> values) {
  auto perm = getFormatPermutation(getDataFormat(type), type.getRank());
  if (!perm || isIdentity(*perm))
    return values;
  return permute(values, getDefaultOrderShape(type), *perm);
}

double reference::detail::activate(ActivationAttr activation, double value) {
  if (!activation)
    return value;
  switch (activation.getKind()) {
  case ActivationKind::relu:
    return value < 0 ? 0 : value;
  case ActivationKind::clip:
    if (FloatAttr min = activation.getMin(); min && value < min.getValueAsDouble())
      return min.getValueAsDouble();
    if (FloatAttr max = activation.getMax(); max && value > max.getValueAsDouble())
      return max.getValueAsDouble();
    return value;
  case ActivationKind::leaky_relu:
    return value >= 0 ? value : activation.getAlpha().getValueAsDouble() * value;
  }
  llvm_unreachable("unknown activation kind");
}
