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

#endif // AIDGE_DIALECT_AIDGEEXPORT_IR_AIDGEEXPORTDIALECT_H
