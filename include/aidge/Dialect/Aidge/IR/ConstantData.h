//===- ConstantData.h - Reading and making aidge constants ------*- C++ -*-===//
//
// Weights are `dense` literals when small and `dense_resource` blobs
// otherwise. Passes that rewrite weights (layout changes, batch-norm
// folding) read and make them through these helpers, whichever kind they
// are.
//
//===----------------------------------------------------------------------===//

#ifndef AIDGE_DIALECT_AIDGE_IR_CONSTANTDATA_H
#define AIDGE_DIALECT_AIDGE_IR_CONSTANTDATA_H

#include "mlir/IR/BuiltinAttributeInterfaces.h"
#include "mlir/IR/BuiltinTypes.h"
#include <optional>
#include <vector>

namespace mlir::aidge {

/// A constant with `type` holding `bytes` (row-major, little-endian): a
/// `dense` literal up to 16 elements, else a `dense_resource` blob named
/// after `name`. Small i1 tensors need DenseElementsAttr::get instead.
ElementsAttr makeConstant(RankedTensorType type, ArrayRef<char> bytes,
                          StringRef name);

/// The stored bytes of `value`, without a copy: all its elements row-major,
/// or one element for a splat (a `dense` splat, or a blob of one element).
/// nullopt as for getConstantBytes.
std::optional<ArrayRef<char>> getConstantData(ElementsAttr value);

/// The row-major bytes of `value`, splats expanded; nullopt when they are
/// not available (e.g. an i1 tensor or a blob that was released).
std::optional<std::vector<char>> getConstantBytes(ElementsAttr value);

/// The elements of an f32 constant; nullopt for other element types.
std::optional<std::vector<float>> getF32Values(ElementsAttr value);

/// An f32 constant of `type` holding `values`.
ElementsAttr makeF32Constant(RankedTensorType type, ArrayRef<float> values,
                             StringRef name);

/// `value` transposed by `perm` (result dimension i is dimension perm[i]),
/// with the type `resultType`; nullopt when its bytes are not available.
std::optional<ElementsAttr> transposeConstant(ElementsAttr value,
                                              ArrayRef<int64_t> perm,
                                              RankedTensorType resultType);

/// A name for a constant derived from `value`: its blob's name, or "cst".
std::string getConstantName(ElementsAttr value);

} // namespace mlir::aidge

#endif // AIDGE_DIALECT_AIDGE_IR_CONSTANTDATA_H
