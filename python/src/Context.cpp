//===- Context.cpp - The module's MLIRContext and diagnostics -------------===//

#include "Core.h"

#include "aidge/Conversion/Passes.h"
#include "aidge/Dialect/Aidge/Transforms/Passes.h"
#include "aidge/InitAllDialects.h"
#include "aidge/Pipelines/ExportPipeline.h"

#include "mlir/IR/MLIRContext.h"
#include "llvm/ADT/StringExtras.h"
#include "mlir/Transforms/Passes.h"

using namespace mlir;
using namespace aidge_python;

MLIRContext &aidge_python::getContext() {
  // Leaked on purpose: Python may tear modules down in any order at exit,
  // and graphs still alive then hold ops of this context.
  static MLIRContext *context = [] {
    DialectRegistry registry;
    aidge::registerAllDialects(registry);
    // The same passes and pipelines as aidge-opt, for run_pipeline.
    registerTransformsPasses();
    aidge::registerAidgePasses();
    aidge::registerAidgeConversionPasses();
    aidge::registerExportPipeline();
    auto *created =
        new MLIRContext(registry, MLIRContext::Threading::DISABLED);
    created->loadAllAvailableDialects();
    // Python shows the diagnostics; a dump of the whole module would bury
    // them.
    created->printOpOnDiagnostic(false);
    return created;
  }();
  return *context;
}

Diagnostics::Diagnostics()
    : os(text), handler(sourceMgr, &getContext(), os) {}

void Diagnostics::fail(llvm::StringRef fallback) {
  os.flush();
  // Diagnostics without a location carry no information in their prefix.
  std::string message;
  for (llvm::StringRef line : llvm::split(llvm::StringRef(text).rtrim(), '\n')) {
    line.consume_front("<unknown>:0: ");
    message += (message.empty() ? "" : "\n") + line.str();
  }
  throw Error(message.empty() ? fallback.str() : message);
}
