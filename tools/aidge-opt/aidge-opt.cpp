//===- aidge-opt.cpp - The aidge optimizer driver -------------------------===//

#include "aidge/Conversion/Passes.h"
#include "aidge/Dialect/Aidge/Transforms/Passes.h"
#include "aidge/InitAllDialects.h"
#include "aidge/Pipelines/ExportPipeline.h"

#include "mlir/IR/DialectRegistry.h"
#include "mlir/Tools/mlir-opt/MlirOptMain.h"
#include "mlir/Transforms/Passes.h"

int main(int argc, char **argv) {
  mlir::DialectRegistry registry;
  mlir::aidge::registerAllDialects(registry);
  // The generic cleanups (canonicalize, cse, symbol-dce, ...) apply to
  // aidge graphs as they are.
  mlir::registerTransformsPasses();
  mlir::aidge::registerAidgePasses();
  mlir::aidge::registerAidgeConversionPasses();
  mlir::aidge::registerExportPipeline();
  return mlir::asMainReturnCode(
      mlir::MlirOptMain(argc, argv, "aidge optimizer driver\n", registry));
}
