//===- Passes.h - aidge graph transformations -------------------*- C++ -*-===//

#ifndef AIDGE_DIALECT_AIDGE_TRANSFORMS_PASSES_H
#define AIDGE_DIALECT_AIDGE_TRANSFORMS_PASSES_H

#include "aidge/Dialect/Aidge/IR/AidgeDialect.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/BuiltinOps.h"
#include "mlir/Pass/Pass.h"

namespace mlir::aidge {

#define GEN_PASS_DECL
#include "aidge/Dialect/Aidge/Transforms/Passes.h.inc"

/// Moves transposes down across element-wise ops and concatenations whose
/// implementation takes any data format, so that back-to-back transposes
/// meet and cancel.
void populateTransposeSinkingPatterns(RewritePatternSet &patterns);

#define GEN_PASS_REGISTRATION
#include "aidge/Dialect/Aidge/Transforms/Passes.h.inc"

} // namespace mlir::aidge

#endif // AIDGE_DIALECT_AIDGE_TRANSFORMS_PASSES_H
