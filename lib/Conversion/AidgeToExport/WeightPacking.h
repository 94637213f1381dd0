//===- WeightPacking.h - Constants re-laid for their kernel -----*- C++ -*-===//
//
// The layouts of ExportLib's WeightPacking, made at export time from a
// weight stored as its op stores it.
//
//===----------------------------------------------------------------------===//

#ifndef AIDGE_LIB_CONVERSION_AIDGETOEXPORT_WEIGHTPACKING_H
#define AIDGE_LIB_CONVERSION_AIDGETOEXPORT_WEIGHTPACKING_H

#include "mlir/IR/BuiltinAttributeInterfaces.h"
#include <optional>

namespace mlir::aidge {

/// Output channels per block of WeightPacking::outputBlocks: kOutBlock of
/// lib/Target/Cpp/Library/cpp/utils/cpp/blocking.hpp.
constexpr int64_t kOutputBlock = 16;

// Each returns its result's data named `name`.

/// The f32 constant `value` seen as a matrix [groups * rows][cols] stored
/// row-major (or, `transposed`, [cols][groups * rows]), re-laid as
/// [groups][ceil(rows / block)][cols][block], rows past `rows` being zero:
///   packed[g][b][c][j] = value(g * rows + b * block + j, c).
/// nullopt when its data is not available.
std::optional<ElementsAttr> packRowBlocks(ElementsAttr value, int64_t groups,
                                          int64_t rows, int64_t cols,
                                          int64_t block, bool transposed,
                                          StringRef name);

/// The f32 3x3 kernel `value`, [out][3][3][in] row-major, transformed for
/// Winograd's F(4x4, 3x3) (U = G g G^T, in double) and re-laid as
/// [ceil(out / block)][36][in][block], outputs past `out` being zero:
///   packed[b][k][c][j] = U(b * block + j, c)[k / 6][k % 6].
/// nullopt when its data is not available.
std::optional<ElementsAttr> packWinograd4x4(ElementsAttr value, int64_t out,
                                            int64_t in, int64_t block,
                                            StringRef name);

/// A bias of `size` f32 values: `scale` times `value`, which holds `size`
/// values or one (broadcast). nullopt when its data is not available.
std::optional<ElementsAttr> scaledBias(ElementsAttr value, int64_t size,
                                       float scale, StringRef name);

} // namespace mlir::aidge

#endif // AIDGE_LIB_CONVERSION_AIDGETOEXPORT_WEIGHTPACKING_H
