//===- DataFormat.h - Dimension orders of aidge tensors ---------*- C++ -*-===//
//
// A tensor's data format is its encoding (`#aidge<format nhwc>`), or the
// default channel-first order when it has none. Ops that care where the
// channels are (convolutions, pools, batch norm) read their operands through
// these helpers, so they accept every format.
//
//===----------------------------------------------------------------------===//

#ifndef AIDGE_DIALECT_AIDGE_IR_DATAFORMAT_H
#define AIDGE_DIALECT_AIDGE_IR_DATAFORMAT_H

#include "aidge/Dialect/Aidge/IR/AidgeDialect.h"
#include "mlir/IR/BuiltinTypes.h"
#include <optional>

namespace mlir::aidge {

/// The rank a format is for, or nullopt for `any` and `default`.
std::optional<int64_t> getFormatRank(DataFormat format);

/// Where each stored dimension comes from: stored dimension `i` is dimension
/// `perm[i]` of the default order. nullopt when `format` is not for `rank`.
std::optional<SmallVector<int64_t>> getFormatPermutation(DataFormat format,
                                                         int64_t rank);

/// The format of `type`: its encoding, or `default`.
DataFormat getDataFormat(Type type);

/// Whether data in format `a` and in format `b` is laid out alike for a
/// tensor of `rank` (e.g. `default` and `nchw` for rank 4).
bool isSameLayout(DataFormat a, DataFormat b, int64_t rank);

/// The shape of `type` in the default order.
SmallVector<int64_t> getDefaultOrderShape(RankedTensorType type);

/// A tensor whose default-order shape is `shape`, stored in `format`; no
/// encoding when `format` stores dimensions in the default order.
RankedTensorType getTensorInFormat(ArrayRef<int64_t> shape, Type elementType,
                                   DataFormat format);

} // namespace mlir::aidge

#endif // AIDGE_DIALECT_AIDGE_IR_DATAFORMAT_H
