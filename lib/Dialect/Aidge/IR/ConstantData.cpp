//===- ConstantData.cpp - Reading and making aidge constants --------------===//

#include "aidge/Dialect/Aidge/IR/ConstantData.h"

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/DialectResourceBlobManager.h"
#include <cstring>

using namespace mlir;
using namespace mlir::aidge;

static unsigned byteWidth(Type elementType) {
  return std::max<unsigned>(elementType.getIntOrFloatBitWidth() / 8, 1);
}

ElementsAttr mlir::aidge::makeConstant(RankedTensorType type,
                                       ArrayRef<char> bytes, StringRef name) {
  // Small constants stay readable in the IR; weights go to resource blobs.
  constexpr int64_t kInlineLimit = 16;
  if (type.getNumElements() <= kInlineLimit)
    return DenseElementsAttr::getFromRawBuffer(type, bytes);
  return DenseResourceElementsAttr::get(
      type, name,
      HeapAsmResourceBlob::allocateAndCopyWithAlign(
          bytes, byteWidth(type.getElementType())));
}

std::optional<ArrayRef<char>> mlir::aidge::getConstantData(ElementsAttr value) {
  auto type = cast<ShapedType>(value.getType());
  Type elementType = type.getElementType();
  if (!elementType.isIntOrFloat() || elementType.getIntOrFloatBitWidth() % 8)
    return std::nullopt;
  ArrayRef<char> raw;
  if (auto dense = dyn_cast<DenseElementsAttr>(value)) {
    raw = dense.getRawData();
  } else if (auto resource = dyn_cast<DenseResourceElementsAttr>(value)) {
    AsmResourceBlob *blob = resource.getRawHandle().getBlob();
    if (!blob)
      return std::nullopt;
    raw = blob->getData();
  } else {
    return std::nullopt;
  }
  size_t width = byteWidth(elementType);
  if (raw.size() != width && raw.size() != type.getNumElements() * width)
    return std::nullopt;
  return raw;
}

std::optional<std::vector<char>> mlir::aidge::getConstantBytes(ElementsAttr value) {
  std::optional<ArrayRef<char>> raw = getConstantData(value);
  if (!raw)
    return std::nullopt;
  auto type = cast<ShapedType>(value.getType());
  size_t width = byteWidth(type.getElementType());
  size_t size = type.getNumElements() * width;
  if (raw->size() == size)
    return std::vector<char>(raw->begin(), raw->end());
  std::vector<char> bytes(size); // a splat
  for (size_t offset = 0; offset < size; offset += width)
    std::memcpy(bytes.data() + offset, raw->data(), width);
  return bytes;
}

std::optional<std::vector<float>> mlir::aidge::getF32Values(ElementsAttr value) {
  if (!cast<ShapedType>(value.getType()).getElementType().isF32())
    return std::nullopt;
  auto bytes = getConstantBytes(value);
  if (!bytes)
    return std::nullopt;
  std::vector<float> values(bytes->size() / sizeof(float));
  std::memcpy(values.data(), bytes->data(), bytes->size());
  return values;
}

ElementsAttr mlir::aidge::makeF32Constant(RankedTensorType type,
                                          ArrayRef<float> values,
                                          StringRef name) {
  ArrayRef<char> bytes(reinterpret_cast<const char *>(values.data()),
                       values.size() * sizeof(float));
  return makeConstant(type, bytes, name);
}

std::optional<ElementsAttr>
mlir::aidge::transposeConstant(ElementsAttr value, ArrayRef<int64_t> perm,
                               RankedTensorType resultType) {
  std::optional<ArrayRef<char>> bytes = getConstantData(value);
  if (!bytes)
    return std::nullopt;
  auto inputType = cast<ShapedType>(value.getType());
  size_t width = byteWidth(inputType.getElementType());
  std::optional<std::vector<char>> splat;
  if (bytes->size() != inputType.getNumElements() * width)
    bytes = *(splat = getConstantBytes(value));
  ArrayRef<int64_t> inShape = inputType.getShape();
  int64_t rank = inShape.size();
  if (rank == 0)
    return makeConstant(resultType, *bytes, getConstantName(value));
  SmallVector<int64_t> inStrides(rank, 1);
  for (int64_t d = rank - 2; d >= 0; --d)
    inStrides[d] = inStrides[d + 1] * inShape[d + 1];
  // Walk the result in row-major order, reading the input through perm: an
  // index over the outer dimensions, a strided run over the innermost.
  std::vector<char> out(bytes->size());
  int64_t inner = resultType.getDimSize(rank - 1);
  size_t step = inStrides[perm[rank - 1]] * width;
  SmallVector<int64_t> index(rank - 1, 0);
  for (size_t offset = 0; offset < out.size();) {
    int64_t source = 0;
    for (int64_t d = 0; d < rank - 1; ++d)
      source += index[d] * inStrides[perm[d]];
    const char *from = bytes->data() + source * width;
    for (int64_t i = 0; i < inner; ++i, offset += width, from += step)
      std::memcpy(out.data() + offset, from, width);
    for (int64_t d = rank - 2; d >= 0; --d) {
      if (++index[d] < resultType.getDimSize(d))
        break;
      index[d] = 0;
    }
  }
  return makeConstant(resultType, out, getConstantName(value));
}

std::string mlir::aidge::getConstantName(ElementsAttr value) {
  if (auto resource = dyn_cast<DenseResourceElementsAttr>(value))
    return resource.getRawHandle().getKey().str();
  return "cst";
}
