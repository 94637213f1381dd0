//===- TranslateRegistration.cpp - --import-onnx for mlir-translate tools -===//

#include "aidge/Import/ONNX/ImportONNX.h"

#include "aidge/Dialect/Aidge/IR/AidgeDialect.h"
#include "mlir/Dialect/Func/IR/FuncOps.h"
#include "mlir/Tools/mlir-translate/Translation.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/SourceMgr.h"

using namespace mlir;

void mlir::aidge::registerImportONNXTranslation() {
  static llvm::cl::list<std::string> inputShapes(
      "input-shape",
      llvm::cl::desc("Static shape of an ONNX graph input, as "
                     "name:d0xd1x... (repeatable)"));

  TranslateToMLIRRegistration registration(
      "import-onnx", "import a binary ONNX model into the aidge dialect",
      [](llvm::SourceMgr &sourceMgr, MLIRContext *context) -> OwningOpRef<Operation *> {
        const llvm::MemoryBuffer *buffer =
            sourceMgr.getMemoryBuffer(sourceMgr.getMainFileID());
        ImportONNXOptions options;
        options.externalDataDir =
            llvm::sys::path::parent_path(buffer->getBufferIdentifier()).str();
        for (const std::string &text : inputShapes)
          if (std::optional<std::string> error = parseInputShape(text, options)) {
            emitError(UnknownLoc::get(context)) << "--input-shape: " << *error;
            return nullptr;
          }
        return importONNXModel(buffer->getBuffer(), context, options);
      },
      [](DialectRegistry &registry) {
        registry.insert<AidgeDialect, func::FuncDialect>();
      });
}
