//===- ExportToCpp.h - Write the C++ export of an aidge_export module -*- C++ -*-===//

#ifndef AIDGE_TARGET_CPP_EXPORTTOCPP_H
#define AIDGE_TARGET_CPP_EXPORTTOCPP_H

#include "mlir/IR/BuiltinOps.h"
#include "llvm/ADT/StringRef.h"
#include <functional>

namespace mlir::aidge {

/// Receives each file of the export: its path in the export tree, and
/// either its contents or, for a library file copied as is, its source.
struct ExportFileSink {
  std::function<LogicalResult(StringRef path, StringRef contents)> write;
  std::function<LogicalResult(StringRef path, StringRef source)> copy;
};

/// Writes the export tree of `module`, which holds aidge_export ops: the
/// dnn/ sources, the kernel and utils headers they use, main.cpp, data/,
/// a Makefile and a CMakeLists.txt. Errors are emitted on the ops.
LogicalResult exportToCpp(ModuleOp module, const ExportFileSink &sink);

/// The sink that writes files under `dir`.
ExportFileSink getDirectorySink(StringRef dir);

/// Registers `aidge-translate --to-cpp [--export-dir=DIR]`.
void registerToCppTranslation();

} // namespace mlir::aidge

#endif // AIDGE_TARGET_CPP_EXPORTTOCPP_H
