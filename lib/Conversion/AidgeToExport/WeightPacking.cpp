//===- WeightPacking.cpp - Constants re-laid for their kernel -------------===//

#include "WeightPacking.h"

#include "aidge/Dialect/Aidge/IR/ConstantData.h"

#include "mlir/IR/BuiltinTypes.h"

using namespace mlir;
using namespace mlir::aidge;

std::optional<ElementsAttr> mlir::aidge::packRowBlocks(ElementsAttr value,
                                                       int64_t groups,
                                                       int64_t rows,
                                                       int64_t cols,
                                                       int64_t block,
                                                       bool transposed) {
  std::optional<std::vector<float>> data = getF32Values(value);
  if (!data || (int64_t)data->size() != groups * rows * cols)
    return std::nullopt;
  int64_t blocks = (rows + block - 1) / block;
  std::vector<float> packed(groups * blocks * cols * block, 0.0f);
  for (int64_t g = 0; g < groups; ++g)
    for (int64_t r = 0; r < rows; ++r)
      for (int64_t c = 0; c < cols; ++c) {
        int64_t row = g * rows + r;
        int64_t from = transposed ? c * groups * rows + row : row * cols + c;
        packed[((g * blocks + r / block) * cols + c) * block + r % block] =
            (*data)[from];
      }
  Type f32 = cast<ShapedType>(value.getType()).getElementType();
  auto type = RankedTensorType::get({groups, blocks, cols, block}, f32);
  return makeF32Constant(type, packed, getConstantName(value) + ".packed");
}

std::optional<ElementsAttr> mlir::aidge::scaledBias(ElementsAttr value,
                                                    int64_t size, float scale) {
  std::optional<std::vector<float>> data = getF32Values(value);
  if (!data || ((int64_t)data->size() != size && data->size() != 1))
    return std::nullopt;
  std::vector<float> bias(size);
  for (int64_t i = 0; i < size; ++i)
    bias[i] = scale * (*data)[data->size() == 1 ? 0 : i];
  Type f32 = cast<ShapedType>(value.getType()).getElementType();
  return makeF32Constant(RankedTensorType::get({size}, f32), bias,
                         getConstantName(value) + ".bias");
}
