//===- AidgeExportDialect.h - What the generated C++ needs ------*- C++ -*-===//

#ifndef AIDGE_DIALECT_AIDGEEXPORT_IR_AIDGEEXPORTDIALECT_H
#define AIDGE_DIALECT_AIDGEEXPORT_IR_AIDGEEXPORTDIALECT_H

#include "aidge/Dialect/Aidge/IR/AidgeDialect.h"
#include "mlir/Bytecode/BytecodeOpInterface.h"
#include "mlir/IR/BuiltinAttributes.h"
#include "mlir/IR/Dialect.h"
#include "mlir/IR/OpDefinition.h"
#include "mlir/IR/SymbolTable.h"

#include "aidge/Dialect/AidgeExport/IR/AidgeExportDialect.h.inc"

#define GET_OP_CLASSES
#include "aidge/Dialect/AidgeExport/IR/AidgeExportOps.h.inc"

namespace mlir::aidge_export {
/// The C++ type of a tensor element ("float", "std::int64_t", ...), or
/// none for a type the export cannot hold.
std::optional<std::string> getCppType(Type elementType);
} // namespace mlir::aidge_export

#endif // AIDGE_DIALECT_AIDGEEXPORT_IR_AIDGEEXPORTDIALECT_H
