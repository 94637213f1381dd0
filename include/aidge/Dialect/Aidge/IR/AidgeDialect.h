//===- AidgeDialect.h - The aidge graph dialect -----------------*- C++ -*-===//

#ifndef AIDGE_DIALECT_AIDGE_IR_AIDGEDIALECT_H
#define AIDGE_DIALECT_AIDGE_IR_AIDGEDIALECT_H

#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/TensorEncoding.h"

#include "aidge/Dialect/Aidge/IR/AidgeOpsDialect.h.inc"
#include "aidge/Dialect/Aidge/IR/AidgeEnums.h.inc"

#define GET_ATTRDEF_CLASSES
#include "aidge/Dialect/Aidge/IR/AidgeAttrs.h.inc"

namespace mlir::aidge {
/// The first ONNX node name in `loc` (fused ops carry several), or "".
std::string getNodeName(Location loc);
} // namespace mlir::aidge

#endif // AIDGE_DIALECT_AIDGE_IR_AIDGEDIALECT_H
