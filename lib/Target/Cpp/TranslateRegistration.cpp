//===- TranslateRegistration.cpp - aidge-translate --to-cpp ---------------===//

#include "aidge/Target/Cpp/ExportToCpp.h"

#include "aidge/InitAllDialects.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"

using namespace mlir;
using namespace mlir::aidge;

static llvm::cl::opt<std::string>
    exportDir("export-dir",
              llvm::cl::desc("With --to-cpp: write the export tree into this "
                             "directory (default: print every file)"),
              llvm::cl::init(""));

/// Prints each file after a marker line, for FileCheck; copied library
/// files are only named.
static ExportFileSink getPrintingSink(raw_ostream &os) {
  ExportFileSink sink;
  sink.stream = [&os](StringRef path, ExportFileSink::Contents contents) {
    os << "// ----- FILE: " << path << "\n";
    return contents(os);
  };
  sink.copy = [&os](StringRef path, StringRef source) {
    os << "// ----- FILE: " << path << " (copied from " << source << ")\n";
    return success();
  };
  return sink;
}

void mlir::aidge::registerToCppTranslation() {
  TranslateFromMLIRRegistration registration(
      "to-cpp", "Write the C++ export of an aidge_export module",
      [](Operation *op, raw_ostream &output) -> LogicalResult {
        auto module = dyn_cast<ModuleOp>(op);
        if (!module)
          return op->emitError("expected a module");
        return exportToCpp(module, exportDir.empty() ? getPrintingSink(output)
                                                     : getDirectorySink(exportDir));
      },
      [](DialectRegistry &registry) { registerAllDialects(registry); });
}
