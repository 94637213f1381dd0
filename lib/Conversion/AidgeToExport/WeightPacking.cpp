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
                                                       bool transposed,
                                                       StringRef name) {
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
  return makeF32Constant(type, packed, name);
}

std::optional<ElementsAttr> mlir::aidge::packWinograd4x4(ElementsAttr value,
                                                         int64_t out,
                                                         int64_t in,
                                                         int64_t block,
                                                         StringRef name) {
  // F(4x4, 3x3)'s kernel transform, for the interpolation points 0, 1, -1,
  // 2, -2 and infinity of the kernel's B^T and A^T.
  static constexpr double G[6][3] = {{1.0 / 4, 0, 0},
                                     {-1.0 / 6, -1.0 / 6, -1.0 / 6},
                                     {-1.0 / 6, 1.0 / 6, -1.0 / 6},
                                     {1.0 / 24, 1.0 / 12, 1.0 / 6},
                                     {1.0 / 24, -1.0 / 12, 1.0 / 6},
                                     {0, 0, 1}};
  std::optional<std::vector<float>> data = getF32Values(value);
  if (!data || (int64_t)data->size() != out * 9 * in)
    return std::nullopt;
  int64_t blocks = (out + block - 1) / block;
  std::vector<float> packed(blocks * 36 * in * block, 0.0f);
  for (int64_t m = 0; m < out; ++m)
    for (int64_t c = 0; c < in; ++c) {
      auto g = [&](int64_t ky, int64_t kx) {
        return (double)(*data)[((m * 3 + ky) * 3 + kx) * in + c];
      };
      for (int64_t i = 0; i < 6; ++i)
        for (int64_t j = 0; j < 6; ++j) {
          double u = 0;
          for (int64_t a = 0; a < 3; ++a)
            for (int64_t b = 0; b < 3; ++b)
              u += G[i][a] * g(a, b) * G[j][b];
          packed[(((m / block) * 36 + i * 6 + j) * in + c) * block +
                 m % block] = (float)u;
        }
    }
  Type f32 = cast<ShapedType>(value.getType()).getElementType();
  auto type = RankedTensorType::get({blocks, 36, in, block}, f32);
  return makeF32Constant(type, packed, name);
}

std::optional<ElementsAttr> mlir::aidge::scaledBias(ElementsAttr value,
                                                    int64_t size, float scale,
                                                    StringRef name) {
  std::optional<std::vector<float>> data = getF32Values(value);
  if (!data || ((int64_t)data->size() != size && data->size() != 1))
    return std::nullopt;
  std::vector<float> bias(size);
  for (int64_t i = 0; i < size; ++i)
    bias[i] = scale * (*data)[data->size() == 1 ? 0 : i];
  Type f32 = cast<ShapedType>(value.getType()).getElementType();
  return makeF32Constant(RankedTensorType::get({size}, f32), bias, name);
}
