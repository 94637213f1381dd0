//===- InitAllDialects.h - Dialects aidge tools understand ------*- C++ -*-===//
//
// For compilers that embed aidge-mlir: registers every dialect our tools
// parse, so that an external tool accepts the same IR as aidge-opt.
//
//===----------------------------------------------------------------------===//

#ifndef AIDGE_INITALLDIALECTS_H
#define AIDGE_INITALLDIALECTS_H

#include "aidge/Dialect/Aidge/IR/AidgeDialect.h"
#include "aidge/Dialect/AidgeExport/IR/AidgeExportDialect.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/IR/DialectRegistry.h"

namespace mlir::aidge {

inline void registerAllDialects(DialectRegistry &registry) {
  registry.insert<AidgeDialect, aidge_export::AidgeExportDialect,
                  func::FuncDialect>();
}

} // namespace mlir::aidge

#endif // AIDGE_INITALLDIALECTS_H
