//===- Passes.h - Conversions between aidge dialects ------------*- C++ -*-===//

#ifndef AIDGE_CONVERSION_PASSES_H
#define AIDGE_CONVERSION_PASSES_H

#include "aidge/Dialect/AidgeExport/IR/AidgeExportDialect.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::aidge {

#define GEN_PASS_DECL
#include "aidge/Conversion/Passes.h.inc"

#define GEN_PASS_REGISTRATION
#include "aidge/Conversion/Passes.h.inc"

} // namespace mlir::aidge

#endif // AIDGE_CONVERSION_PASSES_H
